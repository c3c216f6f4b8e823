import { describe, expect, it } from 'vitest';
import type { MetricRow } from '../src/contracts.js';
import {
  mergeWaitHistograms,
  WAIT_HISTOGRAM_METRIC_IDS,
  type WaitHistogram,
} from '../src/flow/histograms.js';
import { miniIcsConfig } from '../src/mini-ics.js';
import { runSystem, startSystemRun } from '../src/run.js';

const shortMini = () => {
  const c = miniIcsConfig();
  c.durationDays = 30;
  c.warmupDays = 20;
  return c;
};

const row = (rows: MetricRow[], id: string, statistic: string, scope: string): number => {
  const r = rows.find((x) => x.metricId === id && x.statistic === statistic && x.scope === scope);
  if (r === undefined) throw new Error(`no row ${id}/${statistic}/${scope}`);
  return r.value;
};

const find = (hs: WaitHistogram[], id: string, scope: string): WaitHistogram => {
  const h = hs.find((x) => x.metricId === id && x.scope === scope);
  if (h === undefined) throw new Error(`no histogram ${id}/${scope}`);
  return h;
};

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('wait histograms of a system run', () => {
  const result = runSystem(shortMini(), { seed: 7, replication: 0 });

  it('cover the three waits for the ICS and each organisation that has them, in the metric rows’ scopes', () => {
    const keys = result.histograms.map((h) => `${h.metricId}@${h.scope}`);
    expect(keys).toEqual([
      'ed.timeInDepartmentMinutes@ics',
      'ed.timeInDepartmentMinutes@trustA',
      'ed.timeToBedMinutes@ics',
      'ed.timeToBedMinutes@trustA',
      'carePackage.waitDays@ics',
      'carePackage.waitDays@councilNorth',
    ]);
    expect(WAIT_HISTOGRAM_METRIC_IDS).toEqual([
      'ed.timeInDepartmentMinutes',
      'ed.timeToBedMinutes',
      'carePackage.waitDays',
    ]);
    for (const h of result.histograms) {
      expect(result.metrics.some((r) => r.metricId === h.metricId && r.scope === h.scope)).toBe(true);
      expect(h.unit).toBe(h.metricId.endsWith('Days') ? 'days' : 'minutes');
      if (h.counts.length > 0) expect(h.counts[h.counts.length - 1]).toBeGreaterThan(0); // trimmed
    }
  });

  it('counts sum to the observations behind the metric row, and the binned mean matches the row', () => {
    const tid = find(result.histograms, 'ed.timeInDepartmentMinutes', 'ics');
    expect(sum(tid.counts)).toBe(row(result.metrics, 'ed.attendancesCount', 'total', 'ics'));
    expect(sum(find(result.histograms, 'ed.timeInDepartmentMinutes', 'trustA').counts)).toBe(
      row(result.metrics, 'ed.attendancesCount', 'total', 'trustA'),
    );
    // The same run driven by hand: each histogram holds exactly the accumulator's observations.
    const config = shortMini();
    const run = startSystemRun(config, { seed: 7, replication: 0 });
    run.sim.run(run.endMinutes);
    const ed = run.flow.eds[0].stats;
    const hc = run.flow.authorities.find((a) => a.homeCare !== undefined)!.homeCare!.wait;
    const expected: [string, number][] = [
      ['ed.timeInDepartmentMinutes', ed.timeInDepartment.count],
      ['ed.timeToBedMinutes', ed.timeToBed.count],
      ['carePackage.waitDays', hc.count],
    ];
    for (const [id, count] of expected) {
      const h = find(result.histograms, id, 'ics');
      expect(count).toBeGreaterThan(0);
      expect(sum(h.counts)).toBe(count);
      // Bin midpoints give the mean to within half a bin (no observation beyond the binned range here).
      const binnedMean = sum(h.counts.map((c, i) => c * (i + 0.5) * h.binWidth)) / count;
      expect(Math.abs(binnedMean - row(result.metrics, id, 'mean', 'ics'))).toBeLessThanOrEqual(
        h.binWidth / 2,
      );
    }
  });

  it('keep bin widths across replications, so merging two replications adds counts exactly', () => {
    const other = runSystem(shortMini(), { seed: 7, replication: 1 });
    const merged = mergeWaitHistograms([...result.histograms, ...other.histograms]);
    expect(merged).toHaveLength(result.histograms.length);
    for (const m of merged) {
      const a = find(result.histograms, m.metricId, m.scope);
      const b = find(other.histograms, m.metricId, m.scope);
      expect(a.binWidth).toBe(b.binWidth);
      expect(m.binWidth).toBe(a.binWidth);
      expect(m.counts).toHaveLength(Math.max(a.counts.length, b.counts.length));
      m.counts.forEach((c, i) => {
        expect(c).toBe((a.counts[i] ?? 0) + (b.counts[i] ?? 0));
      });
      expect(sum(m.counts)).toBe(sum(a.counts) + sum(b.counts));
    }
    const attendances =
      row(result.metrics, 'ed.attendancesCount', 'total', 'ics') +
      row(other.metrics, 'ed.attendancesCount', 'total', 'ics');
    expect(sum(find(merged, 'ed.timeInDepartmentMinutes', 'ics').counts)).toBe(attendances);
  });

  it('refuses to merge histograms of one metric with different bin widths', () => {
    const h = find(result.histograms, 'ed.timeToBedMinutes', 'ics');
    expect(() => mergeWaitHistograms([h, { ...h, binWidth: 10 }])).toThrow(/bin width/);
  });
});
