/**
 * The grant, preemption, capacity, patience and statistics logic of `Resource`, on top of its
 * request store; `Resource` adds the public request API. Kept as one class chain (not helper
 * objects) so that the grant path reads its fields from one object and stays inlinable.
 */
import { SimulationError } from './errors.js';
import { HELD, QUEUED, ResourceSlots, type SlotRequest } from './resource-slots.js';
import type { CapacityDropRule, PreemptionReason, ResourceOptions, ResourceStats } from './resource-types.js';
import { assertCapacity, CapacitySchedule } from './schedule.js';
import { EventPriority, type HandlerId, type Simulation } from './simulation.js';

export abstract class ResourceCore<T extends SlotRequest> extends ResourceSlots<T> {
  /** Units available now (follows the schedule, if any). */
  capacity: number;
  /** Units held now (may exceed `capacity` after a drop under rule 'finish'). */
  inUse = 0;
  readonly preemptive: boolean;
  readonly whenCapacityDrops: CapacityDropRule;
  readonly schedule: CapacitySchedule | undefined;

  // handlers
  protected readonly patienceHandler: HandlerId;
  private readonly capacityHandler: HandlerId;
  // Statistics. The areas under units in use, queue length and capacity are kept as running sums
  // that change by ∓now at each step of the level (area up to t = acc + level · t), so a change
  // costs one addition instead of a multiply-add per level on every call.
  private statsFrom: number;
  protected busyAcc = 0;
  private capacityAcc = 0;
  // Overtime (units in use beyond capacity) is accrued only while it exists: it can start only at
  // a capacity drop, and every change while it lasts calls `accrueOvertime` first.
  private overtimeArea = 0;
  private overtimeFrom: number;
  protected waitCount = 0;
  private waitSum = 0;
  private waitSumSq = 0;
  private waitMax = 0;
  protected nRequests = 0;
  protected nGrants = 0;
  protected nReleases = 0;
  private nReneges = 0;
  protected nWithdrawals = 0;
  private nPreemptions = 0;
  private nCapacityPreemptions = 0;
  private nHandovers = 0;

  constructor(sim: Simulation, options: ResourceOptions) {
    const name = options.name ?? 'resource';
    const preemptive = options.preemptive ?? false;
    const rule = options.whenCapacityDrops ?? 'finish';
    if (rule !== 'finish' && rule !== 'handover' && rule !== 'preempt') {
      throw new SimulationError(
        'invalid-parameter',
        `resource '${name}': whenCapacityDrops must be 'finish', 'handover' or 'preempt'; got ${String(rule)}`,
      );
    }
    super(sim, name, preemptive || rule !== 'finish');
    this.preemptive = preemptive;
    this.whenCapacityDrops = rule;
    const capacity = options.capacity;
    if (capacity instanceof CapacitySchedule) {
      this.schedule = capacity;
      this.capacity = capacity.capacityAt(sim.now);
    } else {
      assertCapacity(capacity, `capacity of resource '${this.name}'`, sim.now);
      this.schedule = undefined;
      this.capacity = capacity;
    }
    this.statsFrom = sim.now;
    this.overtimeFrom = sim.now;
    this.capacityAcc = -this.capacity * sim.now;
    this.patienceHandler = sim.registerHandler((slot) => this.onPatienceEnd(slot), `${this.name}.patience`);
    this.capacityHandler = sim.registerHandler(() => this.onScheduledChange(), `${this.name}.capacity`);
    if (this.schedule !== undefined) this.scheduleNextChange();
  }

