/**
 * The event calendar: a binary min-heap over typed arrays, ordered by (time, priority, sequence).
 *
 * The sequence number is the insertion order, so events at the same time and priority run first in,
 * first out — simultaneous events are deterministic without any random tie-break. Priority and
 * sequence are packed into one float64 key (priority in the high bits), which keeps the hot
 * comparison to two numbers and the heap free of per-event objects.
 *
 * Entries refer to a *slot*: a small record (target, payload) kept in parallel typed arrays and
 * reused through a free list, so a long run does not allocate per event.
 */
import { SimulationError } from './errors.js';
import { siftLastDown } from './triple-heap.js';
import { grown } from './typed-arrays.js';

/** Lowest and highest event priority; lower numbers run first among events at the same time. */
export const MIN_PRIORITY = -1024;
export const MAX_PRIORITY = 1023;
const PRIORITY_OFFSET = 1024;
/** 2^42 sequence numbers fit below one priority step (over 4e12 events per run). */
const SEQ_SPAN = 2 ** 42;
/** Generations wrap at 2^28 (an even number, so parity survives) to keep event ids below 2^53. */
const GENERATION_MASK = 0x0fffffff;

export class EventCalendar {
  // heap arrays (a triple heap, see triple-heap.ts); slots are small integers held as float64 so
  // that the calendar and the resources' queues share one monomorphic siftLastDown
  private heapTime = new Float64Array(256);
  private heapKey = new Float64Array(256);
  private heapSlot = new Float64Array(256);
  private size = 0;
  private nextSeq = 0;

  // slot arrays
  /** What to run: an index the owner interprets (a handler id), or -1 for none. */
  slotTarget = new Int32Array(256);
  /** A number passed to the target. */
  slotPayload = new Float64Array(256);
  /** Generation of the slot, bumped on each reuse; a cancelled slot holds an odd generation. */
  private slotGeneration = new Uint32Array(256);
  private freeSlots = new Int32Array(256);
  private freeCount = 0;
  private slotCount = 0;

  /** Time of the most recently popped event. */
  lastTime = 0;

  get pendingCount(): number {
    return this.size - this.cancelledPending;
  }
  private cancelledPending = 0;

  /** Time of the next event, or +Infinity when the calendar is empty. */
  peekTime(): number {
    this.dropCancelledTop();
    return this.size > 0 ? this.heapTime[0] : Number.POSITIVE_INFINITY;
  }

