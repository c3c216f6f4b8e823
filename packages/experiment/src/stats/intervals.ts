/**
 * Confidence intervals over replications: the mean of one output, the paired difference of two
 * policies run under common random numbers, Holm's correction for comparing several, and how many
 * replications a target precision needs. Every sum runs in the order given, so the same values in
 * the same order give bit-identical results on any machine.
 */
import { assertConfidence, StatsError } from './errors.js';
import { studentTQuantile, studentTTwoSidedPValue } from './student-t.js';

/**
 * A Student-t confidence interval for a mean. All fields are in the unit of the values, except
 * `n` (a count) and `confidence` (a 0–1 level such as 0.95).
 */
export interface MeanInterval {
  /** How many finite values went in; non-finite ones are left out. */
  n: number;
  /** Sample mean; NaN when n = 0. */
  mean: number;
  /** Sample standard deviation (divisor n − 1); NaN when n < 2. */
  sd: number;
  /** t_{(1+c)/2, n−1} · sd/√n; NaN when n < 2. */
  halfWidth: number;
  /** mean − halfWidth. */
  ciLow: number;
  /** mean + halfWidth. */
  ciHigh: number;
  /** The level the interval was built for, e.g. 0.95. */
  confidence: number;
}

interface Moments {
  n: number;
  mean: number;
  /** Sum of squared deviations from the mean (Welford's M2). */
  m2: number;
}

/** Welford's one-pass mean and M2, in the given order (no sorting, no pairwise summation). */
function moments(values: readonly number[]): Moments {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (const x of values) {
    if (!Number.isFinite(x)) continue;
    n += 1;
    const delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
  }
  return { n, mean: n === 0 ? Number.NaN : mean, m2 };
}

/** Upper critical value t_{(1+c)/2, df} of a two-sided interval at level c. */
function criticalT(confidence: number, df: number): number {
  return studentTQuantile(0.5 + 0.5 * confidence, df);
}

function intervalFrom({ n, mean, m2 }: Moments, confidence: number): MeanInterval {
  if (n < 2) {
    return {
      n,
      mean,
      sd: Number.NaN,
      halfWidth: Number.NaN,
      ciLow: Number.NaN,
      ciHigh: Number.NaN,
      confidence,
    };
  }
  const sd = Math.sqrt(m2 / (n - 1));
  const halfWidth = criticalT(confidence, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, halfWidth, ciLow: mean - halfWidth, ciHigh: mean + halfWidth, confidence };
}

/**
 * Student-t confidence interval for the mean of `values` (one per replication) at level
 * `confidence` (0–1, default 0.95). Non-finite values (NaN from a replication that measured
 * nothing, ±∞) are left out and `n` counts the rest. n = 0 gives all-NaN statistics; n = 1 gives the
 * mean and NaN for sd, halfWidth and the bounds. A confidence outside (0, 1) throws a StatsError.
 */
export function meanInterval(values: readonly number[], confidence = 0.95): MeanInterval {
  assertConfidence(confidence, 'meanInterval');
  return intervalFrom(moments(values), confidence);
}

/**
 * A paired comparison of two alternatives replication by replication. The MeanInterval fields
 * describe the differences a − b (unit of the values); `halfWidth` is the paired one.
 */
export interface PairedDifference extends MeanInterval {
  /** Half-width of the paired interval (the same as `halfWidth`), for contrast with the next field. */
  pairedHalfWidth: number;
  /**
   * Half-width Welch's interval (Satterthwaite df) would give for mean(a) − mean(b) over the same
   * pairs if the alternatives were run independently: how much common random numbers bought.
   * NaN when n < 2; 0 when both samples are constant.
   */
  unpairedHalfWidth: number;
  /**
   * Two-sided p-value of the paired t-test of "mean difference = 0" (0–1). NaN when n < 2. When
   * every difference is the same (sd 0) the test is degenerate: 0 if that difference is non-zero,
   * 1 if it is zero.
   */
  pValue: number;
}

/** Welch half-width for the difference of two means, each over n values with the given M2. */
function welchHalfWidth(n: number, m2a: number, m2b: number, confidence: number): number {
  if (n < 2) return Number.NaN;
  const varMeanA = m2a / (n - 1) / n;
  const varMeanB = m2b / (n - 1) / n;
  const varDiff = varMeanA + varMeanB;
  if (varDiff === 0) return 0;
  const df = (varDiff * varDiff) / ((varMeanA * varMeanA) / (n - 1) + (varMeanB * varMeanB) / (n - 1));
  return criticalT(confidence, df) * Math.sqrt(varDiff);
}

/**
 * Paired-t comparison of `a` and `b` (same length, index i = replication i of each alternative,
 * so that common random numbers pair them). Only indices where both values are finite are used.
 * Different lengths or a confidence outside (0, 1) throw a StatsError.
 */
