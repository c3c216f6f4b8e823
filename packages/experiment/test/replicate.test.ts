/**
 * The replication loop on toy models with known answers: common random numbers across arms, the
 * order-independence of every result, the precision rule's stopping point, arms that fail, and the
 * worker pool giving the same bits as this thread.
 */
import { RandomStreams } from '@carepool/engine';
import { describe, expect, it } from 'vitest';
import { ArmAccumulator } from '../src/accumulate.js';
import { differenceRows, summaryRows } from '../src/analysis.js';
import { replicate } from '../src/replicate.js';
import { meanInterval, pairedDifference } from '../src/stats/intervals.js';
import { type Arm, ExperimentError, type ModelFunction } from '../src/types.js';

/** A toy model: `noise` is the same in replication r of every arm (same stream), `shift` differs by arm. */
interface Toy {
  shift: number;
  sd: number;
  fail?: number;
}
const toy: ModelFunction<Toy> = (config, replication, seed) => {
  if (config.fail === replication) throw new ExperimentError(`replication ${replication} cannot run`);
  const streams = new RandomStreams(seed, replication);
  const u = streams.stream('noise');
  // Box–Muller from the named stream: a standard normal per replication.
  const z = Math.sqrt(-2 * Math.log(u.uniform())) * Math.cos(2 * Math.PI * u.uniform());
  const own = streams.stream(`own-${config.shift}`).uniform();
  return {
    metrics: [
      { metric: 'x.waitMinutes', scope: 'all', statistic: 'mean', value: 10 + config.shift + config.sd * z },
      { metric: 'x.ownShare', scope: 'all', statistic: 'value', value: own },
    ],
    daily: {
      keys: [{ metric: 'x.waitMinutes', scope: 'all' }],
      days: 2,
      dates: ['d0', 'd1'],
      values: [z, 2 * z],
    },
    histograms: [{ metric: 'x.waitMinutes', scope: 'all', binWidth: 1, counts: [replication, 1] }],
  };
};

const arm = (id: string, config: Toy): Arm<Toy> => ({
  id,
  scenario: 'toy',
  variant: 'base',
  sweepPoint: 'base',
  policy: id,
  config,
});
const judged = [{ metric: 'x.waitMinutes', scope: 'all', statistic: 'mean' }];
const analysis = { confidence: 0.95, direction: () => 'lowerIsBetter' as const, judged };

describe('replicate', () => {
  it('pairs replications across arms: common random numbers make the paired interval far tighter', async () => {
    const result = await replicate({
      arms: [arm('a', { shift: 0, sd: 3 }), arm('b', { shift: -0.5, sd: 3 })],
      seed: 1,
      replications: 20,
      model: toy,
    });
    const [d] = differenceRows(result, analysis).filter((r) => r.metric === 'x.waitMinutes');
    // The noise cancels exactly: the difference is the shift, known without error.
    expect(d.meanDiff).toBeCloseTo(-0.5, 12);
    expect(d.pairedHalfWidth).toBeLessThan(1e-9);
    expect(d.unpairedHalfWidth).toBeGreaterThan(1);
    expect(d.verdict).toBe('better');
    expect(d.n).toBe(20);
  });

  it('folds records the same whatever order they arrive in', async () => {
    const records = await Promise.all(
      Array.from({ length: 12 }, async (_, r) => ({
        ...(await toy({ shift: 0, sd: 1 }, r, 'x')),
        arm: 0,
        replication: r,
        wallSeconds: 0,
      })),
    );
    const inOrder = new ArmAccumulator(true);
    for (const r of records) inOrder.add(r);
    const reversed = new ArmAccumulator(true);
    for (const r of [...records].reverse()) reversed.add(r);
    expect(reversed.folded).toBe(12);
    expect(reversed.metrics).toEqual(inOrder.metrics);
    expect(Array.from(reversed.daily!.mean)).toEqual(Array.from(inOrder.daily!.mean));
    expect(Array.from(reversed.daily!.m2)).toEqual(Array.from(inOrder.daily!.m2));
    expect([...reversed.histograms.values()][0].counts).toEqual([66, 12]);
    expect(() => reversed.add(records[3])).toThrow(/arrived twice/);
  });

  it('reports an arm that fails and carries on with the others', async () => {
    const result = await replicate({
      arms: [arm('a', { shift: 0, sd: 1 }), arm('b', { shift: 0, sd: 1, fail: 3 })],
      seed: 1,
      replications: 5,
      model: toy,
    });
    expect(result.failures.get(1)).toEqual({
      replication: 3,
      errorName: 'ExperimentError',
      message: 'replication 3 cannot run',
    });
    expect(result.accumulators[0].folded).toBe(5);
    expect(summaryRows(result, 0.95).every((r) => r.arm === 0)).toBe(true);
  });

  it('throws on a bug (an error that is not the user’s)', async () => {
    const buggy: ModelFunction<Toy> = () => {
      throw new TypeError('undefined is not a function');
    };
    await expect(
      replicate({ arms: [arm('a', { shift: 0, sd: 1 })], seed: 1, replications: 2, model: buggy }),
    ).rejects.toThrow(/replication 0 of a: undefined is not a function/);
  });
});

