/**
 * Wait histograms of one run: the binned observations behind three waits a board report shows, so
 * an experiment can pool replications and arms exactly (add counts) and draw distributions rather
 * than only the means and percentiles of the metric rows.
 */

import type { BinnedHistogram } from '@carepool/engine';
import { ModelError } from '../errors.js';
import type { FlowMetricId } from '../metrics.js';
import { histogramsByScope } from './scopes.js';
import type { SystemFlow } from './system-flow.js';
import type { EdStats, EdUnit } from './units.js';

/** The observations of one wait for one scope, binned from 0 in equal bins. */
export interface WaitHistogram {
  /** The registered metric the histogram belongs to, e.g. `ed.timeToBedMinutes`. */
  metricId: string;
  /** `ics` for the whole system, or an organisation id (as the metric rows use). */
  scope: string;
  /** Unit of `binWidth` and of the bin edges. */
  unit: 'minutes' | 'days';
  /** Width of every bin, in `unit`; fixed per metric, the same in every replication and arm. */
  binWidth: number;
  /**
   * Observations per bin: bin i holds waits in [i × binWidth, (i + 1) × binWidth); the last bin is
   * open-ended (it holds everything from its lower edge up). Trailing empty bins are trimmed, so
   * lengths differ between runs; add counts index by index (padding with 0) to merge.
   */
  counts: number[];
}

interface HistogramSource<T> {
  metricId: FlowMetricId;
  unit: WaitHistogram['unit'];
  units: (flow: SystemFlow) => readonly T[];
  organisation: (u: T) => string;
  stat: (u: T) => BinnedHistogram;
}

const source = <T>(s: HistogramSource<T>): HistogramSource<unknown> => s as HistogramSource<unknown>;

/** A wait in minutes kept by each ED's statistics. */
const edSource = (metricId: FlowMetricId, stat: (s: EdStats) => BinnedHistogram) =>
  source<EdUnit>({
    metricId,
    unit: 'minutes',
    units: (flow) => flow.eds,
    organisation: (e) => e.organisationId,
    stat: (e) => stat(e.stats),
  });

/** The waits with histograms: the same accumulators the metric rows of these ids summarise. */
const SOURCES: readonly HistogramSource<unknown>[] = [
  edSource('ed.timeInDepartmentMinutes', (s) => s.timeInDepartment),
  edSource('ed.timeToBedMinutes', (s) => s.timeToBed),
  source({
    metricId: 'carePackage.waitDays',
    unit: 'days',
    units: (flow) => flow.authorities.filter((a) => a.homeCare !== undefined),
    organisation: (a) => a.organisationId,
    stat: (a) => a.homeCare!.wait,
  }),
];

/** The metric ids that have wait histograms. */
export const WAIT_HISTOGRAM_METRIC_IDS: readonly FlowMetricId[] = SOURCES.map((s) => s.metricId);

/** Histograms of the reported period (after warm-up): per metric, `ics` first, then each organisation. */
export function waitHistograms(flow: SystemFlow): WaitHistogram[] {
  const out: WaitHistogram[] = [];
  for (const s of SOURCES) {
    for (const [scope, stat] of histogramsByScope(s.units(flow), s.organisation, s.stat)) {
      out.push({
        metricId: s.metricId,
        scope,
        unit: s.unit,
        binWidth: stat.binWidth,
        counts: stat.trimmedCounts(),
      });
    }
  }
  return out;
}

/**
 * Pools histograms (of several replications or arms) by metric and scope, adding counts bin by bin.
 * Order: first appearance. Fails on histograms of one metric and scope with different bin widths.
 */
export function mergeWaitHistograms(histograms: readonly WaitHistogram[]): WaitHistogram[] {
  const merged = new Map<string, WaitHistogram>();
  for (const h of histograms) {
    const key = `${h.metricId}\u0000${h.scope}`;
    const into = merged.get(key);
    if (into === undefined) {
      merged.set(key, { ...h, counts: [...h.counts] });
      continue;
    }
    if (into.binWidth !== h.binWidth || into.unit !== h.unit) {
      throw new ModelError(
        `mergeWaitHistograms: ${h.metricId} for scope '${h.scope}' has bins of ${h.binWidth} ${h.unit} and ${into.binWidth} ${into.unit}; expected one bin width`,
      );
    }
    for (let i = 0; i < h.counts.length; i++) {
      if (i < into.counts.length) into.counts[i] += h.counts[i];
      else into.counts.push(h.counts[i]);
    }
  }
  return [...merged.values()];
}
