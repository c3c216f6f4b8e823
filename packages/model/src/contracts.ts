/**
 * The seams inside the system model: what patient flow tells the workforce (pressure), what the
 * workforce tells patient flow (staff on duty), what a deployment policy sees and returns, and the
 * tidy rows a run reports. Kept in one small file so both halves and custom policies agree.
 */

/** The services staff can be deployed to. */
export type ServiceKind = 'ed' | 'ward' | 'homeCare' | 'generalPractice' | 'community';

/** Every `ServiceKind`, in the order the workforce indexes them. */
export const SERVICE_KINDS: readonly ServiceKind[] = [
  'ed',
  'ward',
  'homeCare',
  'generalPractice',
  'community',
];

/** The pressure on one organisation's service at a decision point (what a policy sees). */
export interface ServicePressure {
  organisationId: string;
  service: ServiceKind;
  /**
   * Pressure score, 0 (quiet) to 1 (overwhelmed), comparable across services: e.g. for a ward,
   * occupancy of staffed beds; for ED, patients waiting and boarding against cubicles; for home care,
   * packages waiting against packages running.
   */
  pressureScore: number;
  /** Patients (or packages, or requests) waiting for this service now. */
  waitingCount: number;
  /** Staff on duty now (effective headcount, substitutes and inductees weighted). */
  staffOnDuty: number;
  /** Staff the roster asks for on this shift (headcount). */
  staffRequired: number;
}

/** One staff pool's position at a decision point. */
export interface PoolState {
  poolId: string;
  organisationId: string;
  role: string;
  competencies: readonly string[];
  /** Substantive members on duty this shift at their home site (before any moves). */
  onDutyAtHome: number;
  /** Headcount required at home this shift. */
  requiredOnDuty: number;
  /** Minimum headcount that must stay at home when lending. */
  minimumRetained: number;
  /** Establishment and in post, WTE. */
  establishmentWte: number;
  inPostWte: number;
  /** The service the pool staffs at home (`'none'`: outside the modelled services, e.g. ambulance crews). */
  homeService: ServiceKind | 'none';
  /** True when the pool's shift starts at this decision point: moves are taken only from such pools, for that shift. */
  shiftStartsNow: boolean;
}

/** What a deployment policy sees: read-only, rebuilt at each decision point. */
export interface SystemSnapshot {
  /** Simulated minutes since the run started (warm-up included). */
  nowMinutes: number;
  /** Day index since the run started. */
  day: number;
  /** Shift index within the day (0-based). */
  shift: number;
  pressures: readonly ServicePressure[];
  pools: readonly PoolState[];
  /** Members of the shared system bank available this shift, by role (0 unless the policy has one). */
  systemBankAvailableByRole: Readonly<Record<string, number>>;
}

/**
 * A staff move a policy asks for: `count` members of pool `fromPoolId` work this shift (or until
 * moved back) at `toOrganisationId`'s `toService`. The model applies it, subject to competencies,
 * substitution rules, the lending site's minimum staffing, induction and travel time.
 */
export interface StaffMove {
  fromPoolId: string;
  toOrganisationId: string;
  toService: ServiceKind;
  count: number;
  /** Why (for the redeployment log and tests), e.g. `mutualAid:OPEL4`. */
  reason: string;
}

/** A shift filled from the shared system bank rather than a pool's own staff. */
export interface SystemBankFill {
  role: string;
  toOrganisationId: string;
  toService: ServiceKind;
  count: number;
  /**
   * Why, when the policy tags it (optional): `dischargeFirst` marks fills sent first to the services
   * that unblock beds, counted in `staffing.dischargeFirstBankShiftsCount`.
   */
  reason?: string;
}

/** What a policy returns at a decision point. */
export interface PolicyDecision {
  moves: StaffMove[];
  systemBankFills: SystemBankFill[];
}

/**
 * A deployment policy: a pure function of the snapshot (plus the policy's own settings captured at
 * construction). It must not draw random numbers from the model's streams; a policy that needs
 * randomness gets its own named stream through `PolicyContext`.
 */
export interface DeploymentPolicy {
  readonly id: string;
  /** One sentence stating the rule, shown in reports. */
  readonly description: string;
  decide(snapshot: SystemSnapshot): PolicyDecision;
  /**
   * The policy fills gaps from the shared system bank (`workforce.policySettings.systemBank`): the
   * run creates the bank's members and offers them in `systemBankAvailableByRole`. Default false.
   */
  readonly usesSystemBank?: boolean;
  /**
   * The induction of staff deployed to another organisation: 'staffPassport' takes
   * `workforce.policySettings.staffPassport` (inductionDays, inductionEffectiveness), 'workforce'
   * (the default) `workforce.induction`.
   */
  readonly induction?: 'staffPassport' | 'workforce';
}

/** The statistic a metric row carries. */
export type MetricStatistic = 'value' | 'mean' | 'p50' | 'p90' | 'p95' | 'p99' | 'max' | 'total';

/** One tidy result row of one replication: metric id, scope, statistic and value. */
export interface MetricRow {
  /** A registered metric id, e.g. `ed.fourHourShare`. */
  metricId: string;
  /** `ics` for the whole system, or an organisation id. */
  scope: string;
  statistic: MetricStatistic;
  value: number;
}

/** One row of a daily series: the day's value of a metric for a scope. */
export interface DailyRow {
  /** Reported day index (0 = first day after warm-up). */
  day: number;
  /** ISO date of that day. */
  date: string;
  metricId: string;
  scope: string;
  value: number;
}

/**
 * Staff on duty as patient flow sees it. The workforce model implements it; flow reads it at each
 * staffing change (shift starts happen at `EventPriority.capacityChange`, before work at that instant).
 */
export interface StaffingSource {
  /** Effective staff on duty now at an organisation's service (substitutes and inductees weighted). */
  onDuty(organisationId: string, service: ServiceKind): number;
  /** Calls `listener` after every change of on-duty staff (shift changes, moves, sickness). */
  subscribe(listener: () => void): void;
}

/** Pressure as the workforce model sees it: patient flow implements it. */
export interface PressureSource {
  /** Current pressure on every staffed service of every organisation. */
  pressures(): readonly ServicePressure[];
}
