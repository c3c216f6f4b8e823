/**
 * Non-homogeneous Poisson arrivals against a table of rates, one rate per equal piece of time (for
 * example one rate per simulated hour, worked out once from a calendar, demand profiles and surges).
 *
 * Sampled like `PoissonArrivals`: exact inversion of the cumulative rate, one uniform per arrival
 * whatever the rates (so common random numbers stay aligned), no bound on the peak rate needed. Use
 * it when the rates come from somewhere other than a weekly `RateProfile` (a real calendar with leap
 * years, day-by-day surges); time zero is the start of the table's first piece.
 */
import { SimulationError } from './errors.js';
import type { RandomStream } from './random.js';

function invalid(name: string, requirement: string, value: unknown): never {
  throw new SimulationError('invalid-parameter', `${name} must be ${requirement}; got ${String(value)}`);
}

export interface TabulatedArrivalsOptions {
  /**
   * Arrivals per minute in each piece, piece i covering [i × pieceMinutes, (i + 1) × pieceMinutes).
   * Finite and ≥ 0. Past the last piece there are no arrivals.
   */
  ratesPerMinute: ArrayLike<number>;
  /** Length of every piece, minutes (> 0), e.g. 60 for a rate per hour. */
  pieceMinutes: number;
}

/** Arrival times of a non-homogeneous Poisson process with a piecewise-constant, tabulated rate. */
export class TabulatedArrivals {
  /** Arrivals per minute of each piece (a copy of the table given). */
  readonly ratesPerMinute: Float64Array;
  /** Length of a piece, minutes. */
  readonly pieceMinutes: number;
  /** End of the last piece, minutes: no arrival falls at or after it. */
  readonly horizonMinutes: number;

  constructor(options: TabulatedArrivalsOptions) {
    const { ratesPerMinute, pieceMinutes } = options;
    if (typeof pieceMinutes !== 'number' || !(pieceMinutes > 0) || !Number.isFinite(pieceMinutes)) {
      invalid('pieceMinutes', 'a finite number > 0', pieceMinutes);
    }
    if (ratesPerMinute === null || typeof ratesPerMinute !== 'object' || !(ratesPerMinute.length >= 0)) {
      invalid('ratesPerMinute', 'an array of numbers', ratesPerMinute);
    }
    const rates = Float64Array.from(ratesPerMinute);
    for (let i = 0; i < rates.length; i++) {
      const v = rates[i];
      if (!(v >= 0) || v === Number.POSITIVE_INFINITY)
        invalid(`ratesPerMinute[${i}]`, 'a finite number ≥ 0', v);
    }
    this.ratesPerMinute = rates;
    this.pieceMinutes = pieceMinutes;
    this.horizonMinutes = rates.length * pieceMinutes;
  }

  /**
   * The first arrival after `nowMinutes` (absolute minutes), or +Infinity if none falls before the
   * table ends. Draws exactly one uniform. Call it again at each arrival.
   */
  nextArrivalAt(nowMinutes: number, stream: RandomStream): number {
    if (!(nowMinutes >= 0) || nowMinutes === Number.POSITIVE_INFINITY) this.badTime(nowMinutes);
    let remaining = -Math.log(stream.uniform());
    const rates = this.ratesPerMinute;
    const piece = this.pieceMinutes;
    let t = nowMinutes;
    let i = Math.floor(t / piece);
    const n = rates.length;
    while (i < n) {
      const rate = rates[i];
      const end = (i + 1) * piece;
      const mass = rate * (end - t);
      if (remaining <= mass) return t + remaining / rate;
      remaining -= mass;
      t = end;
      i++;
    }
    return Number.POSITIVE_INFINITY;
  }

  /** Expected number of arrivals in [fromMinutes, toMinutes): the integral of the rate. */
  expectedArrivals(fromMinutes: number, toMinutes: number): number {
    if (!(fromMinutes >= 0) || fromMinutes === Number.POSITIVE_INFINITY) this.badTime(fromMinutes);
    if (!(toMinutes >= 0)) this.badTime(toMinutes);
    const piece = this.pieceMinutes;
    const stop = Math.min(toMinutes, this.horizonMinutes);
    let total = 0;
    let t = fromMinutes;
    while (t < stop) {
      const i = Math.floor(t / piece);
      const end = Math.min((i + 1) * piece, stop);
      total += this.ratesPerMinute[i] * (end - t);
      t = end;
    }
    return total;
  }

  private badTime(value: number): never {
    throw new SimulationError(
      'invalid-time',
      `TabulatedArrivals: time must be a finite number of minutes ≥ 0; got ${String(value)}`,
    );
  }
}
