/**
 * Non-homogeneous Poisson arrivals against the integral of their rate. Fixed seeds; mean checks
 * allow z = 3.29 standard errors (two-sided 0.001 each; about ten such checks here, so the family
 * passes with ≥ 99% confidence when the generator is right); chi-square tests need p > 0.001.
 */
import { describe, expect, it } from 'vitest';
import {
  HOURS_PER_WEEK,
  MINUTES_PER_DAY,
  MINUTES_PER_HOUR,
  MINUTES_PER_WEEK,
  MINUTES_PER_YEAR,
  PoissonArrivals,
  RandomStreams,
  rateProfile,
  SimulationError,
  TabulatedArrivals,
} from '../src/index.js';
import { regularizedGammaQ } from '../src/special-functions.js';

const SEED = 77_031;
const Z = 3.29;

/** `fitted` = constraints beyond the first: 0 when expected counts sum to the observed total, -1 when they are unconditional. */
function chiSquarePValue(observed: ArrayLike<number>, expected: ArrayLike<number>, fitted = 0): number {
  let statistic = 0;
  for (let i = 0; i < observed.length; i++) statistic += (observed[i] - expected[i]) ** 2 / expected[i];
  return regularizedGammaQ((observed.length - 1 - fitted) / 2, statistic / 2);
}

/** All arrival times in [0, horizon) of one replication. */
function arrivalTimes(arrivals: Pick<PoissonArrivals, 'nextArrivalAt'>, replication: number): number[] {
  const stream = new RandomStreams(SEED, replication).stream('arrivals');
  const times: number[] = [];
  for (
    let t = arrivals.nextArrivalAt(0, stream);
    t < Number.POSITIVE_INFINITY;
    t = arrivals.nextArrivalAt(t, stream)
  ) {
    times.push(t);
  }
  return times;
}

// Typical emergency-department shape: quiet nights, a late-morning peak; Mondays busiest.
const HOUR_OF_DAY = [
  0.45, 0.38, 0.32, 0.28, 0.27, 0.3, 0.42, 0.6, 0.95, 1.3, 1.45, 1.5, 1.48, 1.42, 1.38, 1.35, 1.33, 1.3, 1.25,
  1.18, 1.08, 0.95, 0.78, 0.58,
];
const DAY_OF_WEEK = [1.12, 1.02, 0.99, 0.98, 0.99, 0.95, 0.95];

