/**
 * Judging an expectation on a confidence interval: it passes when every value in the interval
 * satisfies it, fails when none does, and is inconclusive otherwise — with the replications that
 * would likely settle it, taking the current standard deviation and estimate as the truth.
 */
import { replicationsForHalfWidth } from '@carepool/experiment';
import type { Comparison } from './grammar.js';

export type Outcome = 'pass' | 'fail' | 'inconclusive';

/** What the judge needs of an interval (a MeanInterval or a PairedDifference). Values in the metric's unit. */
export interface IntervalEstimate {
  n: number;
  mean: number;
  sd: number;
  ciLow: number;
  ciHigh: number;
}

export interface Judgement {
  outcome: Outcome;
  /**
   * For an inconclusive one: replications per arm likely to settle it (the interval's half-width
   * shrunk to the distance between the estimate and the threshold); NaN when no count would (the
   * estimate sits on the threshold) or the interval could not be formed.
   */
  replicationsToSettle: number;
  /** Why, in words: for the table's note, JUnit's skipped message and --json. */
  reason: string;
}

/** replicationsForHalfWidth's cap: beyond it the estimate is only "more than". */
const MANY_REPLICATIONS = 10_000_000;

const holds = (value: number, op: Comparison, threshold: number): boolean =>
  op === '<'
    ? value < threshold
    : op === '<='
      ? value <= threshold
      : op === '>'
        ? value > threshold
        : value >= threshold;

/** Judges `estimate OP threshold` on the interval, at the confidence the interval was built for. */
export function judge(
  estimate: IntervalEstimate,
  op: Comparison,
  threshold: number,
  confidence: number,
): Judgement {
  const { ciLow, ciHigh } = estimate;
  if (!Number.isFinite(ciLow) || !Number.isFinite(ciHigh)) {
    const why =
      estimate.n < 2
        ? `${estimate.n} replication${estimate.n === 1 ? '' : 's'} with a value: an interval needs at least 2`
        : 'the interval could not be formed';
    return { outcome: 'inconclusive', replicationsToSettle: Number.NaN, reason: why };
  }
  const low = holds(ciLow, op, threshold);
  const high = holds(ciHigh, op, threshold);
  if (low && high)
    return { outcome: 'pass', replicationsToSettle: Number.NaN, reason: 'the whole interval satisfies it' };
  if (!low && !high)
    return {
      outcome: 'fail',
      replicationsToSettle: Number.NaN,
      reason: 'no value in the interval satisfies it',
    };
  const distance = Math.abs(estimate.mean - threshold);
  const needed =
    distance > 0 && Number.isFinite(estimate.sd)
      ? replicationsForHalfWidth(estimate.sd, estimate.n, distance, confidence)
      : Number.NaN;
  const leaning = holds(estimate.mean, op, threshold)
    ? 'the estimate satisfies it'
    : 'the estimate does not satisfy it';
  return {
    outcome: 'inconclusive',
    replicationsToSettle: needed,
    reason:
      `the interval contains the threshold ${threshold} (${leaning}); ` +
      (needed >= MANY_REPLICATIONS
        ? 'more than 10 million replications would be needed to settle it'
        : Number.isFinite(needed)
          ? `about ${needed.toLocaleString('en-GB')} replications per arm would likely settle it`
          : 'the estimate is on the threshold, so no number of replications is likely to settle it'),
  };
}
