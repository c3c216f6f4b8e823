import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMetricsDoc } from '../scripts/metrics-doc.js';
import { METRICS, unitFromMetricId } from '../src/metrics.js';

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
    const ids = new Set(METRICS.map((m) => m.id));
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
