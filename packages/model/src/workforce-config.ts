/**
 * Staff pools, workforce dynamics and deployment policy settings: the workforce half of the
 * resolved configuration (see config.ts). Staff are individuals whose events happen at shift level.
 */
import type { DistributionSpec, PolicyId } from './config.js';

/** Where a staff member's contract is. */
export type ContractKind = 'substantive' | 'bank' | 'agency';

/** A shift pattern: when members of a pool work. */
export interface ShiftPattern {
  /** Shifts per day, each `hoursPerShift` long, starting at `firstShiftStartHour` (e.g. 2 x 12 h from 08:00). */
  shiftsPerDay: number;
  hoursPerShift: number;
  firstShiftStartHour: number;
  /** Share of the pool's on-duty headcount required on each shift of the day (sums to shiftsPerDay x mean share). */
  coverShareByShift: number[];
  /** Whether the pool works at weekends (general practice does not). */
  worksWeekends: boolean;
}

/** A staff pool: one role in one organisation (e.g. registered nurses of trust A). */
export interface StaffPoolConfig {
  /** Unique id, conventionally `<organisationId>.<role>`, e.g. `trustA.wardRn`. */
  id: string;
  organisationId: string;
  /** Role, e.g. `registeredNurse`, `edDoctor`, `healthcareAssistant`, `careWorker`, `gp`, `paramedic`. */
  role: string;
  /** Agenda for Change band or pay point label, for reporting (e.g. `AfC band 5`). */
  payGrade: string;
  /** Funded whole-time equivalents. */
  establishmentWte: number;
  /** Substantive staff in post at the start, WTE (vacancies = establishment − in post). */
  inPostWte: number;
  /** Staff required on duty per shift to meet demand, headcount, by shift index (the roster target). */
  requiredOnDutyByShift: number[];
  shiftPattern: ShiftPattern;
  /** Contracted hours per WTE per week (37.5 under Agenda for Change). */
  hoursPerWtePerWeek: number;
  /** Share of contracted time lost to annual leave, training and other planned absence. */
  plannedAbsenceShare: number;
  /** Share of contracted time lost to sickness absence (mean). */
  sicknessAbsenceShare: number;
  /** Mean length of a sickness spell, days. */
  sicknessSpellDays: number;
  /** Leavers per WTE per year at normal workload. */
  turnoverPerYear: number;
  /** Time from a vacancy opening to the new starter's first shift, days. */
  timeToHireDays: DistributionSpec;
  /** At most this many hires may be in the pipeline at once (recruiting capacity, training supply). */
  maxHiresInPipeline: number;
  /** Substantive pay per hour, GBP (employer on-costs included). */
  hourlyCostGbp: number;
  /** Bank staff linked to this pool, headcount willing to pick up shifts. */
  bankHeadcount: number;
  /** Probability a shift offered to the bank is filled. */
  bankFillShare: number;
  /** Bank pay per hour, GBP. */
  bankHourlyCostGbp: number;
  /** Probability a shift offered to agency (after the bank) is filled. */
  agencyFillShare: number;
  /** Agency cost per hour, GBP (the substantive rate plus premium). */
  agencyHourlyCostGbp: number;
  /** Services/tasks this pool is competent to staff, e.g. `ward`, `ed`, `homeCare`, `gp`, `community`. */
  competencies: string[];
  /** Minimum share of the required on-duty headcount that must stay at the home site when lending. */
  minimumRetainedShare: number;
}

/** One explicit substitution rule: staff of `fromRole` may cover `service` at `effectiveness` of a full member. */
export interface SubstitutionRule {
  fromRole: string;
  service: string;
  /** 0–1: a substitute counts as this fraction of a competent member (e.g. a nurse on a home-care visit). */
  effectiveness: number;
}

/** Travel time between two organisations' sites, for staff deployed away from home. */
export interface TravelTime {
  fromOrganisationId: string;
  toOrganisationId: string;
  minutes: number;
}

/** Settings of the built-in deployment policies. Only the selected policy's block is read. */
export interface PolicySettings {
  systemBank: {
    /** Staff in the shared system bank, headcount by role. */
    headcountByRole: Record<string, number>;
    /** Probability a system-bank member offered a shift takes it. */
    fillShare: number;
    /** Bank pay per hour by role, GBP. */
    hourlyCostGbpByRole: Record<string, number>;
  };
  staffPassport: {
    /** Largest share of a pool's on-duty staff that may be redeployed away on one shift. */
    maxShareMoved: number;
    /** Days of induction before a passported member counts fully at a new site. */
    inductionDays: number;
    /** Effectiveness during induction (0–1). */
    inductionEffectiveness: number;
    /** Pressure gap (0–1) between sites needed before staff move. */
    pressureGapThreshold: number;
  };
  rotationalPosts: {
    /** Rotations: `count` members of `fromPoolId` work in `toPoolId`'s service for `weeksAway` of every `cycleWeeks`. */
    rotations: { fromPoolId: string; toPoolId: string; count: number; weeksAway: number; cycleWeeks: number }[];
  };
  mutualAid: {
    /** OPEL-style pressure thresholds (0–1 pressure score) for levels 2, 3 and 4. */
    opelThresholds: [number, number, number];
    /** From this OPEL level partners lend staff. */
    lendFromLevel: number;
    /** Share of partners' on-duty staff above their minimum that may be lent. */
    maxShareLent: number;
  };
  dischargeFirst: {
    /** Share of the system's flexible staff (bank, passported) offered first to social care and community services. */
    priorityShare: number;
  };
}

export interface WorkforceConfig {
  staffPools: StaffPoolConfig[];
  substitutions: SubstitutionRule[];
  travelTimes: TravelTime[];
  /** Raise leaver rates under sustained overload (burnout feedback). Off by default. */
  burnoutFeedback: {
    enabled: boolean;
    /** Odds multiplier on leaving per extra patient per nurse above the threshold (1.23 in Aiken et al. 2002). */
    leaverOddsPerExtraPatient: number;
    /** Patients per nurse above which overload counts. */
    patientsPerNurseThreshold: number;
    /** Rolling window over which overload must be sustained, days. */
    windowDays: number;
    /** Cap on the multiplier. */
    maxMultiplier: number;
  };
  /** How often policies decide: every shift change (default) or once a day. */
  decisionInterval: 'shift' | 'day';
  policy: PolicyId;
  policySettings: PolicySettings;
}
