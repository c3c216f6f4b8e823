/**
 * Accounting over the reported period: vacancy time integrals, the end of warm-up, and the end of
 * each day (daily series, burnout window, policy review).
 */
import * as ENGINE from '@carepool/engine';
import type { WorkforceLedger } from './ledger.js';
import {
  DAILY_METRICS,
  type PoolRuntime,
  ratio,
  type WorkforceDailyMetricId,
  WorkforcePart,
} from './state.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const { EventPriority, MINUTES_PER_DAY } = ENGINE;

/** The ledger account (to date, organisation `o`) whose daily increase each daily count reports. */
const DAILY_ACCOUNTS: Record<
  Exclude<WorkforceDailyMetricId, 'workforce.vacancyShare'>,
  (L: WorkforceLedger, o: number) => number
> = {
  'workforce.leaversCount': (L, o) => L.leavers[o],
  'workforce.joinersCount': (L, o) => L.joiners[o],
  'workforce.unfilledShiftsCount': (L, o) => L.unfilledShifts[o],
  'staffing.bankShiftsCount': (L, o) => L.bankShifts[o],
  'staffing.agencyShiftsCount': (L, o) => L.agencyShifts[o],
  'staffing.costGbp': (L, o) => L.substantiveCostGbp[o] + L.bankCostGbp[o] + L.agencyCostGbp[o],
  'redeployment.movesCount': (L, o) => L.movesReceived[o],
};
const VACANCY_ROW = DAILY_METRICS.indexOf('workforce.vacancyShare');

export class Accounting extends WorkforcePart {
  /** Adds the time since the last change to the pool's vacancy integrals (call before in-post changes). */
  noteVacancyChange(pool: PoolRuntime): void {
    const now = this.s.sim.now;
    const from = Math.max(pool.vacancyChangedAt, this.s.periodStartAt);
    if (now > from) {
      const minutes = now - from;
      const inPost = pool.healthy.length + pool.sick.length;
      const o = pool.organisationIndex;
      const L = this.s.ledger;
      const vacancy = Math.max(0, pool.establishment - inPost);
      L.vacancyWteMinutes[o] += vacancy * minutes;
      L.establishmentWteMinutes[o] += pool.establishment * minutes;
      L.inPostWteMinutes[o] += inPost * minutes;
      if (pool.isRegisteredNurse) {
        L.nurseVacancyWteMinutes[o] += vacancy * minutes;
        L.nurseEstablishmentWteMinutes[o] += pool.establishment * minutes;
        L.nurseInPostWteMinutes[o] += inPost * minutes;
      }
      if (pool.config.role === 'careWorker') {
        L.careWorkerVacancyWteMinutes[o] += vacancy * minutes;
        L.careWorkerEstablishmentWteMinutes[o] += pool.establishment * minutes;
      }
    }
    pool.vacancyChangedAt = now;
  }

  closeVacancyIntegrals(): void {
    for (const pool of this.s.pools) this.noteVacancyChange(pool);
  }

  currentVacancyShare(organisationIndex: number): number {
    let vacancies = 0;
    let establishment = 0;
    for (const pool of this.s.pools) {
      if (organisationIndex >= 0 && pool.organisationIndex !== organisationIndex) continue;
      vacancies += Math.max(0, pool.establishment - pool.healthy.length - pool.sick.length);
      establishment += pool.establishment;
    }
    return ratio(vacancies, establishment);
  }

  onWarmupEnd(): void {
    for (const pool of this.s.pools) pool.vacancyChangedAt = this.s.sim.now;
    this.s.ledger.reset();
    this.s.periodStartAt = this.s.sim.now;
    this.s.previousTotals.fill(0);
  }

  /** Midnight: burnout update, and (after warm-up) the day's row of the daily series. */
  onDayEnd(): void {
    const now = this.s.sim.now;
    this.s.sim.schedule(MINUTES_PER_DAY, this.s.hDay, 0, EventPriority.observation);
    const burnout = this.s.config.workforce.burnoutFeedback;
    if (burnout.enabled) {
      for (const pool of this.s.pools) {
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
          this.p.absence.rescheduleLeaver(pool);
        }
        const sick = Math.min(burnout.maxMultiplier, burnout.sicknessOddsPerExtraPatient ** mean);
        if (sick !== pool.sicknessRateMultiplier) {
          pool.sicknessRateMultiplier = sick;
          this.p.absence.rescheduleSickness(pool);
        }
      }
    }
    if (now <= this.s.periodStartAt) return;
    this.closeVacancyIntegrals();
    const columns = this.s.organisationIds.length + 1;
    const L = this.s.ledger;
    const cumulative = new Float64Array(DAILY_METRICS.length * columns);
    DAILY_METRICS.forEach((metricId, m) => {
      if (metricId === 'workforce.vacancyShare') return;
      const account = DAILY_ACCOUNTS[metricId];
      for (let o = 0; o < columns - 1; o++) cumulative[m * columns + o] = account(L, o);
    });
    for (let m = 0; m < DAILY_METRICS.length; m++) {
      let sum = 0;
      for (let o = 0; o < columns - 1; o++) sum += cumulative[m * columns + o];
      cumulative[m * columns + columns - 1] = sum;
    }
    const row = new Float64Array(DAILY_METRICS.length * columns);
    for (let i = 0; i < row.length; i++) row[i] = cumulative[i] - this.s.previousTotals[i];
    for (let o = 0; o < columns - 1; o++) row[VACANCY_ROW * columns + o] = this.currentVacancyShare(o);
    row[VACANCY_ROW * columns + columns - 1] = this.currentVacancyShare(-1);
    this.s.previousTotals = cumulative;
    this.s.daily.push(row);
    const poolValues = new Float64Array(this.s.pools.length);
    for (const pool of this.s.pools) {
      const inPost = pool.healthy.length + pool.sick.length;
      poolValues[pool.index] = ratio(Math.max(0, pool.establishment - inPost), pool.establishment);
    }
    this.s.poolDailyVacancy.push(poolValues);
  }
}