describe('rate profiles', () => {
  it('rescale hour-of-day and day-of-week shapes so the weekly mean is meanRatePerHour', () => {
    const profile = rateProfile({
      meanRatePerHour: 12,
      hourOfDayMultipliers: HOUR_OF_DAY,
      dayOfWeekMultipliers: DAY_OF_WEEK,
    });
    expect(profile.meanRatePerHour).toBeCloseTo(12, 12);
    const hourlyMean = HOUR_OF_DAY.reduce((a, b) => a + b) / 24;
    const dailyMean = DAY_OF_WEEK.reduce((a, b) => a + b) / 7;
    // Monday 10:00–11:00 is hour 10 of the week.
    expect(profile.ratesPerHourOfWeek[10]).toBeCloseTo((12 * 1.45 * 1.12) / hourlyMean / dailyMean, 12);
  });

  it('applies growth and seasonality per day, and starts on the given weekday', () => {
    const seasonal = [1.2, 1.1, 1, 1, 0.9, 0.9, 0.9, 0.9, 1, 1, 1.1, 1.2];
    const profile = rateProfile({
      meanRatePerHour: 10,
      annualGrowth: 0.054,
      seasonalMultipliersByMonth: seasonal,
      startDayOfWeek: 2,
      startDayOfYear: 31,
    });
    const dayWeighted = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].reduce(
      (s, d, m) => s + d * seasonal[m],
      0,
    );
    // Day 0 is 1 February; day 365 is 1 February a year later, 5.4% busier.
    expect(profile.dayMultiplier(0)).toBeCloseTo((1.1 * 365) / dayWeighted, 12);
    expect(profile.dayMultiplier(365) / profile.dayMultiplier(0)).toBeCloseTo(1.054, 12);
    expect(profile.dayMultiplier(28) / profile.dayMultiplier(27)).toBeCloseTo(
      (1 / 1.1) * 1.054 ** (1 / 365),
      12,
    );
    // Minute 0 is Wednesday 00:00: hour 48 of the week.
    expect(profile.hourOfWeekAt(0)).toBe(48);
    expect(profile.hourOfWeekAt(5 * MINUTES_PER_DAY + 30)).toBe((48 + 120) % HOURS_PER_WEEK);
  });

  it('reject bad input with the parameter named', () => {
    const bad: [() => unknown, RegExp][] = [
      [() => rateProfile({}), /exactly one of meanRatePerHour/],
      [() => rateProfile({ meanRatePerHour: -1 }), /meanRatePerHour .*-1/],
      [() => rateProfile({ meanRatePerHour: 1, hourOfDayMultipliers: [1, 2] }), /hourOfDayMultipliers .*24/],
      [
        () => rateProfile({ meanRatePerHour: 1, dayOfWeekMultipliers: [1, 1, 1, 1, 1, 1, -1] }),
        /dayOfWeekMultipliers\[6\] .*-1/,
      ],
      [
        () => rateProfile({ meanRatePerHour: 1, dayOfWeekMultipliers: [0, 0, 0, 0, 0, 0, 0] }),
        /not all zero/,
      ],
      [() => rateProfile({ ratesPerHourOfWeek: [1, 2, 3] }), /ratesPerHourOfWeek .*168/],
      [() => rateProfile({ meanRatePerHour: 1, annualGrowth: -1 }), /annualGrowth .*-1/],
      [() => rateProfile({ meanRatePerHour: 1, startDayOfWeek: 7 }), /startDayOfWeek .*7/],
      [() => rateProfile({ meanRatePerHour: 1, startDayOfYear: 365 }), /startDayOfYear .*365/],
      [
        () => rateProfile({ meanRatePerHour: 1, seasonalMultipliersByMonth: [1] }),
        /seasonalMultipliersByMonth/,
      ],
      [
        () => new PoissonArrivals({ profile: rateProfile({ meanRatePerHour: 1 }), horizonMinutes: 0 }),
        /horizonMinutes .*0/,
      ],
      [
        () =>
          new PoissonArrivals({
            profile: rateProfile({ meanRatePerHour: 1 }),
            horizonMinutes: 100,
            surges: [{ fromMinutes: 50, toMinutes: 40, factor: 2 }],
          }),
        /surges\[0\]\.toMinutes .*40/,
      ],
      [
        () =>
          new PoissonArrivals({
            profile: rateProfile({ meanRatePerHour: 1, multiplier: () => Number.NaN }),
            horizonMinutes: 100,
          }),
        /rate multiplier .*NaN/,
      ],
    ];
    for (const [make, message] of bad) {
      expect(make).toThrow(SimulationError);
      expect(make).toThrow(message);
    }
    const arrivals = new PoissonArrivals({
      profile: rateProfile({ meanRatePerHour: 1 }),
      horizonMinutes: 100,
    });
    const stream = new RandomStreams(SEED).stream('bad');
    expect(() => arrivals.nextArrivalAt(-1, stream)).toThrow(/nowMinutes .*-1/);
    expect(() => arrivals.nextArrivalAt(Number.NaN, stream)).toThrow(SimulationError);
    expect(arrivals.nextArrivalAt(100, stream)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('PoissonArrivals', () => {
  it('constant rate: inter-arrival times are exponential across hour boundaries (KS)', () => {
    const arrivals = new PoissonArrivals({
      profile: rateProfile({ meanRatePerHour: 7 }),
      horizonMinutes: 30 * MINUTES_PER_WEEK,
    });
    const times = arrivalTimes(arrivals, 0);
    const gaps = Float64Array.from(times.slice(1), (t, i) => t - times[i]).sort();
    const n = gaps.length;
    const meanGapMinutes = 60 / 7;
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = -Math.expm1(-gaps[i] / meanGapMinutes);
      d = Math.max(d, (i + 1) / n - f, f - i / n);
    }
    // Kolmogorov critical value at p = 0.001 is 1.949/√n.
    expect(d * Math.sqrt(n)).toBeLessThan(1.949);
  });

  it('a one-hour five-fold surge gets its expected arrivals, Poisson-distributed across replications', () => {
    const surgeFrom = 2 * MINUTES_PER_DAY + 14 * MINUTES_PER_HOUR; // Wednesday 14:00
    const arrivals = new PoissonArrivals({
      profile: rateProfile({ meanRatePerHour: 2 }),
      horizonMinutes: MINUTES_PER_WEEK,
      surges: [{ fromMinutes: surgeFrom, toMinutes: surgeFrom + MINUTES_PER_HOUR, factor: 5 }],
    });
    expect(arrivals.expectedArrivals(surgeFrom, surgeFrom + 60)).toBeCloseTo(10, 12);
    expect(arrivals.expectedArrivals(0, MINUTES_PER_WEEK)).toBeCloseTo(2 * 168 + 8, 9);
    const replications = 3000;
    const inSurge = new Float64Array(replications);
    let hourBefore = 0;
    let total = 0;
    for (let r = 0; r < replications; r++) {
      for (const t of arrivalTimes(arrivals, r)) {
        total++;
        if (t >= surgeFrom && t < surgeFrom + 60) inSurge[r]++;
        else if (t >= surgeFrom - 60 && t < surgeFrom) hourBefore++;
      }
    }
    const meanInSurge = inSurge.reduce((a, b) => a + b) / replications;
    expect(Math.abs(meanInSurge - 10)).toBeLessThan(Z * Math.sqrt(10 / replications));
    expect(Math.abs(hourBefore / replications - 2)).toBeLessThan(Z * Math.sqrt(2 / replications));
    expect(Math.abs(total / replications - 344)).toBeLessThan(Z * Math.sqrt(344 / replications));
    // Counts in the surge hour are Poisson(10): chi-square over 0..4, 5, …, 17, ≥ 18.
    const pmf = (k: number) => Math.exp(k * Math.log(10) - 10 - lnFactorial(k));
    const observed: number[] = [];
    const expected: number[] = [];
    let below = 0;
    for (let k = 0; k <= 4; k++) below += pmf(k);
    observed.push(inSurge.filter((c) => c <= 4).length);
    expected.push(below * replications);
    let used = below;
    for (let k = 5; k <= 17; k++) {
      observed.push(inSurge.filter((c) => c === k).length);
      expected.push(pmf(k) * replications);
      used += pmf(k);
    }
    observed.push(inSurge.filter((c) => c >= 18).length);
    expected.push((1 - used) * replications);
    expect(chiSquarePValue(observed, expected)).toBeGreaterThan(0.001);
  });

  it('arrivals by hour of week follow the profile (chi-square), and none come when the rate is zero', () => {
    // Open 08:00–20:00 on weekdays only, with a within-day shape.
    const table = new Array<number>(HOURS_PER_WEEK).fill(0);
    for (let day = 0; day < 5; day++)
      for (let h = 8; h < 20; h++) table[day * 24 + h] = 2 + (h - 8) * 0.5 + day;
    const profile = rateProfile({ ratesPerHourOfWeek: table, startDayOfWeek: 3 });
    const weeks = 40;
    const arrivals = new PoissonArrivals({ profile, horizonMinutes: weeks * MINUTES_PER_WEEK });
    const counts = new Float64Array(HOURS_PER_WEEK);
    for (const t of arrivalTimes(arrivals, 0)) counts[profile.hourOfWeekAt(t)]++;
    const open: number[] = [];
    const expected: number[] = [];
    for (let h = 0; h < HOURS_PER_WEEK; h++) {
      if (table[h] === 0) expect(counts[h], `closed hour ${h}`).toBe(0);
      else {
        open.push(counts[h]);
        expected.push(table[h] * weeks);
      }
    }
    expect(chiSquarePValue(open, expected, -1)).toBeGreaterThan(0.001);
  });

  it('totals and monthly counts match the integral of a growing, seasonal rate', () => {
    const seasonal = [1.25, 1.15, 1.05, 1, 0.95, 0.9, 0.85, 0.85, 0.95, 1, 1.1, 1.2];
    const profile = rateProfile({
      meanRatePerHour: 3,
      hourOfDayMultipliers: HOUR_OF_DAY,
      dayOfWeekMultipliers: DAY_OF_WEEK,
      annualGrowth: 0.054,
      seasonalMultipliersByMonth: seasonal,
      startDayOfWeek: 6,
      startDayOfYear: 90,
    });
    const horizonMinutes = 2 * MINUTES_PER_YEAR;
    const arrivals = new PoissonArrivals({ profile, horizonMinutes });
    // The integral computed independently, hour by hour from the profile.
    let integral = 0;
    for (let h = 0; h < horizonMinutes / 60; h++) integral += profile.ratePerHourAt(h * 60);
    expect(arrivals.expectedArrivals(0, horizonMinutes) / integral - 1).toBeLessThan(1e-12);
    const monthMinutes = 30 * MINUTES_PER_DAY;
    const months = Math.floor(horizonMinutes / monthMinutes);
    const replications = 20;
    const monthly = new Float64Array(months);
    let total = 0;
    for (let r = 0; r < replications; r++) {
      for (const t of arrivalTimes(arrivals, r)) {
        total++;
        const m = Math.floor(t / monthMinutes);
        if (m < months) monthly[m]++;
      }
    }
    expect(Math.abs(total / replications - integral)).toBeLessThan(Z * Math.sqrt(integral / replications));
    const expectedMonthly = Array.from(
      { length: months },
      (_, m) => arrivals.expectedArrivals(m * monthMinutes, (m + 1) * monthMinutes) * replications,
    );
    expect(chiSquarePValue(monthly, expectedMonthly, -1)).toBeGreaterThan(0.001);
  });

  it('draws exactly one uniform per call, so common random numbers stay aligned', () => {
    const busy = new PoissonArrivals({ profile: rateProfile({ meanRatePerHour: 50 }), horizonMinutes: 1e6 });
    const quiet = new PoissonArrivals({
      profile: rateProfile({ meanRatePerHour: 0.01 }),
      horizonMinutes: 1e6,
    });
    const a = new RandomStreams(SEED).stream('crn');
    const b = new RandomStreams(SEED).stream('crn');
    for (let i = 0; i < 500; i++) {
      busy.nextArrivalAt(i * 10, a);
      quiet.nextArrivalAt(i * 10, b);
    }
    expect(a.uniform()).toBe(b.uniform());
  });
});

describe('TabulatedArrivals', () => {
  it('counts per piece follow the table (chi-square), and none come where the rate is zero', () => {
    // 14 days of hourly rates: a daily shape, a closed hour each day, a surge on day 9.
    const rates: number[] = [];
    for (let d = 0; d < 14; d++) {
      for (let h = 0; h < 24; h++) rates.push(h === 3 ? 0 : ((1 + Math.sin(h / 4)) * (d === 9 ? 3 : 1)) / 60);
    }
    const arrivals = new TabulatedArrivals({ ratesPerMinute: rates, pieceMinutes: 60 });
    const observed = new Float64Array(rates.length);
    const replications = 40;
    for (let r = 0; r < replications; r++)
      for (const t of arrivalTimes(arrivals, r)) observed[Math.floor(t / 60)]++;
    const keep = rates.map((_rate, i) => i).filter((i) => rates[i] > 0);
    for (let i = 0; i < rates.length; i++) if (rates[i] === 0) expect(observed[i]).toBe(0);
    let statistic = 0;
    for (const i of keep) {
      const expected = replications * rates[i] * 60;
      statistic += (observed[i] - expected) ** 2 / expected;
    }
    expect(regularizedGammaQ(keep.length / 2, statistic / 2)).toBeGreaterThan(0.001);
    expect(arrivals.expectedArrivals(0, arrivals.horizonMinutes)).toBeCloseTo(
      rates.reduce((a, b) => a + b * 60, 0),
      9,
    );
  });

  it('a constant rate gives exponential gaps across piece boundaries (KS)', () => {
    const arrivals = new TabulatedArrivals({ ratesPerMinute: new Array(2000).fill(0.2), pieceMinutes: 7 });
    const times = arrivalTimes(arrivals, 0);
    const gaps = Float64Array.from(times.slice(1), (t, i) => t - times[i]).sort();
    const n = gaps.length;
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = -Math.expm1(-gaps[i] * 0.2);
      d = Math.max(d, (i + 1) / n - f, f - i / n);
    }
    expect(d * Math.sqrt(n)).toBeLessThan(1.949);
  });

  it('draws exactly one uniform per call, and gives Infinity past the table', () => {
    const busy = new TabulatedArrivals({ ratesPerMinute: [5, 5, 5], pieceMinutes: 1e5 });
    const quiet = new TabulatedArrivals({ ratesPerMinute: [0, 1e-9, 0], pieceMinutes: 1e5 });
    const a = new RandomStreams(SEED).stream('crn');
    const b = new RandomStreams(SEED).stream('crn');
    for (let i = 0; i < 300; i++) {
      busy.nextArrivalAt(i * 10, a);
      expect(quiet.nextArrivalAt(i * 10, b)).toBe(Number.POSITIVE_INFINITY);
    }
    expect(a.uniform()).toBe(b.uniform());
  });

  it('rejects bad tables and times with the parameter named', () => {
    expect(() => new TabulatedArrivals({ ratesPerMinute: [1, -1], pieceMinutes: 60 })).toThrow(
      /ratesPerMinute\[1\]/,
    );
    expect(() => new TabulatedArrivals({ ratesPerMinute: [1], pieceMinutes: 0 })).toThrow(SimulationError);
    const ok = new TabulatedArrivals({ ratesPerMinute: [1], pieceMinutes: 60 });
    expect(() => ok.nextArrivalAt(-1, new RandomStreams(1).stream('x'))).toThrow(/minutes/);
  });
});

function lnFactorial(k: number): number {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
}
