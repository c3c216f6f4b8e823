/**
 * The request store under `Resource`: parallel typed arrays of request slots reused through a free
 * list, the holders (tracked only when one may have to lose its unit), and the queue ordered by
 * (priority, sequence) — a ring buffer for the FIFO lane of priority 0 and a binary heap for the rest.
 * A base class rather than a separate object so that the hot path keeps reading `this`'s own fields.
 */
import { SimulationError } from './errors.js';
import type { Process } from './process.js';
import type { GrantHandler, RequestCallbacks, RequestState } from './resource-types.js';
import type { Simulation } from './simulation.js';
import { siftLastDown, siftUp } from './triple-heap.js';
import { grown } from './typed-arrays.js';

export const SLOT_SPAN = 2 ** 24;
// `id & SLOT_MASK` is exact for ids below 2^53 (ToInt32 keeps the low 32 bits), and cheaper than `%`.
export const SLOT_MASK = SLOT_SPAN - 1;
const GENERATION_MASK = 0x0fffffff;
export const FREE = 0;
export const QUEUED = 1;
export const HELD = 2;

/** What the slot store and grant logic need of a process-style request handle (implemented by `Request`). */
export interface SlotRequest {
  state: RequestState;
  readonly owner: Process<any> | undefined;
  _onGranted(now: number): void;
  _onReneged(): void;
}

export abstract class ResourceSlots<T extends SlotRequest> {
  /** The resource's name, for messages and statistics. */
  readonly name: string;
  /** Requests waiting now. */
  queueLength = 0;
  protected readonly sim: Simulation;
  // request slots
  protected slotId = new Float64Array(64);
  protected slotGeneration = new Uint32Array(64);
  protected slotState = new Uint8Array(64);
  protected slotPriority = new Float64Array(64);
  protected slotPayload = new Float64Array(64);
  protected slotRequestedAt = new Float64Array(64);
  protected slotGrantSeq = new Float64Array(64);
  /** The pending patience event of a queued request, else -1 (the value every free slot holds). */
  protected slotPatienceEvent = new Float64Array(64).fill(-1);
  protected slotHolderIndex = new Int32Array(64);
  /** The grant handler of callback-style requests (kept after free: function refs are long-lived). */
  protected slotGrant: (GrantHandler | undefined)[] = [];
  /** The `RequestCallbacks` of a callback-style request, if any. */
  protected slotCallbacks: (RequestCallbacks | undefined)[] = [];
  /** The `Request` handle of a process-style request, if any. */
  protected slotObject: (T | undefined)[] = [];
  /** Holders are tracked only when someone may need to pick one to lose its unit. */
  protected readonly trackHolders: boolean;
  protected freeSlots = new Int32Array(64);
  protected freeCount = 0;
  protected slotCount = 0;
  // holders, unordered (swap-remove)
  protected holders = new Int32Array(64);
  protected holderCount = 0;
  protected grantSeq = 0;
  // The queue, ordered by (priority, sequence), with lazy deletion of withdrawn/reneged ids: a
  // ring buffer (the FIFO lane) holds requests of the default priority 0, which arrive in
  // sequence order, so the common first-come-first-served case is O(1); a binary heap holds the rest.
  protected ringSeq = new Float64Array(64);
  protected ringId = new Float64Array(64);
  protected ringHead = 0;
  protected ringSize = 0;
  protected ringLastSeq = -1;
  protected qPriority = new Float64Array(64);
  protected qSeq = new Float64Array(64);
  protected qId = new Float64Array(64);
  protected qSize = 0;
  protected arrivalSeq = 0;
  /** Area under the queue length, as a running sum (see `ResourceCore`). */
  protected queueAcc = 0;

  constructor(sim: Simulation, name: string, trackHolders: boolean) {
    this.sim = sim;
    this.name = name;
    this.trackHolders = trackHolders;
  }

  /** Records a new holder (only when holders are tracked) with its grant order. */
  protected addHolder(slot: number): void {
    if (this.holderCount === this.holders.length) this.holders = grown(this.holders);
    this.holders[this.holderCount] = slot;
    this.slotHolderIndex[slot] = this.holderCount++;
    this.slotGrantSeq[slot] = this.grantSeq++;
  }

  /** The least urgent holder (most recently granted among equals) with priority above `than`, or -1. */
  protected findVictim(than: number): number {
    let best = -1;
    let bestPriority = Number.NEGATIVE_INFINITY;
    let bestSeq = -1;
    for (let i = 0; i < this.holderCount; i++) {
      const s = this.holders[i];
      const p = this.slotPriority[s];
      if (p > bestPriority || (p === bestPriority && this.slotGrantSeq[s] > bestSeq)) {
        best = s;
        bestPriority = p;
        bestSeq = this.slotGrantSeq[s];
      }
    }
    return best >= 0 && bestPriority > than ? best : -1;
  }

