/**
 * Cross-field checks of a system configuration that a field-by-field schema cannot express: unique
 * ids, references to organisations and staff pools that exist and are of the right kind, shares that
 * sum to 1, per-shift arrays as long as the shift pattern. Issues are reported in the order of the
 * configuration's sections, so the first one a user sees does not depend on how the checks are split.
 */
import { SYSTEM_CONFIG_DEFAULTS, type SystemConfig } from '@carepool/model';
import type { z } from 'zod';
import { didYouMean } from '../errors.js';
import { checkRunnable } from './runnable.js';

type Ctx = z.core.$RefinementCtx<SystemConfig>;
type Path = (string | number)[];
type Ward = SystemConfig['acuteWards'][number];

const SHARE_TOLERANCE = 1e-6;
/** The model's discharge window when a ward states none. */
const MODEL_DISCHARGE_START_HOUR = SYSTEM_CONFIG_DEFAULTS['acuteWards[].dischargeStartHour'].value;
const MODEL_DISCHARGE_END_HOUR = SYSTEM_CONFIG_DEFAULTS['acuteWards[].dischargeEndHour'].value;

/** What every check needs: the configuration, a way to report, and the two common reference checks. */
interface Checker {
  config: SystemConfig;
  report(path: Path, message: string, expected: string, hint?: string): void;
  /** `id` names an organisation (of `kind`, if given). */
  organisation(id: string, path: Path, kind?: string): void;
  /** Each of `ids` names a staff pool. */
  pools(ids: string[], path: Path): void;
}

export function checkSystemReferences(config: SystemConfig, ctx: Ctx): void {
  const c = checker(config, ctx);
  checkUniqueIds(c);
  config.emergencyDepartments.forEach((ed, i) => {
    c.organisation(ed.organisationId, ['emergencyDepartments', i, 'organisationId'], 'acuteTrust');
    c.pools(ed.clinicianPoolIds, ['emergencyDepartments', i, 'clinicianPoolIds']);
    checkAmbulanceShares(c, ed, i);
  });
  for (const [i, ward] of config.acuteWards.entries()) checkWard(c, ward, i);
  checkDischargePathways(c);
  checkCommunityServices(c);
  checkStaffPools(c);
  checkPolicySettings(c);
  checkOpelThresholds(c);
  checkRunnable(config, ctx);
}

function checker(config: SystemConfig, ctx: Ctx): Checker {
  const report = (path: Path, message: string, expected: string, hint?: string) =>
    ctx.addIssue({ code: 'custom', message, path, params: { expected, hint } });
  const organisations = new Map(config.organisations.map((o) => [o.id, o]));
  const organisationIds = [...organisations.keys()];
  const poolIds = config.workforce.staffPools.map((p) => p.id);
  const poolIdSet = new Set(poolIds);
  return {
    config,
    report,
    organisation(id, path, kind) {
      const organisation = organisations.get(id);
      if (!organisation)
        report(
          path,
          `no organisation '${id}'`,
          `an id from organisations (${organisationIds.join(', ')})`,
          didYouMean(id, organisationIds),
        );
      else if (kind && organisation.kind !== kind)
        report(path, `organisation '${id}' is a ${organisation.kind}`, `an organisation of kind ${kind}`);
    },
    pools(ids, path) {
      ids.forEach((id, i) => {
        if (!poolIdSet.has(id))
          report(
            [...path, i],
            `no staff pool '${id}'`,
            'an id from workforce.staffPools',
            didYouMean(id, poolIds),
          );
      });
    },
  };
}

/** Reports each repeated `key` of `items` at `path`; `expected` says where it must be unique. */
function checkUnique<T>(
  c: Checker,
  items: readonly T[],
  path: Path,
  key: keyof T & string,
  expected: string,
): void {
  const seen = new Set<unknown>();
  items.forEach((item, i) => {
    const value = item[key];
    if (seen.has(value)) c.report([...path, i, key], `duplicate ${key} '${String(value)}'`, expected);
    seen.add(value);
  });
}

