/** The options of `carepool compare`, `sweep` and `run` for yargs (their help text is in command-table.ts). */
import type { Argv } from 'yargs';
import { experimentOptions } from './options.js';

export function compareOptions<T>(y: Argv<T>) {
  return experimentOptions(
    y,
    'Variant files to compare against the base scenario (each also under every policy given)',
  ).option('policies', {
    type: 'string',
    describe:
      'Built-in policies to compare, comma-separated (default: all six on one scenario; each scenario’s own with variants)',
    requiresArg: true,
  });
}

export function sweepOptions<T>(y: Argv<T>) {
  return experimentOptions(y).option('policies', {
    type: 'string',
    describe: 'Built-in policies to run at every point, comma-separated (default: the scenario’s own)',
    requiresArg: true,
  });
}

export function runOptions<T>(y: Argv<T>) {
  return experimentOptions(y)
    .option('policy', {
      type: 'string',
      describe: 'Built-in deployment policy (overrides the scenario’s workforce.policy)',
      requiresArg: true,
    })
    .option('trace', {
      type: 'string',
      describe: 'Also write an event log of replication 0 (time, event, entity, resource) to this CSV file',
      requiresArg: true,
    });
}
