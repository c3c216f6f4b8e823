import { describe, expect, it } from 'vitest';
import { defaultIcsConfig } from '../src/default-ics.js';
import { miniIcsConfig } from '../src/mini-ics.js';
import { runIcsBenchmark, runSystem } from '../src/run.js';

describe('default and mini ICS with the real workforce', () => {
  it('the default ICS runs a short period end to end and reports flow and workforce rows', () => {
    const config = defaultIcsConfig();
    config.warmupDays = 7;
    config.durationDays = 14;
    const r = runSystem(config, { seed: 'smoke', replication: 0, dailySeries: true });
    const ids = new Set(r.metrics.map((m) => m.metricId));
    for (const id of [
      'ed.fourHourShare',
      'beds.occupancyShare',
      'nctr.bedShare',
      'workforce.vacancyShare',
      'staffing.costGbp',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    const attendances =
      r.metrics.find((m) => m.metricId === 'ed.attendancesCount' && m.scope === 'ics')?.value ?? 0;
    // ~960 type-1 attendances a day across three EDs.
    expect(attendances / 14).toBeGreaterThan(800);
    expect(attendances / 14).toBeLessThan(1100);
    expect(r.simulatedDays).toBe(21);
    expect(r.daily.some((d) => d.metricId === 'workforce.vacancyShare')).toBe(true);
  });

  it('the mini ICS runs with the workforce and is reproducible', () => {
    const config = miniIcsConfig();
    config.durationDays = 30;
    const a = runSystem(config, { seed: 3, replication: 0 });
    const b = runSystem(config, { seed: 3, replication: 0 });
    expect(b.metrics).toEqual(a.metrics);
  });

  it('runIcsBenchmark reports events and simulated days', () => {
    const r = runIcsBenchmark({ years: 0.05, seed: 1 });
    expect(r.simulatedDays).toBe(60 + 18);
    expect(r.eventsExecuted).toBeGreaterThan(100_000);
  });
});
