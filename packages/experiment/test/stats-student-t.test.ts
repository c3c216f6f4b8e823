import { describe, expect, it } from 'vitest';
import { StatsError } from '../src/stats/errors.js';
import { normalCdf, normalQuantile } from '../src/stats/normal.js';
import {
  studentTCdf,
  studentTDensity,
  studentTQuantile,
  studentTTwoSidedPValue,
} from '../src/stats/student-t.js';
import references from './student-t-references.json' with { type: 'json' };

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(tolerance);
}

describe('studentTQuantile', () => {
  // Printed table values, then mpmath's (student-t-references.json says which and how).
  const table = references.quantiles.map((r) => [r.p, r.df, r.t, r.relativeTolerance] as const);
  it('reads every reference row', () => expect([table.length, references.cdf.length]).toEqual([15, 6]));
  it.each(table)('t(%d, df %d) = %d to within %d relative, in both tails', (p, df, t, tolerance) => {
    expectRelative(studentTQuantile(p, df), t, tolerance);
    expectRelative(studentTQuantile(1 - p, df), -t, tolerance);
  });

  it('gives the closed forms for df 1 and 2 far into the tails', () => {
    for (const p of [1e-12, 1e-6, 0.01, 0.3, 0.49]) {
      expectRelative(studentTQuantile(p, 1), -1 / Math.tan(Math.PI * p), 1e-12);
      expectRelative(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-12);
    }
  });

  it('inverts the CDF for integer, non-integer, tiny and huge df', () => {
    for (const df of [0.3, 1, 1.5, 2.7, 5, 13.4, 60, 1e3, 1e5, 1e8]) {
      for (const p of [1e-15, 1e-8, 0.001, 0.025, 0.2, 0.4999, 0.5001, 0.8, 0.975, 0.999999]) {
        const t = studentTQuantile(p, df);
        const lower = p < 0.5 ? p : 1 - p;
        const back = p < 0.5 ? studentTCdf(t, df) : 1 - studentTCdf(t, df);
        expect(Math.abs(back - lower) / lower).toBeLessThan(1e-11);
      }
    }
  });

  it('handles the ends, the centre and missing input', () => {
    expect(studentTQuantile(0, 5)).toBe(Number.NEGATIVE_INFINITY);
    expect(studentTQuantile(1, 5)).toBe(Number.POSITIVE_INFINITY);
    expect(studentTQuantile(0.5, 5)).toBe(0);
    expect(studentTQuantile(Number.NaN, 5)).toBeNaN();
    // df 0.3 puts the 1e-300 quantile beyond the largest double.
    expect(studentTQuantile(1e-300, 0.3)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('converges to the normal quantile as df grows', () => {
    for (const p of [0.001, 0.05, 0.3, 0.9]) {
      expectRelative(studentTQuantile(p, 1e12), normalQuantile(p), 1e-11);
      expect(studentTQuantile(p, Number.POSITIVE_INFINITY)).toBe(normalQuantile(p));
    }
    // The printed table's last row.
    expectRelative(studentTQuantile(0.975, Number.POSITIVE_INFINITY), 1.95996398454, 1e-10);
  });

  it('refuses a p outside [0, 1] and df ≤ 0', () => {
    expect(() => studentTQuantile(1.2, 5)).toThrow(StatsError);
    expect(() => studentTQuantile(-0.1, 5)).toThrow(/p must be a probability/);
    expect(() => studentTQuantile(0.5, 0)).toThrow(/degrees of freedom/);
    expect(() => studentTQuantile(0.5, Number.NaN)).toThrow(StatsError);
  });
});

describe('studentTCdf', () => {
  // mpmath references, 40 digits.
  const reference = references.cdf.map((r) => [r.t, r.df, r.cdf] as const);
  it.each(reference)('P(T ≤ %d | df %d) matches a high-precision reference', (t, df, cdf) => {
    expectRelative(studentTCdf(t, df), cdf, 1e-12);
  });

  it('is the Cauchy CDF at df 1 and symmetric', () => {
    for (const t of [-30, -2, -0.1, 0, 0.7, 5, 1e6]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 14);
      expect(studentTCdf(t, 3.3) + studentTCdf(-t, 3.3)).toBeCloseTo(1, 15);
    }
    expect(studentTCdf(0, 7)).toBe(0.5);
    expect(studentTCdf(Number.POSITIVE_INFINITY, 7)).toBe(1);
    expect(studentTCdf(Number.NEGATIVE_INFINITY, 7)).toBe(0);
    expect(studentTCdf(1e300, 2)).toBe(1);
    expect(studentTCdf(Number.NaN, 7)).toBeNaN();
  });

  it('is increasing, and its slope is the density', () => {
    let previous = 0;
    for (let t = -8; t <= 8; t += 0.25) {
      const cdf = studentTCdf(t, 4.5);
      expect(cdf).toBeGreaterThan(previous);
      previous = cdf;
      const h = 1e-5;
      const slope = (studentTCdf(t + h, 4.5) - studentTCdf(t - h, 4.5)) / (2 * h);
      expect(Math.abs(slope - studentTDensity(t, 4.5))).toBeLessThan(1e-9);
    }
  });

  it('gives the normal CDF at df = Infinity', () => {
    expect(studentTCdf(1.959963984540054, Number.POSITIVE_INFINITY)).toBeCloseTo(0.975, 15);
    expectRelative(normalCdf(-10), 7.619853024160525e-24, 1e-12);
  });
});

describe('studentTTwoSidedPValue', () => {
  it('keeps tiny p-values that 1 − CDF would round to zero', () => {
    const p = studentTTwoSidedPValue(40, 10);
    expectRelative(p, 2 * 1.1404288715428774e-12, 1e-12);
    expect(studentTTwoSidedPValue(-40, 10)).toBe(p);
    expect(studentTTwoSidedPValue(0, 3)).toBe(1);
    expect(studentTTwoSidedPValue(Number.NaN, 3)).toBeNaN();
  });
});
