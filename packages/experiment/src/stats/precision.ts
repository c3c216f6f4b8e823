/**
 * Sequential replications until a confidence interval is narrow enough, after Hoad, Robinson &
 * Davies (2010, "Automated selection of the number of replications for a discrete-event
 * simulation", J. Operational Research Society): add replications until the (relative or
 * absolute) half-width is within target, then keep going over a look-ahead and stop only if it
 * stays within target, since an interval can dip below the target by chance and widen again.
 *
 * The runner's loop, with every decision a function of counts and results only (never of timing,
 * so a rerun with the same seeds makes the same decisions):
 *
 * ```ts norun
 * const checks: PrecisionCheck[] = [];
 * for (let n = 0, k; (k = nextBatchSize(n, schedule)) > 0; ) {
 *   runReplications(n, k); n += k;
 *   checks.push({ n, reached: allTargetsReached(targets, intervalOf) });
 *   if (precisionVerdict(checks, schedule.maxReplications).stop) break;
 * }
 * ```
 */
import { assertInteger, StatsError } from './errors.js';
import type { MeanInterval } from './intervals.js';

/** A precision goal for one output of the model. */
export interface PrecisionTarget {
  /** The output the goal is for (the runner's metric key). */
  metricKey: string;
  /**
   * The widest acceptable half-width: a fraction of |mean| (e.g. 0.05 for ±5%) when `relative`,
   * else in the metric's own unit.
   */
  halfWidth: number;
  /** Whether `halfWidth` is relative to |mean| (true) or absolute (false). */
  relative: boolean;
}

function assertTarget(target: { halfWidth: number }, where: string): void {
  if (!(target.halfWidth > 0 && Number.isFinite(target.halfWidth))) {
    throw new StatsError(
      `${where}: target halfWidth must be a finite number > 0; got ${String(target.halfWidth)}`,
    );
  }
}

/**
 * Whether `interval` meets `target`: halfWidth ≤ target.halfWidth (absolute), or halfWidth ≤
 * target.halfWidth · |mean| (relative; a mean of 0 then needs a half-width of 0). An interval with
 * fewer than 2 values or a NaN half-width never meets a target.
 */
export function precisionReached(
  interval: MeanInterval,
  target: { halfWidth: number; relative: boolean },
): boolean {
  assertTarget(target, 'precisionReached');
  if (!(interval.n >= 2) || Number.isNaN(interval.halfWidth)) return false;
  const allowed = target.relative ? target.halfWidth * Math.abs(interval.mean) : target.halfWidth;
  return interval.halfWidth <= allowed;
}

/**
 * Whether every target is met, looking each metric's interval up with `intervalOf`. A target whose
 * metric has no interval throws a StatsError (a misspelt key must not pass silently). No targets → true.
 */
export function allTargetsReached(
  targets: readonly PrecisionTarget[],
  intervalOf: (metricKey: string) => MeanInterval | undefined,
): boolean {
  let all = true;
  for (const target of targets) {
    const interval = intervalOf(target.metricKey);
    if (interval === undefined) {
      throw new StatsError(
        `allTargetsReached: no interval for precision target metric '${target.metricKey}'`,
      );
    }
    // Evaluate every target (no short-circuit) so a missing metric is reported on the first check.
    if (!precisionReached(interval, target)) all = false;
  }
  return all;
}

/** Fixed replication counts at which precision is checked: initial, initial + batch, … up to max. */
export interface ReplicationSchedule {
  /** Replications before the first check (≥ 2, so that there is an interval). */
  initialReplications: number;
  /** Replications added between checks (≥ 1). */
  batchReplications: number;
  /** Hard limit on replications (≥ initialReplications); the last batch is cut to fit. */
  maxReplications: number;
}

