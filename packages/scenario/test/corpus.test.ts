/**
 * Every malformed scenario in test/corpus/ gives exactly one ScenarioError whose message names the
 * file, the line, the field path and what was expected. Files starting with `_` are companions
 * (an extends target, a CSV file), not cases.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, ScenarioError } from '@carepool/scenario';
import { describe, expect, it } from 'vitest';

const corpus = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');

/** Expected: the file the error is in, its line, the field path, and key parts of the message. */
const CASES: Record<string, { file?: string; line: number; fieldPath: string; parts: string[] }> = {
  'syntax-error.yaml': {
    line: 5,
    fieldPath: 'workforce.policy',
    parts: ["the key 'policy' is given twice (first at line 4)", 'expected each key once in a mapping'],
  },
  'wrong-type.yaml': {
    line: 4,
    fieldPath: 'emergencyDepartments[trustA.ed].cubicles',
    parts: ['got "lots"', 'expected a number'],
  },
  'unknown-key.yaml': {
    line: 5,
    fieldPath: 'workforce.staffPools[trustA.wardRn].establishmentWt',
    parts: ["unknown field 'establishmentWt'", "did you mean 'establishmentWte'?"],
  },
  'negative-rate.yaml': {
    line: 4,
    fieldPath: 'emergencyDepartments[trustA.ed].meanArrivalsPerDay',
    parts: ['-96 is too small', 'expected a number > 0'],
  },
  'nan-rate.yaml': {
    line: 4,
    fieldPath: 'communityNursing[communityHealth.districtNursing].referralsPerDay',
    parts: ['got NaN', 'expected a number'],
  },
  'probability-above-one.yaml': {
    line: 4,
    fieldPath: 'emergencyDepartments[trustA.ed].admissionShare',
    parts: ['1.28 is too large', 'expected a number <= 1'],
  },
  'unknown-organisation.yaml': {
    line: 4,
    fieldPath: 'homeCare[councilNorth.homeCare].organisationId',
    parts: ["no organisation 'councilNorht'", "did you mean 'councilNorth'?"],
  },
  'unknown-pool.yaml': {
    line: 4,
    fieldPath: 'acuteWards[trustA.wards].nursePoolIds[0]',
    parts: ["no staff pool 'trustA.wardRN'", "did you mean 'trustA.wardRn'?"],
  },
  'routing-loop.yaml': {
    line: 13,
    fieldPath: 'routing[0].to',
    parts: ['can never leave the network', 'closed cycle'],
  },
  'huge-population.yaml': {
    line: 4,
    fieldPath: 'emergencyDepartments[trustA.ed].meanArrivalsPerDay',
    parts: ['too large', 'expected a number <= 100000'],
  },
  'extends-cycle-a.yaml': {
    file: '_extends-cycle-b.yaml',
    line: 1,
    fieldPath: 'extends',
    parts: ['extends cycle extends-cycle-a.yaml -> _extends-cycle-b.yaml -> extends-cycle-a.yaml'],
  },
  'missing-extends.yaml': {
    line: 1,
    fieldPath: 'extends',
    parts: ["cannot read '", 'no-such-base.yaml', 'no such file'],
  },
  'expression-code.yaml': {
    line: 6,
    fieldPath: 'emergencyDepartments[trustA.ed].meanArrivalsPerDay',
    parts: ["the function 'import' is not allowed"],
  },
  'expression-accessor.yaml': {
    line: 4,
    fieldPath: 'emergencyDepartments[trustA.ed].meanArrivalsPerDay',
    parts: ['expected an arithmetic expression'],
  },
  'unknown-distribution.yaml': {
    line: 4,
    fieldPath: 'emergencyDepartments[trustA.ed].treatmentMinutes.kind',
    parts: ['unknown kind "lognormall"', "did you mean 'lognormal'?"],
  },
  'shares-not-one.yaml': { line: 2, fieldPath: 'dischargePathways', parts: ['shares sum to 1.1', '= 1'] },
  'specialty-shares-not-one.yaml': {
    line: 4,
    fieldPath: 'acuteWards[trustA.wards].specialties',
    parts: ['admissionShares sum to 1.1', 'admissionShares that sum to 1 over the specialties'],
  },
  'boarding-spaces-fraction.yaml': {
    line: 4,
    fieldPath: 'emergencyDepartments[trustA.ed].boardingSpaces',
    parts: ['got 12.5', 'expected a whole number'],
  },
  'bad-csv.yaml': {
    file: '_los.csv',
    line: 4,
    fieldPath: 'acuteWards[trustA.wards].clinicalLosDays.sample[2]',
    parts: ["'two' in column 'losDays'", 'expected a number'],
  },
  'bank-without-pay.yaml': {
    line: 6,
    fieldPath: 'workforce.policySettings.systemBank.headcountByRole.paramedic',
    parts: ['3 paramedic in the system bank with no pay per hour', 'expected hourlyCostGbpByRole.paramedic'],
  },
  'bad-sweep.yaml': {
    line: 5,
    fieldPath: 'sweep.parameters[0].values[0]',
    parts: ["no item 'trustA.wardRN'"],
  },
  'bad-policy.json': {
    line: 3,
    fieldPath: 'workforce.policy',
    parts: ['"systemBnak" is not allowed', "did you mean 'systemBank'?"],
  },
  'empty.yaml': { line: 1, fieldPath: '', parts: ['the file is empty'] },
  'unquoted-plus.yaml': {
    line: 4,
    fieldPath: 'workforce.staffPools[0].inPostWte',
    parts: ["(write '+20' in quotes: unquoted, YAML reads it as the number 20)"],
  },
  'unquoted-multiply.yaml': {
    line: 5,
    fieldPath: 'workforce.staffPools[0].inPostWte',
    parts: ['*1.2 is a YAML alias', "(write '*1.2' in quotes: unquoted, YAML reads it as an alias)"],
  },
  'duplicate-id.yaml': {
    line: 5,
    fieldPath: 'workforce.staffPools[1].id',
    parts: [
      "a second item with id 'trustA.wardRn' in one list (the first is item 0 at ",
      'duplicate-id.yaml:4:7)',
    ],
  },
  'distribution-kind-change.yaml': {
    line: 5,
    fieldPath: 'emergencyDepartments[trustA.ed].treatmentMinutes.scale',
    parts: ["missing required field 'scale'"],
  },
  'lognormal-sd-zero.yaml': {
    line: 4,
    fieldPath: 'emergencyDepartments[trustA.ed].treatmentMinutes.sd',
    parts: ['a lognormal distribution with sd 0', 'expected sd a finite number > 0'],
  },
  'triangular-degenerate.yaml': {
    line: 4,
    fieldPath: 'acuteWards[trustA.wards].dischargeProcessingMinutes.max',
    parts: ['a triangular distribution with max 120', 'expected max > min (120)'],
  },
  'normal-empty-range.yaml': {
    line: 8,
    fieldPath: 'stations[a].serviceHours.max',
    parts: ['a normal distribution with min/max [50, 60]', 'an interval with positive probability'],
  },
  'ed-without-wards.yaml': {
    file: 'mini-ics.yaml',
    line: 43,
    fieldPath: 'emergencyDepartments[trustA.ed].organisationId',
    parts: ["trust 'trustA' has an emergency department but no acuteWards", 'were its wards removed?'],
  },
  'negative-unquoted.yaml': {
    line: 4,
    fieldPath: 'workforce.staffPools[trustA.wardRn].inPostWte',
    parts: ['-20 is too small', "(a change of the inherited value is written in quotes: '-20')"],
  },
  'removed-required-field.yaml': {
    line: 3,
    fieldPath: 'dischargePathways',
    parts: ["missing required field 'dischargePathways'"],
  },
  'relative-without-base.yaml': {
    line: 6,
    fieldPath: 'stations[a].servers',
    parts: ["a relative change '+1' with no inherited value to change"],
  },
};

function errorOf(file: string): ScenarioError {
  try {
    loadScenario(path.join(corpus, file));
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error(`${file} loaded without error`);
}

describe('malformed scenario corpus', () => {
  it('has an expectation for every case file', () => {
    const files = readdirSync(corpus).filter((f) => !f.startsWith('_'));
    expect(files.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [file, expected] of Object.entries(CASES)) {
    it(file, () => {
      const error = errorOf(file);
      const message = error.message;
      expect(message.split('\n')).toHaveLength(1);
      expect(path.basename(error.file)).toBe(expected.file ?? file);
      expect(error.line).toBe(expected.line);
      expect(error.fieldPath).toBe(expected.fieldPath);
      expect(message.startsWith(`${error.file}:${error.line}:${error.column}: `)).toBe(true);
      expect(message).toContain('; expected ');
      for (const part of expected.parts) expect(message).toContain(part);
    });
  }
});
