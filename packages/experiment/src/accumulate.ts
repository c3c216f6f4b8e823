/**
 * Per-arm accumulation in replication order. Replications may finish in any order (workers), but
 * each arm folds its records strictly by replication index, so every mean, interval and merged
 * histogram is the same bits whatever the number of workers — and the same as a later merge of
 * shards. Daily series are folded into running moments and then dropped (unless kept for
 * series.csv), so memory does not grow with the number of days × replications.
 */
import type { DailySeries, HistogramValue, MetricValue, ReplicationRecord, SeriesKey } from './types.js';

/** Running mean and sum of squared deviations (Welford) of one day of one series, over replications. */
export interface DailyMoments {
  keys: SeriesKey[];
  days: number;
  dates: string[];
  /** Replications with a finite value, per cell (key-major, like DailySeries.values). */
  count: Float64Array;
  mean: Float64Array;
  m2: Float64Array;
}

/** Histogram counts summed over replications. */
export interface MergedHistogram {
  metric: string;
  scope: string;
  binWidth: number;
  counts: number[];
  /** Replications merged. */
  replications: number;
}

/** Everything kept for one arm. */
export class ArmAccumulator {
  /** Metric rows of each folded replication, by replication index. */
  readonly metrics: (readonly MetricValue[])[] = [];
  /** Per-replication daily series (only when asked to keep them). */
  readonly series: DailySeries[] = [];
  daily: DailyMoments | undefined;
  readonly histograms = new Map<string, MergedHistogram>();
  eventsExecuted = 0;
  /** Replications folded so far (0 … folded−1). */
  folded = 0;
  private readonly pending = new Map<number, ReplicationRecord>();

  constructor(private readonly keepSeries: boolean) {}

  /** Takes a record in any order; folds every record that is now next in line. */
  add(record: ReplicationRecord): void {
    if (record.replication < this.folded || this.pending.has(record.replication)) {
      throw new Error(`replication ${record.replication} of arm ${record.arm} arrived twice`);
    }
    this.pending.set(record.replication, record);
    for (let next = this.pending.get(this.folded); next !== undefined; next = this.pending.get(this.folded)) {
      this.pending.delete(this.folded);
      this.fold(next);
      this.folded++;
    }
  }

  private fold(record: ReplicationRecord): void {
    this.metrics.push(record.metrics);
    this.eventsExecuted += record.eventsExecuted ?? 0;
    if (record.daily !== undefined) {
      this.foldDaily(record.daily);
      if (this.keepSeries) this.series.push(record.daily);
    }
    for (const h of record.histograms ?? []) this.foldHistogram(h);
  }

  private foldDaily(d: DailySeries): void {
    if (this.daily === undefined) {
      const cells = d.keys.length * d.days;
      this.daily = {
        keys: d.keys.map((k) => ({ metric: k.metric, scope: k.scope })),
        days: d.days,
        dates: [...d.dates],
        count: new Float64Array(cells),
        mean: new Float64Array(cells),
        m2: new Float64Array(cells),
      };
    }
    const acc = this.daily;
    if (d.days !== acc.days || !sameKeys(d.keys, acc.keys)) {
      throw new Error('daily series of one arm differ in layout between replications');
    }
    for (let i = 0; i < acc.count.length; i++) {
      const x = d.values[i];
      if (!Number.isFinite(x)) continue;
      const n = ++acc.count[i];
      const delta = x - acc.mean[i];
      acc.mean[i] += delta / n;
      acc.m2[i] += delta * (x - acc.mean[i]);
    }
  }

  private foldHistogram(h: HistogramValue): void {
    const key = `${h.metric}\u0000${h.scope}`;
    let merged = this.histograms.get(key);
    if (merged === undefined) {
      merged = { metric: h.metric, scope: h.scope, binWidth: h.binWidth, counts: [], replications: 0 };
      this.histograms.set(key, merged);
    }
    if (merged.binWidth !== h.binWidth) {
      throw new Error(`histogram ${h.metric}@${h.scope}: bin widths differ between replications`);
    }
    for (let i = 0; i < h.counts.length; i++) merged.counts[i] = (merged.counts[i] ?? 0) + h.counts[i];
    for (let i = 0; i < merged.counts.length; i++) merged.counts[i] ??= 0;
    merged.replications++;
  }
}

function sameKeys(a: readonly SeriesKey[], b: readonly SeriesKey[]): boolean {
  return a.length === b.length && a.every((k, i) => k.metric === b[i].metric && k.scope === b[i].scope);
}
