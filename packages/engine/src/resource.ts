/**
 * A counted resource: `capacity` identical units, a queue ordered by (priority, arrival) — lower
 * priority numbers are more urgent, first come first served within a priority — optional
 * preemption, patience (reneging), and capacity that may follow a schedule.
 *
 * Two ways to use it, sharing one implementation:
 * - callbacks (the hot path, no allocation per request): `seize(callbacks, payload, priority?,
 *   patienceMinutes?)` returns a numeric `RequestId`; `callbacks.granted(payload, requestId)` runs
 *   when the unit is granted — synchronously inside `seize` if one is free — and the holder later
 *   calls `release(requestId)`;
 * - processes: `yield resource.request()` waits for and evaluates to a `Request` handle, then
 *   `resource.release(request)`.
 *
 * Requests live in slots of parallel typed arrays reused through a free list; a `RequestId` packs
 * the slot with a generation number, so a stale id (released twice, or after reneging) is detected.
 *
 * Which holder loses its unit — to a more urgent request (preemption), or when a scheduled
 * capacity drop uses the 'preempt' or 'handover' rule — is always the least urgent holder, and
 * among equally urgent holders the one granted most recently.
 */
import { SimulationError } from './errors.js';
import { Awaitable, activeProcess, Interrupt, type Process, type Yieldable } from './process.js';
import { assertCapacity, CapacitySchedule } from './schedule.js';
import { EventPriority, type HandlerId, type Simulation } from './simulation.js';

/** Identifies one request of one resource (a packed slot and generation). */
export type RequestId = number;

/** Called when a request is granted: the payload given to `seize`, and the request's id. */
export type GrantHandler = (payload: number, requestId: RequestId) => void;

/** Why a holder lost its unit: a more urgent request, or a scheduled capacity drop (rule 'preempt'). */
export type PreemptionReason = 'priority' | 'capacity';

/** What happens to work in progress when capacity drops below the number of units in use. */
export type CapacityDropRule = 'finish' | 'handover' | 'preempt';

/** Callback-style notifications for one kind of request; create the object once and reuse it. */
export interface RequestCallbacks {
  /** The unit is granted (synchronously inside `seize` when one is free). */
  granted: GrantHandler;
  /**
   * The holder lost its unit (the request is over; do not release it): cancel the work in
   * progress, and `seize` again to resume it later. Required if the resource may preempt it.
   */
  preempted?: (payload: number, requestId: RequestId, reason: PreemptionReason) => void;
  /**
   * Capacity dropped under rule 'handover': the unit left, and this request went back to the front
   * of the queue, keeping its id; `granted` will be called again when a unit takes the work over.
   */
  handedOver?: (payload: number, requestId: RequestId) => void;
  /** Patience ran out before a grant: the request has left the queue. Required with a patience. */
  reneged?: (payload: number, requestId: RequestId) => void;
}

export interface ResourceOptions {
  /** A name for messages and statistics. */
  name?: string;
  /** Number of units (an integer ≥ 0), or a schedule of capacities (a shift roster). */
  capacity: number | CapacitySchedule;
  /** If true, a request preempts a strictly less urgent holder when no unit is free (default false). */
  preemptive?: boolean;
  /** What happens to holders when capacity drops below the number in use (default 'finish'). */
  whenCapacityDrops?: CapacityDropRule;
}

/** Options of a process-style request. */
export interface RequestOptions {
  /** Lower is more urgent (default 0); any finite number. */
  priority?: number;
  /** Leave the queue if not granted within this many minutes (default: wait for ever). */
  patienceMinutes?: number;
}

/** Lifecycle of a request. */
export type RequestState = 'waiting' | 'granted' | 'released' | 'reneged' | 'preempted' | 'withdrawn';

/** `Interrupt.cause` of a process whose unit was taken away; the request is over. */
export interface Preempted {
  readonly kind: 'preempted';
  readonly reason: PreemptionReason;
  readonly resource: Resource;
  readonly request: Request;
}

/** `Interrupt.cause` under rule 'handover': the request is back at the front of the queue (`yield request` to wait). */
export interface HandedOver {
  readonly kind: 'handed-over';
  readonly resource: Resource;
  readonly request: Request;
}

