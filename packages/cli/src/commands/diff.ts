/**
 * `carepool diff VARIANT` prints what a variant changes against the file it extends, after
 * `extends` and `--set`; `carepool diff A B` what differs between two scenarios, where either may be
 * a results folder (its scenario.resolved.yaml).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type LoadedScenario, loadScenario } from '@carepool/scenario';
import { CliError } from '../errors.js';
import { configChanges, formatChange } from '../experiment/config-diff.js';
import type { CliIo } from '../io.js';
import { scenarioOptions } from '../scenario-access.js';
import { resolvePath } from './validate.js';

export function diffCommand(
  io: CliIo,
  args: { scenario: string; other?: string; overrides: string[] },
): number {
  const load = (given: string): LoadedScenario => {
    let file = resolvePath(io, given);
    if (existsSync(file) && statSync(file).isDirectory()) {
      file = join(file, 'scenario.resolved.yaml');
      if (!existsSync(file))
        throw new CliError(`'${given}' is a folder without scenario.resolved.yaml (not a results folder)`);
    }
    return loadScenario(file, scenarioOptions(args.overrides));
  };
  const variant = load(args.scenario);
  let base: LoadedScenario;
  let baseName: string;
  if (args.other !== undefined) {
    base = variant;
    baseName = args.scenario;
    const other = load(args.other);
    print(io, base, other, baseName, args.other);
    printRunDifferences(io, resolvePath(io, args.scenario), resolvePath(io, args.other));
    return 0;
  }
  const chain = (variant as { extendsChain?: string[] }).extendsChain;
  if (chain === undefined || chain.length < 2) {
    throw new CliError(
      `'${args.scenario}' extends no other file: give two files to compare (carepool diff A B)`,
    );
  }
  baseName = relative(io.cwd, chain[1]) || chain[1];
  base = loadScenario(chain[1], scenarioOptions(args.overrides));
  return print(io, base, variant, baseName, args.scenario);
}

/** What a run is beyond its base scenario: its arms, replications, seed, warm-up and variants. */
function runFacts(dir: string): Record<string, string> | undefined {
  const file = join(dir, 'manifest.json');
  if (!existsSync(dir) || !statSync(dir).isDirectory() || !existsSync(file)) return undefined;
  const m = JSON.parse(readFileSync(file, 'utf8')) as {
    arms?: { id: string }[];
    replications?: { perArm?: number; rule?: string };
    randomNumbers?: { masterSeed?: unknown };
    warmup?: { days?: number; method?: string };
    variants?: { name: string; changesAgainstBase: string[] }[];
    sweep?: unknown;
  };
  return {
    arms: (m.arms ?? []).map((a) => a.id).join(', '),
    'replications per arm': `${m.replications?.perArm} (${m.replications?.rule})`,
    seed: String(m.randomNumbers?.masterSeed),
    warmup: `${m.warmup?.days} days (${m.warmup?.method})`,
    ...Object.fromEntries(
      (m.variants ?? []).map((v) => [`variant ${v.name}`, v.changesAgainstBase.join('; ')]),
    ),
    sweep: JSON.stringify(m.sweep ?? null),
  };
}

/** Between two results folders: the differences in how the runs were made, beyond the base scenario. */
function printRunDifferences(io: CliIo, a: string, b: string): void {
  const fa = runFacts(a);
  const fb = runFacts(b);
  if (fa === undefined || fb === undefined) return;
  const keys = [...new Set([...Object.keys(fa), ...Object.keys(fb)])];
  const differ = keys.filter((k) => fa[k] !== fb[k]);
  io.stdout(
    `the runs: ${differ.length === 0 ? 'made the same way' : `${differ.length} difference${differ.length === 1 ? '' : 's'}`}\n`,
  );
  for (const k of differ) io.stdout(`  ${k}: ${fa[k] ?? '(none)'} → ${fb[k] ?? '(none)'}\n`);
}

function print(io: CliIo, a: LoadedScenario, b: LoadedScenario, aName: string, bName: string): number {
  const changes = configChanges(a.config, b.config);
  const count =
    changes.length === 0
      ? 'no differences'
      : `${changes.length} value${changes.length === 1 ? '' : 's'} differ`;
  io.stdout(`from ${aName} to ${bName}: ${count}\n`);
  for (const c of changes) io.stdout(`  ${formatChange(c)}\n`);
  return 0;
}
