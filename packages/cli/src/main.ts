/**
 * The command line: yargs parses and checks the arguments, then one command function runs. Parsing
 * never runs a command itself, so `main` can report usage errors (exit 2), user errors (exit 1, one
 * line, no stack) and internal errors (exit 1, 'please report') in one place.
 */
import yargs, { type Argv } from 'yargs';
import { ExitCode, isUserError, UsageError } from './errors.js';
import { type CliIo, processIo } from './io.js';
import { asList, commonOptions, globalOptions, parseSeed, parseWholeNumber } from './options.js';
import { carepoolVersion } from './version.js';

const EXIT_CODES =
  'Exit codes: 0 success, 1 invalid scenario or failed run, 2 usage error. Docs: docs/cli.md';

/**
 * A command's examples as an epilogue: each command on its own line with its explanation below, so
 * long commands are never broken across lines the way yargs' two-column `example()` breaks them.
 */
function examples(list: readonly [command: string, what: string][]): string {
  return `Examples:\n${list.map(([command, what]) => `  ${command.replace('$0', 'carepool')}\n      ${what}`).join('\n')}\n\n${EXIT_CODES}`;
}

/** The command yargs chose, with its raw arguments. */
type Chosen = { command: 'validate' | 'schema' | 'run'; args: Record<string, unknown> };

function parser(argv: string[], choose: (c: Chosen) => void): Argv {
  return yargs(argv)
    .scriptName('carepool')
    .usage('$0 <command> [options]\n\nSimulate staff deployment across a health and care system.')
    .options(globalOptions)
    .command(
      'validate <scenario>',
      'Check a scenario file; print a one-line summary or the first problem',
      (y) =>
        y
          .positional('scenario', {
            type: 'string',
            describe: 'Scenario file (YAML or JSON)',
            demandOption: true,
          })
          .option('set', {
            type: 'string',
            describe: 'Override a value: path=value (repeatable)',
            requiresArg: true,
          })
          .epilogue(
            examples([
              ['$0 validate scenarios/ics-default.yaml', 'check the default system scenario'],
              ['$0 validate my.yaml --set durationDays=30', 'check it with an override applied'],
            ]),
          ),
      (a) => choose({ command: 'validate', args: a }),
    )
    .command(
      'schema',
      'Print the JSON Schema of scenario files (for editor completion and checking)',
      (y) =>
        y
          .option('out', {
            type: 'string',
            describe: 'Write the schema to this file instead of stdout',
            requiresArg: true,
          })
          .option('quiet', commonOptions.quiet)
          .epilogue(examples([['$0 schema --out carepool.schema.json', 'write the schema for your editor']])),
      (a) => choose({ command: 'schema', args: a }),
    )
    .command(
      'run <scenario>',
      'Run a scenario: one policy, N replications one after another; print each outcome’s mean',
      (y) =>
        y
          .positional('scenario', {
            type: 'string',
            describe: 'Scenario file (YAML or JSON)',
            demandOption: true,
          })
          .option('policy', {
            type: 'string',
            describe: 'Built-in deployment policy (overrides the scenario’s workforce.policy)',
            requiresArg: true,
          })
          .option('policy-module', {
            type: 'string',
            describe:
              'Your own policy: a .js/.ts module exporting a factory (config) => DeploymentPolicy (docs/cli.md)',
            requiresArg: true,
          })
          .option('reps', commonOptions.reps)
          .option('seed', commonOptions.seed)
          .option('set', {
            type: 'string',
            describe: 'Override a value: path=value (repeatable)',
            requiresArg: true,
          })
          .option('json', commonOptions.json)
          .option('out', commonOptions.out)
          .option('daily', {
            type: 'boolean',
            describe: 'Also collect the daily series (daily.csv with --out; in --json)',
          })
          .option('quiet', commonOptions.quiet)
          .option('workers', commonOptions.workers)
          .epilogue(
            examples([
              [
                '$0 run scenarios/ics-default.yaml',
                'the default system with the default 5 replications and seed 1',
              ],
              [
                '$0 run scenarios/ics-default.yaml --policy mutualAid --reps 10 --seed 42',
                'the mutual-aid policy instead of the scenario’s, 10 replications, seed 42',
              ],
              [
                '$0 run scenarios/ics-default.yaml --set durationDays=90 --json > results.json',
                'a 90-day run, tidy rows and provenance as JSON',
              ],
              [
                '$0 run scenarios/ics-default.yaml --out results/today --daily',
                'write results.json, metrics.csv and daily.csv into results/today',
              ],
              [
                '$0 run scenarios/ics-default.yaml --policy-module ./my-policy.ts',
                'your own deployment policy from a module',
              ],
              [
                '$0 run scenarios/textbook/mm1.yaml --reps 20',
                'a textbook queue: per-station table to compare with the theory in the file',
              ],
            ]),
          ),
      (a) => choose({ command: 'run', args: a }),
    )
    .demandCommand(1, 'give a command: validate, schema or run')
    .recommendCommands()
    .strict()
    .help()
    .alias('help', 'h')
    .version(carepoolVersion())
    .epilogue(EXIT_CODES)
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      // yargs' own validation failures arrive as a message; errors thrown by handlers pass through.
      throw error ?? new UsageError(message);
    });
}