function assertSchedule(schedule: ReplicationSchedule): void {
  const where = 'nextBatchSize';
  assertInteger(schedule.initialReplications, 2, 'initialReplications', where);
  assertInteger(schedule.batchReplications, 1, 'batchReplications', where);
  assertInteger(schedule.maxReplications, schedule.initialReplications, 'maxReplications', where);
}

/**
 * How many replications to run next, given `completed` so far: up to the next boundary of the
 * schedule (0 → initial → initial + batch → …, cut at max), or 0 when max is reached. A `completed`
 * between boundaries is brought up to the next one, so the check points never drift.
 */
export function nextBatchSize(completed: number, schedule: ReplicationSchedule): number {
  assertSchedule(schedule);
  assertInteger(completed, 0, 'completed', 'nextBatchSize');
  const { initialReplications: initial, batchReplications: batch, maxReplications: max } = schedule;
  if (completed >= max) return 0;
  if (completed < initial) return initial - completed;
  const boundary = initial + (Math.floor((completed - initial) / batch) + 1) * batch;
  return Math.min(boundary, max) - completed;
}

/** Hoad et al.'s default look-ahead, kLimit, in replications. */
export const DEFAULT_LOOK_AHEAD = 5;

/**
 * Replications the precision must hold for beyond the count `solutionN` where it was first met:
 * kLimit up to 100 replications, then growing in proportion (kLimit · solutionN/100), as Hoad et al.
 * do so that the look-ahead stays meaningful for long runs.
 */
export function lookAheadReplications(solutionN: number, kLimit = DEFAULT_LOOK_AHEAD): number {
  assertInteger(kLimit, 0, 'kLimit', 'lookAheadReplications');
  return solutionN <= 100 ? kLimit : Math.ceil((kLimit * solutionN) / 100);
}

/** The precision check made after a batch: the replications done so far, and whether all targets were met. */
export interface PrecisionCheck {
  /** Replications completed when the check was made. */
  n: number;
  /** Whether every precision target was met at n. */
  reached: boolean;
}

/** What to do after the latest check. */
export interface PrecisionVerdict {
  /** Whether to stop adding replications. */
  stop: boolean;
  /** Why: the precision held over the look-ahead, the replication limit was hit, or neither yet. */
  reason: 'precision' | 'max-replications' | 'continue';
  /**
   * The replication count from which the precision has held without a break up to the latest
   * check (Hoad et al.'s recommended number of replications); NaN when the latest check missed.
   */
  solutionN: number;
}

/**
 * Decide from the checks so far (in order of increasing n): stop for precision once the targets
 * have been met at every check from some count solutionN on and the latest check is at least
 * `lookAheadReplications(solutionN, kLimit)` beyond it; otherwise stop when n has reached
 * `maxReplications`. Checks are only made at batch boundaries, so with batches larger than the
 * look-ahead a single further check confirms the precision. Non-increasing n throws a StatsError.
 */
export function precisionVerdict(
  checks: readonly PrecisionCheck[],
  maxReplications: number,
  kLimit = DEFAULT_LOOK_AHEAD,
): PrecisionVerdict {
  for (let i = 1; i < checks.length; i++) {
    if (!(checks[i].n > checks[i - 1].n)) {
      throw new StatsError(
        `precisionVerdict: checks must be in increasing order of n; check ${i} has n ${checks[i].n} after ${checks[i - 1].n}`,
      );
    }
  }
  if (checks.length === 0) return { stop: false, reason: 'continue', solutionN: Number.NaN };
  let start = checks.length;
  while (start > 0 && checks[start - 1].reached) start -= 1;
  const latest = checks[checks.length - 1].n;
  const solutionN = start < checks.length ? checks[start].n : Number.NaN;
  if (!Number.isNaN(solutionN) && latest - solutionN >= lookAheadReplications(solutionN, kLimit)) {
    return { stop: true, reason: 'precision', solutionN };
  }
  if (latest >= maxReplications) return { stop: true, reason: 'max-replications', solutionN };
  return { stop: false, reason: 'continue', solutionN };
}
