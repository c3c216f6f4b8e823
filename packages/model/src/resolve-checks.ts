/**
 * Every model-level check of a configuration, run once by `resolveSystemConfig` on the resolved form:
 * the flow, the workforce and the built-in policies trust what passes and have no configuration checks
 * of their own (checks of run-time state — a policy's decisions, a draw — stay where they happen).
 * Scenario files are checked earlier, with field paths, by @carepool/scenario's schema; these checks
 * are for configurations built in code, and say what the model cannot run.
 */
import type { DemandProfile } from './config.js';
import { ambulanceShareByAdmission } from './config-ed.js';
import { SERVICE_KINDS } from './contracts.js';
import { ModelError } from './errors.js';
import { parseIsoDate } from './flow/calendar.js';
import type {
  ResolvedAcuteWardsConfig,
  ResolvedEmergencyDepartmentConfig,
  ResolvedStaffPoolConfig,
  ResolvedSystemConfig,
} from './resolved-types.js';

export function checkSystemConfig(config: ResolvedSystemConfig): void {
  checkRunLength(config);
  const authorities = new Set(
    config.organisations.filter((o) => o.kind === 'localAuthority').map((o) => o.id),
  );
  const isAuthority = (id: string, what: string) => {
    if (!authorities.has(id)) throw new ModelError(`${what}: '${id}' is not a localAuthority organisation`);
  };
  for (const hc of config.homeCare) {
    isAuthority(hc.organisationId, `homeCare '${hc.id}'`);
    const from = hc.complexPackage?.fromStayDays;
    if (from !== undefined && !(from > 0))
      throw new ModelError(`homeCare '${hc.id}': complexPackage.fromStayDays must be > 0; got ${from}`);
  }
  for (const pl of config.placements) isAuthority(pl.organisationId, `placement '${pl.id}'`);
  for (const v of config.vcseSupport)
    for (const la of v.localAuthorityIds) isAuthority(la, `vcseSupport '${v.id}'`);
  for (const w of config.acuteWards) {
    for (const c of w.dischargeCatchment)
      isAuthority(c.localAuthorityId, `acuteWards '${w.id}' dischargeCatchment`);
    checkWard(w);
  }
  const trustsWithWards = new Set(config.acuteWards.map((w) => w.organisationId));
  for (const e of config.emergencyDepartments) {
    if (!trustsWithWards.has(e.organisationId))
      throw new ModelError(
        `emergencyDepartment '${e.id}': organisation '${e.organisationId}' has no acuteWards`,
      );
    checkEdStreams(e);
  }
  const edIds = new Set(config.emergencyDepartments.map((e) => e.id));
  for (const g of config.generalPractice) {
    for (const t of g.edSpillTargets)
      if (!edIds.has(t.emergencyDepartmentId))
        throw new ModelError(
          `generalPractice '${g.id}': unknown edSpillTargets ED '${t.emergencyDepartmentId}'`,
        );
  }
  checkDemand(config);
  checkWorkforce(config);
}

/** The start date, the arrival rates and their profiles, and the seasonal month values. */
function checkDemand(config: ResolvedSystemConfig): void {
  parseIsoDate(config.startDate);
  const rates: [number, DemandProfile, string][] = [
    ...config.emergencyDepartments.map((e): [number, DemandProfile, string] => [
      e.meanArrivalsPerDay,
      e.arrivalProfile,
      `emergencyDepartment '${e.id}'`,
    ]),
    ...config.acuteWards.map((w): [number, DemandProfile, string] => [
      w.directAdmissionsPerDay,
      w.directAdmissionProfile,
      `acuteWards '${w.id}' direct admissions`,
    ]),
  ];
  for (const [meanPerDay, profile, what] of rates) {
    if (!(meanPerDay >= 0) || !Number.isFinite(meanPerDay))
      throw new ModelError(`${what}: mean per day must be finite and ≥ 0; got ${meanPerDay}`);
    checkMultipliers(profile.hourOfDayMultipliers, 24, `${what} hourOfDay`);
    checkMultipliers(profile.dayOfWeekMultipliers, 7, `${what} dayOfWeek`);
    checkMultipliers(profile.monthMultipliers, 12, `${what} month`);
  }
  const season = config.seasonality;
  for (const key of [
    'edAdmissionShareMonthMultipliers',
    'clinicalLosMonthMultipliers',
    'sicknessMonthMultipliers',
  ] as const)
    checkMultipliers(season[key], 12, `seasonality.${key}`);
  const closed = season.infectionClosedBedShareByMonth;
  if (closed.length !== 12)
    throw new ModelError(`seasonality.infectionClosedBedShareByMonth needs 12 values; got ${closed.length}`);
  if (closed.some((v) => !(v >= 0 && v < 1)))
    throw new ModelError('seasonality.infectionClosedBedShareByMonth: shares must be in [0, 1)');
}

