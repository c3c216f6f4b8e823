/**
 * A pool of individual units with attributes (who they are: home organisation, role, contract),
 * for models that need to know which unit served whom. A grant names the unit.
 *
 * A request may carry a `filter` (which units are acceptable) and a `prefer` score (lower is
 * better) used when several acceptable units are free; ties go to the unit idle longest, so work
 * rotates fairly. When a unit frees, it goes to the first waiting request — by (priority, arrival)
 * — whose filter accepts it; a request no free unit suits lets later ones pass it.
 *
 * Kept separate from the counted `Resource`, so counted resources pay nothing for this.
 */
import { SimulationError } from './errors.js';
import { Tally, TimeWeighted } from './monitors.js';
import { activeProcess, type Process } from './process.js';
import type { Simulation } from './simulation.js';
import type {
  Unit,
  UnitPoolOptions,
  UnitPoolStats,
  UnitRequestOptions,
  UnitRequestState,
} from './unit-pool-types.js';
import { Waiter } from './waiter.js';

/** The pool's own view of a unit. */
interface MutableUnit<A> {
  id: number;
  attributes: A;
  busy: boolean;
  onDuty: boolean;
  busyMinutes: number;
  grants: number;
  heldSince: number;
}

/** Callback-style notifications for a unit request. */
export interface UnitCallbacks<A> {
  granted: (payload: number, request: UnitRequest<A>) => void;
  /** Patience ran out; required when a patience is given. */
  reneged?: (payload: number, request: UnitRequest<A>) => void;
}

/** A request for one unit of a `UnitPool`; `yield` it in a process to wait for the grant. */
export class UnitRequest<A> extends Waiter<UnitRequest<A>, UnitRequestState> {
  state: UnitRequestState = 'waiting';
  /** The unit granted (set once granted). */
  unit: Unit<A> | undefined = undefined;
  grantedAt: number | undefined = undefined;
  /** @internal */
  waiter: Process<any> | undefined = undefined;
  /** @internal */
  patienceEvent = -1;

  /** @internal Use `pool.request` / `pool.seize`. */
  constructor(
    readonly pool: UnitPool<A>,
    readonly priority: number,
    /** Order of arrival, the tie-break within a priority. */
    readonly sequence: number,
    readonly requestedAt: number,
    readonly payload: number,
    /** @internal */ readonly callbacks: UnitCallbacks<A> | undefined,
    /** @internal */ readonly filter: ((unit: Unit<A>) => boolean) | undefined,
    /** @internal */ readonly prefer: ((unit: Unit<A>) => number) | undefined,
    /** The process that made it, if any. */
    readonly owner: Process<any> | undefined,
  ) {
    super();
  }

  /** True while the request holds a unit. */
  get granted(): boolean {
    return this.state === 'granted';
  }

  /** @internal Granted `unit`: the callback (if any) runs first, then the waiting process resumes. */
  _onGranted(unit: Unit<A>, now: number): void {
    this.state = 'granted';
    this.unit = unit;
    this.grantedAt = now;
    if (this.callbacks !== undefined) this.callbacks.granted(this.payload, this);
    this.resumeWaiter();
  }
  /** @internal Patience ran out: the callback (if any) runs first, then the waiting process resumes. */
  _onReneged(): void {
    this.state = 'reneged';
    if (this.callbacks !== undefined) this.callbacks.reneged!(this.payload, this);
    this.resumeWaiter();
  }
  protected describe(): string {
    return `a request of unit pool '${this.pool.name}'`;
  }
  protected leaveQueue(): void {
    this.pool.withdraw(this);
  }
}

export class UnitPool<A = Record<string, unknown>> {
  readonly name: string;
  private readonly unitList: MutableUnit<A>[] = [];
  /** Free, on-duty units in the order they became free (longest idle first). */
  private readonly idle: MutableUnit<A>[] = [];
  /** Waiting requests sorted by (priority, sequence). */
  private readonly queue: UnitRequest<A>[] = [];
  private sequence = 0;
  private busyCount = 0;
  private readonly patienceHandler: number;
  private readonly patienceWaiting = new Map<number, UnitRequest<A>>();
  // Statistics, by the engine's own monitors: each level is updated where it changes.
  private readonly statsFrom: number;
  private readonly busyUnits: TimeWeighted;
  private readonly queued: TimeWeighted;
  /** Waits of granted requests, minutes. */
  private readonly waits = new Tally();
  private nRequests = 0;
  private nReneges = 0;
  private nWithdrawals = 0;

