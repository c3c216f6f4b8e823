/**
 * Statistics that stream: each monitor keeps a fixed-size summary (memory flat in run length) and
 * never allocates when it records. Every monitor can `merge` another of its kind so that
 * replications, worker threads and shards combine into the summary one monitor would have built
 * from all the observations — exactly for counts and histograms, and up to floating-point rounding
 * for sums and moments. `toJSON()`/`fromJSON()` give plain data for sending between workers.
 *
 * Empty summaries report `NaN` for means, quantiles, minima and maxima: the statistic is undefined,
 * and NaN propagates visibly rather than posing as a plausible number.
 */
import { SimulationError } from './errors.js';

export function badValue(monitor: string, value: number): never {
  throw new SimulationError(
    'invalid-parameter',
    `${monitor}: recorded value must be finite; got ${String(value)}`,
  );
}

// ---------------------------------------------------------------------------------------------

/** Plain-data form of a `Counter`. */
export interface CounterData {
  count: number;
}

/** Counts events. */
export class Counter {
  /** Events counted so far. */
  count = 0;

  /** Adds `by` (default 1). */
  increment(by = 1): void {
    this.count += by;
  }
  /** Adds another counter's count to this one. */
  merge(other: Counter): this {
    this.count += other.count;
    return this;
  }
  /** Back to zero (e.g. at the end of warm-up). */
  reset(): void {
    this.count = 0;
  }
  toJSON(): CounterData {
    return { count: this.count };
  }
  static fromJSON(data: CounterData): Counter {
    const c = new Counter();
    c.count = requireNumber(data?.count, 'Counter.count');
    return c;
  }
}

// ---------------------------------------------------------------------------------------------

/** Plain-data form of a `Tally`; `min`/`max` are null when empty. */
export interface TallyData {
  count: number;
  mean: number;
  /** Sum of squared deviations from the mean. */
  sumSquaredDeviations: number;
  min: number | null;
  max: number | null;
}

/**
 * Count, mean, variance, min and max of observations (e.g. waiting times in minutes), by Welford's
 * update, which stays accurate when values sit on a large offset; merged by Chan et al.'s formula.
 */
export class Tally {
  private n = 0;
  private runningMean = 0;
  private m2 = 0;
  private lowest = Number.POSITIVE_INFINITY;
  private highest = Number.NEGATIVE_INFINITY;

  /** Records one observation (must be finite). */
  record(value: number): void {
    if (!(value - value === 0)) badValue('Tally', value);
    const n = ++this.n;
    const delta = value - this.runningMean;
    this.runningMean += delta / n;
    this.m2 += delta * (value - this.runningMean);
    if (value < this.lowest) this.lowest = value;
    if (value > this.highest) this.highest = value;
  }
  /** Number of observations. */
  get count(): number {
    return this.n;
  }
  /** Mean (NaN when empty). */
  get mean(): number {
    return this.n === 0 ? Number.NaN : this.runningMean;
  }
  /** Sample variance, divisor n − 1 (NaN with fewer than two observations). */
  get variance(): number {
    return this.n < 2 ? Number.NaN : this.m2 / (this.n - 1);
  }
  /** Sample standard deviation (NaN with fewer than two observations). */
  get sd(): number {
    return Math.sqrt(this.variance);
  }
  /** Population variance, divisor n (NaN when empty). */
  get populationVariance(): number {
    return this.n === 0 ? Number.NaN : this.m2 / this.n;
  }
  /** Smallest observation (NaN when empty). */
  get min(): number {
    return this.n === 0 ? Number.NaN : this.lowest;
  }
  /** Largest observation (NaN when empty). */
  get max(): number {
    return this.n === 0 ? Number.NaN : this.highest;
  }
  /** Sum of the observations (mean × count). */
  get sum(): number {
    return this.runningMean * this.n;
  }
  /** Folds another tally into this one (Chan, Golub & LeVeque 1979). */
  merge(other: Tally): this {
    if (other.n === 0) return this;
    if (this.n === 0) {
      this.n = other.n;
      this.runningMean = other.runningMean;
      this.m2 = other.m2;
    } else {
      const n = this.n + other.n;
      const delta = other.runningMean - this.runningMean;
      this.runningMean += (delta * other.n) / n;
      this.m2 += other.m2 + (delta * delta * this.n * other.n) / n;
      this.n = n;
    }
    if (other.lowest < this.lowest) this.lowest = other.lowest;
    if (other.highest > this.highest) this.highest = other.highest;
    return this;
  }
  /** Forgets everything (e.g. at the end of warm-up). */
  reset(): void {
    this.n = 0;
    this.runningMean = 0;
    this.m2 = 0;
    this.lowest = Number.POSITIVE_INFINITY;
    this.highest = Number.NEGATIVE_INFINITY;
  }
  toJSON(): TallyData {
    const empty = this.n === 0;
    return {
      count: this.n,
      mean: this.runningMean,
      sumSquaredDeviations: this.m2,
      min: empty ? null : this.lowest,
      max: empty ? null : this.highest,
    };
  }
  static fromJSON(data: TallyData): Tally {
    const t = new Tally();
    t.n = requireCount(data?.count, 'Tally.count');
    t.runningMean = requireNumber(data.mean, 'Tally.mean');
    t.m2 = requireNumber(data.sumSquaredDeviations, 'Tally.sumSquaredDeviations');
    if (t.n > 0) {
      t.lowest = requireNumber(data.min, 'Tally.min');
      t.highest = requireNumber(data.max, 'Tally.max');
    }
    return t;
  }
}

