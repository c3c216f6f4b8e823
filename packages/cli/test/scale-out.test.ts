/**
 * Shards, merge and resume with real processes: three shards merged equal one run byte for byte
 * (every file but the manifest); a duplicated, missing or foreign shard is refused; a run killed
 * with SIGKILL mid-way resumes from its journal and ends with the same bytes as an uninterrupted
 * run, on 1 and 2 workers; a folder holding another experiment needs --force.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, carepoolProcess, REPO_ROOT, tempDir } from './helpers.js';

const MINI = 'scenarios/test/mini-ics.yaml';

const carepool = (...args: string[]) => carepoolProcess(args, 120_000);

/** Two policies on the mini ICS for `days` days, `reps` replications, quiet. */
const compareMini = (days: number, reps: number, ...more: string[]) => [
  'compare',
  MINI,
  '--policies',
  'siloed,systemBank',
  '--set',
  `durationDays=${days}`,
  '--reps',
  String(reps),
  ...more,
  '--quiet',
];

/** Every file of `a` but the manifest equals the same file of `b`. */
function expectSameResults(a: string, b: string): void {
  const files = readdirSync(a).sort();
  expect(readdirSync(b).sort()).toEqual(files);
  expect(files).toContain('summary.csv');
  for (const f of files)
    if (f !== 'manifest.json')
      expect(readFileSync(join(b, f), 'utf8'), f).toBe(readFileSync(join(a, f), 'utf8'));
}

describe('shards and merge', () => {
  const experiment = compareMini(8, 4, '--warmup-days', '2');

  it('three shards merged are byte for byte one run; duplicated, missing and foreign shards are refused', () => {
    const dir = tempDir();
    for (const k of [1, 2, 3])
      expect(carepool(...experiment, '--shard', `${k}/3`, '--out', join(dir, `s${k}`)).code).toBe(0);
    expect(readdirSync(join(dir, 's1')).sort()).toEqual(['records.jsonl', 'shard.json']);
    const merged = carepool(
      'merge',
      join(dir, 's1'),
      join(dir, 's2'),
      join(dir, 's3'),
      '--out',
      join(dir, 'merged'),
      '--quiet',
    );
    expect(merged.code, merged.err).toBe(0);
    expect(carepool(...experiment, '--out', join(dir, 'single')).code).toBe(0);
    expectSameResults(join(dir, 'single'), join(dir, 'merged'));
    const manifest = JSON.parse(readFileSync(join(dir, 'merged', 'manifest.json'), 'utf8'));
    expect(manifest.shards.map((s: { shard: string }) => s.shard)).toEqual(['1/3', '2/3', '3/3']);

    const twice = carepool(
      'merge',
      join(dir, 's1'),
      join(dir, 's1'),
      join(dir, 's3'),
      '--out',
      join(dir, 'm2'),
    );
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/shard 1\/3 is given twice/);
    const missing = carepool('merge', join(dir, 's1'), join(dir, 's3'), '--out', join(dir, 'm2'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/shard 2 of 3 missing/);
    const other = join(dir, 'other');
    expect(carepool(...experiment, '--seed', '2', '--shard', '2/3', '--out', other).code).toBe(0);
    const foreign = carepool('merge', join(dir, 's1'), other, join(dir, 's3'), '--out', join(dir, 'm2'));
    expect(foreign.code).toBe(2);
    expect(foreign.err).toMatch(/shards of different experiments \(seed 2, 4 replications/);
    expect(existsSync(join(dir, 'm2'))).toBe(false);
  });

  it('a shard needs explicit --reps and --warmup-days', () => {
    const r = carepool('compare', MINI, '--shard', '1/2', '--out', join(tempDir(), 's'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--shard needs --reps N, --warmup-days D/);
  });
});

describe('resume after kill -9', () => {
  const experiment = compareMini(40, 10);

  it.each([1, 2])('on %i worker(s): redoes nothing finished, loses nothing, same bytes', async (workers) => {
    const dir = tempDir();
    const out = join(dir, 'killed');
    const args = [...experiment, '--workers', String(workers), '--out', out];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, stdio: 'ignore' });
    const journal = join(out, '.carepool-journal.jsonl');
    // Wait until some replications are journaled, then kill without warning.
    const lines = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length - 2 : 0);
    const deadline = Date.now() + 60_000;
    while (lines() < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const done = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await done;
    const before = lines();
    expect(before).toBeGreaterThanOrEqual(4);
    expect(before).toBeLessThan(20);
    expect(existsSync(join(out, 'summary.csv'))).toBe(false);
    const resumed = spawnSync(process.execPath, [BIN, ...args.filter((a) => a !== '--quiet')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`resuming: ${before} finished replications`));
    expect(existsSync(journal)).toBe(false);
    expect(carepool(...experiment, '--workers', String(workers), '--out', join(dir, 'whole')).code).toBe(0);
    expectSameResults(join(dir, 'whole'), out);
  });

  it('refuses a folder holding another experiment unless --force, which replaces it whole', () => {
    const out = join(tempDir(), 'r');
    const short = ['run', MINI, '--set', 'durationDays=5', '--reps', '2', '--quiet', '--out', out];
    expect(carepool(...short).code).toBe(0);
    const other = carepool(...short, '--seed', '9');
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/holds the results of another experiment; give --force/);
    expect(carepool(...short, '--seed', '9', '--force').code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).provenance.seed).toBe(9);
    expect(readdirSync(join(out, '..')).filter((f) => f.includes('carepool'))).toEqual([]);
  });
});