  /** Statistics since the start or the last `resetStats`, up to now. */
  stats(): ResourceStats {
    this.accrueOvertime();
    const now = this.sim.now;
    const elapsed = now - this.statsFrom;
    const busyArea = this.busyAcc + this.inUse * now;
    const queueArea = this.queueAcc + this.queueLength * now;
    const capacityArea = this.capacityAcc + this.capacity * now;
    const n = this.waitCount;
    const mean = n > 0 ? this.waitSum / n : Number.NaN;
    return {
      name: this.name,
      elapsedMinutes: elapsed,
      requests: this.nRequests,
      grants: this.nGrants,
      releases: this.nReleases,
      reneges: this.nReneges,
      withdrawals: this.nWithdrawals,
      preemptions: this.nPreemptions,
      capacityPreemptions: this.nCapacityPreemptions,
      handovers: this.nHandovers,
      meanBusyUnits: busyArea / elapsed,
      meanQueueLength: queueArea / elapsed,
      meanCapacity: capacityArea / elapsed,
      utilisation: busyArea / capacityArea,
      overtimeUnitMinutes: this.overtimeArea,
      waitCount: n,
      meanWaitMinutes: mean,
      waitVarianceMinutes2: n > 1 ? Math.max(0, (this.waitSumSq - n * mean * mean) / (n - 1)) : Number.NaN,
      maxWaitMinutes: n > 0 ? this.waitMax : Number.NaN,
    };
  }

  /** Starts a new observation window now (e.g. after a warm-up); the state is kept. */
  resetStats(): void {
    this.accrueOvertime();
    const now = this.sim.now;
    this.statsFrom = now;
    this.busyAcc = -this.inUse * now;
    this.queueAcc = -this.queueLength * now;
    this.capacityAcc = -this.capacity * now;
    this.overtimeArea = 0;
    this.waitCount = this.waitSum = this.waitSumSq = this.waitMax = 0;
    this.nRequests = this.nGrants = this.nReleases = this.nReneges = this.nWithdrawals = 0;
    this.nPreemptions = this.nCapacityPreemptions = this.nHandovers = 0;
  }

  /** Grants a request that was queued (or is preempting): records its wait on a first grant. */
  protected grantSlot(slot: number): void {
    const now = this.sim.now;
    this.slotState[slot] = HELD;
    this.inUse++;
    this.busyAcc -= now;
    if (this.trackHolders) this.addHolder(slot);
    this.nGrants++;
    if (this.slotPatienceEvent[slot] >= 0) this.cancelPatience(slot);
    // A request handed back to the queue has NaN here: its wait was recorded at its first grant.
    const requestedAt = this.slotRequestedAt[slot];
    if (!Number.isNaN(requestedAt)) {
      const wait = now - requestedAt;
      this.waitCount++;
      this.waitSum += wait;
      this.waitSumSq += wait * wait;
      if (wait > this.waitMax) this.waitMax = wait;
    }
    const obj = this.slotObject[slot];
    if (obj !== undefined) obj._onGranted(now);
    else this.slotGrant[slot]!(this.slotPayload[slot], this.slotId[slot]);
  }

  protected grantWaiting(): void {
    while (this.inUse < this.capacity && this.queueLength > 0) {
      const slot = this.popQueue();
      if (slot < 0) break;
      this.grantSlot(slot);
    }
  }

  /** Preempts a strictly less urgent holder for the new request in `slot`; false if none. */
  protected preemptFor(slot: number): boolean {
    const victim = this.findVictim(this.slotPriority[slot]);
    if (victim < 0) return false;
    this.removeHolder(victim);
    this.inUse--;
    this.busyAcc += this.sim.now;
    this.nPreemptions++;
    const notice = this.endHolder(victim, 'priority');
    this.grantSlot(slot);
    notice();
    return true;
  }
  /** Frees a preempted holder's slot and returns the notification to send once the books balance. */
  private endHolder(slot: number, reason: PreemptionReason): () => void {
    const id = this.slotId[slot];
    const payload = this.slotPayload[slot];
    const obj = this.slotObject[slot];
    const callbacks = this.slotCallbacks[slot];
    this.freeSlot(slot);
    if (obj !== undefined) {
      obj.state = 'preempted';
      const cause = { kind: 'preempted', reason, resource: this, request: obj };
      return () => obj.owner?._interrupt(cause);
    }
    if (callbacks?.preempted === undefined) {
      throw new SimulationError(
        'invalid-state',
        `resource '${this.name}' preempted request ${id} (${reason}), but its callbacks have no 'preempted' handler`,
        this.sim.now,
      );
    }
    const handler = callbacks.preempted;
    return () => handler(payload, id, reason);
  }