/** A process-style request; `yield` it to wait for the grant. */
export class Request extends Awaitable<Request> {
  /** Lifecycle; after `yield request` it is 'granted', or 'reneged' if patience ran out. */
  state: RequestState = 'waiting';
  /** When the (latest) grant happened, in minutes; `undefined` before. */
  grantedAt: number | undefined = undefined;
  /** @internal The process suspended on this request. */
  waiter: Process<any> | undefined = undefined;

  /** @internal Use `resource.request()`. */
  constructor(
    /** The resource asked. */
    readonly resource: Resource,
    /** The numeric id (usable with `release` too). */
    readonly id: RequestId,
    /** Lower is more urgent. */
    readonly priority: number,
    /** When the request was made, in minutes. */
    readonly requestedAt: number,
    /** The process that made it (it is notified of preemption), if any. */
    readonly owner: Process<any> | undefined,
  ) {
    super();
  }

  /** True while the request holds a unit. */
  get granted(): boolean {
    return this.state === 'granted';
  }

  /** @internal */
  _onGranted(now: number): void {
    this.state = 'granted';
    this.grantedAt = now;
    const waiter = this.waiter;
    if (waiter !== undefined) {
      this.waiter = undefined;
      waiter._wake(this, true);
    }
  }
  /** @internal Patience ran out. */
  _onReneged(): void {
    this.state = 'reneged';
    const waiter = this.waiter;
    if (waiter !== undefined) {
      this.waiter = undefined;
      waiter._wake(this, true);
    }
  }
  /** @internal */
  _isReady(): boolean {
    return this.state !== 'waiting';
  }
  /** @internal */
  _value(): Request {
    return this;
  }
  /** @internal */
  _addWaiter(process: Process<any>): void {
    if (this.waiter !== undefined && this.waiter !== process) {
      throw new SimulationError(
        'invalid-state',
        `request ${this.id} of resource '${this.resource.name}' is already awaited by process '${this.waiter.name}'`,
      );
    }
    this.waiter = process;
  }
  /** @internal The waiting process was interrupted: the request leaves the queue. */
  _removeWaiter(process: Process<any>): void {
    if (this.waiter === process) this.waiter = undefined;
    if (this.state === 'waiting') this.resource.withdraw(this);
  }
}

/** A snapshot of a resource's statistics since the start (or the last `resetStats`). */
export interface ResourceStats {
  readonly name: string;
  /** Length of the observation window in minutes. */
  readonly elapsedMinutes: number;
  /** Requests made (by `seize` or `request`). */
  readonly requests: number;
  /** Grants, counting a handed-over request's re-grant again. */
  readonly grants: number;
  readonly releases: number;
  /** Requests that left the queue because their patience ran out. */
  readonly reneges: number;
  /** Requests withdrawn while waiting (`withdraw`, or their process was interrupted). */
  readonly withdrawals: number;
  /** Holders that lost their unit to a more urgent request. */
  readonly preemptions: number;
  /** Holders that lost their unit to a capacity drop under rule 'preempt'. */
  readonly capacityPreemptions: number;
  /** Holders whose work went back to the queue under rule 'handover'. */
  readonly handovers: number;
  /** Time-weighted mean number of units in use. */
  readonly meanBusyUnits: number;
  /** Time-weighted mean number of requests waiting. */
  readonly meanQueueLength: number;
  /** Time-weighted mean capacity. */
  readonly meanCapacity: number;
  /** Busy unit-minutes over capacity unit-minutes (NaN if capacity was always 0). */
  readonly utilisation: number;
  /** Unit-minutes during which units were in use beyond capacity (rule 'finish'): overtime. */
  readonly overtimeUnitMinutes: number;
  /** Requests granted in the window whose waiting time was recorded (first grants only). */
  readonly waitCount: number;
  /** Mean wait from request to first grant, in minutes (NaN if none). */
  readonly meanWaitMinutes: number;
  /** Sample variance of those waits in minutes² (NaN if fewer than 2). */
  readonly waitVarianceMinutes2: number;
  readonly maxWaitMinutes: number;
}

const SLOT_SPAN = 2 ** 24;
// `id & SLOT_MASK` is exact for ids below 2^53 (ToInt32 keeps the low 32 bits), and cheaper than `%`.
const SLOT_MASK = SLOT_SPAN - 1;
const GENERATION_MASK = 0x0fffffff;
const FREE = 0;
const QUEUED = 1;
const HELD = 2;

