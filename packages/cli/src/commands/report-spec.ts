/** The `report` command's options for yargs (its help text is in command-table.ts). */
import type { Argv } from 'yargs';
import { commonOptions } from '../options.js';

export function reportOptions<T>(y: Argv<T>) {
  return y
    .positional('results', { type: 'string', describe: 'A results folder (--out DIR)', demandOption: true })
    .option('quiet', commonOptions.quiet);
}
