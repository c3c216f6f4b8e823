import { describe, expect, it } from 'vitest';
import { StatsError } from '../src/stats/errors.js';
import {
  holmAdjust,
  MAX_REPLICATIONS_ESTIMATE,
  meanInterval,
  pairedDifference,
  relativeHalfWidth,
  replicationsForHalfWidth,
} from '../src/stats/intervals.js';
import { studentTQuantile } from '../src/stats/student-t.js';

/** xorshift32 with Box–Muller: a seeded standard normal source for the tests (never Math.random). */
function normalSource(seed: number): () => number {
  let state = seed >>> 0 || 1;
  const uniform = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return (state + 0.5) / 4294967296; // in (0, 1), so the log below is finite
  };
  let spare = Number.NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const z = spare;
      spare = Number.NaN;
      return z;
    }
    const radius = Math.sqrt(-2 * Math.log(uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** Exact binomial(n, p) quantile: the smallest k with P(X ≤ k) ≥ q. */
function binomialQuantile(n: number, p: number, q: number): number {
  let logPmf = n * Math.log(1 - p); // P(X = 0)
  let cumulative = 0;
  for (let k = 0; k <= n; k++) {
    cumulative += Math.exp(logPmf);
    if (cumulative >= q) return k;
    logPmf += Math.log((n - k) / (k + 1)) + Math.log(p / (1 - p));
  }
  return n;
}

describe('meanInterval', () => {
  it('matches a hand/SciPy computation', () => {
    const i = meanInterval([1, 2, 3, 4, 5]);
    expect(i.n).toBe(5);
    expect(i.mean).toBe(3);
    expect(i.sd).toBeCloseTo(Math.sqrt(2.5), 15);
    expect(i.halfWidth).toBeCloseTo(1.9632431614775572, 13); // scipy t.ppf(0.975, 4)·sd/√5
    expect(i.ciLow).toBe(3 - i.halfWidth);
    expect(i.ciHigh).toBe(3 + i.halfWidth);
    expect(i.confidence).toBe(0.95);
    expect(meanInterval([1, 2, 3, 4, 5], 0.9).halfWidth).toBeCloseTo(1.5074433190623227, 13);
  });

  it('handles n = 0, 1 and 2', () => {
    const empty = meanInterval([]);
    for (const key of ['mean', 'sd', 'halfWidth', 'ciLow', 'ciHigh'] as const) expect(empty[key]).toBeNaN();
    expect(empty.n).toBe(0);
    const one = meanInterval([4.5]);
    expect(one).toMatchObject({ n: 1, mean: 4.5 });
    expect(one.sd).toBeNaN();
    expect(one.halfWidth).toBeNaN();
    expect(one.ciLow).toBeNaN();
    const two = meanInterval([1, 3]);
    expect(two.sd).toBeCloseTo(Math.SQRT2, 15);
    expect(two.halfWidth).toBeCloseTo(12.706204736174692, 12); // t(0.975, 1)·√2/√2
  });

  it('leaves out non-finite values and counts only the finite ones', () => {
    const clean = meanInterval([2, 4, 9]);
    const dirty = meanInterval([Number.NaN, 2, Number.POSITIVE_INFINITY, 4, Number.NEGATIVE_INFINITY, 9]);
    expect(dirty).toEqual(clean);
    expect(meanInterval([Number.NaN, Number.NaN]).n).toBe(0);
  });

  it('gives sd 0 and a zero-width interval for identical values', () => {
    const i = meanInterval([7.25, 7.25, 7.25, 7.25]);
    expect(i).toMatchObject({ n: 4, mean: 7.25, sd: 0, halfWidth: 0, ciLow: 7.25, ciHigh: 7.25 });
  });

  it('is bit-for-bit repeatable, and accurate for large offsets', () => {
    const next = normalSource(17);
    const values = Array.from({ length: 1000 }, () => 1e9 + next());
    const first = meanInterval(values);
    const second = meanInterval([...values]);
    expect(Object.is(first.mean, second.mean) && Object.is(first.halfWidth, second.halfWidth)).toBe(true);
    // A naive Σx² − n·x̄² would lose every digit of the unit variance at a 1e9 offset.
    expect(first.sd).toBeGreaterThan(0.9);
    expect(first.sd).toBeLessThan(1.1);
  });

  it('covers the true mean of normal samples at the nominal 95% rate', () => {
    const next = normalSource(20240611);
    const intervals = 2000;
    let covered = 0;
    for (let k = 0; k < intervals; k++) {
      const sample = Array.from({ length: 10 }, () => 5 + 2 * next());
      const i = meanInterval(sample);
      if (i.ciLow <= 5 && 5 <= i.ciHigh) covered += 1;
    }
    // The count of covering intervals is binomial(2000, 0.95); accept its central 99%.
    expect(covered).toBeGreaterThanOrEqual(binomialQuantile(intervals, 0.95, 0.005));
    expect(covered).toBeLessThanOrEqual(binomialQuantile(intervals, 0.95, 0.995));
  });

  it('refuses a confidence outside (0, 1)', () => {
    expect(() => meanInterval([1, 2], 95)).toThrow(StatsError);
    expect(() => meanInterval([1, 2], 0)).toThrow(/strictly between 0 and 1/);
  });
});

describe('pairedDifference', () => {
  const a = [10, 12, 11, 13, 14];
  const b = [9, 11.5, 10, 12, 13.5];

  it('matches SciPy (ttest_rel and a Welch interval)', () => {
    const d = pairedDifference(a, b);
    expect(d.n).toBe(5);
    expect(d.mean).toBeCloseTo(0.8, 14);
    expect(d.sd).toBeCloseTo(0.27386127875258304, 14);
    expect(d.halfWidth).toBeCloseTo(0.3400436903291278, 13);
    expect(d.pairedHalfWidth).toBe(d.halfWidth);
    expect(d.unpairedHalfWidth).toBeCloseTo(2.439507942659915, 12); // Satterthwaite df 7.9158
    expect(d.pValue).toBeCloseTo(0.0028378459267344473, 14);
  });

  it('uses only the pairs where both values are finite', () => {
    const d = pairedDifference([Number.NaN, ...a, 3], [1, ...b, Number.POSITIVE_INFINITY]);
    expect(d).toEqual(pairedDifference(a, b));
  });

  it('handles fewer than two pairs', () => {
    const one = pairedDifference([3], [1]);
    expect(one.mean).toBe(2);
    expect(one.pValue).toBeNaN();
    expect(one.unpairedHalfWidth).toBeNaN();
    expect(pairedDifference([], []).mean).toBeNaN();
  });

  it('treats identical differences as a degenerate test', () => {
    const shifted = pairedDifference([1, 2, 3], [0, 1, 2]);
    expect(shifted).toMatchObject({ mean: 1, sd: 0, halfWidth: 0, pValue: 0 });
    const same = pairedDifference([1, 2, 3], [1, 2, 3]);
    expect(same).toMatchObject({ mean: 0, sd: 0, pValue: 1 });
    expect(pairedDifference([4, 4, 4], [4, 4, 4]).unpairedHalfWidth).toBe(0);
  });

  it('refuses samples of different lengths', () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(/same length; got 2 and 1/);
  });
});

describe('holmAdjust', () => {
  it('steps down, keeps the input order and passes NaN through', () => {
    const adjusted = holmAdjust([0.01, 0.04, 0.03, Number.NaN, 0.005]);
    // m = 4: 0.005·4, max(0.01·3), max(0.03·2), max(0.04·1, 0.06).
    expect(adjusted[4]).toBeCloseTo(0.02, 15);
    expect(adjusted[0]).toBeCloseTo(0.03, 15);
    expect(adjusted[2]).toBeCloseTo(0.06, 15);
    expect(adjusted[1]).toBeCloseTo(0.06, 15);
    expect(adjusted[3]).toBeNaN();
  });

  it('caps at 1, handles ties and empty input, and refuses values outside [0, 1]', () => {
    expect(holmAdjust([0.5, 0.9, 0.5])).toEqual([1, 1, 1]);
    expect(holmAdjust([0.02, 0.02])).toEqual([0.04, 0.04]);
    expect(holmAdjust([])).toEqual([]);
    expect(holmAdjust([Number.NaN])[0]).toBeNaN();
    expect(() => holmAdjust([0.1, 1.5])).toThrow(/pValues\[1\]/);
  });

  it('is never below the raw p-values and preserves their order', () => {
    const next = normalSource(5);
    const raw = Array.from({ length: 30 }, () => Math.abs(next()) / 4);
    const adjusted = holmAdjust(raw);
    for (let i = 0; i < raw.length; i++) {
      expect(adjusted[i]).toBeGreaterThanOrEqual(raw[i]);
      for (let j = 0; j < raw.length; j++)
        if (raw[i] < raw[j]) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]);
    }
  });
});

