/**
 * Checks that a configuration the schema accepts can also be run: the structural assumptions the
 * model makes when it builds a system (packages/model flow and workforce set-up), stated here so
 * they fail at load time with the field path instead of in the middle of `run`.
 */
import type { SystemConfig } from '@carepool/model';
import type { z } from 'zod';
import { SERVICE_KINDS } from './services.js';

type Ctx = z.core.$RefinementCtx<SystemConfig>;
type Path = (string | number)[];

const services = new Set<string>(SERVICE_KINDS);
const HOURS_PER_DAY = 24;

export function checkRunnable(config: SystemConfig, ctx: Ctx): void {
  const report = (path: Path, message: string, expected: string) =>
    ctx.addIssue({ code: 'custom', message, path, params: { expected } });

  // Each ED sends admissions to the acute wards of its own trust: exactly one ward group per trust.
  const wardsByTrust = new Map<string, number>();
  config.acuteWards.forEach((ward, i) => {
    const first = wardsByTrust.get(ward.organisationId);
    if (first !== undefined)
      report(
        ['acuteWards', i, 'organisationId'],
        `a second ward group for '${ward.organisationId}' (the first is acuteWards[${first}])`,
        'one acuteWards group per trust (use specialties for bed groups within a trust)',
      );
    else wardsByTrust.set(ward.organisationId, i);
  });
  config.emergencyDepartments.forEach((ed, i) => {
    if (!wardsByTrust.has(ed.organisationId))
      report(
        ['emergencyDepartments', i, 'organisationId'],
        `trust '${ed.organisationId}' has an emergency department but no acuteWards to admit to`,
        `an acuteWards group with organisationId ${ed.organisationId} (were its wards removed?)`,
      );
  });

  // Abandoned GP requests that spill to ED need an ED to go to.
  config.generalPractice.forEach((gp, i) => {
    if (gp.edSpillShare > 0 && gp.edSpillTargets.length === 0)
      report(
        ['generalPractice', i, 'edSpillTargets'],
        `a share ${gp.edSpillShare} of abandoned requests spills to ED, and no ED is named`,
        'edSpillTargets naming at least one emergency department (or edSpillShare 0)',
      );
  });

  const pools = new Map(config.workforce.staffPools.map((p) => [p.id, p]));
  config.workforce.staffPools.forEach((pool, i) => {
    const path: Path = ['workforce', 'staffPools', i];
    const { shiftsPerDay, hoursPerShift } = pool.shiftPattern;
    if (shiftsPerDay * hoursPerShift > HOURS_PER_DAY + 1e-9)
      report(
        [...path, 'shiftPattern', 'hoursPerShift'],
        `${shiftsPerDay} shifts of ${hoursPerShift} hours overlap within a day`,
        'shiftsPerDay × hoursPerShift ≤ 24',
      );
    if (pool.sicknessAbsenceShare >= 1)
      report(
        [...path, 'sicknessAbsenceShare'],
        'everyone always off sick',
        'a share below 1 (the model needs someone who can recover)',
      );
    const firstCompetency = pool.competencies[0];
    if (pool.homeService === undefined && firstCompetency !== undefined && !services.has(firstCompetency))
      report(
        [...path, 'competencies', 0],
        `'${firstCompetency}' is not a service, and without homeService the first competency is the pool's home service`,
        `homeService (one of ${SERVICE_KINDS.join(', ')}, none) or a service first in competencies`,
      );
  });

  config.workforce.policySettings.rotationalPosts.rotations.forEach((r, i) => {
    const to = pools.get(r.toPoolId);
    if (!to) return; // reported as an unknown pool
    const service = to.homeService ?? to.competencies[0];
    if (service === undefined || service === 'none')
      report(
        ['workforce', 'policySettings', 'rotationalPosts', 'rotations', i, 'toPoolId'],
        `pool '${r.toPoolId}' staffs no modelled service, so staff rotating into it have nowhere to work`,
        'a destination pool with a homeService (or a service in its competencies)',
      );
  });
}
