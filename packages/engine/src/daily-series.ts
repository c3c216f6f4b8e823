/**
 * Per-day values of a fixed set of named series (counts, sums, daily means), one `Float64Array` per
 * name indexed by day. The names are declared once: asking for a name that was not declared is a
 * type error (and a `SimulationError` at run time), so a misspelt series cannot silently read zeros.
 */
import { SimulationError } from './errors.js';

export class DailySeries<Name extends string> {
  /** Days held (index 0 … days − 1). */
  readonly days: number;
  /** The series' names, in the order declared. */
  readonly names: readonly Name[];
  private readonly arrays = new Map<Name, Float64Array>();

  constructor(names: readonly Name[], days: number) {
    if (!Number.isInteger(days) || days < 0) {
      throw new SimulationError(
        'invalid-parameter',
        `DailySeries: days must be an integer ≥ 0; got ${String(days)}`,
      );
    }
    this.days = days;
    this.names = [...names];
    for (const name of names) {
      if (this.arrays.has(name)) {
        throw new SimulationError('invalid-parameter', `DailySeries: series '${name}' is declared twice`);
      }
      this.arrays.set(name, new Float64Array(days));
    }
  }

  /** The values of series `name` by day (the array itself: write to it, or read from it). */
  of(name: Name): Float64Array {
    const a = this.arrays.get(name);
    if (a === undefined) {
      throw new SimulationError(
        'invalid-parameter',
        `DailySeries: no series '${String(name)}'; declared: ${this.names.join(', ')}`,
      );
    }
    return a;
  }
}
