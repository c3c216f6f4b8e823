/**
 * Processes: generator functions that run on the same calendar as plain handlers.
 *
 * A process yields what it waits for:
 * - a number — wait that many minutes (no allocation: one calendar event, resumed by a handler
 *   registered once per simulation whose payload is the process's slot);
 * - a resource `Request` (or any other `Awaitable`: a `Level` get/put, a `Signal`, another
 *   `Process`) — wait until it is granted / triggered / finished; the `yield` expression then
 *   evaluates to its value.
 *
 * Wake-up order: a resource or level grant resumes the waiting process at once, inside the call
 * that freed the unit (no extra event, which keeps the hot path cheap); a `Signal` or a finishing
 * `Process` wakes its waiters through events at the current time, in the order they began waiting.
 *
 * `Process.interrupt(cause)` throws an `Interrupt` into the process at the current time, after
 * withdrawing whatever it was waiting for (a pending wait is cancelled and its remaining minutes
 * reported; an ungranted request leaves its queue). Resources it holds stay held.
 */

import { Awaitable, SharedAwaitable } from './awaitable.js';
import { SimulationError } from './errors.js';
import { storeInFreeSlot } from './free-list.js';
import { Interrupt } from './interrupt.js';
import { type HandlerId, Simulation } from './simulation.js';

/** What a process body may yield: minutes to wait, or something to wait for. */
export type Yieldable = number | Awaitable<unknown>;

/** A generator function usable as a process body; it receives its own `Process` handle. */
export type ProcessBody<R> = (self: Process<R>) => Generator<Yieldable, R, any>;

export { Interrupt };

/** Lifecycle of a process. */
export type ProcessState = 'running' | 'waiting' | 'finished';

// What a waiting process waits for.
const WAIT_NONE = 0;
const WAIT_TIMEOUT = 1;
const WAIT_AWAITABLE = 2;
/** Woken (or interrupted); a resume event at the current time is pending. */
const WAIT_RESUME_EVENT = 3;

/** Per-simulation state shared by all processes: the resume handler and the slot table. */
class ProcessRuntime {
  readonly processes: (Process<any> | undefined)[] = [];
  readonly freeSlots: number[] = [];
  readonly resumeHandler: HandlerId;
  /** The process whose body is executing right now (innermost, if grants nest). */
  active: Process<any> | undefined = undefined;

  constructor(readonly sim: Simulation) {
    this.resumeHandler = sim.registerHandler(
      (slot) => this.processes[slot]!._onResumeEvent(),
      'process-resume',
    );
  }

  allocSlot(process: Process<any>): number {
    return storeInFreeSlot(this.processes, this.freeSlots, process);
  }
}

const RUNTIME = Symbol('carepool.processRuntime');
type SimulationWithRuntime = Simulation & { [RUNTIME]?: ProcessRuntime };

/** @internal The process runtime of `sim`, created on first use. */
export function processRuntime(sim: Simulation): ProcessRuntime {
  const s = sim as SimulationWithRuntime;
  let runtime = s[RUNTIME];
  if (runtime === undefined) {
    runtime = new ProcessRuntime(sim);
    s[RUNTIME] = runtime;
  }
  return runtime;
}

/** The process whose body is running now in `sim`, or `undefined` inside a plain handler. */
export function activeProcess(sim: Simulation): Process<unknown> | undefined {
  return (sim as SimulationWithRuntime)[RUNTIME]?.active;
}

/**
 * Validates a wait for use as `yield timeoutMinutes(m)`; yielding the bare number `m` is the same.
 */
export function timeoutMinutes(minutes: number): number {
  if (!(minutes >= 0) || minutes === Number.POSITIVE_INFINITY) {
    throw new SimulationError(
      'invalid-duration',
      `timeout must be a finite, non-negative number of minutes; got ${String(minutes)}`,
    );
  }
  return minutes;
}

/** A running generator function; also an `Awaitable` that other processes can wait for. */
export class Process<R = unknown> extends SharedAwaitable<R> {
  /** Lifecycle: running (its body is executing), waiting (suspended at a yield) or finished. */
  state: ProcessState = 'running';
  /** The body's return value once finished. */
  result: R | undefined = undefined;
  /** Simulated time the process started (minutes). */
  readonly startedAt: number;
  /** Simulated time it finished (minutes), or `undefined` while it runs. */
  finishedAt: number | undefined = undefined;

