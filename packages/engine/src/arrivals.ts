/**
 * Non-homogeneous Poisson arrivals from a rate that is piecewise constant in time.
 *
 * The rate at simulated minute t is
 *   (weekly table at t's hour of the week) × (day multiplier of t's day) × (product of surges covering t),
 * so it is constant on pieces no longer than an hour. The next arrival is found by exact inversion of
 * the cumulative rate: draw E ~ Exp(1) (one uniform) and walk forward piece by piece, spending
 * `rate × length` of E in each, until E runs out inside a piece. Compared with thinning this is exact
 * with no rejection, uses exactly one uniform per arrival whatever the profile (so common random
 * numbers stay aligned across scenarios with different rates), and needs no bound on the peak rate.
 * It never carries an inter-arrival time drawn at one rate across a rate change, the classic error.
 *
 * Time zero is a calendar instant the caller names: `startDayOfWeek` (0 = Monday) and
 * `startDayOfYear` (0 = 1 January) say which day minute 0 begins. Years have 365 days.
 */
import { SimulationError } from './errors.js';
import type { RandomStream } from './random.js';
import { MINUTES_PER_DAY, MINUTES_PER_HOUR } from './time.js';

export const HOURS_PER_WEEK = 168;
const DAYS_PER_YEAR = 365;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Month (0 = January) of each day of a 365-day year. */
const MONTH_OF_DAY = Uint8Array.from({ length: DAYS_PER_YEAR }, (_, day) => {
  let month = 0;
  let first = 0;
  while (day >= first + DAYS_IN_MONTH[month]) first += DAYS_IN_MONTH[month++];
  return month;
});

function invalid(name: string, requirement: string, value: unknown): never {
  throw new SimulationError('invalid-parameter', `${name} must be ${requirement}; got ${String(value)}`);
}

/** Checks an array of non-negative finite numbers of the given length, not all zero. */
function multipliers(name: string, values: readonly number[], length: number): Float64Array {
  if (!Array.isArray(values) || values.length !== length) {
    invalid(
      name,
      `an array of ${length} numbers`,
      Array.isArray(values) ? `length ${values.length}` : values,
    );
  }
  let total = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !(v >= 0) || v === Number.POSITIVE_INFINITY) {
      invalid(`${name}[${i}]`, 'a finite number ≥ 0', v);
    }
    total += v;
  }
  if (!(total > 0)) invalid(name, 'not all zero', `[${values.join(', ')}]`);
  return Float64Array.from(values);
}

/** Options of `rateProfile`. Give either `meanRatePerHour` (with optional shapes) or `ratesPerHourOfWeek`. */
export interface RateProfileOptions {
  /** Mean arrivals per hour over a week (before trend and seasonality). */
  meanRatePerHour?: number;
  /**
   * Relative arrival intensity for each hour of the day (24 values, hour 0 = 00:00–01:00). Only the
   * shape matters: values are rescaled to average 1.
   */
  hourOfDayMultipliers?: readonly number[];
  /** Relative intensity for each day of the week (7 values, Monday first), rescaled to average 1. */
  dayOfWeekMultipliers?: readonly number[];
  /** Alternatively, the full weekly table: arrivals per hour, 168 values, index 0 = Monday 00:00–01:00. */
  ratesPerHourOfWeek?: readonly number[];
  /** Compound growth of the rate per 365-day year (0.054 = +5.4% a year); default 0. */
  annualGrowth?: number;
  /**
   * Relative intensity by calendar month (12 values, January first), rescaled so the mean over a
   * 365-day year is 1. Default: no seasonality.
   */
  seasonalMultipliersByMonth?: readonly number[];
  /** Day of the week at minute 0 (0 = Monday … 6 = Sunday); default 0. */
  startDayOfWeek?: number;
  /** Day of the year at minute 0 (0 = 1 January … 364); default 0. */
  startDayOfYear?: number;
  /**
   * Any further multiplier of absolute time (minutes), e.g. a planned service change. Evaluated once
   * per simulated day, at the day's start, when arrivals are built; must return a finite number ≥ 0.
   */
  multiplier?: (atMinutes: number) => number;
}

/**
 * An arrival rate: a weekly table of arrivals per hour, times a slowly varying day multiplier
 * (annual growth × monthly seasonality × optional custom multiplier), held constant over each day.
 */
