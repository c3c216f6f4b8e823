/** `carepool validate <scenario>`: load and check a scenario; one line either way. */
import { isAbsolute, resolve } from 'node:path';
import { loadScenario } from '@carepool/scenario';
import type { CliIo } from '../io.js';
import { scenarioOptions } from '../scenario-access.js';
import { scenarioSummary } from './scenario-summary.js';

export function validateCommand(io: CliIo, args: { scenario: string; overrides: string[] }): number {
  const loaded = loadScenario(resolvePath(io, args.scenario), scenarioOptions(args.overrides));
  io.stdout(`OK ${args.scenario}: ${scenarioSummary(loaded)}\n`);
  return 0;
}

/**
 * Paths are resolved against the CLI's working directory; when that is the process's own, the path
 * is passed on as given so error messages name the file the way the user wrote it.
 */
export function resolvePath(io: CliIo, file: string): string {
  return isAbsolute(file) || io.cwd === process.cwd() ? file : resolve(io.cwd, file);
}
