/**
 * A level: a counted amount of something (stock, tokens, beds-worth of funding) with a capacity.
 * `get(amount)` waits until the amount is there; `put(amount)` waits until there is room.
 * Getters are served strictly first come, first served (a large get at the head blocks smaller
 * ones behind it, so nobody starves); putters likewise.
 */
import { SimulationError } from './errors.js';
import { Tally, TimeWeighted } from './monitors.js';
import type { Process } from './process.js';
import type { Simulation } from './simulation.js';
import { Waiter } from './waiter.js';

export interface LevelOptions {
  /** A name for messages and statistics. */
  name?: string;
  /** Most the level can hold (default +Infinity: unbounded). */
  capacity?: number;
  /** Amount held at the start (default 0). */
  initial?: number;
}

/** Lifecycle of a level operation. */
export type LevelRequestState = 'waiting' | 'done' | 'withdrawn';

/** A pending or completed `get`/`put`; `yield` it in a process to wait for it. */
export class LevelRequest extends Waiter<LevelRequest, LevelRequestState> {
  state: LevelRequestState = 'waiting';
  /** When it completed, in minutes. */
  doneAt: number | undefined = undefined;
  /** @internal */
  waiter: Process<any> | undefined = undefined;

  /** @internal Use `level.get` / `level.put`. */
  constructor(
    readonly level: Level,
    readonly kind: 'get' | 'put',
    readonly amount: number,
    /** When it was asked for, in minutes. */
    readonly requestedAt: number,
    /** @internal */ readonly onDone: ((payload: number) => void) | undefined,
    /** @internal */ readonly payload: number,
  ) {
    super();
  }

  /** @internal Done: the callback (if any) runs first, then the waiting process resumes. */
  _complete(now: number): void {
    this.state = 'done';
    this.doneAt = now;
    if (this.onDone !== undefined) this.onDone(this.payload);
    this.resumeWaiter();
  }
  protected describe(): string {
    return `${this.kind} of ${this.amount} on level '${this.level.name}'`;
  }
  protected leaveQueue(): void {
    this.level.withdraw(this);
  }
}

/** A snapshot of a level's statistics. */
export interface LevelStats {
  readonly name: string;
  readonly elapsedMinutes: number;
  /** Time-weighted mean amount held. */
  readonly meanAmount: number;
  /** Completed gets and puts. */
  readonly gets: number;
  readonly puts: number;
  /** Mean wait of completed gets, in minutes (NaN if none). */
  readonly meanGetWaitMinutes: number;
  /** Mean wait of completed puts, in minutes (NaN if none). */
  readonly meanPutWaitMinutes: number;
}

export class Level {
  readonly name: string;
  readonly capacity: number;
  /** Amount held now. */
  amount: number;
  private readonly getters: LevelRequest[] = [];
  private readonly putters: LevelRequest[] = [];
  // Statistics, by the engine's own monitors.
  private readonly statsFrom: number;
  private readonly amountHeld: TimeWeighted;
  private readonly getWaits = new Tally();
  private readonly putWaits = new Tally();

  constructor(
    private readonly sim: Simulation,
    options: LevelOptions = {},
  ) {
    this.name = options.name ?? 'level';
    const capacity = options.capacity ?? Number.POSITIVE_INFINITY;
    const initial = options.initial ?? 0;
    if (!(capacity > 0)) {
      throw new SimulationError(
        'invalid-parameter',
        `capacity of level '${this.name}' must be > 0; got ${String(capacity)}`,
      );
    }
    if (!(initial >= 0 && initial <= capacity) || !Number.isFinite(initial)) {
      throw new SimulationError(
        'invalid-parameter',
        `initial amount of level '${this.name}' must be finite, in [0, capacity ${capacity}]; got ${String(initial)}`,
      );
    }
    this.capacity = capacity;
    this.amount = initial;
    this.statsFrom = sim.now;
    this.amountHeld = new TimeWeighted({ startAtMinutes: sim.now, level: initial });
  }

  /** Asks for `amount`; done at once if available and nobody waits ahead, else when puts make it so. */
  get(amount: number, onDone?: (payload: number) => void, payload = 0): LevelRequest {
    return this.add('get', amount, onDone, payload, this.getters);
  }

  /** Adds `amount`; done at once if there is room and nobody waits ahead, else when gets make room. */
  put(amount: number, onDone?: (payload: number) => void, payload = 0): LevelRequest {
    return this.add('put', amount, onDone, payload, this.putters);
  }

  /** Withdraws a waiting get or put. Throws if it is not waiting. */
  withdraw(request: LevelRequest): void {
    const queue = request.kind === 'get' ? this.getters : this.putters;
    const i = queue.indexOf(request);
    if (i < 0 || request.state !== 'waiting') {
      throw new SimulationError(
        'invalid-state',
        `cannot withdraw a ${request.kind} of ${request.amount} from level '${this.name}': it is not waiting`,
        this.sim.now,
      );
    }
    queue.splice(i, 1);
    request.state = 'withdrawn';
    // The head may have changed: a smaller request behind a withdrawn large one may now proceed.
    this.settle();
  }

  /** Number of gets waiting. */
  get waitingGets(): number {
    return this.getters.length;
  }
  /** Number of puts waiting. */
  get waitingPuts(): number {
    return this.putters.length;
  }

  stats(): LevelStats {
    const now = this.sim.now;
    return {
      name: this.name,
      elapsedMinutes: now - this.statsFrom,
      meanAmount: this.amountHeld.meanUntil(now),
      gets: this.getWaits.count,
      puts: this.putWaits.count,
      meanGetWaitMinutes: this.getWaits.mean,
      meanPutWaitMinutes: this.putWaits.mean,
    };
  }

  private add(
    kind: 'get' | 'put',
    amount: number,
    onDone: ((payload: number) => void) | undefined,
    payload: number,
    queue: LevelRequest[],
  ): LevelRequest {
    if (!(amount >= 0) || !Number.isFinite(amount)) {
      throw new SimulationError(
        'invalid-parameter',
        `${kind} on level '${this.name}' needs a finite amount ≥ 0; got ${String(amount)}`,
        this.sim.now,
      );
    }
    if (amount > this.capacity) {
      throw new SimulationError(
        'capacity-exceeded',
        `${kind} of ${amount} on level '${this.name}' exceeds its capacity ${this.capacity}: it could never complete`,
        this.sim.now,
      );
    }
    const request = new LevelRequest(this, kind, amount, this.sim.now, onDone, payload);
    queue.push(request);
    this.settle();
    return request;
  }

  /** Completes head-of-line gets and puts while any can proceed. */
  private settle(): void {
    let progress = true;
    while (progress) {
      progress = false;
      const get = this.getters[0];
      if (get !== undefined && get.amount <= this.amount) {
        this.getters.shift();
        this.complete(get, this.amount - get.amount, this.getWaits);
        progress = true;
      }
      const put = this.putters[0];
      if (put !== undefined && this.amount + put.amount <= this.capacity) {
        this.putters.shift();
        this.complete(put, this.amount + put.amount, this.putWaits);
        progress = true;
      }
    }
  }

  /** The head get or put goes through: the amount becomes `amount`, its wait is recorded. */
  private complete(request: LevelRequest, amount: number, waits: Tally): void {
    const now = this.sim.now;
    this.amount = amount;
    this.amountHeld.update(now, amount);
    waits.record(now - request.requestedAt);
    request._complete(now);
  }
}