// ---------------------------------------------------------------------------------------------

/** Plain-data form of a `TimeWeighted`. */
export interface TimeWeightedData {
  level: number;
  lastAtMinutes: number;
  durationMinutes: number;
  area: number;
  areaOfSquares: number;
  min: number;
  max: number;
}

/**
 * Time-weighted statistics of a level that changes at instants (queue length, beds occupied, staff
 * on duty): the level is held constant between `update`s. The mean is ∫level dt / observed time.
 */
export class TimeWeighted {
  private current: number;
  private lastAt: number;
  private duration = 0;
  private integral = 0;
  private integralOfSquares = 0;
  private lowest: number;
  private highest: number;
  /** Start of the observed window (construction or the last `reset`), minutes. */
  private windowStartAt: number;
  /** ∫ level dt before the window (warm-up), for `totalAreaUntil`. */
  private areaBeforeWindow = 0;

  constructor(options: { startAtMinutes?: number; level?: number } = {}) {
    const start = options.startAtMinutes ?? 0;
    const level = options.level ?? 0;
    if (!Number.isFinite(start)) {
      throw new SimulationError(
        'invalid-time',
        `TimeWeighted: startAtMinutes must be finite; got ${String(start)}`,
      );
    }
    if (!Number.isFinite(level)) badValue('TimeWeighted', level);
    this.current = level;
    this.lastAt = start;
    this.windowStartAt = start;
    this.lowest = level;
    this.highest = level;
  }

  private advance(nowMinutes: number): void {
    const span = nowMinutes - this.lastAt;
    if (!(span >= 0) || span === Number.POSITIVE_INFINITY) {
      throw new SimulationError(
        'invalid-time',
        `TimeWeighted: time must not go backwards or be non-finite; last update at ${this.lastAt}, now ${String(nowMinutes)}`,
        nowMinutes,
      );
    }
    const level = this.current;
    this.duration += span;
    this.integral += level * span;
    this.integralOfSquares += level * level * span;
    this.lastAt = nowMinutes;
  }

  /** The level changes to `newLevel` at `nowMinutes` (not before the previous update). */
  update(nowMinutes: number, newLevel: number): void {
    this.advance(nowMinutes);
    if (!(newLevel - newLevel === 0)) badValue('TimeWeighted', newLevel);
    this.current = newLevel;
    if (newLevel < this.lowest) this.lowest = newLevel;
    if (newLevel > this.highest) this.highest = newLevel;
  }
  /** Accounts for the time up to `nowMinutes` at the current level (call at the end of the run). */
  finish(nowMinutes: number): void {
    this.advance(nowMinutes);
  }
  /**
   * Starts a fresh observation window at `nowMinutes`, keeping the current level (call at the end of
   * warm-up): time, area, min and max restart from here.
   */
  reset(nowMinutes: number): void {
    this.advance(nowMinutes);
    this.areaBeforeWindow += this.integral;
    this.windowStartAt = nowMinutes;
    this.duration = 0;
    this.integral = 0;
    this.integralOfSquares = 0;
    this.lowest = this.current;
    this.highest = this.current;
  }

  /**
   * ∫ level dt over the window up to `nowMinutes` (≥ the last update), the current level held to
   * then; changes nothing (`meanUntil` divides it by the window's length).
   */
  areaUntil(nowMinutes: number): number {
    return this.integral + this.current * (nowMinutes - this.lastAt);
  }

  /**
   * The window's time-weighted mean up to `nowMinutes` (≥ the last update, after the window start),
   * the current level held to then; changes nothing (unlike `finish`, it can be read mid-run).
   */
  meanUntil(nowMinutes: number): number {
    return this.areaUntil(nowMinutes) / (nowMinutes - this.windowStartAt);
  }