  constructor(
    private readonly sim: Simulation,
    options: UnitPoolOptions<A>,
  ) {
    this.name = options.name ?? 'unit pool';
    this.statsFrom = sim.now;
    this.busyUnits = new TimeWeighted({ startAtMinutes: sim.now });
    this.queued = new TimeWeighted({ startAtMinutes: sim.now });
    this.patienceHandler = sim.registerHandler((seq) => this.onPatienceEnd(seq), `${this.name}.patience`);
    for (const attributes of options.units) this.addUnit(attributes);
  }

  /** All units, by id. */
  get units(): readonly Unit<A>[] {
    return this.unitList;
  }
  /** Units held now. */
  get inUse(): number {
    return this.busyCount;
  }
  /** Requests waiting now. */
  get queueLength(): number {
    return this.queue.length;
  }

  /** Adds an on-duty unit (it takes waiting work at once if any suits it). */
  addUnit(attributes: A): Unit<A> {
    const unit: MutableUnit<A> = {
      id: this.unitList.length,
      attributes,
      busy: false,
      onDuty: true,
      busyMinutes: 0,
      grants: 0,
      heldSince: 0,
    };
    this.unitList.push(unit);
    this.offer(unit);
    return unit;
  }

  /**
   * Puts a unit on or off duty. Off duty it takes no new work; if it is busy it finishes its
   * current work first (the 'finish' rule) and then stays idle until put back on duty.
   */
  setOnDuty(unitId: number, onDuty: boolean): void {
    const unit = this.unitList[unitId];
    if (unit === undefined) {
      throw new SimulationError(
        'invalid-parameter',
        `unit pool '${this.name}' has no unit ${unitId}`,
        this.sim.now,
      );
    }
    if (unit.onDuty === onDuty) return;
    unit.onDuty = onDuty;
    if (!onDuty) {
      const i = this.idle.indexOf(unit);
      if (i >= 0) this.idle.splice(i, 1);
    } else if (!unit.busy) this.offer(unit);
  }

  /** Process style: `const req = yield pool.request({ filter, prefer })`; then `req.unit`. */
  request(options: UnitRequestOptions<A> = {}): UnitRequest<A> {
    return this.add(undefined, 0, options);
  }

  /**
   * Callback style: `granted(payload, request)` runs when a unit is granted (synchronously if one
   * is free now); `request.unit` says which. Returns the request, for `release`.
   */
  seize(
    callbacks: UnitCallbacks<A> | ((payload: number, request: UnitRequest<A>) => void),
    payload = 0,
    options: UnitRequestOptions<A> = {},
  ): UnitRequest<A> {
    const cb = typeof callbacks === 'function' ? { granted: callbacks } : callbacks;
    if (options.patienceMinutes !== undefined && cb.reneged === undefined) {
      throw new SimulationError(
        'invalid-parameter',
        `seize on unit pool '${this.name}' with a patience needs a reneged callback`,
        this.sim.now,
      );
    }
    return this.add(cb, payload, options);
  }

  /** Gives the unit back. Throws unless the request holds one. */
  release(request: UnitRequest<A>): void {
    if (request.pool !== this || request.state !== 'granted') {
      throw new SimulationError(
        'invalid-state',
        `cannot release a request of unit pool '${this.name}' in state '${request.state}': it does not hold a unit (released twice?)`,
        this.sim.now,
      );
    }
    request.state = 'released';
    const unit = request.unit as MutableUnit<A>;
    unit.busy = false;
    unit.busyMinutes += this.sim.now - unit.heldSince;
    this.busyUnits.update(this.sim.now, --this.busyCount);
    if (unit.onDuty) this.offer(unit);
  }

  /** Takes a waiting request out of the queue. Throws unless it is waiting. */
  withdraw(request: UnitRequest<A>): void {
    const i = this.queue.indexOf(request);
    if (i < 0 || request.state !== 'waiting') {
      throw new SimulationError(
        'invalid-state',
        `cannot withdraw a request of unit pool '${this.name}' in state '${request.state}': it is not waiting`,
        this.sim.now,
      );
    }
    this.dequeue(i);
    request.state = 'withdrawn';
    this.nWithdrawals++;
    this.cancelPatience(request);
  }

