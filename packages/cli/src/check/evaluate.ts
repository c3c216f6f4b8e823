/**
 * From an experiment's replications to one judgement per expectation: the arm's mean with its
 * interval (meanInterval), or the paired difference A − B replication by replication
 * (pairedDifference, common random numbers), judged by judge().
 */
import {
  type MetricRef,
  meanInterval,
  metricRefs,
  metricValues,
  pairedDifference,
  type ReplicateResult,
} from '@carepool/experiment';
import { metricDefinition } from '@carepool/model';
import { NETWORK_METRICS } from '@carepool/network';
import type { Expectation } from './grammar.js';
import { type IntervalEstimate, judge, type Outcome } from './judge.js';

export interface ExpectationResult {
  expectation: Expectation;
  /** The arm judged (a value), or arms A and B (a difference A − B). */
  arms: string[];
  /** The metric's unit (share, minutes, count, …), for display. */
  unit: string;
  /** Replications (pairs, for a difference) with a finite value. */
  n: number;
  /** The mean (or mean difference), in the metric's unit. */
  estimate: number;
  ciLow: number;
  ciHigh: number;
  /** `error`: an arm it needs failed to run. */
  outcome: Outcome | 'error';
  replicationsToSettle: number;
  reason: string;
}

const refKey = (r: MetricRef) => `${r.metric}:${r.statistic}@${r.scope}`;

/** The arms an expectation needs: the value arm for a plain metric, A and B for a difference. */
export function armsOf(e: Expectation, valueArm: string): string[] {
  return e.kind === 'diff' ? [e.armA, e.armB] : [valueArm];
}

/**
 * Expectations naming a metric, statistic or scope their arms did not report (the command refuses
 * them before judging anything). Arms that failed are not asked.
 */
export function unreportedReferences(
  result: ReplicateResult<unknown>,
  expectations: readonly Expectation[],
  valueArm: string,
): { expectation: Expectation; problem: string }[] {
  const problems: { expectation: Expectation; problem: string }[] = [];
  for (const e of expectations) {
    for (const id of armsOf(e, valueArm)) {
      const arm = result.arms.findIndex((a) => a.id === id);
      if (arm < 0 || result.failures.has(arm)) continue;
      const reported = metricRefs(result.accumulators[arm]);
      if (reported.some((r) => refKey(r) === refKey(e.ref))) continue;
      const scopes = [...new Set(reported.filter((r) => r.metric === e.ref.metric).map((r) => r.scope))];
      problems.push({
        expectation: e,
        problem:
          `arm ${id} reports no ${refKey(e.ref)}` +
          (scopes.length > 0 ? `; the scopes it reports for ${e.ref.metric}: ${scopes.join(', ')}` : ''),
      });
      break;
    }
  }
  return problems;
}

/** Judges every expectation at `confidence`. Arm ids must exist (the command checks them first). */
export function evaluateExpectations(
  result: ReplicateResult<unknown>,
  expectations: readonly Expectation[],
  valueArm: string,
  confidence: number,
): ExpectationResult[] {
  const index = (id: string): number => {
    const arm = result.arms.findIndex((a) => a.id === id);
    if (arm < 0) throw new Error(`no arm '${id}' in the experiment`);
    return arm;
  };
  return expectations.map((e) => {
    const arms = armsOf(e, valueArm);
    const indices = arms.map(index);
    const unit = unitOf(e.ref.metric);
    const failed = indices.find((a) => result.failures.has(a));
    if (failed !== undefined) {
      return {
        expectation: e,
        arms,
        unit,
        n: 0,
        estimate: Number.NaN,
        ciLow: Number.NaN,
        ciHigh: Number.NaN,
        outcome: 'error',
        replicationsToSettle: Number.NaN,
        reason: `arm ${result.arms[failed].id} failed: ${result.failures.get(failed)!.message}`,
      };
    }
    const values = indices.map((a) => metricValues(result.accumulators[a], e.ref));
    const interval: IntervalEstimate =
      e.kind === 'diff'
        ? pairedDifference(values[0], values[1], confidence)
        : meanInterval(values[0], confidence);
    const j = judge(interval, e.op, e.threshold, confidence);
    return {
      expectation: e,
      arms,
      unit,
      n: interval.n,
      estimate: interval.mean,
      ciLow: interval.ciLow,
      ciHigh: interval.ciHigh,
      outcome: j.outcome,
      replicationsToSettle: j.replicationsToSettle,
      reason: j.reason,
    };
  });
}

function unitOf(metric: string): string {
  return metricDefinition(metric)?.unit ?? NETWORK_METRICS.find((m) => m.id === metric)?.unit ?? 'count';
}
