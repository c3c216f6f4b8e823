/**
 * Gap filling at the start of a shift: the gap between the staff required and those on duty (after
 * moves) is offered to the pool's own bank, then agency, then overtime; costs and unfilled shifts
 * go to the ledger.
 */
import * as ENGINE from '@carepool/engine';
import { binomialDraw, fillFromBank, type PoolRuntime, WorkforcePart } from './state.js';
import { traceShiftStart } from './trace.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const { MINUTES_PER_HOUR } = ENGINE;

export class GapFilling extends WorkforcePart {
  /** Own bank, then agency, then overtime for the gap left after moves; then the shift's accounts. */
  fillGapsAndAccount(pool: PoolRuntime): void {
    const config = pool.config;
    const stream = pool.streams.fills;
    const atHome = pool.rostered - pool.lent;
    let gap = Math.max(0, pool.required - atHome - pool.received);
    const bankOpen = !this.s.ownBankDisabledRoles.has(config.role);
    const bank = bankOpen
      ? fillFromBank(
          pool.bankFreeFrom,
          gap,
          config.bankFillShare,
          this.s.sim.now,
          pool.shiftEndsAt + this.s.bankRestMinutes,
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
    if (this.s.sim.tracer !== undefined)
      traceShiftStart(this.s.sim, config, pool.homeService, { bank, agency, overtime });
    this.p.roster.markPoolSlot(pool);

    const onDutyHeadcount = atHome + pool.received + bank + agency + overtime;
    if (this.s.config.workforce.burnoutFeedback.enabled && pool.required > 0) {
      const threshold = this.s.config.workforce.burnoutFeedback.patientsPerNurseThreshold;
      // Patients per staff member ≈ threshold × required / on duty (the roster is set at the threshold ratio).
      const extra =
        onDutyHeadcount > 0 ? threshold * Math.max(0, pool.required / onDutyHeadcount - 1) : threshold;
      pool.overloadToday += extra;
      pool.overloadShiftsToday++;
    }

    if (this.s.sim.now < this.s.periodStartAt) return;
    const L = this.s.ledger;
    const o = pool.organisationIndex;
    // Accounted at the shift's start for its remaining length (the shift running at time 0 is partial).
    const hours = (pool.shiftEndsAt - this.s.sim.now) / MINUTES_PER_HOUR;
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
}
