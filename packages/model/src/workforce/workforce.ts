/**
 * The workforce model: staff pools made of individual members, rostered shift by shift, with
 * sickness spells, leavers, recruitment, bank/agency/overtime fills and policy-driven redeployment.
 *
 * Cost model. Per shift the work is O(pools + moves): a pool's on-duty headcount comes from counts
 * (members in post, members off sick), not from walking its members. Individuals only matter for
 * rare events — falling sick, recovering, leaving, joining, and being redeployed (who goes, and
 * whether they have already been inducted at the destination).
 *
 * The roster. A member works `f = hoursPerWtePerWeek / (hoursPerShift × shifts a week)` of the
 * pool's shift slots on average. On shift s the pool expects `healthy × (1 − plannedAbsenceShare) ×
 * f × w_s` members, w_s = required_s / mean(required) (staff are spread over the day's shifts in
 * proportion to the requirement). That expectation is rounded to whole people with a carried
 * remainder, so the mean is exact and the only randomness comes from sickness and turnover.
 *
 * Every paid hour lands in exactly one place: contracted = sick + planned absence + worked at
 * home + idle (on duty beyond the roster's need) + deployed elsewhere (see WorkforceLedger).
 */
import {
  type Distribution,
  distributionFromSpec,
  EventPriority as ENGINE_EventPriority,
  MINUTES_PER_DAY as ENGINE_MINUTES_PER_DAY,
  MINUTES_PER_HOUR as ENGINE_MINUTES_PER_HOUR,
  MINUTES_PER_YEAR as ENGINE_MINUTES_PER_YEAR,
  type EventId,
  type HandlerId,
  lognormalFromLog,
  type RandomStream,
  type RandomStreams,
  type Simulation,
} from '@carepool/engine';
import type { SystemConfig } from '../config.js';
import type {
  DailyRow,
  DeploymentPolicy,
  MetricRow,
  PolicyDecision,
  PoolState,
  PressureSource,
  ServiceKind,
  StaffingSource,
  StaffMove,
  SystemBankFill,
  SystemSnapshot,
} from '../contracts.js';
import { ModelError } from '../errors.js';
import { RunCalendar } from '../flow/calendar.js';
import type { StaffPoolConfig } from '../workforce-config.js';
import { total, WorkforceLedger } from './ledger.js';
import { policyActivityRows, recordPolicyMove, recordSystemBankFill } from './policy-activity.js';
import { traceShiftStart, traceStaffMove, traceSystemBankFill } from './trace.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const EventPriority = ENGINE_EventPriority;
const MINUTES_PER_DAY = ENGINE_MINUTES_PER_DAY;
const MINUTES_PER_HOUR = ENGINE_MINUTES_PER_HOUR;
const MINUTES_PER_YEAR = ENGINE_MINUTES_PER_YEAR;

/** The services in a fixed order; a slot is (organisation, service). */
export const SERVICE_KINDS: readonly ServiceKind[] = [
  'ed',
  'ward',
  'homeCare',
  'generalPractice',
  'community',
];
const SERVICE_COUNT = SERVICE_KINDS.length;
const NO_SLOT = -1;

const MEMBER_HEALTHY = 0;
const MEMBER_SICK = 1;
const MEMBER_LEFT = 2;

/** Decisions run just after the shift boundaries of the same instant, and before any patient work. */
const DECISION_PRIORITY = EventPriority.capacityChange + 1;

/** Runtime state of one staff pool. */
interface PoolRuntime {
  readonly index: number;
  readonly config: StaffPoolConfig;
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
interface Assignment {
  slot: number;
  effectiveness: number;
  active: boolean;
  arrived: boolean;
  organisationIndex: number;
}

/** The system bank's members, by role. */
interface SystemBankRole {
  readonly role: string;
  /** Minute each member is next free. */
  readonly freeFrom: number[];
  readonly hourlyCostGbp: number;
  /** Services the role may staff, with effectiveness (competency 1, else substitution). */
  readonly effectiveness: Map<ServiceKind, number>;
}

/** Per-day totals for the daily series, by organisation (+1 for the ICS in the last column). */
const DAILY_METRICS = [
  'workforce.vacancyShare',
  'workforce.leaversCount',
  'workforce.joinersCount',
  'workforce.unfilledShiftsCount',
  'staffing.bankShiftsCount',
  'staffing.agencyShiftsCount',
  'staffing.costGbp',
  'redeployment.movesCount',
] as const;

export interface WorkforceArgs {
  sim: Simulation;
  config: SystemConfig;
  streams: RandomStreams;
  policy: DeploymentPolicy;
  pressure: PressureSource;
  /** Minutes from the run's start to the end of the warm-up; metrics cover the time after it. */
  warmupMinutes: number;
}

export class Workforce implements StaffingSource {
  private readonly sim: Simulation;
  private readonly config: SystemConfig;
  private readonly policy: DeploymentPolicy;
  private readonly pressure: PressureSource;
  private readonly warmupMinutes: number;
  private readonly calendar: RunCalendar;
  private readonly organisationIds: string[];
  private readonly organisationIndex = new Map<string, number>();
  private readonly pools: PoolRuntime[] = [];
  private readonly poolsBySlot: number[][];
  private readonly poolIndex = new Map<string, number>();
  private readonly listeners: (() => void)[] = [];
  readonly ledger: WorkforceLedger;

  // Members (global arrays indexed by member id; ids are never reused).
  private readonly memberPool: number[] = [];
  private readonly memberState: number[] = [];
  private readonly memberPosition: number[] = [];
  private readonly memberBusyUntil: number[] = [];
  /** Organisation index → minute of first deployment there, for members ever deployed away. */
  private readonly memberInductedAt = new Map<number, Map<number, number>>();

  // On duty by slot.
  private readonly slotOnDuty: Float64Array;
  private readonly slotReceived: Float64Array;
  private readonly slotReceivedCount: Int32Array;
  private readonly slotStaffMinutes: Float64Array;
  private readonly slotChangedAt: Float64Array;
  private readonly dirtySlots = new Set<number>();

  private readonly assignments: Assignment[] = [];
  private readonly freeAssignments: number[] = [];
  private readonly systemBank = new Map<string, SystemBankRole>();
  private readonly usesSystemBank: boolean;
  private readonly ownBankDisabledRoles = new Set<string>();
  private readonly substitution = new Map<string, number>();
  private readonly travelMinutes = new Map<string, number>();
  private readonly inductionDays: number;
  private readonly inductionEffectiveness: number;
  private readonly systemBankStream: RandomStream;
  private readonly bankRestMinutes: number;

  private readonly hBoundary: HandlerId;
  private readonly hDecide: HandlerId;
  private readonly hSicknessOnset: HandlerId;
  private readonly hSicknessEnd: HandlerId;
  private readonly hLeaver: HandlerId;
  private readonly hHire: HandlerId;
  private readonly hArrive: HandlerId;
  private readonly hDay: HandlerId;
  private readonly hSurge: HandlerId;
  private readonly hWarmupEnd: HandlerId;

  private decisionPending = false;
  private readonly startingPools: number[] = [];
  private lastPolicyDay = -1;
  private sicknessMultiplier = 1;
  private started = false;
  private periodStartAt: number;

  // Daily series: one Float64Array per reported day, DAILY_METRICS x (organisations + 1).
  private readonly daily: Float64Array[] = [];
  private readonly poolDailyVacancy: Float64Array[] = [];
  private previousTotals: Float64Array;

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
    const passport = this.policy.id === 'staffPassport';
    this.inductionDays = passport ? wf.policySettings.staffPassport.inductionDays : (wf.induction?.days ?? 0);
    this.inductionEffectiveness = passport
      ? wf.policySettings.staffPassport.inductionEffectiveness
      : (wf.induction?.effectiveness ?? 1);

