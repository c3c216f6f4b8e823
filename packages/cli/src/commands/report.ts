/**
 * `carepool report RESULTS_DIR`: writes RESULTS_DIR/report.html, the self-contained report of a
 * results folder (@carepool/report), and prints its path. `compare/sweep/run --report` call the same.
 */
import { ReportError, writeReport } from '@carepool/report';
import { CliError } from '../errors.js';
import { SYSTEM_HEADLINES } from '../format.js';
import type { CliIo } from '../io.js';
import { resolvePath } from './validate.js';

/** Writes DIR/report.html and returns its path; a folder that is not a results folder is a CliError. */
export function writeFolderReport(dir: string): string {
  try {
    return writeReport(dir, { headlines: SYSTEM_HEADLINES });
  } catch (error) {
    if (error instanceof ReportError) throw new CliError(error.message);
    throw error;
  }
}

/** `carepool report RESULTS_DIR` with yargs' raw arguments. */
export function reportCommand(io: CliIo, a: Record<string, unknown>): number {
  const file = writeFolderReport(resolvePath(io, String(a.results)));
  if (a.quiet !== true) io.stderr('open it in any browser; it needs no network and prints on A4\n');
  io.stdout(`${file}\n`);
  return 0;
}