function checkUniqueIds(c: Checker): void {
  const sections = [
    'organisations',
    'emergencyDepartments',
    'acuteWards',
    'homeCare',
    'placements',
    'generalPractice',
    'communityNursing',
    'vcseSupport',
  ] as const;
  for (const section of sections)
    checkUnique<{ id: string }>(c, c.config[section], [section], 'id', `a id unique within ${section}`);
  checkUnique(c, c.config.surges, ['surges'], 'name', 'a name unique within surges');
  checkUnique(
    c,
    c.config.workforce.staffPools,
    ['workforce', 'staffPools'],
    'id',
    'a pool id unique within workforce.staffPools',
  );
}

/**
 * The ambulance shares must leave P(ambulance | admitted) and P(ambulance | not admitted) at most 1,
 * so that the ED's conversion stays `admissionShare` (the model refuses them otherwise).
 */
function checkAmbulanceShares(c: Checker, ed: SystemConfig['emergencyDepartments'][number], i: number): void {
  if (ed.ambulance === undefined) return;
  const { arrivalShare, admittedShare } = ed.ambulance;
  const a = ed.admissionShare;
  const ifAdmitted = a > 0 ? (arrivalShare * admittedShare) / a : 0;
  const ifNotAdmitted = a < 1 ? (arrivalShare * (1 - admittedShare)) / (1 - a) : 0;
  if (ifAdmitted > 1 + 1e-9 || ifNotAdmitted > 1 + 1e-9)
    c.report(
      ['emergencyDepartments', i, 'ambulance', 'admittedShare'],
      `ambulance arrivals admitted (arrivalShare ${arrivalShare} × admittedShare ${admittedShare}) do not fit admissionShare ${a}`,
      'arrivalShare × admittedShare <= admissionShare and arrivalShare × (1 − admittedShare) <= 1 − admissionShare',
    );
}

function checkWard(c: Checker, ward: Ward, i: number): void {
  c.organisation(ward.organisationId, ['acuteWards', i, 'organisationId'], 'acuteTrust');
  c.pools(ward.nursePoolIds, ['acuteWards', i, 'nursePoolIds']);
  if (ward.initialOccupiedBeds > ward.physicalBeds)
    c.report(
      ['acuteWards', i, 'initialOccupiedBeds'],
      `${ward.initialOccupiedBeds} occupied beds of ${ward.physicalBeds} physical beds`,
      'initialOccupiedBeds <= physicalBeds',
    );
  // Emergency admissions need at least one bed that is not held for elective work.
  if (ward.ringFencedElectiveBeds >= ward.physicalBeds)
    c.report(
      ['acuteWards', i, 'ringFencedElectiveBeds'],
      `${ward.ringFencedElectiveBeds} ring-fenced beds of ${ward.physicalBeds} physical beds leave no bed for emergency patients`,
      'ringFencedElectiveBeds < physicalBeds',
    );
  for (const [j, catchment] of ward.dischargeCatchment.entries())
    c.organisation(
      catchment.localAuthorityId,
      ['acuteWards', i, 'dischargeCatchment', j, 'localAuthorityId'],
      'localAuthority',
    );
  checkSpecialties(c, ward, i);
  checkDischargeWindow(c, ward, i);
  checkSharesSumToOne(c, ward.dischargeCatchment, ['acuteWards', i, 'dischargeCatchment']);
}

function checkSpecialties(c: Checker, ward: Ward, i: number): void {
  const specialties = ward.specialties ?? [];
  checkUnique(
    c,
    specialties,
    ['acuteWards', i, 'specialties'],
    'id',
    'a specialty id unique within the trust',
  );
  // The model renormalises both, but shares that do not sum to 1 are almost always a typo or a
  // forgotten group, which would silently move beds or patients between all the others.
  if (specialties.length === 0) return;
  for (const key of ['bedShare', 'admissionShare'] as const) {
    const sum = specialties.reduce((s, sp) => s + sp[key], 0);
    if (Math.abs(sum - 1) > SHARE_TOLERANCE)
      c.report(
        ['acuteWards', i, 'specialties'],
        `${key}s sum to ${round(sum)}`,
        `${key}s that sum to 1 over the specialties`,
      );
  }
}

