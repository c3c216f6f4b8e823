/**
 * The command line's two error kinds. Both print one line to stderr without a stack trace; they
 * differ in the exit code (see docs/cli.md).
 */

/** A command-line mistake (unknown option, bad option value): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A user-facing failure that is not a usage mistake (cannot read a policy module, cannot write output): exit code 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** Exit codes, as documented in docs/cli.md. */
export const ExitCode = {
  ok: 0,
  /** Invalid scenario, failed run, unreadable input, unwritable output, internal error. */
  failure: 1,
  /** Unknown command or option, bad option value. */
  usage: 2,
  /** `check`: an expectation failed; `bench`: a regression beyond the allowed one. Wins over 4. */
  failed: 3,
  /** `check`: none failed but one is inconclusive; `bench`: the measurements are too unstable to judge. */
  inconclusive: 4,
} as const;

/**
 * Errors whose message is written for the user: printed as one line, never with a stack. Matched by
 * name so the CLI need not import every package's error class (and so errors thrown by a copy of a
 * package loaded twice still match).
 */
const USER_ERROR_NAMES = new Set([
  'ScenarioError',
  'SimulationError',
  'ModelError',
  'NetworkError',
  'PolicyError',
  'CliError',
]);

export function isUserError(error: unknown): error is Error {
  return error instanceof Error && USER_ERROR_NAMES.has(error.name);
}
