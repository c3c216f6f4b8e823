/** Signals: one-shot events that processes (and callbacks) wait for. */

import { SharedAwaitable } from './awaitable.js';
import { SimulationError } from './errors.js';
import type { Process } from './process.js';

/**
 * A one-shot event that processes can wait for: `yield signal` suspends until `succeed(value)`,
 * then evaluates to the value. Waiting for a signal that has already succeeded continues at once.
 */
export class Signal<T = void> extends SharedAwaitable<T> {
  protected waiters: Process<any>[] | undefined = undefined;
  private callbacks: ((value: T) => void)[] | undefined = undefined;
  private triggeredValue: T | undefined = undefined;
  /** True once `succeed` has been called. */
  triggered = false;

  constructor(
    /** A name for messages. */
    readonly name = 'signal',
  ) {
    super();
  }

  /** The value given to `succeed` (undefined before). */
  get value(): T | undefined {
    return this.triggeredValue;
  }

  /**
   * Triggers the signal: waiting processes resume (through events at the current time, in the
   * order they began waiting) and callbacks run now. A signal succeeds once; a second call throws.
   */
  succeed(value: T): void {
    if (this.triggered) {
      throw new SimulationError('invalid-state', `signal '${this.name}' has already succeeded`);
    }
    this.triggered = true;
    this.triggeredValue = value;
    this.releaseWaiters(value, true);
    const callbacks = this.callbacks;
    this.callbacks = undefined;
    if (callbacks !== undefined) for (const fn of callbacks) fn(value);
  }

  /** Runs `fn(value)` when the signal succeeds (at once if it already has): the callback-style wait. */
  subscribe(fn: (value: T) => void): void {
    if (this.triggered) fn(this.triggeredValue as T);
    else (this.callbacks ??= []).push(fn);
  }

  /** @internal */
  _isReady(): boolean {
    return this.triggered;
  }
  /** @internal */
  _value(): T {
    return this.triggeredValue as T;
  }
}