  private readonly generator: Generator<Yieldable, R, any>;
  private readonly runtime: ProcessRuntime;
  private slot: number;
  private waitKind = WAIT_NONE;
  private waitTarget: Awaitable<unknown> | undefined = undefined;
  private eventId = -1;
  private waitUntil = 0;
  private resumeValue: unknown = undefined;
  protected waiters: Process<any>[] | undefined = undefined;
  private pendingInterrupts: Interrupt[] | undefined = undefined;

  /** @internal Use `sim.process(...)`. */
  constructor(
    sim: Simulation,
    body: ProcessBody<R> | Generator<Yieldable, R, any>,
    /** A name for messages and traces. */
    readonly name: string,
  ) {
    super();
    this.runtime = processRuntime(sim);
    this.startedAt = sim.now;
    this.slot = this.runtime.allocSlot(this);
    if (typeof body === 'function') {
      this.generator = body(this);
    } else {
      this.generator = body;
    }
    if (typeof this.generator?.next !== 'function') {
      throw new SimulationError(
        'invalid-parameter',
        `process '${name}' needs a generator function (function* () {...}) or a generator`,
        sim.now,
      );
    }
  }

  /** True once the body has returned. */
  get finished(): boolean {
    return this.state === 'finished';
  }

  /**
   * Throws an `Interrupt` carrying `cause` into the process at the current time. Whatever it was
   * waiting for is withdrawn first (a timed wait is cancelled and its remaining minutes put in the
   * `Interrupt`; an ungranted request leaves its queue). A process interrupted while its own body
   * is running receives the interrupt at its next `yield`. Interrupting a finished process throws.
   */
  interrupt(cause?: unknown): void {
    if (this.state === 'finished') {
      throw new SimulationError(
        'invalid-state',
        `cannot interrupt process '${this.name}': it has finished`,
        this.runtime.sim.now,
      );
    }
    this._interrupt(cause);
  }

  /** @internal Interrupt without the finished check (resources use it; returns false if finished). */
  _interrupt(cause: unknown): boolean {
    if (this.state === 'finished') return false;
    const sim = this.runtime.sim;
    let remaining: number | undefined;
    if (this.state === 'waiting') {
      switch (this.waitKind) {
        case WAIT_TIMEOUT:
          sim.cancel(this.eventId);
          this.eventId = -1;
          remaining = this.waitUntil - sim.now;
          break;
        case WAIT_AWAITABLE:
          this.waitTarget!._removeWaiter(this);
          this.waitTarget = undefined;
          break;
        case WAIT_RESUME_EVENT:
          // A wake-up already pending is superseded by the interrupt (its value is dropped);
          // an interrupt already pending keeps its event.
          if (this.pendingInterrupts === undefined || this.pendingInterrupts.length === 0) {
            sim.cancel(this.eventId);
            this.eventId = -1;
          }
          break;
      }
      this.waitKind = WAIT_RESUME_EVENT;
      if (this.eventId === -1) this.eventId = sim.schedule(0, this.runtime.resumeHandler, this.slot);
    }
    (this.pendingInterrupts ??= []).push(new Interrupt(cause, remaining));
    return true;
  }

  /**
   * @internal Called by an awaitable this process waits for. `immediately` resumes the body now
   * (resource grants); otherwise through an event at the current time (signals, joins).
   */
  _wake(value: unknown, immediately: boolean): void {
    if (this.state !== 'waiting' || this.waitKind !== WAIT_AWAITABLE) return;
    this.waitTarget = undefined;
    if (immediately) {
      this.waitKind = WAIT_NONE;
      this.advance(value, false);
    } else {
      this.waitKind = WAIT_RESUME_EVENT;
      this.resumeValue = value;
      this.eventId = this.runtime.sim.schedule(0, this.runtime.resumeHandler, this.slot);
    }
  }