    for (const poolConfig of wf.staffPools) this.addPool(poolConfig, args.streams);

    // The shared system bank exists only for policies that use it.
    const declared = (this.policy as { usesSystemBank?: boolean }).usesSystemBank;
    this.usesSystemBank =
      declared ?? (this.policy.id === 'systemBank' || this.policy.id === 'dischargeFirst');
    const bank = wf.policySettings.systemBank;
    this.bankRestMinutes = (wf.bankRestHours ?? 36) * MINUTES_PER_HOUR;
    this.systemBankStream = args.streams.stream('workforce.systemBank');
    if (this.usesSystemBank) {
      for (const [role, headcount] of Object.entries(bank.headcountByRole)) {
        if (!(headcount >= 0))
          throw new ModelError(`systemBank.headcountByRole.${role} must be ≥ 0; got ${headcount}`);
        this.systemBank.set(role, {
          role,
          freeFrom: new Array<number>(Math.round(headcount)).fill(0),
          hourlyCostGbp: bank.hourlyCostGbpByRole[role] ?? 0,
          effectiveness: this.roleEffectiveness(role),
        });
        if ((bank.replacesOwnBanks ?? true) && headcount > 0) this.ownBankDisabledRoles.add(role);
      }
    }

    const sim = this.sim;
    this.hBoundary = sim.registerHandler((p) => this.onBoundary(p), 'workforce.shiftBoundary');
    this.hDecide = sim.registerHandler(() => this.onDecide(), 'workforce.decide');
    this.hSicknessOnset = sim.registerHandler((p) => this.onSicknessOnset(p), 'workforce.sicknessOnset');
    this.hSicknessEnd = sim.registerHandler((m) => this.onSicknessEnd(m), 'workforce.sicknessEnd');
    this.hLeaver = sim.registerHandler((p) => this.onLeaver(p), 'workforce.leaver');
    this.hHire = sim.registerHandler((p) => this.onHireRoundEnds(p), 'workforce.hire');
    this.hArrive = sim.registerHandler((a) => this.onArrive(a), 'workforce.arrive');
    this.hDay = sim.registerHandler(() => this.onDayEnd(), 'workforce.day');
    this.hSurge = sim.registerHandler(() => this.onSurgeBoundary(), 'workforce.surge');
    this.hWarmupEnd = sim.registerHandler(() => this.onWarmupEnd(), 'workforce.warmupEnd');
  }

  // ---------------------------------------------------------------------------------------------
  // Public API

  /** Schedules shift changes, sickness, turnover and recruitment, and staffs the shifts running at the start. */
  start(): void {
    if (this.started) throw new ModelError('Workforce.start() called twice');
    this.started = true;
    const now = this.sim.now;
    for (const pool of this.pools) this.initialisePool(pool);
    for (const pool of this.pools) this.scheduleFirstBoundary(pool);
    this.requestDecision();
    this.sicknessMultiplier = this.surgeSicknessMultiplier(now);
    for (const pool of this.pools) {
      this.rescheduleSickness(pool);
      this.rescheduleLeaver(pool);
    }
    for (const surge of this.config.surges) {
      for (const at of [
        surge.startDay * MINUTES_PER_DAY,
        (surge.startDay + surge.durationDays) * MINUTES_PER_DAY,
      ]) {
        if (at > now) this.sim.scheduleAt(at, this.hSurge, 0, EventPriority.capacityChange);
      }
    }
    const firstMidnight = (Math.floor(now / MINUTES_PER_DAY) + 1) * MINUTES_PER_DAY;
    this.sim.scheduleAt(firstMidnight, this.hDay, 0, EventPriority.observation);
    if (this.warmupMinutes > now) {
      this.sim.scheduleAt(this.warmupMinutes, this.hWarmupEnd, 0, EventPriority.capacityChange - 1);
    } else {
      this.periodStartAt = now;
    }
  }

  /** Effective staff on duty now at an organisation's service (substitutes and inductees weighted). */
  onDuty(organisationId: string, service: ServiceKind): number {
    const slot = this.slotOf(organisationId, service);
    return slot === NO_SLOT ? 0 : this.slotOnDuty[slot];
  }

  /**
   * Effective staff-minutes on duty at an organisation's service since the run started (the time
   * integral of `onDuty`). Daily-step services take the difference between two days: e.g. carer
   * minutes available for home-care visits yesterday.
   */
  staffMinutes(organisationId: string, service: ServiceKind): number {
    const slot = this.slotOf(organisationId, service);
    if (slot === NO_SLOT) return 0;
    return this.slotStaffMinutes[slot] + this.slotOnDuty[slot] * (this.sim.now - this.slotChangedAt[slot]);
  }

