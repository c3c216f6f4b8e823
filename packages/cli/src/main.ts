/**
 * The command line: yargs parses and checks the arguments, then one command function runs. Parsing
 * never runs a command itself, so `main` can report usage errors (exit 2), user errors (exit 1, one
 * line, no stack) and internal errors (exit 1, 'please report') in one place.
 */
import yargs, { type Argv } from 'yargs';
import { COMMANDS } from './command-table.js';
import { ExitCode, isUserError, UsageError } from './errors.js';
import { type CliIo, processIo } from './io.js';
import { asList, globalOptions } from './options.js';
import { setAllowedDirs } from './scenario-access.js';
import { carepoolVersion } from './version.js';

const EXIT_CODES =
  'Exit codes: 0 success, 1 invalid scenario or failed run, 2 usage error, 3 check: an expectation failed / bench: a regression, 4 inconclusive or too unstable. Docs: docs/cli.md';

/**
 * A command's examples as an epilogue: each command on its own line with its explanation below, so
 * long commands are never broken across lines the way yargs' two-column `example()` breaks them.
 */
function examples(list: readonly [command: string, what: string][]): string {
  return `Examples:\n${list.map(([command, what]) => `  ${command.replace('$0', 'carepool')}\n      ${what}`).join('\n')}\n\n${EXIT_CODES}`;
}

/** The command yargs chose, with its raw arguments. */
type CommandName = 'validate' | 'schema' | 'run' | 'compare' | 'sweep' | 'diff' | 'merge' | 'check';
type Chosen = { command: CommandName | 'report' | 'bench'; args: Record<string, unknown> };

function parser(argv: string[], choose: (c: Chosen) => void): Argv {
  let y = yargs(argv)
    .scriptName('carepool')
    .usage('$0 <command> [options]\n\nSimulate staff deployment across a health and care system.')
    .options(globalOptions);
  for (const c of COMMANDS) {
    const command = c.usage.split(' ')[0] as Chosen['command'];
    y = y.command(
      c.usage,
      c.description,
      (b) => c.options(b).epilogue(examples(c.examples)),
      (a) => choose({ command, args: a }),
    );
  }
  return y
    .demandCommand(1, `give a command: ${COMMANDS.map((c) => c.usage.split(' ')[0]).join(', ')}`)
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

/**
 * Parses a command line without running it: the command it names, or the usage error it would give.
 * The docs test checks every documented command with it, so no doc names a command or flag that
 * does not exist.
 */
export function parseCommandLine(argv: readonly string[]): { command?: string; usageError?: string } {
  let chosen: Chosen | undefined;
  try {
    parser([...argv], (c) => {
      chosen = c;
    }).parse([...argv], {}, () => {});
  } catch (error) {
    return { usageError: error instanceof Error ? error.message : String(error) };
  }
  return chosen === undefined ? {} : { command: chosen.command };
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
    return await dispatch(chosen, io, argv);
  } catch (error) {
    return reportError(error, io, debug);
  }
}

async function dispatch(chosen: Chosen, io: CliIo, argv: readonly string[]): Promise<number> {
  const a = chosen.args;
  setAllowedDirs(asList(a.allowDir), io.cwd);
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
    case 'diff': {
      const { diffCommand } = await import('./commands/diff.js');
      return diffCommand(io, {
        scenario: String(a.scenario),
        other: a.other as string | undefined,
        overrides,
      });
    }
    case 'merge': {
      const { mergeCommand } = await import('./commands/merge.js');
      const out = Array.isArray(a.out) ? String(a.out[a.out.length - 1]) : String(a.out);
      return mergeCommand(io, {
        shards: asList(a.shards),
        out,
        force: a.force === true,
        json: a.json === true,
        quiet: a.quiet === true,
      });
    }
    case 'report':
      return (await import('./commands/report.js')).reportCommand(io, a);
    case 'bench': {
      const { benchArgs, benchCommand } = await import('./bench/command.js');
      return benchCommand(io, benchArgs(a));
    }
    case 'check': {
      const { checkArgs, checkCommand } = await import('./check/command.js');
      return checkCommand(io, checkArgs(a, overrides, argv));
    }
    case 'run':
    case 'compare':
    case 'sweep': {
      const { runExperiment } = await import('./experiment/run-experiment.js');
      const { experimentArgs } = await import('./experiment/args.js');
      return runExperiment(io, experimentArgs(chosen.command, a, overrides, argv));
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
