/** The `diff` command's description, options and examples (kept out of main.ts, which stays small). */
import type { Argv } from 'yargs';

export const DIFF_DESCRIPTION =
  'Print what a variant changes against the file it extends (or what differs between two scenarios or result folders)';

export const DIFF_EXAMPLES: readonly [string, string][] = [
  ['$0 diff scenarios/home-care-plus-40-carers.yaml', 'what the variant changes against ics-default.yaml'],
  ['$0 diff results/a results/b', 'what differs between the scenarios of two runs'],
];

export function diffOptions<T>(y: Argv<T>) {
  return y
    .positional('scenario', {
      type: 'string',
      describe: 'A variant file, or a results folder',
      demandOption: true,
    })
    .positional('other', { type: 'string', describe: 'A second scenario file or results folder' })
    .option('set', {
      type: 'string',
      describe: 'Override a value: path=value (repeatable), applied to both sides',
      requiresArg: true,
    });
}
