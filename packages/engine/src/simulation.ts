/**
 * The simulation clock and the loop that runs the calendar.
 *
 * Model logic is attached in one of two ways, both on the same calendar:
 * - **handlers** (`registerHandler` + `schedule`): a function registered once and an integer/float
 *   payload per event — no allocation per event, the fastest style;
 * - **closures** (`call`): any function, convenient for one-off events;
 * - **processes** (see `process.ts`) are generator functions resumed by an internal handler.
 */
import { EventCalendar } from './calendar.js';
import { assertDuration, SimulationError } from './errors.js';
import { storeInFreeSlot } from './free-list.js';
import type { Tracer } from './trace.js';

/** A handler registered with `registerHandler`; receives the payload given at `schedule`. */
export type EventHandler = (payload: number) => void;
/** Identifies a registered handler. */
export type HandlerId = number;
/** Identifies a scheduled event, for `cancel`. */
export type EventId = number;

/**
 * Named same-time priorities (lower runs first). Use these rather than bare numbers so each
 * ordering has a reason written beside it.
 */
export const EventPriority = {
  /** Capacity changes (shift starts and ends) happen before work is assigned at the same instant. */
  capacityChange: -100,
  /** Ordinary events. */
  normal: 0,
  /** Statistics snapshots see the state after everything else at that instant. */
  observation: 100,
} as const;

export interface SimulationOptions {
  /** Clock value at the start, in minutes (default 0). */
  startAtMinutes?: number;
}

const CLOSURE_TARGET = 0;

export class Simulation {
  private readonly calendar = new EventCalendar();
  private readonly handlers: EventHandler[] = [];
  private readonly handlerNames: string[] = [];
  private readonly closures: (() => void)[] = [];
  private readonly freeClosures: number[] = [];
  private stopRequested = false;
  private running = false;
  private tracerFn: Tracer | undefined = undefined;
  /** Current simulated time in minutes. */
  now: number;
  /** Events executed so far. */
  eventsExecuted = 0;

  constructor(options: SimulationOptions = {}) {
    const start = options.startAtMinutes ?? 0;
    if (!Number.isFinite(start)) {
      throw new SimulationError('invalid-time', `startAtMinutes must be finite; got ${String(start)}`);
    }
    this.now = start;
    // Target 0 runs a stored closure whose index is the payload.
    this.handlers.push((index: number) => {
      const fn = this.closures[index];
      this.closures[index] = noop;
      this.freeClosures.push(index);
      fn();
    });
    this.handlerNames.push('closure');
  }

  /**
   * The tracer set with `setTracer`, or undefined. Models guard each trace point with
   * `if (sim.tracer !== undefined)` so that, with tracing off, no record or string is built.
   */
  get tracer(): Tracer | undefined {
    return this.tracerFn;
  }

  /**
   * Sends `trace` records to `tracer` from now on (undefined: tracing off, the default). The event
   * loop is untouched either way; records come only from the model's own `trace` calls.
   */
  setTracer(tracer: Tracer | undefined): void {
    if (tracer !== undefined && typeof tracer !== 'function') {
      throw new SimulationError(
        'invalid-parameter',
        `setTracer expects a function or undefined; got ${typeof tracer}`,
      );
    }
    this.tracerFn = tracer;
  }

  /** Records `event` for `entity` at `resource`, stamped with the clock; does nothing without a tracer. */
  trace(event: string, entity: string, resource = ''): void {
    const tracer = this.tracerFn;
    if (tracer !== undefined) tracer({ timeMinutes: this.now, event, entity, resource });
  }

  /** Number of events waiting on the calendar. */
  get pendingEvents(): number {
    return this.calendar.pendingCount;
  }

  /** Time of the next pending event in minutes, or +Infinity. */
  nextEventAt(): number {
    return this.calendar.peekTime();
  }

  /** Registers a handler once; `schedule` then refers to it by the returned id. */
  registerHandler(handler: EventHandler, name = `handler${this.handlers.length}`): HandlerId {
    this.handlers.push(handler);
    this.handlerNames.push(name);
    return this.handlers.length - 1;
  }

