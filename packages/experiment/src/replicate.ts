/**
 * The one replication loop of the product. `replicate()` runs every arm for replications 0 … n−1
 * (in this thread, or on a pool of worker threads), with seeds from (master seed, replication) only
 * so arms share common random numbers, and — with a precision rule — adds batches of replications
 * until the named intervals are narrow enough. Stopping decisions are taken only at fixed batch
 * boundaries, on records folded in replication order, so they never depend on which worker finished
 * first.
 */
import { ArmAccumulator } from './accumulate.js';
import { type TaskResult, WorkerPool } from './pool.js';
import { type PrecisionRule, precisionStatus } from './precision-rule.js';
import type { ReplicateResult } from './result.js';
import { runOne } from './run-one.js';
import type { Arm, ArmFailure, ModelFunction, ReplicationRecord } from './types.js';

export interface ReplicateOptions<C> {
  arms: readonly Arm<C>[];
  /** Master seed: with the replication index it fixes every random stream of every arm. */
  seed: number | string;
  /** Replications per arm; with a precision rule, the first batch. */
  replications: number;
  /** Add replications until these intervals are narrow enough (Hoad, Robinson & Davies 2010). */
  precision?: PrecisionRule;
  /** The model, run in this thread when `workers` is 1 (or no module is given). */
  model?: ModelFunction<C>;
  /**
   * The model as a module worker threads can import: `url` (a file: URL of compiled JavaScript)
   * exporting `exportName`. Needed for `workers` > 1.
   */
  modelModule?: { url: string; exportName: string };
  /** Worker threads (default 1: this thread). */
  workers?: number;
  /** The compiled worker entry (default: `worker.js` beside this module). */
  workerScript?: string;
  /** Keep each replication's daily series (for series.csv); otherwise only their moments are kept. */
  keepSeries?: boolean;
  /**
   * Run only one shard's (arm, replication) pairs: pair p = replication × arms + arm belongs to shard
   * (p mod count) + 1. A shard's records are handed to `onRecord` only (they are not folded: the
   * merge folds every shard's records in order). Needs a fixed number of replications.
   */
  shard?: { index: number; count: number };
  /** Records made before (a resumed run's journal): used instead of running those pairs again. */
  completed?: readonly ReplicationRecord[];
  /** Called with each new record as it is made, in completion order (to journal it). */
  onRecord?: (record: ReplicationRecord) => void;
  /** Called after each replication (in completion order), with how many are done and planned. */
  onReplication?: (record: ReplicationRecord, done: number, planned: number) => void;
}

/** Error names that mean "this arm's input is wrong", reported per arm; anything else is a bug and is thrown. */
const USER_ERRORS = new Set([
  'ModelError',
  'NetworkError',
  'ScenarioError',
  'ExperimentError',
  'CliError',
  'PolicyError',
]);

/** Runs the experiment. Resolves when every arm has its replications or has failed. */
export async function replicate<C>(options: ReplicateOptions<C>): Promise<ReplicateResult<C>> {
  const startedAt = performance.now();
  const workers = Math.max(1, Math.floor(options.workers ?? 1));
  checkOptions(options);
  const accumulators = options.arms.map(() => new ArmAccumulator(options.keepSeries === true));
  const failures = new Map<number, ArmFailure>();
  const pool =
    workers > 1 && options.modelModule !== undefined
      ? new WorkerPool({
          workers,
          modelModule: options.modelModule,
          configs: options.arms.map((a) => a.config),
          workerScript: options.workerScript,
        })
      : undefined;
  const runBatch = batchRunner(options, pool, accumulators, failures);
  let n = options.replications;
  let precision: ReplicateResult<C>['precision'];
  try {
    await runBatch(0, n);
    if (options.precision !== undefined) {
      ({ n, precision } = await addUntilPrecise(options.precision, n, runBatch, accumulators, failures));
    }
  } finally {
    await pool?.close();
  }
  return {
    arms: options.arms,
    accumulators,
    replications: n,
    failures,
    precision,
    workers: pool ? workers : 1,
    wallSeconds: (performance.now() - startedAt) / 1000,
  };
}

