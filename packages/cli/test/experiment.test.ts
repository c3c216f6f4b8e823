/**
 * compare, sweep and diff through the CLI on the mini ICS: the same bytes for 1 and 2 workers,
 * every output file read back by a CSV parser, variants listed with what they change, sweeps in
 * both modes, policy effects with verdicts, the manifest, and the usage errors.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEADERS } from '@carepool/experiment';
import { loadScenario } from '@carepool/scenario';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, REPO_ROOT, tempDir } from './helpers.js';

const MINI = 'scenarios/test/mini-ics.yaml';
const SHORT = ['--set', 'durationDays=10', '--set', 'warmupDays=2', '--reps', '3', '--quiet'];
/** `carepool run` on the mini ICS for `days` days and `reps` replications, with more arguments. */
const runMini = (days: number, reps: number, ...more: string[]) =>
  cli('run', MINI, '--set', `durationDays=${days}`, '--reps', String(reps), ...more);

beforeAll(() => {
  process.chdir(REPO_ROOT);
});

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('compare', () => {
  let one: string;
  let two: string;
  beforeAll(async () => {
    one = join(tempDir(), 'one');
    two = join(tempDir(), 'two');
    const policies = ['--policies', 'siloed,systemBank'];
    expect(
      (await cli('compare', MINI, ...policies, ...SHORT, '--workers', '1', '--out', one, '--series')).code,
    ).toBe(0);
    expect(
      (await cli('compare', MINI, ...policies, ...SHORT, '--workers', '2', '--out', two, '--series')).code,
    ).toBe(0);
  });

  it('writes the same bytes on 1 and 2 workers (every file but the manifest)', () => {
    const files = readdirSync(one).sort();
    expect(files).toEqual(readdirSync(two).sort());
    for (const f of files) if (f !== 'manifest.json') expect(read(two, f), f).toBe(read(one, f));
    expect(JSON.parse(read(one, 'manifest.json')).workers).toBe(1);
    expect(JSON.parse(read(two, 'manifest.json')).workers).toBe(2);
  });

  it('writes plain CSVs with the documented headers that a CSV parser reads back', () => {
    const names = {
      'results.csv': HEADERS.results,
      'summary.csv': HEADERS.summary,
      'differences.csv': HEADERS.differences,
      'daily.csv': HEADERS.daily,
      'series.csv': HEADERS.series,
      'histograms.csv': HEADERS.histograms,
    };
    for (const [file, header] of Object.entries(names)) {
      const text = read(one, file);
      expect(text.split('\n')[0], file).toBe(header);
      const rows: Record<string, string>[] = parse(text, { columns: true });
      expect(rows.length, file).toBeGreaterThan(0);
      expect(Object.keys(rows[0]), file).toEqual(header.split(','));
    }
    const results: Record<string, string>[] = parse(read(one, 'results.csv'), { columns: true });
    expect(new Set(results.map((r) => r.policy))).toEqual(new Set(['siloed', 'systemBank']));
    expect(new Set(results.map((r) => r.replication))).toEqual(new Set(['0', '1', '2']));
    const differences: Record<string, string>[] = parse(read(one, 'differences.csv'), { columns: true });
    expect(new Set(differences.map((d) => d.baseline))).toEqual(new Set(['base/siloed']));
    expect(differences.some((d) => d.verdict !== '')).toBe(true);
  });

  it('records how the run was made in the manifest, and a resolved scenario that loads to the same hash', () => {
    const manifest = JSON.parse(read(one, 'manifest.json'));
    expect(manifest.schemaVersion).toBe(1);
    expect(manifest.replications).toMatchObject({ perArm: 3, rule: 'fixed' });
    expect(manifest.warmup).toMatchObject({ method: 'fixed', days: 2 });
    expect(manifest.arms.map((a: { id: string }) => a.id)).toEqual(['base/siloed', 'base/systemBank']);
    expect(manifest.inputs.files[0].files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(manifest.stressDes).length).toBeGreaterThan(10);
    const resolved = join(one, 'scenario.resolved.yaml');
    expect(loadScenario(resolved).hash).toBe(manifest.inputs.resolvedHash);
  });

  it('prints intervals, paired differences and verdicts; a shared bank fills shifts', () => {
    const summary = JSON.parse(read(one, 'summary.json'));
    const bank = summary.summary.find(
      (s: { arm: string; metric: string; scope: string }) =>
        s.arm === 'base/systemBank' && s.metric === 'staffing.systemBankShiftsCount' && s.scope === 'ics',
    );
    expect(bank.mean).toBeGreaterThan(0);
    const diff = summary.differences.find(
      (d: { metric: string; scope: string }) =>
        d.metric === 'staffing.systemBankShiftsCount' && d.scope === 'ics',
    );
    expect(diff.ciLow).toBeGreaterThan(0);
  });
});

