/**
 * The experiment's tidy files, as text: results.csv, summary.csv, differences.csv, daily.csv,
 * series.csv and histograms.csv. Plain RFC 4180 CSV (no comment lines), numbers at full precision
 * (shortest round-trip form), NaN — nothing observed — as an empty cell, so pandas and readr load them
 * unchanged. Every row is written in (arm, replication) order, never completion order.
 */
import type { DailyMoments } from './accumulate.js';
import type { DifferenceRow, SummaryRow } from './analysis.js';
import type { ReplicateResult } from './replicate.js';
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

function armCells(arm: Arm<unknown>): Cell[] {
  return [arm.scenario, arm.variant, arm.sweepPoint, arm.policy];
}

/** Joins a header and lines into a file's text (always newline-terminated). */
function file(header: string, lines: string[]): string {
  return `${[header, ...lines].join('\n')}\n`;
}

/** results.csv: one row per (arm, replication, metric, scope, statistic). */
export function resultsCsv(result: ReplicateResult<unknown>): string {
  const lines: string[] = [];
  result.accumulators.forEach((acc, a) => {
    if (result.failures.has(a)) return;
    const arm = armCells(result.arms[a]);
    acc.metrics.forEach((rows, r) => {
      for (const m of rows) lines.push(csvLine([...arm, r, m.metric, m.scope, m.statistic, m.value]));
    });
  });
  return file(HEADERS.results, lines);
}

export function summaryCsv(result: ReplicateResult<unknown>, rows: readonly SummaryRow[]): string {
  return file(
    HEADERS.summary,
    rows.map((s) =>
      csvLine([
        ...armCells(result.arms[s.arm]),
        s.metric,
        s.scope,
        s.statistic,
        s.n,
        s.mean,
        s.sd,
        s.ciLow,
        s.ciHigh,
        s.confidence,
      ]),
    ),
  );
}

export function differencesCsv(result: ReplicateResult<unknown>, rows: readonly DifferenceRow[]): string {
  return file(
    HEADERS.differences,
    rows.map((d) =>
      csvLine([
        ...armCells(result.arms[d.arm]),
        result.arms[d.baseline].id,
        d.metric,
        d.scope,
        d.statistic,
        d.n,
        d.meanDiff,
        d.ciLow,
        d.ciHigh,
        d.pairedHalfWidth,
        d.unpairedHalfWidth,
        d.verdict,
      ]),
    ),
  );
}

/** daily.csv: per arm, day and series, the mean over replications and its t interval. */
export function dailyCsv(result: ReplicateResult<unknown>, confidence: number): string {
  const lines: string[] = [];
  const tByN = new Map<number, number>();
  const t = (n: number): number => {
    let q = tByN.get(n);
    if (q === undefined) {
      q = n >= 2 ? studentTQuantile((1 + confidence) / 2, n - 1) : Number.NaN;
      tByN.set(n, q);
    }
    return q;
  };
  result.accumulators.forEach((acc, a) => {
    if (result.failures.has(a) || acc.daily === undefined) return;
    const arm = armCells(result.arms[a]);
    const d: DailyMoments = acc.daily;
    for (let day = 0; day < d.days; day++) {
      d.keys.forEach((key, k) => {
        const i = k * d.days + day;
        const n = d.count[i];
        const halfWidth = n >= 2 ? (t(n) * Math.sqrt(d.m2[i] / (n - 1))) / Math.sqrt(n) : Number.NaN;
        const mean = n > 0 ? d.mean[i] : Number.NaN;
        lines.push(
          csvLine([
            ...arm,
            day,
            d.dates[day],
            key.metric,
            key.scope,
            n,
            mean,
            mean - halfWidth,
            mean + halfWidth,
          ]),
        );
      });
    }
  });
  return file(HEADERS.daily, lines);
}

/** series.csv (with --series): every replication's daily values. */
export function seriesCsv(result: ReplicateResult<unknown>): string {
  const lines: string[] = [];
  result.accumulators.forEach((acc, a) => {
    if (result.failures.has(a)) return;
    const arm = armCells(result.arms[a]);
    acc.series.forEach((s, r) => {
      for (let day = 0; day < s.days; day++) {
        s.keys.forEach((key, k) => {
          lines.push(
            csvLine([...arm, r, day, s.dates[day], key.metric, key.scope, s.values[k * s.days + day]]),
          );
        });
      }
    });
  });
  return file(HEADERS.series, lines);
}

/** histograms.csv: each arm's wait histograms, counts summed over its replications. */
export function histogramsCsv(result: ReplicateResult<unknown>): string {
  const lines: string[] = [];
  result.accumulators.forEach((acc, a) => {
    if (result.failures.has(a)) return;
    const arm = armCells(result.arms[a]);
    for (const h of acc.histograms.values()) {
      h.counts.forEach((count, i) => {
        lines.push(csvLine([...arm, h.metric, h.scope, i * h.binWidth, (i + 1) * h.binWidth, count]));
      });
    }
  });
  return file(HEADERS.histograms, lines);
}
