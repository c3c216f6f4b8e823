/**
 * Quick correctness checks of the benchmark workloads (not their speed): the callback and process
 * implementations of each workload must give identical results for the same seed, and W1 must
 * agree with Erlang C within a confidence interval over replications with fixed seeds.
 */
import { describe, expect, it } from 'vitest';
import { runW1, W1_ERLANG_C_WAIT_HOURS } from '../packages/cli/src/bench/w1.js';
import { runW2 } from '../packages/cli/src/bench/w2.js';

describe('W1 (M/M/10)', () => {
  it('callback and process styles give identical runs', () => {
    const callback = runW1('callback', 20_000, 7);
    const process = runW1('process', 20_000, 7);
    expect(process).toEqual(callback);
    expect(callback.customers).toBe(20_000);
  });

  it('mean wait agrees with Erlang C (0.6687 h) within a 99.9% interval over 8 replications', () => {
    const means = Array.from(
      { length: 8 },
      (_v, seed) => runW1('callback', 100_000, 1000 + seed).meanWaitHours,
    );
    const mean = means.reduce((a, b) => a + b, 0) / means.length;
    const sd = Math.sqrt(means.reduce((a, b) => a + (b - mean) ** 2, 0) / (means.length - 1));
    const halfWidth = 5.41 * (sd / Math.sqrt(means.length)); // t(0.9995, 7 df) = 5.41
    expect(Math.abs(mean - W1_ERLANG_C_WAIT_HOURS)).toBeLessThan(halfWidth);
  });
});

describe('W2 (ED and ward with blocking)', () => {
  it('callback and process styles give identical runs, with a mean ED time in the documented 7–9 h', () => {
    const callback = runW2('callback', 20, 90, 11);
    const process = runW2('process', 20, 90, 11);
    expect(process).toEqual(callback);
    expect(callback.meanEdTimeInSystemHours).toBeGreaterThan(7);
    expect(callback.meanEdTimeInSystemHours).toBeLessThan(9);
  });
});
