/**
 * Deployment: asks the policy for a decision at each shift boundary, with a snapshot of pools and
 * pressure, and applies it — staff moves (with travel time and induction) and system-bank fills —
 * as assignments that end with the shift.
 */
import * as ENGINE from '@carepool/engine';
import type {
  PolicyDecision,
  PoolState,
  ServiceKind,
  StaffMove,
  SystemBankFill,
  SystemSnapshot,
} from '../contracts.js';
import { ModelError } from '../errors.js';
import { recordPolicyMove, recordSystemBankFill } from './policy-activity.js';
import * as STATE from './state.js';
import { type Assignment, fillFromBank, type PoolRuntime, SERVICE_KINDS, WorkforcePart } from './state.js';
import { traceStaffMove, traceSystemBankFill } from './trace.js';

// Local copies of imported constants: tsx compiles imported bindings to getter calls, which add up on
// per-event paths.
const { EventPriority, MINUTES_PER_DAY, MINUTES_PER_HOUR } = ENGINE;
const { SERVICE_COUNT, DECISION_PRIORITY } = STATE;

export class Deployment extends WorkforcePart {
  requestDecision(): void {
    if (this.s.decisionPending) return;
    this.s.decisionPending = true;
    this.s.sim.schedule(0, this.s.hDecide, 0, DECISION_PRIORITY);
  }

  /** Policy, then bank/agency/overtime for the pools whose shift starts now, then one notification. */
  onDecide(): void {
    this.s.decisionPending = false;
    const starting = this.s.startingPools;
    if (starting.length > 0) {
      this.p.roster.flushSlots();
      const today = Math.floor(this.s.sim.now / MINUTES_PER_DAY);
      const due = this.s.config.workforce.decisionInterval === 'shift' || today !== this.s.lastPolicyDay;
      if (due) {
        this.s.lastPolicyDay = today;
        const available = this.systemBankAvailability();
        const decision = this.s.policy.decide(this.snapshot(available));
        this.apply(decision, available);
      }
      for (const index of starting) this.p.gaps.fillGapsAndAccount(this.s.pools[index]);
      for (const index of starting) this.s.pools[index].startsNow = false;
      starting.length = 0;
    }
    this.p.roster.flushSlots();
    for (const listener of this.s.listeners) listener();
  }