export class Resource {
  /** The resource's name, for messages and statistics. */
  readonly name: string;
  /** Units available now (follows the schedule, if any). */
  capacity: number;
  /** Units held now (may exceed `capacity` after a drop under rule 'finish'). */
  inUse = 0;
  /** Requests waiting now. */
  queueLength = 0;
  readonly preemptive: boolean;
  readonly whenCapacityDrops: CapacityDropRule;
  readonly schedule: CapacitySchedule | undefined;

  private readonly sim: Simulation;
  // request slots
  private slotId = new Float64Array(64);
  private slotGeneration = new Uint32Array(64);
  private slotState = new Uint8Array(64);
  private slotPriority = new Float64Array(64);
  private slotPayload = new Float64Array(64);
  private slotRequestedAt = new Float64Array(64);
  private slotGrantSeq = new Float64Array(64);
  /** The pending patience event of a queued request, else -1 (the value every free slot holds). */
  private slotPatienceEvent = new Float64Array(64).fill(-1);
  private slotHolderIndex = new Int32Array(64);
  /** The grant handler of callback-style requests (kept after free: function refs are long-lived). */
  private slotGrant: (GrantHandler | undefined)[] = [];
  /** The `RequestCallbacks` of a callback-style request, if any. */
  private slotCallbacks: (RequestCallbacks | undefined)[] = [];
  /** The `Request` handle of a process-style request, if any. */
  private slotObject: (Request | undefined)[] = [];
  /** Holders are tracked only when someone may need to pick one to lose its unit. */
  private readonly trackHolders: boolean;
  private freeSlots = new Int32Array(64);
  private freeCount = 0;
  private slotCount = 0;
  // holders, unordered (swap-remove)
  private holders = new Int32Array(64);
  private holderCount = 0;
  private grantSeq = 0;
  // The queue, ordered by (priority, sequence), with lazy deletion of withdrawn/reneged ids: a
  // ring buffer (the FIFO lane) holds requests of the default priority 0, which arrive in
  // sequence order, so the common first-come-first-served case is O(1); a binary heap holds the rest.
  private ringSeq = new Float64Array(64);
  private ringId = new Float64Array(64);
  private ringHead = 0;
  private ringSize = 0;
  private ringLastSeq = -1;
  private qPriority = new Float64Array(64);
  private qSeq = new Float64Array(64);
  private qId = new Float64Array(64);
  private qSize = 0;
  private arrivalSeq = 0;
  // handlers
  private readonly patienceHandler: HandlerId;
  private readonly capacityHandler: HandlerId;
  // Statistics. The areas under units in use, queue length and capacity are kept as running sums
  // that change by ∓now at each step of the level (area up to t = acc + level · t), so a change
  // costs one addition instead of a multiply-add per level on every call.
  private statsFrom: number;
  private busyAcc = 0;
  private queueAcc = 0;
  private capacityAcc = 0;
  // Overtime (units in use beyond capacity) is accrued only while it exists: it can start only at
  // a capacity drop, and every change while it lasts calls `accrueOvertime` first.
  private overtimeArea = 0;
  private overtimeFrom: number;
  private waitCount = 0;
  private waitSum = 0;
  private waitSumSq = 0;
  private waitMax = 0;
  private nRequests = 0;
  private nGrants = 0;
  private nReleases = 0;
  private nReneges = 0;
  private nWithdrawals = 0;
  private nPreemptions = 0;
  private nCapacityPreemptions = 0;
  private nHandovers = 0;