describe('compare without --policies and with variants', () => {
  it('runs every built-in policy on one scenario', async () => {
    const r = await cli('compare', MINI, ...SHORT, '--reps', '2', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).arms.map((a: { id: string }) => a.id)).toEqual([
      'base/siloed',
      'base/systemBank',
      'base/staffPassport',
      'base/rotationalPosts',
      'base/mutualAid',
      'base/dischargeFirst',
    ]);
  });

  it('lists what each variant changes, runs each under its own policy, and says which differences are noise', async () => {
    const dir = tempDir();
    const variant = join(dir, 'more-carers.yaml');
    writeFileSync(
      variant,
      `extends: builtin:test/mini-ics\nname: More carers\nworkforce:\n  staffPools:\n    - id: councilNorth.careWorker\n      inPostWte: "+25%"\n`,
    );
    const r = await cli('compare', MINI, variant, ...SHORT.filter((a) => a !== '--quiet'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/more-carers \(.*more-carers\.yaml\) changes 2 values against the base/);
    expect(r.out).toMatch(
      /workforce\.staffPools\[councilNorth\.careWorker\]\.inPostWte: [\d.]+ → [\d.]+ \(\+25%\)/,
    );
    expect(r.out).toMatch(/more-carers\/siloed against base\/siloed: /);
    expect(r.out).toMatch(/difference vs baseline/);
  });
});

describe('sweep', () => {
  const carers = 'workforce.staffPools[councilNorth.careWorker].inPostWte';
  const nurses = 'workforce.staffPools[trustA.wardRn].inPostWte';
  const sweep = ['--sweep', `${carers}=-10%,+10%`, '--sweep', `${nurses}=-5%,+5%`];
  const arms = async (...extra: string[]) => {
    const r = await cli('sweep', MINI, ...SHORT, '--reps', '2', ...sweep, ...extra, '--json');
    expect(r.code, r.err).toBe(0);
    return JSON.parse(r.out).arms.map((a: { sweepPoint: string }) => a.sweepPoint);
  };

  it('runs the full grid after the base', async () => {
    expect(await arms()).toEqual([
      'base',
      `${carers}=-10% & ${nurses}=-5%`,
      `${carers}=-10% & ${nurses}=+5%`,
      `${carers}=+10% & ${nurses}=-5%`,
      `${carers}=+10% & ${nurses}=+5%`,
    ]);
  });

  it('moves one parameter at a time from the base', async () => {
    expect(await arms('--sweep-mode', 'one-at-a-time')).toEqual([
      'base',
      `${carers}=-10%`,
      `${carers}=+10%`,
      `${nurses}=-5%`,
      `${nurses}=+5%`,
    ]);
  });

  it('refuses to sweep the period measured (totals over different lengths are not comparable)', async () => {
    const r = await cli('sweep', MINI, ...SHORT, '--sweep', 'durationDays=6,8');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/'durationDays' changes the period measured/);
    const none = await cli('sweep', MINI, ...SHORT);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no sweep to run/);
  });
});

