/**
 * The state the workforce modules share: pools and their members, assignments, the system bank,
 * on-duty staff by organisation and service (slots), handler ids, the ledger and the daily series.
 * Built once per run; each module (roster.ts, absence.ts, hiring.ts, deployment.ts,
 * gap-filling.ts, accounting.ts, reporting.ts) changes or reads it. This file imports none of them.
 */
import * as ENGINE from '@carepool/engine';
import {
  type Distribution,
  type EventId,
  type HandlerId,
  lognormalFromLog,
  MINUTES_PER_HOUR,
  type RandomStream,
  type RandomStreams,
  type Simulation,
} from '@carepool/engine';
import {
  SERVICE_KINDS as CONTRACT_SERVICE_KINDS,
  type DeploymentPolicy,
  type PressureSource,
  type ServiceKind,
} from '../contracts.js';
import { RunCalendar } from '../flow/calendar.js';
import type { WorkforceMetricId } from '../metrics-workforce.js';
import type { ResolvedStaffPoolConfig, ResolvedSystemConfig } from '../resolve.js';
import { WorkforceLedger } from './ledger.js';

const { EventPriority } = ENGINE;

// A local binding (see pools.ts): tsx compiles imported bindings to getter calls.
export const SERVICE_KINDS = CONTRACT_SERVICE_KINDS;
export const SERVICE_COUNT = SERVICE_KINDS.length;
export const NO_SLOT = -1;

export const MEMBER_HEALTHY = 0;
export const MEMBER_SICK = 1;
export const MEMBER_LEFT = 2;

/** Decisions run just after the shift boundaries of the same instant, and before any patient work. */
export const DECISION_PRIORITY = EventPriority.capacityChange + 1;

/** Runtime state of one staff pool. */
export interface PoolRuntime {
  readonly index: number;
  readonly config: ResolvedStaffPoolConfig;
  readonly organisationIndex: number;
  /** Slot of the home service, or NO_SLOT for pools outside the modelled services. */
  readonly homeSlot: number;
  readonly homeService: ServiceKind | 'none';
  readonly isRegisteredNurse: boolean;
  readonly establishment: number;
  /** Mean share of shift slots a member works. */
  readonly dutyFraction: number;
  /** Roster weight of each shift of the day (mean 1). */
  readonly shiftWeights: Float64Array;
  readonly shiftMinutes: number;
  readonly sicknessOnsetPerMinute: number;
  readonly sicknessSpellMinutes: number;
  readonly hireSuccessShare: number;
  readonly overtimeFillShare: number;
  readonly overtimeHourlyCostGbp: number;
  readonly timeToHireDays: Distribution;
  readonly streams: {
    sickness: RandomStream;
    turnover: RandomStream;
    hiring: RandomStream;
    fills: RandomStream;
  };
  /** Minute each member of the pool's own bank is next free. */
  readonly bankFreeFrom: number[];
  /** Members in post and not sick; members off sick. Swap-remove lists (member positions in `memberPosition`). */
  readonly healthy: number[];
  readonly sick: number[];
  hiresInPipeline: number;
  leaverRateMultiplier: number;
  /** Burnout's multiplier on falling sick (1 without burnout feedback). */
  sicknessRateMultiplier: number;
  sicknessEvent: EventId;
  leaverEvent: EventId;
  // The current shift.
  onShift: boolean;
  shiftIndex: number;
  shiftEndsAt: number;
  /** Day and shift index of the next shift start, and its time. */
  nextDay: number;
  nextShift: number;
  nextStartAt: number;
  startsNow: boolean;
  required: number;
  rostered: number;
  rosterCarry: number;
  lent: number;
  /** Headcount received this shift from moves and system-bank fills (reduces the gap offered to bank/agency). */
  received: number;
  bankFills: number;
  agencyFills: number;
  overtimeFills: number;
  /** Assignments that end with this pool's shift: moves it lent, and system-bank fills attributed to it. */
  readonly assignments: number[];
  /** Vacancy time integral bookkeeping. */
  vacancyChangedAt: number;
  /** Burnout: overload (extra patients per staff) summed over today's shifts, and the rolling window. */
  overloadToday: number;
  overloadShiftsToday: number;
  readonly overloadWindow: Float64Array;
  overloadWindowNext: number;
}

/** A staff member's (or a system-bank member's) work at another service for one shift. */
export interface Assignment {
  slot: number;
  effectiveness: number;
  active: boolean;
  arrived: boolean;
  organisationIndex: number;
}

/** The system bank's members, by role. */
export interface SystemBankRole {
  readonly role: string;
  /** Minute each member is next free. */
  readonly freeFrom: number[];
  readonly hourlyCostGbp: number;
  /** Services the role may staff, with effectiveness (competency 1, else substitution). */
  readonly effectiveness: Map<ServiceKind, number>;
}

