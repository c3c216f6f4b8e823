/**
 * Every error the engine throws on bad input is a `SimulationError` with a `code` a caller can
 * switch on, and a message that names what was wrong, the value, and (where known) the simulated time.
 */
export type SimulationErrorCode =
  | 'invalid-duration'
  | 'invalid-time'
  | 'scheduled-in-past'
  | 'invalid-parameter'
  | 'capacity-exceeded'
  | 'invalid-state';

export class SimulationError extends Error {
  override readonly name = 'SimulationError';
  constructor(
    readonly code: SimulationErrorCode,
    message: string,
    /** Simulated time (minutes) when the error was raised, if a simulation was running. */
    readonly atMinutes?: number,
  ) {
    super(atMinutes === undefined ? message : `${message} (at simulated minute ${atMinutes})`);
  }
}

/** Throws unless `value` is a finite number ≥ 0; `what` names the quantity for the message. */
export function assertDuration(value: number, what: string, atMinutes?: number): void {
  if (!(value >= 0) || value === Number.POSITIVE_INFINITY) {
    throw new SimulationError(
      'invalid-duration',
      `${what} must be a finite, non-negative number of minutes; got ${String(value)}`,
      atMinutes,
    );
  }
}

/** Throws unless `value` is finite and > 0 (rates, means, scales). */
export function assertPositive(value: number, what: string): void {
  if (!(value > 0) || value === Number.POSITIVE_INFINITY) {
    throw new SimulationError(
      'invalid-parameter',
      `${what} must be a finite number > 0; got ${String(value)}`,
    );
  }
}

/** Throws unless `value` is finite and ≥ 0. */
export function assertNonNegative(value: number, what: string): void {
  if (!(value >= 0) || value === Number.POSITIVE_INFINITY) {
    throw new SimulationError(
      'invalid-parameter',
      `${what} must be a finite number ≥ 0; got ${String(value)}`,
    );
  }
}

/** Throws unless `value` is a probability in [0, 1]. */
export function assertProbability(value: number, what: string): void {
  if (!(value >= 0 && value <= 1)) {
    throw new SimulationError(
      'invalid-parameter',
      `${what} must be a probability in [0, 1]; got ${String(value)}`,
    );
  }
}
