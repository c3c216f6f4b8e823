/** The `Distribution` interface and the parameter checks every distribution factory shares. */
import { SimulationError } from './errors.js';
import type { RandomStream } from './random.js';

/** A probability distribution that samples from a stream passed in at each call. */
export interface Distribution {
  /** One draw. Never allocates. */
  sample(stream: RandomStream): number;
  /** Exact theoretical mean (for a truncated normal, of the truncated distribution). */
  readonly mean: number;
  /** Exact theoretical variance (`Infinity` if it does not exist). */
  readonly variance: number;
  /** Family name, e.g. `'lognormal'`. */
  readonly kind: string;
  /** Human-readable parameters, e.g. `'lognormal(mean 4.4, sd 6)'`. */
  describe(): string;
}

// ---------------------------------------------------------------------------------------------
// Parameter checks: every message names the distribution, the parameter and the value.

export function invalid(kind: string, name: string, requirement: string, value: unknown): never {
  throw new SimulationError(
    'invalid-parameter',
    `${kind}: ${name} must be ${requirement}; got ${String(value)}`,
  );
}
export function finite(kind: string, name: string, v: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) invalid(kind, name, 'a finite number', v);
  return v;
}
export function positive(kind: string, name: string, v: number): number {
  if (typeof v !== 'number' || !(v > 0) || v === Number.POSITIVE_INFINITY) {
    invalid(kind, name, 'a finite number > 0', v);
  }
  return v;
}
export function nonNegative(kind: string, name: string, v: number): number {
  if (typeof v !== 'number' || !(v >= 0) || v === Number.POSITIVE_INFINITY) {
    invalid(kind, name, 'a finite number ≥ 0', v);
  }
  return v;
}
export function probability(kind: string, name: string, v: number): number {
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) invalid(kind, name, 'a probability in [0, 1]', v);
  return v;
}
export function integerAtLeast(kind: string, name: string, v: number, least: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < least) {
    invalid(kind, name, `an integer ≥ ${least}`, v);
  }
  return v;
}

/** Short number formatting for `describe()`. */
export function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}
