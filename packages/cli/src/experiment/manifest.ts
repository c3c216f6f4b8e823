/**
 * manifest.json: how the run was made, covering every item of the STRESS-DES reporting checklist
 * (Monks et al. 2019) a tool can fill by itself, and scenario.resolved.yaml: the base scenario
 * fully resolved, so the run can be repeated from its folder alone. The manifest is the one output
 * that differs between identical runs (wall time, host, workers); every other file is the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, hostname, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MULTIPLE_COMPARISONS, type ReplicateResult } from '@carepool/experiment';
import type { LoadedScenario } from '@carepool/scenario';
import { stringify } from 'yaml';
import type { CareArmConfig } from '../care-model.js';
import { carepoolVersion } from '../version.js';
import type { BuiltArms } from './arms.js';
import { configChanges, formatChange } from './config-diff.js';

export const SCHEMA_VERSION = 1;

export interface ManifestInputs {
  argv: readonly string[];
  built: BuiltArms;
  result: ReplicateResult<CareArmConfig>;
  seed: number | string;
  confidence: number;
  overrides: readonly string[];
  warmup: { method: 'fixed' | 'MSER-5'; days: number; detail?: Record<string, unknown> };
  replicationRule: Record<string, unknown>;
  policyModule?: { given: string; file: string };
  outputs: readonly string[];
  /** The records' identity (see PreparedExperiment.key): a resumed run or shard must match it. */
  experimentKey: string;
  /** More facts about how the run was made (the shards a merge combined). */
  manifestExtra?: Record<string, unknown>;
}

export function sha256(bytes: string | Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The git commit carepool runs from, when it runs from a checkout, and whether its sources differ from it. */
function gitState(): { gitCommit: string | null; gitSourcesModified: boolean | null } {
  const git = (args: string[]) =>
    execFileSync('git', args, {
      cwd: dirname(fileURLToPath(import.meta.url)),
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  try {
    const commit = git(['rev-parse', 'HEAD']);
    // Uncommitted changes mean the commit alone does not repeat the run.
    const modified = git(['status', '--porcelain', '--untracked-files=no']) !== '';
    return { gitCommit: commit, gitSourcesModified: modified };
  } catch {
    return { gitCommit: null, gitSourcesModified: null };
  }
}

/** Files behind a scenario (the file, its `extends` chain, CSV data) with their hashes. */
function scenarioFiles(loaded: LoadedScenario): { path: string; role: string; sha256: string }[] {
  const sources = (loaded as { sources?: { path: string; role: string; sha256: string }[] }).sources;
  if (sources !== undefined) return sources;
  return [{ path: loaded.file, role: 'scenario', sha256: sha256(readFileSync(loaded.file)) }];
}

export function manifestJson(m: ManifestInputs): string {
  const { built, result } = m;
  const base = built.scenarios[0].loaded;
  const system = built.kind === 'system';
  const reported = system
    ? { length: (base.config as { durationDays: number }).durationDays, unit: 'days' }
    : { length: (base.config as { durationHours: number }).durationHours, unit: 'hours' };
  const doc = {
    schemaVersion: SCHEMA_VERSION,
    software: {
      name: 'carepool',
      version: carepoolVersion(),
      ...gitState(),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    command: ['carepool', ...m.argv],
    hardware: {
      host: hostname(),
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: availableParallelism(),
      memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    },
    workers: result.workers,
    wallSeconds: Number(result.wallSeconds.toFixed(3)),
    experimentKey: m.experimentKey,
    ...m.manifestExtra,
    randomNumbers: {
      generator: 'seedrandom alea, one stream per purpose',
      seeding:
        'each stream is seeded from (master seed, replication index, stream name) only, so replication r of every arm draws the same numbers for the same purposes (common random numbers)',
      masterSeed: m.seed,
    },
    eventOrdering:
      'the calendar orders events by (time, priority, insertion sequence): simultaneous events run by named priority, then in the order they were scheduled',
    timeUnit: 'minutes inside the simulation',
    warmup: { ...m.warmup, unit: system ? 'days' : 'days (network warm-up in hours = days × 24)' },
    runLength: { reportedPeriod: reported, perReplication: 'warm-up discarded, then the reported period' },
    replications: { perArm: result.replications, ...m.replicationRule },
    confidence: m.confidence,
    multipleComparisons: MULTIPLE_COMPARISONS,
    inputs: {
      scenario: built.scenarios[0].given,
      overrides: m.overrides,
      resolvedHash: base.hash,
      files: built.scenarios.map((s) => ({
        scenario: s.name,
        given: s.given,
        files: scenarioFiles(s.loaded),
      })),
      ...(m.policyModule
        ? {
            policyModule: {
              path: m.policyModule.given,
              sha256: sha256(readFileSync(m.policyModule.file)),
              trust: 'a policy module is code run with the user’s permissions',
            },
          }
        : {}),
    },
    variants: built.scenarios.slice(1).map((s) => ({
      name: s.name,
      file: s.given,
      changesAgainstBase: configChanges(base.config, s.loaded.config).map(formatChange),
    })),
    ...(built.sweep ? { sweep: built.sweep } : {}),
    arms: result.arms.map((a, i) => ({
      id: a.id,
      variant: a.variant,
      sweepPoint: a.sweepPoint,
      policy: a.policy,
      scenarioHash: built.armScenarios[i].hash,
      ...(result.failures.has(i) ? { failed: result.failures.get(i) } : {}),
    })),
    outputs: m.outputs,
    stressDes: stressDes(system),
  };
  return `${JSON.stringify(doc, finite, 2)}\n`;
}

/** NaN and infinities have no JSON form: null. */
export function finite(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** Where each STRESS-DES item a tool can fill is answered (the rest is the modeller's to write). */
function stressDes(system: boolean): Record<string, string> {
  return {
    '1.2 model outputs': 'summary.csv (metric ids: docs/metrics.md)',
    '1.3 experimentation aims': 'arms (policies, variants and their changes, sweep points)',
    '2.1 base model overview': system ? 'docs/model.md' : 'the network scenario file',
    '3.1 data sources': 'inputs.files (every file read, with SHA-256)',
    '3.3 input parameters': 'scenario.resolved.yaml (every value after extends and --set)',
    '4.1 initialisation': 'warmup (length and method)',
    '4.2 run length': 'runLength',
    '4.3 estimation approach': 'replications, confidence, multipleComparisons',
    '5.1 software or programming language': 'software',
    '5.2 random sampling': 'randomNumbers',
    '5.3 model execution': 'eventOrdering, timeUnit',
    '5.4 system specification': 'hardware, workers, wallSeconds',
    '6.1 computer model sharing statement': 'software.gitCommit and inputs: the folder repeats the run',
  };
}

/** The base scenario fully resolved, as a scenario file carepool can run again. */
export function resolvedScenarioYaml(built: BuiltArms): string {
  const base = built.scenarios[0];
  const header =
    `# The resolved base scenario of this run (${base.given}${built.scenarios.length > 1 ? `; variants' changes are in manifest.json` : ''}):\n` +
    `# every value after extends and --set. Repeat with: carepool run scenario.resolved.yaml\n`;
  return header + stringify(base.loaded.config, { lineWidth: 0 });
}
