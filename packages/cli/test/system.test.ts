/**
 * System scenarios through the CLI: the headline table, --policy, --policy-module, --daily and the
 * provenance. Runs the default ICS (written to a JSON scenario file) over a short period.
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
    expect(r.out).toMatch(/2 replications, seed 1, 14 days after 3 days warm-up, policy siloed/);
    for (const label of [
      'ED: within 4 hours of arrival (share of attendances)',
      'General and acute bed occupancy',
      'Vacancy rate, all staff (WTE)',
      'Registered nurse vacancy rate',
      'Staffing cost',
    ]) {
      expect(r.out).toContain(label);
    }
    expect(r.out).toMatch(
      /ED: within 4 hours of arrival \(share of attendances\)\s+\d+\.\d%\s+\d+\.\d% – \d+\.\d%/,
    );
    expect(r.out).toMatch(/ED: over 12 hours from arrival \(share of attendances\)\s+\d+\.\d%/);
  });

  it('runs the README’s default scenario file (shortened)', async () => {
    const r = await cli('run', 'scenarios/ics-default.yaml', ...SHORT.slice(0, 4), '--reps', '1', '--quiet');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ED: within 4 hours of arrival/);
  });

  it('--policy replaces the scenario’s policy and shows in provenance and rows', async () => {
    const r = await cli('run', scenario, ...SHORT, '--policy', 'mutualAid', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.provenance).toMatchObject({
      policy: 'mutualAid',
      scenarioKind: 'system',
      durationDays: 14,
      warmupDays: 3,
    });
    expect(doc.provenance.overrides).toContain('workforce.policy=mutualAid');
    expect(doc.metrics[0].policy).toBe('mutualAid');
    const siloed = JSON.parse((await cli('run', scenario, ...SHORT, '--json')).out);
    expect(siloed.provenance.scenarioHash).not.toBe(doc.provenance.scenarioHash);
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
    expect(doc.provenance.policy).toBe('neverMove');
    expect(doc.provenance.policyModule).toBe(join(dir, 'never-move.mjs'));

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

  it('--out with --daily writes daily.csv beside the tidy metrics', async () => {
    const out = join(tempDir(), 'r');
    const r = await cli('run', scenario, ...SHORT, '--daily', '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['daily.csv', 'metrics.csv', 'results.json']);
    const daily = readFileSync(join(out, 'daily.csv'), 'utf8').split('\n');
    expect(daily[0]).toBe('scenario,policy,replication,day,date,metric,scope,value');
    expect(daily.length).toBeGreaterThan(14);
    // Without --daily a rerun leaves no stale daily.csv behind.
    expect((await cli('run', scenario, ...SHORT, '--out', out)).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['metrics.csv', 'results.json']);
  });
});
