/**
 * A log-linear histogram of non-negative values for percentiles with a bounded relative error;
 * part of the streaming monitors (see monitors.ts for the conventions they share).
 */
import { SimulationError } from './errors.js';
import { requireCount, requireNumber, requireQuantileLevel } from './monitors.js';

// Histogram: log-linear buckets read straight from the bits of the double, HDR-style.
//
// A positive double's high 32-bit word holds the sign (0), the 11-bit exponent and the top 20
// mantissa bits. `hi >>> 13` keeps exponent + top 7 mantissa bits, so each power of two is split
// into 128 equal sub-buckets: bucket width ≤ 1/128 of the bucket's lower edge. Reporting the
// bucket midpoint therefore has relative error < 1/256 ≈ 0.39% for every positive normal double,
// with no Math.log on the hot path. Buckets are (low, high]: a value exactly on an edge (any number
// with at most 8 significant bits, e.g. the integers up to 256 and 240, 360, 480, 720, 1440) goes
// in the bucket below, so `fractionAtOrBelow` at such an edge is exact.

/** Sub-bucket bits per power of two (128 sub-buckets). Part of the data format. */
export const HISTOGRAM_SUB_BUCKET_BITS = 7;
/** Bound on the relative error of `Histogram.quantile` against the exact sample quantile. */
export const HISTOGRAM_RELATIVE_ERROR = 1 / 256;

const SHIFT = 20 - HISTOGRAM_SUB_BUCKET_BITS;
const LOW_MASK = (1 << SHIFT) - 1;
const bitsF64 = new Float64Array(1);
const bitsU32 = new Uint32Array(bitsF64.buffer);
/** Index of the high word of a double in `bitsU32` (1 on little-endian platforms). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** Lower edge of bucket `index` (the double whose high word is index << SHIFT and low word 0). */
function bucketLowerEdge(index: number): number {
  bitsU32[HI] = index << SHIFT;
  bitsU32[LO] = 0;
  return bitsF64[0];
}

/** Plain-data form of a `Histogram`; `min`/`max` are null when empty. */
export interface HistogramData {
  subBucketBits: number;
  count: number;
  zeroCount: number;
  sum: number;
  min: number | null;
  max: number | null;
  /** Bucket index of `counts[0]`. */
  firstIndex: number;
  counts: number[];
}

/**
 * Distribution of non-negative values (durations in minutes, lengths of stay in days) for
 * percentiles and "share within target". Relative error of quantiles < 1/256 (0.39%); memory grows
 * with the range of the values (128 buckets per doubling, e.g. ~3,000 buckets for 0.01 to 10⁵),
 * never with their number. Mean, min and max are exact.
 */
export class Histogram {
  private n = 0;
  private zeros = 0;
  private total = 0;
  private lowest = Number.POSITIVE_INFINITY;
  private highest = Number.NEGATIVE_INFINITY;
  private firstIndex = 0;
  private counts = new Float64Array(0);

  /** Records one value (finite, ≥ 0). */
  record(value: number): void {
    if (!(value >= 0) || value === Number.POSITIVE_INFINITY) this.rejectValue(value);
    this.n++;
    this.total += value;
    if (value < this.lowest) this.lowest = value;
    if (value > this.highest) this.highest = value;
    if (value === 0) {
      this.zeros++;
      return;
    }
    bitsF64[0] = value;
    const hi = bitsU32[HI];
    let index = hi >>> SHIFT;
    if ((hi & LOW_MASK) === 0 && bitsU32[LO] === 0) index--;
    const slot = index - this.firstIndex;
    if (slot < 0 || slot >= this.counts.length) this.grow(index);
    this.counts[index - this.firstIndex]++;
  }

  private rejectValue(value: number): never {
    throw new SimulationError(
      'invalid-parameter',
      `Histogram: recorded value must be a finite number ≥ 0; got ${String(value)}`,
    );
  }

  /** Widens the bucket array to include `index`, with an octave of slack on the growing side. */
  private grow(index: number): void {
    const slack = 1 << HISTOGRAM_SUB_BUCKET_BITS;
    const oldFirst = this.firstIndex;
    const oldLength = this.counts.length;
    let first: number;
    let end: number;
    if (oldLength === 0) {
      first = Math.max(index - slack, 0);
      end = index + slack;
    } else {
      first = index < oldFirst ? Math.max(index - slack, 0) : oldFirst;
      end = index >= oldFirst + oldLength ? index + slack : oldFirst + oldLength;
    }
    const counts = new Float64Array(end - first);
    if (oldLength > 0) counts.set(this.counts, oldFirst - first);
    this.counts = counts;
    this.firstIndex = first;
  }

  /** Number of values recorded. */
  get count(): number {
    return this.n;
  }
  /** Exact mean of the values (NaN when empty). */
  get mean(): number {
    return this.n === 0 ? Number.NaN : this.total / this.n;
  }
  /** Exact smallest value (NaN when empty). */
  get min(): number {
    return this.n === 0 ? Number.NaN : this.lowest;
  }
  /** Exact largest value (NaN when empty). */
  get max(): number {
    return this.n === 0 ? Number.NaN : this.highest;
  }

