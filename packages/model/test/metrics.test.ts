import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMetricsDoc } from '../scripts/metrics-doc.js';
import { type DailyGroup, FLOW_DAILY_METRIC_IDS } from '../src/flow/daily-rows.js';
import { FLOW_SUMMARY_METRIC_IDS, type FlowMeasure } from '../src/flow/summary.js';
import {
  FLOW_METRICS,
  type FlowMetricId,
  METRICS,
  type MetricId,
  metricDefinition,
  registeredMetric,
  unitFromMetricId,
  type WorkforceMetricId,
} from '../src/metrics.js';
import { WORKFORCE_METRICS } from '../src/metrics-workforce.js';
import { DAILY_METRICS, type WorkforceDailyMetricId } from '../src/workforce/state.js';

describe('metric registry', () => {
  it('ids are unique, carry a unit suffix and never a percentage', () => {
    const ids = METRICS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of METRICS) {
      expect(unitFromMetricId(m.id), m.id).toBe(m.unit);
      expect(m.id).not.toMatch(/Pct|Percent/i);
      expect(m.statistics.length).toBeGreaterThan(0);
      expect(m.definition.length).toBeGreaterThan(20);
    }
  });

  it('includes the measures the issue names', () => {
    const ids = new Set<string>(METRICS.map((m) => m.id));
    for (const id of [
      'ed.fourHourShare',
      'ed.twelveHourFromArrivalShare',
      'ed.decisionToAdmitOver12hCount',
      'ed.timeInDepartmentMinutes',
      'beds.occupancyShare',
      'nctr.bedDays',
      'nctr.patientsCount',
      'carePackage.waitDays',
      'workforce.vacancyShare',
      'workforce.leaversCount',
      'staffing.costGbp',
      'staffing.agencyCostGbp',
      'redeployment.movesCount',
      'escalation.opel4Share',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('docs/metrics.md is generated from the registry (run scripts/write-metrics-doc.ts if this fails)', () => {
    const path = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/metrics.md');
    expect(readFileSync(path, 'utf8')).toBe(renderMetricsDoc());
  });
});

describe('typed metric ids', () => {
  it('producers emit every registered metric exactly once, daily ones in the daily series', () => {
    const flowIds = FLOW_METRICS.map((m) => m.id);
    expect([...FLOW_SUMMARY_METRIC_IDS].sort()).toEqual([...flowIds].sort());
    expect([...FLOW_DAILY_METRIC_IDS].sort()).toEqual(
      FLOW_METRICS.filter((m) => m.daily)
        .map((m) => m.id)
        .sort(),
    );
    const workforceDaily = WORKFORCE_METRICS.filter((m) => m.daily).map((m) => m.id);
    expect(workforceDaily).toEqual(expect.arrayContaining([...DAILY_METRICS]));
  });

  it('a misspelt metric id is a compile error (typecheck runs over this file)', () => {
    const ok: MetricId[] = ['ed.fourHourShare', 'workforce.vacancyShare', 'redeployment.refusedMovesCount'];
    // @ts-expect-error 'ed.fourHourShar' is not a registered metric id
    const typo: MetricId = 'ed.fourHourShar';
    // @ts-expect-error patient flow cannot emit a workforce id
    const wrongProducer: FlowMetricId = 'staffing.agencyShiftsCount';
    // @ts-expect-error the workforce cannot emit a flow id
    const wrongWorkforce: WorkforceMetricId = 'beds.occupancyShare';
    const summaryRow: FlowMeasure<{ n: number }> = {
      // @ts-expect-error the summary table takes registered flow ids only
      id: 'ed.timeInDepartmentMinute',
      sum: (u) => u.n,
    };
    const dailyRow: DailyGroup<{ n: number }, 'n'>['metrics'][number] = {
      // @ts-expect-error so does the daily table
      id: 'ed.attendanceCount',
      value: (s) => s.n,
    };
    // @ts-expect-error the workforce's daily series takes registered workforce ids only
    const dailyWorkforce: WorkforceDailyMetricId = 'workforce.vacancy';
    expect(registeredMetric(ok[0]).statistics).toEqual(['value']);
    // At run time the misspelt ids are unregistered, and the others belong to the other producer.
    for (const id of [typo, summaryRow.id, dailyRow.id, dailyWorkforce])
      expect(metricDefinition(id), id).toBeUndefined();
    expect(metricDefinition(wrongProducer)?.producer).toBe('workforce');
    expect(metricDefinition(wrongWorkforce)?.producer).toBe('flow');
  });
});
