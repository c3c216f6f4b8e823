/**
 * Staff pools, workforce dynamics and deployment policy settings: the workforce half of the
 * resolved configuration (see config.ts). Staff are individuals whose events happen at shift level.
 * The defaults of its optional fields, with what they mean, are in `SYSTEM_CONFIG_DEFAULTS` (resolve.ts).
 */
import type { DistributionSpec } from '@carepool/engine';
import type { ServiceKind } from './contracts.js';

/** Ids of the built-in deployment policies. Custom policies are added from code, never from files. */
export const POLICY_IDS = [
  'siloed',
  'systemBank',
  'staffPassport',
  'rotationalPosts',
  'mutualAid',
  'dischargeFirst',
] as const;
export type PolicyId = (typeof POLICY_IDS)[number];

/** Where a staff member's contract is. */
export type ContractKind = 'substantive' | 'bank' | 'agency';

/** A shift pattern: when members of a pool work. */
export interface ShiftPattern {
  /** Shifts per day, each `hoursPerShift` long, starting at `firstShiftStartHour` (e.g. 2 x 12 h from 08:00). */
  shiftsPerDay: number;
  hoursPerShift: number;
  firstShiftStartHour: number;
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
  /**
   * The service its members staff at home, counted by `onDuty(organisationId, homeService)`.
   * `'none'` for work outside the modelled services (ambulance crews, ward support staff): they are
   * rostered, paid and lendable but count nowhere at home. Default: see `SYSTEM_CONFIG_DEFAULTS`.
   */
  homeService?: ServiceKind | 'none';
  /** Agenda for Change band or pay point label, for reporting (e.g. `AfC band 5`). */
  payGrade: string;
  /** Funded whole-time equivalents. */
  establishmentWte: number;
  /** Substantive staff in post at the start, WTE (vacancies = establishment − in post). */
  inPostWte: number;
  /**
   * Staff required on duty per shift to meet demand, headcount, by shift index (the roster target).
   * The roster also spreads the pool's available staff over the shifts of a day in these proportions.
   */
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
  /**
   * Probability that one recruitment round (one `timeToHireDays` draw) ends with a starter; otherwise
   * the post is re-advertised and another round starts. With turnover r per year and mean
   * time to hire T years, steady-state vacancy share is x / (1 + x) with x = r·T / hireSuccessShare.
   */
  hireSuccessShare?: number;
  /** Substantive pay per hour, GBP (employer on-costs included). */
  hourlyCostGbp: number;
  /**
   * Bank staff linked to this pool, headcount willing to pick up shifts. Each works at most one shift
   * at a time and then rests `WorkforceConfig.bankRestHours`, so the bank can run dry.
   */
  bankHeadcount: number;
  /** Probability a shift offered to the bank is filled, while a bank member is free. */
  bankFillShare: number;
  /** Bank pay per hour, GBP. */
  bankHourlyCostGbp: number;
  /** Probability a shift offered to agency (after the bank) is filled. */
  agencyFillShare: number;
  /** Agency cost per hour, GBP (the substantive rate plus premium). */
  agencyHourlyCostGbp: number;
  /** Probability a gap still open after bank and agency is filled by a substantive member's overtime. */
  overtimeFillShare?: number;
  /** Overtime pay per hour, GBP. */
  overtimeHourlyCostGbp?: number;
  /** Services this pool is competent to staff at full effectiveness, e.g. `ward`, `ed`, `homeCare`, `generalPractice`, `community`. */
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
    /** Probability a shift offered to the system bank is filled, while a member of the role is free. */
    fillShare: number;
    /** Bank pay per hour by role, GBP. */
    hourlyCostGbpByRole: Record<string, number>;
    /**
     * Whether the system bank replaces the pools' own banks for the roles it holds,
     * so "one system bank of N" is compared like for like against "each keeps its own bank".
     */
    replacesOwnBanks?: boolean;
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
    rotations: {
      fromPoolId: string;
      toPoolId: string;
      count: number;
      weeksAway: number;
      cycleWeeks: number;
    }[];
  };
  mutualAid: {
    /**
     * The earlier place of `SystemConfig.escalation.opelThresholds`, still read when that is absent
     * (scenario files written before it); giving both with different values is an error.
     */
    opelThresholds?: [number, number, number];
    /** From this OPEL level partners lend staff. */
    lendFromLevel: number;
    /** Share of partners' on-duty staff above their minimum that may be lent. */
    maxShareLent: number;
  };
  dischargeFirst: {
    /** Share of the system's flexible staff (bank, passported) offered first to social care and community services. */
    priorityShare: number;
    /** The services that unblock beds, served first. */
    services?: ServiceKind[];
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
    /**
     * Multiplier on the rate of falling sick per extra patient per nurse above the threshold, over
     * the same window and under the same cap (burnout raises sickness as well as leaving).
     */
    sicknessOddsPerExtraPatient?: number;
  };
  /**
   * Induction for staff deployed to another organisation without a passport: for their first
   * `days` there they count at `effectiveness`.
   * Under a policy that declares `induction: 'staffPassport'` (the built-in `staffPassport`), the
   * passport's `inductionDays`/`inductionEffectiveness` apply instead.
   */
  induction?: { days: number; effectiveness: number };
  /** Hours a bank member (own or system bank) rests after a shift before taking another. */
  bankRestHours?: number;
  /** How often policies decide: every shift change (default) or once a day. */
  decisionInterval: 'shift' | 'day';
  policy: PolicyId;
  policySettings: PolicySettings;
}
