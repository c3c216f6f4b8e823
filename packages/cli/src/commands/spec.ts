/** The options of `carepool validate`, `schema` and `merge` for yargs (their help text is in command-table.ts). */
import type { Argv } from 'yargs';
import { commonOptions } from '../options.js';

export function validateOptions<T>(y: Argv<T>) {
  return y.positional('scenario', commonOptions.scenario).option('set', commonOptions.set);
}

export function schemaOptions<T>(y: Argv<T>) {
  return y
    .option('out', {
      type: 'string',
      describe: 'Write the schema to this file instead of stdout',
      requiresArg: true,
    })
    .option('quiet', commonOptions.quiet);
}

export function mergeOptions<T>(y: Argv<T>) {
  return y
    .positional('shards', { type: 'string', array: true, describe: 'Shard folders', demandOption: true })
    .option('out', {
      type: 'string',
      describe: 'The merged results folder',
      requiresArg: true,
      demandOption: true,
    })
    .option('force', commonOptions.force)
    .option('json', commonOptions.json)
    .option('quiet', commonOptions.quiet);
}
