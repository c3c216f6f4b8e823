/** Raw yargs values of an experiment command, checked and typed (a bad value is a usage error, exit 2). */
import { basename, extname } from 'node:path';
import { UsageError } from '../errors.js';
import { asList, parseSeed, parseWholeNumber } from '../options.js';
import { parseConfidence } from './parse.js';
import type { ExperimentArgs } from './run-experiment.js';

/** Options that collect every value given. */
const REPEATABLE = new Set(['set', 'precision', 'sweep', 'variants', '_']);

export function experimentArgs(
  command: 'compare' | 'sweep' | 'run',
  a: Record<string, unknown>,
  overrides: string[],
  argv: readonly string[],
): ExperimentArgs {
  // A single-valued option given twice: the last one wins, as in most command lines.
  a = Object.fromEntries(
    Object.entries(a).map(([k, v]) => [k, Array.isArray(v) && !REPEATABLE.has(k) ? v[v.length - 1] : v]),
  );
  const out =
    (a.out as string | undefined) ?? (a.report === true ? reportFolder(String(a.scenario)) : undefined);
  if (out !== undefined && out.trim() === '') throw new UsageError('--out needs a folder name');
  if (a.policy !== undefined && a.policyModule !== undefined) {
    throw new UsageError('give either --policy or --policy-module, not both');
  }
  const policies =
    a.policy !== undefined
      ? [String(a.policy)]
      : a.policies !== undefined
        ? String(a.policies)
            .split(',')
            .map((p) => p.trim())
            .filter((p) => p !== '')
        : undefined;
  if (policies !== undefined && policies.length === 0)
    throw new UsageError('--policies needs at least one policy id');
  const warmupDays = a.warmupDays as string | undefined;
  let shard: { index: number; count: number } | undefined;
  if (a.shard !== undefined) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(String(a.shard));
    const index = Number(m?.[1]);
    const count = Number(m?.[2]);
    if (m === null || !(count >= 1 && index >= 1 && index <= count && count <= 100_000)) {
      throw new UsageError(`--shard must be K/N with 1 ≤ K ≤ N (e.g. 2/8); got '${String(a.shard)}'`);
    }
    shard = { index, count };
  }
  if (a.series === true && out === undefined)
    throw new UsageError('--series goes with --out (it writes series.csv)');
  return {
    command,
    argv,
    scenario: String(a.scenario),
    variants: asList(a.variants),
    ...(policies !== undefined ? { policies } : {}),
    ...(a.policyModule !== undefined ? { policyModule: String(a.policyModule) } : {}),
    reps: parseWholeNumber('reps', a.reps as string | undefined, 1, 100_000),
    seed: parseSeed(a.seed as string | undefined),
    workers: parseWholeNumber('workers', a.workers as string | undefined, 1, 1024),
    overrides,
    confidence: parseConfidence(a.confidence as string | undefined),
    precision: asList(a.precision),
    maxReps: parseWholeNumber('max-reps', a.maxReps as string | undefined, 2, 100_000),
    ...(warmupDays !== undefined
      ? { warmupDays: parseWholeNumber('warmup-days', warmupDays, 0, 100_000) }
      : {}),
    warmup: a.warmup === 'auto' ? 'auto' : 'fixed',
    sweep: asList(a.sweep),
    sweepMode: a.sweepMode === 'one-at-a-time' ? 'oneAtATime' : 'grid',
    json: a.json === true,
    ...(out !== undefined ? { out } : {}),
    quiet: a.quiet === true,
    series: a.series === true,
    ...(a.trace !== undefined ? { trace: String(a.trace) } : {}),
    ...(shard !== undefined ? { shard } : {}),
    force: a.force === true,
    report: a.report === true,
  };
}

/** `--report` without `--out`: results/<scenario>-<UTC time>/, a new folder for every run. */
export function reportFolder(scenario: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '');
  return `results/${basename(scenario, extname(scenario))}-${stamp}`;
}
