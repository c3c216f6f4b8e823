/** The loader on the shipped scenarios and on small in-memory files: extends, overrides, expressions, CSV, sweeps. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultIcsConfig, miniIcsConfig } from '@carepool/model';
import {
  applyOverrides,
  type FileReader,
  type LoadedScenario,
  loadScenario,
  parseScenarioText,
  ScenarioError,
} from '@carepool/scenario';
import { describe, expect, it } from 'vitest';
import { errorOf } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const scenarios = path.join(root, 'scenarios');
const mini = path.join(scenarios, 'test/mini-ics.yaml');

function system(loaded: LoadedScenario) {
  if (loaded.kind !== 'system') throw new Error('expected a system scenario');
  return loaded;
}

/** In-memory files for `extends` and CSV, keyed by absolute path. */
function memoryReader(files: Record<string, string>): FileReader {
  return (absolute) => {
    const text = files[absolute];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${absolute}`), { code: 'ENOENT' });
    return text;
  };
}

const miniWithReachableTravel = () => {
  const config = miniIcsConfig();
  const ids = new Set(config.organisations.map((o) => o.id));
  config.workforce.travelTimes = config.workforce.travelTimes.filter(
    (t) => ids.has(t.fromOrganisationId) && ids.has(t.toOrganisationId),
  );
  return config;
};

describe('shipped scenarios', () => {
  it('ics-default.yaml loads into exactly defaultIcsConfig()', () => {
    expect(system(loadScenario(path.join(scenarios, 'ics-default.yaml'))).config).toStrictEqual(
      defaultIcsConfig(),
    );
  });

  it('test/mini-ics.yaml loads into miniIcsConfig() (travel times within the mini system)', () => {
    expect(system(loadScenario(mini)).config).toStrictEqual(miniWithReachableTravel());
  });

  it('every scenario file in scenarios/ and scenarios/textbook/ loads', () => {
    const files = [
      ...readdirSync(scenarios).filter((f) => f.endsWith('.yaml')),
      ...readdirSync(path.join(scenarios, 'textbook')).map((f) => `textbook/${f}`),
    ];
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) expect(loadScenario(path.join(scenarios, file)).hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('checks specialty groups, boarding spaces and the discharge window', () => {
    const variant = (body: string) => () =>
      parseScenarioText(`extends: ./mini-ics.yaml\n${body}`, path.join(scenarios, 'test/variant.yaml'), {
        readFile: (file) => readFileSync(file, 'utf8'),
      });
    const ward = (fields: string) => `acuteWards:\n  - { id: trustA.wards, ${fields} }\n`;
    expect(errorOf(variant(ward('specialties: [{ id: surgery, bedShare: 0 }]'))).message).toContain(
      'expected a number > 0',
    );
    expect(errorOf(variant(ward('specialties: [{ id: surgery, bedShare: 0.3 }]'))).message).toContain(
      'bedShares sum to 1.1',
    );
    expect(errorOf(variant(ward('dischargeStartHour: 20'))).message).toContain(
      'discharges from 20:00 end at 19:00',
    );
    expect(errorOf(variant(ward('outlieAfterMinutes: -1'))).fieldPath).toBe(
      'acuteWards[trustA.wards].outlieAfterMinutes',
    );
    const ed = 'emergencyDepartments:\n  - { id: trustA.ed, boardingSpaces: -1 }\n';
    expect(errorOf(variant(ed)).fieldPath).toBe('emergencyDepartments[trustA.ed].boardingSpaces');
    // `null` removes the inherited groups: back to one pooled bed base.
    const pooled = system(
      variant(`${ed.replace('-1', '0')}${ward('specialties: null, outlieAfterMinutes: null')}`)(),
    );
    expect(pooled.config.acuteWards[0]).not.toHaveProperty('specialties');
    expect(pooled.config.acuteWards[0]).not.toHaveProperty('outlieAfterMinutes');
    expect(pooled.config.emergencyDepartments[0]?.boardingSpaces).toBe(0);
  });

  it('what-if variants change only what they say', () => {
    const base = defaultIcsConfig();
    const carers = system(loadScenario(path.join(scenarios, 'home-care-plus-40-carers.yaml'))).config;
    const pool = (c: typeof base, id: string) => c.workforce.staffPools.find((p) => p.id === id)!;
    expect(pool(carers, 'councilNorth.careWorker').inPostWte).toBe(
      pool(base, 'councilNorth.careWorker').inPostWte + 20,
    );
    expect(pool(carers, 'trustA.wardRn')).toStrictEqual(pool(base, 'trustA.wardRn'));
    expect(carers.workforce.staffPools.map((p) => p.id)).toEqual(base.workforce.staffPools.map((p) => p.id));

    const turnover = system(loadScenario(path.join(scenarios, 'turnover-15pct.yaml')));
    expect(turnover.config.durationDays).toBe(1095);
    for (const id of ['trustA.wardRn', 'trustB.wardRn', 'trustC.wardRn'])
      expect(pool(turnover.config, id).turnoverPerYear).toBe(0.15);
    expect(pool(turnover.config, 'communityHealth.districtNurse').turnoverPerYear).toBe(
      pool(base, 'communityHealth.districtNurse').turnoverPerYear,
    );
    expect(turnover.sweep?.parameters[0].values).toContain('staffPassport');

    const growth = system(loadScenario(path.join(scenarios, 'admissions-growth.yaml'))).config;
    expect(growth.emergencyDepartments.map((e) => e.arrivalProfile.annualGrowthShare)).toEqual([
      0.054, 0.054, 0.054,
    ]);
  });
});

describe('extends and merging', () => {
  const dir = path.resolve('/virtual/scenarios');
  const baseText = `kind: network
name: base
durationHours: 100
warmupHours: 10
stations:
  - { id: a, servers: 1, serviceHours: { kind: exponential, mean: 0.5 } }
  - { id: b, servers: 2, serviceHours: { kind: exponential, mean: 0.5 } }
arrivals: [{ stationId: a, ratePerHour: 1 }]
routing: [{ fromStationId: a, to: [{ stationId: b, share: 0.5 }] }]
`;
  const readFile = memoryReader({ [path.join(dir, 'base.yaml')]: baseText });

  it('merges lists by id, keeps the rest, removes items and fields', () => {
    const text = `extends: ./base.yaml
name: variant
stations:
  - { id: b, servers: "+3", queueCapacity: 5 }
  - { id: c, servers: 1, serviceHours: { kind: deterministic, value: 1 } }
`;
    const loaded = parseScenarioText(text, path.join(dir, 'variant.yaml'), { readFile });
    if (loaded.kind !== 'network') throw new Error('network expected');
    expect(loaded.config.name).toBe('variant');
    expect(loaded.config.stations.map((s) => [s.id, s.servers, s.queueCapacity])).toEqual([
      ['a', 1, undefined],
      ['b', 5, 5],
      ['c', 1, undefined],
    ]);
    const removed = parseScenarioText(
      'extends: ./base.yaml\nstations: [{ id: b, remove: true }]\nrouting: []\n',
      path.join(dir, 'v2.yaml'),
      { readFile },
    );
    expect((removed.config as { stations: { id: string }[] }).stations.map((s) => s.id)).toEqual(['a']);
  });

  it('reports YAML and JSON syntax errors at their line', () => {
    let error = errorOf(() => parseScenarioText('kind: network\nstations: [1, 2\nname: x\n', 's.yaml'));
    expect(error.message).toMatch(/^s\.yaml:\d+:\d+: \(file\): YAML syntax error: /);
    error = errorOf(() => parseScenarioText('{\n  "kind": "network",\n  "name": \n}', 's.json'));
    expect(error.file).toBe('s.json');
    expect(error.line).toBeGreaterThan(1);
  });

  it('refuses to read other files without a reader', () => {
    const error = errorOf(() => parseScenarioText('extends: ./base.yaml\n', 'v.yaml'));
    expect(error.message).toMatch(/^v\.yaml:1:1: extends: cannot read/);
  });

  it('gives equal hashes for equal configurations, different ones otherwise', () => {
    const a = parseScenarioText(baseText, path.join(dir, 'x.yaml'));
    const b = parseScenarioText(`extends: ./base.yaml\n`, path.join(dir, 'y.yaml'), { readFile });
    const c = parseScenarioText(`extends: ./base.yaml\nwarmupHours: 11\n`, path.join(dir, 'z.yaml'), {
      readFile,
    });
    expect(a.hash).toBe(b.hash);
    expect(c.hash).not.toBe(a.hash);
  });
});

describe('--set overrides', () => {
  const base = () => system(loadScenario(mini)).config;
  const set = (...overrides: string[]) => system(loadScenario(mini, { overrides })).config;
  const ward = (c: ReturnType<typeof base>) => c.workforce.staffPools.find((p) => p.id === 'trustA.wardRn')!;

  it('applies every value form', () => {
    const b = ward(base());
    expect(
      ward(set('workforce.staffPools[trustA.wardRn].establishmentWte=+10%')).establishmentWte,
    ).toBeCloseTo(b.establishmentWte * 1.1, 9);
    expect(
      ward(set('workforce.staffPools[trustA.wardRn].establishmentWte=-5%')).establishmentWte,
    ).toBeCloseTo(b.establishmentWte * 0.95, 9);
    expect(ward(set('workforce.staffPools[trustA.wardRn].inPostWte=*1.5')).inPostWte).toBeCloseTo(
      b.inPostWte * 1.5,
      9,
    );
    expect(ward(set('workforce.staffPools[trustA.wardRn].bankHeadcount=+25')).bankHeadcount).toBe(
      b.bankHeadcount + 25,
    );
    expect(ward(set('workforce.staffPools[trustA.wardRn].turnoverPerYear=15%')).turnoverPerYear).toBe(0.15);
    expect(ward(set('workforce.staffPools[0].maxHiresInPipeline=12')).maxHiresInPipeline).toBe(12);
    expect(
      ward(set('workforce.staffPools[trustA.wardRn].hourlyCostGbp==current * 2')).hourlyCostGbp,
    ).toBeCloseTo(b.hourlyCostGbp * 2, 9);
    expect(set('workforce.policy=systemBank').workforce.policy).toBe('systemBank');
    expect(
      set('workforce.policySettings.systemBank.headcountByRole.registeredNurse=200').workforce.policySettings
        .systemBank.headcountByRole.registeredNurse,
    ).toBe(200);
    expect(
      set('surges=[{ name: flu, startDay: 10, durationDays: 5, edArrivalsMultiplier: 1.2 }]').surges[0]
        .otherDemandMultiplier,
    ).toBe(1);
  });

  it('reports bad overrides as ScenarioErrors naming the --set', () => {
    let error = errorOf(() => set('workforce.staffPools[trustA.wardRN].establishmentWte=+10%'));
    expect(error.file).toBe("--set 'workforce.staffPools[trustA.wardRN].establishmentWte=+10%'");
    expect(error.message).toContain("did you mean 'trustA.wardRn'?");
    error = errorOf(() => set('workforce.policy=systemBnak'));
    expect(error.message).toContain("did you mean 'systemBank'?");
    error = errorOf(() => set('workforce.staffPools[trustA.wardRn].turnoverPerYear=+5000%'));
    expect(error.fieldPath).toBe('workforce.staffPools[trustA.wardRn].turnoverPerYear');
    error = errorOf(() => set('workforce.polcy=siloed'));
    expect(error.message).toContain("did you mean 'policy'?");
    error = errorOf(() => set('workforce..policy=x'));
    expect(error.column).toBe(11);
    error = errorOf(() => set('name=+10%'));
    expect(error.problem).toContain('not a number');
    errorOf(() => set('no equals sign'));
  });

  it('applyOverrides validates a resolved config without touching the original', () => {
    const config = base();
    const changed = applyOverrides(config, ['warmupDays=+10']);
    expect(changed.warmupDays).toBe(config.warmupDays + 10);
    expect(base().warmupDays).toBe(config.warmupDays);
    expect(() => applyOverrides(config, ['warmupDays=-1000'])).toThrow(ScenarioError);
  });
});

describe('expressions, percentages, CSV data and sweeps', () => {
  const dir = path.resolve('/virtual/data');
  const network = (body: string) => `kind: network
name: n
durationHours: 100
warmupHours: 0
arrivals: [{ stationId: a, ratePerHour: 1 }]
${body}`;

  it('evaluates constants and expressions once', () => {
    const text = network(`constants: { base: 2, twice: "= base * 2" }
stations: [{ id: a, servers: "= twice ^ 2 + max(1, 3) - round(pi)", serviceHours: { kind: exponential, mean: 0.5 } }]
`);
    const loaded = parseScenarioText(text, 'n.yaml');
    const station = (loaded.config as { stations: { servers: number; serviceHours: unknown }[] }).stations[0];
    expect(station.servers).toBe(16);
    expect(station.serviceHours).toEqual({ kind: 'exponential', mean: 0.5 });
    // What is refused, and why, layer by layer: sandbox.test.ts.
  });

  it('reads a CSV column and a CSV staff list beside the file', () => {
    const readFile = memoryReader({
      [path.join(dir, 'service.csv')]: '# observed service times\nid,hours\n1,0.5\n2,1.5\n',
      [path.join(dir, 'stations.csv')]: 'id,servers\na,3\nb,1\n',
    });
    const text = `kind: network
name: csv
durationHours: 10
warmupHours: 0
stations: { csv: stations.csv }
arrivals: [{ stationId: a, ratePerHour: 1 }]
`;
    // Rows give stations without a service distribution: the error points at the row in the CSV.
    const error = errorOf(() => parseScenarioText(text, path.join(dir, 's.yaml'), { readFile }));
    expect(error.file).toBe(path.join(dir, 'stations.csv'));
    expect(error.line).toBe(2);
    expect(error.message).toContain("missing required field 'serviceHours'");

    const columnText = network(
      `stations: [{ id: a, servers: 1, serviceHours: { kind: empirical, sample: { csv: service.csv, column: hours } } }]\n`,
    );
    const loaded = parseScenarioText(columnText, path.join(dir, 'c.yaml'), { readFile });
    expect((loaded.config as { stations: { serviceHours: unknown }[] }).stations[0].serviceHours).toEqual({
      kind: 'empirical',
      sample: [0.5, 1.5],
    });
  });

  it('expands and checks sweeps', () => {
    const readFile: FileReader = (p) => loadText(p);
    const text = `extends: ${JSON.stringify(mini)}
sweep:
  parameters:
    - path: workforce.staffPools[trustA.wardRn].inPostWte
      values: { from: 100, to: 120, step: 10 }
    - path: workforce.policy
      values: [siloed, systemBank, "+1"]
`;
    const error = errorOf(() => parseScenarioText(text, path.join(root, 'sweep.yaml'), { readFile }));
    expect(error.fieldPath).toBe('sweep.parameters[1].values[2]');
    expect(error.line).toBe(7);
    const ok = system(
      parseScenarioText(text.replace(', "+1"', ''), path.join(root, 'sweep.yaml'), { readFile }),
    );
    expect(ok.sweep?.parameters).toEqual([
      { path: 'workforce.staffPools[trustA.wardRn].inPostWte', values: [100, 110, 120] },
      { path: 'workforce.policy', values: ['siloed', 'systemBank'] },
    ]);
  });
});

function loadText(file: string): string {
  return readFileSync(file, 'utf8');
}
