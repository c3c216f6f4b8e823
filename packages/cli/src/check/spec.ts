/** `carepool check`'s options and examples for yargs (loaded with --help, so nothing heavy here). */
import type { Argv } from 'yargs';
import { experimentOptions } from '../experiment/options.js';

export const CHECK_DESCRIPTION =
  'Run the experiment and judge expectations on their confidence intervals: pass, fail or inconclusive (exit 0, 3, 4)';

export const CHECK_EXAMPLES: readonly [string, string][] = [
  [
    "$0 check scenarios/ics-default.yaml --expect 'ed.fourHourShare >= 0.55'",
    'the four-hour share stays at or above 55%',
  ],
  [
    "$0 check scenarios/ics-default.yaml --expect 'diff(nctr.bedDays, systemBank, siloed) < 0' --junit check.xml",
    'the system bank saves NCTR bed-days against siloed working; JUnit XML for the CI',
  ],
  [
    "$0 check scenarios/test/mini-ics.yaml --expect 'ed.timeInDepartmentMinutes:p95@trustA <= 720' --precision 'ed.timeInDepartmentMinutes:p95@trustA=10'",
    'replications until the interval is ±10 minutes, then judge',
  ],
];

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
