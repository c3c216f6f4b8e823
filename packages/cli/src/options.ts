/**
 * Options shared by commands, declared once so they are spelled and described the same everywhere,
 * and the checks that turn their raw values into typed ones (a bad value is a usage error, exit 2).
 */
import { UsageError } from './errors.js';

export const commonOptions = {
  scenario: { type: 'string', describe: 'Scenario file (YAML or JSON)', demandOption: true },
  set: { type: 'string', describe: 'Override a value: path=value (repeatable)', requiresArg: true },
  reps: { type: 'string', describe: 'Replications to run (a whole number ≥ 1)', requiresArg: true },
  seed: {
    type: 'string',
    describe: 'Master seed: a whole number or any text (default 1)',
    requiresArg: true,
  },
  workers: {
    type: 'string',
    describe:
      'Worker threads running replications in parallel (default: one per core); results are identical for any number',
    requiresArg: true,
  },
  out: {
    type: 'string',
    describe:
      'Directory to write the results into (results.csv, summary.csv, differences.csv, daily.csv, … docs/cli.md)',
    requiresArg: true,
  },
  json: {
    type: 'boolean',
    describe: 'Print summary.json on stdout: every mean, interval and difference, with provenance',
  },
  quiet: { type: 'boolean', describe: 'No progress bar and no notes on stderr' },
  force: { type: 'boolean', describe: 'Replace an --out folder that holds another experiment' },
} as const;

export const globalOptions = {
  debug: { type: 'boolean', describe: 'Show stack traces of internal errors' },
  'allow-dir': {
    type: 'string',
    describe: 'Let scenario files read extends and CSV files in this folder too (repeatable)',
    requiresArg: true,
  },
} as const;

/** Default master seed when `--seed` is not given. */
export const DEFAULT_SEED = 1;

/** `--seed`: a whole number stays a number (so `--seed 7` and `seed: 7` in JSON agree), anything else is text. */
export function parseSeed(raw: string | undefined): number | string {
  if (raw === undefined) return DEFAULT_SEED;
  if (raw.trim() === '') throw new UsageError('--seed needs a value: a whole number or any text');
  return /^-?\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : raw;
}

/** A whole number option within [min, max]; undefined when absent. */
export function parseWholeNumber(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}; got '${raw}'`);
  }
  return value;
}

/** Repeated string options arrive as a string or an array: always an array. */
export function asList(raw: unknown): string[] {
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).map(String);
}
