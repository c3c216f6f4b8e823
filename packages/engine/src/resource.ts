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
import { activeProcess, Interrupt, type Process, type Yieldable } from './process.js';
import { ResourceCore } from './resource-core.js';
import { HELD, QUEUED, SLOT_MASK } from './resource-slots.js';
import type {
  GrantHandler,
  PreemptionReason,
  RequestCallbacks,
  RequestId,
  RequestOptions,
  RequestState,
} from './resource-types.js';
import { assertCapacity } from './schedule.js';
import { Waiter } from './waiter.js';

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
export class Request extends Waiter<Request, RequestState> {
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
    this.resumeWaiter();
  }
  /** @internal Patience ran out. */
  _onReneged(): void {
    this.state = 'reneged';
    this.resumeWaiter();
  }
  protected describe(): string {
    return `request ${this.id} of resource '${this.resource.name}'`;
  }
  protected leaveQueue(): void {
    this.resource.withdraw(this);
  }
}

export class Resource extends ResourceCore<Request> {
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
    // The common case (a grant function, priority 0, no patience) in as few bytecodes as it takes:
    // V8 inlines by size, and a model's handler already inlines `schedule` and its draws.
    if (typeof callbacks === 'function' && priority === 0 && patienceMinutes === Number.POSITIVE_INFINITY) {
      return this.add(this.allocSlot(), callbacks, undefined, undefined, payload, 0, patienceMinutes);
    }
    return this.seizeChecked(callbacks, payload, priority, patienceMinutes);
  }

  /** `seize` off its common case: a priority, a patience, or a `RequestCallbacks` object. */
  private seizeChecked(
    callbacks: GrantHandler | RequestCallbacks,
    payload: number,
    priority: number,
    patienceMinutes: number,
  ): RequestId {
    if (typeof callbacks === 'function') {
      if (patienceMinutes !== Number.POSITIVE_INFINITY) {
        // A plain grant function has nowhere to say "you gave up": require the callbacks form.
        throw new SimulationError(
          'invalid-parameter',
          `seize on resource '${this.name}' with a patience needs { granted, reneged } callbacks, not a plain function`,
          this.sim.now,
        );
      }
      this.checkRequest(priority, patienceMinutes);
      return this.add(this.allocSlot(), callbacks, undefined, undefined, payload, priority, patienceMinutes);
    }
    return this.seizeWithCallbacks(callbacks, payload, priority, patienceMinutes);
  }

  /**
   * `seize` with a `RequestCallbacks` object.
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
}
