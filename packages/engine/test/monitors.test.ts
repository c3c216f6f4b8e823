import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BinnedHistogram,
  Counter,
  DailySeries,
  exponential,
  HISTOGRAM_RELATIVE_ERROR,
  Histogram,
  lognormal,
  RandomStreams,
  SimulationError,
  Tally,
  TimeWeighted,
} from '../src/index.js';

const SEED = 4242;

/** The ⌈q·n⌉-th smallest (nearest-rank quantile), the definition `Histogram.quantile` approximates. */
function exactQuantile(sorted: Float64Array, q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
}

/** Reference mean and variance: two passes over values shifted by the first (exact subtraction near it). */
function twoPass(xs: readonly number[]): { mean: number; variance: number } {
  const shift = xs[0];
  const shiftedMean = xs.reduce((a, x) => a + (x - shift), 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - shift - shiftedMean) ** 2, 0) / (xs.length - 1);
  return { mean: shift + shiftedMean, variance };
}

describe('Counter', () => {
  it('counts, merges, resets and round-trips through JSON', () => {
    const a = new Counter();
    const b = new Counter();
    a.increment();
    a.increment(4);
    b.increment(2);
    expect(a.merge(b).count).toBe(7);
    expect(Counter.fromJSON(JSON.parse(JSON.stringify(a))).count).toBe(7);
    a.reset();
    expect(a.count).toBe(0);
  });
});

