/**
 * The statistics of `carepool bench`, kept apart from any timing so they can be tested on recorded
 * samples: each case's per-round ratio to the reference loop is summarised by its median with a
 * distribution-free interval (order statistics, so one disturbed round cannot drag it), and a
 * comparison with a baseline is judged like an expectation — a regression when the whole interval of
 * the change is beyond the allowed slowdown, fine when the whole of it is within, and too unstable
 * to judge otherwise.
 */
import { meanInterval } from '@carepool/experiment';

/** A median with its interval from order statistics. Values in the unit of the samples. */
export interface MedianInterval {
  n: number;
  median: number;
  low: number;
  high: number;
  /** The coverage the chosen order statistics give (≥ the asked confidence when n allows; else the most n allows). */
  coverage: number;
}

/** P(X ≤ k) for X ~ Binomial(n, 1/2). */
function binomialHalfCdf(n: number, k: number): number {
  let term = 0.5 ** n;
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= (n - i + 1) / i;
    sum += term;
  }
  return sum;
}

/**
 * Median of `values` with the interval [x(k), x(n−k+1)] of the sorted values, k as large as keeps
 * the coverage 1 − 2·P(Bin(n, ½) ≤ k − 1) at or above `confidence` (k = 1 when even that falls short:
 * five rounds give 93.75% at most). No assumption about the distribution of the rounds.
 */
export function medianInterval(values: readonly number[], confidence: number): MedianInterval {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n, median: Number.NaN, low: Number.NaN, high: Number.NaN, coverage: 0 };
  const mid = n >> 1;
  const median = n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  let k = 1;
  while (k + 1 <= (n + 1) / 2 && 1 - 2 * binomialHalfCdf(n, k) >= confidence) k++;
  const coverage = 1 - 2 * binomialHalfCdf(n, k - 1);
  return { n, median, low: sorted[k - 1], high: sorted[n - k], coverage };
}

/**
 * The figure of several processes: the geometric mean of their medians with a Student-t interval on
 * the log scale (`median`, `low`, `high` as ratios; `n` processes; `coverage` the level asked). Each
 * process compiles the code a little differently (JIT), so the spread between processes is the
 * noise that matters when comparing one run with another, and no single process can show it.
 */
export function processInterval(medians: readonly number[], confidence: number): MedianInterval {
  const logs = medians.filter((m) => m > 0).map(Math.log);
  const i = meanInterval(logs, confidence);
  return {
    n: i.n,
    median: Math.exp(i.mean),
    low: Math.exp(i.ciLow),
    high: Math.exp(i.ciHigh),
    coverage: confidence,
  };
}

/** The median of `values` (finite ones). */
export function median(values: readonly number[]): number {
  return medianInterval(values, 0.5).median;
}

/** Half the interval's width relative to its median: 0.03 is ±3%. */
export function relativeHalfWidth(m: MedianInterval): number {
  return (m.high - m.low) / 2 / Math.abs(m.median);
}

export type CaseDecision = 'ok' | 'regression' | 'unstable';

export interface CaseComparison {
  id: string;
  /** Current median ratio over the baseline's: 1.25 is 25% slower relative to the reference loop. */
  change: number;
  /** The interval of the change, both runs' uncertainty combined (on the log scale, in quadrature). */
  changeLow: number;
  changeHigh: number;
  decision: CaseDecision;
}

/**
 * Judges one case: `current` and `baseline` are median ratios (time per round over the reference
 * loop's) with intervals; `maxRegression` is the allowed slowdown as a fraction (0.1 for 10%).
 * Regression when even the low end of the change exceeds 1 + maxRegression; ok when even the high
 * end does not; unstable otherwise.
 */
export function compareCase(
  id: string,
  current: MedianInterval,
  baseline: MedianInterval,
  maxRegression: number,
): CaseComparison {
  const log = Math.log;
  const change = current.median / baseline.median;
  // Each side's distance to its interval's ends on the log scale; the change's ends combine them.
  const below = Math.hypot(log(current.median / current.low), log(baseline.high / baseline.median));
  const above = Math.hypot(log(current.high / current.median), log(baseline.median / baseline.low));
  const changeLow = change * Math.exp(-below);
  const changeHigh = change * Math.exp(above);
  const limit = 1 + maxRegression;
  const decision: CaseDecision =
    !Number.isFinite(changeLow) || !Number.isFinite(changeHigh)
      ? 'unstable'
      : changeLow > limit
        ? 'regression'
        : changeHigh <= limit
          ? 'ok'
          : 'unstable';
  return { id, change, changeLow, changeHigh, decision };
}

/** The exit code of a comparison: 3 on any regression (it wins), else 4 if any is unstable, else 0. */
export function comparisonExitCode(cases: readonly CaseComparison[]): 0 | 3 | 4 {
  if (cases.some((c) => c.decision === 'regression')) return 3;
  if (cases.some((c) => c.decision === 'unstable')) return 4;
  return 0;
}

/** `10%`, `0.1` or `10 %`: the allowed slowdown as a fraction in (0, 10]; undefined when malformed. */
export function parseMaxRegression(raw: string): number | undefined {
  const text = raw.trim();
  const percent = text.endsWith('%');
  const value = Number((percent ? text.slice(0, -1) : text).trim());
  if (text === '' || text === '%' || !Number.isFinite(value)) return undefined;
  const fraction = percent ? value / 100 : value;
  return fraction > 0 && fraction <= 10 ? fraction : undefined;
}
