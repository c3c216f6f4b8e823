/**
 * What `compare`, `sweep`, `run` (and the commands built on them) share: build the arms, fix the
 * warm-up, run the replications on the runner (all cores by default), analyse, and make the results
 * folder's files.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import {
  type DifferenceRow,
  differenceRows,
  type PrecisionRule,
  RECORD_FORMAT,
  type ReplicateResult,
  type ReplicationRecord,
  replicate,
  type SummaryRow,
  type SweepMode,
  summaryRows,
} from '@carepool/experiment';
import { metricDefinition } from '@carepool/model';
import { NETWORK_METRICS } from '@carepool/network';
import { loadScenario } from '@carepool/scenario';
import { type CareArmConfig, careModel } from '../care-model.js';
import { resolvePath } from '../commands/validate.js';
import { CliError, UsageError } from '../errors.js';
import { SYSTEM_HEADLINES } from '../format.js';
import type { CliIo } from '../io.js';
import { loadPolicyModule } from '../policy-module.js';
import { RunProgress } from '../progress.js';
import { scenarioOptions } from '../scenario-access.js';
import { type ArmInputs, type BuiltArms, buildArms } from './arms.js';
import { configChanges, formatChange } from './config-diff.js';
import { compiledEntries } from './entries.js';
import { sha256 } from './manifest.js';
import { networkHeadlines } from './network-headlines.js';
import { checkOutputWritable, outputFiles } from './outputs.js';
import { warnOverloadedStations } from './overload.js';
import { parsePrecision, parseSweep } from './parse.js';
import { type Headline, headlinesFrom } from './table.js';
import { autoWarmup } from './warmup.js';

/** Replications per arm when --reps is not given. */
export const DEFAULT_REPLICATIONS = { system: 10, network: 10 } as const;

export interface ExperimentArgs {
  command: 'compare' | 'sweep' | 'run';
  argv: readonly string[];
  scenario: string;
  variants: string[];
  policies?: string[];
  policyModule?: string;
  reps?: number;
  seed: number | string;
  workers?: number;
  overrides: string[];
  confidence: number;
  precision: string[];
  maxReps?: number;
  warmupDays?: number;
  warmup: 'fixed' | 'auto';
  sweep: string[];
  sweepMode: SweepMode;
  json: boolean;
  out?: string;
  quiet: boolean;
  series: boolean;
  /** `run --trace FILE`: the event log of replication 0. */
  trace?: string;
  /** `--shard K/N`: run only this slice of the (arm, replication) pairs into --out. */
  shard?: { index: number; count: number };
  /** `--force`: replace a results folder that holds another experiment. */
  force: boolean;
  /** `--report`: also write report.html into the results folder (without --out, a new one under results/). */
  report?: boolean;
}

/** Everything an experiment produced, for the commands that print, write, judge or report it. */
export interface ExperimentOutcome {
  built: BuiltArms;
  result: ReplicateResult<CareArmConfig>;
  headlines: Headline[];
  summary: SummaryRow[];
  differences: DifferenceRow[];
  /** The results folder's files (name, text), written by `--out`. */
  files: [string, string][];
}

/** An experiment ready to run: its arms, warm-up, replication rule and identity. */
export interface PreparedExperiment {
  built: BuiltArms;
  warmup: { method: 'fixed' | 'MSER-5'; days: number; detail?: Record<string, unknown> };
  replications: number;
  precision?: PrecisionRule;
  workers: number;
  policyModule?: { file: string; policyId: string };
  /** SHA-256 of what the per-replication records depend on: arms, their resolved scenarios, seed, replication rule. */
  key: string;
}

/** What a run can be handed: records made before (a journal), a sink for new ones, a shard to run. */
export interface RunHooks {
  completed?: readonly ReplicationRecord[];
  onRecord?: (record: ReplicationRecord) => void;
  shard?: { index: number; count: number };
}

/**
 * Builds the arms, fixes the warm-up, runs the replications and analyses them; prints the plan (not
 * under --json). Throws when every arm failed.
 */
