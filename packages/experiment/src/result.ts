/**
 * What `replicate()` (or a merge of shards' records, `resultFromRecords`) hands back: each arm's
 * folded replications, the arms that failed and, with a precision rule, where its targets stood.
 * Every table and analysis is computed from this.
 */
import type { ArmAccumulator } from './accumulate.js';
import type { TargetStatus } from './precision-rule.js';
import type { Arm, ArmFailure } from './types.js';

export interface ReplicateResult<C> {
  arms: readonly Arm<C>[];
  /** One accumulator per arm, in arm order. */
  accumulators: ArmAccumulator[];
  /** Replications run per arm (the same for every arm that did not fail). */
  replications: number;
  /** Arms that failed, by arm index. */
  failures: Map<number, ArmFailure>;
  /** With a precision rule: each target's state when the run stopped. */
  precision?: { targets: TargetStatus[]; allMet: boolean; stoppedBecause: 'targetsMet' | 'maxReplications' };
  workers: number;
  wallSeconds: number;
}