describe('replicationsForHalfWidth', () => {
  const halfWidthAt = (sd: number, n: number): number => (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);

  it('finds the smallest count that reaches the target', () => {
    // t(0.975, 17)/√18 = 0.4973 ≤ 0.5 < t(0.975, 16)/√17 = 0.5142.
    expect(replicationsForHalfWidth(1, 5, 0.5)).toBe(18);
    for (const target of [3, 1, 0.37, 0.1, 0.02]) {
      const n = replicationsForHalfWidth(1, 0, target);
      expect(halfWidthAt(1, n)).toBeLessThanOrEqual(target);
      if (n > 2) expect(halfWidthAt(1, n - 1)).toBeGreaterThan(target);
    }
  });

  it('never goes below the current count or 2', () => {
    expect(replicationsForHalfWidth(1, 40, 0.5)).toBe(40);
    expect(replicationsForHalfWidth(0, 0, 0.1)).toBe(2);
    expect(replicationsForHalfWidth(0, 0, 0)).toBe(2);
  });

  it('caps, passes NaN through and refuses bad arguments', () => {
    expect(replicationsForHalfWidth(1, 2, 0)).toBe(MAX_REPLICATIONS_ESTIMATE);
    expect(replicationsForHalfWidth(1e6, 2, 1)).toBe(MAX_REPLICATIONS_ESTIMATE);
    expect(replicationsForHalfWidth(Number.NaN, 10, 1)).toBeNaN();
    expect(replicationsForHalfWidth(1, 10, Number.NaN)).toBeNaN();
    expect(() => replicationsForHalfWidth(-1, 10, 1)).toThrow(StatsError);
    expect(() => replicationsForHalfWidth(1, 2.5, 1)).toThrow(/integer/);
  });
});

describe('relativeHalfWidth', () => {
  it('divides by |mean|', () => {
    const i = meanInterval([-9, -10, -11]);
    expect(relativeHalfWidth(i)).toBeCloseTo(i.halfWidth / 10, 15);
    expect(relativeHalfWidth(meanInterval([-1, 1]))).toBe(Number.POSITIVE_INFINITY);
    expect(relativeHalfWidth(meanInterval([1]))).toBeNaN();
  });
});
