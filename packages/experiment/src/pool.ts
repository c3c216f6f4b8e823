/**
 * Worker threads for replications (tinypool). Each worker imports the model module once and is
 * handed every arm's configuration once (as workerData), so a task is only (arm, replication, seed).
 * Results cross back by structured clone; daily series travel as typed arrays.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { ReplicationRecord } from './types.js';

/** What one task gives back: a record, or the error a replication raised (its class name and message). */
export type TaskResult =
  | { ok: true; record: ReplicationRecord }
  | { ok: false; errorName: string; message: string };

/** What each worker is handed once. */
export interface WorkerData {
  modelUrl: string;
  exportName: string;
  configs: unknown[];
}

export interface WorkerPoolOptions {
  workers: number;
  modelModule: { url: string; exportName: string };
  configs: unknown[];
  workerScript?: string;
}

export class WorkerPool {
  private readonly pool: Tinypool;

  constructor(options: WorkerPoolOptions) {
    const filename = options.workerScript ?? defaultWorkerScript();
    if (!existsSync(filename)) {
      throw new Error(
        `the worker entry '${filename}' does not exist: build carepool first (npx --yes pnpm@9.15.9 build:cli)`,
      );
    }
    const workerData: WorkerData = {
      modelUrl: options.modelModule.url,
      exportName: options.modelModule.exportName,
      configs: options.configs,
    };
    this.pool = new Tinypool({
      filename,
      minThreads: options.workers,
      maxThreads: options.workers,
      // One replication at a time per worker: the model is CPU-bound.
      concurrentTasksPerWorker: 1,
      workerData,
    });
  }

  run(arm: number, replication: number, seed: number | string): Promise<TaskResult> {
    return this.pool.run({ arm, replication, seed }) as Promise<TaskResult>;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/** `worker.js` beside this module when it is compiled JavaScript. */
function defaultWorkerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    throw new Error('worker threads run compiled JavaScript: pass workerScript (the built worker entry)');
  }
  return fileURLToPath(new URL('./worker.js', import.meta.url));
}
