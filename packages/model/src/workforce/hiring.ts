/** Recruitment: hire rounds with a time to hire and a success share, joiners into post. */
import * as ENGINE from '@carepool/engine';
import { ModelError } from '../errors.js';
import { type PoolRuntime, WorkforcePart } from './state.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const { MINUTES_PER_DAY } = ENGINE;

export class Hiring extends WorkforcePart {
  /** Opens recruitment rounds for vacancies not yet in the pipeline, up to the pipeline limit. */
  recruit(pool: PoolRuntime): void {
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
    this.s.sim.schedule(days * MINUTES_PER_DAY, this.s.hHire, pool.index);
  }

  onHireRoundEnds(poolIndex: number): void {
    const pool = this.s.pools[poolIndex];
    if (pool.hireSuccessShare < 1 && pool.streams.hiring.uniform() >= pool.hireSuccessShare) {
      this.startHireRound(pool); // no suitable candidate: re-advertise
      return;
    }
    pool.hiresInPipeline--;
    this.p.accounting.noteVacancyChange(pool);
    this.p.pools.newMember(pool);
    if (this.s.sim.now >= this.s.periodStartAt) this.s.ledger.joiners[pool.organisationIndex]++;
    this.p.absence.rescheduleSickness(pool);
    this.p.absence.rescheduleLeaver(pool);
    this.recruit(pool);
  }
}
