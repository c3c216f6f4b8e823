/**
 * The roster: when each pool's shifts start and end, who is rostered (establishment × duty fraction,
 * with carry so fractions add up), and the on-duty count of each organisation's service (slots).
 */
import * as ENGINE from '@carepool/engine';
import type { ServiceKind } from '../contracts.js';
import { ModelError } from '../errors.js';
import * as STATE from './state.js';
import { type PoolRuntime, SERVICE_KINDS, WorkforcePart } from './state.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const { EventPriority, MINUTES_PER_DAY, MINUTES_PER_HOUR } = ENGINE;
const { SERVICE_COUNT, NO_SLOT } = STATE;

/** A shift's head counts at its start (`rostered` on duty, nobody moved or filled yet) or end (0). */
function setShiftCounts(pool: PoolRuntime, rostered: number): void {
  pool.rostered = rostered;
  pool.lent = 0;
  pool.received = 0;
  pool.bankFills = 0;
  pool.agencyFills = 0;
  pool.overtimeFills = 0;
}

export class Roster extends WorkforcePart {
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
    return this.s.calendar.isWorkingDay(day);
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

  scheduleFirstBoundary(pool: PoolRuntime): void {
    const now = this.s.sim.now;
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
    this.s.sim.scheduleAt(
      Math.max(at, this.s.sim.now),
      this.s.hBoundary,
      pool.index,
      EventPriority.capacityChange,
    );
  }

  onBoundary(poolIndex: number): void {
    const pool = this.s.pools[poolIndex];
    const now = this.s.sim.now;
    if (pool.onShift && pool.shiftEndsAt <= now) this.endShift(pool);
    if (pool.nextStartAt <= now) {
      if (pool.onShift) this.endShift(pool); // a shift cut short by the next (cannot happen when shifts do not overlap)
      this.beginShift(pool, pool.nextShift, now + pool.shiftMinutes);
      this.stepNextStart(pool);
    }
    this.scheduleNextBoundary(pool);
    this.p.deployment.requestDecision();
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
    setShiftCounts(pool, rostered);
    pool.startsNow = true;
    this.s.startingPools.push(pool.index);
    this.markPoolSlot(pool);
  }

  private endShift(pool: PoolRuntime): void {
    for (const id of pool.assignments) this.p.deployment.endAssignment(id);
    pool.assignments.length = 0;
    pool.onShift = false;
    setShiftCounts(pool, 0);
    this.markPoolSlot(pool);
  }

  markPoolSlot(pool: PoolRuntime): void {
    if (pool.homeSlot !== NO_SLOT) this.s.dirtySlots.add(pool.homeSlot);
  }

  flushSlots(): void {
    if (this.s.dirtySlots.size === 0) return;
    const now = this.s.sim.now;
    for (const slot of this.s.dirtySlots) {
      let value = this.s.slotReceived[slot];
      for (const index of this.s.poolsBySlot[slot]) {
        const p = this.s.pools[index];
        if (p.onShift) value += p.rostered - p.lent + p.bankFills + p.agencyFills + p.overtimeFills;
      }
      this.s.slotStaffMinutes[slot] += this.s.slotOnDuty[slot] * (now - this.s.slotChangedAt[slot]);
      this.s.slotChangedAt[slot] = now;
      this.s.slotOnDuty[slot] = value;
    }
    this.s.dirtySlots.clear();
  }

  slotOf(organisationId: string, service: ServiceKind): number {
    const o = this.s.organisationIndex.get(organisationId);
    const s = SERVICE_KINDS.indexOf(service);
    return o === undefined || s < 0 ? NO_SLOT : o * SERVICE_COUNT + s;
  }

  requirePool(poolId: string): number {
    const index = this.s.poolIndex.get(poolId);
    if (index === undefined) throw new ModelError(`unknown staff pool '${poolId}'`);
    return index;
  }
}
