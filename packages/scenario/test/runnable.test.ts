/**
 * What validate accepts, run can run: distribution parameters are checked by the engine's own
 * factories at load, and the structural assumptions the model makes are checked with the field path.
 * Each case was accepted by the loader before and failed only in `run`, naming no field.
 */
import path from 'node:path';
import { runSystem } from '@carepool/model';
import { loadScenario, parseScenarioText } from '@carepool/scenario';
import { describe, expect, it } from 'vitest';
import { errorOf, fromDisk, scenarios, system } from './helpers.js';

const mini = path.join(scenarios, 'test/mini-ics.yaml');
const withSet =
  (...overrides: string[]) =>
  () =>
    loadScenario(mini, { overrides });

describe('distributions are checked once, by the engine, at load', () => {
  it.each([
    ['{ kind: lognormal, mean: 45, sd: 0 }', 'sd', 'a lognormal distribution with sd 0'],
    ['{ kind: lognormalLog, mu: 1, sigma: 0 }', 'sigma', 'a lognormal distribution with sigma 0'],
    ['{ kind: triangular, min: 5, mode: 5, max: 5 }', 'max', 'a triangular distribution with max 5'],
    ['{ kind: uniform, min: 5, max: 3 }', 'max', 'a uniform distribution with max 3'],
    ['{ kind: normal, mean: 5, sd: 1, min: 100, max: 200 }', 'max', 'with min/max [100, 200]'],
    ['{ kind: normal, mean: 5, sd: 0, min: 0 }', 'sd', 'a normal distribution with sd 0'],
  ])('%s is refused at its parameter', (spec, field, problem) => {
    const error = errorOf(withSet(`emergencyDepartments[trustA.ed].treatmentMinutes=${spec}`));
    expect(error.fieldPath).toBe(`emergencyDepartments[trustA.ed].treatmentMinutes.${field}`);
    expect(error.message).toContain(problem);
  });

  it('parameters too extreme together to sample are refused', () => {
    const error = errorOf(
      withSet(
        'acuteWards[trustA.wards].dischargeProcessingMinutes={ kind: lognormal, mean: 5e-324, sd: 80 }',
      ),
    );
    expect(error.fieldPath).toBe('acuteWards[trustA.wards].dischargeProcessingMinutes');
    expect(error.message).toContain('a lognormal distribution with these parameters draws NaN');
  });

  it('a normal duration needs a lower bound (it could be negative otherwise)', () => {
    const error = errorOf(
      withSet('emergencyDepartments[trustA.ed].treatmentMinutes={ kind: normal, mean: 5, sd: 1 }'),
    );
    expect(error.fieldPath).toBe('emergencyDepartments[trustA.ed].treatmentMinutes.min');
  });

  it('a component of a mixture is checked at its own path', () => {
    const error = errorOf(
      withSet(
        'acuteWards[trustA.wards].clinicalLosDays={ kind: mixture, components: [{ weight: 1, distribution: { kind: gamma, shape: 1, scale: 1 } }, { weight: 1, distribution: { kind: lognormal, mean: 3, sd: 0 } }] }',
      ),
    );
    expect(error.fieldPath).toBe('acuteWards[trustA.wards].clinicalLosDays.components[1].distribution.sd');
  });
});

describe('structural gaps are refused at load', () => {
  it('an emergency department whose trust has no ward group', () => {
    const error = errorOf(withSet('acuteWards=[]'));
    expect(error.fieldPath).toBe('emergencyDepartments[trustA.ed].organisationId');
    expect(error.message).toContain('(were its wards removed?)');
  });

  it('GP requests that spill to ED with no ED to go to', () => {
    const error = errorOf(withSet('generalPractice[primaryCare.gp].edSpillTargets=[]'));
    expect(error.fieldPath).toBe('generalPractice[primaryCare.gp].edSpillTargets');
    expect(error.message).toContain('of abandoned requests spills to ED, and no ED is named');
    const config = system(
      loadScenario(mini, {
        overrides: [
          'generalPractice[primaryCare.gp].edSpillTargets=[]',
          'generalPractice[primaryCare.gp].edSpillShare=0',
        ],
      }),
    );
    expect(() =>
      runSystem({ ...config, durationDays: 3, warmupDays: 0 }, { seed: 1, replication: 0 }),
    ).not.toThrow();
  });

  it('two ward groups for one trust', () => {
    const config = system(loadScenario(mini));
    const second = { ...config.acuteWards[0], id: 'trustA.moreWards' };
    const error = errorOf(withSet(`acuteWards=${JSON.stringify([config.acuteWards[0], second])}`));
    expect(error.fieldPath).toBe('acuteWards[trustA.moreWards].organisationId');
  });

  it.each([
    [
      'workforce.staffPools[trustA.wardRn].shiftPattern.hoursPerShift=13',
      'workforce.staffPools[trustA.wardRn].shiftPattern.hoursPerShift',
      '2 shifts of 13 hours overlap within a day',
    ],
    [
      'workforce.staffPools[trustA.wardRn].sicknessAbsenceShare=1',
      'workforce.staffPools[trustA.wardRn].sicknessAbsenceShare',
      'everyone always off sick',
    ],
    [
      'workforce.policySettings.rotationalPosts.rotations[0].toPoolId=ambulance.paramedic',
      'workforce.policySettings.rotationalPosts.rotations[0].toPoolId',
      "pool 'ambulance.paramedic' staffs no modelled service",
    ],
    [
      'emergencyDepartments[trustA.ed].arrivalProfile.dayOfWeekMultipliers=[0, 0, 0, 0, 0, 0, 0]',
      'emergencyDepartments[trustA.ed].arrivalProfile.dayOfWeekMultipliers',
      'all 7 multipliers are 0',
    ],
    [
      'emergencyDepartments[trustA.ed].meanArrivalsPerDay=5e-324',
      'emergencyDepartments[trustA.ed].meanArrivalsPerDay',
      'a positive number too small to mean anything',
    ],
  ])('%s', (override, fieldPath, problem) => {
    const error = errorOf(withSet(override));
    expect(error.fieldPath).toBe(fieldPath);
    expect(error.message).toContain(problem);
  });

  it('a pool whose first competency is not a service needs a homeService', () => {
    const text =
      'extends: ./mini-ics.yaml\nworkforce:\n  staffPools:\n    - { id: trustA.hca, homeService: null, competencies: [triage] }\n';
    const error = errorOf(() =>
      parseScenarioText(text, path.join(scenarios, 'test/variant.yaml'), { readFile: fromDisk }),
    );
    expect(error.fieldPath).toBe('workforce.staffPools[trustA.hca].competencies[0]');
    expect(error.message).toContain("'triage' is not a service");
  });

  it('the edge cases that stay valid still run', () => {
    const config = system(
      loadScenario(mini, {
        overrides: [
          'workforce.staffPools[trustA.wardRn].shiftPattern.hoursPerShift=12',
          'workforce.staffPools[trustA.wardRn].sicknessAbsenceShare=0.99',
          'emergencyDepartments[trustA.ed].treatmentMinutes={ kind: triangular, min: 5, mode: 5, max: 6 }',
          'emergencyDepartments[trustA.ed].arrivalProfile.dayOfWeekMultipliers=[0, 0, 0, 0, 0, 0, 1]',
        ],
      }),
    );
    expect(() =>
      runSystem({ ...config, durationDays: 3, warmupDays: 0 }, { seed: 1, replication: 0 }),
    ).not.toThrow();
  });
});