/** Runs the command line with `argv` (without `node` and the script). Resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  let chosen: Chosen | undefined;
  let output = '';
  try {
    parser([...argv], (c) => {
      chosen = c;
    }).parse([...argv], {}, (_error: unknown, _args: unknown, text: string) => {
      output = text;
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(usageLine(message));
    return ExitCode.usage;
  }
  // --help and --version: yargs has produced the text and chosen no command.
  if (chosen === undefined) {
    if (output !== '') io.stdout(`${output}\n`);
    return ExitCode.ok;
  }
  try {
    return await dispatch(chosen, io);
  } catch (error) {
    return reportError(error, io, debug);
  }
}

async function dispatch(chosen: Chosen, io: CliIo): Promise<number> {
  const a = chosen.args;
  const overrides = asList(a.set);
  if (overrides.length > 0) await checkOverrideSyntax(overrides);
  // Commands load on demand: `--help` stays fast and works even if a package fails to load.
  switch (chosen.command) {
    case 'validate': {
      const { validateCommand } = await import('./commands/validate.js');
      return validateCommand(io, { scenario: String(a.scenario), overrides });
    }
    case 'schema': {
      const { schemaCommand } = await import('./commands/schema.js');
      return schemaCommand(io, { out: a.out as string | undefined, quiet: a.quiet === true });
    }
    case 'run': {
      const { runCommand } = await import('./commands/run.js');
      return runCommand(io, {
        scenario: String(a.scenario),
        policy: a.policy as string | undefined,
        policyModule: a.policyModule as string | undefined,
        reps: parseWholeNumber('reps', a.reps as string | undefined, 1, 100_000),
        seed: parseSeed(a.seed as string | undefined),
        workers: parseWholeNumber('workers', a.workers as string | undefined, 1, 1024),
        overrides,
        json: a.json === true,
        out: a.out as string | undefined,
        quiet: a.quiet === true,
        daily: a.daily === true,
      });
    }
  }
}

/**
 * A `--set` without `=` or with a path that cannot be parsed is a usage mistake (exit 2); a
 * well-formed one naming a field the scenario lacks is a scenario error (exit 1), found on loading.
 */
async function checkOverrideSyntax(overrides: readonly string[]): Promise<void> {
  const { parseOverride, ScenarioError } = await import('@carepool/scenario');
  for (const text of overrides) {
    try {
      parseOverride(text);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      throw new UsageError(`--set '${text}': ${error.problem}; expected ${error.expected}`);
    }
  }
}

/** A usage error: one line, with where to find help. */
function usageLine(message: string): string {
  return `carepool: ${oneLine(message)} (see 'carepool --help')\n`;
}

function reportError(error: unknown, io: CliIo, debug: boolean): number {
  if (error instanceof UsageError) {
    io.stderr(usageLine(error.message));
    return ExitCode.usage;
  }
  if (isUserError(error)) {
    // The CLI's own errors say who is speaking; scenario errors start with the file they are about.
    const prefix = error.name === 'CliError' ? 'carepool: ' : '';
    io.stderr(`${prefix}${oneLine(error.message)}\n`);
    if (debug && error.stack) io.stderr(`${error.stack}\n`);
    return ExitCode.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(
    `carepool: internal error: ${oneLine(message)}\nThis is a bug in carepool: please report it with the ` +
      `command you ran${debug ? '' : ' and the output of the same command with --debug'}.\n`,
  );
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return ExitCode.failure;
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}
