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
import { EventPriority, MINUTES_PER_DAY } from '@carepool/engine';
import type { DailyRow, MetricRow, ServiceKind, StaffingSource } from '../contracts.js';
import { ModelError } from '../errors.js';
import { Absence } from './absence.js';
import { Accounting } from './accounting.js';
import { Deployment } from './deployment.js';
import { GapFilling } from './gap-filling.js';
import { Hiring } from './hiring.js';
import type { WorkforceLedger } from './ledger.js';
import { PoolSetup } from './pools.js';
import { Reporting } from './reporting.js';
import { Roster } from './roster.js';
import { NO_SLOT, type WorkforceArgs, WorkforceState } from './state.js';

export { SERVICE_KINDS, type WorkforceArgs } from './state.js';

/** The modules as this class holds them; each sees the others only through `WorkforceParts` (state.ts). */
interface Modules {
  pools: PoolSetup;
  roster: Roster;
  absence: Absence;
  hiring: Hiring;
  deployment: Deployment;
  gaps: GapFilling;
  accounting: Accounting;
  reporting: Reporting;
}

/**
 * The workforce half of the system model, as the flow sees it (`StaffingSource`): this class wires
 * the modules — pools.ts (set-up), roster.ts, absence.ts, hiring.ts, deployment.ts, gap-filling.ts,
 * accounting.ts, reporting.ts — around the shared state (state.ts) and answers the flow's questions.
 */
export class Workforce implements StaffingSource {
  private readonly s: WorkforceState;
  private readonly p: Modules;
  /** Costs and activity totals, by organisation. */
  readonly ledger: WorkforceLedger;

  constructor(args: WorkforceArgs) {
    const s = new WorkforceState(args);
    const p = {} as Modules;
    p.pools = new PoolSetup(s, p);
    p.roster = new Roster(s, p);
    p.absence = new Absence(s, p);
    p.hiring = new Hiring(s, p);
    p.deployment = new Deployment(s, p);
    p.gaps = new GapFilling(s, p);
    p.accounting = new Accounting(s, p);
    p.reporting = new Reporting(s, p);
    this.s = s;
    this.p = p;
    this.ledger = s.ledger;
    const wf = args.config.workforce;
    for (const poolConfig of wf.staffPools) p.pools.addPool(poolConfig, args.streams);

    const bank = wf.policySettings.systemBank;
    if (s.usesSystemBank) {
      for (const [role, headcount] of Object.entries(bank.headcountByRole)) {
        s.systemBank.set(role, {
          role,
          freeFrom: new Array<number>(Math.round(headcount)).fill(0),
          // resolve-checks.ts requires pay for every role with members; a role listed with none
          // is never paid, and its pay stays a number so a (zero) fill costs 0, not NaN.
          hourlyCostGbp: headcount > 0 ? (bank.hourlyCostGbpByRole[role] as number) : 0,
          effectiveness: p.pools.roleEffectiveness(role),
        });
        if (bank.replacesOwnBanks && headcount > 0) s.ownBankDisabledRoles.add(role);
      }
    }

    const sim = s.sim;
    s.hBoundary = sim.registerHandler((x) => p.roster.onBoundary(x), 'workforce.shiftBoundary');
    s.hDecide = sim.registerHandler(() => p.deployment.onDecide(), 'workforce.decide');
    s.hSicknessOnset = sim.registerHandler((x) => p.absence.onSicknessOnset(x), 'workforce.sicknessOnset');
    s.hSicknessEnd = sim.registerHandler((x) => p.absence.onSicknessEnd(x), 'workforce.sicknessEnd');
    s.hLeaver = sim.registerHandler((x) => p.absence.onLeaver(x), 'workforce.leaver');
    s.hHire = sim.registerHandler((x) => p.hiring.onHireRoundEnds(x), 'workforce.hire');
    s.hArrive = sim.registerHandler((x) => p.deployment.onArrive(x), 'workforce.arrive');
    s.hDay = sim.registerHandler(() => p.accounting.onDayEnd(), 'workforce.day');
    s.hSurge = sim.registerHandler(() => p.absence.onSurgeBoundary(), 'workforce.surge');
    s.hWarmupEnd = sim.registerHandler(() => p.accounting.onWarmupEnd(), 'workforce.warmupEnd');
  }

