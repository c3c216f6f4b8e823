/**
 * The error the statistics layer throws on bad input (a confidence outside (0, 1), a negative
 * degrees of freedom, a p-value above 1, …). The message names the argument, the value and what was
 * expected. Missing data (NaN) is not bad input: the functions document how they pass it through.
 */
export class StatsError extends Error {
  override readonly name = 'StatsError';
}

/** Throws unless `confidence` lies strictly between 0 and 1 (e.g. 0.95 for a 95% interval). */
export function assertConfidence(confidence: number, where: string): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new StatsError(
      `${where}: confidence must be a level strictly between 0 and 1 (e.g. 0.95); got ${String(confidence)}`,
    );
  }
}

/** Throws unless `value` is an integer ≥ `min`; `what` names the argument for the message. */
export function assertInteger(value: number, min: number, what: string, where: string): void {
  if (!(Number.isInteger(value) && value >= min)) {
    throw new StatsError(`${where}: ${what} must be an integer ≥ ${min}; got ${String(value)}`);
  }
}

/** Throws unless p is NaN (missing, passed through) or a probability in [0, 1]. */
export function assertProbabilityOrNaN(p: number, where: string): void {
  if (!Number.isNaN(p) && !(p >= 0 && p <= 1)) {
    throw new StatsError(`${where}: p must be a probability in [0, 1]; got ${String(p)}`);
  }
}
