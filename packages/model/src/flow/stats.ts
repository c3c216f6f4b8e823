/**
 * Small accumulators for patient-flow measures. Samples go into fixed-width histograms so
 * percentiles cost nothing per observation and accumulators of several units merge exactly.
 */

/** Observations of one measure: count, sum, max and a fixed-width histogram for percentiles. */
export class SampleStat {
  count = 0;
  sum = 0;
  max = 0;
  /** Observations per bin; the last bin holds everything beyond the range. */
  readonly bins: Float64Array;

  constructor(
    /** Width of one histogram bin, in the measure's unit. */
    readonly binWidth: number,
    binCount: number,
  ) {
    this.bins = new Float64Array(binCount);
  }

  add(value: number): void {
    this.count++;
    this.sum += value;
    if (value > this.max) this.max = value;
    let i = Math.floor(value / this.binWidth);
    if (i >= this.bins.length) i = this.bins.length - 1;
    else if (i < 0) i = 0;
    this.bins[i]++;
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : Number.NaN;
  }

  /** The p-quantile (0–1), interpolated linearly within the bin; NaN when empty. */
  quantile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const target = p * this.count;
    let cumulative = 0;
    const bins = this.bins;
    for (let i = 0; i < bins.length; i++) {
      const next = cumulative + bins[i];
      if (next >= target && bins[i] > 0) {
        if (i === bins.length - 1) return Math.max(i * this.binWidth, Math.min(this.max, i * this.binWidth));
        const within = (target - cumulative) / bins[i];
        return (i + within) * this.binWidth;
      }
      cumulative = next;
    }
    return this.max;
  }

  /** Adds another accumulator's observations (same bin layout). */
  merge(other: SampleStat): void {
    this.count += other.count;
    this.sum += other.sum;
    if (other.max > this.max) this.max = other.max;
    for (let i = 0; i < this.bins.length; i++) this.bins[i] += other.bins[i];
  }

  /** An empty accumulator with the same layout. */
  emptyCopy(): SampleStat {
    return new SampleStat(this.binWidth, this.bins.length);
  }
}

/**
 * A level that changes at events (patients boarding, beds occupied), averaged over time from a
 * start instant (the end of warm-up) onwards. Call `update` with the new level at each change.
 */
export class LevelStat {
  private level = 0;
  private lastAt = 0;
  private area = 0;
  private startAt = 0;
  private areaBeforeStart = 0;
  max = 0;

  /** Begins accumulating at `atMinutes` (levels before it are not counted). */
  startAccumulating(atMinutes: number): void {
    this.areaBeforeStart += this.areaUntil(atMinutes);
    this.area = 0;
    this.lastAt = atMinutes;
    this.startAt = atMinutes;
    this.max = this.level;
  }

  update(atMinutes: number, level: number): void {
    this.area += this.level * (atMinutes - this.lastAt);
    this.lastAt = atMinutes;
    this.level = level;
    if (level > this.max) this.max = level;
  }

  /** Accumulated level × minutes up to `atMinutes`. */
  areaUntil(atMinutes: number): number {
    return this.area + this.level * (atMinutes - this.lastAt);
  }

  /**
   * Removes one unit of level over [fromMinutes, toMinutes): for departures noticed late (a patient
   * who left without being seen is found gone only when reached in the queue).
   */
  removeRetroactively(fromMinutes: number, toMinutes: number): void {
    const before = Math.max(0, Math.min(toMinutes, this.startAt) - fromMinutes);
    const after = Math.max(0, toMinutes - Math.max(fromMinutes, this.startAt));
    this.areaBeforeStart -= before;
    this.area -= after;
  }

  /** Level × minutes accumulated since time 0, warm-up included (for per-day differences). */
  rawAreaUntil(atMinutes: number): number {
    return this.areaBeforeStart + this.areaUntil(atMinutes);
  }

  /** Time-weighted mean from the start of accumulation to `atMinutes`. */
  meanUntil(atMinutes: number): number {
    const span = atMinutes - this.startAt;
    return span > 0 ? this.areaUntil(atMinutes) / span : this.level;
  }

  get current(): number {
    return this.level;
  }
}