  private snapshot(systemBankAvailableByRole: Record<string, number>): SystemSnapshot {
    const now = this.s.sim.now;
    const pools: PoolState[] = this.s.pools.map((pool) => ({
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
    const shift = this.s.startingPools.length > 0 ? this.s.pools[this.s.startingPools[0]].shiftIndex : 0;
    return {
      nowMinutes: now,
      day: Math.floor(now / MINUTES_PER_DAY),
      shift,
      pressures: this.s.pressure.pressures(),
      pools,
      systemBankAvailableByRole,
    };
  }

  /** System-bank members free now, by role (an upper bound on what a fill request can get). */
  private systemBankAvailability(): Record<string, number> {
    const available: Record<string, number> = {};
    if (!this.s.usesSystemBank) return available;
    const now = this.s.sim.now;
    for (const bank of this.s.systemBank.values()) {
      let count = 0;
      for (const freeFrom of bank.freeFrom) if (freeFrom <= now) count++;
      available[bank.role] = count;
    }
    return available;
  }

  private apply(decision: PolicyDecision, available: Record<string, number>): void {
    for (const move of decision.moves) {
      const fromIndex = this.s.poolIndex.get(move.fromPoolId);
      const toOrganisation = this.s.organisationIndex.get(move.toOrganisationId);
      const serviceIndex = SERVICE_KINDS.indexOf(move.toService);
      if (fromIndex === undefined || toOrganisation === undefined || serviceIndex < 0) {
        throw new ModelError(
          `policy '${this.s.policy.id}' asked to move staff from '${move.fromPoolId}' to '${move.toOrganisationId}'/'${move.toService}': unknown pool, organisation or service`,
        );
      }
      if (!(Number.isInteger(move.count) && move.count >= 0)) {
        throw new ModelError(
          `policy '${this.s.policy.id}': move count must be a whole number ≥ 0; got ${move.count}`,
        );
      }
      this.applyMove(this.s.pools[fromIndex], toOrganisation, move);
    }
    for (const fill of decision.systemBankFills) {
      const toOrganisation = this.s.organisationIndex.get(fill.toOrganisationId);
      if (toOrganisation === undefined || SERVICE_KINDS.indexOf(fill.toService) < 0) {
        throw new ModelError(
          `policy '${this.s.policy.id}' asked for a system-bank fill at unknown '${fill.toOrganisationId}'/'${fill.toService}'`,
        );
      }
      this.applySystemBankFill(fill, toOrganisation, available);
    }
  }

  /** Effectiveness of a pool's member at a service: 1 if competent, the substitution's value, else 0. */
  private effectivenessAt(pool: PoolRuntime, service: ServiceKind): number {
    if (pool.config.competencies.includes(service)) return 1;
    return this.s.substitution.get(`${pool.config.role}|${service}`) ?? 0;
  }

  private applyMove(pool: PoolRuntime, toOrganisation: number, move: StaffMove): void {
    const { toService: service, count, reason } = move;
    if (count === 0) return;
    const L = this.s.ledger;
    const counting = this.s.sim.now >= this.s.periodStartAt;
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
      ? (this.s.travelMinutes.get(
          `${pool.config.organisationId}|${this.s.organisationIds[toOrganisation]}`,
        ) ??
        this.s.travelMinutes.get(`${this.s.organisationIds[toOrganisation]}|${pool.config.organisationId}`) ??
        0)
      : 0;
    const receiver = this.receivingPool(slot, pool.config.role);
    const now = this.s.sim.now;
    for (const member of members) {
      let effectiveness = baseEffectiveness;
      if (crossOrganisation) {
        let inducted = this.s.memberInductedAt.get(member);
        if (inducted === undefined) {
          inducted = new Map();
          this.s.memberInductedAt.set(member, inducted);
        }
        const firstAt = inducted.get(toOrganisation);
        if (firstAt === undefined) inducted.set(toOrganisation, now);
        if (now - (firstAt ?? now) < this.s.inductionDays * MINUTES_PER_DAY)
          effectiveness *= this.s.inductionEffectiveness;
      }
      this.s.memberBusyUntil[member] = pool.shiftEndsAt;
      const id = this.newAssignment(slot, effectiveness, toOrganisation);
      pool.assignments.push(id);
      if (travel > 0) this.s.sim.schedule(travel, this.s.hArrive, id, EventPriority.capacityChange);
      else this.arrive(id);
    }
    const moved = members.length;
    if (this.s.sim.tracer !== undefined)
      traceStaffMove(this.s.sim, pool.config.id, this.s.organisationIds[toOrganisation], service, moved);
    pool.lent += moved;
    if (receiver !== undefined) receiver.received += moved;
    this.p.roster.markPoolSlot(pool);
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
    const now = this.s.sim.now;
    const picked: number[] = [];
    const healthy = pool.healthy;
    for (let i = 0; i < healthy.length && picked.length < count; i++) {
      const m = healthy[i];
      if (this.s.memberBusyUntil[m] <= now && this.s.memberInductedAt.get(m)?.has(toOrganisation))
        picked.push(m);
    }
    for (let i = 0; i < healthy.length && picked.length < count; i++) {
      const m = healthy[i];
      if (this.s.memberBusyUntil[m] <= now && !this.s.memberInductedAt.get(m)?.has(toOrganisation))
        picked.push(m);
    }
    return picked;
  }

  /** The pool at a slot whose shift starts now (same role preferred), whose gap a received member fills. */
  private receivingPool(slot: number, role: string): PoolRuntime | undefined {
    let fallback: PoolRuntime | undefined;
    for (const index of this.s.poolsBySlot[slot]) {
      const pool = this.s.pools[index];
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
    const bank = this.s.systemBank.get(role);
    const effectiveness = bank?.effectiveness.get(service) ?? 0;
    const slot = toOrganisation * SERVICE_COUNT + SERVICE_KINDS.indexOf(service);
    // A fill lasts the shift of the receiving pool that starts now, or of one already running there.
    let receiver = this.receivingPool(slot, role);
    if (receiver === undefined) {
      for (const index of this.s.poolsBySlot[slot])
        if (this.s.pools[index].onShift) receiver ??= this.s.pools[index];
    }
    if (bank === undefined || effectiveness <= 0 || receiver === undefined || !(count > 0)) return;
    // Each shift asked for is filled with probability fillShare while a member of the role is free.
    const endsAt = receiver.shiftEndsAt;
    const fillShare = this.s.config.workforce.policySettings.systemBank.fillShare;
    const assigned = fillFromBank(
      bank.freeFrom,
      count,
      fillShare,
      this.s.sim.now,
      endsAt + this.s.bankRestMinutes,
      this.s.systemBankStream,
    );
    available[role] = Math.max(0, (available[role] ?? 0) - assigned);
    if (this.s.sim.tracer !== undefined)
      traceSystemBankFill(this.s.sim, role, fill.toOrganisationId, service, assigned);
    const now = this.s.sim.now;
    for (let i = 0; i < assigned; i++) {
      const id = this.newAssignment(slot, effectiveness, toOrganisation);
      receiver.assignments.push(id);
      this.arrive(id);
    }
    if (receiver.startsNow) receiver.received += assigned;
    if (now >= this.s.periodStartAt) {
      const hours = (assigned * (receiver.shiftEndsAt - now)) / MINUTES_PER_HOUR;
      const L = this.s.ledger;
      L.bankShifts[toOrganisation] += assigned;
      recordSystemBankFill(L, fill.reason, toOrganisation, assigned);
      L.bankHours[toOrganisation] += hours;
      L.bankCostGbp[toOrganisation] += hours * bank.hourlyCostGbp;
      L.hoursAtLocation[toOrganisation] += hours;
    }
  }

  private newAssignment(slot: number, effectiveness: number, organisationIndex: number): number {
    const record: Assignment = { slot, effectiveness, active: true, arrived: false, organisationIndex };
    const free = this.s.freeAssignments.pop();
    if (free !== undefined) {
      this.s.assignments[free] = record;
      return free;
    }
    this.s.assignments.push(record);
    return this.s.assignments.length - 1;
  }

  onArrive(id: number): void {
    if (!this.s.assignments[id].active) {
      this.s.freeAssignments.push(id); // ended before the member got there
      return;
    }
    this.arrive(id);
    this.p.roster.flushSlots();
    for (const listener of this.s.listeners) listener();
  }

  private arrive(id: number): void {
    const a = this.s.assignments[id];
    if (!a.active || a.arrived) return;
    a.arrived = true;
    this.s.slotReceived[a.slot] += a.effectiveness;
    this.s.slotReceivedCount[a.slot]++;
    this.s.dirtySlots.add(a.slot);
  }

  endAssignment(id: number): void {
    const a = this.s.assignments[id];
    if (!a.active) return;
    a.active = false;
    if (a.arrived) {
      this.s.slotReceivedCount[a.slot]--;
      // Reset exactly to zero when nobody is left, so float sums cannot drift.
      this.s.slotReceived[a.slot] =
        this.s.slotReceivedCount[a.slot] === 0 ? 0 : this.s.slotReceived[a.slot] - a.effectiveness;
      this.s.dirtySlots.add(a.slot);
    }
    // The arrival event (if still pending) sees `active` false and does nothing; the record is reused later.
    if (a.arrived) this.s.freeAssignments.push(id);
  }
}
