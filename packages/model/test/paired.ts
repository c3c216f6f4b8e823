/** Reading metric rows and comparing paired replications (common random numbers) in the model's tests. */
import type { MetricRow } from '../src/contracts.js';

/** The value of one metric row; fails when the run gave none. */
export function metricValue(rows: MetricRow[], id: string, statistic = 'value', scope = 'ics'): number {
  const row = rows.find((r) => r.metricId === id && r.statistic === statistic && r.scope === scope);
  if (row === undefined) throw new Error(`no row ${id}/${statistic}/${scope}`);
  return row.value;
}

/** Two-sided 95% Student t quantiles by degrees of freedom (index = df). */
const T95 = [
  Number.NaN,
  12.71,
  4.3,
  3.18,
  2.78,
  2.57,
  2.45,
  2.36,
  2.31,
  2.26,
  2.23,
  2.2,
  2.18,
  2.16,
  2.14,
  2.13,
  2.12,
  2.11,
  2.1,
  2.09,
  2.09,
  2.08,
  2.07,
  2.07,
  2.06,
  2.06,
  2.06,
  2.05,
  2.05,
  2.05,
];

/** Mean and 95% CI half-width of paired differences (t with n − 1 df, 2 ≤ n ≤ 30). */
export function pairedCi(diffs: number[]): { mean: number; half: number } {
  const n = diffs.length;
  if (n < 2 || n > 30) throw new Error(`pairedCi: 2 to 30 differences; got ${n}`);
  const mean = diffs.reduce((a, b) => a + b, 0) / n;
  const variance = diffs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, half: T95[n - 1] * Math.sqrt(variance / n) };
}
