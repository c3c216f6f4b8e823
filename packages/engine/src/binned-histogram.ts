/**
 * A histogram with bins of one fixed width from 0 — for distributions that are pooled by adding
 * counts across replications, arms and organisations (so every accumulator of one measure must have
 * the same bin edges) and drawn as bars. The log-linear `Histogram` is the better choice for
 * percentiles alone: its error is relative and it needs no range. Here the range is
 * [0, binWidth × binCount); the last bin is open-ended and holds everything beyond it.
 */
import { SimulationError } from './errors.js';
import { badValue, requireQuantileLevel } from './monitors.js';

export interface BinnedHistogramOptions {
  /** Width of every bin, in the unit of the values (> 0), e.g. 5 for 5-minute bins. */
  binWidth: number;
  /** Number of bins (an integer ≥ 1); the last is open-ended. */
  binCount: number;
}

/** Count, sum, max and fixed-width bins of non-negative observations; merges exactly. */
export class BinnedHistogram {
  /** Width of one bin, in the unit of the values. */
  readonly binWidth: number;
  /** Observations per bin: bin i holds [i × binWidth, (i + 1) × binWidth); the last holds the rest. */
  readonly counts: Float64Array;
  private n = 0;
  private total = 0;
  private highest = Number.NEGATIVE_INFINITY;

  constructor(options: BinnedHistogramOptions) {
    const { binWidth, binCount } = options;
    if (!(binWidth > 0) || !Number.isFinite(binWidth)) {
      throw new SimulationError(
        'invalid-parameter',
        `BinnedHistogram: binWidth must be a finite number > 0; got ${String(binWidth)}`,
      );
    }
    if (!Number.isInteger(binCount) || binCount < 1) {
      throw new SimulationError(
        'invalid-parameter',
        `BinnedHistogram: binCount must be an integer ≥ 1; got ${String(binCount)}`,
      );
    }
    this.binWidth = binWidth;
    this.counts = new Float64Array(binCount);
  }

  /** Records one value (finite, ≥ 0). */
  record(value: number): void {
    if (!(value >= 0) || value === Number.POSITIVE_INFINITY) badValue('BinnedHistogram (≥ 0)', value);
    this.n++;
    this.total += value;
    if (value > this.highest) this.highest = value;
    const counts = this.counts;
    let i = Math.floor(value / this.binWidth);
    if (i >= counts.length) i = counts.length - 1;
    counts[i]++;
  }

  /** Number of values recorded. */
  get count(): number {
    return this.n;
  }
  /** Exact sum of the values. */
  get sum(): number {
    return this.total;
  }
  /** Exact mean (NaN when empty). */
  get mean(): number {
    return this.n > 0 ? this.total / this.n : Number.NaN;
  }
  /** Exact largest value (NaN when empty). */
  get max(): number {
    return this.n > 0 ? this.highest : Number.NaN;
  }

  /**
   * The q-quantile, q in [0, 1]: the bin where the cumulative count reaches q × n, interpolated
   * linearly within it (so the error is at most one bin width); the open-ended last bin answers its
   * lower edge. NaN when empty.
   */
  quantile(q: number): number {
    requireQuantileLevel(q, 'BinnedHistogram');
    if (this.n === 0) return Number.NaN;
    const target = q * this.n;
    const counts = this.counts;
    const last = counts.length - 1;
    let cumulative = 0;
    for (let i = 0; i <= last; i++) {
      const next = cumulative + counts[i];
      if (next >= target && counts[i] > 0) {
        if (i === last) return i * this.binWidth;
        return (i + (target - cumulative) / counts[i]) * this.binWidth;
      }
      cumulative = next;
    }
    return this.highest;
  }

  /** Adds another histogram's observations (same bin width and count), exactly. */
  merge(other: BinnedHistogram): this {
    if (other.binWidth !== this.binWidth || other.counts.length !== this.counts.length) {
      throw new SimulationError(
        'invalid-parameter',
        `BinnedHistogram.merge: bins differ (${other.counts.length} of ${other.binWidth} into ${this.counts.length} of ${this.binWidth})`,
      );
    }
    this.n += other.n;
    this.total += other.total;
    if (other.highest > this.highest) this.highest = other.highest;
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += other.counts[i];
    return this;
  }

  /** An empty histogram with the same bins. */
  emptyCopy(): BinnedHistogram {
    return new BinnedHistogram({ binWidth: this.binWidth, binCount: this.counts.length });
  }

  /** Forgets everything (e.g. at the end of warm-up). */
  reset(): void {
    this.n = 0;
    this.total = 0;
    this.highest = Number.NEGATIVE_INFINITY;
    this.counts.fill(0);
  }

  /** The counts without the trailing empty bins, as plain numbers (for JSON and charts). */
  trimmedCounts(): number[] {
    let end = this.counts.length;
    while (end > 0 && this.counts[end - 1] === 0) end--;
    return Array.from(this.counts.subarray(0, end));
  }
}