  constructor(sim: Simulation, options: ResourceOptions) {
    this.sim = sim;
    this.name = options.name ?? 'resource';
    this.preemptive = options.preemptive ?? false;
    const rule = options.whenCapacityDrops ?? 'finish';
    if (rule !== 'finish' && rule !== 'handover' && rule !== 'preempt') {
      throw new SimulationError(
        'invalid-parameter',
        `resource '${this.name}': whenCapacityDrops must be 'finish', 'handover' or 'preempt'; got ${String(rule)}`,
      );
    }
    this.whenCapacityDrops = rule;
    this.trackHolders = this.preemptive || rule !== 'finish';
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

  // ---------------------------------------------------------------- callback style

  /**
   * Asks for one unit. `callbacks.granted(payload, requestId)` runs when it is granted — at once,
   * inside this call, if a unit is free and nobody waits. Returns the request's id, for `release`
   * (and `withdraw`). Allocates nothing when `callbacks` is created once and reused.
   */
  seize(
    callbacks: GrantHandler | RequestCallbacks,
    payload = 0,
    priority = 0,
    patienceMinutes = Number.POSITIVE_INFINITY,
  ): RequestId {
    if (typeof callbacks === 'function') {
      if (priority !== 0 || patienceMinutes !== Number.POSITIVE_INFINITY) {
        if (patienceMinutes !== Number.POSITIVE_INFINITY) {
          // A plain grant function has nowhere to say "you gave up": require the callbacks form.
          throw new SimulationError(
            'invalid-parameter',
            `seize on resource '${this.name}' with a patience needs { granted, reneged } callbacks, not a plain function`,
            this.sim.now,
          );
        }
        this.checkRequest(priority, patienceMinutes);
      }
      return this.add(this.allocSlot(), callbacks, undefined, undefined, payload, priority, patienceMinutes);
    }
    return this.seizeWithCallbacks(callbacks, payload, priority, patienceMinutes);
  }

  /**
   * `seize` with a `RequestCallbacks` object. Apart from `seize` so that the plain-function path
   * stays small: V8 inlines by bytecode size, and a model's handler already inlines `schedule` and
   * its draws, so every byte of `seize` competes for the same budget.
   */
  private seizeWithCallbacks(
    callbacks: RequestCallbacks,
    payload: number,
    priority: number,
    patienceMinutes: number,
  ): RequestId {
    if (typeof callbacks?.granted !== 'function') {
      throw new SimulationError(
        'invalid-parameter',
        `seize on resource '${this.name}' needs a grant handler or { granted, ... } callbacks`,
        this.sim.now,
      );
    }
    if (patienceMinutes !== Number.POSITIVE_INFINITY && callbacks.reneged === undefined) {
      throw new SimulationError(
        'invalid-parameter',
        `seize on resource '${this.name}' with a patience needs a reneged callback`,
        this.sim.now,
      );
    }
    this.checkRequest(priority, patienceMinutes);
    return this.add(
      this.allocSlot(),
      callbacks.granted,
      callbacks,
      undefined,
      payload,
      priority,
      patienceMinutes,
    );
  }

  // ---------------------------------------------------------------- process style

  /**
   * Asks for one unit; `yield` the returned `Request` to wait for it. A number is a priority.
   * The process that calls this owns the request and is interrupted if it is preempted.
   */
  request(options?: RequestOptions | number): Request {
    let priority = 0;
    let patience = Number.POSITIVE_INFINITY;
    if (typeof options === 'number') priority = options;
    else if (options !== undefined) {
      priority = options.priority ?? 0;
      patience = options.patienceMinutes ?? Number.POSITIVE_INFINITY;
    }
    this.checkRequest(priority, patience);
    const sim = this.sim;
    const slot = this.allocSlot();
    const req = new Request(this, this.slotId[slot], priority, sim.now, activeProcess(sim));
    this.add(slot, undefined, undefined, req, 0, priority, patience);
    return req;
  }

  /**
   * Process helper: `yield* resource.use(serviceMinutes)` requests a unit, holds it for the
   * service time and releases it. If preempted it requests again (same priority) and continues
   * with the remaining minutes; if handed over it waits for the re-grant and continues. Returns the
   * last request (state 'released', or 'reneged' if patience ran out first).
   */
  *use(serviceMinutes: number, options?: RequestOptions): Generator<Yieldable, Request, any> {
    let remaining = serviceMinutes;
    let req = this.request(options);
    for (;;) {
      yield req;
      if (req.state !== 'granted') return req;
      try {
        yield remaining;
        break;
      } catch (error) {
        const cause =
          error instanceof Interrupt ? (error.cause as Preempted | HandedOver | undefined) : undefined;
        if (
          cause === undefined ||
          cause.request !== req ||
          (cause.kind !== 'preempted' && cause.kind !== 'handed-over')
        ) {
          throw error;
        }
        remaining = (error as Interrupt).remainingMinutes ?? remaining;
        if (cause.kind === 'preempted') req = this.request({ priority: req.priority });
      }
    }
    this.release(req);
    return req;
  }

  // ---------------------------------------------------------------- both styles

  /** Gives back a held unit. Throws if the request is not held (released twice, never granted, preempted...). */
  release(request: Request | RequestId): void {
    const id = typeof request === 'number' ? request : request.id;
    const slot = id & SLOT_MASK;
    if (!(this.slotId[slot] === id && this.slotState[slot] === HELD)) this.throwNotHeld(request, 'release');
    if (this.inUse > this.capacity) this.accrueOvertime();
    if (this.trackHolders) this.removeHolder(slot);
    this.inUse--;
    this.busyAcc += this.sim.now;
    this.nReleases++;
    const obj = this.slotObject[slot];
    if (obj !== undefined) obj.state = 'released';
    this.freeSlot(slot);
    if (this.queueLength > 0 && this.inUse < this.capacity) this.grantWaiting();
  }

  /** Takes a waiting (not yet granted) request out of the queue. Throws if it is not waiting. */
  withdraw(request: Request | RequestId): void {
    const id = typeof request === 'number' ? request : request.id;
    const slot = id & SLOT_MASK;
    if (!(this.slotId[slot] === id && this.slotState[slot] === QUEUED))
      this.throwNotHeld(request, 'withdraw');
    this.queueLength--;
    this.queueAcc += this.sim.now;
    this.nWithdrawals++;
    this.cancelPatience(slot);
    const obj = this.slotObject[slot];
    if (obj !== undefined) obj.state = 'withdrawn';
    this.freeSlot(slot);
  }

  /** True while request `id` holds a unit. */
  isHeld(id: RequestId): boolean {
    const slot = id & SLOT_MASK;
    return this.slotId[slot] === id && this.slotState[slot] === HELD;
  }

  /**
   * Sets the capacity now (an integer ≥ 0). A drop below the units in use follows
   * `whenCapacityDrops`; a rise grants waiting requests. A schedule's next change overrides it.
   */
  setCapacity(capacity: number): void {
    assertCapacity(capacity, `capacity of resource '${this.name}'`, this.sim.now);
    this.applyCapacity(capacity);
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

  // ---------------------------------------------------------------- internals

  private checkRequest(priority: number, patienceMinutes: number): void {
    if (priority - priority !== 0) {
      throw new SimulationError(
        'invalid-parameter',
        `request priority on resource '${this.name}' must be a finite number; got ${String(priority)}`,
        this.sim.now,
      );
    }
    if (!(patienceMinutes >= 0)) {
      throw new SimulationError(
        'invalid-duration',
        `patience on resource '${this.name}' must be ≥ 0 minutes (or Infinity); got ${String(patienceMinutes)}`,
        this.sim.now,
      );
    }
  }

  /** Files a validated request in the freshly allocated `slot`: grant, preempt, or queue. */
  private add(
    slot: number,
    grant: GrantHandler | undefined,
    callbacks: RequestCallbacks | undefined,
    obj: Request | undefined,
    payload: number,
    priority: number,
    patienceMinutes: number,
  ): RequestId {
    const now = this.sim.now;
    const id = this.slotId[slot];
    // Priorities are read only to pick a holder to lose its unit.
    if (this.trackHolders) this.slotPriority[slot] = priority;
    this.slotPayload[slot] = payload;
    this.slotGrant[slot] = grant;
    if (callbacks !== undefined) this.slotCallbacks[slot] = callbacks;
    if (obj !== undefined) this.slotObject[slot] = obj;
    this.nRequests++;
    if (this.inUse < this.capacity && this.queueLength === 0) {
      // Granted at once (the common case): no wait to record beyond its count, no patience to
      // cancel, so none of the queue-only fields are written.
      this.slotState[slot] = HELD;
      this.inUse++;
      this.busyAcc -= now;
      this.nGrants++;
      this.waitCount++;
      if (this.trackHolders) this.addHolder(slot);
      if (obj !== undefined) obj._onGranted(now);
      else grant!(payload, id);
      return id;
    }
    this.queueOrPreempt(slot, priority, patienceMinutes);
    return id;
  }

  /**
   * The rest of `add` when no unit is free (or others wait): kept apart so that `add` stays small
   * enough for V8 to inline into `seize` and the model's handler.
   */
  private queueOrPreempt(slot: number, priority: number, patienceMinutes: number): void {
    const now = this.sim.now;
    this.slotState[slot] = QUEUED;
    this.slotRequestedAt[slot] = now;
    if (this.preemptive && this.preemptFor(slot)) return;
    this.enqueue(slot, priority, this.arrivalSeq++);
    this.queueLength++;
    this.queueAcc -= now;
    if (patienceMinutes !== Number.POSITIVE_INFINITY) {
      this.slotPatienceEvent[slot] = this.sim.schedule(patienceMinutes, this.patienceHandler, slot);
    }
    if (this.inUse < this.capacity) this.grantWaiting();
  }

  /** Grants a request that was queued (or is preempting): records its wait on a first grant. */
  private grantSlot(slot: number): void {
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

  /** Records a new holder (only when holders are tracked) with its grant order. */
  private addHolder(slot: number): void {
    if (this.holderCount === this.holders.length) this.holders = grownInt32(this.holders);
    this.holders[this.holderCount] = slot;
    this.slotHolderIndex[slot] = this.holderCount++;
    this.slotGrantSeq[slot] = this.grantSeq++;
  }

  private grantWaiting(): void {
    while (this.inUse < this.capacity && this.queueLength > 0) {
      const slot = this.popQueue();
      if (slot < 0) break;
      this.grantSlot(slot);
    }
  }

  /** Preempts a strictly less urgent holder for the new request in `slot`; false if none. */
  private preemptFor(slot: number): boolean {
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

  /** The least urgent holder (most recently granted among equals) with priority above `than`, or -1. */
  private findVictim(than: number): number {
    let best = -1;
    let bestPriority = Number.NEGATIVE_INFINITY;
    let bestSeq = -1;
    for (let i = 0; i < this.holderCount; i++) {
      const s = this.holders[i];
      const p = this.slotPriority[s];
      if (p > bestPriority || (p === bestPriority && this.slotGrantSeq[s] > bestSeq)) {
        best = s;
        bestPriority = p;
        bestSeq = this.slotGrantSeq[s];
      }
    }
    return best >= 0 && bestPriority > than ? best : -1;
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
      const cause: Preempted = { kind: 'preempted', reason, resource: this, request: obj };
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

  private applyCapacity(capacity: number): void {
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
      const cause: HandedOver = { kind: 'handed-over', resource: this, request: obj };
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

  private cancelPatience(slot: number): void {
    const event = this.slotPatienceEvent[slot];
    if (event >= 0) {
      this.sim.cancel(event);
      this.slotPatienceEvent[slot] = -1;
    }
  }

  /** Adds the overtime area (units in use beyond capacity) up to now. */
  private accrueOvertime(): void {
    const now = this.sim.now;
    if (this.inUse > this.capacity)
      this.overtimeArea += (this.inUse - this.capacity) * (now - this.overtimeFrom);
    this.overtimeFrom = now;
  }

  private removeHolder(slot: number): void {
    if (!this.trackHolders) return;
    const index = this.slotHolderIndex[slot];
    const last = this.holders[--this.holderCount];
    this.holders[index] = last;
    this.slotHolderIndex[last] = index;
  }

  private throwNotHeld(request: Request | RequestId, action: string): never {
    const what =
      typeof request === 'number' ? `request ${request}` : `request ${request.id} (state '${request.state}')`;
    const need = action === 'release' ? 'held' : 'waiting';
    throw new SimulationError(
      'invalid-state',
      `cannot ${action} ${what} of resource '${this.name}': it is not ${need} (released twice, reneged, preempted, or never made?)`,
      this.sim.now,
    );
  }

  private allocSlot(): number {
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount] : this.newSlot();
    this.slotId[slot] = this.slotGeneration[slot] * SLOT_SPAN + slot;
    return slot;
  }

  /** A never-used slot (the free list is empty); apart from `allocSlot` to keep that one small. */
  private newSlot(): number {
    if (this.slotCount === this.slotId.length) this.growSlots();
    if (this.slotCount >= SLOT_SPAN) {
      throw new SimulationError('capacity-exceeded', `resource '${this.name}': over 2^24 requests at once`);
    }
    return this.slotCount++;
  }

  private freeSlot(slot: number): void {
    this.slotState[slot] = FREE;
    this.slotId[slot] = -1;
    this.slotGeneration[slot] = (this.slotGeneration[slot] + 1) & GENERATION_MASK;
    if (this.slotObject[slot] !== undefined) this.slotObject[slot] = undefined;
    if (this.slotCallbacks[slot] !== undefined) this.slotCallbacks[slot] = undefined;
    this.freeSlots[this.freeCount++] = slot;
  }

  private growSlots(): void {
    this.slotId = grownFloat64(this.slotId);
    this.slotGeneration = grown(this.slotGeneration, Uint32Array);
    this.slotState = grown(this.slotState, Uint8Array);
    this.slotPriority = grownFloat64(this.slotPriority);
    this.slotPayload = grownFloat64(this.slotPayload);
    this.slotRequestedAt = grownFloat64(this.slotRequestedAt);
    this.slotGrantSeq = grownFloat64(this.slotGrantSeq);
    const patienceFrom = this.slotPatienceEvent.length;
    this.slotPatienceEvent = grownFloat64(this.slotPatienceEvent);
    this.slotPatienceEvent.fill(-1, patienceFrom);
    this.slotHolderIndex = grownInt32(this.slotHolderIndex);
    this.freeSlots = grownInt32(this.freeSlots);
  }

  private enqueue(slot: number, priority: number, seq: number): void {
    if (priority === 0 && seq >= this.ringLastSeq) this.ringPush(slot, seq);
    else this.heapPush(slot, priority, seq);
  }

  private heapPush(slot: number, priority: number, seq: number): void {
    if (this.qSize === this.qId.length) {
      this.qPriority = grownFloat64(this.qPriority);
      this.qSeq = grownFloat64(this.qSeq);
      this.qId = grownFloat64(this.qId);
    }
    const P = this.qPriority;
    const S = this.qSeq;
    const I = this.qId;
    let i = this.qSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pp = P[parent];
      if (pp < priority || (pp === priority && S[parent] < seq)) break;
      P[i] = pp;
      S[i] = S[parent];
      I[i] = I[parent];
      i = parent;
    }
    P[i] = priority;
    S[i] = seq;
    I[i] = this.slotId[slot];
  }

  private ringPush(slot: number, seq: number): void {
    if (this.ringSize === this.ringId.length) this.growRing();
    const j = (this.ringHead + this.ringSize++) & (this.ringId.length - 1);
    this.ringId[j] = this.slotId[slot];
    this.ringSeq[j] = seq;
    this.ringLastSeq = seq;
  }

  private growRing(): void {
    const cap = this.ringId.length;
    const ids = new Float64Array(cap * 2);
    const seqs = new Float64Array(cap * 2);
    for (let k = 0; k < this.ringSize; k++) {
      const j = (this.ringHead + k) & (cap - 1);
      ids[k] = this.ringId[j];
      seqs[k] = this.ringSeq[j];
    }
    this.ringId = ids;
    this.ringSeq = seqs;
    this.ringHead = 0;
  }

  /** Removes and returns the slot of the most urgent live queued request, or -1. */
  private popQueue(): number {
    for (;;) {
      // Take from the ring unless the heap's top comes first: (priority, seq) < (0, ring head's seq).
      if (this.ringSize > 0) {
        const head = this.ringHead;
        if (
          this.qSize === 0 ||
          this.qPriority[0] > 0 ||
          (this.qPriority[0] === 0 && this.qSeq[0] > this.ringSeq[head])
        ) {
          const id = this.ringId[head];
          this.ringHead = (head + 1) & (this.ringId.length - 1);
          this.ringSize--;
          const slot = id & SLOT_MASK;
          if (this.slotId[slot] === id && this.slotState[slot] === QUEUED) {
            this.queueLength--;
            this.queueAcc += this.sim.now;
            return slot;
          }
          continue;
        }
      }
      const slot = this.popHeap();
      if (slot !== -2) return slot;
    }
  }

  /** Pops the heap's top: its slot if live, -2 if stale (try again), -1 if the heap is empty. */
  private popHeap(): number {
    const P = this.qPriority;
    const S = this.qSeq;
    const I = this.qId;
    if (this.qSize > 0) {
      const id = I[0];
      const n = --this.qSize;
      if (n > 0) {
        const priority = P[n];
        const seq = S[n];
        const last = I[n];
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= n) break;
          const r = c + 1;
          if (r < n && (P[r] < P[c] || (P[r] === P[c] && S[r] < S[c]))) c = r;
          if (priority < P[c] || (priority === P[c] && seq < S[c])) break;
          P[i] = P[c];
          S[i] = S[c];
          I[i] = I[c];
          i = c;
        }
        P[i] = priority;
        S[i] = seq;
        I[i] = last;
      }
      const slot = id & SLOT_MASK;
      if (this.slotId[slot] === id && this.slotState[slot] === QUEUED) {
        this.queueLength--;
        this.queueAcc += this.sim.now;
        return slot;
      }
      return -2;
    }
    return -1;
  }
}

function grown<A extends Uint8Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>(
  a: A,
  Ctor: new (n: number) => A,
): A {
  const b = new Ctor(a.length * 2);
  b.set(a);
  return b;
}
function grownFloat64(a: Float64Array): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}
function grownInt32(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