/** Multipliers the runtime divides by their mean: as many as expected, finite, ≥ 0 and not all 0. */
function checkMultipliers(multipliers: readonly number[], expected: number, what: string): void {
  if (multipliers.length !== expected)
    throw new ModelError(`${what} needs ${expected} multipliers; got ${multipliers.length}`);
  for (const v of multipliers)
    if (!(v >= 0) || !Number.isFinite(v))
      throw new ModelError(`${what} multipliers must be finite and ≥ 0; got ${v}`);
  if (!multipliers.some((v) => v > 0)) throw new ModelError(`${what} multipliers must not all be zero`);
}

function checkRunLength(config: ResolvedSystemConfig): void {
  if (!(config.durationDays > 0))
    throw new ModelError(`durationDays must be > 0; got ${config.durationDays}`);
  if (!(config.warmupDays >= 0)) throw new ModelError(`warmupDays must be ≥ 0; got ${config.warmupDays}`);
  if (!(config.bedSnapshotHour >= 0 && config.bedSnapshotHour < 24))
    throw new ModelError(`bedSnapshotHour must be in [0, 24); got ${config.bedSnapshotHour}`);
}

function checkWard(w: ResolvedAcuteWardsConfig): void {
  if (w.dischargeCatchment.length === 0)
    throw new ModelError(`acuteWards '${w.id}': dischargeCatchment must name at least one local authority`);
  if (w.wardRoundHour !== undefined && !(w.wardRoundHour >= 0 && w.wardRoundHour < 24))
    throw new ModelError(`acuteWards '${w.id}': wardRoundHour must be in [0, 24); got ${w.wardRoundHour}`);
  if (!(w.outlieAfterMinutes >= 0))
    throw new ModelError(`acuteWards '${w.id}': outlieAfterMinutes must be ≥ 0; got ${w.outlieAfterMinutes}`);
  const specs = w.specialties;
  if (specs.length === 0) return;
  if (specs.length > 255) throw new ModelError(`acuteWards '${w.id}': at most 255 specialties`);
  let admissionSum = 0;
  for (const sp of specs) {
    if (!(sp.bedShare > 0) || !(sp.admissionShare >= 0))
      throw new ModelError(
        `acuteWards '${w.id}' specialty '${sp.id}': bedShare must be > 0 and admissionShare ≥ 0`,
      );
    admissionSum += sp.admissionShare;
    for (const [name, p] of [
      ['dischargePathways', sp.dischargePathways],
      ['longStayDischargePathways', sp.longStayDischargePathways],
    ] as const) {
      if (p === undefined) continue;
      const shares = [p.p0HomeShare, p.p1HomeWithCareShare, p.p2StepDownShare, p.p3CareHomeShare];
      const sum = shares.reduce((a, b) => a + b, 0);
      if (shares.some((v) => !(v >= 0)) || Math.abs(sum - 1) > 1e-6)
        throw new ModelError(
          `acuteWards '${w.id}' specialty '${sp.id}': ${name} shares must be ≥ 0 and sum to 1; got ${sum}`,
        );
    }
    const fromDays = sp.longStayDischargePathways?.fromDays;
    if (fromDays !== undefined && !(fromDays > 0))
      throw new ModelError(
        `acuteWards '${w.id}' specialty '${sp.id}': longStayDischargePathways.fromDays must be > 0; got ${fromDays}`,
      );
  }
  if (!(admissionSum > 0)) throw new ModelError(`acuteWards '${w.id}': specialty admissionShares sum to 0`);
}

/** The ED's ambulance, minors-stream and long-wait shares. */
function checkEdStreams(e: ResolvedEmergencyDepartmentConfig): void {
  const checkShare = (name: string, v: number): void => {
    if (!(v >= 0 && v <= 1))
      throw new ModelError(`emergencyDepartment '${e.id}': ${name} must be in [0, 1]; got ${v}`);
  };
  if (e.ambulance !== undefined) {
    const { arrivalShare, admittedShare } = e.ambulance;
    checkShare('ambulance.arrivalShare', arrivalShare);
    checkShare('ambulance.admittedShare', admittedShare);
    // The draw's conditional shares must be probabilities, so that the conversion stays admissionShare.
    const { ifAdmitted, ifNotAdmitted } = ambulanceShareByAdmission(e.ambulance, e.admissionShare);
    if (ifAdmitted > 1 + 1e-9 || ifNotAdmitted > 1 + 1e-9)
      throw new ModelError(
        `emergencyDepartment '${e.id}': ambulance arrivalShare × admittedShare is inconsistent with admissionShare ${e.admissionShare}`,
      );
  }
  if (e.streaming !== undefined) checkShare('streaming.share', e.streaming.share);
  if (e.nonAdmittedLongWait !== undefined)
    checkShare('nonAdmittedLongWait.share', e.nonAdmittedLongWait.share);
}

