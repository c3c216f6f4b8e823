/** The commands in-process: help, validate, schema, run, output files and exit codes. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/io.js';
import { main } from '../src/main.js';
import { cli, REPO_ROOT, tempDir } from './helpers.js';

const MM1 = 'scenarios/textbook/mm1.yaml';

// The CLI resolves relative paths against its working directory; the tests run from the repo root.
beforeAll(() => {
  process.chdir(REPO_ROOT);
});

describe('help and usage errors', () => {
  it('prints help with examples for each command', async () => {
    const top = await cli('--help');
    expect(top.code).toBe(0);
    expect(top.out).toMatch(/validate <scenario>/);
    expect(top.out).toMatch(/Exit codes: 0 success, 1 invalid scenario or failed run, 2 usage error/);
    for (const command of ['validate', 'schema', 'run', 'compare', 'sweep', 'diff']) {
      const help = await cli(command, '--help');
      expect(help.code).toBe(0);
      expect(help.out).toMatch(/Examples:/);
    }
    const options: [command: string, options: string][] = [
      ['run', '--reps --seed --workers --out --json --quiet --policy-module --set --trace'],
      ['compare', '--policies --precision --confidence --warmup-days --sweep --series'],
    ];
    for (const [command, listed] of options) {
      const help = await cli(command, '--help');
      for (const option of listed.split(' ')) expect(help.out).toContain(option);
    }
  });

  it('prints the version', async () => {
    const r = await cli('--version');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [['frobnicate']],
    [[]],
    [['run']],
    [['run', MM1, '--bogus']],
    [['run', MM1, '--reps', '0']],
    [['run', MM1, '--reps', 'many']],
    [['run', MM1, '--reps']],
    [['run', MM1, '--workers', '-1']],
    [['run', MM1, '--policy', 'everyoneEverywhere']],
    [['run', MM1, '--policy', 'siloed', '--policy-module', './x.js']],
  ])('exits 2 on a usage error: %j', async (argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^carepool: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('validate', () => {
  it('prints a one-line OK summary', async () => {
    const r = await cli('validate', MM1);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^OK scenarios\/textbook\/mm1\.yaml: network 'M\/M\/1 single desk': 1 station/);
    expect(r.out.trim().split('\n')).toHaveLength(1);
  });

  it('exits 1 with one line for a missing file', async () => {
    const r = await cli('validate', 'scenarios/no-such-file.yaml');
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/no-such-file\.yaml/);
  });
});

describe('shipped scenarios', () => {
  const shipped = readdirSync(join(REPO_ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `scenarios/${f}`);
  it.each(shipped)('%s validates', async (file) => {
    const r = await cli('validate', file);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('schema', () => {
  it('prints the JSON Schema, or writes it with --out', async () => {
    const r = await cli('schema');
    expect(r.code).toBe(0);
    expect(typeof JSON.parse(r.out)).toBe('object');
    const file = join(tempDir(), 'nested', 'carepool.schema.json');
    const w = await cli('schema', '--out', file, '--quiet');
    expect(w.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(r.out));
  });
});

describe('run', () => {
  const args = [MM1, '--reps', '2', '--seed', '7', '--set', 'durationHours=200', '--quiet'];

  it('prints the per-station table for a network scenario', async () => {
    const r = await cli('run', ...args);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /network 'M\/M\/1 single desk' \(scenarios\/textbook\/mm1\.yaml\): 1 arm, 2 replications per arm, seed 7/,
    );
    expect(r.out).toMatch(/station\s+wait in queue\s+P\(wait\)/);
    expect(r.out).toMatch(/^desk\s/m);
    expect(r.err).toBe('');
  });

  it('--json prints means with intervals and provenance; the same seed gives the same numbers', async () => {
    const r = await cli('run', ...args, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.provenance).toMatchObject({
      scenario: MM1,
      seed: 7,
      replicationsPerArm: 2,
      overrides: ['durationHours=200'],
      confidence: 0.95,
    });
    expect(doc.provenance.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.arms).toEqual([
      { id: 'base/none', scenario: 'M/M/1 single desk', variant: 'base', sweepPoint: 'base', policy: 'none' },
    ]);
    const wait = doc.summary.find((s: { metric: string }) => s.metric === 'station.waitInQueueHours');
    expect(wait).toMatchObject({
      arm: 'base/none',
      scope: 'desk',
      statistic: 'mean',
      n: 2,
      confidence: 0.95,
    });
    expect(wait.ciLow).toBeLessThan(wait.mean);
    expect(wait.ciHigh).toBeGreaterThan(wait.mean);
    const again = JSON.parse((await cli('run', ...args, '--json')).out);
    expect(again.summary).toEqual(doc.summary);
    const otherSeed = JSON.parse(
      (await cli('run', MM1, '--reps', '2', '--seed', 'other', '--set', 'durationHours=200', '--json')).out,
    );
    expect(otherSeed.provenance.seed).toBe('other');
    expect(otherSeed.summary).not.toEqual(doc.summary);
  });

  it('--out writes the experiment files; rerunning replaces them and keeps the user’s own', async () => {
    const dir = join(tempDir(), 'results');
    const r = await cli('run', ...args, '--out', dir);
    expect(r.code).toBe(0);
    const files = [
      'daily.csv',
      'differences.csv',
      'histograms.csv',
      'manifest.json',
      'results.csv',
      'scenario.resolved.yaml',
      'summary-wide.csv',
      'summary.csv',
      'summary.json',
    ];
    expect(readdirSync(dir).sort()).toEqual(files);
    const csv = readFileSync(join(dir, 'results.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('scenario,variant,sweepPoint,policy,replication,metric,scope,statistic,value');
    expect(csv[1]).toMatch(/^M\/M\/1 single desk,base,base,none,0,station\.waitInQueueHours,desk,mean,\d/);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect((await cli('run', ...args, '--out', dir)).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([...files.slice(0, 4), 'notes.txt', ...files.slice(4)]);
    expect(readdirSync(join(dir, '..')).filter((f) => f.includes('carepool-'))).toEqual([]);
  });

  it('a failed run leaves no output directory', async () => {
    const dir = join(tempDir(), 'results');
    const r = await cli('run', MM1, '--set', 'stations[desk].servers=-1', '--out', dir);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(dir)).toBe(false);
  });

  it('--out naming an existing file is an error before running', async () => {
    const file = join(tempDir(), 'taken');
    writeFileSync(file, 'x');
    const r = await cli('run', MM1, '--out', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not a directory/);
  });

  it('network scenarios take no policy', async () => {
    const r = await cli('run', MM1, '--policy', 'siloed');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/network scenario/);
  });
});

describe('internal errors', () => {
  it('ask for a report, with the stack trace only under --debug', async () => {
    for (const debug of [false, true]) {
      const io = memoryIo(REPO_ROOT);
      io.stdout = () => {
        throw new TypeError('boom');
      };
      const code = await main(['validate', MM1, ...(debug ? ['--debug'] : [])], io);
      expect(code).toBe(1);
      expect(io.err).toMatch(/^carepool: internal error: boom\n.*please report/);
      if (debug) expect(io.err).toMatch(/\n\s+at /);
      else expect(io.err).not.toMatch(/\n\s+at /);
    }
  });
});
