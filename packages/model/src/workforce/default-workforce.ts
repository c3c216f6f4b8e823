/**
 * The default ICS's workforce: staff pools of three acute trusts, primary care, a community
 * provider, two councils and the ambulance service, sized from the figures in
 * shared/design/calibration.md (§1 sizing, §5 staffing, §8 defaults). docs/workforce.md explains each
 * number; everything marked ASSUMPTION there is a scenario choice, not a published figure.
 *
 * Sizing rule (DERIVED): an establishment is funded so that, fully staffed, the roster's expected
 * on-duty headcount equals the requirement:
 *   establishment = mean required per shift / ((1 − planned absence) × (1 − sickness) × f),
 *   f = contracted hours per week / (hours per shift × shifts per day × working days per week).
 * In-post staff start at (1 − vacancy share) of it, and `hireSuccessShare` is set so that the
 * published vacancy share is the steady state of turnover and recruitment (see hireSuccessForVacancy).
 *
 * Pay (2024/25, employer on-costs included; sources in docs/workforce.md):
 * - Agenda for Change from April 2024 (NHS Health Careers, "Agenda for Change – pay rates"): band 3
 *   £24,071–£25,674; band 5 £29,970–£36,483; band 6 £37,338–£44,962 a year, 37.5 h a week.
 * - Salaried GPs, England 2023/24 DDRB range £68,974–£104,086 (BMA, "Salaried GP pay ranges").
 * - Care workers: independent-sector median £11.00/h (Dec 2023) and £12.00/h (Dec 2024) (Skills for
 *   Care, "Pay in the adult social care sector"); National Living Wage £11.44/h from April 2024.
 * - On-costs: ×1.31 NHS (employer pension 20.68% incl. the centrally paid 6.3%, employer NI ~10%),
 *   ×1.20 social care (employer NI, 3% auto-enrolment pension) — ASSUMPTION.
 * - Bank = 1.29 × substantive, agency = 1.55 × substantive: the agency price cap is substantive +55%
 *   [calibration R64] and agency costs ~20% more than bank for the same work [R65] (1.55 / 1.2 ≈ 1.29).
 */
import type { DistributionSpec } from '../config.js';
import type { ServiceKind } from '../contracts.js';
import type { StaffPoolConfig, WorkforceConfig } from '../workforce-config.js';

const HOURS_PER_WEEK = 37.5;
const HOURS_PER_YEAR = HOURS_PER_WEEK * (365 / 7);
const NHS_ON_COSTS = 1.31;
const SOCIAL_CARE_ON_COSTS = 1.2;
const BANK_PREMIUM = 1.29;
const AGENCY_PREMIUM = 1.55;

/** Hourly employer cost of an annual salary. */
function hourly(annualSalaryGbp: number, onCosts: number): number {
  return Math.round((annualSalaryGbp / HOURS_PER_YEAR) * onCosts * 100) / 100;
}

/** Lognormal from its median and 90th percentile (days), as `lognormalLog`. */
export function lognormalFromMedianP90(medianDays: number, p90Days: number): DistributionSpec {
  const z90 = 1.2815515655446004;
  return { kind: 'lognormalLog', mu: Math.log(medianDays), sigma: Math.log(p90Days / medianDays) / z90 };
}

/** Mean of a `lognormalLog` spec. */
function lognormalMean(spec: DistributionSpec): number {
  if (spec.kind !== 'lognormalLog') throw new Error('lognormalMean needs a lognormalLog spec');
  return Math.exp(spec.mu + (spec.sigma * spec.sigma) / 2);
}

/**
 * The `hireSuccessShare` that makes `vacancyShare` the steady state (DERIVED): vacancies V of an
 * establishment E with leavers at r per WTE in post per year, each filled after a mean of T / q years,
 * satisfy V = r (E − V) T / q, so q = r T (1 − v) / v with v = V / E. Capped at 1 (a lower vacancy
 * share than r T / (1 + r T) cannot be reached by recruitment delays alone).
 */
