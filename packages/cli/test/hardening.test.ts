/** Review findings on the command line: prototype pollution, malformed --set, headline rows, policy modules, CSV paths. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReplicateResult, SummaryRow } from '@carepool/experiment';
import type { MetricStatistic } from '@carepool/model';
import { describe, expect, it } from 'vitest';
import { comparisonTable, headlinesFrom } from '../src/experiment/table.js';
import { SYSTEM_HEADLINES } from '../src/format.js';
import { cli, REPO_ROOT, tempDir } from './helpers.js';

const MINI = 'scenarios/test/mini-ics.yaml';

describe('--set cannot pollute prototypes', () => {
  it.each(['__proto__.polluted=1', 'workforce.__proto__.polluted=1', 'constructor.prototype.polluted=1'])(
    '%s is refused with one line',
    async (override) => {
      const r = await cli('validate', MINI, '--set', override);
      const polluted = ({} as Record<string, unknown>).polluted;
      delete (Object.prototype as Record<string, unknown>).polluted;
      expect(polluted).toBeUndefined();
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/is not allowed in a path/);
    },
  );
});

describe('a malformed --set is a usage error', () => {
  it.each([
    [['validate', MINI, '--set', 'foo'], "no '=' between path and value"],
    [['run', 'scenarios/textbook/mm1.yaml', '--set', 'durationHours'], "no '=' between path and value"],
    [['validate', MINI, '--set', '=5'], 'an empty path'],
    [['validate', MINI, '--set', 'a..b=1'], 'a field name should start here'],
    [['validate', MINI, '--set', 'stations[x=1'], "a '[' without its ']'"],
  ])('%j exits 2 with one line', async (argv, problem) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^carepool: --set '/);
    expect(r.err).toContain(problem);
  });

  it('a well-formed --set naming an unknown field is a scenario error (exit 1)', async () => {
    const r = await cli('validate', MINI, '--set', 'nosuchfield.x=1');
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('the headline table', () => {
  const row = (metric: string, statistic: MetricStatistic, mean: number): SummaryRow => ({
    arm: 0,
    metric,
    scope: 'ics',
    statistic,
    n: 1,
    mean,
    sd: Number.NaN,
    ciLow: Number.NaN,
    ciHigh: Number.NaN,
    confidence: 0.95,
  });
  const result = {
    arms: [
      { id: 'base/siloed', scenario: 's', variant: 'base', sweepPoint: 'base', policy: 'siloed', config: {} },
    ],
    failures: new Map(),
  } as unknown as ReplicateResult<unknown>;
  const table = () =>
    comparisonTable(
      result,
      headlinesFrom(SYSTEM_HEADLINES, 'ics'),
      [
        row('ed.fourHourShare', 'value', 0.71),
        row('ed.twelveHourFromArrivalShare', 'value', 0.0812),
        row('ed.twelveHourFromArrivalCount', 'total', 26098),
        row('ed.decisionToAdmitOver12hCount', 'total', 4321),
        row('workforce.vacancyShare', 'value', 0.5),
        row('workforce.vacancyShare', 'mean', 0.089),
        row('workforce.registeredNurseVacancyShare', 'mean', 0.074),
        { ...row('workforce.vacancyShare', 'mean', 0.2), scope: 'trustA' },
      ],
      [],
      0.95,
    );

  it('shows the 12-hour contract share as a percentage, and the count as its own outcome', () => {
    const text = table();
    expect(text).toMatch(
      /ED: over 12 hours from arrival \(share of attendances\)\s*\n\s+base\/siloed\s+8\.1%/,
    );
    expect(text).toMatch(/ED: over 12 hours from arrival \(patients\)\s*\n\s+base\/siloed\s+26,098/);
    expect(text).toMatch(
      /ED: over 12 hours from decision to admit \(trolley waits\)\s*\n\s+base\/siloed\s+4,321/,
    );
  });

  it('labels vacancy precisely: all staff (time-weighted mean, ICS) and registered nurses', () => {
    const text = table();
    expect(text).toMatch(/Vacancy rate, all staff \(WTE\)\s*\n\s+base\/siloed\s+8\.9%/);
    expect(text).toMatch(/Registered nurse vacancy rate\s*\n\s+base\/siloed\s+7\.4%/);
  });
});

describe('--policy-module', () => {
  const SHORT = ['--set', 'durationDays=3', '--set', 'warmupDays=0', '--reps', '2'];
  const write = (name: string, text: string) => {
    const file = join(tempDir(), name);
    writeFileSync(file, text);
    return file;
  };

  it('warns once that a plain policy object is shared across replications', async () => {
    const file = write(
      'object.mjs',
      `export default { id: 'still', description: 'Nobody moves.', decide: () => ({ moves: [], systemBankFills: [] }) };\n`,
    );
    const r = await cli('run', MINI, ...SHORT, '--policy-module', file);
    expect(r.code).toBe(0);
    const warnings = r.err.split('\n').filter((l) => l.startsWith('carepool: warning:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /exports a policy object, not a factory: one object is shared by the replications a thread runs/,
    );
    // A factory gets no warning.
    const factory = write(
      'factory.mjs',
      `export default () => ({ id: 'still', description: 'Nobody moves.', decide: () => ({ moves: [], systemBankFills: [] }) });\n`,
    );
    const f = await cli('run', MINI, ...SHORT, '--policy-module', factory);
    expect(f.code).toBe(0);
    expect(f.err).not.toMatch(/warning/);
  });

  it.each([
    [
      'export default 42;\n',
      /^carepool: policy module '.*' exports 42 as default; expected a DeploymentPolicy/,
    ],
    [
      'export const other = 1;\n',
      /^carepool: policy module '.*' exports no default, 'policy' or 'createPolicy' \(it exports: other\)/,
    ],
    [
      `export default { description: 'x', decide: () => ({ moves: [], systemBankFills: [] }) };\n`,
      /^carepool: policy module '.*': the policy's 'id' is undefined \(missing\); expected text/,
    ],
    [
      `export default { id: 'p', description: 'x', decide: 3 };\n`,
      /^carepool: policy module '.*': policy 'p' has 'decide' 3; expected a function decide\(snapshot\)/,
    ],
    [
      `export default () => ({ id: 'p', description: 'x' });\n`,
      /^carepool: policy module '.*': policy 'p' has 'decide' undefined \(missing\); expected a function/,
    ],
    [
      `export default () => ({ id: 'p', description: 'x', decide: () => ({ moves: [] }) });\n`,
      /^carepool: policy 'p' from '.*' returned a decision whose 'systemBankFills' is undefined \(missing\) on day \d+; expected \{ moves: \[\.\.\.\], systemBankFills: \[\.\.\.\] \}/,
    ],
    [
      `export default () => ({ id: 'p', description: 'x', decide: () => { throw new Error('my bug'); } });\n`,
      /^carepool: policy 'p' from '.*' threw on day \d+: my bug$/,
    ],
  ])('a bad module %j gives one line starting carepool: and naming the field', async (text, message) => {
    const r = await cli('run', MINI, ...SHORT, '--quiet', '--policy-module', write('bad.mjs', text));
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.trim()).toMatch(message);
    expect(r.err).not.toMatch(/'undefined'/);
  });

  it('a missing module names the path', async () => {
    const r = await cli('run', MINI, ...SHORT, '--policy-module', './no-such-policy.mjs');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^carepool: policy module '\.\/no-such-policy\.mjs' not found/);
  });
});

describe('runs that cannot end stop cleanly', () => {
  /** Writes a network of one FIFO server fed by one stream of class-0 customers, and runs it once. */
  const runOneStation = (
    scenario: {
      name: string;
      durationHours: number;
      id: string;
      serviceHours: string;
      ratePerHour: number;
      routing?: string;
    },
    ...flags: string[]
  ) => {
    const { name, durationHours, id, serviceHours, ratePerHour, routing = '[]' } = scenario;
    const file = join(tempDir(), `${id}.yaml`);
    writeFileSync(
      file,
      `kind: network
name: ${name}
durationHours: ${durationHours}
warmupHours: 0
stations:
  - { id: ${id}, servers: 1, serviceHours: ${serviceHours}, discipline: fifo, preemptive: false, blockAfterService: false }
arrivals:
  - { stationId: ${id}, ratePerHour: ${ratePerHour}, priorityClass: 0 }
routing: ${routing}
`,
    );
    return cli('run', file, '--reps', '1', '--workers', '1', ...flags);
  };

  it('warns about an overloaded station before running, and stops its unbounded queue with a clear message', async () => {
    const r = await runOneStation({
      name: 'overloaded desk',
      durationHours: 100000,
      id: 'desk',
      serviceHours: '{ kind: exponential, mean: 0.02 }',
      ratePerHour: 100,
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /warning: 'overloaded desk': station 'desk' has offered load 2\.000 ≥ 1 with an unlimited queue/,
    );
    expect(r.err).toMatch(
      /station 'desk' has more than 1,000,000 customers queued at hour \d+: its queue grows without bound/,
    );
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('stops a routing near-loop with zero service time', async () => {
    const r = await runOneStation(
      {
        name: 'lab loop',
        durationHours: 100,
        id: 'lab',
        serviceHours: '{ kind: deterministic, value: 0 }',
        ratePerHour: 1,
        routing: '[{ fromStationId: lab, to: [{ stationId: lab, share: 0.9999999 }] }]',
      },
      '--quiet',
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /a customer has visited 100,000 stations \(last 'lab'\) without leaving: the routing is a loop/,
    );
  });
});

describe('--allow-dir', () => {
  it('lets a scenario extend a file outside its folder only when that folder is allowed', async () => {
    const shared = tempDir();
    writeFileSync(
      join(shared, 'base.yaml'),
      readFileSync(join(REPO_ROOT, 'scenarios/textbook/mm1.yaml'), 'utf8'),
    );
    const mine = tempDir();
    writeFileSync(join(mine, 'variant.yaml'), `extends: ${join(shared, 'base.yaml')}\nname: mine\n`);
    const refused = await cli('validate', join(mine, 'variant.yaml'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/allowed explicitly/);
    const allowed = await cli('validate', join(mine, 'variant.yaml'), '--allow-dir', shared);
    expect(allowed.err).toBe('');
    expect(allowed.code).toBe(0);
  });
});