export class RateProfile {
  /** Arrivals per hour for each hour of the week, index 0 = Monday 00:00–01:00 (168 values). */
  readonly ratesPerHourOfWeek: Float64Array;
  /** Mean of the weekly table, arrivals per hour. */
  readonly meanRatePerHour: number;
  /** Compound growth per 365-day year. */
  readonly annualGrowth: number;
  /** Monthly multipliers (January first), normalised to a day-weighted mean of 1. */
  readonly seasonalMultipliersByMonth: Float64Array;
  /** Day of the week at minute 0 (0 = Monday). */
  readonly startDayOfWeek: number;
  /** Day of the year at minute 0 (0 = 1 January). */
  readonly startDayOfYear: number;
  private readonly customMultiplier: ((atMinutes: number) => number) | undefined;
  private readonly logGrowthPerDay: number;

  constructor(options: RateProfileOptions) {
    this.ratesPerHourOfWeek = weeklyRatesPerHour(options);
    let total = 0;
    for (const r of this.ratesPerHourOfWeek) total += r;
    this.meanRatePerHour = total / HOURS_PER_WEEK;

    const growth = options.annualGrowth ?? 0;
    if (typeof growth !== 'number' || !(growth > -1) || !Number.isFinite(growth)) {
      invalid('annualGrowth', 'a finite number > -1', growth);
    }
    this.annualGrowth = growth;
    this.logGrowthPerDay = Math.log1p(growth) / DAYS_PER_YEAR;
    this.seasonalMultipliersByMonth = dayWeightedSeasonal(options.seasonalMultipliersByMonth);

    const dow = options.startDayOfWeek ?? 0;
    if (!Number.isInteger(dow) || dow < 0 || dow > 6)
      invalid('startDayOfWeek', 'an integer 0 (Monday) … 6 (Sunday)', dow);
    this.startDayOfWeek = dow;
    const doy = options.startDayOfYear ?? 0;
    if (!Number.isInteger(doy) || doy < 0 || doy >= DAYS_PER_YEAR) {
      invalid('startDayOfYear', 'an integer 0 (1 January) … 364', doy);
    }
    this.startDayOfYear = doy;
    if (options.multiplier !== undefined && typeof options.multiplier !== 'function') {
      invalid('multiplier', 'a function of minutes', options.multiplier);
    }
    this.customMultiplier = options.multiplier;
  }

  /** Multiplier for simulated day `day` (day 0 starts at minute 0): growth × season × custom. */
  dayMultiplier(day: number): number {
    const dayOfYear = (this.startDayOfYear + day) % DAYS_PER_YEAR;
    let m = Math.exp(this.logGrowthPerDay * day) * this.seasonalMultipliersByMonth[MONTH_OF_DAY[dayOfYear]];
    if (this.customMultiplier !== undefined) {
      const custom = this.customMultiplier(day * MINUTES_PER_DAY);
      if (typeof custom !== 'number' || !(custom >= 0) || custom === Number.POSITIVE_INFINITY) {
        throw new SimulationError(
          'invalid-parameter',
          `rate multiplier must return a finite number ≥ 0; got ${String(custom)} for day ${day}`,
          day * MINUTES_PER_DAY,
        );
      }
      m *= custom;
    }
    return m;
  }

  /** Hour of the week (0 = Monday 00:00–01:00) containing minute `atMinutes` (≥ 0). */
  hourOfWeekAt(atMinutes: number): number {
    return (this.startDayOfWeek * 24 + Math.floor(atMinutes / MINUTES_PER_HOUR)) % HOURS_PER_WEEK;
  }

  /** Arrivals per hour at minute `atMinutes` (≥ 0), without surges. */
  ratePerHourAt(atMinutes: number): number {
    return (
      this.ratesPerHourOfWeek[this.hourOfWeekAt(atMinutes)] *
      this.dayMultiplier(Math.floor(atMinutes / MINUTES_PER_DAY))
    );
  }
}

function ones(n: number): number[] {
  return new Array<number>(n).fill(1);
}
function normalised(values: Float64Array): Float64Array {
  let total = 0;
  for (const v of values) total += v;
  const scale = values.length / total;
  return values.map((v) => v * scale);
}

/** Builds a `RateProfile`; see `RateProfileOptions`. */
export function rateProfile(options: RateProfileOptions): RateProfile {
  return new RateProfile(options);
}

/** A temporary multiplicative change of the arrival rate over [fromMinutes, toMinutes). */
export interface Surge {
  /** Start, minutes (inclusive). */
  fromMinutes: number;
  /** End, minutes (exclusive). */
  toMinutes: number;
  /** Rate multiplier over the interval (≥ 0; 0 closes the door, 5 is a five-fold surge). Overlaps multiply. */
  factor: number;
}

export interface PoissonArrivalsOptions {
  profile: RateProfile;
  /** Arrivals happen in [0, horizonMinutes); after that `nextArrivalAt` returns Infinity. */
  horizonMinutes: number;
  surges?: readonly Surge[];
}

