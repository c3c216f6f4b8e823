/**
 * One outcome read out of an arm's folded replications: the values of a (metric, scope, statistic)
 * triple by replication, and the triples an arm reported. The analysis and the precision rule both
 * read an arm through these.
 */
import type { ArmAccumulator } from './accumulate.js';
import { type MetricValue, metricKey } from './types.js';

/** A (metric, scope, statistic) triple. */
export interface MetricRef {
  metric: string;
  scope: string;
  statistic: string;
}

const valueIndex = new WeakMap<readonly MetricValue[], Map<string, number>>();

/** The value of `ref` in each folded replication of an arm, by replication index (NaN where absent). */
export function metricValues(acc: ArmAccumulator, ref: MetricRef): number[] {
  const key = metricKey(ref);
  return acc.metrics.map((rows) => {
    let index = valueIndex.get(rows);
    if (index === undefined) {
      index = new Map(rows.map((m) => [metricKey(m), m.value]));
      valueIndex.set(rows, index);
    }
    return index.get(key) ?? Number.NaN;
  });
}

/** The (metric, scope, statistic) triples an arm reported, in the order they first appear. */
export function metricRefs(acc: ArmAccumulator): MetricRef[] {
  const seen = new Map<string, MetricRef>();
  for (const rows of acc.metrics) {
    for (const m of rows) {
      const key = metricKey(m);
      if (!seen.has(key)) seen.set(key, { metric: m.metric, scope: m.scope, statistic: m.statistic });
    }
  }
  return [...seen.values()];
}
