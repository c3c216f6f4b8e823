/**
 * Where worker threads find compiled code. The `carepool` command is itself the build in
 * packages/cli/dist; when the CLI runs from its TypeScript sources (tests, `tsx`), the build is
 * brought up to date first, so workers never run stale code.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CliError } from '../errors.js';

export interface CompiledEntries {
  workerFile: string;
  careModelUrl: string;
}

export async function compiledEntries(): Promise<CompiledEntries> {
  const here = fileURLToPath(import.meta.url);
  let dist = dirname(here);
  if (here.endsWith('.ts')) {
    const cliDir = resolve(dirname(here), '..', '..');
    const builder = pathToFileURL(join(cliDir, 'scripts', 'build.mjs')).href;
    const { ensureBuilt } = (await import(builder)) as { ensureBuilt: () => Promise<void> };
    await ensureBuilt();
    dist = join(cliDir, 'dist');
  }
  const workerFile = join(dist, 'worker.js');
  const careModel = join(dist, 'care-model.js');
  if (!existsSync(workerFile) || !existsSync(careModel)) {
    throw new CliError(
      `the compiled worker entries are missing from ${dist}: run 'npx --yes pnpm@9.15.9 build:cli'`,
    );
  }
  return { workerFile, careModelUrl: pathToFileURL(careModel).href };
}
