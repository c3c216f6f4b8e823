/** `carepool check`'s options for yargs (its help text is in command-table.ts; loaded with --help, so nothing heavy here). */
import type { Argv } from 'yargs';
import { experimentOptions } from '../experiment/options.js';

export function checkOptions<T>(y: Argv<T>) {
  return experimentOptions(y, 'Variant files: their arms are named variant/policy in diff()')
    .option('expect', {
      type: 'string',
      describe:
        "An expectation: 'metric[:statistic][@scope] OP number' or 'diff(metric, armA, armB) OP number' (repeatable; docs/ci.md)",
      requiresArg: true,
    })
    .option('junit', {
      type: 'string',
      describe: 'Also write JUnit XML to this file: one test case per expectation, inconclusive ones skipped',
      requiresArg: true,
    })
    .option('policies', {
      type: 'string',
      describe:
        'Policies to run, comma-separated (default: the scenario’s own, then every policy a diff() names); plain expectations judge the first',
      requiresArg: true,
    });
}