export async function executeExperiment(
  io: CliIo,
  args: ExperimentArgs,
  hooks: RunHooks = {},
  prepared?: PreparedExperiment,
): Promise<ExperimentOutcome> {
  const p = prepared ?? (await prepareExperiment(io, args));
  const result = await runPrepared(io, args, p, hooks);
  if (result.failures.size === p.built.arms.length) {
    // Nothing ran to the end: no results to write, one line to say why.
    const [arm, failure] = [...result.failures][0];
    throw new CliError(
      p.built.arms.length === 1
        ? failure.message
        : `every arm failed; the first, ${p.built.arms[arm].id}: ${failure.message}`,
    );
  }
  return analyseExperiment(args, p, result);
}

/** Loads every arm's scenario, fixes the warm-up and the replication rule; prints the plan. */
export async function prepareExperiment(io: CliIo, args: ExperimentArgs): Promise<PreparedExperiment> {
  if (args.out !== undefined) checkOutputWritable(resolvePath(io, args.out));
  if (args.warmup === 'auto' && args.warmupDays !== undefined) {
    throw new UsageError('give either --warmup auto or --warmup-days, not both');
  }
  const policyModule = args.policyModule !== undefined ? await policyModuleInput(io, args) : undefined;
  const inputs: ArmInputs = {
    scenario: { given: args.scenario, file: resolvePath(io, args.scenario) },
    variants: args.variants.map((v) => ({ given: v, file: resolvePath(io, v) })),
    ...(args.policies !== undefined ? { policies: args.policies } : {}),
    defaultPolicies: args.command === 'compare' && args.variants.length === 0 ? 'all' : 'own',
    ...(policyModule !== undefined ? { policyModule } : {}),
    overrides: args.overrides,
    ...(args.warmupDays !== undefined ? { warmupDays: args.warmupDays } : {}),
    ...(args.sweep.length > 0 ? { sweep: args.sweep.map(parseSweep) } : {}),
    sweepMode: args.sweepMode,
    runSweep: args.command === 'sweep' || args.command === 'compare',
    requireSweep: args.command === 'sweep',
  };
  let built = buildArms(inputs);
  let warmup: PreparedExperiment['warmup'] = { method: 'fixed', days: warmupDaysOf(built) };
  if (args.warmup === 'auto') {
    const chosen = await autoWarmup(built, args.seed, io, args.quiet);
    warmup = { method: 'MSER-5', days: chosen.days, detail: chosen.detail };
    built = buildArms({ ...inputs, warmupDays: chosen.days });
  }
  if (!args.quiet) warnOverloadedStations(io, built);
  // Said even with --quiet: a sweep that is not run must never pass unnoticed.
  if (args.command === 'run' && built.kind === 'system') {
    const sweep = built.scenarios[0].loaded.kind === 'system' ? built.scenarios[0].loaded.sweep : undefined;
    if (sweep !== undefined) {
      io.stderr(
        `carepool: warning: '${args.scenario}' declares a sweep; run uses its base values (carepool sweep runs it)\n`,
      );
    }
  }
  const defaultScope = built.kind === 'system' ? 'ics' : 'network';
  const replications = args.reps ?? DEFAULT_REPLICATIONS[built.kind];
  const precision: PrecisionRule | undefined =
    args.precision.length > 0
      ? {
          targets: args.precision.map((t) => parsePrecision(t, defaultScope)),
          maxReplications: Math.max(replications, args.maxReps ?? 200),
          batchSize: 5,
          confidence: args.confidence,
        }
      : undefined;
  if (args.maxReps !== undefined && precision === undefined) {
    throw new UsageError('--max-reps goes with --precision');
  }
  if (args.maxReps !== undefined && args.maxReps < replications) {
    throw new UsageError(
      `--max-reps ${args.maxReps} is below the ${replications} replications run first (--reps)`,
    );
  }
  for (const t of precision?.targets ?? []) checkScope(t, built, '--precision');
  const workers = Math.min(
    args.workers ?? availableParallelism(),
    built.arms.length * (precision?.maxReplications ?? replications),
  );
  const key = experimentKey(built, args.seed, replications, precision, policyModule);
  if (!args.json) printPlan(io, args, built, replications, workers, precision);
  return {
    built,
    warmup,
    replications,
    ...(precision ? { precision } : {}),
    workers,
    ...(policyModule ? { policyModule } : {}),
    key,
  };
}

