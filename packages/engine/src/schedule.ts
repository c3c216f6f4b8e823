/**
 * Capacity schedules (shift rosters): how many units a resource has at each moment.
 *
 * A schedule is a list of changes (minute, capacity) starting at minute 0, optionally repeating
 * every `cycleMinutes` (a day, a week). Minute 0 of the simulation is minute 0 of the cycle, so a
 * weekly roster's first row is the day that contains simulated minutes 0–1439.
 */
import { SimulationError } from './errors.js';
import { MINUTES_PER_DAY, MINUTES_PER_HOUR, MINUTES_PER_WEEK } from './time.js';

/** From `atMinutes` on (until the next change), the resource has `capacity` units. */
export interface CapacityChange {
  /** When the change takes effect, in minutes from the start of the cycle (or of the run). */
  readonly atMinutes: number;
  /** Units available from then on (an integer ≥ 0). */
  readonly capacity: number;
}

export interface CapacityScheduleOptions {
  /** Repeat the changes with this period in minutes (e.g. `MINUTES_PER_DAY`); omit to not repeat. */
  repeatEveryMinutes?: number;
}

/** A validated, normalised capacity schedule; build one with `capacitySchedule`, `dailyRoster` or `weeklyRoster`. */
export class CapacitySchedule {
  /** The changes, sorted, the first at minute 0, with no two neighbours of equal capacity. */
  readonly changes: readonly CapacityChange[];
  /** Period in minutes, or `undefined` when the last change holds for ever. */
  readonly cycleMinutes: number | undefined;
  private readonly at: Float64Array;
  private readonly cap: Int32Array;

  constructor(changes: readonly CapacityChange[], options: CapacityScheduleOptions = {}) {
    const cycle = options.repeatEveryMinutes;
    if (cycle !== undefined && !(cycle > 0 && Number.isFinite(cycle))) {
      throw new SimulationError(
        'invalid-parameter',
        `schedule repeatEveryMinutes must be a finite number > 0; got ${String(cycle)}`,
      );
    }
    if (changes.length === 0) {
      throw new SimulationError('invalid-parameter', 'a capacity schedule needs at least one change');
    }
    const normalised: CapacityChange[] = [];
    let previousAt = Number.NEGATIVE_INFINITY;
    for (const [i, change] of changes.entries()) {
      const { atMinutes, capacity } = change;
      if (!Number.isFinite(atMinutes) || atMinutes <= previousAt) {
        throw new SimulationError(
          'invalid-parameter',
          `schedule change ${i}: atMinutes must be finite and increasing; got ${String(atMinutes)} after ${previousAt}`,
        );
      }
      if (i === 0 && atMinutes !== 0) {
        throw new SimulationError(
          'invalid-parameter',
          `schedule change 0 must be at minute 0 (the capacity at the start); got ${atMinutes}`,
        );
      }
      if (cycle !== undefined && atMinutes >= cycle) {
        throw new SimulationError(
          'invalid-parameter',
          `schedule change ${i} at minute ${atMinutes} lies outside the ${cycle}-minute cycle`,
        );
      }
      assertCapacity(capacity, `schedule change ${i} capacity`);
      previousAt = atMinutes;
      if (normalised.length > 0 && normalised[normalised.length - 1].capacity === capacity) continue;
      normalised.push({ atMinutes, capacity });
    }
    this.changes = normalised;
    this.cycleMinutes = cycle;
    this.at = Float64Array.from(normalised, (c) => c.atMinutes);
    this.cap = Int32Array.from(normalised, (c) => c.capacity);
  }

  /** Capacity in effect at simulated minute `atMinutes`. */
  capacityAt(atMinutes: number): number {
    return this.cap[this.indexAt(this.positionInCycle(atMinutes))];
  }

  /** The first simulated minute after `atMinutes` at which the schedule changes, or +Infinity. */
  nextChangeAfter(atMinutes: number): number {
    const u = this.positionInCycle(atMinutes);
    const i = this.indexAt(u) + 1;
    const cycle = this.cycleMinutes;
    if (cycle === undefined) return i < this.at.length ? this.at[i] : Number.POSITIVE_INFINITY;
    const cycleStart = atMinutes - u;
    if (i < this.at.length) return cycleStart + this.at[i];
    const n = this.at.length;
    if (n === 1) return Number.POSITIVE_INFINITY;
    // The cycle's first change is no change when the cycle ends at the same capacity.
    return cycleStart + cycle + (this.cap[0] === this.cap[n - 1] ? this.at[1] : 0);
  }

  /** Largest capacity the schedule ever reaches. */
  get maxCapacity(): number {
    return Math.max(...this.cap);
  }

  private positionInCycle(t: number): number {
    const cycle = this.cycleMinutes;
    if (cycle === undefined) return t;
    const u = t - Math.floor(t / cycle) * cycle;
    return u >= cycle ? 0 : u;
  }

  /** Index of the last change at or before `u` (u ≥ 0 within the cycle). */
  private indexAt(u: number): number {
    const at = this.at;
    let lo = 0;
    let hi = at.length - 1;
    if (u < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid] <= u) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** A schedule from explicit changes, e.g. `[{ atMinutes: 0, capacity: 2 }, { atMinutes: 480, capacity: 4 }]`. */
export function capacitySchedule(
  changes: readonly CapacityChange[],
  options: CapacityScheduleOptions = {},
): CapacitySchedule {
  return new CapacitySchedule(changes, options);
}

/** A roster repeating every day: `capacityByHour[h]` units from hour h to h+1 (24 entries). */
export function dailyRoster(capacityByHour: readonly number[]): CapacitySchedule {
  if (capacityByHour.length !== 24) {
    throw new SimulationError(
      'invalid-parameter',
      `a daily roster needs 24 hourly capacities; got ${capacityByHour.length}`,
    );
  }
  return new CapacitySchedule(
    capacityByHour.map((capacity, h) => ({ atMinutes: h * MINUTES_PER_HOUR, capacity })),
    { repeatEveryMinutes: MINUTES_PER_DAY },
  );
}

/**
 * A roster repeating every week: `capacityByWeekdayHour[d][h]` units on day d (0 = the day holding
 * simulated minute 0) from hour h to h+1; 7 rows of 24.
 */
export function weeklyRoster(capacityByWeekdayHour: readonly (readonly number[])[]): CapacitySchedule {
  if (capacityByWeekdayHour.length !== 7 || capacityByWeekdayHour.some((row) => row.length !== 24)) {
    throw new SimulationError(
      'invalid-parameter',
      'a weekly roster needs 7 rows (days) of 24 hourly capacities',
    );
  }
  const changes: CapacityChange[] = [];
  capacityByWeekdayHour.forEach((row, d) => {
    row.forEach((capacity, h) => {
      changes.push({ atMinutes: d * MINUTES_PER_DAY + h * MINUTES_PER_HOUR, capacity });
    });
  });
  return new CapacitySchedule(changes, { repeatEveryMinutes: MINUTES_PER_WEEK });
}

/** @internal Throws unless `value` is an integer ≥ 0. */
export function assertCapacity(value: number, what: string, atMinutes?: number): void {
  if (!(Number.isInteger(value) && value >= 0)) {
    throw new SimulationError(
      'invalid-parameter',
      `${what} must be an integer ≥ 0; got ${String(value)}`,
      atMinutes,
    );
  }
}