/**
 * Arrival times of a non-homogeneous Poisson process. Stateless between calls apart from lookup
 * cursors, so one instance may serve successive replications; each call draws exactly one uniform.
 */
export class PoissonArrivals {
  readonly profile: RateProfile;
  readonly horizonMinutes: number;
  /** Day multipliers over the horizon, tabulated once. */
  private readonly dayMultipliers: Float64Array;
  private readonly weekly: Float64Array;
  private readonly startHourOfWeek: number;
  /** Surge pieces: piece i covers [surgeBreaks[i], surgeBreaks[i + 1]) with factor surgeFactors[i]. */
  private readonly surgeBreaks: Float64Array;
  private readonly surgeFactors: Float64Array;
  private surgeCursor = 0;

  constructor(options: PoissonArrivalsOptions) {
    const { profile, horizonMinutes } = options;
    if (!(profile instanceof RateProfile)) invalid('profile', 'a RateProfile (see rateProfile)', profile);
    if (typeof horizonMinutes !== 'number' || !(horizonMinutes > 0) || !Number.isFinite(horizonMinutes)) {
      invalid('horizonMinutes', 'a finite number > 0', horizonMinutes);
    }
    this.profile = profile;
    this.horizonMinutes = horizonMinutes;
    this.weekly = profile.ratesPerHourOfWeek;
    this.startHourOfWeek = profile.startDayOfWeek * 24;
    const days = Math.ceil(horizonMinutes / MINUTES_PER_DAY);
    this.dayMultipliers = new Float64Array(days);
    for (let d = 0; d < days; d++) this.dayMultipliers[d] = profile.dayMultiplier(d);

    const surges = options.surges ?? [];
    const breaks = new Set<number>();
    surges.forEach((s, i) => {
      const from = s?.fromMinutes;
      const to = s?.toMinutes;
      if (typeof from !== 'number' || !Number.isFinite(from) || from < 0) {
        invalid(`surges[${i}].fromMinutes`, 'a finite number ≥ 0', from);
      }
      if (typeof to !== 'number' || !Number.isFinite(to) || !(to > from)) {
        invalid(`surges[${i}].toMinutes`, `a finite number > fromMinutes (${from})`, to);
      }
      if (typeof s.factor !== 'number' || !(s.factor >= 0) || s.factor === Number.POSITIVE_INFINITY) {
        invalid(`surges[${i}].factor`, 'a finite number ≥ 0', s.factor);
      }
      breaks.add(from);
      breaks.add(to);
    });
    const sorted = [Number.NEGATIVE_INFINITY, ...[...breaks].sort((a, b) => a - b), Number.POSITIVE_INFINITY];
    this.surgeBreaks = Float64Array.from(sorted);
    this.surgeFactors = new Float64Array(sorted.length - 1).fill(1);
    for (let i = 0; i < sorted.length - 1; i++) {
      for (const s of surges)
        if (s.fromMinutes <= sorted[i] && sorted[i + 1] <= s.toMinutes) this.surgeFactors[i] *= s.factor;
    }
  }

  /** Positions the surge cursor on the piece containing t and returns its index. */
  private surgePiece(t: number): number {
    const breaks = this.surgeBreaks;
    let i = this.surgeCursor;
    while (t >= breaks[i + 1]) i++;
    while (t < breaks[i]) i--;
    this.surgeCursor = i;
    return i;
  }

  /** Arrivals per hour at minute `atMinutes` in [0, horizon), including surges. */
  ratePerHourAt(atMinutes: number): number {
    this.checkTime(atMinutes, 'atMinutes');
    if (atMinutes >= this.horizonMinutes) return 0;
    const hour = Math.floor(atMinutes / MINUTES_PER_HOUR);
    return (
      this.weekly[(this.startHourOfWeek + hour) % HOURS_PER_WEEK] *
      this.dayMultipliers[Math.floor(atMinutes / MINUTES_PER_DAY)] *
      this.surgeFactors[this.surgePiece(atMinutes)]
    );
  }

