/** The options every experiment command (compare, sweep, run) takes, declared once. */
import type { Argv } from 'yargs';
import { commonOptions } from '../options.js';

/** In the order `--help` lists them. */
const EXPERIMENT_OPTIONS = {
  'policy-module': {
    type: 'string',
    describe:
      'Your own policy: a .js/.ts module exporting a factory (config) => DeploymentPolicy; it is code and runs with your permissions (docs/cli.md)',
    requiresArg: true,
  },
  reps: commonOptions.reps,
  seed: commonOptions.seed,
  workers: commonOptions.workers,
  set: commonOptions.set,
  confidence: {
    type: 'string',
    describe: 'Confidence level of every interval (default 0.95)',
    requiresArg: true,
  },
  precision: {
    type: 'string',
    describe:
      "Add replications until this interval is narrow enough: 'metric[:statistic][@scope]=halfWidth' (or =2% relative); repeatable",
    requiresArg: true,
  },
  'max-reps': {
    type: 'string',
    describe: 'With --precision: at most this many replications per arm (default 200)',
    requiresArg: true,
  },
  'warmup-days': {
    type: 'string',
    describe: 'Warm-up discarded before the reported period, days (overrides the scenario’s)',
    requiresArg: true,
  },
  warmup: {
    type: 'string',
    choices: ['fixed', 'auto'],
    describe:
      'fixed: the scenario’s warm-up (default); auto: choose it by MSER-5 on a pilot (no demand growth)',
    requiresArg: true,
  },
  sweep: {
    type: 'string',
    describe: "Sweep a parameter: 'path=value1,value2,...' (repeatable; replaces the scenario’s sweep block)",
    requiresArg: true,
  },
  'sweep-mode': {
    type: 'string',
    choices: ['grid', 'one-at-a-time'],
    describe: 'grid: every combination (default); one-at-a-time: each parameter moved alone from the base',
    requiresArg: true,
  },
  json: commonOptions.json,
  out: commonOptions.out,
  series: {
    type: 'boolean',
    describe: 'With --out: also write series.csv, every replication’s daily values',
  },
  shard: {
    type: 'string',
    describe:
      'Run slice K of N of the (arm, replication) pairs into --out, for carepool merge (needs --reps and --warmup-days)',
    requiresArg: true,
  },
  force: commonOptions.force,
  report: {
    type: 'boolean',
    describe:
      'Also write report.html, the self-contained report (without --out: into results/<scenario>-<time>/)',
  },
  quiet: commonOptions.quiet,
} as const;

export function experimentOptions<T>(y: Argv<T>, variantsHelp?: string) {
  let b = y.positional('scenario', commonOptions.scenario);
  if (variantsHelp !== undefined)
    b = b.positional('variants', { type: 'string', array: true, describe: variantsHelp });
  return b.options(EXPERIMENT_OPTIONS);
}
