/**
 * Non-homogeneous Poisson arrivals against a piecewise-constant table of rates per simulated hour,
 * sampled exactly by inverting the cumulative rate: one uniform per arrival, whatever the profile.
 */
import { MINUTES_PER_HOUR as ENGINE_MINUTES_PER_HOUR, type RandomStream } from '@carepool/engine';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const MINUTES_PER_HOUR = ENGINE_MINUTES_PER_HOUR;

/**
 * The next arrival after `nowMinutes` for hourly rates `ratePerMinuteByHour` (index = hour since the
 * run started), or +Infinity if none falls before the table ends.
 */
export function nextArrivalAt(
  ratePerMinuteByHour: Float64Array,
  nowMinutes: number,
  stream: RandomStream,
): number {
  let remaining = -Math.log(stream.uniform());
  let t = nowMinutes;
  let hour = Math.floor(t / MINUTES_PER_HOUR);
  const n = ratePerMinuteByHour.length;
  while (hour < n) {
    const rate = ratePerMinuteByHour[hour];
    const end = (hour + 1) * MINUTES_PER_HOUR;
    const mass = rate * (end - t);
    if (remaining <= mass) return t + remaining / rate;
    remaining -= mass;
    t = end;
    hour++;
  }
  return Number.POSITIVE_INFINITY;
}

/** A minute within a day drawn from an hour-of-day profile (uniform within the hour). */
export function minuteOfDayFromProfile(cumulativeHourShares: Float64Array, stream: RandomStream): number {
  const u = stream.uniform();
  let h = 0;
  while (h < 23 && u > cumulativeHourShares[h]) h++;
  return (h + stream.uniform()) * MINUTES_PER_HOUR;
}

/** Cumulative shares of a 24-hour profile, for `minuteOfDayFromProfile`. */
export function cumulativeHourShares(hourMultipliers: readonly number[]): Float64Array {
  let sum = 0;
  for (const v of hourMultipliers) sum += v;
  const out = new Float64Array(24);
  let running = 0;
  for (let h = 0; h < 24; h++) {
    running += hourMultipliers[h] / sum;
    out[h] = running;
  }
  out[23] = 1;
  return out;
}

/** A Poisson count with mean `mean` (inversion for small means, normal approximation for large). */
export function poissonCount(mean: number, stream: RandomStream): number {
  if (!(mean > 0)) return 0;
  if (mean < 50) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = stream.uniform();
    while (p > limit) {
      k++;
      p *= stream.uniform();
    }
    return k;
  }
  // Normal approximation with continuity correction: exact enough for daily counts in the hundreds.
  const u1 = stream.uniform();
  const u2 = stream.uniform();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
}
