/**
 * Every command of the CLI as yargs declares it — usage line, description, options and examples —
 * in the order `--help` lists them: the one place to read or change a command's help. The options
 * builders live beside each command (loaded with --help, so nothing heavy there).
 */
import type { Argv } from 'yargs';
import { benchOptions } from './bench/spec.js';
import { checkOptions } from './check/spec.js';
import { diffOptions } from './commands/diff-spec.js';
import { reportOptions } from './commands/report-spec.js';
import { mergeOptions, schemaOptions, validateOptions } from './commands/spec.js';
import { compareOptions, runOptions, sweepOptions } from './experiment/spec.js';

/** One command: the first word of `usage` is its name. */
export interface CommandSpec {
  usage: string;
  description: string;
  // biome-ignore lint/suspicious/noExplicitAny: each command's builder adds its own option types
  options: (y: Argv) => Argv<any>;
  /** Each example command (`$0` for carepool) with what it does. */
  examples: readonly [command: string, what: string][];
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    usage: 'validate <scenario>',
    description: 'Check a scenario file; print a one-line summary or the first problem',
    options: validateOptions,
    examples: [
      ['$0 validate scenarios/ics-default.yaml', 'check the default system scenario'],
      ['$0 validate my.yaml --set durationDays=30', 'check it with an override applied'],
    ],
  },
  {
    usage: 'schema',
    description: 'Print the JSON Schema of scenario files (for editor completion and checking)',
    options: schemaOptions,
    examples: [['$0 schema --out carepool.schema.json', 'write the schema for your editor']],
  },
  {
    usage: 'compare <scenario> [variants..]',
    description:
      'Compare deployment policies and/or variant files with common random numbers: intervals, paired differences, verdicts',
    options: compareOptions,
    examples: [
      ['$0 compare scenarios/ics-default.yaml', 'all six built-in policies on the default system'],
      [
        '$0 compare scenarios/ics-default.yaml --policies siloed,systemBank --reps 20 --out results/bank',
        'two policies, 20 replications each, every output file in results/bank',
      ],
      [
        '$0 compare scenarios/ics-default.yaml scenarios/system-bank-200.yaml',
        'a variant file against its base, each under its own policy',
      ],
      [
        "$0 compare scenarios/ics-default.yaml --policies siloed,systemBank --precision 'ed.fourHourShare=0.005'",
        'add replications until the paired difference in the four-hour share is known to ±0.5 points',
      ],
    ],
  },
  {
    usage: 'sweep <scenario>',
    description:
      'Run the scenario’s sweep (or --sweep): every point an arm, compared with the base under common random numbers',
    options: sweepOptions,
    examples: [
      [
        "$0 sweep scenarios/ics-default.yaml --sweep 'workforce.staffPools[trustA.wardRn].establishmentWte=-10%,+10%' --reps 5",
        'a two-point sweep on the command line',
      ],
      [
        "$0 sweep scenarios/ics-default.yaml --sweep-mode one-at-a-time --sweep 'durationDays=180,365' --sweep 'warmupDays=30,90' --reps 3",
        'a one-way sensitivity analysis: each parameter moved alone from the base',
      ],
    ],
  },
  {
    usage: 'run <scenario>',
    description: 'Run a scenario under one policy: each headline outcome’s mean with its confidence interval',
    options: runOptions,
    examples: [
      ['$0 run scenarios/ics-default.yaml', 'the default system: 10 replications, seed 1'],
      [
        '$0 run scenarios/ics-default.yaml --policy mutualAid --reps 20 --seed 42',
        'the mutual-aid policy instead of the scenario’s, 20 replications, seed 42',
      ],
      [
        '$0 run scenarios/ics-default.yaml --set durationDays=90 --json > summary.json',
        'a 90-day run, means and intervals as JSON',
      ],
      ['$0 run scenarios/ics-default.yaml --out results/today', 'write every output file into results/today'],
      [
        '$0 run scenarios/ics-default.yaml --set durationDays=7 --reps 1 --trace trace.csv',
        'a week, with the event log of the replication',
      ],
      [
        '$0 run scenarios/textbook/mm1.yaml --reps 20',
        'a textbook queue: compare with the theory in the file',
      ],
    ],
  },
  {
    usage: 'merge <shards..>',
    description: 'Combine shard folders (--shard K/N) into exactly the results folder one run writes',
    options: mergeOptions,
    examples: [
      [
        '$0 merge results/shard-1 results/shard-2 results/shard-3 --out results/merged',
        'the three shards of one experiment, as one run would have written them',
      ],
    ],
  },
  {
    usage: 'check <scenario> [variants..]',
    description:
      'Run the experiment and judge expectations on their confidence intervals: pass, fail or inconclusive (exit 0, 3, 4)',
    options: checkOptions,
    examples: [
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
    ],
  },
  {
    usage: 'bench',
    description:
      'Measure the engine against a hand-written reference loop, repeated until stable; with --baseline, exit 3 on a regression',
    options: benchOptions,
    examples: [
      ['$0 bench --out bench.json', 'measure and write the benchmark file (a baseline for later)'],
      [
        '$0 bench --baseline bench.json --max-regression 10%',
        'measure again; exit 3 if a case is more than 10% slower',
      ],
      ['$0 bench --only w1.callback,micro.seizeRelease --max-rounds 8', 'two cases, at most 8 rounds'],
    ],
  },
  {
    usage: 'report <results>',
    description:
      'Write report.html in a results folder: the answer, intervals, national standards and charts, self-contained for any browser',
    options: reportOptions,
    examples: [['$0 report results/bank', 'write results/bank/report.html and print its path']],
  },
  {
    usage: 'diff <scenario> [other]',
    description:
      'Print what a variant changes against the file it extends (or what differs between two scenarios or result folders)',
    options: diffOptions,
    examples: [
      [
        '$0 diff scenarios/home-care-plus-40-carers.yaml',
        'what the variant changes against ics-default.yaml',
      ],
      ['$0 diff results/a results/b', 'what differs between the scenarios of two runs'],
    ],
  },
];
