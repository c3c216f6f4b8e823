/** `carepool bench`'s options and examples for yargs (loaded with --help, so nothing heavy here). */
import type { Argv } from 'yargs';
import { commonOptions } from '../options.js';

export const BENCH_DESCRIPTION =
  'Measure the engine against a hand-written reference loop, repeated until stable; with --baseline, exit 3 on a regression';

export const BENCH_EXAMPLES: readonly [string, string][] = [
  ['$0 bench --out bench.json', 'measure and write the benchmark file (a baseline for later)'],
  [
    '$0 bench --baseline bench.json --max-regression 10%',
    'measure again; exit 3 if a case is more than 10% slower',
  ],
  ['$0 bench --only w1.callback,micro.seizeRelease --max-rounds 8', 'two cases, at most 8 rounds'],
];

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