export function pairedDifference(
  a: readonly number[],
  b: readonly number[],
  confidence = 0.95,
): PairedDifference {
  assertConfidence(confidence, 'pairedDifference');
  if (a.length !== b.length) {
    throw new StatsError(
      `pairedDifference: a and b must hold one value per replication each, so the same length; got ${a.length} and ${b.length}`,
    );
  }
  const keptA: number[] = [];
  const keptB: number[] = [];
  const differences: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (Number.isFinite(a[i]) && Number.isFinite(b[i])) {
      keptA.push(a[i]);
      keptB.push(b[i]);
      differences.push(a[i] - b[i]);
    }
  }
  const d = moments(differences);
  const interval = intervalFrom(d, confidence);
  const unpairedHalfWidth = welchHalfWidth(d.n, moments(keptA).m2, moments(keptB).m2, confidence);
  let pValue = Number.NaN;
  if (d.n >= 2) {
    if (interval.sd === 0) pValue = interval.mean === 0 ? 1 : 0;
    else pValue = studentTTwoSidedPValue(interval.mean / (interval.sd / Math.sqrt(d.n)), d.n - 1);
  }
  return { ...interval, pairedHalfWidth: interval.halfWidth, unpairedHalfWidth, pValue };
}

/**
 * Holm–Bonferroni step-down adjusted p-values, in the input order: controls the family-wise error
 * rate over the m finite p-values without assuming independence. NaN entries stay NaN and do not
 * count in m. Adjusted values are monotone in the raw ones and capped at 1. A p-value outside
 * [0, 1] throws a StatsError.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const order: number[] = [];
  pValues.forEach((p, i) => {
    if (Number.isNaN(p)) return;
    if (!(p >= 0 && p <= 1)) {
      throw new StatsError(
        `holmAdjust: pValues[${i}] must be a probability in [0, 1] or NaN; got ${String(p)}`,
      );
    }
    order.push(i);
  });
  // Ties keep their input order so that the result does not depend on the sort's stability rules.
  order.sort((i, j) => pValues[i] - pValues[j] || i - j);
  const m = order.length;
  const adjusted = pValues.map(() => Number.NaN);
  let runningMax = 0;
  order.forEach((index, rank) => {
    runningMax = Math.max(runningMax, Math.min(1, (m - rank) * pValues[index]));
    adjusted[index] = runningMax;
  });
  return adjusted;
}

/** Replication counts beyond this are not searched: `replicationsForHalfWidth` returns the cap. */
export const MAX_REPLICATIONS_ESTIMATE = 10_000_000;

/**
 * The smallest replication count n' ≥ `n` (and ≥ 2) with t_{(1+c)/2, n'−1} · sd/√n' ≤
 * `targetHalfWidth`, taking the current `sd` as the truth (the usual plug-in estimate, so treat it
 * as a guide: sd itself is uncertain). `sd` and `targetHalfWidth` are in the unit of the values.
 * Returns `MAX_REPLICATIONS_ESTIMATE` when more would be needed (including a target of 0 with
 * sd > 0), and NaN when any argument is NaN. A negative sd or target, or a non-integer or negative
 * n, throws a StatsError.
 */
export function replicationsForHalfWidth(
  sd: number,
  n: number,
  targetHalfWidth: number,
  confidence = 0.95,
): number {
  if (Number.isNaN(sd) || Number.isNaN(n) || Number.isNaN(targetHalfWidth) || Number.isNaN(confidence)) {
    return Number.NaN;
  }
  assertConfidence(confidence, 'replicationsForHalfWidth');
  if (!(sd >= 0 && targetHalfWidth >= 0) || sd === Number.POSITIVE_INFINITY) {
    throw new StatsError(
      `replicationsForHalfWidth: sd must be finite and ≥ 0 and targetHalfWidth ≥ 0; got sd ${sd}, target ${targetHalfWidth}`,
    );
  }
  if (!(Number.isInteger(n) && n >= 0)) {
    throw new StatsError(`replicationsForHalfWidth: n must be an integer ≥ 0; got ${String(n)}`);
  }
  const fits = (count: number): boolean =>
    criticalT(confidence, count - 1) * (sd / Math.sqrt(count)) <= targetHalfWidth;
  // t > z for every df, so no count below (z·sd/target)² can fit: start there, then step up.
  const z = criticalT(confidence, Number.POSITIVE_INFINITY);
  // sd = target = 0 makes the bound 0/0: any count fits, as the loop below then finds.
  const normalBound = Math.ceil(((z * sd) / targetHalfWidth) ** 2) || 0;
  let count = Math.max(n, 2, normalBound);
  if (count >= MAX_REPLICATIONS_ESTIMATE) return MAX_REPLICATIONS_ESTIMATE;
  // t/z − 1 ≈ (1 + z²)/(4·df), so the answer is within a few counts of the normal bound.
  while (!fits(count)) {
    count += 1;
    if (count >= MAX_REPLICATIONS_ESTIMATE) return MAX_REPLICATIONS_ESTIMATE;
  }
  return count;
}

/**
 * halfWidth/|mean|, the relative precision of an interval (a 0–1-style fraction, e.g. 0.05 for ±5%).
 * ∞ when the mean is 0 and the half-width is not; NaN when either is NaN or both are 0.
 */
export function relativeHalfWidth(interval: MeanInterval): number {
  return interval.halfWidth / Math.abs(interval.mean);
}