/** An empty discharge window would send every discharge out at its opening hour. */
function checkDischargeWindow(c: Checker, ward: Ward, i: number): void {
  const dischargeStartHour = ward.dischargeStartHour ?? MODEL_DISCHARGE_START_HOUR;
  const dischargeEndHour = ward.dischargeEndHour ?? MODEL_DISCHARGE_END_HOUR;
  if (dischargeStartHour >= dischargeEndHour)
    c.report(
      ['acuteWards', i, ward.dischargeEndHour === undefined ? 'dischargeStartHour' : 'dischargeEndHour'],
      `discharges from ${dischargeStartHour}:00 end at ${dischargeEndHour}:00`,
      `dischargeStartHour before dischargeEndHour (model defaults ${MODEL_DISCHARGE_START_HOUR} and ${MODEL_DISCHARGE_END_HOUR})`,
    );
}

function checkSharesSumToOne(c: Checker, items: readonly { share: number }[], path: Path): void {
  const total = items.reduce((sum, item) => sum + item.share, 0);
  if (Math.abs(total - 1) > SHARE_TOLERANCE)
    c.report(path, `shares sum to ${round(total)}`, 'shares that sum to 1');
}

function checkDischargePathways(c: Checker): void {
  const p = c.config.dischargePathways;
  const total = p.p0HomeShare + p.p1HomeWithCareShare + p.p2StepDownShare + p.p3CareHomeShare;
  if (Math.abs(total - 1) > SHARE_TOLERANCE)
    c.report(
      ['dischargePathways'],
      `P0–P3 shares sum to ${round(total)}`,
      'p0HomeShare + p1HomeWithCareShare + p2StepDownShare + p3CareHomeShare = 1',
    );
}

/** Home care, placements, general practice, community nursing and VCSE support. */
function checkCommunityServices(c: Checker): void {
  const config = c.config;
  config.homeCare.forEach((h, i) => {
    c.organisation(h.organisationId, ['homeCare', i, 'organisationId'], 'localAuthority');
    c.pools(h.carerPoolIds, ['homeCare', i, 'carerPoolIds']);
  });
  config.placements.forEach((p, i) => {
    c.organisation(p.organisationId, ['placements', i, 'organisationId'], 'localAuthority');
    if (p.initialOccupiedPlaces > p.places)
      c.report(
        ['placements', i, 'initialOccupiedPlaces'],
        `${p.initialOccupiedPlaces} occupied of ${p.places} places`,
        'at most `places`',
      );
  });
  for (const [i, g] of config.generalPractice.entries()) checkGeneralPractice(c, g, i);
  config.communityNursing.forEach((n, i) => {
    c.organisation(n.organisationId, ['communityNursing', i, 'organisationId'], 'communityProvider');
    c.pools(n.nursePoolIds, ['communityNursing', i, 'nursePoolIds']);
  });
  config.vcseSupport.forEach((v, i) => {
    c.organisation(v.organisationId, ['vcseSupport', i, 'organisationId'], 'vcse');
    for (const [j, id] of v.localAuthorityIds.entries())
      c.organisation(id, ['vcseSupport', i, 'localAuthorityIds', j], 'localAuthority');
  });
}

function checkGeneralPractice(c: Checker, g: SystemConfig['generalPractice'][number], i: number): void {
  const edIds = c.config.emergencyDepartments.map((e) => e.id);
  c.organisation(g.organisationId, ['generalPractice', i, 'organisationId'], 'primaryCare');
  c.pools(g.clinicianPoolIds, ['generalPractice', i, 'clinicianPoolIds']);
  g.edSpillTargets.forEach((t, j) => {
    if (!edIds.includes(t.emergencyDepartmentId))
      c.report(
        ['generalPractice', i, 'edSpillTargets', j, 'emergencyDepartmentId'],
        `no emergency department '${t.emergencyDepartmentId}'`,
        'an id from emergencyDepartments',
        didYouMean(t.emergencyDepartmentId, edIds),
      );
  });
  const total = g.edSpillTargets.reduce((sum, t) => sum + t.share, 0);
  if (total > 1 + SHARE_TOLERANCE)
    c.report(
      ['generalPractice', i, 'edSpillTargets'],
      `shares sum to ${round(total)}`,
      'shares that sum to at most 1',
    );
}

