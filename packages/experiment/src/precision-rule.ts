/**
 * Replications to a precision: the state of each named target at a batch boundary. In a comparison
 * the target applies to every arm's paired difference against the baseline (the question a planner
 * asks is "is B different from A", so that is the interval that must be narrow); with one arm, to the
 * arm's own mean.
 */
import type { ArmAccumulator } from './accumulate.js';
import { metricValues } from './metric-values.js';
import { type MeanInterval, meanInterval, pairedDifference } from './stats/intervals.js';
import type { ArmFailure } from './types.js';

/** One outcome's required half-width: absolute in the metric's unit, or relative to the mean. */
export interface PrecisionTarget {
  metric: string;
  scope: string;
  statistic: string;
  halfWidth: number;
  /** When true, `halfWidth` is a share of |mean| (the baseline's mean for a paired difference). */
  relative: boolean;
}

export interface PrecisionRule {
  targets: PrecisionTarget[];
  /** Never run more replications per arm than this. */
  maxReplications: number;
  /** Replications added per arm at each step; the boundaries are n0, n0 + b, n0 + 2b, … */
  batchSize: number;
  /** Confidence of the intervals judged (0–1). */
  confidence: number;
}

export interface TargetStatus {
  target: PrecisionTarget;
  /** The widest half-width over the intervals the target applies to (NaN while undefined). */
  halfWidth: number;
  /** The half-width required, in the metric's unit (relative targets resolved). */
  requiredHalfWidth: number;
  met: boolean;
}

/** Each target's state now; `allMet` when every target is met. */
export function precisionStatus(
  rule: PrecisionRule,
  accumulators: readonly ArmAccumulator[],
  failures: ReadonlyMap<number, ArmFailure>,
): { targets: TargetStatus[]; allMet: boolean } {
  const targets = rule.targets.map((target) => targetStatus(rule, target, accumulators, failures));
  return { targets, allMet: targets.every((t) => t.met) };
}

function targetStatus(
  rule: PrecisionRule,
  target: PrecisionTarget,
  accumulators: readonly ArmAccumulator[],
  failures: ReadonlyMap<number, ArmFailure>,
): TargetStatus {
  const baseline = metricValues(accumulators[0], target);
  const baseMean = meanInterval(baseline, rule.confidence).mean;
  const intervals: MeanInterval[] = [];
  if (accumulators.length === 1) intervals.push(meanInterval(baseline, rule.confidence));
  for (let a = 1; a < accumulators.length; a++) {
    if (failures.has(a)) continue;
    intervals.push(pairedDifference(metricValues(accumulators[a], target), baseline, rule.confidence));
  }
  const required = target.relative ? target.halfWidth * Math.abs(baseMean) : target.halfWidth;
  let widest = 0;
  for (const i of intervals)
    widest = Number.isNaN(i.halfWidth) || Number.isNaN(widest) ? Number.NaN : Math.max(widest, i.halfWidth);
  if (intervals.length === 0) widest = Number.NaN;
  return { target, halfWidth: widest, requiredHalfWidth: required, met: widest <= required };
}