/** Runs the prepared experiment's replications (all of them, or one shard's) with a progress bar. */
export async function runPrepared(
  io: CliIo,
  args: ExperimentArgs,
  p: PreparedExperiment,
  hooks: RunHooks,
): Promise<ReplicateResult<CareArmConfig>> {
  const entries = p.workers > 1 ? await compiledEntries() : undefined;
  const planned = hooks.shard
    ? Math.ceil((p.built.arms.length * p.replications) / hooks.shard.count)
    : p.built.arms.length * p.replications;
  const progress = new RunProgress(
    args.quiet ? undefined : io.progressStream,
    planned,
    `carepool ${args.command}`,
  );
  try {
    return await replicate<CareArmConfig>({
      arms: p.built.arms,
      seed: args.seed,
      replications: p.replications,
      ...(p.precision !== undefined ? { precision: p.precision } : {}),
      model: careModel,
      ...(entries !== undefined
        ? {
            modelModule: { url: entries.careModelUrl, exportName: 'careModel' },
            workerScript: entries.workerFile,
          }
        : {}),
      workers: p.workers,
      keepSeries: args.series,
      ...(hooks.completed ? { completed: hooks.completed } : {}),
      ...(hooks.onRecord ? { onRecord: hooks.onRecord } : {}),
      ...(hooks.shard ? { shard: hooks.shard } : {}),
      onReplication: (record, done, total) =>
        progress.replicationDone(done, record.eventsExecuted ?? 0, total),
    });
  } finally {
    progress.stop();
  }
}

/** Summaries, differences and the results folder's files, from a finished (or merged) result. */
export function analyseExperiment(
  args: ExperimentArgs,
  p: PreparedExperiment,
  result: ReplicateResult<CareArmConfig>,
  manifestExtra: Record<string, unknown> = {},
): ExperimentOutcome {
  const { built } = p;
  const headlines =
    built.kind === 'system' ? headlinesFrom(SYSTEM_HEADLINES, 'ics') : networkHeadlines(built);
  const summary = summaryRows(result, args.confidence);
  const differences = differenceRows(result, {
    confidence: args.confidence,
    direction: (metric) => metricDefinition(metric)?.direction ?? networkDirection(metric),
    judged: headlines,
  });
  const files = outputFiles({
    argv: args.argv,
    built,
    result,
    summary,
    differences,
    seed: args.seed,
    confidence: args.confidence,
    overrides: args.overrides,
    warmup: p.warmup,
    replicationRule: replicationRule(result, p.precision),
    experimentKey: p.key,
    manifestExtra,
    ...(args.policyModule !== undefined && p.policyModule !== undefined
      ? { policyModule: { given: args.policyModule, file: p.policyModule.file } }
      : {}),
    series: args.series,
  });
  return { built, result, headlines, summary, differences, files };
}

/** A metric reference's scope must be one the scenario reports (the whole system, an organisation, a station). */
export function checkScope(ref: { metric: string; scope: string }, built: BuiltArms, flag: string): void {
  const base = built.scenarios[0].loaded;
  const scopes =
    base.kind === 'system'
      ? ['ics', ...base.config.organisations.map((o) => o.id)]
      : ['network', ...base.config.stations.map((s) => s.id)];
  const scope = ref.scope.replace(/:class\d+$/, '');
  if (!scopes.includes(scope)) {
    throw new UsageError(
      `${flag}: '${ref.metric}@${ref.scope}': no such scope; expected one of ${scopes.join(', ')}`,
    );
  }
}