/** Each pool's organisation and shifts, and the organisations of the travel times. */
function checkStaffPools(c: Checker): void {
  c.config.workforce.staffPools.forEach((pool, i) => {
    const path: Path = ['workforce', 'staffPools', i];
    c.organisation(pool.organisationId, [...path, 'organisationId']);
    const shifts = pool.shiftPattern.shiftsPerDay;
    if (pool.requiredOnDutyByShift.length !== shifts)
      c.report(
        [...path, 'requiredOnDutyByShift'],
        `${pool.requiredOnDutyByShift.length} values for ${shifts} shifts a day`,
        `one value per shift (${shifts})`,
      );
  });
  c.config.workforce.travelTimes.forEach((t, i) => {
    c.organisation(t.fromOrganisationId, ['workforce', 'travelTimes', i, 'fromOrganisationId']);
    c.organisation(t.toOrganisationId, ['workforce', 'travelTimes', i, 'toOrganisationId']);
  });
}

/** The rotations' pools and cycles, and the system bank's roles. */
function checkPolicySettings(c: Checker): void {
  const settings = c.config.workforce.policySettings;
  settings.rotationalPosts.rotations.forEach((r, i) => {
    const path: Path = ['workforce', 'policySettings', 'rotationalPosts', 'rotations', i];
    c.pools([r.fromPoolId], [...path, 'fromPoolId']);
    c.pools([r.toPoolId], [...path, 'toPoolId']);
    if (r.weeksAway > r.cycleWeeks)
      c.report(
        [...path, 'weeksAway'],
        `${r.weeksAway} weeks away in a ${r.cycleWeeks}-week cycle`,
        'weeksAway <= cycleWeeks',
      );
  });
  const roles = [...new Set(c.config.workforce.staffPools.map((p) => p.role))];
  const bank = settings.systemBank;
  for (const key of ['headcountByRole', 'hourlyCostGbpByRole'] as const) {
    for (const role of Object.keys(bank[key])) {
      if (!roles.includes(role))
        c.report(
          ['workforce', 'policySettings', 'systemBank', key, role],
          `no staff pool has role '${role}'`,
          `a role of a staff pool (${roles.join(', ')})`,
          didYouMean(role, roles),
        );
    }
  }
  // A bank member with no pay would cost nothing: a silent wrong cost.
  for (const [role, headcount] of Object.entries(bank.headcountByRole)) {
    if (headcount > 0 && bank.hourlyCostGbpByRole[role] === undefined)
      c.report(
        ['workforce', 'policySettings', 'systemBank', 'headcountByRole', role],
        `${headcount} ${role} in the system bank with no pay per hour`,
        `hourlyCostGbpByRole.${role} as well (the bank's pay for the role, GBP)`,
      );
  }
}

/** Rising OPEL thresholds, given once: in `escalation`, or in the mutual-aid settings of older files. */
function checkOpelThresholds(c: Checker): void {
  const own = c.config.escalation?.opelThresholds;
  const legacy = c.config.workforce.policySettings.mutualAid.opelThresholds;
  const places: [Path, [number, number, number] | undefined][] = [
    [['escalation', 'opelThresholds'], own],
    [['workforce', 'policySettings', 'mutualAid', 'opelThresholds'], legacy],
  ];
  for (const [path, thresholds] of places) {
    if (!thresholds) continue;
    const [opel2, opel3, opel4] = thresholds;
    if (!(opel2 <= opel3 && opel3 <= opel4))
      c.report(path, `thresholds ${opel2}, ${opel3}, ${opel4} do not rise`, 'OPEL 2 <= OPEL 3 <= OPEL 4');
  }
  if (own && legacy && own.some((t, i) => t !== legacy[i]))
    c.report(
      places[1][0],
      `thresholds ${legacy.join(', ')} differ from escalation.opelThresholds ${own.join(', ')}`,
      'the thresholds once, in escalation.opelThresholds',
    );
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