describe('replications to a precision', () => {
  const target = {
    metric: 'x.waitMinutes',
    scope: 'all',
    statistic: 'mean',
    halfWidth: 0.5,
    relative: false,
  };
  /** 10 replications, then batches of 5 until `target` is met at two boundaries in a row, or the cap. */
  const untilPrecise = (arms: Arm<Toy>[], maxReplications = 500) =>
    replicate({
      arms,
      seed: 3,
      replications: 10,
      precision: { targets: [target], maxReplications, batchSize: 5, confidence: 0.95 },
      model: toy,
    });

  it('stops at the first batch boundary where the target held at this and the previous boundary', async () => {
    const arms = [arm('a', { shift: 0, sd: 2 })];
    const result = await untilPrecise(arms);
    // An independent reading of the rule on the same values.
    const all = await replicate({ arms, seed: 3, replications: 500, model: toy });
    const values = all.accumulators[0].metrics.map((rows) => rows[0].value);
    const met = (n: number) => meanInterval(values.slice(0, n), 0.95).halfWidth <= 0.5;
    let expected = 10;
    while (!(met(expected) && met(expected - 5) && expected > 10) && expected < 500) expected += 5;
    expect(result.replications).toBe(expected);
    expect(result.precision?.allMet).toBe(true);
    expect(result.precision?.stoppedBecause).toBe('targetsMet');
    // Roughly where theory puts it: (t·sd / h)² ≈ (1.98·2 / 0.5)² ≈ 63.
    expect(expected).toBeGreaterThan(40);
    expect(expected).toBeLessThan(100);
  });

  it('judges a comparison on the paired difference, and stops at the cap when it cannot be met', async () => {
    const arms = [arm('a', { shift: 0, sd: 2 }), arm('b', { shift: 1, sd: 2 })];
    const paired = await untilPrecise(arms);
    // Under common random numbers the difference is exact: met at the first two boundaries.
    expect(paired.replications).toBe(15);
    const capped = await untilPrecise([arm('a', { shift: 0, sd: 50 })], 30);
    expect(capped.replications).toBe(30);
    expect(capped.precision?.stoppedBecause).toBe('maxReplications');
    expect(capped.precision?.targets[0].met).toBe(false);
  });
});

describe('differences', () => {
  it('match an independent paired computation, with Holm over the judged family', async () => {
    const arms = [
      arm('a', { shift: 0, sd: 1 }),
      arm('b', { shift: 0.2, sd: 1 }),
      arm('c', { shift: 0, sd: 1 }),
    ];
    const result = await replicate({ arms, seed: 9, replications: 8, model: toy });
    const rows = differenceRows(result, analysis);
    const values = (a: number) => result.accumulators[a].metrics.map((m) => m[0].value);
    const d = pairedDifference(values(1), values(0), 0.95);
    const b = rows.find((r) => r.arm === 1 && r.metric === 'x.waitMinutes')!;
    expect(b.meanDiff).toBe(d.mean);
    expect(b.ciLow).toBe(d.ciLow);
    expect(b.verdict).toBe('worse');
    // The same configuration as the baseline: identical in every replication, so not a question.
    const c = rows.find((r) => r.arm === 2 && r.metric === 'x.waitMinutes')!;
    expect(c.verdict).toBe('identical');
    expect(c.adjustedPValue).toBeNaN();
    // Not judged (not a headline outcome): difference and interval, no verdict.
    expect(rows.find((r) => r.metric === 'x.ownShare')!.verdict).toBe('');
  });
});
