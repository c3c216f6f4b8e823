import { describe, expect, it } from 'vitest';
import { StatsError } from '../src/stats/errors.js';
import { type MeanInterval, meanInterval } from '../src/stats/intervals.js';
import {
  allTargetsReached,
  lookAheadReplications,
  nextBatchSize,
  type PrecisionCheck,
  precisionReached,
  precisionVerdict,
  type ReplicationSchedule,
} from '../src/stats/precision.js';

function interval(mean: number, halfWidth: number, n = 10): MeanInterval {
  return { n, mean, sd: 1, halfWidth, ciLow: mean - halfWidth, ciHigh: mean + halfWidth, confidence: 0.95 };
}

describe('precisionReached', () => {
  it('compares absolute and relative half-widths, inclusive of the target', () => {
    expect(precisionReached(interval(100, 4), { halfWidth: 5, relative: false })).toBe(true);
    expect(precisionReached(interval(100, 5), { halfWidth: 5, relative: false })).toBe(true);
    expect(precisionReached(interval(100, 6), { halfWidth: 5, relative: false })).toBe(false);
    expect(precisionReached(interval(-100, 4), { halfWidth: 0.05, relative: true })).toBe(true);
    expect(precisionReached(interval(-100, 6), { halfWidth: 0.05, relative: true })).toBe(false);
  });

  it('is never reached without an interval, or relatively around a zero mean', () => {
    expect(precisionReached(meanInterval([3]), { halfWidth: 1e9, relative: false })).toBe(false);
    expect(precisionReached(meanInterval([]), { halfWidth: 1, relative: true })).toBe(false);
    expect(precisionReached(interval(0, 0.1), { halfWidth: 0.5, relative: true })).toBe(false);
    expect(precisionReached(interval(0, 0), { halfWidth: 0.5, relative: true })).toBe(true);
  });

  it('refuses a target that is not a positive finite number', () => {
    expect(() => precisionReached(interval(1, 1), { halfWidth: 0, relative: false })).toThrow(StatsError);
    expect(() => precisionReached(interval(1, 1), { halfWidth: Number.NaN, relative: true })).toThrow(/> 0/);
  });
});

describe('allTargetsReached', () => {
  const intervals: Record<string, MeanInterval> = { wait: interval(10, 0.4), beds: interval(50, 5) };
  const lookup = (key: string): MeanInterval | undefined => intervals[key];

  it('needs every target, and is true with none', () => {
    expect(allTargetsReached([{ metricKey: 'wait', halfWidth: 0.05, relative: true }], lookup)).toBe(true);
    const both = [
      { metricKey: 'wait', halfWidth: 0.05, relative: true },
      { metricKey: 'beds', halfWidth: 2, relative: false },
    ];
    expect(allTargetsReached(both, lookup)).toBe(false);
    expect(allTargetsReached([], lookup)).toBe(true);
  });

  it('refuses a target for a metric it cannot find, even after a miss', () => {
    const targets = [
      { metricKey: 'beds', halfWidth: 2, relative: false },
      { metricKey: 'wiat', halfWidth: 1, relative: false },
    ];
    expect(() => allTargetsReached(targets, lookup)).toThrow(/'wiat'/);
  });
});

describe('nextBatchSize', () => {
  const schedule: ReplicationSchedule = {
    initialReplications: 10,
    batchReplications: 5,
    maxReplications: 32,
  };

  it('walks the fixed boundaries 0 → initial → initial + batch → … → max', () => {
    const counts: number[] = [];
    for (let n = 0, k = nextBatchSize(n, schedule); k > 0; k = nextBatchSize(n, schedule)) {
      n += k;
      counts.push(n);
    }
    expect(counts).toEqual([10, 15, 20, 25, 30, 32]);
  });

  it('brings an off-boundary count up to the next boundary', () => {
    expect(nextBatchSize(4, schedule)).toBe(6);
    expect(nextBatchSize(12, schedule)).toBe(3);
    expect(nextBatchSize(15, schedule)).toBe(5);
    expect(nextBatchSize(32, schedule)).toBe(0);
    expect(nextBatchSize(40, schedule)).toBe(0);
  });

  it('refuses schedules that cannot make an interval or run backwards', () => {
    expect(() => nextBatchSize(0, { ...schedule, initialReplications: 1 })).toThrow(/initialReplications/);
    expect(() => nextBatchSize(0, { ...schedule, batchReplications: 0 })).toThrow(/batchReplications/);
    expect(() => nextBatchSize(0, { ...schedule, maxReplications: 9 })).toThrow(/maxReplications/);
    expect(() => nextBatchSize(-1, schedule)).toThrow(/completed/);
  });
});