  /**
   * Adds an event and returns its id (slot and generation packed), usable with `cancel`.
   * The caller has already validated `time`.
   */
  push(time: number, priority: number, target: number, payload: number): number {
    // Checked apart (and only off the normal priority 0) to keep `push` small enough to inline.
    if (priority !== 0) checkPriority(priority);
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount] : this.newSlot();
    this.slotTarget[slot] = target;
    this.slotPayload[slot] = payload;
    const key = (priority + PRIORITY_OFFSET) * SEQ_SPAN + this.nextSeq++;
    if (this.size === this.heapTime.length) this.growHeap();
    // triple-heap.ts's siftUp written out: calling it from here (the push every event makes,
    // inlined into the model's handlers) cost 9% more instructions per W1 callback customer
    // (cachegrind), where sharing siftLastDown below costs nothing measurable.
    const T = this.heapTime;
    const K = this.heapKey;
    const S = this.heapSlot;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = T[p];
      if (tp < time || (tp === time && K[p] < key)) break;
      T[i] = tp;
      K[i] = K[p];
      S[i] = S[p];
      i = p;
    }
    T[i] = time;
    K[i] = key;
    S[i] = slot;
    return this.slotGeneration[slot] * 0x1000000 + slot;
  }

  /** Cancels a pending event; returns false if it already ran or was cancelled. */
  cancel(eventId: number): boolean {
    const slot = eventId % 0x1000000;
    const generation = Math.floor(eventId / 0x1000000);
    if (slot >= this.slotCount || this.slotGeneration[slot] !== generation || (generation & 1) === 1)
      return false;
    // An odd generation marks the slot cancelled; it is freed when the heap pops it.
    this.slotGeneration[slot] = (generation + 1) & GENERATION_MASK;
    this.cancelledPending++;
    return true;
  }

  /**
   * Removes the next live event and returns its slot, or -1 if none. The slot's target and payload
   * stay readable until the next `push`; `lastTime` holds its time.
   */
  pop(): number {
    for (;;) {
      if (this.size === 0) return -1;
      const slot = this.popTop();
      const generation = this.slotGeneration[slot];
      if ((generation & 1) === 1) {
        this.cancelledPending--;
        this.slotGeneration[slot] = (generation + 1) & GENERATION_MASK;
        this.freeSlot(slot);
        continue;
      }
      this.slotGeneration[slot] = (generation + 2) & GENERATION_MASK;
      this.freeSlot(slot);
      return slot;
    }
  }

  /**
   * The run loop's single call per event: like `pop`, but returns -2 (leaving the event in place)
   * when the next live event lies after `limit`; -1 when the calendar is empty.
   */
  popUntil(limit: number): number {
    for (;;) {
      if (this.size === 0) return -1;
      const slot = this.heapSlot[0];
      const generation = this.slotGeneration[slot];
      if ((generation & 1) === 1) {
        this.popTop();
        this.cancelledPending--;
        this.slotGeneration[slot] = (generation + 1) & GENERATION_MASK;
        this.freeSlot(slot);
        continue;
      }
      if (this.heapTime[0] > limit) return -2;
      this.popTop();
      this.slotGeneration[slot] = (generation + 2) & GENERATION_MASK;
      this.freeSlot(slot);
      return slot;
    }
  }

  private dropCancelledTop(): void {
    while (this.size > 0 && (this.slotGeneration[this.heapSlot[0]] & 1) === 1) {
      const slot = this.popTop();
      this.cancelledPending--;
      this.slotGeneration[slot] = (this.slotGeneration[slot] + 1) & GENERATION_MASK;
      this.freeSlot(slot);
    }
  }

  private popTop(): number {
    const top = this.heapSlot[0];
    this.lastTime = this.heapTime[0];
    const n = --this.size;
    if (n > 0) siftLastDown(this.heapTime, this.heapKey, this.heapSlot, n);
    return top;
  }

  /** A never-used slot (the free list is empty). */
  private newSlot(): number {
    if (this.slotCount === this.slotTarget.length) this.growSlots();
    if (this.slotCount >= 0x1000000) {
      throw new SimulationError('capacity-exceeded', 'more than 16,777,216 events pending at once');
    }
    return this.slotCount++;
  }

  private freeSlot(slot: number): void {
    this.freeSlots[this.freeCount++] = slot;
  }

  private growHeap(): void {
    this.heapTime = grown(this.heapTime);
    this.heapKey = grown(this.heapKey);
    this.heapSlot = grown(this.heapSlot);
  }

  private growSlots(): void {
    this.slotTarget = grown(this.slotTarget);
    this.slotPayload = grown(this.slotPayload);
    this.slotGeneration = grown(this.slotGeneration);
    this.freeSlots = grown(this.freeSlots);
  }
}

function checkPriority(priority: number): void {
  if (!(priority >= MIN_PRIORITY && priority <= MAX_PRIORITY) || (priority | 0) !== priority) {
    throwInvalidPriority(priority);
  }
}

// Error paths live outside the hot methods, which keeps those small enough for V8 to inline
// into the caller's handler (measured: see docs/performance.md).
function throwInvalidPriority(priority: number): never {
  throw new SimulationError(
    'invalid-parameter',
    `event priority must be an integer in [${MIN_PRIORITY}, ${MAX_PRIORITY}]; got ${priority}`,
  );
}
