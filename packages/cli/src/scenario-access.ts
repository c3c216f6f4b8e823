/**
 * What scenario files may read beyond their own folder: the folders given with `--allow-dir` (and
 * the scenarios shipped with carepool, always). Set once per command line by `main`, read wherever
 * the CLI loads a scenario, so every command applies the same rule.
 */
import { resolve } from 'node:path';
import type { LoadOptions } from '@carepool/scenario';

let allowDirs: string[] = [];

/** Called by `main` for each command line (relative folders against the working directory). */
export function setAllowedDirs(dirs: readonly string[], cwd: string): void {
  allowDirs = dirs.map((d) => resolve(cwd, d));
}

/** Loader options: the given `--set` overrides and the allowed folders. */
export function scenarioOptions(overrides: readonly string[]): LoadOptions {
  return { overrides: [...overrides], ...(allowDirs.length > 0 ? { allowDirs: [...allowDirs] } : {}) };
}
