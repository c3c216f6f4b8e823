/**
 * Hostile and degenerate input found by review: prototype pollution through paths, huge or deeply
 * nested files, meaningless capacities, `$schema` keys and CSV paths that leave the scenario's folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FileReader, loadScenario, parseScenarioText } from '@carepool/scenario';
import { afterEach, describe, expect, it } from 'vitest';
import { errorOf } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const mini = path.join(root, 'scenarios/test/mini-ics.yaml');
const fromDisk: FileReader = (p) => readFileSync(p, 'utf8');

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

describe('prototype pollution', () => {
  afterEach(() => {
    // Clean up whatever a failing (unfixed) loader may have left, so other tests still run.
    for (const name of ['polluted', 'x', 'y']) delete (Object.prototype as Record<string, unknown>)[name];
  });

  const polluted = () => (({}) as Record<string, unknown>).polluted ?? ({} as Record<string, unknown>).x;

  it.each([
    '__proto__.polluted',
    'workforce.__proto__.polluted',
    'constructor.prototype.polluted',
    'workforce.staffPools[0].__proto__.polluted',
    'organisations.constructor.prototype.polluted',
  ])('a sweep path %s is refused and pollutes nothing', (sweepPath) => {
    const text = `extends: ./mini-ics.yaml\nsweep: { parameters: [{ path: "${sweepPath}", values: [1] }] }\n`;
    const file = path.join(root, 'scenarios/test/pp.yaml');
    const error = errorOf(() => parseScenarioText(text, file, { readFile: fromDisk }));
    expect(polluted()).toBeUndefined();
    expect(error.fieldPath).toBe('sweep.parameters[0].path');
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/is not allowed in a path/);
  });

  it.each([
    '__proto__.polluted=1',
    'workforce.__proto__.x=1',
    'constructor.prototype.polluted=1',
    'workforce.constructor.prototype.x=1',
    '__proto__={polluted: 1}',
  ])('--set %s is refused and pollutes nothing', (override) => {
    const error = errorOf(() => loadScenario(mini, { overrides: [override] }));
    expect(polluted()).toBeUndefined();
    expect(error.message).toMatch(/^--set '.*'(:\d+:\d+)?: .*is not allowed in a path; expected /);
  });

  it('inherited names are not fields: toString, hasOwnProperty', () => {
    const error = errorOf(() => loadScenario(mini, { overrides: ['workforce.toString.x=1'] }));
    expect(error.message).toContain("no field 'toString'");
  });

  it.each(FORBIDDEN)('a CSV header %s is refused', (name) => {
    const dir = path.resolve('/virtual/scenarios');
    const readFile: FileReader = (p) => {
      if (p === path.join(dir, 'rows.csv')) return `id,${name}\na,1\n`;
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    };
    const text = 'kind: network\nname: n\ndurationHours: 1\nwarmupHours: 0\nstations: { csv: rows.csv }\n';
    const error = errorOf(() => parseScenarioText(text, path.join(dir, 's.yaml'), { readFile }));
    expect(error.message).toContain(`'${name}' is not allowed`);
  });
});

describe('huge and deeply nested files', () => {
  it('a 100,000-key mapping is refused quickly with a clear error', { timeout: 15_000 }, () => {
    const json = `{${Array.from({ length: 100_000 }, (_, i) => `"key${i}": 1`).join(',\n')}}`;
    const started = performance.now();
    const error = errorOf(() => parseScenarioText(json, 'huge.json'));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(error.message).toBe(
      'huge.json:1:1: (file): a mapping with 100000 keys; expected at most 10000 keys in one mapping',
    );
  });

  it('a duplicate key is found among thousands, and named with both lines', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `  k${i}: 1`).join('\n');
    const error = errorOf(() => parseScenarioText(`kind: system\nconstants:\n${keys}\n  k7: 2\n`, 'd.yaml'));
    expect(error.message).toBe(
      "d.yaml:5003:3: constants.k7: the key 'k7' is given twice (first at line 10); expected each key once in a mapping",
    );
  });

  it.each([
    ['flow lists', `a: ${'['.repeat(50_000)}${']'.repeat(50_000)}`],
    ['flow mappings', `a: ${'{b: '.repeat(5000)}1${'}'.repeat(5000)}`],
    ['block mappings', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')],
    ['compact lists', `${'- '.repeat(20_000)}1`],
  ])('absurd nesting (%s) is refused with a clear error, not a stack overflow', (_, text) => {
    const error = errorOf(() => parseScenarioText(text, 'deep.yaml'));
    expect(error.message).toMatch(
      /^deep\.yaml:\d+:\d+: \(file\): mappings and lists nested more than 100 levels deep; expected at most 100 levels of nesting$/,
    );
  });

  it('a --set value nested absurdly deep gets the same clear error', () => {
    const error = errorOf(() => loadScenario(mini, { overrides: [`name=${'['.repeat(100_000)}`] }));
    expect(error.message).toMatch(
      /: name: mappings and lists nested more than 100 levels deep; expected at most 100 levels of nesting$/,
    );
  });

  it('an alias bomb is measured before anything is built', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const error = errorOf(() => parseScenarioText(lines.join('\n'), 'bomb.yaml'));
    // The exact count: building the values one by one would have stopped at the limit (after 12 s).
    expect(error.message).toBe(
      'bomb.yaml:1:1: (file): the document expands to 12345679021 values (aliases?); expected a document of at most 2000000 values',
    );
  });

  it('aliases cannot nest past the limit either', () => {
    const lines = ['a0: &a0 [1]'];
    for (let i = 1; i <= 120; i++) lines.push(`a${i}: &a${i} [*a${i - 1}]`);
    const error = errorOf(() => parseScenarioText(lines.join('\n'), 'alias.yaml'));
    expect(error.message).toMatch(/nesting deeper than 100 levels/);
    expect(error.message).not.toMatch(/call stack/);
  });
});

describe('a sweep grid', () => {
  it('is measured before any of its values is checked', () => {
    const parameter = (i: number) =>
      `{ path: "workforce.staffPools[${i}].inPostWte", values: { from: 0, to: 999, step: 1 } }`;
    const ranges = Array.from({ length: 7 }, (_, i) => parameter(i)).join(', ');
    const text = `extends: ./mini-ics.yaml\nsweep:\n  parameters: [${ranges}, { path: workforce.policy, values: [nonsense] }]\n`;
    const error = errorOf(() =>
      parseScenarioText(text, path.join(root, 'scenarios/test/grid.yaml'), { readFile: fromDisk }),
    );
    // Checking every value first took seconds and then named the policy 'nonsense'.
    expect(error.message).toMatch(
      /grid\.yaml:2:1: sweep: the grid has 1e\+21 points; expected at most 100000 combinations$/,
    );
  });
});

describe('capacities that make the model meaningless', () => {
  const withSet =
    (...overrides: string[]) =>
    () =>
      loadScenario(mini, { overrides });

  it('an ED needs at least one cubicle', () => {
    const error = errorOf(withSet('emergencyDepartments[trustA.ed].cubicles=0'));
    expect(error.fieldPath).toBe('emergencyDepartments[trustA.ed].cubicles');
    expect(error.message).toMatch(/cubicles: 0 is too small; expected a number >= 1$/);
  });

  it('acute wards need at least one bed, and one bed not ring-fenced', () => {
    let error = errorOf(
      withSet('acuteWards[trustA.wards].physicalBeds=0', 'acuteWards[trustA.wards].initialOccupiedBeds=0'),
    );
    expect(error.fieldPath).toBe('acuteWards[trustA.wards].physicalBeds');
    error = errorOf(withSet('acuteWards[trustA.wards].ringFencedElectiveBeds==current + 10000'));
    expect(error.fieldPath).toBe('acuteWards[trustA.wards].ringFencedElectiveBeds');
    const beds = (loadScenario(mini).config as { acuteWards: { physicalBeds: number }[] }).acuteWards[0]
      .physicalBeds;
    error = errorOf(withSet(`acuteWards[trustA.wards].ringFencedElectiveBeds=${beds}`));
    expect(error.message).toContain('ringFencedElectiveBeds < physicalBeds');
  });

  it('zero staff, zero places and zero boarding spaces stay legitimate what-ifs', () => {
    const config = loadScenario(mini, {
      overrides: [
        'workforce.staffPools[councilNorth.careWorker].establishmentWte=0',
        'workforce.staffPools[councilNorth.careWorker].inPostWte=0',
        'placements[0].places=0',
        'placements[0].initialOccupiedPlaces=0',
        'emergencyDepartments[trustA.ed].boardingSpaces=0',
      ],
    }).config as { placements: { places: number }[] };
    expect(config.placements[0].places).toBe(0);
  });
});

describe('a $schema key for editors', () => {
  it('is accepted (and ignored) at the top of JSON and YAML files', () => {
    const network = {
      $schema: './carepool.schema.json',
      kind: 'network',
      name: 'n',
      durationHours: 10,
      warmupHours: 0,
      stations: [{ id: 'a', servers: 1, serviceHours: { kind: 'exponential', mean: 1 } }],
      arrivals: [{ stationId: 'a', ratePerHour: 1 }],
    };
    const json = parseScenarioText(JSON.stringify(network), 'n.json');
    expect(json.config).not.toHaveProperty('$schema');
    const { $schema: _, ...without } = network;
    expect(json.hash).toBe(parseScenarioText(JSON.stringify(without), 'n.json').hash);
    const yaml = parseScenarioText(
      `$schema: https://example.org/s.json\n${Object.entries(without)
        .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
        .join('\n')}\n`,
      'n.yaml',
    );
    expect(yaml.hash).toBe(json.hash);
  });

  it('must be text, and only at the top', () => {
    let error = errorOf(() => parseScenarioText('$schema: 5\nkind: network\n', 'n.yaml'));
    expect(error.fieldPath).toBe('$schema');
    error = errorOf(() =>
      parseScenarioText(
        'extends: ./mini-ics.yaml\nworkforce: { $schema: x }\n',
        path.join(root, 'scenarios/test/v.yaml'),
        { readFile: fromDisk },
      ),
    );
    expect(error.message).toContain("unknown field '$schema'");
  });

  it('is a property of the JSON Schema, so editors accept it', async () => {
    const { scenarioJsonSchema } = await import('@carepool/scenario');
    const defs = (scenarioJsonSchema() as { $defs: Record<string, { properties: Record<string, unknown> }> })
      .$defs;
    for (const name of [
      'SystemScenario',
      'NetworkScenario',
      'SystemScenarioVariant',
      'NetworkScenarioVariant',
    ])
      expect(defs[name].properties.$schema, name).toMatchObject({ type: 'string' });
  });
});

describe('CSV files stay inside the scenario folder', () => {
  const dir = path.resolve('/virtual/scenarios/mine');
  const files: Record<string, string> = {
    [path.join(dir, 'data/service.csv')]: 'hours\n0.5\n1.5\n',
    [path.resolve('/virtual/scenarios/service.csv')]: 'hours\n0.5\n1.5\n',
    [path.resolve('/etc/service.csv')]: 'hours\n0.5\n1.5\n',
    [path.resolve('/virtual/scenarios/base.yaml')]:
      'kind: network\nname: base\ndurationHours: 10\nwarmupHours: 0\narrivals: [{ stationId: a, ratePerHour: 1 }]\nstations: [{ id: a, servers: 1, serviceHours: { kind: empirical, sample: { csv: service.csv, column: hours } } }]\n',
  };
  const readFile: FileReader = (p) => {
    const text = files[p];
    if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return text;
  };
  const withCsv = (csv: string) =>
    `kind: network\nname: n\ndurationHours: 10\nwarmupHours: 0\narrivals: [{ stationId: a, ratePerHour: 1 }]\nstations:\n  - { id: a, servers: 1, serviceHours: { kind: empirical, sample: { csv: ${JSON.stringify(csv)}, column: hours } } }\n`;

  it('reads a CSV in the folder of the file or below it', () => {
    const loaded = parseScenarioText(withCsv('data/service.csv'), path.join(dir, 's.yaml'), { readFile });
    expect(JSON.stringify(loaded.config)).toContain('"sample":[0.5,1.5]');
    expect(
      parseScenarioText(withCsv('./data/../data/service.csv'), path.join(dir, 's.yaml'), { readFile }).hash,
    ).toBe(loaded.hash);
  });

  it.each([
    ['../service.csv', 'outside'],
    ['data/../../service.csv', 'outside'],
    [path.resolve('/etc/service.csv'), 'an absolute path'],
  ])('refuses %s', (csv, problem) => {
    const error = errorOf(() => parseScenarioText(withCsv(csv), path.join(dir, 's.yaml'), { readFile }));
    expect(error.fieldPath).toBe('stations[a].serviceHours.sample.csv');
    expect(error.line).toBe(7);
    expect(error.message).toContain(problem);
    expect(error.message).toContain(
      'expected a CSV file in the folder of the file that names it, or below it',
    );
  });

  it('a CSV named by an extended base is relative to the base file', () => {
    const loaded = parseScenarioText('extends: ../base.yaml\nname: v\n', path.join(dir, 'v.yaml'), {
      readFile,
      allowDirs: [path.resolve('/virtual/scenarios')],
    });
    expect(loaded.config.name).toBe('v');
  });
});

describe('the mini ICS data', () => {
  it.each(['ed-arrivals-by-hour.csv', 'direct-admissions-by-hour.csv'])(
    'scenarios/test/data/%s is a copy of scenarios/data/ (CSV files must sit beside the scenario)',
    (name) => {
      expect(readFileSync(path.join(root, 'scenarios/test/data', name), 'utf8')).toBe(
        readFileSync(path.join(root, 'scenarios/data', name), 'utf8'),
      );
    },
  );
});
