/**
 * What a process can wait for: the `Awaitable` contract, and `SharedAwaitable`, the awaitables any
 * number of processes wait on together (a `Process` to finish, a `Signal` to succeed).
 */

/**
 * What an awaitable needs of a process waiting for it: a way to wake it. `Process` is one; naming
 * only this keeps this file from importing process.ts, which imports it.
 */
export interface WaitingProcess {
  /** @internal Resumes the process with `value`, now or through an event at the current time. */
  _wake(value: unknown, immediately: boolean): void;
}

/** Something a process can `yield` to wait for; the `yield` evaluates to `T`. */
export abstract class Awaitable<T = unknown> {
  /** @internal True when a process yielding this would continue at once. */
  abstract _isReady(): boolean;
  /** @internal The value a ready awaitable gives the process. */
  abstract _value(): T;
  /** @internal Records `process` as waiting; it is woken with `process._wake(value, ...)`. */
  abstract _addWaiter(process: WaitingProcess): void;
  /** @internal Withdraws `process` (it was interrupted while waiting). */
  abstract _removeWaiter(process: WaitingProcess): void;
}

/**
 * An awaitable whose waiting processes are woken together, through events at the current time, in
 * the order they began waiting.
 */
export abstract class SharedAwaitable<T> extends Awaitable<T> {
  // Declared by each subclass as a class field: a base class without fields has a default
  // constructor, which V8 skips (see waiter.ts), so creating a process costs no extra call.
  /** @internal The processes waiting, in the order they began to. */
  protected abstract waiters: WaitingProcess[] | undefined;

  /** Forgets the waiting processes, waking them with `value` unless `wake` is false. */
  protected releaseWaiters(value: T, wake: boolean): void {
    const waiters = this.waiters;
    this.waiters = undefined;
    if (wake && waiters !== undefined) for (const w of waiters) w._wake(value, false);
  }

  /** @internal */
  _addWaiter(process: WaitingProcess): void {
    (this.waiters ??= []).push(process);
  }
  /** @internal */
  _removeWaiter(process: WaitingProcess): void {
    removeFrom(this.waiters, process);
  }
}

/** Removes the first occurrence of `item`, keeping order. */
function removeFrom<T>(list: T[] | undefined, item: T): void {
  if (list === undefined) return;
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}
