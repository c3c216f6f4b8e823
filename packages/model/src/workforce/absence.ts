/**
 * Absence and turnover: sickness spells (Poisson onsets among the healthy, scaled in surges,
 * exponential spells) and leavers (Poisson at the pool's annual rate), each leaver starting a
 * recruitment.
 */
import type { EventId, HandlerId, RandomStream } from '@carepool/engine';
import * as ENGINE from '@carepool/engine';
import { isFlat, normalised } from '../flow/calendar.js';
import * as STATE from './state.js';
import { type PoolRuntime, removeFromList, WorkforcePart } from './state.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const { MINUTES_PER_DAY, MINUTES_PER_YEAR, EventPriority } = ENGINE;
const { MEMBER_HEALTHY, MEMBER_SICK, MEMBER_LEFT } = STATE;

export class Absence extends WorkforcePart {
  /** Sickness onset multipliers by month (mean 1), or undefined without seasonality. */
  private sicknessByMonth: Float64Array | undefined;
  private hSeason: HandlerId | undefined;

  /**
   * With seasonal sickness (`seasonality.sicknessMonthMultipliers`), re-rates onsets at each month's
   * start; without it no event is added. Call once, from `start`, before the first multiplier is read.
   */
  startSeason(): void {
    const months = this.s.config.seasonality.sicknessMonthMultipliers;
    if (isFlat(months)) return;
    this.sicknessByMonth = normalised(months, 12);
    this.hSeason = this.s.sim.registerHandler(() => this.onMonthStart(), 'workforce.sicknessSeason');
    this.scheduleNextMonthStart();
  }

  private scheduleNextMonthStart(): void {
    if (this.hSeason === undefined) return;
    const calendar = this.s.calendar;
    const day = calendar.nextMonthStart(this.s.sim.now / MINUTES_PER_DAY);
    // Past the calendar's tables the run is over (they run two days beyond its end).
    if (day >= calendar.totalDays) return;
    this.s.sim.scheduleAt(day * MINUTES_PER_DAY, this.hSeason, 0, EventPriority.capacityChange);
  }

  private onMonthStart(): void {
    this.onSurgeBoundary();
    this.scheduleNextMonthStart();
  }

  makeSick(pool: PoolRuntime, member: number): void {
    removeFromList(pool.healthy, member, this.s.memberPosition);
    this.s.memberState[member] = MEMBER_SICK;
    this.s.memberPosition[member] = pool.sick.length;
    pool.sick.push(member);
  }

  /** Surges in force × the month's seasonal multiplier, at `atMinutes`. */
  surgeSicknessMultiplier(atMinutes: number): number {
    const day = atMinutes / MINUTES_PER_DAY;
    const season = this.sicknessByMonth;
    let multiplier = season === undefined ? 1 : season[this.s.calendar.monthOf(day)];
    for (const surge of this.s.config.surges) {
      if (day >= surge.startDay && day < surge.startDay + surge.durationDays)
        multiplier *= surge.sicknessMultiplier;
    }
    return multiplier;
  }

  onSurgeBoundary(): void {
    this.s.sicknessMultiplier = this.surgeSicknessMultiplier(this.s.sim.now);
    for (const pool of this.s.pools) this.rescheduleSickness(pool);
  }

  /** One pending onset per pool at rate λ × healthy × surge multiplier (memoryless, so redrawing on change is exact). */
  rescheduleSickness(pool: PoolRuntime): void {
    const rate =
      pool.sicknessOnsetPerMinute *
      pool.healthy.length *
      this.s.sicknessMultiplier *
      pool.sicknessRateMultiplier;
    pool.sicknessEvent = this.redrawNext(
      pool.sicknessEvent,
      rate,
      pool.streams.sickness,
      this.s.hSicknessOnset,
      pool,
    );
  }

  /**
   * Cancels a pool's pending event (if any) and schedules the next one of a Poisson process at
   * `ratePerMinute` (memoryless, so redrawing on a change of rate is exact); −1 when the rate is 0.
   */
  private redrawNext(
    pending: EventId,
    ratePerMinute: number,
    stream: RandomStream,
    handler: HandlerId,
    pool: PoolRuntime,
  ): EventId {
    if (pending >= 0) this.s.sim.cancel(pending);
    if (!(ratePerMinute > 0)) return -1;
    return this.s.sim.schedule(-Math.log(stream.uniform()) / ratePerMinute, handler, pool.index);
  }

  onSicknessOnset(poolIndex: number): void {
    const pool = this.s.pools[poolIndex];
    pool.sicknessEvent = -1;
    const stream = pool.streams.sickness;
    if (pool.healthy.length > 0) {
      const member = pool.healthy[Math.floor(stream.uniform() * pool.healthy.length)];
      this.makeSick(pool, member);
      this.s.sim.schedule(
        -pool.sicknessSpellMinutes * Math.log(stream.uniform()),
        this.s.hSicknessEnd,
        member,
      );
    }
    this.rescheduleSickness(pool);
  }

  onSicknessEnd(member: number): void {
    if (this.s.memberState[member] !== MEMBER_SICK) return; // left while off sick
    const pool = this.s.pools[this.s.memberPool[member]];
    removeFromList(pool.sick, member, this.s.memberPosition);
    this.s.memberState[member] = MEMBER_HEALTHY;
    this.s.memberPosition[member] = pool.healthy.length;
    pool.healthy.push(member);
    this.rescheduleSickness(pool);
  }

  rescheduleLeaver(pool: PoolRuntime): void {
    const inPost = pool.healthy.length + pool.sick.length;
    const rate = (pool.config.turnoverPerYear * pool.leaverRateMultiplier * inPost) / MINUTES_PER_YEAR;
    pool.leaverEvent = this.redrawNext(pool.leaverEvent, rate, pool.streams.turnover, this.s.hLeaver, pool);
  }

  onLeaver(poolIndex: number): void {
    const pool = this.s.pools[poolIndex];
    pool.leaverEvent = -1;
    const inPost = pool.healthy.length + pool.sick.length;
    if (inPost > 0) {
      this.p.accounting.noteVacancyChange(pool);
      const pick = Math.floor(pool.streams.turnover.uniform() * inPost);
      const member = pick < pool.healthy.length ? pool.healthy[pick] : pool.sick[pick - pool.healthy.length];
      removeFromList(
        this.s.memberState[member] === MEMBER_SICK ? pool.sick : pool.healthy,
        member,
        this.s.memberPosition,
      );
      this.s.memberState[member] = MEMBER_LEFT;
      this.s.memberInductedAt.delete(member);
      if (this.s.sim.now >= this.s.periodStartAt) {
        this.s.ledger.leavers[pool.organisationIndex]++;
        if (pool.isRegisteredNurse) this.s.ledger.nurseLeavers[pool.organisationIndex]++;
      }
      this.rescheduleSickness(pool);
      this.p.hiring.recruit(pool);
    }
    this.rescheduleLeaver(pool);
  }
}