export function hireSuccessForVacancy(
  vacancyShare: number,
  turnoverPerYear: number,
  meanTimeToHireDays: number,
): number {
  const rT = (turnoverPerYear * meanTimeToHireDays) / 365;
  return Math.min(1, (rT * (1 - vacancyShare)) / vacancyShare);
}

interface PoolSpec {
  organisationId: string;
  role: string;
  poolName: string;
  payGrade: string;
  homeService: ServiceKind | 'none';
  competencies: ServiceKind[];
  requiredOnDutyByShift: number[];
  shiftsPerDay: number;
  hoursPerShift: number;
  firstShiftStartHour: number;
  worksWeekends: boolean;
  plannedAbsenceShare: number;
  sicknessAbsenceShare: number;
  sicknessSpellDays: number;
  turnoverPerYear: number;
  vacancyShare: number;
  timeToHireDays: DistributionSpec;
  hourlyCostGbp: number;
  bankHeadcount: number;
  bankFillShare: number;
  agencyFillShare: number;
  minimumRetainedShare: number;
}

function pool(spec: PoolSpec): StaffPoolConfig {
  const days = spec.worksWeekends ? 7 : 5;
  const dutyFraction = HOURS_PER_WEEK / (spec.hoursPerShift * spec.shiftsPerDay * days);
  const meanRequired = spec.requiredOnDutyByShift.reduce((a, b) => a + b, 0) / spec.shiftsPerDay;
  const establishment = Math.round(
    meanRequired / ((1 - spec.plannedAbsenceShare) * (1 - spec.sicknessAbsenceShare) * dutyFraction),
  );
  const inPost = Math.round(establishment * (1 - spec.vacancyShare));
  const meanHireDays = lognormalMean(spec.timeToHireDays);
  return {
    id: `${spec.organisationId}.${spec.poolName}`,
    organisationId: spec.organisationId,
    role: spec.role,
    homeService: spec.homeService,
    payGrade: spec.payGrade,
    establishmentWte: establishment,
    inPostWte: inPost,
    requiredOnDutyByShift: spec.requiredOnDutyByShift,
    shiftPattern: {
      shiftsPerDay: spec.shiftsPerDay,
      hoursPerShift: spec.hoursPerShift,
      firstShiftStartHour: spec.firstShiftStartHour,
      worksWeekends: spec.worksWeekends,
    },
    hoursPerWtePerWeek: HOURS_PER_WEEK,
    plannedAbsenceShare: spec.plannedAbsenceShare,
    sicknessAbsenceShare: spec.sicknessAbsenceShare,
    sicknessSpellDays: spec.sicknessSpellDays,
    turnoverPerYear: spec.turnoverPerYear,
    timeToHireDays: spec.timeToHireDays,
    // Generous: about twice the steady-state pipeline, so recruiting capacity is not what binds by default.
    maxHiresInPipeline: Math.max(5, Math.ceil(0.2 * establishment)),
    hireSuccessShare:
      Math.round(hireSuccessForVacancy(spec.vacancyShare, spec.turnoverPerYear, meanHireDays) * 1000) / 1000,
    hourlyCostGbp: spec.hourlyCostGbp,
    bankHeadcount: spec.bankHeadcount,
    bankFillShare: spec.bankFillShare,
    bankHourlyCostGbp: Math.round(spec.hourlyCostGbp * BANK_PREMIUM * 100) / 100,
    agencyFillShare: spec.agencyFillShare,
    agencyHourlyCostGbp: Math.round(spec.hourlyCostGbp * AGENCY_PREMIUM * 100) / 100,
    overtimeFillShare: 0,
    overtimeHourlyCostGbp: Math.round(spec.hourlyCostGbp * 1.5 * 100) / 100,
    competencies: spec.competencies,
    minimumRetainedShare: spec.minimumRetainedShare,
  };
}

/** NHS time to hire: median 11 weeks, 90th percentile 20 weeks [calibration §5.5]. */
const NHS_TIME_TO_HIRE = lognormalFromMedianP90(77, 140);
/** Social care time to hire: median 6 weeks, 90th percentile 12 weeks — ASSUMPTION (no published series). */
const SOCIAL_CARE_TIME_TO_HIRE = lognormalFromMedianP90(42, 84);

