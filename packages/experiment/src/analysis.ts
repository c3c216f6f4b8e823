/**
 * From per-replication records to what a planner reads: each arm's mean with its confidence
 * interval, and each arm's paired difference against the baseline with the interval, the variance
 * reduction pairing gave, and a verdict corrected for multiple comparisons (Holm).
 */
import { type MetricRef, metricRefs, metricValues } from './metric-values.js';
import type { ReplicateResult } from './result.js';
import { holmAdjust, meanInterval, pairedDifference, replicationsForHalfWidth } from './stats/intervals.js';
import { type Direction, metricKey } from './types.js';

/**
 * One arm's outcome across replications. `Arm` names the arm: its index here, its id in
 * summary.json (`SummaryRow<string>`, what the report reads).
 */
export interface SummaryRow<Arm = number> extends MetricRef {
  arm: Arm;
  n: number;
  mean: number;
  sd: number;
  ciLow: number;
  ciHigh: number;
  confidence: number;
}

/**
 * `better`/`worse`: the arm differs from the baseline after Holm's correction; `identical`: the
 * outcome was the same in every replication of both arms (under common random numbers the arm cannot
 * touch it), so it is not a question and is left out of the correction; '' when not judged.
 */
export type Verdict = 'better' | 'worse' | 'no detectable difference' | 'identical' | '';

/** One arm's paired difference from the baseline; arms by index here, by id in summary.json. */
export interface DifferenceRow<Arm = number> extends MetricRef {
  arm: Arm;
  baseline: Arm;
  /** Pairs (replications where both arms reported a finite value). */
  n: number;
  /** Mean of (arm − baseline) over the pairs. */
  meanDiff: number;
  ciLow: number;
  ciHigh: number;
  pairedHalfWidth: number;
  /** The half-width the same replications would give unpaired (Welch): what common random numbers saved. */
  unpairedHalfWidth: number;
  /** Two-sided paired t-test p-value, and Holm-adjusted over the judged family (NaN when not judged). */
  pValue: number;
  adjustedPValue: number;
  verdict: Verdict;
  /** For a judged difference that could not be told from noise: replications likely needed to tell it. */
  replicationsToTell: number;
}

export interface AnalysisOptions {
  confidence: number;
  /** Which way is better for a metric id (undefined: unknown, so not judged). */
  direction: (metric: string) => Direction | undefined;
  /** The outcomes judged (the headline outcomes): the Holm family is these × every non-baseline arm. */
  judged: readonly MetricRef[];
}

/** Mean and interval of every outcome of every arm that did not fail, in (arm, outcome) order. */
export function summaryRows(result: ReplicateResult<unknown>, confidence: number): SummaryRow[] {
  const rows: SummaryRow[] = [];
  result.accumulators.forEach((acc, arm) => {
    if (result.failures.has(arm)) return;
    for (const ref of metricRefs(acc)) {
      const i = meanInterval(metricValues(acc, ref), confidence);
      rows.push({
        ...ref,
        arm,
        n: i.n,
        mean: i.mean,
        sd: i.sd,
        ciLow: i.ciLow,
        ciHigh: i.ciHigh,
        confidence,
      });
    }
  });
  return rows;
}

/** Paired differences of every arm against the baseline (arm 0), with verdicts on the judged outcomes. */
export function differenceRows(result: ReplicateResult<unknown>, options: AnalysisOptions): DifferenceRow[] {
  const rows: DifferenceRow[] = [];
  if (result.failures.has(0)) return rows;
  const base = result.accumulators[0];
  const judged = new Set(options.judged.map(metricKey));
  const family: { row: DifferenceRow; sd: number }[] = [];
  for (let arm = 1; arm < result.accumulators.length; arm++) {
    if (result.failures.has(arm)) continue;
    const acc = result.accumulators[arm];
    const armKeys = new Set(metricRefs(acc).map(metricKey));
    for (const ref of metricRefs(base)) {
      if (!armKeys.has(metricKey(ref))) continue;
      const d = pairedDifference(metricValues(acc, ref), metricValues(base, ref), options.confidence);
      rows.push({
        ...ref,
        arm,
        baseline: 0,
        n: d.n,
        meanDiff: d.mean,
        ciLow: d.ciLow,
        ciHigh: d.ciHigh,
        pairedHalfWidth: d.pairedHalfWidth,
        unpairedHalfWidth: d.unpairedHalfWidth,
        pValue: d.pValue,
        adjustedPValue: Number.NaN,
        verdict: '',
        replicationsToTell: Number.NaN,
      });
      const direction = options.direction(ref.metric);
      if (judged.has(metricKey(ref)) && direction !== undefined && direction !== 'neutral') {
        const row = rows[rows.length - 1];
        if (d.n >= 2 && d.sd === 0 && d.mean === 0) row.verdict = 'identical';
        else family.push({ row, sd: d.sd });
      }
    }
  }
  applyVerdicts(family, options);
  return rows;
}

/** Holm over the judged rows, then a verdict from the sign and the metric's direction of good. */
function applyVerdicts(
  family: readonly { row: DifferenceRow; sd: number }[],
  options: AnalysisOptions,
): void {
  const adjusted = holmAdjust(family.map((f) => f.row.pValue));
  const alpha = 1 - options.confidence;
  // Holm is never stricter than Bonferroni: an interval at 1 − α/m that excludes zero is certain to
  // be judged, so the replications estimate uses that level (it may overstate what Holm needs).
  const familyConfidence = 1 - alpha / Math.max(1, family.length);
  family.forEach(({ row, sd }, i) => {
    row.adjustedPValue = adjusted[i];
    if (!(adjusted[i] < alpha)) {
      row.verdict = 'no detectable difference';
      // Replications for the corrected interval to shrink to the difference seen (if it is real).
      row.replicationsToTell =
        row.meanDiff !== 0 && Number.isFinite(sd) && sd > 0
          ? Math.max(row.n + 1, replicationsForHalfWidth(sd, row.n, Math.abs(row.meanDiff), familyConfidence))
          : Number.NaN;
      return;
    }
    const higher = row.meanDiff > 0;
    const good = options.direction(row.metric) === 'higherIsBetter' ? higher : !higher;
    row.verdict = good ? 'better' : 'worse';
  });
}

/** Statement of the correction used, recorded in summary.json and the manifest. */
export const MULTIPLE_COMPARISONS =
  'Holm–Bonferroni step-down over every (non-baseline arm × judged headline outcome) pair, at 1 − confidence; ' +
  'paired two-sided t-tests on per-replication values under common random numbers; outcomes identical in every ' +
  'replication of both arms are not tested';