  /** Schedules shift changes, sickness, turnover and recruitment, and staffs the shifts running at the start. */
  start(): void {
    if (this.s.started) throw new ModelError('Workforce.start() called twice');
    this.s.started = true;
    const now = this.s.sim.now;
    for (const pool of this.s.pools) this.p.pools.initialisePool(pool);
    for (const pool of this.s.pools) this.p.roster.scheduleFirstBoundary(pool);
    this.p.deployment.requestDecision();
    this.p.absence.startSeason();
    this.s.sicknessMultiplier = this.p.absence.surgeSicknessMultiplier(now);
    for (const pool of this.s.pools) {
      this.p.absence.rescheduleSickness(pool);
      this.p.absence.rescheduleLeaver(pool);
    }
    for (const surge of this.s.config.surges) {
      for (const at of [
        surge.startDay * MINUTES_PER_DAY,
        (surge.startDay + surge.durationDays) * MINUTES_PER_DAY,
      ]) {
        if (at > now) this.s.sim.scheduleAt(at, this.s.hSurge, 0, EventPriority.capacityChange);
      }
    }
    const firstMidnight = (Math.floor(now / MINUTES_PER_DAY) + 1) * MINUTES_PER_DAY;
    this.s.sim.scheduleAt(firstMidnight, this.s.hDay, 0, EventPriority.observation);
    if (this.s.warmupMinutes > now) {
      this.s.sim.scheduleAt(this.s.warmupMinutes, this.s.hWarmupEnd, 0, EventPriority.capacityChange - 1);
    } else {
      this.s.periodStartAt = now;
    }
  }

  /** Effective staff on duty now at an organisation's service (substitutes and inductees weighted). */
  onDuty(organisationId: string, service: ServiceKind): number {
    const slot = this.p.roster.slotOf(organisationId, service);
    return slot === NO_SLOT ? 0 : this.s.slotOnDuty[slot];
  }

  /**
   * Effective staff-minutes on duty at an organisation's service since the run started (the time
   * integral of `onDuty`). Daily-step services take the difference between two days: e.g. carer
   * minutes available for home-care visits yesterday.
   */
  staffMinutes(organisationId: string, service: ServiceKind): number {
    const slot = this.p.roster.slotOf(organisationId, service);
    if (slot === NO_SLOT) return 0;
    return (
      this.s.slotStaffMinutes[slot] + this.s.slotOnDuty[slot] * (this.s.sim.now - this.s.slotChangedAt[slot])
    );
  }

  /** Calls `listener` after every change of on-duty staff (shift changes, moves, arrivals). */
  subscribe(listener: () => void): void {
    this.s.listeners.push(listener);
  }

  /** Substantive staff in post now, by pool id (WTE; members are whole-time equivalents). */
  inPostWte(poolId: string): number {
    const pool = this.s.pools[this.p.roster.requirePool(poolId)];
    return pool.healthy.length + pool.sick.length;
  }

  /** Members off sick now, by pool id. */
  sickCount(poolId: string): number {
    return this.s.pools[this.p.roster.requirePool(poolId)].sick.length;
  }

  /** Hires in the recruitment pipeline now, by pool id. */
  hiresInPipeline(poolId: string): number {
    return this.s.pools[this.p.roster.requirePool(poolId)].hiresInPipeline;
  }

  /** Substantive members of a pool on duty at home now (after lending, before bank/agency). */
  poolOnDutyAtHome(poolId: string): number {
    const pool = this.s.pools[this.p.roster.requirePool(poolId)];
    return pool.onShift ? pool.rostered - pool.lent : 0;
  }

  /** Workforce metrics over the reported period (after warm-up), scope `ics` and per organisation. */
  metricRows(): MetricRow[] {
    return this.p.reporting.metricRows();
  }

  /** Daily workforce series over the reported period (scope `ics` and per organisation). */
  dailyRows(startDate: string): DailyRow[] {
    return [...this.p.reporting.dailyRows(startDate), ...this.p.reporting.staffGroupDailyRows(startDate)];
  }

  /** Daily vacancy share of each pool over the reported period. */
  poolDailyRows(startDate: string): DailyRow[] {
    return this.p.reporting.poolDailyRows(startDate);
  }
}
