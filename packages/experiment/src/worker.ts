/**
 * The worker-thread entry: imports the model module named in workerData once, then runs one
 * (arm, replication) per task. Errors come back as data (class name and message) so the runner can
 * tell a user's bad input (reported per arm) from a bug.
 */
import { workerData } from 'node:worker_threads';
import type { TaskResult, WorkerData } from './pool.js';
import { runOne } from './run-one.js';
import type { ModelFunction } from './types.js';

// tinypool hands each worker [its own data, ours].
const data = (workerData as [unknown, WorkerData])[1];
let model: Promise<ModelFunction<unknown>> | undefined;

function loadModel(): Promise<ModelFunction<unknown>> {
  model ??= import(data.modelUrl).then((module: Record<string, unknown>) => {
    const fn = module[data.exportName];
    if (typeof fn !== 'function')
      throw new Error(`${data.modelUrl} exports no function '${data.exportName}'`);
    return fn as ModelFunction<unknown>;
  });
  return model;
}

export default async function runTask(task: {
  arm: number;
  replication: number;
  seed: number | string;
}): Promise<TaskResult> {
  try {
    return await runOne(await loadModel(), data.configs[task.arm], task.arm, task.replication, task.seed);
  } catch (error) {
    // The module itself failed to load.
    return { ok: false, errorName: 'Error', message: error instanceof Error ? error.message : String(error) };
  }
}
