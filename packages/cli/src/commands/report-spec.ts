/** The `report` command's description, options and examples (kept out of main.ts, which stays small). */
import type { Argv } from 'yargs';
import { commonOptions } from '../options.js';

export const REPORT_DESCRIPTION =
  'Write report.html in a results folder: the answer, intervals, national standards and charts, self-contained for any browser';

export const REPORT_EXAMPLES: readonly [string, string][] = [
  ['$0 report results/bank', 'write results/bank/report.html and print its path'],
];

export function reportOptions<T>(y: Argv<T>) {
  return y
    .positional('results', { type: 'string', describe: 'A results folder (--out DIR)', demandOption: true })
    .option('quiet', commonOptions.quiet);
}
