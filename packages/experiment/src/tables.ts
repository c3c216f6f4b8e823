/**
 * The experiment's tidy files, as text: results.csv, summary.csv, differences.csv, daily.csv,
 * series.csv and histograms.csv. Plain RFC 4180 CSV (no comment lines), numbers at full precision
 * (shortest round-trip form), NaN — nothing observed — as an empty cell, so pandas and readr load them
 * unchanged. Every row is written in (arm, replication) order, never completion order.
 */
import type { ArmAccumulator, DailyMoments } from './accumulate.js';
import type { DifferenceRow, SummaryRow } from './analysis.js';
import type { ReplicateResult } from './result.js';
import { studentTQuantile } from './stats/student-t.js';
import type { Arm } from './types.js';

export const HEADERS = {
  results: 'scenario,variant,sweepPoint,policy,replication,metric,scope,statistic,value',
  summary: 'scenario,variant,sweepPoint,policy,metric,scope,statistic,n,mean,sd,ciLow,ciHigh,confidence',
  differences:
    'scenario,variant,sweepPoint,policy,baseline,metric,scope,statistic,n,meanDiff,ciLow,ciHigh,pairedHalfWidth,unpairedHalfWidth,verdict',
  daily: 'scenario,variant,sweepPoint,policy,day,date,metric,scope,n,mean,ciLow,ciHigh',
  series: 'scenario,variant,sweepPoint,policy,replication,day,date,metric,scope,value',
  histograms: 'scenario,variant,sweepPoint,policy,metric,scope,binLow,binHigh,count',
} as const;

type Cell = string | number;

/** RFC 4180 quoting; numbers in their shortest round-trip form; NaN and infinities as an empty cell. */
export function csvCell(cell: Cell): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

/** The columns naming an arm, first in every file. */
const ARM_COLUMNS = 4;

function armCells(arm: Arm<unknown>): Cell[] {
  return [arm.scenario, arm.variant, arm.sweepPoint, arm.policy];
}

/**
 * A row's cells after the arm's, each column the row's field of that name, so the header and the
 * cells cannot drift apart.
 */
function namedCells(header: string, row: object): Cell[] {
  return header
    .split(',')
    .slice(ARM_COLUMNS)
    .map((column) => {
      const cell = (row as Record<string, Cell | undefined>)[column];
      if (cell === undefined) throw new Error(`no '${column}' in a row written under '${header}'`);
      return cell;
    });
}

/** Joins a header and lines into a file's text (always newline-terminated). */
function file(header: string, lines: string[]): string {
  return `${[header, ...lines].join('\n')}\n`;
}

/**
 * A file of rows from each arm that did not fail, in arm order: `rowsOf` writes an arm's rows from
 * its accumulator, each starting with the arm's cells.
 */
function perArmFile(
  result: ReplicateResult<unknown>,
  header: string,
  rowsOf: (acc: ArmAccumulator, arm: readonly Cell[], row: (cells: readonly Cell[]) => void) => void,
): string {
  const lines: string[] = [];
  const row = (cells: readonly Cell[]) => {
    lines.push(csvLine(cells));
  };
  result.accumulators.forEach((acc, a) => {
    if (!result.failures.has(a)) rowsOf(acc, armCells(result.arms[a]), row);
  });
  return file(header, lines);
}

/** results.csv: one row per (arm, replication, metric, scope, statistic). */
export function resultsCsv(result: ReplicateResult<unknown>): string {
  return perArmFile(result, HEADERS.results, (acc, arm, row) => {
    acc.metrics.forEach((rows, r) => {
      for (const m of rows) row([...arm, r, m.metric, m.scope, m.statistic, m.value]);
    });
  });
}

export function summaryCsv(result: ReplicateResult<unknown>, rows: readonly SummaryRow[]): string {
  return file(
    HEADERS.summary,
    rows.map((s) => csvLine([...armCells(result.arms[s.arm]), ...namedCells(HEADERS.summary, s)])),
  );
}

export function differencesCsv(result: ReplicateResult<unknown>, rows: readonly DifferenceRow[]): string {
  return file(
    HEADERS.differences,
    rows.map((d) =>
      csvLine([
        ...armCells(result.arms[d.arm]),
        ...namedCells(HEADERS.differences, { ...d, baseline: result.arms[d.baseline].id }),
      ]),
    ),
  );
}

/** daily.csv: per arm, day and series, the mean over replications and its t interval. */
export function dailyCsv(result: ReplicateResult<unknown>, confidence: number): string {
  const tByN = new Map<number, number>();
  const t = (n: number): number => {
    let q = tByN.get(n);
    if (q === undefined) {
      q = n >= 2 ? studentTQuantile((1 + confidence) / 2, n - 1) : Number.NaN;
      tByN.set(n, q);
    }
    return q;
  };
  return perArmFile(result, HEADERS.daily, (acc, arm, row) => {
    if (acc.daily === undefined) return;
    const d: DailyMoments = acc.daily;
    for (let day = 0; day < d.days; day++) {
      d.keys.forEach((key, k) => {
        const i = k * d.days + day;
        const n = d.count[i];
        const halfWidth = n >= 2 ? (t(n) * Math.sqrt(d.m2[i] / (n - 1))) / Math.sqrt(n) : Number.NaN;
        const mean = n > 0 ? d.mean[i] : Number.NaN;
        row([...arm, day, d.dates[day], key.metric, key.scope, n, mean, mean - halfWidth, mean + halfWidth]);
      });
    }
  });
}

/** series.csv (with --series): every replication's daily values. */
export function seriesCsv(result: ReplicateResult<unknown>): string {
  return perArmFile(result, HEADERS.series, (acc, arm, row) => {
    acc.series.forEach((s, r) => {
      for (let day = 0; day < s.days; day++) {
        s.keys.forEach((key, k) => {
          row([...arm, r, day, s.dates[day], key.metric, key.scope, s.values[k * s.days + day]]);
        });
      }
    });
  });
}

/** histograms.csv: each arm's wait histograms, counts summed over its replications. */
export function histogramsCsv(result: ReplicateResult<unknown>): string {
  return perArmFile(result, HEADERS.histograms, (acc, arm, row) => {
    for (const h of acc.histograms.values()) {
      h.counts.forEach((count, i) => {
        row([...arm, h.metric, h.scope, i * h.binWidth, (i + 1) * h.binWidth, count]);
      });
    }
  });
}
