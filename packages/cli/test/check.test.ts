/**
 * `carepool check`: the expectation grammar, the judge on intervals, and the command on the mini ICS
 * — a satisfied expectation passes, a violated one fails (exit 3, over inconclusive), one whose
 * interval straddles its threshold is inconclusive (exit 4) with the replications to settle it; the
 * paired difference is A − B on both arms' replications; JUnit and --json; usage errors before the run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pairedDifference } from '@carepool/experiment';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExpectationSyntaxError, parseExpectation } from '../src/check/grammar.js';
import { judge } from '../src/check/judge.js';
import { cli, REPO_ROOT, tempDir } from './helpers.js';

const MINI = 'scenarios/test/mini-ics.yaml';
const SHORT = ['--set', 'durationDays=10', '--reps', '3', '--workers', '1', '--quiet'];
/** `carepool check` on the mini ICS, short, with these arguments. */
const checkMini = (...args: string[]) => cli('check', MINI, ...SHORT, ...args);

beforeAll(() => {
  process.chdir(REPO_ROOT);
});

describe('expectation grammar', () => {
  it('reads a metric with its statistic and scope, defaults to the headline statistic and the whole system', () => {
    expect(parseExpectation('ed.timeInDepartmentMinutes:p95@trustA <= 720', '--expect', 'ics')).toMatchObject(
      {
        kind: 'value',
        ref: { metric: 'ed.timeInDepartmentMinutes', statistic: 'p95', scope: 'trustA' },
        op: '<=',
        threshold: 720,
      },
    );
    expect(parseExpectation(' ed.fourHourShare ≥ 76% ', '--expect', 'ics')).toMatchObject({
      text: 'ed.fourHourShare ≥ 76%',
      ref: { metric: 'ed.fourHourShare', statistic: 'value', scope: 'ics' },
      op: '>=',
      threshold: 0.76,
    });
  });

  it('reads diff(metric, A, B) with a policy alone meaning the base scenario', () => {
    expect(
      parseExpectation('diff(nctr.bedDays, systemBank, siloed) < -1e2', '--expect', 'ics'),
    ).toMatchObject({
      kind: 'diff',
      armA: 'base/systemBank',
      armB: 'base/siloed',
      op: '<',
      threshold: -100,
    });
    expect(
      parseExpectation(
        'diff(ed.fourHourShare, home-care-plus-40-carers/siloed, base/siloed) > 0',
        'x',
        'ics',
      ),
    ).toMatchObject({ armA: 'home-care-plus-40-carers/siloed', armB: 'base/siloed' });
  });

  it.each([
    ['ed.fourHourShare', 'OP'],
    ['ed.fourHourShare = 0.5', 'OP'],
    ['ed.fourHourShare >= high', 'not a number'],
    ['ed.fourHourShare >= 0.5 >= 0.2', 'OP'],
    ['ed.noSuchShare >= 0.5', "unknown metric 'ed.noSuchShare'"],
    ['ed.fourHourShare:p95 >= 0.5', "no statistic 'p95'"],
    ['diff(ed.fourHourShare, siloed) > 0', 'three arguments'],
    ['diff(ed.fourHourShare, siloed, siloed) > 0', 'itself'],
    ['diff(ed.fourHourShare, a b, siloed) > 0', 'not an arm name'],
  ])('refuses %s', (text, message) => {
    expect(() => parseExpectation(text, '--expect', 'ics')).toThrow(ExpectationSyntaxError);
    expect(() => parseExpectation(text, '--expect', 'ics')).toThrow(message);
  });
});