function checkWorkforce(config: ResolvedSystemConfig): void {
  const wf = config.workforce;
  const organisations = new Set(config.organisations.map((o) => o.id));
  const pools = new Map<string, ResolvedStaffPoolConfig>();
  for (const pool of wf.staffPools) {
    const fail = (what: string): never => {
      throw new ModelError(`staff pool '${pool.id}': ${what}`);
    };
    if (pools.has(pool.id)) fail('duplicate pool id');
    if (!organisations.has(pool.organisationId)) fail(`unknown organisationId '${pool.organisationId}'`);
    checkPool(pool, fail);
    pools.set(pool.id, pool);
  }
  const bank = wf.policySettings.systemBank;
  for (const [role, headcount] of Object.entries(bank.headcountByRole)) {
    if (!(headcount >= 0))
      throw new ModelError(`systemBank.headcountByRole.${role} must be ≥ 0; got ${headcount}`);
    // A bank member with no pay would cost nothing: a silent wrong cost.
    const pay = bank.hourlyCostGbpByRole[role];
    if (headcount > 0 && pay === undefined)
      throw new ModelError(
        `systemBank.hourlyCostGbpByRole.${role} is missing: the system bank holds ${headcount} ${role} and needs their pay per hour`,
      );
    if (pay !== undefined && !(pay >= 0))
      throw new ModelError(`systemBank.hourlyCostGbpByRole.${role} must be ≥ 0; got ${pay}`);
  }
  // The rotations are read by policy `rotationalPosts` only (test systems keep the default's
  // settings with fewer pools).
  if (wf.policy !== 'rotationalPosts') return;
  for (const r of wf.policySettings.rotationalPosts.rotations) {
    const to = pools.get(r.toPoolId);
    if (!pools.has(r.fromPoolId) || to === undefined)
      throw new ModelError(`rotation ${r.fromPoolId} → ${r.toPoolId}: unknown staff pool`);
    if (!(r.weeksAway > 0 && r.cycleWeeks >= r.weeksAway))
      throw new ModelError(`rotation ${r.fromPoolId} → ${r.toPoolId}: need 0 < weeksAway ≤ cycleWeeks`);
    if (to.homeService === 'none')
      throw new ModelError(
        `rotation ${r.fromPoolId} → ${r.toPoolId}: the destination pool staffs no modelled service`,
      );
  }
}

/** A pool's fields that are shares (0–1 fractions). */
const POOL_SHARES = [
  'plannedAbsenceShare',
  'sicknessAbsenceShare',
  'bankFillShare',
  'agencyFillShare',
  'minimumRetainedShare',
  'hireSuccessShare',
  'overtimeFillShare',
] as const satisfies readonly (keyof ResolvedStaffPoolConfig)[];

/** The checks of one pool that its own fields decide. */
function checkPool(config: ResolvedStaffPoolConfig, fail: (what: string) => never): void {
  const pattern = config.shiftPattern;
  if (!(Number.isInteger(pattern.shiftsPerDay) && pattern.shiftsPerDay >= 1))
    fail('shiftsPerDay must be an integer ≥ 1');
  if (!(pattern.hoursPerShift > 0)) fail('hoursPerShift must be > 0');
  if (pattern.shiftsPerDay * pattern.hoursPerShift > 24 + 1e-9)
    fail('shifts of one day must not overlap (shiftsPerDay × hoursPerShift ≤ 24)');
  if (config.requiredOnDutyByShift.length !== pattern.shiftsPerDay)
    fail(
      `requiredOnDutyByShift needs ${pattern.shiftsPerDay} entries (one per shift); got ${config.requiredOnDutyByShift.length}`,
    );
  for (const name of POOL_SHARES) {
    const value = config[name];
    if (!(value >= 0 && value <= 1)) fail(`${name} must be in [0, 1]; got ${value}`);
  }
  if (config.sicknessAbsenceShare >= 1) fail('sicknessAbsenceShare must be < 1');
  if (!(config.hireSuccessShare > 0)) fail('hireSuccessShare must be > 0');
  if (!(config.sicknessSpellDays > 0)) fail('sicknessSpellDays must be > 0');
  if (!(config.turnoverPerYear >= 0)) fail('turnoverPerYear must be ≥ 0');
  const homeService = config.homeService;
  if (homeService !== 'none' && !SERVICE_KINDS.includes(homeService))
    fail(`unknown homeService '${homeService}'`);
}
