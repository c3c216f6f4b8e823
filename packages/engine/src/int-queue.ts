/**
 * A first-in first-out queue of integers (record ids, slot numbers) on a growable ring buffer: the
 * callback-style model's waiting line when the individuals live in typed arrays and the queue must
 * not allocate per entry. `peek` and `at` read without removing (to compare the heads of several
 * queues, say).
 */
import { SimulationError } from './errors.js';

export class IntQueue {
  private items: Int32Array;
  private head = 0;
  /** Number of ids queued. */
  length = 0;

  /** `initialCapacity`: ids held before the buffer first grows (it doubles when full). */
  constructor(initialCapacity = 64) {
    if (!Number.isInteger(initialCapacity) || initialCapacity < 1) {
      throw new SimulationError(
        'invalid-parameter',
        `IntQueue: initialCapacity must be an integer ≥ 1; got ${String(initialCapacity)}`,
      );
    }
    this.items = new Int32Array(initialCapacity);
  }

  /** Adds `id` (an int32) at the tail. */
  push(id: number): void {
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length) % this.items.length] = id;
    this.length++;
  }

  /** The oldest id (the queue must not be empty). */
  peek(): number {
    return this.items[this.head];
  }

  /** Removes and returns the oldest id (the queue must not be empty). */
  shift(): number {
    const id = this.items[this.head];
    this.head = (this.head + 1) % this.items.length;
    this.length--;
    return id;
  }

  /** The i-th oldest id (0 = the head). */
  at(i: number): number {
    return this.items[(this.head + i) % this.items.length];
  }

  private grow(): void {
    const bigger = new Int32Array(this.items.length * 2);
    for (let i = 0; i < this.length; i++) bigger[i] = this.items[(this.head + i) % this.items.length];
    this.items = bigger;
    this.head = 0;
  }
}