  /** @internal The resume handler's entry point. */
  _onResumeEvent(): void {
    this.eventId = -1;
    const interrupts = this.pendingInterrupts;
    if (interrupts !== undefined && interrupts.length > 0) {
      this.waitKind = WAIT_NONE;
      this.advance(interrupts.shift(), true);
      return;
    }
    const value = this.waitKind === WAIT_RESUME_EVENT ? this.resumeValue : undefined;
    this.resumeValue = undefined;
    this.waitKind = WAIT_NONE;
    this.advance(value, false);
  }

  /** Runs the body from its current `yield` until it yields something not yet ready, or returns. */
  private advance(value: unknown, isThrow: boolean): void {
    const runtime = this.runtime;
    const outer = runtime.active;
    this.state = 'running';
    runtime.active = this;
    // No `finally`: each exit restores `active` itself, which keeps this hot loop cheap.
    try {
      for (;;) {
        const step = isThrow ? this.generator.throw(value) : this.generator.next(value);
        if (step.done === true) {
          runtime.active = outer;
          this.finish(step.value);
          return;
        }
        const yielded = step.value;
        // An interrupt that arrived while the body ran is delivered at this yield.
        const interrupts = this.pendingInterrupts;
        if (interrupts !== undefined && interrupts.length > 0) {
          value = interrupts.shift();
          isThrow = true;
          continue;
        }
        if (typeof yielded === 'number') {
          this.waitFor(yielded);
          runtime.active = outer;
          return;
        }
        if (yielded instanceof Awaitable) {
          if (yielded._isReady()) {
            value = yielded._value();
            isThrow = false;
            continue;
          }
          this.waitKind = WAIT_AWAITABLE;
          this.waitTarget = yielded;
          this.state = 'waiting';
          runtime.active = outer;
          yielded._addWaiter(this);
          return;
        }
        throw new SimulationError(
          'invalid-parameter',
          `process '${this.name}' yielded ${describeValue(yielded)}; yield a number of minutes, a request, a signal or a process`,
          runtime.sim.now,
        );
      }
    } catch (error) {
      // The body threw (or yielded nonsense): it is over; the error propagates out of `run`.
      runtime.active = outer;
      if ((this.state as ProcessState) !== 'finished') this.finish(undefined as R, false);
      throw error;
    }
  }

  private waitFor(minutes: number): void {
    const sim = this.runtime.sim;
    if (!(minutes >= 0) || minutes === Number.POSITIVE_INFINITY) {
      throw new SimulationError(
        'invalid-duration',
        `process '${this.name}' yielded a wait of ${String(minutes)} minutes; waits must be finite and ≥ 0`,
        sim.now,
      );
    }
    this.waitKind = WAIT_TIMEOUT;
    this.waitUntil = sim.now + minutes;
    this.eventId = sim.schedule(minutes, this.runtime.resumeHandler, this.slot);
    this.state = 'waiting';
  }

  private finish(result: R, wakeWaiters = true): void {
    this.state = 'finished';
    this.result = result;
    this.finishedAt = this.runtime.sim.now;
    this.pendingInterrupts = undefined;
    this.runtime.processes[this.slot] = undefined;
    this.runtime.freeSlots.push(this.slot);
    this.slot = -1;
    this.releaseWaiters(result, wakeWaiters);
  }

  /** @internal Runs the body up to its first `yield` (called once, by `sim.process`). */
  _start(): void {
    this.advance(undefined, false);
  }

  /** @internal */
  _isReady(): boolean {
    return this.state === 'finished';
  }
  /** @internal */
  _value(): R {
    return this.result as R;
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined (a bare `yield`)';
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'Object'})`;
  return `${typeof value} ${String(value)}`;
}

// `sim.process(...)`: added to Simulation here so the kernel file stays free of process code.
declare module './simulation.js' {
  interface Simulation {
    /**
     * Starts a process. `body` is a generator function (called with the new `Process`) or a
     * generator object; it runs at once, up to its first `yield`, inside this call.
     */
    process<R>(body: ProcessBody<R> | Generator<Yieldable, R, any>, name?: string): Process<R>;
  }
}

Simulation.prototype.process = function process<R>(
  this: Simulation,
  body: ProcessBody<R> | Generator<Yieldable, R, any>,
  name = 'process',
): Process<R> {
  const p = new Process<R>(this, body, name);
  p._start();
  return p;
};
