/** `carepool bench`'s options for yargs (its help text is in command-table.ts; loaded with --help, so nothing heavy here). */
import type { Argv } from 'yargs';
import { commonOptions } from '../options.js';

export function benchOptions<T>(y: Argv<T>) {
  return y
    .option('out', { type: 'string', describe: 'Write the benchmark file (JSON) here', requiresArg: true })
    .option('baseline', {
      type: 'string',
      describe: 'A benchmark file to compare with: each case’s ratio to the reference loop, then and now',
      requiresArg: true,
    })
    .option('max-regression', {
      type: 'string',
      describe: 'With --baseline: the slowdown allowed before exit 3, e.g. 10% (default) or 0.1',
      requiresArg: true,
    })
    .option('min-rounds', {
      type: 'string',
      describe: 'Rounds measured at least (default 5)',
      requiresArg: true,
    })
    .option('max-rounds', {
      type: 'string',
      describe: 'Rounds measured at most in each process, if its figures have not settled before (default 8)',
      requiresArg: true,
    })
    .option('forks', {
      type: 'string',
      describe:
        'Processes measured in at most (at least 3, more until the figures settle; default 6; 1: this one only)',
      requiresArg: true,
    })
    .option('fork-child', { type: 'boolean', hidden: true })
    .option('only', { type: 'string', describe: 'Only these cases, comma-separated ids', requiresArg: true })
    .option('json', { type: 'boolean', describe: 'Print the benchmark file (and the comparison) as JSON' })
    .option('quiet', commonOptions.quiet);
}
