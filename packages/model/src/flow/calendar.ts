/**
 * The run's calendar and demand tables. Profiles (hour × weekday × month × growth × surges) are
 * turned into one rate per simulated hour once, at load; nothing is evaluated per event.
 */
import { MINUTES_PER_HOUR, TabulatedArrivals } from '@carepool/engine';
import type { DemandProfile, SurgeConfig } from '../config.js';
import { ModelError } from '../errors.js';

const MS_PER_DAY = 86_400_000;

/** Parses an ISO date (YYYY-MM-DD) to a UTC day number. */
export function parseIsoDate(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) throw new ModelError(`startDate must be an ISO date YYYY-MM-DD; got '${iso}'`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(ms)) throw new ModelError(`startDate '${iso}' is not a valid date`);
  return Math.round(ms / MS_PER_DAY);
}

/** The run's days: weekday (Monday = 0) and month (January = 0) of each simulated day. */
export class RunCalendar {
  readonly totalDays: number;
  /** Weekday of each day, Monday = 0. */
  readonly weekday: Uint8Array;
  /** Month of each day, January = 0. */
  readonly month: Uint8Array;
  /** Years since the start (fractional), for growth. */
  readonly yearsFromStart: Float64Array;
  private readonly startDayNumber: number;
  private readonly startWeekday: number;

  constructor(startDate: string, totalDays: number) {
    this.startDayNumber = parseIsoDate(startDate);
    this.totalDays = totalDays;
    // Day number 0 (1970-01-01) was a Thursday: Monday = 0 makes it 3.
    this.startWeekday = (((this.startDayNumber + 3) % 7) + 7) % 7;
    this.weekday = new Uint8Array(totalDays);
    this.month = new Uint8Array(totalDays);
    this.yearsFromStart = new Float64Array(totalDays);
    for (let d = 0; d < totalDays; d++) {
      const date = new Date((this.startDayNumber + d) * MS_PER_DAY);
      this.weekday[d] = (date.getUTCDay() + 6) % 7;
      this.month[d] = date.getUTCMonth();
      this.yearsFromStart[d] = d / 365;
    }
  }

  /** ISO date of simulated day `day` (0 = start date). */
  isoDate(day: number): string {
    return new Date((this.startDayNumber + day) * MS_PER_DAY).toISOString().slice(0, 10);
  }

  /**
   * Weekday of any day, Monday = 0, also before the start or past the end of the tables (look-ahead
   * to the next working shift may run past the end of the run).
   */
  weekdayOf(day: number): number {
    return (((this.startWeekday + day) % 7) + 7) % 7;
  }

  /** Whether `day` is Monday–Friday (any day, inside the run or not). */
  isWorkingDay(day: number): boolean {
    return this.weekdayOf(day) < 5;
  }

  /** Month (January = 0) of a day inside the run's tables; a day past them is an error, not a NaN. */
  monthOf(day: number): number {
    const month = this.month[Math.floor(day)];
    if (month === undefined) throw new ModelError(`day ${day} is outside the run's ${this.totalDays} days`);
    return month;
  }

  /** The first day after `day` that is the 1st of a month; `totalDays` when the tables end first. */
  nextMonthStart(day: number): number {
    let d = Math.floor(day) + 1;
    while (d < this.totalDays && this.month[d] === this.month[d - 1]) d++;
    return d;
  }
}

/** Multipliers divided by their mean (so the mean is kept); resolve-checks.ts has checked them. */
export function normalised(multipliers: readonly number[], expected: number): Float64Array {
  let sum = 0;
  for (const v of multipliers) sum += v;
  const mean = sum / expected;
  return Float64Array.from(multipliers, (v) => v / mean);
}

/** Which surge multiplier applies to a demand stream. */
export type SurgeTarget = 'ed' | 'other';

/** Product of the surge multipliers in force on each day. */
export function surgeMultiplierByDay(
  surges: readonly SurgeConfig[],
  totalDays: number,
  target: SurgeTarget,
): Float64Array {
  const out = new Float64Array(totalDays).fill(1);
  for (const s of surges) {
    const factor = target === 'ed' ? s.edArrivalsMultiplier : s.otherDemandMultiplier;
    const end = Math.min(totalDays, Math.ceil(s.startDay + s.durationDays));
    for (let d = Math.max(0, Math.floor(s.startDay)); d < end; d++) out[d] *= factor;
  }
  return out;
}

/**
 * Daily mean multiplier (weekday × month × growth × surge) for each day, relative to the first-year mean.
 * Weekday multipliers are renormalised over the week and month multipliers over the year.
 */
export function dailyMultipliers(
  profile: DemandProfile,
  calendar: RunCalendar,
  surgeByDay: Float64Array,
): Float64Array {
  const dow = normalised(profile.dayOfWeekMultipliers, 7);
  const month = normalised(profile.monthMultipliers, 12);
  const out = new Float64Array(calendar.totalDays);
  const growth = 1 + profile.annualGrowthShare;
  for (let d = 0; d < calendar.totalDays; d++) {
    out[d] =
      dow[calendar.weekday[d]] *
      month[calendar.month[d]] *
      growth ** calendar.yearsFromStart[d] *
      surgeByDay[d];
  }
  return out;
}

/**
 * Arrivals of one demand stream: a non-homogeneous Poisson process (the engine's `TabulatedArrivals`)
 * against one rate per simulated hour, mean per day × hour × weekday × month × growth × surge.
 */
export function hourlyArrivals(
  meanPerDay: number,
  profile: DemandProfile,
  calendar: RunCalendar,
  surgeByDay: Float64Array,
): TabulatedArrivals {
  const ratesPerMinute = hourlyRatePerMinute(meanPerDay, profile, calendar, surgeByDay);
  return new TabulatedArrivals({ ratesPerMinute, pieceMinutes: MINUTES_PER_HOUR });
}

/** Arrival rate per minute for every simulated hour: mean per day × hour × weekday × month × growth × surge. */
export function hourlyRatePerMinute(
  meanPerDay: number,
  profile: DemandProfile,
  calendar: RunCalendar,
  surgeByDay: Float64Array,
): Float64Array {
  const hour = normalised(profile.hourOfDayMultipliers, 24);
  const byDay = dailyMultipliers(profile, calendar, surgeByDay);
  const base = meanPerDay / 24 / MINUTES_PER_HOUR;
  const out = new Float64Array(calendar.totalDays * 24);
  for (let d = 0; d < calendar.totalDays; d++) {
    for (let h = 0; h < 24; h++) out[d * 24 + h] = base * byDay[d] * hour[h];
  }
  return out;
}

/**
 * One value per simulated day from 12 month values (January first): multipliers renormalised to a
 * mean of 1 over the year when `renormalise`, else the values as given (e.g. shares of beds closed).
 */
export function monthValuesByDay(
  monthValues: readonly number[],
  calendar: RunCalendar,
  renormalise: boolean,
): Float64Array {
  const month = renormalise ? normalised(monthValues, 12) : Float64Array.from(monthValues);
  const out = new Float64Array(calendar.totalDays);
  for (let d = 0; d < calendar.totalDays; d++) out[d] = month[calendar.month[d]];
  return out;
}

/** Whether every one of `values` is 1 (a flat profile: seasonality off). */
export function isFlat(values: readonly number[]): boolean {
  return values.every((v) => v === 1);
}