/**
 * The workforce's daily series, in row order: each day's value by organisation (+1 for the ICS in
 * the last column). Vacancy is the level at the day's end; the others are the day's increase of a
 * ledger account (accounting.ts `DAILY_ACCOUNTS`).
 */
export const DAILY_METRICS = [
  'workforce.vacancyShare',
  'workforce.leaversCount',
  'workforce.joinersCount',
  'workforce.unfilledShiftsCount',
  'staffing.bankShiftsCount',
  'staffing.agencyShiftsCount',
  'staffing.costGbp',
  'redeployment.movesCount',
] as const satisfies readonly WorkforceMetricId[];

/** A metric id of the workforce's daily series. */
export type WorkforceDailyMetricId = (typeof DAILY_METRICS)[number];

export interface WorkforceArgs {
  sim: Simulation;
  /** The configuration with its defaults filled (`resolveSystemConfig`). */
  config: ResolvedSystemConfig;
  streams: RandomStreams;
  policy: DeploymentPolicy;
  pressure: PressureSource;
  /** Minutes from the run's start to the end of the warm-up; metrics cover the time after it. */
  warmupMinutes: number;
}

export class WorkforceState {
  readonly sim: Simulation;
  readonly config: ResolvedSystemConfig;
  readonly policy: DeploymentPolicy;
  readonly pressure: PressureSource;
  readonly warmupMinutes: number;
  readonly calendar: RunCalendar;
  readonly organisationIds: string[];
  readonly organisationIndex = new Map<string, number>();
  readonly pools: PoolRuntime[] = [];
  readonly poolsBySlot: number[][];
  readonly poolIndex = new Map<string, number>();
  readonly listeners: (() => void)[] = [];
  readonly ledger: WorkforceLedger;

  // Members (global arrays indexed by member id; ids are never reused).
  readonly memberPool: number[] = [];
  readonly memberState: number[] = [];
  readonly memberPosition: number[] = [];
  readonly memberBusyUntil: number[] = [];
  /** Organisation index → minute of first deployment there, for members ever deployed away. */
  readonly memberInductedAt = new Map<number, Map<number, number>>();

  // On duty by slot.
  readonly slotOnDuty: Float64Array;
  readonly slotReceived: Float64Array;
  readonly slotReceivedCount: Int32Array;
  readonly slotStaffMinutes: Float64Array;
  readonly slotChangedAt: Float64Array;
  readonly dirtySlots = new Set<number>();

  readonly assignments: Assignment[] = [];
  readonly freeAssignments: number[] = [];
  readonly systemBank = new Map<string, SystemBankRole>();
  readonly usesSystemBank: boolean;
  readonly ownBankDisabledRoles = new Set<string>();
  readonly substitution = new Map<string, number>();
  readonly travelMinutes = new Map<string, number>();
  readonly inductionDays: number;
  readonly inductionEffectiveness: number;
  readonly systemBankStream: RandomStream;
  readonly bankRestMinutes: number;

  hBoundary!: HandlerId;
  hDecide!: HandlerId;
  hSicknessOnset!: HandlerId;
  hSicknessEnd!: HandlerId;
  hLeaver!: HandlerId;
  hHire!: HandlerId;
  hArrive!: HandlerId;
  hDay!: HandlerId;
  hSurge!: HandlerId;
  hWarmupEnd!: HandlerId;

  decisionPending = false;
  readonly startingPools: number[] = [];
  lastPolicyDay = -1;
  sicknessMultiplier = 1;
  started = false;
  periodStartAt: number;

  // Daily series: one Float64Array per reported day, DAILY_METRICS x (organisations + 1).
  readonly daily: Float64Array[] = [];
  readonly poolDailyVacancy: Float64Array[] = [];
  previousTotals: Float64Array;