describe('lookAheadReplications', () => {
  it('is kLimit up to 100 replications, then grows with the solution', () => {
    expect(lookAheadReplications(20)).toBe(5);
    expect(lookAheadReplications(100)).toBe(5);
    expect(lookAheadReplications(400)).toBe(20);
    expect(lookAheadReplications(250, 3)).toBe(8);
  });
});

describe('precisionVerdict', () => {
  const checks = (...pairs: [number, boolean][]): PrecisionCheck[] =>
    pairs.map(([n, reached]) => ({ n, reached }));

  it('waits for the look-ahead after precision is first met', () => {
    expect(precisionVerdict([], 100)).toMatchObject({ stop: false, reason: 'continue' });
    expect(precisionVerdict(checks([10, false], [12, true]), 100)).toEqual({
      stop: false,
      reason: 'continue',
      solutionN: 12,
    });
    expect(precisionVerdict(checks([10, false], [12, true], [14, true]), 100).stop).toBe(false);
    expect(precisionVerdict(checks([10, false], [12, true], [14, true], [17, true]), 100)).toEqual({
      stop: true,
      reason: 'precision',
      solutionN: 12,
    });
  });

  it('starts over when the precision is lost in the look-ahead', () => {
    const verdict = precisionVerdict(checks([10, true], [12, false], [14, true], [16, true]), 100);
    expect(verdict).toEqual({ stop: false, reason: 'continue', solutionN: 14 });
  });

  it('stops at the replication limit, precision or not', () => {
    expect(precisionVerdict(checks([10, false], [20, false]), 20)).toMatchObject({
      stop: true,
      reason: 'max-replications',
    });
    expect(precisionVerdict(checks([10, false], [20, false]), 20).solutionN).toBeNaN();
    expect(precisionVerdict(checks([18, false], [20, true]), 20)).toEqual({
      stop: true,
      reason: 'max-replications',
      solutionN: 20,
    });
  });

  it('refuses checks out of order', () => {
    expect(() => precisionVerdict(checks([10, true], [10, true]), 50)).toThrow(/increasing order/);
  });

  it('drives a deterministic loop to the same stopping point every time', () => {
    const schedule: ReplicationSchedule = {
      initialReplications: 5,
      batchReplications: 2,
      maxReplications: 200,
    };
    const target = { metricKey: 'x', halfWidth: 0.05, relative: true };
    const run = (): { n: number; solutionN: number; reason: string } => {
      // A deterministic stand-in for replication outputs: 10 ± 1 in a fixed, irregular pattern.
      const output = (r: number): number => 10 + Math.sin(r * 12.9898) * 1.7;
      const values: number[] = [];
      const history: PrecisionCheck[] = [];
      for (let k = nextBatchSize(0, schedule); k > 0; k = nextBatchSize(values.length, schedule)) {
        for (let i = 0; i < k; i++) values.push(output(values.length));
        history.push({ n: values.length, reached: allTargetsReached([target], () => meanInterval(values)) });
        const verdict = precisionVerdict(history, schedule.maxReplications);
        if (verdict.stop) return { n: values.length, solutionN: verdict.solutionN, reason: verdict.reason };
      }
      throw new Error('the schedule ended without a verdict');
    };
    const first = run();
    expect(first.reason).toBe('precision');
    expect(first.n - first.solutionN).toBeGreaterThanOrEqual(5);
    expect(run()).toEqual(first);
  });
});
