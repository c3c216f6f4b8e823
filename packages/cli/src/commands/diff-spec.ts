/** The `diff` command's options for yargs (its help text is in command-table.ts). */
import type { Argv } from 'yargs';

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