/** The identity of an experiment's records: what each replication's numbers depend on. */
function experimentKey(
  built: BuiltArms,
  seed: number | string,
  replications: number,
  precision: PrecisionRule | undefined,
  policyModule: { file: string } | undefined,
): string {
  const identity = {
    format: RECORD_FORMAT,
    arms: built.arms.map((a, i) => ({ id: a.id, scenarioHash: built.armScenarios[i].hash })),
    seed,
    replications,
    precision: precision
      ? { targets: precision.targets, max: precision.maxReplications, batch: precision.batchSize }
      : null,
    policyModule: policyModule ? sha256(readFileSync(policyModule.file)) : null,
  };
  return sha256(JSON.stringify(identity));
}

async function policyModuleInput(
  io: CliIo,
  args: ExperimentArgs,
): Promise<{ file: string; policyId: string }> {
  const file = resolve(io.cwd, args.policyModule!);
  const loaded = await loadPolicyModule(args.policyModule!, io.cwd);
  const base = loadScenario(resolvePath(io, args.scenario), scenarioOptions(args.overrides));
  if (base.kind !== 'system') {
    throw new UsageError(`'${args.scenario}' is a network scenario: it has no deployment policy to choose`);
  }
  if (loaded.sharedObject && !args.quiet) {
    io.stderr(
      `carepool: warning: '${args.policyModule}' exports a policy object, not a factory: one object is shared by ` +
        'the replications a thread runs, so any state it keeps carries over; export (config) => DeploymentPolicy instead\n',
    );
  }
  return { file, policyId: loaded.factory(base.config).id };
}

function warmupDaysOf(built: BuiltArms): number {
  const c = built.scenarios[0].loaded.config as { warmupDays?: number; warmupHours?: number };
  return c.warmupDays ?? (c.warmupHours ?? 0) / 24;
}

function networkDirection(metric: string): 'higherIsBetter' | 'lowerIsBetter' | 'neutral' | undefined {
  return NETWORK_METRICS.find((m) => m.id === metric)?.direction;
}

function replicationRule(
  result: ReplicateResult<CareArmConfig>,
  precision: PrecisionRule | undefined,
): Record<string, unknown> {
  if (precision === undefined) return { rule: 'fixed', why: 'the number asked for (--reps, or the default)' };
  return {
    rule: 'precision (sequential, Hoad, Robinson & Davies 2010)',
    targets: result.precision?.targets,
    stoppedBecause: result.precision?.stoppedBecause,
    maxReplications: precision.maxReplications,
    batchSize: precision.batchSize,
    lookAhead: 'targets must hold at two batch boundaries in a row',
  };
}

function printPlan(
  io: CliIo,
  args: ExperimentArgs,
  built: BuiltArms,
  replications: number,
  workers: number,
  precision: PrecisionRule | undefined,
): void {
  const base = built.scenarios[0].loaded;
  const reps = precision
    ? `${replications} replications per arm, then batches of ${precision.batchSize} until the precision targets hold (at most ${precision.maxReplications})`
    : `${replications} replication${replications === 1 ? '' : 's'} per arm`;
  io.stdout(
    `${built.kind} '${base.config.name}' (${args.scenario}): ${built.arms.length} arm${built.arms.length === 1 ? '' : 's'}, ${reps}, ` +
      `seed ${String(args.seed)}, ${workers} worker${workers === 1 ? '' : 's'}\n\n`,
  );
  for (const s of built.scenarios.slice(1)) {
    const changes = configChanges(base.config, s.loaded.config);
    io.stdout(
      `  ${s.name} (${s.given}) changes ${changes.length} value${changes.length === 1 ? '' : 's'} against the base:\n`,
    );
    for (const c of changes.slice(0, 12)) io.stdout(`    ${formatChange(c)}\n`);
    if (changes.length > 12) io.stdout(`    … and ${changes.length - 12} more (carepool diff ${s.given})\n`);
  }
  if (built.sweep) {
    io.stdout(
      `  sweep (${built.sweep.mode === 'grid' ? 'full grid' : 'one at a time'}): ${built.sweep.points} points including the base\n`,
    );
  }
  if (built.scenarios.length > 1 || built.sweep) io.stdout('\n');
}
