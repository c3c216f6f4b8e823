import { describe, expect, it } from 'vitest';
import { StatsError } from '../src/stats/errors.js';
import { MSER_BATCH_SIZE, mser5, mser5Replications } from '../src/stats/warmup.js';

/** Numerical Recipes' 32-bit LCG, uniform in [0, 1): the tests' seeded source (never Math.random). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Approximately standard normal noise: the sum of 12 uniforms minus 6 (mean 0, variance 1). */
function noise(uniform: () => number): number {
  let sum = 0;
  for (let k = 0; k < 12; k++) sum += uniform();
  return sum - 6;
}

/** Time constant of the test transient 10·e^(−i/τ): bias 1.35 (in noise sds) at 2τ, 0.025 at 6τ. */
const TAU = 50;

function transientSeries(uniform: () => number, length: number): number[] {
  return Array.from({ length }, (_, i) => 10 * Math.exp(-i / TAU) + noise(uniform));
}

describe('mser5', () => {
  it('truncates near the end of an exponential transient', () => {
    const result = mser5(transientSeries(lcg(1), 1000));
    expect(result.batches).toBe(200);
    expect(result.statistic).toHaveLength(101);
    expect(result.truncationIndex % MSER_BATCH_SIZE).toBe(0);
    // Keeping data with a bias above one noise sd (before 2τ) or deleting well past 6τ would both be failures.
    expect(result.truncationIndex).toBeGreaterThanOrEqual(2 * TAU);
    expect(result.truncationIndex).toBeLessThanOrEqual(6 * TAU);
    expect(result.reliable).toBe(true);
  });

  it('truncates little or nothing from a stationary series', () => {
    const uniform = lcg(2);
    const result = mser5(Array.from({ length: 1000 }, () => 3 + noise(uniform)));
    expect(result.truncationIndex).toBeLessThanOrEqual(50);
    expect(result.reliable).toBe(true);
  });

  it('computes the statistic as defined, taking the first minimum', () => {
    // Batch means 1, 3, 3, 3 (the 21st observation is an incomplete batch and is dropped).
    const series = [...Array(5).fill(1), ...Array(15).fill(3), 100];
    const result = mser5(series);
    expect(result.batches).toBe(4);
    // d = 0: mean 2.5, Σ(Y − 2.5)² = 2.25 + 3·0.25 = 3, over 4²; d = 1 and d = 2: no spread left.
    expect(result.statistic).toEqual([3 / 16, 0, 0]);
    expect(result.truncationIndex).toBe(5);
    expect(result.reliable).toBe(false); // only 4 batches
  });

  it('flags a minimum at the end of the allowed range as unreliable', () => {
    // A steady decline: every later start looks better, so the search runs into its limit.
    const uniform = lcg(3);
    const result = mser5(Array.from({ length: 500 }, (_, i) => 100 - 0.1 * i + 0.1 * noise(uniform)));
    expect(result.truncationIndex).toBe(5 * Math.floor(result.batches / 2));
    expect(result.reliable).toBe(false);
  });

  it('handles series too short for a batch, and refuses non-finite observations', () => {
    expect(mser5([1, 2, 3, 4])).toEqual({ truncationIndex: 0, batches: 0, statistic: [], reliable: false });
    expect(mser5([1, 2, 3, 4, 5]).statistic).toEqual([0]);
    expect(() => mser5([1, 2, Number.NaN])).toThrow(/observation 2 must be a finite number/);
  });

  it('is bit-for-bit repeatable', () => {
    const series = transientSeries(lcg(4), 600);
    expect(mser5([...series])).toEqual(mser5(series));
  });
});

describe('mser5Replications', () => {
  it('averages replications element-wise before applying the rule', () => {
    const uniform = lcg(5);
    const runs = Array.from({ length: 10 }, () => transientSeries(uniform, 1000));
    const result = mser5Replications(runs);
    expect(result.replications).toBe(10);
    expect(result.meanSeries).toHaveLength(1000);
    expect(result.meanSeries[7]).toBeCloseTo(runs.reduce((sum, run) => sum + run[7], 0) / 10, 12);
    expect(result).toMatchObject(mser5(result.meanSeries));
    expect(result.truncationIndex).toBeGreaterThanOrEqual(2 * TAU);
    expect(result.truncationIndex).toBeLessThanOrEqual(6 * TAU);
  });

  it('refuses no replications, unequal lengths and non-finite values', () => {
    expect(() => mser5Replications([])).toThrow(StatsError);
    expect(() =>
      mser5Replications([
        [1, 2, 3],
        [1, 2],
      ]),
    ).toThrow(/replication 1 has 2/);
    expect(() =>
      mser5Replications([
        [1, 2],
        [1, Number.POSITIVE_INFINITY],
      ]),
    ).toThrow(/replication 1/);
  });
});