describe('diff', () => {
  it('prints what a variant changes against the file it extends', async () => {
    const r = await cli('diff', 'scenarios/home-care-plus-40-carers.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^from scenarios\/ics-default\.yaml to scenarios\/home-care-plus-40-carers\.yaml: 5 values differ/,
    );
    expect(r.out).toMatch(/councilNorth\.careWorker\]\.inPostWte: 903 → 923/);
  });

  it('compares two files, or a results folder', async () => {
    const out = join(tempDir(), 'r');
    expect((await cli('run', MINI, ...SHORT, '--reps', '1', '--out', out)).code).toBe(0);
    const r = await cli('diff', out, MINI);
    expect(r.code).toBe(0);
    // The folder's resolved scenario holds the run's --set values.
    expect(r.out).toMatch(/durationDays: 10 → \d+/);
  });
});

describe('experiment usage errors (exit 2, one line)', () => {
  it.each([
    [['compare', MINI, '--policies', 'siloed,everyone']],
    [['compare', MINI, '--policies', 'siloed,siloed']],
    [['compare', MINI, '--precision', 'ed.fourHourShare']],
    [['compare', MINI, '--precision', 'no.suchMetricShare=0.1']],
    [['compare', MINI, '--max-reps', '50']],
    [['compare', MINI, '--out', '']],
    [['compare', MINI, '--precision', 'ed.fourHourShare@nowhere=0.1']],
    [['compare', MINI, '--precision', 'ed.fourHourShare=0.1', '--reps', '10', '--max-reps', '5']],
    [['compare', MINI, '--confidence', '2']],
    [['sweep', MINI, '--sweep', 'durationDays']],
    [['run', MINI, '--series']],
  ])('%j', async (argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('precision and warm-up', () => {
  it('adds replications until the paired difference is narrow enough, and says so', async () => {
    const r = await cli(
      'compare',
      MINI,
      '--policies',
      'siloed,systemBank',
      ...SHORT,
      '--precision',
      'ed.fourHourShare=0.01',
      '--max-reps',
      '40',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.precision.stoppedBecause).toBe('targetsMet');
    expect(doc.precision.targets[0]).toMatchObject({ met: true, requiredHalfWidth: 0.01 });
    // The rule's boundaries: 3 (--reps), then batches of 5; met at two boundaries in a row.
    expect((doc.provenance.replicationsPerArm - 3) % 5).toBe(0);
    expect(doc.provenance.replicationsPerArm).toBeGreaterThanOrEqual(8);
  });

  it('--warmup auto picks the warm-up by MSER-5 and records it; refuses a growing demand', async () => {
    const out = join(tempDir(), 'auto');
    const r = await runMini(40, 2, '--warmup', 'auto', '--out', out);
    expect(r.code, r.err).toBe(0);
    const manifest = JSON.parse(read(out, 'manifest.json'));
    expect(manifest.warmup.method).toBe('MSER-5');
    expect(manifest.warmup.days).toBeGreaterThanOrEqual(0);
    expect(manifest.warmup.detail.series.length).toBeGreaterThan(0);
    const growth = await cli('run', 'scenarios/admissions-growth.yaml', '--warmup', 'auto', '--quiet');
    expect(growth.code).toBe(1);
    expect(growth.err).toMatch(/growing demand .*annualGrowthShare = 0\.054.*--warmup-days/);
  });
});

describe('an --out that cannot be written is refused before the run, in one line', () => {
  it.each([
    ['below a file', (file: string) => join(file, 'sub')],
    ['in /proc', () => '/proc/carepool-results'],
  ])('%s', async (_what, where) => {
    const file = join(tempDir(), 'afile');
    writeFileSync(file, 'x');
    const r = await cli('run', MINI, ...SHORT, '--out', where(file));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^carepool: cannot write results to '.*': /);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.out).toBe('');
  });
});

describe('run --trace', () => {
  it('writes the event log of replication 0', async () => {
    const file = join(tempDir(), 'trace.csv');
    const r = await runMini(1, 1, '--set', 'warmupDays=0', '--trace', file, '--quiet');
    expect(r.code, r.err).toBe(0);
    const rows: Record<string, string>[] = parse(readFileSync(file, 'utf8'), { columns: true });
    expect(Object.keys(rows[0])).toEqual(['timeMinutes', 'event', 'entity', 'resource']);
    expect(rows.some((row) => row.event.startsWith('ed.'))).toBe(true);
  });
});