describe('Tally', () => {
  it('Welford matches a two-pass computation on data with a large offset', () => {
    const classic = new Tally();
    for (const x of [4, 7, 13, 16]) classic.record(1e9 + x);
    expect(classic.mean).toBe(1e9 + 10);
    expect(classic.variance).toBeCloseTo(30, 6);

    const stream = new RandomStreams(SEED).stream('tally.offset');
    const xs: number[] = [];
    for (let i = 0; i < 100_000; i++) xs.push(1e9 + stream.uniform());
    const tally = new Tally();
    for (const x of xs) tally.record(x);
    const exact = twoPass(xs);
    let sumSquares = 0;
    for (const x of xs) sumSquares += x * x;
    const naive = (sumSquares - xs.length * exact.mean ** 2) / (xs.length - 1);
    expect(tally.count).toBe(xs.length);
    // Within 1e-14 relative (about 80 ulps of 1e9) of the exact mean.
    expect(Math.abs(tally.mean - exact.mean)).toBeLessThan(1e-14 * 1e9);
    // sd ≈ 0.29 on values ≈ 1e9 (ulp 1.2e-7): Welford's running mean carries ~ulp/sd ≈ 4e-7 relative
    // error into the variance; the naive Σx² − n·mean² loses every digit.
    expect(Math.abs(tally.variance / exact.variance - 1)).toBeLessThan(1e-5);
    expect(Math.abs(naive / exact.variance - 1)).toBeGreaterThan(1);
    expect(tally.min).toBe(Math.min(...xs));
    expect(tally.max).toBe(Math.max(...xs));
  });

  it('merging pieces equals recording everything in one (up to rounding), in any split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 0, maxLength: 60 }),
        fc.array(fc.nat({ max: 60 }), { maxLength: 4 }),
        (xs, cuts) => {
          const whole = new Tally();
          for (const x of xs) whole.record(x);
          const bounds = [0, ...cuts.map((c) => Math.min(c, xs.length)).sort((a, b) => a - b), xs.length];
          const merged = new Tally();
          for (let i = 0; i + 1 < bounds.length; i++) {
            const part = new Tally();
            for (const x of xs.slice(bounds[i], bounds[i + 1])) part.record(x);
            merged.merge(Tally.fromJSON(JSON.parse(JSON.stringify(part))));
          }
          expect(merged.count).toBe(whole.count);
          if (xs.length === 0) return;
          const scale = Math.max(...xs.map(Math.abs), 1);
          expect(Math.abs(merged.mean - whole.mean)).toBeLessThanOrEqual(1e-9 * scale);
          expect(merged.min === whole.min && merged.max === whole.max).toBe(true);
          if (xs.length > 1) {
            expect(Math.abs(merged.variance - whole.variance)).toBeLessThanOrEqual(1e-9 * scale * scale);
          }
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('reports NaN when undefined and rejects non-finite values', () => {
    const t = new Tally();
    expect([t.mean, t.variance, t.min, t.max]).toEqual([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
    t.record(3);
    expect([t.mean, t.variance, t.populationVariance, t.sum]).toEqual([3, Number.NaN, 0, 3]);
    expect(() => t.record(Number.NaN)).toThrow(SimulationError);
    expect(() => t.record(Number.POSITIVE_INFINITY)).toThrow(
      /Tally: recorded value must be finite; got Infinity/,
    );
  });
});

describe('TimeWeighted', () => {
  it('time-weighted mean and max on a hand-checked trace', () => {
    // Queue length: 0 on [0,2), 3 on [2,5), 1 on [5,9), 4 held for zero time at 9, 2 on [9,10).
    // Area = 0·2 + 3·3 + 1·4 + 2·1 = 15 over 10 minutes: mean 1.5.
    // Squares: 9·3 + 1·4 + 4·1 = 35 → variance 3.5 − 2.25 = 1.25.
    const q = new TimeWeighted();
    q.update(2, 3);
    q.update(5, 1);
    q.update(9, 4);
    q.update(9, 2);
    q.finish(10);
    expect(q.area).toBe(15);
    expect(q.durationMinutes).toBe(10);
    expect(q.mean).toBe(1.5);
    expect(q.variance).toBeCloseTo(1.25, 12);
    expect(q.max).toBe(4);
    expect(q.min).toBe(0);
    expect(q.level).toBe(2);
  });

  it('resets at the end of warm-up, keeping the current level', () => {
    const beds = new TimeWeighted({ startAtMinutes: 0, level: 10 });
    beds.update(100, 20); // warm-up: 10 beds for 100 minutes
    beds.reset(150); // 20 beds held through the reset
    beds.update(170, 30);
    beds.finish(190);
    // After reset: 20 on [150,170), 30 on [170,190) → mean 25 over 40 minutes.
    expect(beds.durationMinutes).toBe(40);
    expect(beds.mean).toBe(25);
    expect(beds.min).toBe(20);
    expect(beds.max).toBe(30);
  });

  it('areas up to now, over the window and since the start, and a late correction', () => {
    // In department: 2 from 0, 3 from 10; window from 20 (end of warm-up); 4 from 30.
    const q = new TimeWeighted({ level: 2 });
    q.update(10, 3);
    q.reset(20);
    q.update(30, 4);
    expect(q.areaUntil(40)).toBe(3 * 10 + 4 * 10);
    expect(q.meanUntil(40)).toBe((3 * 10 + 4 * 10) / 20);
    expect(q.totalAreaUntil(40)).toBe(2 * 10 + 3 * 10 + 3 * 10 + 4 * 10);
    // Someone counted in the level since minute 15 had in fact left then: one fewer on [15, 30).
    q.correct(15, 30, -1);
    expect(q.areaUntil(40)).toBe(3 * 10 + 4 * 10 - 10);
    expect(q.totalAreaUntil(40)).toBe(120 - 15);
    expect(() => q.correct(25, 35, -1)).toThrow(/last update \(30\)/);
  });

  it('merging replications gives the duration-weighted mean; JSON round-trips', () => {
    const a = new TimeWeighted();
    a.update(0, 2);
    a.finish(10); // mean 2 over 10
    const b = new TimeWeighted({ startAtMinutes: 100, level: 5 });
    b.update(130, 1);
    b.finish(130); // mean 5 over 30
    const merged = TimeWeighted.fromJSON(JSON.parse(JSON.stringify(a))).merge(b);
    expect(merged.durationMinutes).toBe(40);
    expect(merged.mean).toBe((20 + 150) / 40);
    expect(merged.max).toBe(5);
    expect(merged.min).toBe(0);
  });

  it('rejects time going backwards and non-finite levels', () => {
    const q = new TimeWeighted({ startAtMinutes: 5 });
    expect(() => q.update(4, 1)).toThrow(/must not go backwards.*last update at 5, now 4/);
    expect(() => q.update(6, Number.NaN)).toThrow(SimulationError);
    expect(new TimeWeighted().mean).toBeNaN();
  });
});

describe('Histogram', () => {
  const stream = new RandomStreams(SEED).stream('histogram');
  const waits = lognormal({ mean: 180, sd: 240 });
  const values = new Float64Array(200_000);
  for (let i = 0; i < values.length; i++) {
    // A fifth are seen at once (zero wait); the rest lognormal minutes.
    values[i] = stream.uniform() < 0.2 ? 0 : waits.sample(stream);
  }
  const sorted = Float64Array.from(values).sort();
  const quantiles = [0, 0.001, 0.1, 0.2, 0.21, 0.5, 0.9, 0.95, 0.99, 0.999, 1];

  it(`quantiles are within the stated relative error (${HISTOGRAM_RELATIVE_ERROR}) of the exact ones`, () => {
    const h = new Histogram();
    for (const v of values) h.record(v);
    expect(h.count).toBe(values.length);
    for (const q of quantiles) {
      const exact = exactQuantile(sorted, q);
      const estimate = h.quantile(q);
      if (exact === 0) expect(estimate, `q = ${q}`).toBe(0);
      else
        expect(Math.abs(estimate - exact) / exact, `q = ${q}`).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR);
    }
    expect(h.min).toBe(0);
    expect(h.max).toBe(sorted[sorted.length - 1]);
    expect(h.mean).toBeCloseTo(values.reduce((a, b) => a + b) / values.length, 6);
  });

  it('quantile error bound holds on adversarial data spanning many decades (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, q) => {
          const h = new Histogram();
          for (const x of xs) h.record(x);
          const exact = exactQuantile(Float64Array.from(xs).sort(), q);
          expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('fractionAtOrBelow is exact at bucket edges such as 240 minutes, including values equal to it', () => {
    const h = new Histogram();
    const data = [0, 12.5, 60, 239.9, 240, 240, 240.0001, 300, 1440, 5000];
    for (const v of data) h.record(v);
    for (const x of [0, 60, 240, 360, 720, 1440]) {
      expect(h.fractionAtOrBelow(x), `x = ${x}`).toBe(data.filter((v) => v <= x).length / data.length);
    }
    expect(h.fractionAtOrBelow(-1)).toBe(0);
    expect(h.fractionAtOrBelow(1e9)).toBe(1);
    const big = new Histogram();
    for (const v of values) big.record(v);
    const exact = values.filter((v) => v <= 240).length / values.length;
    expect(big.fractionAtOrBelow(240)).toBe(exact);
    // Off an edge, the answer lies between the exact shares at the surrounding edges.
    const off = big.fractionAtOrBelow(250);
    const exact250 = values.filter((v) => v <= 250).length / values.length;
    expect(Math.abs(off - exact250)).toBeLessThan(0.002);
  });

  it('merge equals recording everything in one, exactly, also after a JSON round trip', () => {
    const whole = new Histogram();
    for (const v of values) whole.record(v);
    const shards = [new Histogram(), new Histogram(), new Histogram()];
    // Uneven shards with different ranges: the small values in one, the large in another.
    values.forEach((v, i) => {
      shards[v < 30 ? 0 : v > 2000 ? 1 : i % 3].record(v);
    });
    const merged = new Histogram();
    for (const s of shards) merged.merge(Histogram.fromJSON(JSON.parse(JSON.stringify(s.toJSON()))));
    const a = whole.toJSON();
    const b = merged.toJSON();
    expect(b.counts).toEqual(a.counts);
    expect(b.firstIndex).toBe(a.firstIndex);
    expect([b.count, b.zeroCount, b.min, b.max]).toEqual([a.count, a.zeroCount, a.min, a.max]);
    expect(b.sum).toBeCloseTo(a.sum, 3);
    for (const q of quantiles) expect(merged.quantile(q)).toBe(whole.quantile(q));
    expect(merged.fractionAtOrBelow(240)).toBe(whole.fractionAtOrBelow(240));
  });

  it('empty, reset, and bad input', () => {
    const h = new Histogram();
    expect(h.quantile(0.5)).toBeNaN();
    expect(h.mean).toBeNaN();
    expect(Histogram.fromJSON(JSON.parse(JSON.stringify(h))).count).toBe(0);
    expect(() => h.record(-1)).toThrow(/Histogram: recorded value must be a finite number ≥ 0; got -1/);
    expect(() => h.record(Number.NaN)).toThrow(SimulationError);
    expect(() => h.record(Number.POSITIVE_INFINITY)).toThrow(SimulationError);
    h.record(5);
    expect(() => h.quantile(1.5)).toThrow(/quantile must be in \[0, 1\]; got 1.5/);
    h.reset();
    expect(h.count).toBe(0);
    h.record(7);
    expect(h.quantile(0.5)).toBe(7);
    expect(() => Histogram.fromJSON({ ...h.toJSON(), count: 3 })).toThrow(/must equal count/);
    expect(() => Histogram.fromJSON({ ...h.toJSON(), subBucketBits: 8 })).toThrow(/subBucketBits/);
  });

  it('memory stays flat: a million exponential values use a few thousand buckets', () => {
    const h = new Histogram();
    const s = new RandomStreams(SEED).stream('histogram.flat');
    const d = exponential({ mean: 30 });
    for (let i = 0; i < 1_000_000; i++) h.record(d.sample(s));
    expect(h.toJSON().counts.length).toBeLessThan(128 * 40);
  });
});

describe('BinnedHistogram', () => {
  it('bins from 0 with an open last bin; exact count, sum, mean and max', () => {
    const h = new BinnedHistogram({ binWidth: 5, binCount: 4 });
    for (const v of [0, 4.9, 5, 12, 19.99, 20, 300]) h.record(v);
    expect(Array.from(h.counts)).toEqual([2, 1, 1, 3]);
    expect(h.count).toBe(7);
    expect(h.sum).toBeCloseTo(361.89, 10);
    expect(h.max).toBe(300);
    expect(h.mean).toBeCloseTo(361.89 / 7, 10);
    expect(new BinnedHistogram({ binWidth: 1, binCount: 3 }).quantile(0.5)).toBeNaN();
  });

  it('quantiles interpolate within the bin (error at most a bin width against the sample quantile)', () => {
    const stream = new RandomStreams(SEED).stream('binned');
    const h = new BinnedHistogram({ binWidth: 5, binCount: 2016 });
    const values: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const v = -100 * Math.log(stream.uniform());
      values.push(v);
      h.record(v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.1, 0.5, 0.9, 0.95, 0.99]) {
      const exact = values[Math.ceil(q * values.length) - 1];
      expect(Math.abs(h.quantile(q) - exact)).toBeLessThanOrEqual(5);
    }
    // Ten equal values in bin [10, 15): the median sits halfway through the bin.
    const flat = new BinnedHistogram({ binWidth: 5, binCount: 10 });
    for (let i = 0; i < 10; i++) flat.record(12);
    expect(flat.quantile(0.5)).toBe(12.5);
  });

  it('merges exactly by adding counts, refuses other bins, and trims trailing empty bins', () => {
    const a = new BinnedHistogram({ binWidth: 0.25, binCount: 8 });
    const b = a.emptyCopy();
    a.record(0.1);
    b.record(0.6);
    b.record(0.7);
    a.merge(b);
    expect(a.count).toBe(3);
    expect(a.trimmedCounts()).toEqual([1, 0, 2]);
    expect(() => a.merge(new BinnedHistogram({ binWidth: 0.5, binCount: 8 }))).toThrow(/bins differ/);
    expect(() => a.record(-1)).toThrow(SimulationError);
    a.reset();
    expect(a.trimmedCounts()).toEqual([]);
  });
});

describe('DailySeries', () => {
  it('holds one array per declared series and refuses undeclared names', () => {
    const day = new DailySeries(['attendances', 'within4h'] as const, 3);
    day.of('attendances')[1] += 2;
    day.of('within4h')[2]++;
    expect(Array.from(day.of('attendances'))).toEqual([0, 2, 0]);
    expect(day.of('within4h')).toBe(day.of('within4h'));
    // A misspelt name is a type error; at run time it throws rather than reading zeros.
    expect(() => (day as DailySeries<string>).of('withn4h')).toThrow(
      /no series 'withn4h'; declared: attendances, within4h/,
    );
    expect(() => new DailySeries(['a', 'a'], 1)).toThrow(/declared twice/);
  });
});
