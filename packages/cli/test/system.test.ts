/**
 * System scenarios through the CLI: the headline table, --policy, --policy-module, daily.csv and
 * series.csv. Runs the default ICS (written to a JSON scenario file) over a short period.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultIcsConfig } from '@carepool/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, REPO_ROOT, tempDir } from './helpers.js';

let scenario: string;
const SHORT = ['--set', 'durationDays=14', '--set', 'warmupDays=3', '--reps', '2', '--quiet'];

beforeAll(() => {
  process.chdir(REPO_ROOT);
  scenario = join(tempDir(), 'ics.json');
  writeFileSync(scenario, JSON.stringify(defaultIcsConfig(), null, 2));
});

describe('run on a system scenario', () => {
  it('prints the headline outcomes', async () => {
    const r = await cli('run', scenario, ...SHORT);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 arm, 2 replications per arm, seed 1/);
    expect(r.out).toMatch(/^\s+base\/siloed\s/m);
    for (const label of [
      'ED: within 4 hours of arrival (share of attendances)',
      'General and acute bed occupancy',
      'Vacancy rate, all staff (WTE)',
      'Registered nurse vacancy rate',
      'Staffing cost',
    ]) {
      expect(r.out).toContain(label);
    }
    // Mean and its 95% confidence interval (never a min–max range).
    expect(r.out).toMatch(
      /ED: within 4 hours of arrival \(share of attendances\)\s*\n\s+base\/siloed\s+\d+\.\d%\s+\d+\.\d% to \d+\.\d%/,
    );
    expect(r.out).toMatch(/95% CI/);
  });

  it('runs the README’s default scenario file (shortened)', async () => {
    const r = await cli('run', 'scenarios/ics-default.yaml', ...SHORT.slice(0, 4), '--reps', '1', '--quiet');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ED: within 4 hours of arrival/);
  });

  it('--policy replaces the scenario’s policy and shows in the arm and its hash', async () => {
    const r = await cli('run', scenario, ...SHORT, '--policy', 'mutualAid', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.arms.map((a: { id: string }) => a.id)).toEqual(['base/mutualAid']);
    expect(doc.summary[0].arm).toBe('base/mutualAid');
    const siloed = JSON.parse((await cli('run', scenario, ...SHORT, '--json')).out);
    expect(siloed.arms[0].policy).toBe('siloed');
    expect(siloed.provenance.scenarioHash).toBe(doc.provenance.scenarioHash);
  });

  it('--policy-module loads a researcher’s policy from a module path', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'never-move.mjs'),
      `export default { id: 'neverMove', description: 'Nobody moves.', decide: () => ({ moves: [], systemBankFills: [] }) };\n`,
    );
    const r = await cli('run', scenario, ...SHORT, '--policy-module', join(dir, 'never-move.mjs'), '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.arms[0].policy).toBe('neverMove');

    writeFileSync(join(dir, 'not-a-policy.mjs'), 'export default 42;\n');
    const bad = await cli('run', scenario, ...SHORT, '--policy-module', join(dir, 'not-a-policy.mjs'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(
      /^carepool: policy module '.*' exports 42 as default; expected a DeploymentPolicy/,
    );
    writeFileSync(
      join(dir, 'thrower.mjs'),
      `export default () => ({ id: 'thrower', description: 'Fails.', decide: () => { throw new RangeError('my bug'); } });\n`,
    );
    const thrower = await cli('run', scenario, ...SHORT, '--policy-module', join(dir, 'thrower.mjs'));
    expect(thrower.code).toBe(1);
    expect(thrower.err).toMatch(
      /^carepool: policy 'thrower' from '.*thrower\.mjs' threw on day \d+: my bug\n$/,
    );
    const missing = await cli('run', scenario, ...SHORT, '--policy-module', join(dir, 'nope.js'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/not found/);
  });

  it('--out always writes daily.csv with means and intervals across replications', async () => {
    const out = join(tempDir(), 'r');
    const r = await cli('run', scenario, ...SHORT, '--out', out);
    expect(r.code).toBe(0);
    const daily = readFileSync(join(out, 'daily.csv'), 'utf8').split('\n');
    expect(daily[0]).toBe('scenario,variant,sweepPoint,policy,day,date,metric,scope,n,mean,ciLow,ciHigh');
    expect(daily.length).toBeGreaterThan(14);
    expect(readdirSync(out)).not.toContain('series.csv');
    expect((await cli('run', scenario, ...SHORT, '--out', out, '--series')).code).toBe(0);
    const series = readFileSync(join(out, 'series.csv'), 'utf8').split('\n');
    expect(series[0]).toBe('scenario,variant,sweepPoint,policy,replication,day,date,metric,scope,value');
    // A rerun without --series leaves no stale series.csv behind.
    expect((await cli('run', scenario, ...SHORT, '--out', out)).code).toBe(0);
    expect(readdirSync(out)).not.toContain('series.csv');
  });
});
