/**
 * A result from records made elsewhere (shards, a journal): folded per arm in replication order,
 * exactly as `replicate()` folds its own, so the merge of shards writes what one run writes.
 */
import { ArmAccumulator } from './accumulate.js';
import type { ReplicateResult } from './result.js';
import type { Arm, ReplicationRecord } from './types.js';

export function resultFromRecords<C>(
  arms: readonly Arm<C>[],
  replications: number,
  records: readonly ReplicationRecord[],
  options: { keepSeries?: boolean; workers?: number; wallSeconds?: number } = {},
): ReplicateResult<C> {
  const seen = new Map<string, ReplicationRecord>();
  for (const r of records) {
    const key = `${r.arm}/${r.replication}`;
    if (seen.has(key))
      throw new Error(`replication ${r.replication} of arm ${arms[r.arm]?.id ?? r.arm} appears twice`);
    if (!(r.arm >= 0 && r.arm < arms.length && r.replication >= 0 && r.replication < replications)) {
      throw new Error(`a record for arm ${r.arm}, replication ${r.replication} is outside the experiment`);
    }
    seen.set(key, r);
  }
  const accumulators = arms.map(() => new ArmAccumulator(options.keepSeries === true));
  for (let a = 0; a < arms.length; a++) {
    for (let r = 0; r < replications; r++) {
      const record = seen.get(`${a}/${r}`);
      if (record === undefined) throw new Error(`replication ${r} of arm ${arms[a].id} is missing`);
      accumulators[a].add(record);
    }
  }
  return {
    arms,
    accumulators,
    replications,
    failures: new Map(),
    workers: options.workers ?? 1,
    wallSeconds: options.wallSeconds ?? 0,
  };
}
