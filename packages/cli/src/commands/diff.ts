/**
 * `carepool diff VARIANT` prints what a variant changes against the file it extends, after
 * `extends` and `--set`; `carepool diff A B` what differs between two scenarios, where either may be
 * a results folder (its scenario.resolved.yaml).
 */
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type LoadedScenario, loadScenario } from '@carepool/scenario';
import { CliError } from '../errors.js';
import { configChanges, formatChange } from '../experiment/config-diff.js';
import type { CliIo } from '../io.js';
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
    return loadScenario(file, { overrides: args.overrides });
  };
  const variant = load(args.scenario);
  let base: LoadedScenario;
  let baseName: string;
  if (args.other !== undefined) {
    base = variant;
    baseName = args.scenario;
    const other = load(args.other);
    return print(io, base, other, baseName, args.other);
  }
  const chain = (variant as { extendsChain?: string[] }).extendsChain;
  if (chain === undefined || chain.length < 2) {
    throw new CliError(
      `'${args.scenario}' extends no other file: give two files to compare (carepool diff A B)`,
    );
  }
  baseName = relative(io.cwd, chain[1]) || chain[1];
  base = loadScenario(chain[1], { overrides: args.overrides });
  return print(io, base, variant, baseName, args.scenario);
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