  constructor(args: WorkforceArgs) {
    this.sim = args.sim;
    this.config = args.config;
    this.policy = args.policy;
    this.pressure = args.pressure;
    this.warmupMinutes = args.warmupMinutes;
    this.periodStartAt = args.warmupMinutes;
    const wf = args.config.workforce;
    this.calendar = new RunCalendar(
      args.config.startDate,
      args.config.warmupDays + args.config.durationDays + 2,
    );
    this.organisationIds = args.config.organisations.map((o) => o.id);
    for (const [i, id] of this.organisationIds.entries()) this.organisationIndex.set(id, i);
    const slotCount = this.organisationIds.length * SERVICE_COUNT;
    this.poolsBySlot = Array.from({ length: slotCount }, () => []);
    this.slotOnDuty = new Float64Array(slotCount);
    this.slotReceived = new Float64Array(slotCount);
    this.slotReceivedCount = new Int32Array(slotCount);
    this.slotStaffMinutes = new Float64Array(slotCount);
    this.slotChangedAt = new Float64Array(slotCount);
    this.ledger = new WorkforceLedger(this.organisationIds.length);
    this.previousTotals = new Float64Array(DAILY_METRICS.length * (this.organisationIds.length + 1));

    for (const rule of wf.substitutions) {
      this.substitution.set(`${rule.fromRole}|${rule.service}`, rule.effectiveness);
    }
    for (const t of wf.travelTimes) {
      this.travelMinutes.set(`${t.fromOrganisationId}|${t.toOrganisationId}`, t.minutes);
    }
    // What the policy declares it uses decides the induction and whether the system bank exists.
    const passport = this.policy.induction === 'staffPassport';
    this.inductionDays = passport ? wf.policySettings.staffPassport.inductionDays : wf.induction.days;
    this.inductionEffectiveness = passport
      ? wf.policySettings.staffPassport.inductionEffectiveness
      : wf.induction.effectiveness;
    this.usesSystemBank = this.policy.usesSystemBank === true;
    this.bankRestMinutes = wf.bankRestHours * MINUTES_PER_HOUR;
    this.systemBankStream = args.streams.stream('workforce.systemBank');
  }
}

/**
 * What the workforce modules call on one another, and nothing more: each module sees the others only
 * through this, so none imports another; workforce.ts builds the modules and wires them in.
 */
export interface WorkforceParts {
  /** pools.ts */
  pools: { newMember(pool: PoolRuntime): number };
  /** roster.ts */
  roster: { markPoolSlot(pool: PoolRuntime): void; flushSlots(): void };
  /** absence.ts */
  absence: {
    makeSick(pool: PoolRuntime, member: number): void;
    rescheduleSickness(pool: PoolRuntime): void;
    rescheduleLeaver(pool: PoolRuntime): void;
  };
  /** hiring.ts */
  hiring: { recruit(pool: PoolRuntime): void };
  /** deployment.ts */
  deployment: { requestDecision(): void; endAssignment(assignment: number): void };
  /** gap-filling.ts */
  gaps: { fillGapsAndAccount(pool: PoolRuntime): void };
  /** accounting.ts */
  accounting: {
    noteVacancyChange(pool: PoolRuntime): void;
    closeVacancyIntegrals(): void;
    currentVacancyShare(organisationIndex: number): number;
  };
}

/** A workforce module: works on the shared state `s` and calls the other modules through `p`. */
export abstract class WorkforcePart {
  constructor(
    protected readonly s: WorkforceState,
    protected readonly p: WorkforceParts,
  ) {}
}

// -----------------------------------------------------------------------------------------------

export function removeFromList(list: number[], member: number, position: number[]): void {
  const at = position[member];
  const last = list.pop()!;
  if (last !== member) {
    list[at] = last;
    position[last] = at;
  }
}

/**
 * Offers `shifts` shifts to a bank whose members are free from `freeFrom[i]`: each offer is taken with
 * probability `fillShare` while a member is free; a member who takes one is busy until `busyUntil`.
 * One uniform per offer made, so the draws line up across policies as far as the offers do.
 */
export function fillFromBank(
  freeFrom: number[],
  shifts: number,
  fillShare: number,
  now: number,
  busyUntil: number,
  stream: RandomStream,
): number {
  if (shifts <= 0 || fillShare <= 0) return 0;
  let filled = 0;
  let next = 0;
  for (let offer = 0; offer < shifts; offer++) {
    while (next < freeFrom.length && freeFrom[next] > now) next++;
    if (next >= freeFrom.length) break; // the bank has run dry
    if (stream.uniform() < fillShare) {
      freeFrom[next] = busyUntil;
      filled++;
    }
  }
  return filled;
}

/** Binomial(n, p) by n Bernoulli draws: n is a shift's gap, small, and one uniform per offer keeps draws aligned. */
export function binomialDraw(n: number, p: number, stream: RandomStream): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  let k = 0;
  for (let i = 0; i < n; i++) if (stream.uniform() < p) k++;
  return k;
}

export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : Number.NaN;
}

/** The length-biased version of a lognormal given by mean and sd: lognormal(mu + sigma², sigma). */
export function lengthBiasedLognormal(mean: number, sd: number): Distribution {
  const cv = sd / mean;
  const sigma2 = Math.log1p(cv * cv);
  const mu = Math.log(mean) - sigma2 / 2;
  return lognormalFromLog({ mu: mu + sigma2, sigma: Math.sqrt(sigma2) });
}