  /**
   * The q-quantile, q in [0, 1]: the ⌈q·n⌉-th smallest value (the smallest for q = 0), within
   * relative error 1/256. NaN when empty.
   */
  quantile(q: number): number {
    requireQuantileLevel(q, 'Histogram');
    if (this.n === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(q * this.n));
    if (rank <= this.zeros) return 0;
    if (rank === this.n) return this.highest;
    let seen = this.zeros;
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        const index = this.firstIndex + i;
        const low = bucketLowerEdge(index);
        const high = bucketLowerEdge(index + 1);
        const mid = low + (high - low) / 2;
        return Math.min(Math.max(mid, this.lowest), this.highest);
      }
    }
    return this.highest;
  }

  /**
   * Share of values ≤ x. Exact when x is a bucket edge (any number with at most 8 significant bits,
   * such as 240 minutes); otherwise the bucket containing x is split by linear interpolation.
   */
  fractionAtOrBelow(x: number): number {
    if (Number.isNaN(x)) throw new SimulationError('invalid-parameter', 'Histogram: fractionAtOrBelow(NaN)');
    if (this.n === 0) return Number.NaN;
    if (x < 0) return 0;
    if (x >= this.highest) return 1;
    if (x === 0) return this.zeros / this.n;
    bitsF64[0] = x;
    const hi = bitsU32[HI];
    let index = hi >>> SHIFT;
    if ((hi & LOW_MASK) === 0 && bitsU32[LO] === 0) index--;
    let below = this.zeros;
    const counts = this.counts;
    const stop = Math.min(index - this.firstIndex, counts.length);
    for (let i = 0; i < stop; i++) below += counts[i];
    const slot = index - this.firstIndex;
    if (slot >= 0 && slot < counts.length && counts[slot] > 0) {
      const low = bucketLowerEdge(index);
      const high = bucketLowerEdge(index + 1);
      below += (counts[slot] * (x - low)) / (high - low);
    }
    return below / this.n;
  }

  /** Adds another histogram's counts to this one (exact: the result is as if all were recorded here). */
  merge(other: Histogram): this {
    if (other.n === 0) return this;
    const otherCounts = other.counts;
    // Widen to cover the other's occupied range.
    let firstUsed = -1;
    let lastUsed = -1;
    for (let i = 0; i < otherCounts.length; i++) {
      if (otherCounts[i] > 0) {
        if (firstUsed < 0) firstUsed = i;
        lastUsed = i;
      }
    }
    if (firstUsed >= 0) {
      const lo = other.firstIndex + firstUsed;
      const hi = other.firstIndex + lastUsed;
      if (this.counts.length === 0 || lo < this.firstIndex) this.grow(lo);
      if (hi >= this.firstIndex + this.counts.length) this.grow(hi);
      for (let i = firstUsed; i <= lastUsed; i++)
        this.counts[other.firstIndex + i - this.firstIndex] += otherCounts[i];
    }
    this.n += other.n;
    this.zeros += other.zeros;
    this.total += other.total;
    if (other.lowest < this.lowest) this.lowest = other.lowest;
    if (other.highest > this.highest) this.highest = other.highest;
    return this;
  }

  /** Forgets everything (e.g. at the end of warm-up); keeps the allocated buckets. */
  reset(): void {
    this.n = 0;
    this.zeros = 0;
    this.total = 0;
    this.lowest = Number.POSITIVE_INFINITY;
    this.highest = Number.NEGATIVE_INFINITY;
    this.counts.fill(0);
  }

  /** Plain data (only the occupied bucket range), for JSON or `postMessage`. */
  toJSON(): HistogramData {
    let first = 0;
    let last = this.counts.length - 1;
    while (first <= last && this.counts[first] === 0) first++;
    while (last >= first && this.counts[last] === 0) last--;
    const empty = this.n === 0;
    return {
      subBucketBits: HISTOGRAM_SUB_BUCKET_BITS,
      count: this.n,
      zeroCount: this.zeros,
      sum: this.total,
      min: empty ? null : this.lowest,
      max: empty ? null : this.highest,
      firstIndex: this.firstIndex + first,
      counts: Array.from(this.counts.subarray(first, last + 1)),
    };
  }

  static fromJSON(data: HistogramData): Histogram {
    if (data?.subBucketBits !== HISTOGRAM_SUB_BUCKET_BITS) {
      throw new SimulationError(
        'invalid-parameter',
        `Histogram.fromJSON: subBucketBits must be ${HISTOGRAM_SUB_BUCKET_BITS}; got ${String(data?.subBucketBits)}`,
      );
    }
    const h = new Histogram();
    h.n = requireCount(data.count, 'Histogram.count');
    h.zeros = requireCount(data.zeroCount, 'Histogram.zeroCount');
    h.total = requireNumber(data.sum, 'Histogram.sum');
    if (!Array.isArray(data.counts)) {
      throw new SimulationError('invalid-parameter', 'Histogram.fromJSON: counts must be an array');
    }
    let bucketTotal = 0;
    data.counts.forEach((c, i) => {
      bucketTotal += requireCount(c, `Histogram.counts[${i}]`);
    });
    if (bucketTotal + h.zeros !== h.n) {
      throw new SimulationError(
        'invalid-parameter',
        `Histogram.fromJSON: bucket counts (${bucketTotal}) + zeros (${h.zeros}) must equal count (${h.n})`,
      );
    }
    h.firstIndex = requireCount(data.firstIndex, 'Histogram.firstIndex');
    h.counts = Float64Array.from(data.counts);
    if (h.n > 0) {
      h.lowest = requireNumber(data.min, 'Histogram.min');
      h.highest = requireNumber(data.max, 'Histogram.max');
    }
    return h;
  }
}
