/**
 * The regression decision of `carepool bench`, on recorded samples (ratios to the reference loop
 * from real runs on the 2-core development machine) — no timing here: the median interval from order
 * statistics within a process, the figure over processes, the change against a baseline judged ok /
 * regression / too unstable, the exit code, the baseline file's checks, and the usage errors the command
 * gives before it measures anything.
 */
import { describe, expect, it } from 'vitest';
import {
  compareCase,
  comparisonExitCode,
  medianInterval,
  parseMaxRegression,
  processInterval,
} from '../src/bench/decide.js';
import { parseBaseline } from '../src/bench/record.js';
import { cli } from './helpers.js';

// Per-round ratios recorded by two runs of `carepool bench` (15 rounds after the warm-up each), one
// process after the other: the second shows how far an unchanged engine moves between processes.
const W1_CALLBACK = [
  0.94, 0.9684, 0.957, 0.9262, 0.9626, 0.9471, 0.9451, 0.9636, 0.9968, 0.9796, 0.9556, 0.9501, 0.9522, 0.9603,
  0.9504,
];
const W1_CALLBACK_AGAIN = [
  0.9687, 0.9858, 0.9869, 0.9668, 0.9819, 0.9799, 1.007, 0.9869, 0.9719, 1.028, 0.9766, 1.005, 0.9753, 0.9719,
  0.9767,
];
const W2_PROCESS = [
  122.2, 124.2, 125.9, 121, 126.2, 116, 129.5, 123.9, 125.5, 121.5, 118.2, 122.2, 116.1, 125.2, 127.4,
];
const W2_PROCESS_AGAIN = [
  125.9, 131.2, 123.8, 125, 125.8, 120, 126.2, 124.1, 124.2, 124.4, 122.8, 123.9, 126, 122.1, 128.5,
];
const SEIZE_RELEASE = [
  0.1416, 0.1329, 0.1417, 0.1407, 0.1395, 0.1426, 0.1412, 0.141, 0.1373, 0.1436, 0.1418, 0.1381, 0.14, 0.1361,
  0.1386,
];
const SEIZE_RELEASE_AGAIN = [
  0.1469, 0.1458, 0.1394, 0.1539, 0.1451, 0.1317, 0.1476, 0.1596, 0.1448, 0.1474, 0.1462, 0.1466, 0.1371,
  0.148, 0.1446,
];
const RECORDED: [number[], number[]][] = [
  [W1_CALLBACK, W1_CALLBACK_AGAIN],
  [W2_PROCESS, W2_PROCESS_AGAIN],
  [SEIZE_RELEASE, SEIZE_RELEASE_AGAIN],
];

const scaled = (xs: readonly number[], factor: number) => xs.map((x) => x * factor);

