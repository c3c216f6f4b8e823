/**
 * The waiter protocol of the engine's one-shot requests — a `Resource`'s `Request`, a `Level`'s
 * `LevelRequest` and a `UnitPool`'s `UnitRequest` — written once:
 * - `state` starts 'waiting'; any other state is settled (granted, done, reneged, withdrawn, ...),
 *   and a process that yields a settled request continues at once with the request as the value;
 * - at most one process waits on a request: a second one is an error (it would never be resumed);
 * - settling resumes the waiting process at once, inside the call that settled it (no extra event);
 * - a process interrupted while it waits takes a still-waiting request out of its queue.
 */

import { Awaitable } from './awaitable.js';
import { SimulationError } from './errors.js';
import type { Process } from './process.js';

export abstract class Waiter<Self, State extends string> extends Awaitable<Self> {
  // Both fields are class fields of each subclass, not of this class: a base class without fields
  // has a default constructor, which V8 skips, so creating a request costs no extra constructor
  // call (measured on W1's process style). Each subclass declares `state` ('waiting') as its first
  // field and `waiter` (undefined) after its grant or completion fields: third in `Request` and
  // `LevelRequest`, fourth in `UnitRequest` (its `patienceEvent` after).
  /** Lifecycle; 'waiting' until granted (or done), then never 'waiting' again unless handed back. */
  abstract state: State | 'waiting';
  /** @internal The process suspended on this request. */
  abstract waiter: Process<any> | undefined;

  /** @internal What the request is, for messages (e.g. "request 3 of resource 'beds'"). */
  protected abstract describe(): string;
  /** @internal Takes the still-waiting request out of its queue (its process was interrupted). */
  protected abstract leaveQueue(): void;

  /** @internal Resumes the waiting process, if any, with this request as the `yield`'s value. */
  protected resumeWaiter(): void {
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
  _value(): Self {
    return this as unknown as Self;
  }
  /** @internal */
  _addWaiter(process: Process<any>): void {
    if (this.waiter !== undefined && this.waiter !== process) {
      throw new SimulationError(
        'invalid-state',
        `${this.describe()} is already awaited by process '${this.waiter.name}'; only one process may wait on a request`,
      );
    }
    this.waiter = process;
  }
  /** @internal The waiting process was interrupted: a request still waiting leaves its queue. */
  _removeWaiter(process: Process<any>): void {
    if (this.waiter === process) this.waiter = undefined;
    if (this.state === 'waiting') this.leaveQueue();
  }
}