  stats(): UnitPoolStats {
    const now = this.sim.now;
    return {
      name: this.name,
      elapsedMinutes: now - this.statsFrom,
      requests: this.nRequests,
      grants: this.waits.count,
      reneges: this.nReneges,
      withdrawals: this.nWithdrawals,
      meanWaitMinutes: this.waits.mean,
      meanBusyUnits: this.busyUnits.meanUntil(now),
      meanQueueLength: this.queued.meanUntil(now),
    };
  }

  private add(
    callbacks: UnitCallbacks<A> | undefined,
    payload: number,
    options: UnitRequestOptions<A>,
  ): UnitRequest<A> {
    const priority = options.priority ?? 0;
    if (!Number.isFinite(priority)) {
      throw new SimulationError(
        'invalid-parameter',
        `request priority on unit pool '${this.name}' must be finite; got ${String(priority)}`,
        this.sim.now,
      );
    }
    const patience = options.patienceMinutes;
    if (patience !== undefined && !(patience >= 0)) {
      throw new SimulationError(
        'invalid-duration',
        `patience on unit pool '${this.name}' must be ≥ 0 minutes; got ${String(patience)}`,
        this.sim.now,
      );
    }
    this.nRequests++;
    const request = new UnitRequest<A>(
      this,
      priority,
      this.sequence++,
      this.sim.now,
      payload,
      callbacks,
      options.filter,
      options.prefer,
      activeProcess(this.sim),
    );
    const unit = this.bestIdleUnit(request);
    if (unit !== undefined) {
      this.grant(request, unit);
      return request;
    }
    // Insert after every request with (priority, sequence) before it.
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1].priority > priority) i--;
    this.queue.splice(i, 0, request);
    this.queued.update(this.sim.now, this.queue.length);
    if (patience !== undefined && patience !== Number.POSITIVE_INFINITY) {
      this.patienceWaiting.set(request.sequence, request);
      request.patienceEvent = this.sim.schedule(patience, this.patienceHandler, request.sequence);
    }
    return request;
  }

  private bestIdleUnit(request: UnitRequest<A>): MutableUnit<A> | undefined {
    let best: MutableUnit<A> | undefined;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const unit of this.idle) {
      if (request.filter !== undefined && !request.filter(unit)) continue;
      if (request.prefer === undefined) return unit;
      const score = request.prefer(unit);
      if (best === undefined || score < bestScore) {
        best = unit;
        bestScore = score;
      }
    }
    return best;
  }

  /** A unit became free: the first waiting request that accepts it gets it; else it idles. */
  private offer(unit: MutableUnit<A>): void {
    for (let i = 0; i < this.queue.length; i++) {
      const request = this.queue[i];
      if (request.filter === undefined || request.filter(unit)) {
        this.dequeue(i);
        this.grant(request, unit);
        return;
      }
    }
    this.idle.push(unit);
  }

  private grant(request: UnitRequest<A>, unit: MutableUnit<A>): void {
    const i = this.idle.indexOf(unit);
    if (i >= 0) this.idle.splice(i, 1);
    const now = this.sim.now;
    unit.busy = true;
    unit.heldSince = now;
    unit.grants++;
    this.busyUnits.update(now, ++this.busyCount);
    this.waits.record(now - request.requestedAt);
    this.cancelPatience(request);
    request._onGranted(unit, now);
  }

  private onPatienceEnd(sequence: number): void {
    const request = this.patienceWaiting.get(sequence);
    if (request === undefined) return;
    this.patienceWaiting.delete(sequence);
    request.patienceEvent = -1;
    const i = this.queue.indexOf(request);
    if (i < 0) return;
    this.dequeue(i);
    this.nReneges++;
    request._onReneged();
  }

  private cancelPatience(request: UnitRequest<A>): void {
    if (request.patienceEvent >= 0) {
      this.sim.cancel(request.patienceEvent);
      request.patienceEvent = -1;
      this.patienceWaiting.delete(request.sequence);
    }
  }

  /** Takes the request at `i` out of the queue. */
  private dequeue(i: number): void {
    this.queue.splice(i, 1);
    this.queued.update(this.sim.now, this.queue.length);
  }
}