describe('median interval from order statistics', () => {
  it('takes the widest order statistics that keep the coverage (five rounds: min to max, 93.75%)', () => {
    const five = medianInterval([5, 1, 4, 2, 3], 0.95);
    expect(five).toEqual({ n: 5, median: 3, low: 1, high: 5, coverage: 0.9375 });
    // n = 10: [x(2), x(9)] covers 1 − 2·11/1024 = 97.85%; [x(3), x(8)] only 89%.
    const ten = medianInterval([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.95);
    expect(ten).toMatchObject({ median: 5.5, low: 2, high: 9 });
    expect(ten.coverage).toBeCloseTo(1 - 22 / 1024, 12);
  });

  it('is not dragged by one disturbed round', () => {
    const disturbed = [...W1_CALLBACK.slice(0, 9), 2.4];
    const m = medianInterval(disturbed, 0.95);
    expect(m.median).toBeCloseTo(0.9598, 4);
    expect(m.high).toBe(0.9968); // the 2.4 round is outside the interval
  });
});

describe('comparison with a baseline', () => {
  const base = (xs: readonly number[]) => medianInterval(xs, 0.95);

  it('passes an unchanged case: the same samples, and another process’s samples of the same engine', () => {
    for (const [first, again] of RECORDED) {
      expect(compareCase('x', base(first), base(first), 0.1).decision).toBe('ok');
      const c = compareCase('x', base(again), base(first), 0.1);
      expect(c.decision).toBe('ok');
      expect(c.change).toBeGreaterThan(1); // the second process happened to be slower relative to the loop
    }
  });

  it('flags a 2x slowdown as a regression, and a 25% one', () => {
    for (const [xs] of RECORDED) {
      const c = compareCase('x', base(scaled(xs, 2)), base(xs), 0.1);
      expect(c.decision).toBe('regression');
      expect(c.change).toBeCloseTo(2, 9);
      expect(c.changeLow).toBeGreaterThan(1.1);
      expect(compareCase('x', base(scaled(xs, 1.25)), base(xs), 0.1).decision).toBe('regression');
    }
  });

  it('calls a change whose interval straddles the limit too unstable to judge', () => {
    // W2 process spreads ±7%: 10% slower sits right on the 10% limit.
    const c = compareCase('w2.process', base(scaled(W2_PROCESS, 1.1)), base(W2_PROCESS), 0.1);
    expect(c.decision).toBe('unstable');
    expect(c.changeLow).toBeLessThan(1.1);
    expect(c.changeHigh).toBeGreaterThan(1.1);
    // The same change is fine under a 25% limit.
    expect(compareCase('w2.process', base(scaled(W2_PROCESS, 1.1)), base(W2_PROCESS), 0.25).decision).toBe(
      'ok',
    );
  });

  it('widens the interval by the baseline’s own spread', () => {
    const tight = base([1, 1, 1, 1, 1]);
    const wide = base([0.8, 0.9, 1, 1.1, 1.2]);
    const a = compareCase('x', tight, tight, 0.1);
    const b = compareCase('x', tight, wide, 0.1);
    expect(a.changeHigh).toBe(1);
    expect(b.changeHigh).toBeGreaterThan(1.2);
    expect(b.decision).toBe('unstable');
  });

  it('exits 3 on any regression (over unstable), 4 when one is unstable, else 0', () => {
    const c = (decision: 'ok' | 'regression' | 'unstable') => ({
      id: decision,
      change: 1,
      changeLow: 1,
      changeHigh: 1,
      decision,
    });
    expect(comparisonExitCode([c('ok'), c('unstable'), c('regression')])).toBe(3);
    expect(comparisonExitCode([c('ok'), c('unstable')])).toBe(4);
    expect(comparisonExitCode([c('ok'), c('ok')])).toBe(0);
  });
});

describe('figures over processes (forks)', () => {
  // Each process's median ratio, three processes of one `carepool bench --forks 3` run.
  const W1_FORKS = [0.9861, 0.9687, 0.9729];
  // One process of the three ran seize + release a third slower: the same code, compiled differently.
  const SEIZE_RELEASE_FORKS = [0.1452, 0.1422, 0.1908];

  it('is the geometric mean of the processes’ medians with a t interval on the log scale', () => {
    const f = processInterval(W1_FORKS, 0.95);
    const logs = W1_FORKS.map(Math.log);
    const mean = logs.reduce((a, b) => a + b, 0) / 3;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / 2);
    expect(f.n).toBe(3);
    expect(f.median).toBeCloseTo(Math.exp(mean), 12);
    // t(0.975, 2) = 4.302653
    expect(f.high).toBeCloseTo(Math.exp(mean + (4.302653 * sd) / Math.sqrt(3)), 5);
    expect(f.low).toBeLessThan(Math.min(...W1_FORKS));
  });

  it('lets a process that compiled differently make a case too unstable to judge, not a regression', () => {
    const tight = processInterval(W1_FORKS, 0.95);
    const wide = processInterval(SEIZE_RELEASE_FORKS, 0.95);
    expect(compareCase('w1.callback', tight, tight, 0.1).decision).toBe('ok');
    expect(compareCase('micro.seizeRelease', wide, wide, 0.1).decision).toBe('unstable');
    const slower = processInterval(scaled(SEIZE_RELEASE_FORKS, 2), 0.95);
    expect(compareCase('micro.seizeRelease', slower, wide, 0.1).decision).toBe('regression');
  });
});

describe('options and files', () => {
  it.each([
    ['10%', 0.1],
    ['0.1', 0.1],
    [' 25 % ', 0.25],
    ['0', undefined],
    ['-5%', undefined],
    ['ten', undefined],
    ['%', undefined],
  ])('--max-regression %j is %s', (raw, expected) => {
    expect(parseMaxRegression(raw)).toBe(expected);
  });

  it('refuses a baseline that is not a benchmark file', () => {
    expect(() => parseBaseline('{', 'b.json')).toThrow('not JSON');
    expect(() => parseBaseline('{"rows": []}', 'b.json')).toThrow(
      "not a benchmark file of format 'carepool-bench/1'",
    );
    expect(() =>
      parseBaseline(
        '{"format": "carepool-bench/1", "cases": [{"id": "w1", "ratio": {"median": 0}}]}',
        'b.json',
      ),
    ).toThrow('cases[0] lacks an id or a positive ratio median, low and high');
  });
});

describe('carepool bench refuses bad input before measuring anything', () => {
  it.each([
    [['--max-regression', '10%'], 2, '--max-regression goes with --baseline'],
    [['--baseline', 'b.json', '--max-regression', 'lots'], 2, '--max-regression must be a slowdown'],
    [['--only', 'w1.callback,nosuch'], 2, '--only: no case nosuch; the cases are w1.callback, w1.process'],
    [['--min-rounds', '9', '--max-rounds', '5'], 2, '--max-rounds (5) is below --min-rounds (9)'],
    [['--baseline', 'no/such/baseline.json'], 1, '--baseline no/such/baseline.json: cannot read it (ENOENT)'],
  ])('%j: exit %i', async (argv, code, message) => {
    const r = await cli('bench', ...argv);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  it('refuses a slowdown factor it cannot use', async () => {
    process.env.CAREPOOL_BENCH_SLOWDOWN = 'twice';
    try {
      const r = await cli('bench', '--only', 'micro.seizeRelease');
      expect(r.code).toBe(2);
      expect(r.err).toContain("CAREPOOL_BENCH_SLOWDOWN must be a factor from 1 to 100; got 'twice'");
    } finally {
      delete process.env.CAREPOOL_BENCH_SLOWDOWN;
    }
  });
});
