/**
 * `compare`, `sweep` and `run`: execute the experiment, write the folder, print the table or JSON.
 */
import type { ReplicateResult } from '@carepool/experiment';
import type { CareArmConfig } from '../care-model.js';
import { resolvePath } from '../commands/validate.js';
import { networkTable } from '../format.js';
import type { CliIo } from '../io.js';
import type { BuiltArms } from './arms.js';
import {
  type ExperimentArgs,
  type ExperimentOutcome,
  executeExperiment,
  type PreparedExperiment,
  prepareExperiment,
} from './execute.js';
import { openResultsFolder } from './folder.js';
import { runShard } from './shard.js';
import { comparisonTable } from './table.js';
import { writeTrace } from './trace.js';

export type { ExperimentArgs } from './execute.js';

export async function runExperiment(io: CliIo, args: ExperimentArgs): Promise<number> {
  if (args.shard !== undefined) return runShard(io, args);
  // Loaded before the run, not after it: a long run must not end on a missing module.
  const report = args.report === true ? await import('../commands/report.js') : undefined;
  const prepared = await prepareExperiment(io, args);
  const outcome = await executeIntoFolder(io, args, prepared);
  const code = await printOutcome(io, args, outcome);
  if (report !== undefined && args.out !== undefined) {
    io.stderr(`report: ${report.writeFolderReport(resolvePath(io, args.out))}\n`);
  }
  return code;
}

/**
 * Runs a prepared experiment into its `--out` folder (if any): resumes the folder's journal,
 * journals every new replication, writes the files when complete, and stops cleanly on a signal.
 */
export async function executeIntoFolder(
  io: CliIo,
  args: ExperimentArgs,
  prepared: PreparedExperiment,
): Promise<ExperimentOutcome> {
  const folder =
    args.out !== undefined
      ? openResultsFolder(resolvePath(io, args.out), prepared.key, args.force)
      : undefined;
  if (folder !== undefined && folder.journal.completed.length > 0 && !args.quiet) {
    io.stderr(`resuming: ${folder.journal.completed.length} finished replications found in ${args.out}/\n`);
  }
  let outcome: ExperimentOutcome;
  try {
    outcome = await whileInterruptible(io, args, () =>
      executeExperiment(
        io,
        args,
        folder !== undefined
          ? { completed: folder.journal.completed, onRecord: (r) => folder.journal.append(r) }
          : {},
        prepared,
      ),
    );
  } catch (error) {
    folder?.abandon();
    throw error;
  }
  folder?.finish(outcome.files);
  return outcome;
}

/** Prints the table (or summary.json) of a finished or merged experiment; the exit code. */
export async function printOutcome(
  io: CliIo,
  args: ExperimentArgs,
  outcome: ExperimentOutcome,
): Promise<number> {
  const { built, result, headlines, summary, differences, files } = outcome;
  if (args.trace !== undefined) {
    const records = await writeTrace(resolvePath(io, args.trace), built.arms[0], args.seed);
    if (!args.quiet) io.stderr(`wrote ${records.toLocaleString('en-GB')} trace records to ${args.trace}\n`);
  }
  if (args.json) {
    io.stdout(files.find(([name]) => name === 'summary.json')![1]);
  } else {
    const table =
      built.kind === 'network' && built.arms.length === 1
        ? networkTable(summary, args.confidence)
        : comparisonTable(result, headlines, summary, differences, args.confidence);
    io.stdout(`${table}\n`);
    if (result.precision) io.stdout(`\n${precisionLines(result.precision)}\n`);
  }
  reportEnd(io, args, result, built);
  return result.failures.size > 0 ? 1 : 0;
}

/**
 * Runs `work`; on Ctrl-C or SIGTERM stops at once (the journal already holds every finished
 * replication), restores the terminal and says how to resume.
 */
export async function whileInterruptible<T>(
  io: CliIo,
  args: ExperimentArgs,
  work: () => Promise<T>,
): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    io.stderr(
      `\ncarepool: interrupted (${signal})${args.out !== undefined ? `; finished replications are kept in ${args.out}/ — run the same command to resume` : ''}\n`,
    );
    // Show the cursor again if a progress bar hid it.
    if (io.progressStream !== undefined) io.progressStream.write('\u001b[?25h');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function precisionLines(p: NonNullable<ReplicateResult<unknown>['precision']>): string {
  const lines = p.targets.map(
    (t) =>
      `  ${t.target.metric}:${t.target.statistic}@${t.target.scope}: half-width ${t.halfWidth.toPrecision(3)} ` +
      `(target ${t.requiredHalfWidth.toPrecision(3)}) ${t.met ? 'met' : 'NOT met'}`,
  );
  const why =
    p.stoppedBecause === 'targetsMet'
      ? 'every target met, at two batch boundaries in a row'
      : p.allMet
        ? 'the --max-reps cap was reached (the targets held at the last boundary, without the look-ahead batch)'
        : 'the --max-reps cap was reached';
  return `Precision: stopped because ${why}.\n${lines.join('\n')}`;
}

function reportEnd(
  io: CliIo,
  args: ExperimentArgs,
  result: ReplicateResult<CareArmConfig>,
  built: BuiltArms,
): void {
  for (const [arm, failure] of result.failures) {
    io.stderr(
      `carepool: arm ${built.arms[arm].id} stopped at replication ${failure.replication}: ${failure.message} ` +
        '(its results are left out; the other arms ran)\n',
    );
  }
  if (args.quiet) return;
  const events = result.accumulators.reduce((s, a) => s + a.eventsExecuted, 0);
  io.stderr(
    `${result.replications} replication${result.replications === 1 ? '' : 's'} × ${built.arms.length} arm${built.arms.length === 1 ? '' : 's'}: ` +
      `${events.toLocaleString('en-GB')} events in ${result.wallSeconds.toFixed(1)} s on ${result.workers} worker${result.workers === 1 ? '' : 's'}` +
      `${args.out !== undefined ? `; wrote ${args.out}/` : ''}\n`,
  );
}
