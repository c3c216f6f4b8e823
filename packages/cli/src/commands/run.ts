/**
 * `carepool run <scenario>`: one scenario, one policy, N replications; prints each outcome's mean
 * (or, with --json, the tidy rows and provenance) and writes files with --out.
 */
import { POLICY_IDS } from '@carepool/model';
import { loadScenario } from '@carepool/scenario';
import { UsageError } from '../errors.js';
import { networkTable, systemTable } from '../format.js';
import type { CliIo } from '../io.js';
import { loadPolicyModule, type PolicyFactory } from '../policy-module.js';
import { RunProgress } from '../progress.js';
import { collectResults, type Provenance, resultsJson } from '../results.js';
import { type RunPlan, runReplications } from '../run-loop.js';
import { carepoolVersion } from '../version.js';
import { checkOutputDir, writeResultsDir } from '../write-output.js';
import { resolvePath } from './validate.js';

/** Replications when --reps is not given: enough for a stable mean, few enough for a quick first run. */
export const DEFAULT_REPLICATIONS = { system: 5, network: 10 } as const;

export interface RunArgs {
  scenario: string;
  policy?: string;
  policyModule?: string;
  reps?: number;
  seed: number | string;
  overrides: string[];
  json: boolean;
  out?: string;
  quiet: boolean;
  workers?: number;
  daily: boolean;
}

export async function runCommand(io: CliIo, args: RunArgs): Promise<number> {
  if (args.policy !== undefined && args.policyModule !== undefined) {
    throw new UsageError('give either --policy or --policy-module, not both');
  }
  if (args.policy !== undefined && !(POLICY_IDS as readonly string[]).includes(args.policy)) {
    throw new UsageError(`--policy must be one of ${POLICY_IDS.join(', ')}; got '${args.policy}'`);
  }
  if (args.out !== undefined) checkOutputDir(resolvePath(io, args.out));

  const file = resolvePath(io, args.scenario);
  let overrides = args.overrides;
  let scenario = loadScenario(file, { overrides });
  // A built-in policy is a setting of the scenario, so it goes through the loader like any --set
  // (and so into the scenario hash).
  if (scenario.kind === 'system' && args.policy !== undefined) {
    overrides = [...overrides, `workforce.policy=${args.policy}`];
    scenario = loadScenario(file, { overrides });
  }
  if (scenario.kind === 'network') {
    if (args.policy !== undefined || args.policyModule !== undefined) {
      throw new UsageError(`'${args.scenario}' is a network scenario: it has no deployment policy to choose`);
    }
    if (args.daily)
      throw new UsageError(`'${args.scenario}' is a network scenario: --daily applies to system runs only`);
  }

  let policyFactory: PolicyFactory | undefined;
  let policyLabel = scenario.kind === 'system' ? scenario.config.workforce.policy : 'none';
  if (args.policyModule !== undefined && scenario.kind === 'system') {
    const loaded = await loadPolicyModule(args.policyModule, io.cwd);
    policyFactory = loaded.factory;
    policyLabel = policyFactory(scenario.config).id;
    const reps = args.reps ?? DEFAULT_REPLICATIONS[scenario.kind];
    if (loaded.sharedObject && reps > 1 && !args.quiet) {
      io.stderr(
        `carepool: warning: '${args.policyModule}' exports a policy object, not a factory: one object is shared by ` +
          `all ${reps} replications, so any state it keeps carries over; export (config) => DeploymentPolicy instead\n`,
      );
    }
  }

  const replications = args.reps ?? DEFAULT_REPLICATIONS[scenario.kind];
  const plan: RunPlan = { scenario, seed: args.seed, replications, policyFactory, dailySeries: args.daily };
  const provenance: Provenance = {
    carepoolVersion: carepoolVersion(),
    scenarioFile: args.scenario,
    scenarioName: scenario.config.name,
    scenarioKind: scenario.kind,
    scenarioHash: scenario.hash,
    overrides,
    seed: args.seed,
    replications,
    policy: policyLabel,
    ...(args.policyModule !== undefined ? { policyModule: args.policyModule } : {}),
    ...(scenario.kind === 'system'
      ? { warmupDays: scenario.config.warmupDays, durationDays: scenario.config.durationDays }
      : { warmupHours: scenario.config.warmupHours, durationHours: scenario.config.durationHours }),
    nodeVersion: process.version,
  };

  if (!args.quiet && scenario.kind === 'system' && scenario.sweep !== undefined) {
    io.stderr(
      `note: '${args.scenario}' declares a sweep; run uses its base values (sweeps run with the experiment runner, coming later)\n`,
    );
  }
  if (!args.quiet && args.workers !== undefined && args.workers > 1) {
    io.stderr(
      `note: --workers ${args.workers} accepted; replications still run one after another in this process\n`,
    );
  }
  const progress = new RunProgress(args.quiet ? undefined : io.progressStream, replications, 'carepool run');
  let outcomes: Awaited<ReturnType<typeof runReplications>>;
  try {
    outcomes = await runReplications(plan, (outcome, done) =>
      progress.replicationDone(done, outcome.eventsExecuted),
    );
  } finally {
    progress.stop();
  }
  const results = collectResults(provenance, outcomes);

  // Files first: if writing fails, nothing was printed as if the run had completed.
  const written = args.out !== undefined ? writeResultsDir(resolvePath(io, args.out), results) : [];
  if (args.json) {
    io.stdout(resultsJson(results));
  } else {
    const what =
      scenario.kind === 'system'
        ? `${scenario.config.durationDays} days after ${scenario.config.warmupDays} days warm-up, policy ${policyLabel}`
        : `${scenario.config.durationHours} h after ${scenario.config.warmupHours} h warm-up`;
    io.stdout(
      `${scenario.kind} '${scenario.config.name}' (${args.scenario}): ${replications} replication${replications === 1 ? '' : 's'}, ` +
        `seed ${String(args.seed)}, ${what}\n\n`,
    );
    io.stdout(`${scenario.kind === 'system' ? systemTable(results) : networkTable(results)}\n`);
  }
  if (!args.quiet) {
    const rate = results.eventsExecuted / Math.max(results.wallSeconds, 1e-9);
    io.stderr(
      `${results.eventsExecuted.toLocaleString('en-GB')} events in ${results.wallSeconds.toFixed(1)} s ` +
        `(${(rate / 1e6).toFixed(2)} M events/s)${written.length > 0 ? `; wrote ${args.out}/` : ''}\n`,
    );
  }
  return 0;
}