describe('judging on an interval', () => {
  const estimate = { n: 10, mean: 0.7, sd: 0.05, ciLow: 0.66, ciHigh: 0.74 };
  it.each([
    ['>=', 0.6, 'pass'],
    ['>=', 0.66, 'pass'],
    ['>', 0.66, 'inconclusive'],
    ['>=', 0.8, 'fail'],
    ['>=', 0.7, 'inconclusive'],
    ['<', 0.8, 'pass'],
    ['<=', 0.74, 'pass'],
    ['<', 0.74, 'inconclusive'],
    ['<', 0.6, 'fail'],
    ['<=', 0.66, 'inconclusive'],
  ] as const)('mean 0.70 in [0.66, 0.74] %s %s: %s', (op, threshold, outcome) => {
    expect(judge(estimate, op, threshold, 0.95).outcome).toBe(outcome);
  });

  it('says how many replications would likely settle an inconclusive one, and when none would', () => {
    const near = judge(estimate, '>=', 0.68, 0.95);
    // Half-width 0.02 (the distance to the threshold) with sd 0.05: (1.96·0.05/0.02)² ≈ 24, a little more under t.
    expect(near.replicationsToSettle).toBeGreaterThanOrEqual(25);
    expect(near.replicationsToSettle).toBeLessThanOrEqual(28);
    expect(near.reason).toContain(`about ${near.replicationsToSettle} replications`);
    expect(judge(estimate, '>=', 0.7, 0.95).replicationsToSettle).toBeNaN();
    const one = judge(
      { n: 1, mean: 0.7, sd: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN },
      '>=',
      0.5,
      0.95,
    );
    expect(one).toMatchObject({ outcome: 'inconclusive', reason: expect.stringContaining('at least 2') });
  });
});

interface CheckJson {
  exitCode: number;
  arms: string[];
  expectations: {
    outcome: string;
    estimate: number;
    ciLow: number;
    ciHigh: number;
    n: number;
    replicationsToSettle: number | null;
    reason: string;
  }[];
}