  /** Schedules `handler(payload)` after `delayMinutes`. */
  schedule(
    delayMinutes: number,
    handler: HandlerId,
    payload = 0,
    priority: number = EventPriority.normal,
  ): EventId {
    if (!(delayMinutes >= 0) || delayMinutes === Number.POSITIVE_INFINITY)
      this.rejectDelay(delayMinutes, handler);
    return this.calendar.push(this.now + delayMinutes, priority, handler, payload);
  }

  /** Schedules `handler(payload)` at the absolute time `atMinutes` (not before now). */
  scheduleAt(
    atMinutes: number,
    handler: HandlerId,
    payload = 0,
    priority: number = EventPriority.normal,
  ): EventId {
    if (!(atMinutes >= this.now) || !Number.isFinite(atMinutes)) {
      this.rejectTime(atMinutes, `'${this.handlerNames[handler] ?? handler}' `);
    }
    return this.calendar.push(atMinutes, priority, handler, payload);
  }

  /** Schedules a closure after `delayMinutes` (convenient; allocates, so prefer handlers in hot paths). */
  call(delayMinutes: number, fn: () => void, priority: number = EventPriority.normal): EventId {
    assertDuration(delayMinutes, 'delay of a scheduled call', this.now);
    return this.calendar.push(this.now + delayMinutes, priority, CLOSURE_TARGET, this.storeClosure(fn));
  }

  /** Schedules a closure at the absolute time `atMinutes`. */
  callAt(atMinutes: number, fn: () => void, priority: number = EventPriority.normal): EventId {
    return this.call(this.checkedDelayTo(atMinutes), fn, priority);
  }

  /** Cancels a pending event; returns false if it had already run or been cancelled. */
  cancel(eventId: EventId): boolean {
    return this.calendar.cancel(eventId);
  }

  /** Asks `run` to return after the current event. */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Runs events in order until the calendar is empty, `stop()` is called, or the next event lies
   * beyond `untilMinutes`; in that last case the clock is advanced to `untilMinutes`.
   */
  run(untilMinutes: number = Number.POSITIVE_INFINITY): void {
    if (Number.isNaN(untilMinutes) || untilMinutes < this.now) {
      throw new SimulationError(
        'invalid-time',
        `cannot run until minute ${String(untilMinutes)}: the clock is already at ${this.now}`,
        this.now,
      );
    }
    if (this.running)
      throw new SimulationError('invalid-state', 'run() called while the simulation is running');
    this.running = true;
    this.stopRequested = false;
    const calendar = this.calendar;
    const handlers = this.handlers;
    try {
      while (!this.stopRequested) {
        const slot = calendar.popUntil(untilMinutes);
        if (slot < 0) {
          if (slot === -2) this.now = untilMinutes;
          break;
        }
        this.now = calendar.lastTime;
        this.eventsExecuted++;
        handlers[calendar.slotTarget[slot]](calendar.slotPayload[slot]);
      }
    } finally {
      this.running = false;
    }
  }

  /** Runs exactly one event; returns false if there was none. */
  step(): boolean {
    const slot = this.calendar.pop();
    if (slot < 0) return false;
    this.now = this.calendar.lastTime;
    this.eventsExecuted++;
    this.handlers[this.calendar.slotTarget[slot]](this.calendar.slotPayload[slot]);
    return true;
  }

  /** The cold path of `schedule`: throws the error for a bad delay. */
  private rejectDelay(delayMinutes: number, handler: HandlerId): void {
    assertDuration(delayMinutes, `delay for '${this.handlerNames[handler] ?? handler}'`, this.now);
  }

  private checkedDelayTo(atMinutes: number): number {
    if (!(atMinutes >= this.now) || !Number.isFinite(atMinutes)) this.rejectTime(atMinutes, '');
    return atMinutes - this.now;
  }

  /** The cold path of `scheduleAt` and `callAt`: `atMinutes` is in the past or not finite. */
  private rejectTime(atMinutes: number, what: string): never {
    throw new SimulationError(
      Number.isFinite(atMinutes) ? 'scheduled-in-past' : 'invalid-time',
      `cannot schedule ${what}at minute ${String(atMinutes)}: the clock is at ${this.now}`,
      this.now,
    );
  }

  private storeClosure(fn: () => void): number {
    return storeInFreeSlot(this.closures, this.freeClosures, fn);
  }
}

const noop = (): void => {};
