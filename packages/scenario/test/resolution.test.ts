/**
 * Every resolved value is what the file says, or inherited, or the declared change of the inherited
 * value — never anything else. Cases found by an outside review: relative changes of profile fields,
 * unquoted relative forms, duplicate ids in one file, and a distribution whose kind a variant changes.
 */
import path from 'node:path';
import { type FileReader, loadScenario, parseScenarioText } from '@carepool/scenario';
import { describe, expect, it } from 'vitest';
import { errorOf, fromDisk, scenarios, system } from './helpers.js';

/** A variant of the default ICS written in the scenarios folder (read from memory, bases from disk). */
const variant = (body: string, options: { overrides?: string[] } = {}) =>
  parseScenarioText(`extends: ./ics-default.yaml\n${body}`, path.join(scenarios, 'variant.yaml'), {
    readFile: fromDisk,
    ...options,
  });
const pool = (config: ReturnType<typeof system>, id: string) => {
  const found = config.workforce.staffPools.find((p) => p.id === id);
  if (!found) throw new Error(`no pool ${id}`);
  return found;
};
const poolChange = (fields: string) => `workforce:\n  staffPools:\n    - { id: trustA.wardRn, ${fields} }\n`;

describe('relative changes of values a pool takes from its profile', () => {
  it.each([
    ['"+10%"', 488.4],
    ['"-5%"', 421.8],
    ['"*1.2"', 532.8],
    ['"+20"', 464],
    ['"-4"', 440],
  ])('establishmentWte: %s changes the profile value 444', (form, expected) => {
    const config = system(variant(poolChange(`establishmentWte: ${form}`)));
    expect(pool(config, 'trustA.wardRn').establishmentWte).toBe(expected);
    expect(pool(config, 'trustB.wardRn').establishmentWte).toBe(444);
  });

  it('matches the same change made with --set', () => {
    const file = system(variant(poolChange('establishmentWte: "+10%"')));
    const set = system(
      variant('', { overrides: ['workforce.staffPools[trustA.wardRn].establishmentWte=+10%'] }),
    );
    expect(pool(file, 'trustA.wardRn')).toStrictEqual(pool(set, 'trustA.wardRn'));
  });

  it('the shipped test variants resolve to the declared changes', () => {
    const first = system(loadScenario(path.join(scenarios, 'test/variants/ward-rn-plus-10pct.yaml')));
    expect(pool(first, 'trustA.wardRn').establishmentWte).toBe(488.4);
    expect(pool(first, 'trustA.wardRn').inPostWte).toBe(390.45);
    expect(pool(first, 'trustB.wardRn').inPostWte).toBe(493.2);
    expect(pool(first, 'trustC.wardRn').inPostWte).toBe(431);
    // A variant of it: trustA kept its own (changed) establishment; the others take the new profile.
    const second = system(loadScenario(path.join(scenarios, 'test/variants/on-a-variant.yaml')));
    expect(pool(second, 'trustA.wardRn').establishmentWte).toBe(488.4);
    expect(pool(second, 'trustB.wardRn').establishmentWte).toBe(500);
    expect(pool(second, 'trustC.wardRn').establishmentWte).toBe(500);
    expect(pool(second, 'trustB.wardRn').inPostWte).toBe(494.2);
  });

  it('a change of a percentage or an expression changes its value', () => {
    const config = system(
      variant(
        'constants: { k: 2 }\nworkforce:\n  poolProfiles:\n    registeredNurse: { turnoverPerYear: 12%, hourlyCostGbp: "= 10 * k" }\n',
      ),
    );
    expect(pool(config, 'trustA.wardRn').turnoverPerYear).toBe(0.12);
    const base = path.join(scenarios, 'variant.yaml');
    const files: Record<string, string> = {
      [base]:
        'extends: ./ics-default.yaml\nconstants: { k: 2 }\nworkforce:\n  poolProfiles:\n    registeredNurse: { turnoverPerYear: 12%, hourlyCostGbp: "= 10 * k" }\n',
    };
    const readFile: FileReader = (p) => files[p] ?? fromDisk(p);
    const changed = system(
      parseScenarioText(
        'extends: ./variant.yaml\nconstants: { k: "+1" }\nworkforce:\n  poolProfiles:\n    registeredNurse: { turnoverPerYear: "+10%", hourlyCostGbp: "*2" }\n',
        path.join(scenarios, 'variant2.yaml'),
        { readFile },
      ),
    );
    expect(pool(changed, 'trustA.wardRn').turnoverPerYear).toBe(0.132);
    // The expression is re-evaluated with the changed constant (k = 3), then doubled.
    expect(pool(changed, 'trustA.wardRn').hourlyCostGbp).toBe(60);
  });

  it('a relative change with nothing inherited is an error, not a number', () => {
    const network =
      'kind: network\nname: n\ndurationHours: 10\nwarmupHours: 0\narrivals: [{ stationId: a, ratePerHour: 1 }]\nstations: [{ id: a, servers: "+2", serviceHours: { kind: exponential, mean: 1 } }]\n';
    let error = errorOf(() => parseScenarioText(network, 'n.yaml'));
    expect(error.message).toBe(
      "n.yaml:6:30: stations[a].servers: a relative change '+2' with no inherited value to change; expected a number, a percentage such as 10% or an = expression; a relative change (+20, -5%, *1.2) needs a value from the file this one extends, or from the pool profile",
    );
    error = errorOf(() => parseScenarioText(network.replace('"+2"', '"-5%"'), 'n.yaml'));
    expect(error.message).toContain("(for a negative number write '= -0.05')");
    // A pool the base does not have: the change has nothing to change.
    error = errorOf(() =>
      variant(
        poolChange('inPostWte: "+10%"').replace('trustA.wardRn', 'trustA.newPool, organisationId: trustA'),
      ),
    );
    expect(error.message).toContain(
      "workforce.staffPools[trustA.newPool].inPostWte: a relative change '+10%' with no inherited value",
    );
    expect(error.file).toBe(path.join(scenarios, 'variant.yaml'));
  });

  it('a change that goes below zero is not told to add quotes it already has', () => {
    const error = errorOf(() => variant(poolChange('establishmentWte: "-200%"')));
    expect(error.message).toMatch(/establishmentWte: -444 is too small; expected a number >= 0$/);
    const plain = errorOf(() => variant(poolChange('establishmentWte: -20')));
    expect(plain.message).toContain("(a change of the inherited value is written in quotes: '-20')");
  });

  it("'current' in a file's expression points at the relative forms", () => {
    const error = errorOf(() => variant(poolChange('establishmentWte: "= current * 1.1"')));
    expect(error.message).toContain("unknown name 'current'");
    expect(error.message).toContain(
      `('current' exists only in --set; in a file, change the inherited value with "*1.1" or "+10%")`,
    );
  });

  it('a relative change of a value that is not a number names both places', () => {
    expect(errorOf(() => variant('kind: "+1"\n')).message).toContain('unknown kind the change "+1"');
    const error = errorOf(() => variant('name: "+1"\n'));
    expect(error.fieldPath).toBe('name');
    expect(error.message).toMatch(
      /a relative change '\+1' of an inherited value that is not a number \("Default ICS/,
    );
  });
});

describe('percentages', () => {
  it('stand for shares, rates per year and multipliers', () => {
    const config = system(
      variant(
        'workforce:\n  poolProfiles:\n    registeredNurse: { turnoverPerYear: 15%, bankFillShare: 80% }\nsurges: [{ name: flu, startDay: 1, durationDays: 5, edArrivalsMultiplier: 120% }]\n',
      ),
    );
    expect(pool(config, 'trustA.wardRn').turnoverPerYear).toBe(0.15);
    expect(pool(config, 'trustA.wardRn').bankFillShare).toBe(0.8);
    expect(config.surges[0].edArrivalsMultiplier).toBe(1.2);
  });

  it('are refused where they would silently be a fraction of a WTE, a bed or a minute', () => {
    const error = errorOf(() => variant(poolChange('establishmentWte: 10%')));
    expect(error.message).toContain(
      'establishmentWte: "10%" is the share 0.1, and this field is not a share or a rate; expected a number in the field\'s unit, or "+10%" in quotes for a change of the inherited value',
    );
    const set = errorOf(() =>
      variant('', { overrides: ['workforce.staffPools[trustA.wardRn].inPostWte=10%'] }),
    );
    expect(set.message).toContain("'10%' is the share 0.1");
  });
});

describe('unquoted relative forms', () => {
  it('+20 without quotes is an error with a hint, not the number 20', () => {
    const error = errorOf(() => variant(poolChange('inPostWte: +20')));
    expect(error.line).toBe(4);
    expect(error.message).toContain("(write '+20' in quotes: unquoted, YAML reads it as the number 20)");
    expect(errorOf(() => variant('durationDays: +.5\n')).message).toContain('the number 0.5');
  });

  it('*1.2 without quotes is an error, not a silent fall-back to the inherited value', () => {
    const error = errorOf(() => variant(poolChange('inPostWte: *1.2')));
    expect(error.message).toContain('*1.2 is a YAML alias, and no anchor &1.2 is defined before it');
    expect(error.message).toContain("(write '*1.2' in quotes: unquoted, YAML reads it as an alias)");
    expect(errorOf(() => variant('name: *nothing\n')).message).toContain(
      'an alias to an anchor defined earlier',
    );
  });

  it('a quoted +20 in a CSV cell is refused (CSV data inherits nothing)', () => {
    const dir = path.resolve('/virtual/csv');
    const files: Record<string, string> = { [path.join(dir, 'hours.csv')]: 'hours\n0.5\n+2\n' };
    const text =
      'kind: network\nname: n\ndurationHours: 10\nwarmupHours: 0\narrivals: [{ stationId: a, ratePerHour: 1 }]\nstations: [{ id: a, servers: 1, serviceHours: { kind: empirical, sample: { csv: hours.csv, column: hours } } }]\n';
    const error = errorOf(() =>
      parseScenarioText(text, path.join(dir, 's.yaml'), { readFile: (p) => files[p] ?? '' }),
    );
    expect(error.file).toBe(path.join(dir, 'hours.csv'));
    expect(error.line).toBe(3);
    expect(error.message).toContain('a leading + marks a change of an inherited value');
  });
});

describe('duplicate ids in one file', () => {
  it('two items with one id in one list are an error naming both places', () => {
    const error = errorOf(() =>
      variant(
        'workforce:\n  staffPools:\n    - { id: trustA.wardRn, inPostWte: 400 }\n    - { id: trustA.wardRn, inPostWte: 420 }\n',
      ),
    );
    expect(error.message).toBe(
      `${path.join(scenarios, 'variant.yaml')}:5:7: workforce.staffPools[1].id: a second item with id 'trustA.wardRn' in one list (the first is item 0 at ${path.join(scenarios, 'variant.yaml')}:4:7); expected each id once in a list: merge the two items into one`,
    );
  });

  it('surges are keyed by name', () => {
    const surge = '{ name: flu, startDay: 1, durationDays: 5, edArrivalsMultiplier: 1.2 }';
    const error = errorOf(() => variant(`surges: [${surge}, ${surge}]\n`));
    expect(error.fieldPath).toBe('surges[1].name');
  });
});

describe('a variant that changes the kind of a distribution', () => {
  const ed = (distribution: string) =>
    `emergencyDepartments:\n  - id: trustA.ed\n    treatmentMinutes: ${distribution}\n`;

  it('replaces the inherited distribution whole: no parameter of the old kind is kept', () => {
    const base = system(loadScenario(path.join(scenarios, 'ics-default.yaml')));
    expect(base.emergencyDepartments[0].treatmentMinutes.kind).not.toBe('gamma');
    const config = system(variant(ed('{ kind: gamma, shape: 2, scale: 30 }')));
    expect(config.emergencyDepartments[0].treatmentMinutes).toStrictEqual({
      kind: 'gamma',
      shape: 2,
      scale: 30,
    });
  });

  it('a missing parameter of the new kind is blamed on the variant', () => {
    const error = errorOf(() => variant(ed('{ kind: gamma, shape: 2 }')));
    expect(error.file).toBe(path.join(scenarios, 'variant.yaml'));
    expect(error.line).toBe(4);
    expect(error.message).toContain("missing required field 'scale'");
  });

  it('without a kind, the parameters change and the kind is kept', () => {
    const base = system(loadScenario(path.join(scenarios, 'ics-default.yaml')));
    const inherited = base.emergencyDepartments[0].treatmentMinutes;
    const [name] = Object.keys(inherited).filter((k) => k !== 'kind');
    const config = system(variant(ed(`{ ${name}: "*2" }`)));
    const changed = config.emergencyDepartments[0].treatmentMinutes as unknown as Record<string, number>;
    expect(changed.kind).toBe(inherited.kind);
    expect(changed[name]).toBeCloseTo((inherited as unknown as Record<string, number>)[name] * 2, 9);
  });
});