  /**
   * ∫ level dt since the monitor started, resets ignored, up to `nowMinutes` — differences of it give
   * the mean over any period (a day's mean census), warm-up included.
   */
  totalAreaUntil(nowMinutes: number): number {
    return this.areaBeforeWindow + this.areaUntil(nowMinutes);
  }

  /**
   * A change of the level by `levelChange` over [fromMinutes, toMinutes) that is learned only later
   * (someone left a queue unseen and is found gone at its head): both areas are corrected, the part
   * before the window start counting only in the total. The interval must lie within the monitor's
   * past (toMinutes ≤ the last update). Min, max and variance are not corrected.
   */
  correct(fromMinutes: number, toMinutes: number, levelChange: number): void {
    if (!(fromMinutes <= toMinutes) || !(toMinutes <= this.lastAt) || !Number.isFinite(fromMinutes)) {
      throw new SimulationError(
        'invalid-time',
        `TimeWeighted.correct: need fromMinutes ≤ toMinutes ≤ last update (${this.lastAt}); got [${String(fromMinutes)}, ${String(toMinutes)})`,
      );
    }
    if (!(levelChange - levelChange === 0)) badValue('TimeWeighted', levelChange);
    const start = this.windowStartAt;
    const before = Math.max(0, Math.min(toMinutes, start) - fromMinutes);
    const within = Math.max(0, toMinutes - Math.max(fromMinutes, start));
    this.areaBeforeWindow += levelChange * before;
    this.integral += levelChange * within;
  }

  /** The level now. */
  get level(): number {
    return this.current;
  }
  /** Time of the last update, minutes. */
  get lastAtMinutes(): number {
    return this.lastAt;
  }
  /** Observed time, minutes. */
  get durationMinutes(): number {
    return this.duration;
  }
  /** ∫ level dt over the observed time (level × minutes). */
  get area(): number {
    return this.integral;
  }
  /** Time-weighted mean level (NaN if no time has been observed). */
  get mean(): number {
    return this.duration > 0 ? this.integral / this.duration : Number.NaN;
  }
  /** Time-weighted variance of the level (NaN if no time has been observed). */
  get variance(): number {
    if (!(this.duration > 0)) return Number.NaN;
    const mean = this.integral / this.duration;
    return Math.max(this.integralOfSquares / this.duration - mean * mean, 0);
  }
  /** Lowest level set in the window (including levels held for zero time). */
  get min(): number {
    return this.lowest;
  }
  /** Highest level set in the window (including levels held for zero time). */
  get max(): number {
    return this.highest;
  }

  /**
   * Adds another monitor's observed time to this one (replications, or shards covering disjoint
   * periods): the merged mean is the duration-weighted mean. Keep updating only the monitor that
   * follows the live clock; this one's current level and last update time are unchanged.
   */
  merge(other: TimeWeighted): this {
    this.duration += other.duration;
    this.integral += other.integral;
    this.integralOfSquares += other.integralOfSquares;
    if (other.lowest < this.lowest) this.lowest = other.lowest;
    if (other.highest > this.highest) this.highest = other.highest;
    return this;
  }
  toJSON(): TimeWeightedData {
    return {
      level: this.current,
      lastAtMinutes: this.lastAt,
      durationMinutes: this.duration,
      area: this.integral,
      areaOfSquares: this.integralOfSquares,
      min: this.lowest,
      max: this.highest,
    };
  }
  static fromJSON(data: TimeWeightedData): TimeWeighted {
    const t = new TimeWeighted({
      startAtMinutes: requireNumber(data?.lastAtMinutes, 'TimeWeighted.lastAtMinutes'),
      level: requireNumber(data.level, 'TimeWeighted.level'),
    });
    t.duration = requireNumber(data.durationMinutes, 'TimeWeighted.durationMinutes');
    t.windowStartAt = t.lastAt - t.duration;
    t.integral = requireNumber(data.area, 'TimeWeighted.area');
    t.integralOfSquares = requireNumber(data.areaOfSquares, 'TimeWeighted.areaOfSquares');
    t.lowest = requireNumber(data.min, 'TimeWeighted.min');
    t.highest = requireNumber(data.max, 'TimeWeighted.max');
    return t;
  }
}

export function requireNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SimulationError('invalid-parameter', `${name} must be a finite number; got ${String(value)}`);
  }
  return value;
}
/** Checks a quantile's level q ∈ [0, 1] for the histogram named `monitor`. */
export function requireQuantileLevel(q: number, monitor: string): void {
  if (!(q >= 0 && q <= 1)) {
    throw new SimulationError(
      'invalid-parameter',
      `${monitor}: quantile must be in [0, 1]; got ${String(q)}`,
    );
  }
}
export function requireCount(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new SimulationError('invalid-parameter', `${name} must be an integer ≥ 0; got ${String(value)}`);
  }
  return value;
}