  protected removeHolder(slot: number): void {
    if (!this.trackHolders) return;
    const index = this.slotHolderIndex[slot];
    const last = this.holders[--this.holderCount];
    this.holders[index] = last;
    this.slotHolderIndex[last] = index;
  }

  protected allocSlot(): number {
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount] : this.newSlot();
    this.slotId[slot] = this.slotGeneration[slot] * SLOT_SPAN + slot;
    return slot;
  }

  /** A never-used slot (the free list is empty); apart from `allocSlot` to keep that one small. */
  protected newSlot(): number {
    if (this.slotCount === this.slotId.length) this.growSlots();
    if (this.slotCount >= SLOT_SPAN) {
      throw new SimulationError('capacity-exceeded', `resource '${this.name}': over 2^24 requests at once`);
    }
    return this.slotCount++;
  }

  protected freeSlot(slot: number): void {
    this.slotState[slot] = FREE;
    this.slotId[slot] = -1;
    this.slotGeneration[slot] = (this.slotGeneration[slot] + 1) & GENERATION_MASK;
    if (this.slotObject[slot] !== undefined) this.slotObject[slot] = undefined;
    if (this.slotCallbacks[slot] !== undefined) this.slotCallbacks[slot] = undefined;
    this.freeSlots[this.freeCount++] = slot;
  }

  protected growSlots(): void {
    this.slotId = grown(this.slotId);
    this.slotGeneration = grown(this.slotGeneration);
    this.slotState = grown(this.slotState);
    this.slotPriority = grown(this.slotPriority);
    this.slotPayload = grown(this.slotPayload);
    this.slotRequestedAt = grown(this.slotRequestedAt);
    this.slotGrantSeq = grown(this.slotGrantSeq);
    const patienceFrom = this.slotPatienceEvent.length;
    this.slotPatienceEvent = grown(this.slotPatienceEvent);
    this.slotPatienceEvent.fill(-1, patienceFrom);
    this.slotHolderIndex = grown(this.slotHolderIndex);
    this.freeSlots = grown(this.freeSlots);
  }

  protected enqueue(slot: number, priority: number, seq: number): void {
    if (priority === 0 && seq >= this.ringLastSeq) this.ringPush(slot, seq);
    else this.heapPush(slot, priority, seq);
  }

  protected heapPush(slot: number, priority: number, seq: number): void {
    if (this.qSize === this.qId.length) {
      this.qPriority = grown(this.qPriority);
      this.qSeq = grown(this.qSeq);
      this.qId = grown(this.qId);
    }
    siftUp(this.qPriority, this.qSeq, this.qId, this.qSize++, priority, seq, this.slotId[slot]);
  }

  protected ringPush(slot: number, seq: number): void {
    if (this.ringSize === this.ringId.length) this.growRing();
    const j = (this.ringHead + this.ringSize++) & (this.ringId.length - 1);
    this.ringId[j] = this.slotId[slot];
    this.ringSeq[j] = seq;
    this.ringLastSeq = seq;
  }

  protected growRing(): void {
    const cap = this.ringId.length;
    const ids = new Float64Array(cap * 2);
    const seqs = new Float64Array(cap * 2);
    for (let k = 0; k < this.ringSize; k++) {
      const j = (this.ringHead + k) & (cap - 1);
      ids[k] = this.ringId[j];
      seqs[k] = this.ringSeq[j];
    }
    this.ringId = ids;
    this.ringSeq = seqs;
    this.ringHead = 0;
  }

  /** Removes and returns the slot of the most urgent live queued request, or -1. */
  protected popQueue(): number {
    for (;;) {
      // Take from the ring unless the heap's top comes first: (priority, seq) < (0, ring head's seq).
      if (this.ringSize > 0) {
        const head = this.ringHead;
        if (
          this.qSize === 0 ||
          this.qPriority[0] > 0 ||
          (this.qPriority[0] === 0 && this.qSeq[0] > this.ringSeq[head])
        ) {
          const id = this.ringId[head];
          this.ringHead = (head + 1) & (this.ringId.length - 1);
          this.ringSize--;
          const slot = id & SLOT_MASK;
          if (this.slotId[slot] === id && this.slotState[slot] === QUEUED) {
            this.queueLength--;
            this.queueAcc += this.sim.now;
            return slot;
          }
          continue;
        }
      }
      const slot = this.popHeap();
      if (slot !== -2) return slot;
    }
  }

  /** Pops the heap's top: its slot if live, -2 if stale (try again), -1 if the heap is empty. */
  protected popHeap(): number {
    if (this.qSize > 0) {
      const id = this.qId[0];
      const n = --this.qSize;
      if (n > 0) siftLastDown(this.qPriority, this.qSeq, this.qId, n);
      const slot = id & SLOT_MASK;
      if (this.slotId[slot] === id && this.slotState[slot] === QUEUED) {
        this.queueLength--;
        this.queueAcc += this.sim.now;
        return slot;
      }
      return -2;
    }
    return -1;
  }
}