function checkOptions<C>(options: ReplicateOptions<C>): void {
  if (!(options.replications >= 1)) throw new RangeError('replications must be at least 1');
  if (options.model === undefined && options.modelModule === undefined) {
    throw new TypeError('replicate() needs a model function or a model module');
  }
  const shard = options.shard;
  if (shard !== undefined) {
    if (
      !(Number.isInteger(shard.count) && shard.count >= 1 && shard.index >= 1 && shard.index <= shard.count)
    ) {
      throw new RangeError(`shard ${shard.index}/${shard.count}: expected K/N with 1 ≤ K ≤ N`);
    }
    if (options.precision !== undefined) throw new RangeError('a shard runs a fixed number of replications');
  }
}

/** Runs replications [from, to) of every arm that has not failed (and is in the shard), folding the records. */
type BatchRunner = (from: number, to: number) => Promise<void>;

function batchRunner<C>(
  options: ReplicateOptions<C>,
  pool: WorkerPool | undefined,
  accumulators: ArmAccumulator[],
  failures: Map<number, ArmFailure>,
): BatchRunner {
  const shard = options.shard;
  const mine = (arm: number, replication: number) =>
    shard === undefined || (replication * options.arms.length + arm) % shard.count === shard.index - 1;
  const earlier = new Map((options.completed ?? []).map((r) => [`${r.arm}/${r.replication}`, r]));
  const compute = pool
    ? (arm: number, replication: number) => pool.run(arm, replication, options.seed)
    : (arm: number, replication: number) =>
        runOne(options.model!, options.arms[arm].config, arm, replication, options.seed);
  const runTask = async (arm: number, replication: number): Promise<TaskResult & { reused?: boolean }> => {
    const before = earlier.get(`${arm}/${replication}`);
    if (before !== undefined) return { ok: true, record: before, reused: true };
    const result = await compute(arm, replication);
    if (result.ok) options.onRecord?.(result.record);
    return result;
  };
  let done = 0;
  let planned = 0;
  return async (from: number, to: number): Promise<void> => {
    const tasks: Promise<void>[] = [];
    for (let r = from; r < to; r++) for (let a = 0; a < options.arms.length; a++) if (mine(a, r)) planned++;
    // Replication-major order: every arm advances together, so partial progress is balanced.
    for (let r = from; r < to; r++) {
      for (let a = 0; a < options.arms.length; a++) {
        if (failures.has(a) || !mine(a, r)) continue;
        tasks.push(
          runTask(a, r).then((result) => {
            done++;
            if (failures.has(a)) return;
            if (!result.ok) {
              if (!USER_ERRORS.has(result.errorName)) {
                throw new Error(`replication ${r} of ${options.arms[a].id}: ${result.message}`);
              }
              failures.set(a, { replication: r, errorName: result.errorName, message: result.message });
              return;
            }
            if (shard === undefined) accumulators[a].add(result.record);
            options.onReplication?.(result.record, done, planned);
          }),
        );
        // In this thread, yield between replications so progress draws and Ctrl-C is honoured.
        if (pool === undefined && !earlier.has(`${a}/${r}`)) {
          await tasks[tasks.length - 1];
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
    }
    await Promise.all(tasks);
  };
}

/**
 * Adds batches after the first `n` replications until the targets hold at two boundaries in a row
 * (a one-batch look-ahead, as Hoad et al. recommend, so one lucky batch does not stop the run), or
 * at the cap.
 */
async function addUntilPrecise(
  rule: PrecisionRule,
  first: number,
  runBatch: BatchRunner,
  accumulators: ArmAccumulator[],
  failures: Map<number, ArmFailure>,
): Promise<{ n: number; precision: NonNullable<ReplicateResult<unknown>['precision']> }> {
  let n = first;
  let status = precisionStatus(rule, accumulators, failures);
  let metBefore = false;
  let metTwice = false;
  while (!(status.allMet && metBefore) && n < rule.maxReplications) {
    metBefore = status.allMet;
    const next = Math.min(rule.maxReplications, n + rule.batchSize);
    await runBatch(n, next);
    n = next;
    status = precisionStatus(rule, accumulators, failures);
    metTwice = status.allMet && metBefore;
  }
  const precision = {
    targets: status.targets,
    allMet: status.allMet,
    // At the cap the look-ahead may not have been completed: that is a stop at the cap.
    stoppedBecause: metTwice ? ('targetsMet' as const) : ('maxReplications' as const),
  };
  return { n, precision };
}
