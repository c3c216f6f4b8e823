/** The `report` command's description and options (kept out of main.ts, which stays small). */
import type { Argv } from 'yargs';
import { commonOptions } from '../options.js';

export const REPORT_DESCRIPTION =
  'Write report.html in a results folder: the answer, intervals, national standards and charts, self-contained for any browser';

export function reportOptions<T>(y: Argv<T>) {
  return y
    .positional('results', { type: 'string', describe: 'A results folder (--out DIR)', demandOption: true })
    .option('quiet', commonOptions.quiet)
    .epilogue(
      'Examples:\n  carepool report results/bank\n      write results/bank/report.html and print its path\n\n' +
        'Exit codes: 0 success, 1 not a results folder or unwritable. Docs: docs/cli.md',
    );
}