  /** Calls `listener` after every change of on-duty staff (shift changes, moves, arrivals). */
  subscribe(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Substantive staff in post now, by pool id (WTE; members are whole-time equivalents). */
  inPostWte(poolId: string): number {
    const pool = this.pools[this.requirePool(poolId)];
    return pool.healthy.length + pool.sick.length;
  }

  /** Members off sick now, by pool id. */
  sickCount(poolId: string): number {
    return this.pools[this.requirePool(poolId)].sick.length;
  }

  /** Hires in the recruitment pipeline now, by pool id. */
  hiresInPipeline(poolId: string): number {
    return this.pools[this.requirePool(poolId)].hiresInPipeline;
  }

  /** Substantive members of a pool on duty at home now (after lending, before bank/agency). */
  poolOnDutyAtHome(poolId: string): number {
    const pool = this.pools[this.requirePool(poolId)];
    return pool.onShift ? pool.rostered - pool.lent : 0;
  }

  /** Workforce metrics over the reported period (after warm-up), scope `ics` and per organisation. */
  metricRows(): MetricRow[] {
    this.closeVacancyIntegrals();
    const L = this.ledger;
    const rows: MetricRow[] = [];
    const scopes: { scope: string; pick: (a: Float64Array) => number }[] = [
      { scope: 'ics', pick: total },
      ...this.organisationIds.map((id, i) => ({ scope: id, pick: (a: Float64Array) => a[i] })),
    ];
    for (const { scope, pick } of scopes) {
      const organisationIndex = scope === 'ics' ? -1 : this.organisationIndex.get(scope)!;
      const hasPools =
        organisationIndex < 0 || this.pools.some((p) => p.organisationIndex === organisationIndex);
      if (!hasPools) continue;
      const add = (metricId: string, statistic: MetricRow['statistic'], value: number): void => {
        if (Number.isFinite(value)) rows.push({ metricId, scope, statistic, value });
      };
      const establishment = pick(L.establishmentWteMinutes);
      add('workforce.vacancyShare', 'mean', ratio(pick(L.vacancyWteMinutes), establishment));
      add('workforce.vacancyShare', 'value', this.currentVacancyShare(organisationIndex));
      const nurseEstablishment = pick(L.nurseEstablishmentWteMinutes);
      if (nurseEstablishment > 0) {
        add(
          'workforce.registeredNurseVacancyShare',
          'mean',
          ratio(pick(L.nurseVacancyWteMinutes), nurseEstablishment),
        );
        const nurseInPostYears = pick(L.nurseInPostWteMinutes) / MINUTES_PER_YEAR;
        add(
          'workforce.registeredNurseLeaverRateShare',
          'value',
          ratio(pick(L.nurseLeavers), nurseInPostYears),
        );
      }
      add('workforce.leaversCount', 'total', pick(L.leavers));
      add(
        'workforce.leaverRateShare',
        'value',
        ratio(pick(L.leavers), pick(L.inPostWteMinutes) / MINUTES_PER_YEAR),
      );
      add('workforce.joinersCount', 'total', pick(L.joiners));
      add('workforce.utilisationShare', 'mean', ratio(pick(L.utilisationSum), pick(L.utilisationCount)));
      add('workforce.sicknessAbsenceShare', 'mean', ratio(pick(L.sickHours), pick(L.contractedHours)));
      add('workforce.overtimeHours', 'total', pick(L.overtimeHours));
      add('workforce.unfilledShiftsCount', 'total', pick(L.unfilledShifts));
      add('staffing.bankShiftsCount', 'total', pick(L.bankShifts));
      add('staffing.agencyShiftsCount', 'total', pick(L.agencyShifts));
      const substantive = pick(L.substantiveCostGbp);
      const bank = pick(L.bankCostGbp);
      const agency = pick(L.agencyCostGbp);
      add('staffing.substantiveCostGbp', 'total', substantive);
      add('staffing.bankCostGbp', 'total', bank);
      add('staffing.agencyCostGbp', 'total', agency);
      add('staffing.costGbp', 'total', substantive + bank + agency);
      add('redeployment.movesCount', 'total', pick(L.movesReceived));
      add('redeployment.lentCount', 'total', pick(L.movesLent));
      rows.push(...policyActivityRows(L, scope, pick));
    }
    return rows;
  }

  /**
   * The daily series: one row per reported day, metric and scope (`ics` and each organisation with
   * staff pools). `startDate` is the ISO date of reported day 0 (the first day after warm-up).
   */
  dailyRows(startDate: string): DailyRow[] {
    const rows: DailyRow[] = [];
    const dates = new RunCalendar(startDate, this.daily.length + 1);
    const scopes = [...this.organisationIds, 'ics'];
    const columns = scopes.length;
    const withPools = scopes.map(
      (_, i) => i === columns - 1 || this.pools.some((p) => p.organisationIndex === i),
    );
    for (let day = 0; day < this.daily.length; day++) {
      const values = this.daily[day];
      const date = dates.isoDate(day);
      for (let m = 0; m < DAILY_METRICS.length; m++) {
        for (let s = 0; s < columns; s++) {
          if (!withPools[s]) continue;
          rows.push({
            day,
            date,
            metricId: DAILY_METRICS[m],
            scope: scopes[s],
            value: values[m * columns + s],
          });
        }
      }
    }
    return rows;
  }

  /**
   * Per-pool vacancy share at the end of each reported day: `metricId` `workforce.vacancyShare`,
   * `scope` the pool id (not an organisation: keep these apart from the organisation-scoped series).
   */
  poolDailyRows(startDate: string): DailyRow[] {
    const rows: DailyRow[] = [];
    const dates = new RunCalendar(startDate, this.poolDailyVacancy.length + 1);
    for (let day = 0; day < this.poolDailyVacancy.length; day++) {
      const date = dates.isoDate(day);
      const values = this.poolDailyVacancy[day];
      for (const pool of this.pools) {
        rows.push({
          day,
          date,
          metricId: 'workforce.vacancyShare',
          scope: pool.config.id,
          value: values[pool.index],
        });
      }
    }
    return rows;
  }

  // ---------------------------------------------------------------------------------------------
  // Set-up

  private addPool(config: StaffPoolConfig, streams: RandomStreams): void {
    const fail = (what: string): never => {
      throw new ModelError(`staff pool '${config.id}': ${what}`);
    };
    if (this.poolIndex.has(config.id)) fail('duplicate pool id');
    const organisationIndex = this.organisationIndex.get(config.organisationId);
    if (organisationIndex === undefined) fail(`unknown organisationId '${config.organisationId}'`);
    const pattern = config.shiftPattern;
    if (!(Number.isInteger(pattern.shiftsPerDay) && pattern.shiftsPerDay >= 1))
      fail('shiftsPerDay must be an integer ≥ 1');
    if (!(pattern.hoursPerShift > 0)) fail('hoursPerShift must be > 0');
    if (pattern.shiftsPerDay * pattern.hoursPerShift > 24 + 1e-9) {
      fail('shifts of one day must not overlap (shiftsPerDay × hoursPerShift ≤ 24)');
    }
    if (config.requiredOnDutyByShift.length !== pattern.shiftsPerDay) {
      fail(
        `requiredOnDutyByShift needs ${pattern.shiftsPerDay} entries (one per shift); got ${config.requiredOnDutyByShift.length}`,
      );
    }
    for (const [name, value] of [
      ['plannedAbsenceShare', config.plannedAbsenceShare],
      ['sicknessAbsenceShare', config.sicknessAbsenceShare],
      ['bankFillShare', config.bankFillShare],
      ['agencyFillShare', config.agencyFillShare],
      ['minimumRetainedShare', config.minimumRetainedShare],
      ['hireSuccessShare', config.hireSuccessShare ?? 1],
      ['overtimeFillShare', config.overtimeFillShare ?? 0],
    ] as const) {
      if (!(value >= 0 && value <= 1)) fail(`${name} must be in [0, 1]; got ${value}`);
    }
    if (config.sicknessAbsenceShare >= 1) fail('sicknessAbsenceShare must be < 1');
    if (!((config.hireSuccessShare ?? 1) > 0)) fail('hireSuccessShare must be > 0');
    if (!(config.sicknessSpellDays > 0)) fail('sicknessSpellDays must be > 0');
    if (!(config.turnoverPerYear >= 0)) fail('turnoverPerYear must be ≥ 0');
    const homeService = config.homeService ?? (config.competencies[0] as ServiceKind | undefined) ?? 'none';
    if (homeService !== 'none' && !SERVICE_KINDS.includes(homeService))
      fail(`unknown homeService '${homeService}'`);
    const homeSlot =
      homeService === 'none'
        ? NO_SLOT
        : organisationIndex! * SERVICE_COUNT + SERVICE_KINDS.indexOf(homeService);

    const daysPerWeek = pattern.worksWeekends ? 7 : 5;
    const dutyFraction =
      config.hoursPerWtePerWeek / (pattern.hoursPerShift * pattern.shiftsPerDay * daysPerWeek);
    const meanRequired = config.requiredOnDutyByShift.reduce((a, b) => a + b, 0) / pattern.shiftsPerDay;
    const shiftWeights = Float64Array.from(config.requiredOnDutyByShift, (r) =>
      meanRequired > 0 ? r / meanRequired : 1,
    );
    const spellMinutes = config.sicknessSpellDays * MINUTES_PER_DAY;
    const s = config.sicknessAbsenceShare;
    const index = this.pools.length;
    const burnoutWindow = Math.max(1, Math.round(this.config.workforce.burnoutFeedback.windowDays));
    const pool: PoolRuntime = {
      index,
      config,
      organisationIndex: organisationIndex!,
      homeSlot,
      homeService,
      isRegisteredNurse: config.role === 'registeredNurse',
      establishment: Math.round(config.establishmentWte),
      dutyFraction,
      shiftWeights,
      shiftMinutes: pattern.hoursPerShift * MINUTES_PER_HOUR,
      // Onset rate per healthy member so that the long-run share sick is s: λ·d / (1 + λ·d) = s.
      sicknessOnsetPerMinute: s > 0 ? s / ((1 - s) * spellMinutes) : 0,
      sicknessSpellMinutes: spellMinutes,
      hireSuccessShare: config.hireSuccessShare ?? 1,
      overtimeFillShare: config.overtimeFillShare ?? 0,
      overtimeHourlyCostGbp: config.overtimeHourlyCostGbp ?? 1.5 * config.hourlyCostGbp,
      timeToHireDays: distributionFromSpec(config.timeToHireDays),
      streams: {
        sickness: streams.stream(`workforce.sickness.${config.id}`),
        turnover: streams.stream(`workforce.turnover.${config.id}`),
        hiring: streams.stream(`workforce.hiring.${config.id}`),
        fills: streams.stream(`workforce.fills.${config.id}`),
      },
      bankFreeFrom: new Array<number>(Math.max(0, Math.round(config.bankHeadcount))).fill(0),
      healthy: [],
      sick: [],
      hiresInPipeline: 0,
      leaverRateMultiplier: 1,
      sicknessEvent: -1,
      leaverEvent: -1,
      onShift: false,
      shiftIndex: -1,
      shiftEndsAt: 0,
      nextDay: 0,
      nextShift: 0,
      nextStartAt: 0,
      startsNow: false,
      required: 0,
      rostered: 0,
      rosterCarry: 0,
      lent: 0,
      received: 0,
      bankFills: 0,
      agencyFills: 0,
      overtimeFills: 0,
      assignments: [],
      vacancyChangedAt: 0,
      overloadToday: 0,
      overloadShiftsToday: 0,
      overloadWindow: new Float64Array(burnoutWindow),
      overloadWindowNext: 0,
    };
    this.pools.push(pool);
    this.poolIndex.set(config.id, index);
    if (homeSlot !== NO_SLOT) this.poolsBySlot[homeSlot].push(index);
  }

  /** Competency (1) or substitution effectiveness of a role at a service, over the pools holding that role. */
  private roleEffectiveness(role: string): Map<ServiceKind, number> {
    const result = new Map<ServiceKind, number>();
    for (const service of SERVICE_KINDS) {
      let best = this.substitution.get(`${role}|${service}`) ?? 0;
      for (const pool of this.pools) {
        if (pool.config.role === role && pool.config.competencies.includes(service)) best = 1;
      }
      if (best > 0) result.set(service, best);
    }
    return result;
  }

  private initialisePool(pool: PoolRuntime): void {
    const config = pool.config;
    const inPost = Math.round(config.inPostWte);
    const stream = pool.streams.sickness;
    const s = config.sicknessAbsenceShare;
    for (let i = 0; i < inPost; i++) {
      const member = this.newMember(pool);
      // Start in the long-run state: sick with probability s, the spell's remaining length exponential (memoryless).
      if (s > 0 && stream.uniform() < s) {
        this.makeSick(pool, member);
        this.sim.schedule(-pool.sicknessSpellMinutes * Math.log(stream.uniform()), this.hSicknessEnd, member);
      }
    }
    pool.vacancyChangedAt = this.sim.now;
    // Vacancies open at the start are part-way through recruitment: remaining time U × (length-biased draw).
    const vacancies = pool.establishment - inPost;
    const spec = config.timeToHireDays;
    const lengthBiased =
      spec.kind === 'lognormalLog'
        ? lognormalFromLog({ mu: spec.mu + spec.sigma * spec.sigma, sigma: spec.sigma })
        : spec.kind === 'lognormal'
          ? lengthBiasedLognormal(spec.mean, spec.sd)
          : pool.timeToHireDays;
    for (let v = 0; v < vacancies && pool.hiresInPipeline < config.maxHiresInPipeline; v++) {
      pool.hiresInPipeline++;
      const remainingDays = pool.streams.hiring.uniform() * lengthBiased.sample(pool.streams.hiring);
      this.sim.schedule(remainingDays * MINUTES_PER_DAY, this.hHire, pool.index);
    }
  }

  private newMember(pool: PoolRuntime): number {
    const member = this.memberPool.length;
    this.memberPool.push(pool.index);
    this.memberState.push(MEMBER_HEALTHY);
    this.memberPosition.push(pool.healthy.length);
    this.memberBusyUntil.push(0);
    pool.healthy.push(member);
    return member;
  }

  // ---------------------------------------------------------------------------------------------
  // Shifts

  /** Start minute of shift `shift` of day `day` for a pool (day may be −1). */
  private shiftStartAt(pool: PoolRuntime, day: number, shift: number): number {
    const pattern = pool.config.shiftPattern;
    return (
      day * MINUTES_PER_DAY + (pattern.firstShiftStartHour + shift * pattern.hoursPerShift) * MINUTES_PER_HOUR
    );
  }

  private worksOnDay(pool: PoolRuntime, day: number): boolean {
    if (pool.config.shiftPattern.worksWeekends) return true;
    // Arithmetic weekday: the look-ahead may pass the end of the calendar's tables (or precede day 0).
    return this.calendar.isWorkingDay(day);
  }

  /** Advances (nextDay, nextShift) to the first working shift starting at or after `fromMinutes`. */
  private advanceNextStart(pool: PoolRuntime, fromMinutes: number): void {
    const shifts = pool.config.shiftPattern.shiftsPerDay;
    for (let guard = 0; guard < 100_000; guard++) {
      const at = this.shiftStartAt(pool, pool.nextDay, pool.nextShift);
      if (at >= fromMinutes && this.worksOnDay(pool, pool.nextDay)) {
        pool.nextStartAt = at;
        return;
      }
      pool.nextShift++;
      if (pool.nextShift >= shifts) {
        pool.nextShift = 0;
        pool.nextDay++;
      }
    }
    throw new ModelError(`staff pool '${pool.config.id}': no working shift found`);
  }

  private scheduleFirstBoundary(pool: PoolRuntime): void {
    const now = this.sim.now;
    const today = Math.floor(now / MINUTES_PER_DAY);
    // A shift that began before the start and is still running (e.g. last night's) is staffed at once.
    pool.nextDay = today - 1;
    pool.nextShift = 0;
    this.advanceNextStart(pool, Number.NEGATIVE_INFINITY);
    while (pool.nextStartAt + pool.shiftMinutes <= now) this.stepNextStart(pool);
    if (pool.nextStartAt < now) {
      this.beginShift(pool, pool.nextShift, pool.nextStartAt + pool.shiftMinutes);
      this.stepNextStart(pool);
    }
    this.scheduleNextBoundary(pool);
  }

  private stepNextStart(pool: PoolRuntime): void {
    pool.nextShift++;
    if (pool.nextShift >= pool.config.shiftPattern.shiftsPerDay) {
      pool.nextShift = 0;
      pool.nextDay++;
    }
    this.advanceNextStart(pool, Number.NEGATIVE_INFINITY);
  }

  private scheduleNextBoundary(pool: PoolRuntime): void {
    const at = pool.onShift ? Math.min(pool.shiftEndsAt, pool.nextStartAt) : pool.nextStartAt;
    this.sim.scheduleAt(Math.max(at, this.sim.now), this.hBoundary, pool.index, EventPriority.capacityChange);
  }

  private onBoundary(poolIndex: number): void {
    const pool = this.pools[poolIndex];
    const now = this.sim.now;
    if (pool.onShift && pool.shiftEndsAt <= now) this.endShift(pool);
    if (pool.nextStartAt <= now) {
      if (pool.onShift) this.endShift(pool); // a shift cut short by the next (cannot happen when shifts do not overlap)
      this.beginShift(pool, pool.nextShift, now + pool.shiftMinutes);
      this.stepNextStart(pool);
    }
    this.scheduleNextBoundary(pool);
    this.requestDecision();
  }

  private beginShift(pool: PoolRuntime, shift: number, endsAt: number): void {
    const weight = pool.shiftWeights[shift];
    const expected = pool.healthy.length * (1 - pool.config.plannedAbsenceShare) * pool.dutyFraction * weight;
    const withCarry = expected + pool.rosterCarry;
    const rostered = Math.floor(withCarry + 1e-9);
    pool.rosterCarry = withCarry - rostered;
    pool.onShift = true;
    pool.shiftIndex = shift;
    pool.shiftEndsAt = endsAt;
    pool.required = pool.config.requiredOnDutyByShift[shift];
    pool.rostered = rostered;
    pool.lent = 0;
    pool.received = 0;
    pool.bankFills = 0;
    pool.agencyFills = 0;
    pool.overtimeFills = 0;
    pool.startsNow = true;
    this.startingPools.push(pool.index);
    this.markPoolSlot(pool);
  }

  private endShift(pool: PoolRuntime): void {
    for (const id of pool.assignments) this.endAssignment(id);
    pool.assignments.length = 0;
    pool.onShift = false;
    pool.rostered = 0;
    pool.lent = 0;
    pool.received = 0;
    pool.bankFills = 0;
    pool.agencyFills = 0;
    pool.overtimeFills = 0;
    this.markPoolSlot(pool);
  }

  private requestDecision(): void {
    if (this.decisionPending) return;
    this.decisionPending = true;
    this.sim.schedule(0, this.hDecide, 0, DECISION_PRIORITY);
  }

  /** Policy, then bank/agency/overtime for the pools whose shift starts now, then one notification. */
  private onDecide(): void {
    this.decisionPending = false;
    const starting = this.startingPools;
    if (starting.length > 0) {
      this.flushSlots();
      const today = Math.floor(this.sim.now / MINUTES_PER_DAY);
      const due = this.config.workforce.decisionInterval === 'shift' || today !== this.lastPolicyDay;
      if (due) {
        this.lastPolicyDay = today;
        const available = this.systemBankAvailability();
        const decision = this.policy.decide(this.snapshot(available));
        this.apply(decision, available);
      }
      for (const index of starting) this.fillGapsAndAccount(this.pools[index]);
      for (const index of starting) this.pools[index].startsNow = false;
      starting.length = 0;
    }
    this.flushSlots();
    for (const listener of this.listeners) listener();
  }

  private snapshot(systemBankAvailableByRole: Record<string, number>): SystemSnapshot {
    const now = this.sim.now;
    const pools: PoolState[] = this.pools.map((pool) => ({
      poolId: pool.config.id,
      organisationId: pool.config.organisationId,
      role: pool.config.role,
      competencies: pool.config.competencies,
      onDutyAtHome: pool.onShift ? pool.rostered : 0,
      requiredOnDuty: pool.onShift ? pool.required : 0,
      minimumRetained: pool.onShift ? Math.ceil(pool.config.minimumRetainedShare * pool.required - 1e-9) : 0,
      establishmentWte: pool.establishment,
      inPostWte: pool.healthy.length + pool.sick.length,
      homeService: pool.homeService,
      shiftStartsNow: pool.startsNow,
    }));
    const shift = this.startingPools.length > 0 ? this.pools[this.startingPools[0]].shiftIndex : 0;
    return {
      nowMinutes: now,
      day: Math.floor(now / MINUTES_PER_DAY),
      shift,
      pressures: this.pressure.pressures(),
      pools,
      systemBankAvailableByRole,
    };
  }

  /** System-bank members free now, by role (an upper bound on what a fill request can get). */
  private systemBankAvailability(): Record<string, number> {
    const available: Record<string, number> = {};
    if (!this.usesSystemBank) return available;
    const now = this.sim.now;
    for (const bank of this.systemBank.values()) {
      let count = 0;
      for (const freeFrom of bank.freeFrom) if (freeFrom <= now) count++;
      available[bank.role] = count;
    }
    return available;
  }

  // ---------------------------------------------------------------------------------------------
  // Applying a decision

  private apply(decision: PolicyDecision, available: Record<string, number>): void {
    for (const move of decision.moves) {
      const fromIndex = this.poolIndex.get(move.fromPoolId);
      const toOrganisation = this.organisationIndex.get(move.toOrganisationId);
      const serviceIndex = SERVICE_KINDS.indexOf(move.toService);
      if (fromIndex === undefined || toOrganisation === undefined || serviceIndex < 0) {
        throw new ModelError(
          `policy '${this.policy.id}' asked to move staff from '${move.fromPoolId}' to '${move.toOrganisationId}'/'${move.toService}': unknown pool, organisation or service`,
        );
      }
      if (!(Number.isInteger(move.count) && move.count >= 0)) {
        throw new ModelError(
          `policy '${this.policy.id}': move count must be a whole number ≥ 0; got ${move.count}`,
        );
      }
      this.applyMove(this.pools[fromIndex], toOrganisation, move);
    }
    for (const fill of decision.systemBankFills) {
      const toOrganisation = this.organisationIndex.get(fill.toOrganisationId);
      if (toOrganisation === undefined || SERVICE_KINDS.indexOf(fill.toService) < 0) {
        throw new ModelError(
          `policy '${this.policy.id}' asked for a system-bank fill at unknown '${fill.toOrganisationId}'/'${fill.toService}'`,
        );
      }
      this.applySystemBankFill(fill, toOrganisation, available);
    }
  }

  /** Effectiveness of a pool's member at a service: 1 if competent, the substitution's value, else 0. */
  private effectivenessAt(pool: PoolRuntime, service: ServiceKind): number {
    if (pool.config.competencies.includes(service)) return 1;
    return this.substitution.get(`${pool.config.role}|${service}`) ?? 0;
  }

  private applyMove(pool: PoolRuntime, toOrganisation: number, move: StaffMove): void {
    const { toService: service, count, reason } = move;
    if (count === 0) return;
    const L = this.ledger;
    const counting = this.sim.now >= this.periodStartAt;
    const slot = toOrganisation * SERVICE_COUNT + SERVICE_KINDS.indexOf(service);
    const baseEffectiveness = this.effectivenessAt(pool, service);
    const minimum = Math.ceil(pool.config.minimumRetainedShare * pool.required - 1e-9);
    const allowedByRoster =
      pool.startsNow && slot !== pool.homeSlot ? pool.rostered - pool.lent - minimum : 0;
    const allowed = baseEffectiveness > 0 ? Math.max(0, Math.min(count, allowedByRoster)) : 0;
    if (counting) L.movesRefused[pool.organisationIndex] += count - allowed;
    if (allowed === 0) return;
    const members = this.pickMembers(pool, toOrganisation, allowed);
    const crossOrganisation = toOrganisation !== pool.organisationIndex;
    const travel = crossOrganisation
      ? (this.travelMinutes.get(`${pool.config.organisationId}|${this.organisationIds[toOrganisation]}`) ??
        this.travelMinutes.get(`${this.organisationIds[toOrganisation]}|${pool.config.organisationId}`) ??
        0)
      : 0;
    const receiver = this.receivingPool(slot, pool.config.role);
    const now = this.sim.now;
    for (const member of members) {
      let effectiveness = baseEffectiveness;
      if (crossOrganisation) {
        let inducted = this.memberInductedAt.get(member);
        if (inducted === undefined) {
          inducted = new Map();
          this.memberInductedAt.set(member, inducted);
        }
        const firstAt = inducted.get(toOrganisation);
        if (firstAt === undefined) inducted.set(toOrganisation, now);
        if (now - (firstAt ?? now) < this.inductionDays * MINUTES_PER_DAY)
          effectiveness *= this.inductionEffectiveness;
      }
      this.memberBusyUntil[member] = pool.shiftEndsAt;
      const id = this.newAssignment(slot, effectiveness, toOrganisation);
      pool.assignments.push(id);
      if (travel > 0) this.sim.schedule(travel, this.hArrive, id, EventPriority.capacityChange);
      else this.arrive(id);
    }
    const moved = members.length;
    if (this.sim.tracer !== undefined)
      traceStaffMove(this.sim, pool.config.id, this.organisationIds[toOrganisation], service, moved);
    pool.lent += moved;
    if (receiver !== undefined) receiver.received += moved;
    this.markPoolSlot(pool);
    if (counting) {
      const hours = (moved * (pool.shiftEndsAt - now)) / MINUTES_PER_HOUR;
      L.movesLent[pool.organisationIndex] += moved;
      L.movesReceived[toOrganisation] += moved;
      recordPolicyMove(L, reason, toOrganisation, moved);
      L.hoursAtLocation[toOrganisation] += hours;
      L.movesRefused[pool.organisationIndex] += allowed - moved;
    }
  }

  /** Up to `count` healthy members not already deployed this shift, those inducted at the destination first. */
  private pickMembers(pool: PoolRuntime, toOrganisation: number, count: number): number[] {
    const now = this.sim.now;
    const picked: number[] = [];
    const healthy = pool.healthy;
    for (let i = 0; i < healthy.length && picked.length < count; i++) {
      const m = healthy[i];
      if (this.memberBusyUntil[m] <= now && this.memberInductedAt.get(m)?.has(toOrganisation)) picked.push(m);
    }
    for (let i = 0; i < healthy.length && picked.length < count; i++) {
      const m = healthy[i];
      if (this.memberBusyUntil[m] <= now && !this.memberInductedAt.get(m)?.has(toOrganisation))
        picked.push(m);
    }
    return picked;
  }

  /** The pool at a slot whose shift starts now (same role preferred), whose gap a received member fills. */
  private receivingPool(slot: number, role: string): PoolRuntime | undefined {
    let fallback: PoolRuntime | undefined;
    for (const index of this.poolsBySlot[slot]) {
      const pool = this.pools[index];
      if (!pool.startsNow) continue;
      if (pool.config.role === role) return pool;
      fallback ??= pool;
    }
    return fallback;
  }

  private applySystemBankFill(
    fill: SystemBankFill,
    toOrganisation: number,
    available: Record<string, number>,
  ): void {
    const { role, toService: service, count } = fill;
    const bank = this.systemBank.get(role);
    const effectiveness = bank?.effectiveness.get(service) ?? 0;
    const slot = toOrganisation * SERVICE_COUNT + SERVICE_KINDS.indexOf(service);
    // A fill lasts the shift of the receiving pool that starts now, or of one already running there.
    let receiver = this.receivingPool(slot, role);
    if (receiver === undefined) {
      for (const index of this.poolsBySlot[slot])
        if (this.pools[index].onShift) receiver ??= this.pools[index];
    }
    if (bank === undefined || effectiveness <= 0 || receiver === undefined || !(count > 0)) return;
    // Each shift asked for is filled with probability fillShare while a member of the role is free.
    const endsAt = receiver.shiftEndsAt;
    const fillShare = this.config.workforce.policySettings.systemBank.fillShare;
    const assigned = fillFromBank(
      bank.freeFrom,
      count,
      fillShare,
      this.sim.now,
      endsAt + this.bankRestMinutes,
      this.systemBankStream,
    );
    available[role] = Math.max(0, (available[role] ?? 0) - assigned);
    if (this.sim.tracer !== undefined)
      traceSystemBankFill(this.sim, role, fill.toOrganisationId, service, assigned);
    const now = this.sim.now;
    for (let i = 0; i < assigned; i++) {
      const id = this.newAssignment(slot, effectiveness, toOrganisation);
      receiver.assignments.push(id);
      this.arrive(id);
    }
    if (receiver.startsNow) receiver.received += assigned;
    if (now >= this.periodStartAt) {
      const hours = (assigned * (receiver.shiftEndsAt - now)) / MINUTES_PER_HOUR;
      const L = this.ledger;
      L.bankShifts[toOrganisation] += assigned;
      recordSystemBankFill(L, fill.reason, toOrganisation, assigned);
      L.bankHours[toOrganisation] += hours;
      L.bankCostGbp[toOrganisation] += hours * bank.hourlyCostGbp;
      L.hoursAtLocation[toOrganisation] += hours;
    }
  }

  private newAssignment(slot: number, effectiveness: number, organisationIndex: number): number {
    const record: Assignment = { slot, effectiveness, active: true, arrived: false, organisationIndex };
    const free = this.freeAssignments.pop();
    if (free !== undefined) {
      this.assignments[free] = record;
      return free;
    }
    this.assignments.push(record);
    return this.assignments.length - 1;
  }

  private onArrive(id: number): void {
    if (!this.assignments[id].active) {
      this.freeAssignments.push(id); // ended before the member got there
      return;
    }
    this.arrive(id);
    this.flushSlots();
    for (const listener of this.listeners) listener();
  }

  private arrive(id: number): void {
    const a = this.assignments[id];
    if (!a.active || a.arrived) return;
    a.arrived = true;
    this.slotReceived[a.slot] += a.effectiveness;
    this.slotReceivedCount[a.slot]++;
    this.dirtySlots.add(a.slot);
  }

  private endAssignment(id: number): void {
    const a = this.assignments[id];
    if (!a.active) return;
    a.active = false;
    if (a.arrived) {
      this.slotReceivedCount[a.slot]--;
      // Reset exactly to zero when nobody is left, so float sums cannot drift.
      this.slotReceived[a.slot] =
        this.slotReceivedCount[a.slot] === 0 ? 0 : this.slotReceived[a.slot] - a.effectiveness;
      this.dirtySlots.add(a.slot);
    }
    // The arrival event (if still pending) sees `active` false and does nothing; the record is reused later.
    if (a.arrived) this.freeAssignments.push(id);
  }

  /** Own bank, then agency, then overtime for the gap left after moves; then the shift's accounts. */
  private fillGapsAndAccount(pool: PoolRuntime): void {
    const config = pool.config;
    const stream = pool.streams.fills;
    const atHome = pool.rostered - pool.lent;
    let gap = Math.max(0, pool.required - atHome - pool.received);
    const bankOpen = !this.ownBankDisabledRoles.has(config.role);
    const bank = bankOpen
      ? fillFromBank(
          pool.bankFreeFrom,
          gap,
          config.bankFillShare,
          this.sim.now,
          pool.shiftEndsAt + this.bankRestMinutes,
          stream,
        )
      : 0;
    gap -= bank;
    const agency = binomialDraw(gap, config.agencyFillShare, stream);
    gap -= agency;
    const overtime = binomialDraw(gap, pool.overtimeFillShare, stream);
    gap -= overtime;
    pool.bankFills = bank;
    pool.agencyFills = agency;
    pool.overtimeFills = overtime;
    if (this.sim.tracer !== undefined)
      traceShiftStart(this.sim, config, pool.homeService, { bank, agency, overtime });
    this.markPoolSlot(pool);

    const onDutyHeadcount = atHome + pool.received + bank + agency + overtime;
    if (this.config.workforce.burnoutFeedback.enabled && pool.required > 0) {
      const threshold = this.config.workforce.burnoutFeedback.patientsPerNurseThreshold;
      // Patients per staff member ≈ threshold × required / on duty (the roster is set at the threshold ratio).
      const extra =
        onDutyHeadcount > 0 ? threshold * Math.max(0, pool.required / onDutyHeadcount - 1) : threshold;
      pool.overloadToday += extra;
      pool.overloadShiftsToday++;
    }

    if (this.sim.now < this.periodStartAt) return;
    const L = this.ledger;
    const o = pool.organisationIndex;
    // Accounted at the shift's start for its remaining length (the shift running at time 0 is partial).
    const hours = (pool.shiftEndsAt - this.sim.now) / MINUTES_PER_HOUR;
    const perMember = pool.dutyFraction * pool.shiftWeights[pool.shiftIndex] * hours;
    const inPost = pool.healthy.length + pool.sick.length;
    const contracted = inPost * perMember;
    const sick = pool.sick.length * perMember;
    const worked = Math.min(atHome, pool.required);
    L.contractedHours[o] += contracted;
    L.sickHours[o] += sick;
    L.plannedAbsenceHours[o] += contracted - sick - pool.rostered * hours;
    L.workedAtHomeHours[o] += worked * hours;
    L.idleHours[o] += (atHome - worked) * hours;
    L.deployedHours[o] += pool.lent * hours;
    L.hoursAtLocation[o] += (atHome + bank + agency + overtime) * hours;
    L.bankShifts[o] += bank;
    L.bankHours[o] += bank * hours;
    L.bankCostGbp[o] += bank * hours * config.bankHourlyCostGbp;
    L.agencyShifts[o] += agency;
    L.agencyHours[o] += agency * hours;
    L.agencyCostGbp[o] += agency * hours * config.agencyHourlyCostGbp;
    L.overtimeHours[o] += overtime * hours;
    L.substantiveCostGbp[o] +=
      contracted * config.hourlyCostGbp + overtime * hours * pool.overtimeHourlyCostGbp;
    L.unfilledShifts[o] += gap;
    if (pool.required > 0) {
      L.utilisationSum[o] += onDutyHeadcount / pool.required;
      L.utilisationCount[o]++;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // On-duty slots

  private markPoolSlot(pool: PoolRuntime): void {
    if (pool.homeSlot !== NO_SLOT) this.dirtySlots.add(pool.homeSlot);
  }

  private flushSlots(): void {
    if (this.dirtySlots.size === 0) return;
    const now = this.sim.now;
    for (const slot of this.dirtySlots) {
      let value = this.slotReceived[slot];
      for (const index of this.poolsBySlot[slot]) {
        const p = this.pools[index];
        if (p.onShift) value += p.rostered - p.lent + p.bankFills + p.agencyFills + p.overtimeFills;
      }
      this.slotStaffMinutes[slot] += this.slotOnDuty[slot] * (now - this.slotChangedAt[slot]);
      this.slotChangedAt[slot] = now;
      this.slotOnDuty[slot] = value;
    }
    this.dirtySlots.clear();
  }

  private slotOf(organisationId: string, service: ServiceKind): number {
    const o = this.organisationIndex.get(organisationId);
    const s = SERVICE_KINDS.indexOf(service);
    return o === undefined || s < 0 ? NO_SLOT : o * SERVICE_COUNT + s;
  }

  private requirePool(poolId: string): number {
    const index = this.poolIndex.get(poolId);
    if (index === undefined) throw new ModelError(`unknown staff pool '${poolId}'`);
    return index;
  }

  // ---------------------------------------------------------------------------------------------
  // Sickness

  private makeSick(pool: PoolRuntime, member: number): void {
    removeFromList(pool.healthy, member, this.memberPosition);
    this.memberState[member] = MEMBER_SICK;
    this.memberPosition[member] = pool.sick.length;
    pool.sick.push(member);
  }

  private surgeSicknessMultiplier(atMinutes: number): number {
    let multiplier = 1;
    const day = atMinutes / MINUTES_PER_DAY;
    for (const surge of this.config.surges) {
      if (day >= surge.startDay && day < surge.startDay + surge.durationDays)
        multiplier *= surge.sicknessMultiplier;
    }
    return multiplier;
  }

  private onSurgeBoundary(): void {
    this.sicknessMultiplier = this.surgeSicknessMultiplier(this.sim.now);
    for (const pool of this.pools) this.rescheduleSickness(pool);
  }

  /** One pending onset per pool at rate λ × healthy × surge multiplier (memoryless, so redrawing on change is exact). */
  private rescheduleSickness(pool: PoolRuntime): void {
    if (pool.sicknessEvent >= 0) this.sim.cancel(pool.sicknessEvent);
    pool.sicknessEvent = -1;
    const rate = pool.sicknessOnsetPerMinute * pool.healthy.length * this.sicknessMultiplier;
    if (rate > 0) {
      const delay = -Math.log(pool.streams.sickness.uniform()) / rate;
      pool.sicknessEvent = this.sim.schedule(delay, this.hSicknessOnset, pool.index);
    }
  }

  private onSicknessOnset(poolIndex: number): void {
    const pool = this.pools[poolIndex];
    pool.sicknessEvent = -1;
    const stream = pool.streams.sickness;
    if (pool.healthy.length > 0) {
      const member = pool.healthy[Math.floor(stream.uniform() * pool.healthy.length)];
      this.makeSick(pool, member);
      this.sim.schedule(-pool.sicknessSpellMinutes * Math.log(stream.uniform()), this.hSicknessEnd, member);
    }
    this.rescheduleSickness(pool);
  }

  private onSicknessEnd(member: number): void {
    if (this.memberState[member] !== MEMBER_SICK) return; // left while off sick
    const pool = this.pools[this.memberPool[member]];
    removeFromList(pool.sick, member, this.memberPosition);
    this.memberState[member] = MEMBER_HEALTHY;
    this.memberPosition[member] = pool.healthy.length;
    pool.healthy.push(member);
    this.rescheduleSickness(pool);
  }

  // ---------------------------------------------------------------------------------------------
  // Turnover and recruitment

  private rescheduleLeaver(pool: PoolRuntime): void {
    if (pool.leaverEvent >= 0) this.sim.cancel(pool.leaverEvent);
    pool.leaverEvent = -1;
    const inPost = pool.healthy.length + pool.sick.length;
    const rate = (pool.config.turnoverPerYear * pool.leaverRateMultiplier * inPost) / MINUTES_PER_YEAR;
    if (rate > 0) {
      const delay = -Math.log(pool.streams.turnover.uniform()) / rate;
      pool.leaverEvent = this.sim.schedule(delay, this.hLeaver, pool.index);
    }
  }

  private onLeaver(poolIndex: number): void {
    const pool = this.pools[poolIndex];
    pool.leaverEvent = -1;
    const inPost = pool.healthy.length + pool.sick.length;
    if (inPost > 0) {
      this.noteVacancyChange(pool);
      const pick = Math.floor(pool.streams.turnover.uniform() * inPost);
      const member = pick < pool.healthy.length ? pool.healthy[pick] : pool.sick[pick - pool.healthy.length];
      removeFromList(
        this.memberState[member] === MEMBER_SICK ? pool.sick : pool.healthy,
        member,
        this.memberPosition,
      );
      this.memberState[member] = MEMBER_LEFT;
      this.memberInductedAt.delete(member);
      if (this.sim.now >= this.periodStartAt) {
        this.ledger.leavers[pool.organisationIndex]++;
        if (pool.isRegisteredNurse) this.ledger.nurseLeavers[pool.organisationIndex]++;
      }
      this.rescheduleSickness(pool);
      this.recruit(pool);
    }
    this.rescheduleLeaver(pool);
  }

  /** Opens recruitment rounds for vacancies not yet in the pipeline, up to the pipeline limit. */
  private recruit(pool: PoolRuntime): void {
    const inPost = pool.healthy.length + pool.sick.length;
    while (
      pool.establishment - inPost - pool.hiresInPipeline > 0 &&
      pool.hiresInPipeline < pool.config.maxHiresInPipeline
    ) {
      pool.hiresInPipeline++;
      this.startHireRound(pool);
    }
  }

  private startHireRound(pool: PoolRuntime): void {
    const days = pool.timeToHireDays.sample(pool.streams.hiring);
    if (!(days >= 0) || !Number.isFinite(days)) {
      throw new ModelError(`staff pool '${pool.config.id}': timeToHireDays drew ${days}; it must be ≥ 0`);
    }
    this.sim.schedule(days * MINUTES_PER_DAY, this.hHire, pool.index);
  }

  private onHireRoundEnds(poolIndex: number): void {
    const pool = this.pools[poolIndex];
    if (pool.hireSuccessShare < 1 && pool.streams.hiring.uniform() >= pool.hireSuccessShare) {
      this.startHireRound(pool); // no suitable candidate: re-advertise
      return;
    }
    pool.hiresInPipeline--;
    this.noteVacancyChange(pool);
    this.newMember(pool);
    if (this.sim.now >= this.periodStartAt) this.ledger.joiners[pool.organisationIndex]++;
    this.rescheduleSickness(pool);
    this.rescheduleLeaver(pool);
    this.recruit(pool);
  }

  // ---------------------------------------------------------------------------------------------
  // Period bookkeeping

  /** Adds the time since the last change to the pool's vacancy integrals (call before in-post changes). */
  private noteVacancyChange(pool: PoolRuntime): void {
    const now = this.sim.now;
    const from = Math.max(pool.vacancyChangedAt, this.periodStartAt);
    if (now > from) {
      const minutes = now - from;
      const inPost = pool.healthy.length + pool.sick.length;
      const o = pool.organisationIndex;
      const L = this.ledger;
      const vacancy = Math.max(0, pool.establishment - inPost);
      L.vacancyWteMinutes[o] += vacancy * minutes;
      L.establishmentWteMinutes[o] += pool.establishment * minutes;
      L.inPostWteMinutes[o] += inPost * minutes;
      if (pool.isRegisteredNurse) {
        L.nurseVacancyWteMinutes[o] += vacancy * minutes;
        L.nurseEstablishmentWteMinutes[o] += pool.establishment * minutes;
        L.nurseInPostWteMinutes[o] += inPost * minutes;
      }
    }
    pool.vacancyChangedAt = now;
  }

  private closeVacancyIntegrals(): void {
    for (const pool of this.pools) this.noteVacancyChange(pool);
  }

  private currentVacancyShare(organisationIndex: number): number {
    let vacancies = 0;
    let establishment = 0;
    for (const pool of this.pools) {
      if (organisationIndex >= 0 && pool.organisationIndex !== organisationIndex) continue;
      vacancies += Math.max(0, pool.establishment - pool.healthy.length - pool.sick.length);
      establishment += pool.establishment;
    }
    return ratio(vacancies, establishment);
  }

  private onWarmupEnd(): void {
    for (const pool of this.pools) pool.vacancyChangedAt = this.sim.now;
    this.ledger.reset();
    this.periodStartAt = this.sim.now;
    this.previousTotals.fill(0);
  }

  /** Midnight: burnout update, and (after warm-up) the day's row of the daily series. */
  private onDayEnd(): void {
    const now = this.sim.now;
    this.sim.schedule(MINUTES_PER_DAY, this.hDay, 0, EventPriority.observation);
    const burnout = this.config.workforce.burnoutFeedback;
    if (burnout.enabled) {
      for (const pool of this.pools) {
        const today = pool.overloadShiftsToday > 0 ? pool.overloadToday / pool.overloadShiftsToday : 0;
        pool.overloadToday = 0;
        pool.overloadShiftsToday = 0;
        pool.overloadWindow[pool.overloadWindowNext] = today;
        pool.overloadWindowNext = (pool.overloadWindowNext + 1) % pool.overloadWindow.length;
        let sum = 0;
        for (const v of pool.overloadWindow) sum += v;
        const mean = sum / pool.overloadWindow.length;
        const multiplier = Math.min(burnout.maxMultiplier, burnout.leaverOddsPerExtraPatient ** mean);
        if (multiplier !== pool.leaverRateMultiplier) {
          pool.leaverRateMultiplier = multiplier;
          this.rescheduleLeaver(pool);
        }
      }
    }
    if (now <= this.periodStartAt) return;
    this.closeVacancyIntegrals();
    const columns = this.organisationIds.length + 1;
    const L = this.ledger;
    const cumulative = new Float64Array(DAILY_METRICS.length * columns);
    const sources = [
      null,
      L.leavers,
      L.joiners,
      L.unfilledShifts,
      L.bankShifts,
      L.agencyShifts,
      null,
      L.movesReceived,
    ] as const;
    for (let o = 0; o < columns - 1; o++) {
      sources.forEach((source, m) => {
        if (source) cumulative[m * columns + o] = source[o];
      });
      cumulative[6 * columns + o] = L.substantiveCostGbp[o] + L.bankCostGbp[o] + L.agencyCostGbp[o];
    }
    for (let m = 0; m < DAILY_METRICS.length; m++) {
      let sum = 0;
      for (let o = 0; o < columns - 1; o++) sum += cumulative[m * columns + o];
      cumulative[m * columns + columns - 1] = sum;
    }
    const row = new Float64Array(DAILY_METRICS.length * columns);
    for (let i = 0; i < row.length; i++) row[i] = cumulative[i] - this.previousTotals[i];
    for (let o = 0; o < columns - 1; o++) row[o] = this.currentVacancyShare(o);
    row[columns - 1] = this.currentVacancyShare(-1);
    this.previousTotals = cumulative;
    this.daily.push(row);
    const poolValues = new Float64Array(this.pools.length);
    for (const pool of this.pools) {
      const inPost = pool.healthy.length + pool.sick.length;
      poolValues[pool.index] = ratio(Math.max(0, pool.establishment - inPost), pool.establishment);
    }
    this.poolDailyVacancy.push(poolValues);
  }
}

// -----------------------------------------------------------------------------------------------

function removeFromList(list: number[], member: number, position: number[]): void {
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
function fillFromBank(
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
function binomialDraw(n: number, p: number, stream: RandomStream): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  let k = 0;
  for (let i = 0; i < n; i++) if (stream.uniform() < p) k++;
  return k;
}

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : Number.NaN;
}

/** The length-biased version of a lognormal given by mean and sd: lognormal(mu + sigma², sigma). */
function lengthBiasedLognormal(mean: number, sd: number): Distribution {
  const cv = sd / mean;
  const sigma2 = Math.log1p(cv * cv);
  const mu = Math.log(mean) - sigma2 / 2;
  return lognormalFromLog({ mu: mu + sigma2, sigma: Math.sqrt(sigma2) });
}