describe('carepool check on the mini ICS', () => {
  let probe: CheckJson;
  beforeAll(async () => {
    // One run to learn the intervals; thresholds below are placed relative to them, so no value is tuned to a seed.
    const r = await checkMini(
      '--json',
      '--expect',
      'ed.fourHourShare >= 0',
      '--expect',
      'diff(nctr.bedDays, systemBank, siloed) < 0',
    );
    probe = JSON.parse(r.out) as CheckJson;
  });

  const four = () => probe.expectations[0];
  const width = () => four().ciHigh - four().ciLow;

  it('runs the scenario’s own policy first and every policy a diff() names', () => {
    expect(probe.arms).toEqual(['base/siloed', 'base/systemBank']);
  });

  it('passes a satisfied expectation (exit 0)', async () => {
    const r = await checkMini('--expect', `ed.fourHourShare >= ${four().ciLow - width()}`);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 passed, 0 failed, 0 inconclusive/);
  });

  it('fails a violated one (exit 3), and failure wins over inconclusive', async () => {
    const r = await checkMini(
      '--expect',
      `ed.fourHourShare >= ${four().ciHigh + width()}`,
      '--expect',
      `ed.fourHourShare >= ${four().estimate}`,
    );
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/0 passed, 1 failed, 1 inconclusive/);
    expect(r.out).toContain('FAIL');
  });

  it('reports an interval straddling the threshold as inconclusive (exit 4), with the replications to settle it', async () => {
    const threshold = four().estimate + width() / 4;
    const dir = tempDir();
    const r = await checkMini('--expect', `ed.fourHourShare < ${threshold}`, '--junit', join(dir, 'c.xml'));
    expect(r.code).toBe(4);
    expect(r.out).toMatch(/inconclusive/);
    expect(r.out).toMatch(/about \d+ replications per arm would likely settle it/);
    const xml = readFileSync(join(dir, 'c.xml'), 'utf8');
    expect(xml).toContain('tests="1" failures="0" errors="0" skipped="1"');
    expect(xml).toMatch(/<skipped message="inconclusive: base\/siloed: estimate/);
  });

  it('judges diff(m, A, B) on the paired difference A − B of the two arms’ replications', async () => {
    const dir = tempDir();
    const r = await checkMini(
      '--json',
      '--out',
      dir,
      '--expect',
      'diff(nctr.bedDays, systemBank, siloed) < 0',
    );
    const d = (JSON.parse(r.out) as CheckJson).expectations[0];
    const rows = parse(readFileSync(join(dir, 'results.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    const values = (policy: string) =>
      rows
        .filter((c) => c.policy === policy && c.metric === 'nctr.bedDays' && c.scope === 'ics')
        .sort((x, y) => Number(x.replication) - Number(y.replication))
        .map((c) => Number(c.value));
    const expected = pairedDifference(values('systemBank'), values('siloed'), 0.95);
    expect(expected.n).toBe(3);
    expect(d.estimate).toBeCloseTo(expected.mean, 9);
    expect(d.ciLow).toBeCloseTo(expected.ciLow, 9);
    expect(d.ciHigh).toBeCloseTo(expected.ciHigh, 9);
  });

  it.each([
    [['--expect', 'ed.noSuchShare >= 0.5'], "unknown metric 'ed.noSuchShare'"],
    [
      ['--expect', 'diff(ed.fourHourShare, systemBank, siloed) > 0', '--policies', 'siloed'],
      "policy 'systemBank' is not run",
    ],
    [['--expect', 'diff(ed.fourHourShare, other/siloed, siloed) > 0'], "'other' is not among the scenarios"],
    [['--expect', 'ed.fourHourShare > 0', '--sweep', 'durationDays=5,6'], '--sweep is not available'],
    [['--expect', 'ed.fourHourShare > 0', '--shard', '1/2'], '--shard is not available'],
    [['--expect', 'ed.fourHourShare > 0', '--report'], 'check writes no report'],
    [[], 'nothing to check'],
  ])('refuses %j as a usage error (exit 2) before running', async (extra, message) => {
    const r = await checkMini(...extra);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  it('refuses a scope the arm does not report (exit 2)', async () => {
    const r = await checkMini('--expect', 'ed.fourHourShare@trustZ > 0');
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'reports no ed.fourHourShare:value@trustZ; the scopes it reports for ed.fourHourShare: ',
    );
  });

  it('judges the expectations declared in the scenario file, after those on the command line', async () => {
    const r = await cli(
      'check',
      'scenarios/test/mini-ics-expectations.yaml',
      '--reps',
      '3',
      '--workers',
      '1',
      '--quiet',
      '--json',
      '--expect',
      'ed.fourHourShare > 0',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      arms: string[];
      expectations: { source: string; expectation: string }[];
    };
    expect(doc.arms).toEqual(['base/siloed', 'base/systemBank']);
    expect(doc.expectations.map((e) => e.source)).toEqual([
      '--expect',
      'scenarios/test/mini-ics-expectations.yaml: expectations[0]',
      'scenarios/test/mini-ics-expectations.yaml: expectations[1]',
    ]);
  });
});

describe('expectations in a network scenario file', () => {
  const file = join(tempDir(), 'mm1-checked.yaml');
  const mm1 = readFileSync(join(REPO_ROOT, 'scenarios/textbook/mm1.yaml'), 'utf8');

  it('judges them at the network scope (M/M/1: ρ = 0.75, so utilisation is about 0.75)', async () => {
    writeFileSync(
      file,
      `${mm1}\nexpectations:\n  - "station.utilisationShare@desk > 0.5"\n  - "station.utilisationShare@desk < 0.5"\n`,
    );
    const r = await cli(
      'check',
      file,
      '--reps',
      '3',
      '--workers',
      '1',
      '--quiet',
      '--set',
      'durationHours=2000',
    );
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/station\.utilisationShare@desk > 0\.5\s+base\/none .* pass/);
    expect(r.out).toMatch(/station\.utilisationShare@desk < 0\.5\s+base\/none .* FAIL/);
  });

  it('reports a malformed one as an input error (exit 1) naming the file and the entry', async () => {
    writeFileSync(file, `${mm1}\nexpectations:\n  - "station.utilisationShare@desk >> 0.5"\n`);
    const r = await cli('check', file, '--reps', '3', '--quiet');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}: expectations[0] 'station.utilisationShare@desk >> 0.5'`);
  });
});
