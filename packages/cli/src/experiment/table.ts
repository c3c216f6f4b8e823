/**
 * The comparison a board member reads in the terminal: for each headline outcome, every arm's mean
 * with its confidence interval, then its paired difference against the baseline and the verdict —
 * and, plainly, which differences cannot be told from noise and how many replications would tell.
 */
import type { DifferenceRow, MetricRef, ReplicateResult, SummaryRow } from '@carepool/experiment';
import { metricDefinition } from '@carepool/model';
import { formatValue, renderTable } from '../format.js';

export interface Headline extends MetricRef {
  label: string;
  unit: string;
}

const key = (r: MetricRef) => `${r.metric}\u0000${r.scope}\u0000${r.statistic}`;

/** A difference in the metric's unit: shares in percentage points, always signed. */
export function formatDifference(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '–';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  const magnitude = Math.abs(value);
  if (unit === 'share') return `${sign}${(magnitude * 100).toFixed(2)} pts`;
  return `${sign}${formatValue(magnitude, unit)}`;
}

function interval(low: number, high: number, unit: string, diff: boolean): string {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return '–';
  const f = diff ? formatDifference : formatValue;
  return `${f(low, unit)} to ${f(high, unit)}`;
}

/** The comparison table, then the verdict lines. */
export function comparisonTable(
  result: ReplicateResult<unknown>,
  headlines: readonly Headline[],
  summary: readonly SummaryRow[],
  differences: readonly DifferenceRow[],
  confidence: number,
): string {
  const level = `${Number((confidence * 100).toPrecision(4))}%`;
  const summaryBy = new Map(summary.map((s) => [`${s.arm}\u0000${key(s)}`, s]));
  const diffBy = new Map(differences.map((d) => [`${d.arm}\u0000${key(d)}`, d]));
  const rows: string[][] = [];
  const comparing = result.arms.length > 1;
  for (const h of headlines) {
    const present = result.arms.some((_, a) => summaryBy.has(`${a}\u0000${key(h)}`));
    if (!present) continue;
    rows.push([h.label, '', '', ...(comparing ? ['', '', ''] : [])]);
    result.arms.forEach((arm, a) => {
      const s = summaryBy.get(`${a}\u0000${key(h)}`);
      if (s === undefined) return;
      const cells = [`  ${arm.id}`, formatValue(s.mean, h.unit), interval(s.ciLow, s.ciHigh, h.unit, false)];
      if (comparing) {
        const d = diffBy.get(`${a}\u0000${key(h)}`);
        // Common random numbers can leave an outcome untouched by a policy: say so, not "±0 to ±0".
        const identical = d !== undefined && d.meanDiff === 0 && d.ciLow === 0 && d.ciHigh === 0;
        cells.push(
          a === 0 ? 'baseline' : identical ? 'none' : d ? formatDifference(d.meanDiff, h.unit) : '',
          identical ? 'identical in every replication' : d ? interval(d.ciLow, d.ciHigh, h.unit, true) : '',
          d?.verdict ?? '',
        );
      }
      rows.push(cells);
    });
  }
  if (rows.length === 0) return 'No headline outcomes were reported; see --json or --out for every metric.';
  const whole = headlines.every((h) => h.scope === 'ics') ? ' (whole system)' : '';
  const header = [`outcome${whole} / arm`, 'mean', `${level} CI`];
  if (comparing) header.push('difference vs baseline', `${level} CI of difference`, 'verdict');
  const table = renderTable(header, rows);
  return comparing ? `${table}\n\n${verdictLines(result, headlines, differences)}` : table;
}

/** One paragraph per non-baseline arm, in plain words. */
function verdictLines(
  result: ReplicateResult<unknown>,
  headlines: readonly Headline[],
  differences: readonly DifferenceRow[],
): string {
  const baseline = result.arms[0].id;
  const lines: string[] = [];
  for (let a = 1; a < result.arms.length; a++) {
    if (result.failures.has(a)) continue;
    const judged = differences.filter((d) => d.arm === a && d.verdict !== '');
    const name = (d: DifferenceRow) => headlines.find((h) => key(h) === key(d))?.label ?? d.metric;
    const better = judged.filter((d) => d.verdict === 'better').map(name);
    const worse = judged.filter((d) => d.verdict === 'worse').map(name);
    const unclear = judged.filter((d) => d.verdict === 'no detectable difference');
    const parts: string[] = [];
    if (better.length > 0) parts.push(`better on ${better.join('; ')}`);
    if (worse.length > 0) parts.push(`worse on ${worse.join('; ')}`);
    if (unclear.length > 0) {
      const needed = unclear.map((d) => d.replicationsToTell).filter(Number.isFinite);
      const most = needed.length > 0 ? Math.max(...needed) : Number.NaN;
      parts.push(
        `no difference from noise on ${unclear.length} outcome${unclear.length === 1 ? '' : 's'}` +
          (Number.isFinite(most)
            ? ` (telling the largest of those apart would take about ${most} replications)`
            : ''),
      );
    }
    lines.push(
      `${result.arms[a].id} against ${baseline}: ${parts.length > 0 ? parts.join('; ') : 'nothing judged'}.`,
    );
  }
  return lines.join('\n');
}

/** Headline outcomes with their units, from a list of (metric, statistic, label). */
export function headlinesFrom(
  list: readonly { metric: string; statistic: string; label: string }[],
  scope: string,
): Headline[] {
  return list
    .filter((h) => metricDefinition(h.metric) !== undefined)
    .map((h) => ({ ...h, scope, unit: metricDefinition(h.metric)?.unit ?? 'count' }));
}