const NHS_ABSENCE = { plannedAbsenceShare: 0.16, sicknessAbsenceShare: 0.05, sicknessSpellDays: 8 };

function acuteTrustPools(organisationId: string): StaffPoolConfig[] {
  return [
    pool({
      organisationId,
      role: 'registeredNurse',
      poolName: 'wardRn',
      payGrade: 'AfC band 5',
      homeService: 'ward',
      competencies: ['ward'],
      // ~700 G&A beds at 1 RN : 8 patients by day and 1 : 10 at night (NICE SG1 red flag above 8).
      requiredOnDutyByShift: [88, 70],
      shiftsPerDay: 2,
      hoursPerShift: 12,
      firstShiftStartHour: 8,
      worksWeekends: true,
      ...NHS_ABSENCE,
      turnoverPerYear: 0.12,
      vacancyShare: 0.075,
      timeToHireDays: NHS_TIME_TO_HIRE,
      hourlyCostGbp: hourly(32_324, NHS_ON_COSTS),
      bankHeadcount: 50,
      bankFillShare: 0.77,
      agencyFillShare: 0.5,
      minimumRetainedShare: 0.9,
    }),
    pool({
      organisationId,
      role: 'edClinician',
      poolName: 'edClinician',
      payGrade: 'AfC band 6–7 and medical staff (mixed)',
      homeService: 'ed',
      competencies: ['ed'],
      // Clinicians treating type-1 patients (~320 attendances a day); ASSUMPTION, coordinated with ED treatment minutes.
      requiredOnDutyByShift: [20, 12],
      shiftsPerDay: 2,
      hoursPerShift: 12,
      firstShiftStartHour: 8,
      worksWeekends: true,
      ...NHS_ABSENCE,
      turnoverPerYear: 0.11,
      vacancyShare: 0.09,
      timeToHireDays: NHS_TIME_TO_HIRE,
      hourlyCostGbp: 38,
      bankHeadcount: 15,
      bankFillShare: 0.6,
      agencyFillShare: 0.5,
      minimumRetainedShare: 0.9,
    }),
    pool({
      organisationId,
      role: 'healthcareAssistant',
      poolName: 'hca',
      payGrade: 'AfC band 3',
      // Ward support: not a modelled constraint (staffed beds follow RNs), but lendable to home care.
      homeService: 'none',
      competencies: [],
      requiredOnDutyByShift: [44, 35],
      shiftsPerDay: 2,
      hoursPerShift: 12,
      firstShiftStartHour: 8,
      worksWeekends: true,
      ...NHS_ABSENCE,
      turnoverPerYear: 0.12,
      vacancyShare: 0.08,
      timeToHireDays: NHS_TIME_TO_HIRE,
      hourlyCostGbp: hourly(24_873, NHS_ON_COSTS),
      bankHeadcount: 25,
      bankFillShare: 0.77,
      agencyFillShare: 0.3,
      minimumRetainedShare: 0.9,
    }),
  ];
}

function councilPools(organisationId: string): StaffPoolConfig[] {
  return [
    pool({
      organisationId,
      role: 'careWorker',
      poolName: 'careWorker',
      payGrade: 'care worker (National Living Wage +)',
      homeService: 'homeCare',
      competencies: ['homeCare'],
      // 65,000 LA-commissioned home-care hours a week across two councils: 32,500 each, 7 days,
      // 2 × 7 h shifts (08:00–15:00, 15:00–22:00) split 60/40 → 400 and 263 carers on shift.
      requiredOnDutyByShift: [400, 263],
      shiftsPerDay: 2,
      hoursPerShift: 7,
      firstShiftStartHour: 8,
      worksWeekends: true,
      plannedAbsenceShare: 0.12,
      sicknessAbsenceShare: 0.04,
      sicknessSpellDays: 6,
      turnoverPerYear: 0.25,
      vacancyShare: 0.119,
      timeToHireDays: SOCIAL_CARE_TIME_TO_HIRE,
      hourlyCostGbp: Math.round(12 * SOCIAL_CARE_ON_COSTS * 100) / 100,
      bankHeadcount: 25,
      bankFillShare: 0.4,
      agencyFillShare: 0.25,
      minimumRetainedShare: 0.9,
    }),
  ];
}

