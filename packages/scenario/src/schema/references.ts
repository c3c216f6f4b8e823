/**
 * Cross-field checks of a system configuration that a field-by-field schema cannot express: unique
 * ids, references to organisations and staff pools that exist and are of the right kind, shares that
 * sum to 1, per-shift arrays as long as the shift pattern.
 */
import { SYSTEM_CONFIG_DEFAULTS, type SystemConfig } from '@carepool/model';
import type { z } from 'zod';
import { didYouMean } from '../errors.js';
import { checkRunnable } from './runnable.js';

type Ctx = z.core.$RefinementCtx<SystemConfig>;
type Path = (string | number)[];

const SHARE_TOLERANCE = 1e-6;
/** The model's discharge window when a ward states none. */
const MODEL_DISCHARGE_START_HOUR = SYSTEM_CONFIG_DEFAULTS['acuteWards[].dischargeStartHour'].value;
const MODEL_DISCHARGE_END_HOUR = SYSTEM_CONFIG_DEFAULTS['acuteWards[].dischargeEndHour'].value;

function report(ctx: Ctx, path: Path, message: string, expected: string, hint?: string) {
  ctx.addIssue({ code: 'custom', message, path, params: { expected, hint } });
}

export function checkSystemReferences(config: SystemConfig, ctx: Ctx): void {
  const unique = (items: { id?: string; name?: string }[], path: string, key: 'id' | 'name' = 'id') => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const value = item[key] as string;
      if (seen.has(value))
        report(ctx, [path, i, key], `duplicate ${key} '${value}'`, `a ${key} unique within ${path}`);
      seen.add(value);
    });
  };
  unique(config.organisations, 'organisations');
  unique(config.emergencyDepartments, 'emergencyDepartments');
  unique(config.acuteWards, 'acuteWards');
  unique(config.homeCare, 'homeCare');
  unique(config.placements, 'placements');
  unique(config.generalPractice, 'generalPractice');
  unique(config.communityNursing, 'communityNursing');
  unique(config.vcseSupport, 'vcseSupport');
  unique(config.surges, 'surges', 'name');
  const pools = config.workforce.staffPools;
  {
    const seen = new Set<string>();
    pools.forEach((pool, i) => {
      if (seen.has(pool.id))
        report(
          ctx,
          ['workforce', 'staffPools', i, 'id'],
          `duplicate id '${pool.id}'`,
          'a pool id unique within workforce.staffPools',
        );
      seen.add(pool.id);
    });
  }

  const organisations = new Map(config.organisations.map((o) => [o.id, o]));
  const organisationIds = [...organisations.keys()];
  const checkOrganisation = (id: string, path: Path, kind?: string) => {
    const organisation = organisations.get(id);
    if (!organisation) {
      report(
        ctx,
        path,
        `no organisation '${id}'`,
        `an id from organisations (${organisationIds.join(', ')})`,
        didYouMean(id, organisationIds),
      );
    } else if (kind && organisation.kind !== kind) {
      report(ctx, path, `organisation '${id}' is a ${organisation.kind}`, `an organisation of kind ${kind}`);
    }
  };
  const poolIds = pools.map((p) => p.id);
  const poolIdSet = new Set(poolIds);
  const checkPools = (ids: string[], path: Path) => {
    ids.forEach((id, i) => {
      if (!poolIdSet.has(id))
        report(
          ctx,
          [...path, i],
          `no staff pool '${id}'`,
          'an id from workforce.staffPools',
          didYouMean(id, poolIds),
        );
    });
  };

  config.emergencyDepartments.forEach((ed, i) => {
    checkOrganisation(ed.organisationId, ['emergencyDepartments', i, 'organisationId'], 'acuteTrust');
    checkPools(ed.clinicianPoolIds, ['emergencyDepartments', i, 'clinicianPoolIds']);
  });
  config.acuteWards.forEach((ward, i) => {
    checkOrganisation(ward.organisationId, ['acuteWards', i, 'organisationId'], 'acuteTrust');
    checkPools(ward.nursePoolIds, ['acuteWards', i, 'nursePoolIds']);
    if (ward.initialOccupiedBeds > ward.physicalBeds)
      report(
        ctx,
        ['acuteWards', i, 'initialOccupiedBeds'],
        `${ward.initialOccupiedBeds} occupied beds of ${ward.physicalBeds} physical beds`,
        'initialOccupiedBeds <= physicalBeds',
      );
    // Emergency admissions need at least one bed that is not held for elective work.
    if (ward.ringFencedElectiveBeds >= ward.physicalBeds)
      report(
        ctx,
        ['acuteWards', i, 'ringFencedElectiveBeds'],
        `${ward.ringFencedElectiveBeds} ring-fenced beds of ${ward.physicalBeds} physical beds leave no bed for emergency patients`,
        'ringFencedElectiveBeds < physicalBeds',
      );
    for (const [j, c] of ward.dischargeCatchment.entries()) {
      checkOrganisation(
        c.localAuthorityId,
        ['acuteWards', i, 'dischargeCatchment', j, 'localAuthorityId'],
        'localAuthority',
      );
    }
    const specialties = ward.specialties ?? [];
    const seen = new Set<string>();
    specialties.forEach((specialty, j) => {
      if (seen.has(specialty.id))
        report(
          ctx,
          ['acuteWards', i, 'specialties', j, 'id'],
          `duplicate id '${specialty.id}'`,
          'a specialty id unique within the trust',
        );
      seen.add(specialty.id);
    });
    // The model renormalises both, but shares that do not sum to 1 are almost always a typo or a
    // forgotten group, which would silently move beds or patients between all the others.
    if (specialties.length > 0) {
      for (const key of ['bedShare', 'admissionShare'] as const) {
        const sum = specialties.reduce((s, sp) => s + sp[key], 0);
        if (Math.abs(sum - 1) > SHARE_TOLERANCE)
          report(
            ctx,
            ['acuteWards', i, 'specialties'],
            `${key}s sum to ${round(sum)}`,
            `${key}s that sum to 1 over the specialties`,
          );
      }
    }
    // An empty discharge window would send every discharge out at its opening hour.
    const dischargeStartHour = ward.dischargeStartHour ?? MODEL_DISCHARGE_START_HOUR;
    const dischargeEndHour = ward.dischargeEndHour ?? MODEL_DISCHARGE_END_HOUR;
    if (dischargeStartHour >= dischargeEndHour)
      report(
        ctx,
        ['acuteWards', i, ward.dischargeEndHour === undefined ? 'dischargeStartHour' : 'dischargeEndHour'],
        `discharges from ${dischargeStartHour}:00 end at ${dischargeEndHour}:00`,
        `dischargeStartHour before dischargeEndHour (model defaults ${MODEL_DISCHARGE_START_HOUR} and ${MODEL_DISCHARGE_END_HOUR})`,
      );
    const total = ward.dischargeCatchment.reduce((sum, c) => sum + c.share, 0);
    if (Math.abs(total - 1) > SHARE_TOLERANCE)
      report(
        ctx,
        ['acuteWards', i, 'dischargeCatchment'],
        `shares sum to ${round(total)}`,
        'shares that sum to 1',
      );
  });
  {
    const p = config.dischargePathways;
    const total = p.p0HomeShare + p.p1HomeWithCareShare + p.p2StepDownShare + p.p3CareHomeShare;
    if (Math.abs(total - 1) > SHARE_TOLERANCE)
      report(
        ctx,
        ['dischargePathways'],
        `P0–P3 shares sum to ${round(total)}`,
        'p0HomeShare + p1HomeWithCareShare + p2StepDownShare + p3CareHomeShare = 1',
      );
  }
  config.homeCare.forEach((h, i) => {
    checkOrganisation(h.organisationId, ['homeCare', i, 'organisationId'], 'localAuthority');
    checkPools(h.carerPoolIds, ['homeCare', i, 'carerPoolIds']);
  });
  config.placements.forEach((p, i) => {
    checkOrganisation(p.organisationId, ['placements', i, 'organisationId'], 'localAuthority');
    if (p.initialOccupiedPlaces > p.places)
      report(
        ctx,
        ['placements', i, 'initialOccupiedPlaces'],
        `${p.initialOccupiedPlaces} occupied of ${p.places} places`,
        'at most `places`',
      );
  });
  const edIds = config.emergencyDepartments.map((e) => e.id);
  config.generalPractice.forEach((g, i) => {
    checkOrganisation(g.organisationId, ['generalPractice', i, 'organisationId'], 'primaryCare');
    checkPools(g.clinicianPoolIds, ['generalPractice', i, 'clinicianPoolIds']);
    g.edSpillTargets.forEach((t, j) => {
      if (!edIds.includes(t.emergencyDepartmentId))
        report(
          ctx,
          ['generalPractice', i, 'edSpillTargets', j, 'emergencyDepartmentId'],
          `no emergency department '${t.emergencyDepartmentId}'`,
          'an id from emergencyDepartments',
          didYouMean(t.emergencyDepartmentId, edIds),
        );
    });
    const total = g.edSpillTargets.reduce((sum, t) => sum + t.share, 0);
    if (total > 1 + SHARE_TOLERANCE)
      report(
        ctx,
        ['generalPractice', i, 'edSpillTargets'],
        `shares sum to ${round(total)}`,
        'shares that sum to at most 1',
      );
  });
  config.communityNursing.forEach((c, i) => {
    checkOrganisation(c.organisationId, ['communityNursing', i, 'organisationId'], 'communityProvider');
    checkPools(c.nursePoolIds, ['communityNursing', i, 'nursePoolIds']);
  });
  config.vcseSupport.forEach((v, i) => {
    checkOrganisation(v.organisationId, ['vcseSupport', i, 'organisationId'], 'vcse');
    for (const [j, id] of v.localAuthorityIds.entries()) {
      checkOrganisation(id, ['vcseSupport', i, 'localAuthorityIds', j], 'localAuthority');
    }
  });
  pools.forEach((pool, i) => {
    const path: Path = ['workforce', 'staffPools', i];
    checkOrganisation(pool.organisationId, [...path, 'organisationId']);
    const shifts = pool.shiftPattern.shiftsPerDay;
    if (pool.requiredOnDutyByShift.length !== shifts)
      report(
        ctx,
        [...path, 'requiredOnDutyByShift'],
        `${pool.requiredOnDutyByShift.length} values for ${shifts} shifts a day`,
        `one value per shift (${shifts})`,
      );
  });
  config.workforce.travelTimes.forEach((t, i) => {
    checkOrganisation(t.fromOrganisationId, ['workforce', 'travelTimes', i, 'fromOrganisationId']);
    checkOrganisation(t.toOrganisationId, ['workforce', 'travelTimes', i, 'toOrganisationId']);
  });
  const settings = config.workforce.policySettings;
  settings.rotationalPosts.rotations.forEach((r, i) => {
    const path: Path = ['workforce', 'policySettings', 'rotationalPosts', 'rotations', i];
    checkPools([r.fromPoolId], [...path, 'fromPoolId']);
    checkPools([r.toPoolId], [...path, 'toPoolId']);
    if (r.weeksAway > r.cycleWeeks)
      report(
        ctx,
        [...path, 'weeksAway'],
        `${r.weeksAway} weeks away in a ${r.cycleWeeks}-week cycle`,
        'weeksAway <= cycleWeeks',
      );
  });
  const roles = [...new Set(pools.map((p) => p.role))];
  for (const key of ['headcountByRole', 'hourlyCostGbpByRole'] as const) {
    for (const role of Object.keys(settings.systemBank[key])) {
      if (!roles.includes(role))
        report(
          ctx,
          ['workforce', 'policySettings', 'systemBank', key, role],
          `no staff pool has role '${role}'`,
          `a role of a staff pool (${roles.join(', ')})`,
          didYouMean(role, roles),
        );
    }
  }
  checkOpelThresholds(config, ctx);
  checkRunnable(config, ctx);
}

/** Rising OPEL thresholds, given once: in `escalation`, or in the mutual-aid settings of older files. */
function checkOpelThresholds(config: SystemConfig, ctx: Ctx): void {
  const own = config.escalation?.opelThresholds;
  const legacy = config.workforce.policySettings.mutualAid.opelThresholds;
  const places: [Path, [number, number, number] | undefined][] = [
    [['escalation', 'opelThresholds'], own],
    [['workforce', 'policySettings', 'mutualAid', 'opelThresholds'], legacy],
  ];
  for (const [path, thresholds] of places) {
    if (!thresholds) continue;
    const [opel2, opel3, opel4] = thresholds;
    if (!(opel2 <= opel3 && opel3 <= opel4))
      report(ctx, path, `thresholds ${opel2}, ${opel3}, ${opel4} do not rise`, 'OPEL 2 <= OPEL 3 <= OPEL 4');
  }
  if (own && legacy && own.some((t, i) => t !== legacy[i]))
    report(
      ctx,
      places[1][0],
      `thresholds ${legacy.join(', ')} differ from escalation.opelThresholds ${own.join(', ')}`,
      'the thresholds once, in escalation.opelThresholds',
    );
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
