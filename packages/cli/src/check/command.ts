/**
 * `carepool check <scenario> [variants…] --expect '…'`: run the experiment the expectations need
 * (every runner option applies), judge each on its confidence interval, print a table or --json,
 * write --junit, and exit 0 / 3 / 4 (docs/ci.md).
 */
import { basename, extname } from 'node:path';
import { POLICY_IDS } from '@carepool/model';
import { type LoadedScenario, loadScenario } from '@carepool/scenario';
import { resolvePath } from '../commands/validate.js';
import { CliError, UsageError } from '../errors.js';
import { experimentArgs } from '../experiment/args.js';
import { type ExperimentArgs, prepareExperiment } from '../experiment/execute.js';
import { executeIntoFolder } from '../experiment/run-experiment.js';
import type { CliIo } from '../io.js';
import { asList } from '../options.js';
import { writeFileAtomically } from '../write-output.js';
import { evaluateExpectations, unreportedReferences } from './evaluate.js';
import { type Expectation, ExpectationSyntaxError, parseExpectation } from './grammar.js';
import { type CheckRun, checkExitCode, checkJson, checkTable, junitXml } from './report.js';

export interface CheckArgs extends ExperimentArgs {
  /** `--expect`, in the order given. */
  expect: string[];
  /** `--junit FILE`. */
  junit?: string;
}

/** check's raw yargs values, checked and typed: the experiment's, then --expect and --junit. */
export function checkArgs(
  a: Record<string, unknown>,
  overrides: string[],
  argv: readonly string[],
): CheckArgs {
  if (a.report === true)
    throw new UsageError('check writes no report: give --out DIR, then carepool report DIR');
  const junit = Array.isArray(a.junit) ? a.junit[a.junit.length - 1] : a.junit;
  if (junit !== undefined && String(junit).trim() === '') throw new UsageError('--junit needs a file name');
  return {
    ...experimentArgs('run', { ...a, expect: undefined, junit: undefined }, overrides, argv),
    expect: asList(a.expect),
    ...(junit !== undefined ? { junit: String(junit) } : {}),
  };
}

export async function checkCommand(io: CliIo, args: CheckArgs): Promise<number> {
  if (args.sweep.length > 0) {
    throw new UsageError('check judges the scenario as it is: --sweep is not available (run carepool sweep)');
  }
  if (args.shard !== undefined) {
    throw new UsageError(
      'check judges every replication: --shard is not available (merge the shards, then compare)',
    );
  }
  const base = loadScenario(resolvePath(io, args.scenario), { overrides: args.overrides });
  const defaultScope = base.kind === 'system' ? 'ics' : 'network';
  const expectations = parseAll(args, base, defaultScope);
  const variantNames = args.variants.map((v) => basename(v, extname(v)));
  const policies =
    base.kind === 'system' ? armPolicies(args, base.config.workforce.policy, expectations) : undefined;
  const valueArm = `base/${policies?.[0] ?? 'none'}`;
  checkArmNames(expectations, variantNames, policies, args.policyModule !== undefined);

  const experiment: ExperimentArgs = { ...args, ...(policies !== undefined ? { policies } : {}) };
  // --out: the results folder exactly as compare writes it (journaled, so a killed check resumes).
  const prepared = await prepareExperiment(io, experiment);
  const outcome = await executeIntoFolder(io, experiment, prepared);
  const { built, result } = outcome;

  const armIds = result.arms.map((a) => a.id);
  for (const e of expectations) {
    for (const id of e.kind === 'diff' ? [e.armA, e.armB] : [valueArm]) {
      if (!armIds.includes(id)) refuse(e, `no arm '${id}'; the arms are ${armIds.join(', ')}`);
    }
  }
  const [unreported] = unreportedReferences(result, expectations, valueArm);
  if (unreported !== undefined) refuse(unreported.expectation, unreported.problem);

  const results = evaluateExpectations(result, expectations, valueArm, args.confidence);
  const run: CheckRun = {
    scenario: args.scenario,
    seed: args.seed,
    confidence: args.confidence,
    replications: result.replications,
    arms: armIds,
    wallSeconds: result.wallSeconds,
  };
  if (args.junit !== undefined) writeFileAtomically(resolvePath(io, args.junit), junitXml(results, run));
  io.stdout(args.json ? checkJson(results, run) : `${checkTable(results, run)}\n`);
  for (const [arm, failure] of result.failures) {
    io.stderr(
      `carepool: arm ${built.arms[arm].id} stopped at replication ${failure.replication}: ${failure.message}\n`,
    );
  }
  if (!args.quiet && args.junit !== undefined) io.stderr(`wrote ${args.junit}\n`);
  return checkExitCode(results);
}

/** Command-line expectations first, then the scenario file's; a malformed one names where it is. */
function parseAll(args: CheckArgs, base: LoadedScenario, defaultScope: string): Expectation[] {
  const parsed: Expectation[] = [];
  for (const text of args.expect) {
    try {
      parsed.push(parseExpectation(text, '--expect', defaultScope));
    } catch (error) {
      if (error instanceof ExpectationSyntaxError) throw new UsageError(error.message);
      throw error;
    }
  }
  (base.expectations ?? []).forEach((text, i) => {
    try {
      parsed.push(parseExpectation(text, `${args.scenario}: expectations[${i}]`, defaultScope));
    } catch (error) {
      if (error instanceof ExpectationSyntaxError) throw new CliError(error.message);
      throw error;
    }
  });
  if (parsed.length === 0) {
    throw new UsageError(`nothing to check: give --expect '…' or declare expectations: in ${args.scenario}`);
  }
  return parsed;
}

/**
 * The policies to run: --policies as given, else the scenario's own followed by every other policy a
 * diff() names (a policy-module's id is added by the runner, so it is left out here).
 */
function armPolicies(args: CheckArgs, own: string, expectations: readonly Expectation[]): string[] {
  if (args.policies !== undefined) return args.policies;
  const policies = [own];
  for (const e of expectations) {
    if (e.kind !== 'diff') continue;
    for (const arm of [e.armA, e.armB]) {
      const policy = arm.slice(arm.indexOf('/') + 1);
      if ((POLICY_IDS as readonly string[]).includes(policy) && !policies.includes(policy))
        policies.push(policy);
    }
  }
  return policies;
}

/** Before anything runs: every arm an expectation names is one the experiment will have. */
function checkArmNames(
  expectations: readonly Expectation[],
  variantNames: readonly string[],
  policies: readonly string[] | undefined,
  hasPolicyModule: boolean,
): void {
  const scenarios = ['base', ...variantNames];
  for (const e of expectations) {
    if (e.kind !== 'diff') continue;
    for (const arm of [e.armA, e.armB]) {
      const [variant, policy] = arm.split('/');
      if (!scenarios.includes(variant)) {
        refuse(e, `unknown arm '${arm}': '${variant}' is not among the scenarios (${scenarios.join(', ')})`);
      }
      const known = policies === undefined ? policy === 'none' : policies.includes(policy) || hasPolicyModule;
      if (!known) {
        const list = policies === undefined ? 'none (a network scenario)' : policies.join(', ');
        refuse(e, `unknown arm '${arm}': policy '${policy}' is not run (policies: ${list})`);
      }
    }
  }
}

/** An expectation that cannot be checked: a usage error on the command line, an input error in a file. */
function refuse(e: Expectation, problem: string): never {
  const message = `${e.source} '${e.text}': ${problem}`;
  throw e.source === '--expect' ? new UsageError(message) : new CliError(message);
}