/** The default ICS's staff pools, substitution rules, travel times and policy settings. */
export function defaultWorkforceConfig(): WorkforceConfig {
  const staffPools: StaffPoolConfig[] = [
    ...acuteTrustPools('trustA'),
    ...acuteTrustPools('trustB'),
    ...acuteTrustPools('trustC'),
    pool({
      organisationId: 'primaryCare',
      role: 'gp',
      poolName: 'gp',
      payGrade: 'salaried GP (DDRB range)',
      homeService: 'generalPractice',
      competencies: ['generalPractice'],
      // ~550 FTE GPs; a GP on duty delivers ~37 appointments a day (Pulse survey [R47c]); GPs deliver ~45% [R45].
      requiredOnDutyByShift: [330],
      shiftsPerDay: 1,
      hoursPerShift: 10,
      firstShiftStartHour: 8,
      worksWeekends: false,
      ...NHS_ABSENCE,
      turnoverPerYear: 0.08,
      vacancyShare: 0.05,
      timeToHireDays: NHS_TIME_TO_HIRE,
      hourlyCostGbp: hourly(86_530, NHS_ON_COSTS),
      bankHeadcount: 20,
      bankFillShare: 0.5,
      agencyFillShare: 0.3,
      minimumRetainedShare: 0.95,
    }),
    pool({
      organisationId: 'primaryCare',
      role: 'practiceClinician',
      poolName: 'practiceClinician',
      payGrade: 'AfC band 5–6 (practice nurses, pharmacists, ARRS roles)',
      homeService: 'generalPractice',
      competencies: ['generalPractice'],
      // The other ~55% of ~27,000 appointments a working day at ~37 each.
      requiredOnDutyByShift: [400],
      shiftsPerDay: 1,
      hoursPerShift: 10,
      firstShiftStartHour: 8,
      worksWeekends: false,
      ...NHS_ABSENCE,
      turnoverPerYear: 0.12,
      vacancyShare: 0.07,
      timeToHireDays: NHS_TIME_TO_HIRE,
      hourlyCostGbp: hourly(36_000, NHS_ON_COSTS),
      bankHeadcount: 20,
      bankFillShare: 0.5,
      agencyFillShare: 0.3,
      minimumRetainedShare: 0.9,
    }),
    pool({
      organisationId: 'communityHealth',
      role: 'districtNurse',
      poolName: 'districtNurse',
      payGrade: 'AfC band 6',
      homeService: 'community',
      competencies: ['community'],
      requiredOnDutyByShift: [220],
      shiftsPerDay: 1,
      hoursPerShift: 8,
      firstShiftStartHour: 8,
      worksWeekends: true,
      ...NHS_ABSENCE,
      // Community trusts' nurse leaver rate 16.8% [R20].
      turnoverPerYear: 0.168,
      vacancyShare: 0.1,
      timeToHireDays: NHS_TIME_TO_HIRE,
      hourlyCostGbp: hourly(39_405, NHS_ON_COSTS),
      bankHeadcount: 20,
      bankFillShare: 0.6,
      agencyFillShare: 0.4,
      minimumRetainedShare: 0.9,
    }),
    ...councilPools('councilNorth'),
    ...councilPools('councilSouth'),
    pool({
      organisationId: 'ambulance',
      role: 'paramedic',
      poolName: 'paramedic',
      payGrade: 'AfC band 6',
      // Ambulance work is outside the modelled services; paramedics count only when rotated into general practice.
      homeService: 'none',
      competencies: [],
      requiredOnDutyByShift: [60, 45],
      shiftsPerDay: 2,
      hoursPerShift: 12,
      firstShiftStartHour: 8,
      worksWeekends: true,
      ...NHS_ABSENCE,
      turnoverPerYear: 0.1,
      vacancyShare: 0.06,
      timeToHireDays: NHS_TIME_TO_HIRE,
      hourlyCostGbp: hourly(39_405, NHS_ON_COSTS),
      bankHeadcount: 10,
      bankFillShare: 0.3,
      agencyFillShare: 0.1,
      minimumRetainedShare: 0.85,
    }),
  ];
  const trusts = ['trustA', 'trustB', 'trustC'];
  const councils = ['councilNorth', 'councilSouth'];
  const travelTimes = [
    { fromOrganisationId: 'trustA', toOrganisationId: 'trustB', minutes: 30 },
    { fromOrganisationId: 'trustA', toOrganisationId: 'trustC', minutes: 40 },
    { fromOrganisationId: 'trustB', toOrganisationId: 'trustC', minutes: 35 },
    ...trusts.flatMap((t) =>
      councils.map((c) => ({ fromOrganisationId: t, toOrganisationId: c, minutes: 20 })),
    ),
    ...councils.map((c) => ({ fromOrganisationId: 'communityHealth', toOrganisationId: c, minutes: 15 })),
    { fromOrganisationId: 'ambulance', toOrganisationId: 'primaryCare', minutes: 15 },
  ];
  return {
    staffPools,
    // ASSUMPTIONS: a nurse may cover a home-care visit; carers may not staff wards at the RN ratio.
    substitutions: [
      { fromRole: 'registeredNurse', service: 'homeCare', effectiveness: 1 },
      { fromRole: 'registeredNurse', service: 'community', effectiveness: 0.9 },
      { fromRole: 'districtNurse', service: 'homeCare', effectiveness: 1 },
      { fromRole: 'districtNurse', service: 'ward', effectiveness: 0.8 },
      { fromRole: 'healthcareAssistant', service: 'homeCare', effectiveness: 0.9 },
      { fromRole: 'paramedic', service: 'generalPractice', effectiveness: 0.8 },
    ],
    travelTimes,
    burnoutFeedback: {
      enabled: false,
      leaverOddsPerExtraPatient: 1.23,
      patientsPerNurseThreshold: 8,
      windowDays: 28,
      maxMultiplier: 2,
    },
    // "Induction often consumes the first 2 days in post" [R73]; half effective meanwhile — ASSUMPTION.
    induction: { days: 2, effectiveness: 0.5 },
    bankRestHours: 36,
    decisionInterval: 'shift',
    policy: 'siloed',
    policySettings: {
      systemBank: {
        // "One system bank of 200 nurses and carers": the trusts' and councils' own RN and carer banks pooled.
        headcountByRole: { registeredNurse: 150, careWorker: 50 },
        fillShare: 0.77,
        hourlyCostGbpByRole: {
          registeredNurse: staffPools.find((p) => p.id === 'trustA.wardRn')!.bankHourlyCostGbp,
          careWorker: staffPools.find((p) => p.id === 'councilNorth.careWorker')!.bankHourlyCostGbp,
        },
        replacesOwnBanks: true,
      },
      staffPassport: {
        maxShareMoved: 0.1,
        inductionDays: 1,
        inductionEffectiveness: 0.75,
        pressureGapThreshold: 0.15,
      },
      rotationalPosts: {
        // Leeds model: 15 paramedics rotating in groups of 5 for 10 weeks into general practice [R75b].
        rotations: [
          {
            fromPoolId: 'ambulance.paramedic',
            toPoolId: 'primaryCare.gp',
            count: 15,
            weeksAway: 10,
            cycleWeeks: 30,
          },
        ],
      },
      mutualAid: {
        opelThresholds: [0.85, 0.92, 0.97],
        lendFromLevel: 3,
        maxShareLent: 0.5,
      },
      dischargeFirst: {
        priorityShare: 0.5,
        services: ['homeCare', 'community'],
      },
    },
  };
}