  /**
   * The time (absolute minutes, ≥ nowMinutes) of the first arrival after `nowMinutes`, or `Infinity`
   * if there is none before the horizon. Draws exactly one uniform. Call it again at each arrival.
   */
  nextArrivalAt(nowMinutes: number, stream: RandomStream): number {
    this.checkTime(nowMinutes, 'nowMinutes');
    let remaining = -Math.log(stream.uniform());
    let t = nowMinutes;
    const horizon = this.horizonMinutes;
    while (t < horizon) {
      const hour = Math.floor(t / MINUTES_PER_HOUR);
      const piece = this.surgePiece(t);
      let end = (hour + 1) * MINUTES_PER_HOUR;
      if (this.surgeBreaks[piece + 1] < end) end = this.surgeBreaks[piece + 1];
      if (horizon < end) end = horizon;
      const ratePerMinute =
        (this.weekly[(this.startHourOfWeek + hour) % HOURS_PER_WEEK] *
          this.dayMultipliers[Math.floor(t / MINUTES_PER_DAY)] *
          this.surgeFactors[piece]) /
        MINUTES_PER_HOUR;
      const expectedInPiece = ratePerMinute * (end - t);
      if (remaining <= expectedInPiece) {
        const at = t + remaining / ratePerMinute;
        return Math.min(at, end);
      }
      remaining -= expectedInPiece;
      t = end;
    }
    return Number.POSITIVE_INFINITY;
  }

  /** Expected number of arrivals in [fromMinutes, toMinutes): the integral of the rate. */
  expectedArrivals(fromMinutes: number, toMinutes: number): number {
    this.checkTime(fromMinutes, 'fromMinutes');
    this.checkTime(toMinutes, 'toMinutes');
    let total = 0;
    let t = fromMinutes;
    const stop = Math.min(toMinutes, this.horizonMinutes);
    while (t < stop) {
      const hour = Math.floor(t / MINUTES_PER_HOUR);
      const piece = this.surgePiece(t);
      const end = Math.min((hour + 1) * MINUTES_PER_HOUR, this.surgeBreaks[piece + 1], stop);
      total += (this.ratePerHourAt(t) * (end - t)) / MINUTES_PER_HOUR;
      t = end;
    }
    return total;
  }

  private checkTime(value: number, name: string): void {
    if (typeof value !== 'number' || !(value >= 0) || value === Number.POSITIVE_INFINITY) {
      throw new SimulationError(
        'invalid-time',
        `${name} must be a finite number of minutes ≥ 0; got ${String(value)}`,
      );
    }
  }
}

/** The 168 hourly rates of a week, from the table given or from the mean × day × hour multipliers. */
function weeklyRatesPerHour(options: RateProfileOptions): Float64Array {
  const hasMean = options.meanRatePerHour !== undefined;
  const hasTable = options.ratesPerHourOfWeek !== undefined;
  if (hasMean === hasTable) {
    invalid('rate profile', 'given exactly one of meanRatePerHour and ratesPerHourOfWeek', 'both or neither');
  }
  if (hasTable) {
    if (options.hourOfDayMultipliers !== undefined || options.dayOfWeekMultipliers !== undefined) {
      invalid(
        'hourOfDayMultipliers/dayOfWeekMultipliers',
        'omitted when ratesPerHourOfWeek is given',
        'both',
      );
    }
    const table = options.ratesPerHourOfWeek!;
    if (!Array.isArray(table) || table.length !== HOURS_PER_WEEK) {
      invalid(
        'ratesPerHourOfWeek',
        `an array of ${HOURS_PER_WEEK} numbers`,
        Array.isArray(table) ? `length ${table.length}` : table,
      );
    }
    table.forEach((v, i) => {
      if (typeof v !== 'number' || !(v >= 0) || v === Number.POSITIVE_INFINITY) {
        invalid(`ratesPerHourOfWeek[${i}]`, 'a finite number ≥ 0', v);
      }
    });
    return Float64Array.from(table);
  }
  const mean = options.meanRatePerHour!;
  if (typeof mean !== 'number' || !(mean >= 0) || mean === Number.POSITIVE_INFINITY) {
    invalid('meanRatePerHour', 'a finite number ≥ 0', mean);
  }
  const hourly = normalised(
    multipliers('hourOfDayMultipliers', options.hourOfDayMultipliers ?? ones(24), 24),
  );
  const daily = normalised(multipliers('dayOfWeekMultipliers', options.dayOfWeekMultipliers ?? ones(7), 7));
  const rates = new Float64Array(HOURS_PER_WEEK);
  for (let d = 0; d < 7; d++) {
    for (let h = 0; h < 24; h++) rates[d * 24 + h] = mean * daily[d] * hourly[h];
  }
  return rates;
}

/** Monthly multipliers (January first; default flat), scaled to a day-weighted mean of 1. */
function dayWeightedSeasonal(given: readonly number[] | undefined): Float64Array {
  const seasonal = multipliers('seasonalMultipliersByMonth', given ?? ones(12), 12);
  let dayWeighted = 0;
  for (let m = 0; m < 12; m++) dayWeighted += seasonal[m] * DAYS_IN_MONTH[m];
  for (let m = 0; m < 12; m++) seasonal[m] *= DAYS_PER_YEAR / dayWeighted;
  return seasonal;
}
