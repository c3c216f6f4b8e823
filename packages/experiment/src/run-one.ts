/** One (arm, replication), in whichever thread: errors come back as data, never thrown. */
import type { TaskResult } from './pool.js';
import type { ModelFunction } from './types.js';

export async function runOne<C>(
  model: ModelFunction<C>,
  config: C,
  arm: number,
  replication: number,
  seed: number | string,
): Promise<TaskResult> {
  const startedAt = performance.now();
  try {
    const output = await model(config, replication, seed);
    const wallSeconds = (performance.now() - startedAt) / 1000;
    return { ok: true, record: { ...output, arm, replication, wallSeconds } };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { ok: false, errorName: e.name, message: e.message };
  }
}