  protected applyCapacity(capacity: number): void {
    this.accrueOvertime();
    const before = this.capacity;
    this.capacity = capacity;
    this.capacityAcc -= (capacity - before) * this.sim.now;
    if (capacity > before) {
      this.grantWaiting();
      return;
    }
    const excess = this.inUse - capacity;
    if (excess <= 0 || this.whenCapacityDrops === 'finish') return;
    const notices: (() => void)[] = [];
    for (let k = 0; k < excess; k++) {
      const victim = this.findVictim(Number.NEGATIVE_INFINITY);
      this.removeHolder(victim);
      this.inUse--;
      this.busyAcc += this.sim.now;
      if (this.whenCapacityDrops === 'preempt') {
        this.nCapacityPreemptions++;
        notices.push(this.endHolder(victim, 'capacity'));
      } else {
        this.nHandovers++;
        notices.push(this.handBack(victim));
      }
    }
    // Victims were picked most recent first; notify them earliest started first, so that if they
    // ask again at once they queue in the order they originally started.
    for (let k = notices.length - 1; k >= 0; k--) notices[k]();
  }

  /** Rule 'handover': the holder's request returns to the front of the queue, in original grant order. */
  private handBack(slot: number): () => void {
    this.slotState[slot] = QUEUED;
    this.slotRequestedAt[slot] = Number.NaN;
    this.enqueue(slot, Number.NEGATIVE_INFINITY, this.slotGrantSeq[slot]);
    this.queueLength++;
    this.queueAcc -= this.sim.now;
    const id = this.slotId[slot];
    const obj = this.slotObject[slot];
    if (obj !== undefined) {
      obj.state = 'waiting';
      const cause = { kind: 'handed-over', resource: this, request: obj };
      return () => obj.owner?._interrupt(cause);
    }
    const handler = this.slotCallbacks[slot]?.handedOver;
    if (handler === undefined) {
      throw new SimulationError(
        'invalid-state',
        `resource '${this.name}' handed over request ${id}, but its callbacks have no 'handedOver' handler`,
        this.sim.now,
      );
    }
    const payload = this.slotPayload[slot];
    return () => handler(payload, id);
  }

  private onScheduledChange(): void {
    this.applyCapacity(this.schedule!.capacityAt(this.sim.now));
    this.scheduleNextChange();
  }

  private scheduleNextChange(): void {
    const next = this.schedule!.nextChangeAfter(this.sim.now);
    if (next !== Number.POSITIVE_INFINITY) {
      this.sim.scheduleAt(next, this.capacityHandler, 0, EventPriority.capacityChange);
    }
  }

  private onPatienceEnd(slot: number): void {
    this.slotPatienceEvent[slot] = -1;
    if (this.slotState[slot] !== QUEUED) return;
    this.queueLength--;
    this.queueAcc += this.sim.now;
    this.nReneges++;
    const id = this.slotId[slot];
    const payload = this.slotPayload[slot];
    const obj = this.slotObject[slot];
    const callbacks = this.slotCallbacks[slot];
    this.freeSlot(slot);
    if (obj !== undefined) obj._onReneged();
    else callbacks!.reneged!(payload, id);
  }

  protected cancelPatience(slot: number): void {
    const event = this.slotPatienceEvent[slot];
    if (event >= 0) {
      this.sim.cancel(event);
      this.slotPatienceEvent[slot] = -1;
    }
  }

  /** Adds the overtime area (units in use beyond capacity) up to now. */
  protected accrueOvertime(): void {
    const now = this.sim.now;
    if (this.inUse > this.capacity)
      this.overtimeArea += (this.inUse - this.capacity) * (now - this.overtimeFrom);
    this.overtimeFrom = now;
  }
}
