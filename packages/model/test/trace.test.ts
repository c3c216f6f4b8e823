import type { TraceRecord } from '@carepool/engine';
import { describe, expect, it } from 'vitest';
import type { PolicyId } from '../src/config.js';
import type { MetricRow } from '../src/contracts.js';
import { miniIcsConfig } from '../src/mini-ics.js';
import { runSystem, startSystemRun } from '../src/run.js';

/** Three simulated days without warm-up, so every record falls in the reported period. */
const shortMini = (policy: PolicyId = 'siloed') => {
  const c = miniIcsConfig();
  c.warmupDays = 0;
  c.durationDays = 3;
  c.workforce.policy = policy;
  return c;
};

const total = (rows: MetricRow[], id: string): number => {
  const row = rows.find((r) => r.metricId === id && r.scope === 'ics' && r.statistic === 'total');
  if (row === undefined) throw new Error(`no row ${id}`);
  return row.value;
};

const counts = (records: TraceRecord[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const r of records) m.set(r.event, (m.get(r.event) ?? 0) + 1);
  return m;
};

const expectNonDecreasing = (records: TraceRecord[]): void => {
  for (let i = 1; i < records.length; i++) {
    if (records[i].timeMinutes < records[i - 1].timeMinutes) {
      throw new Error(`record ${i} at ${records[i].timeMinutes} after one at ${records[i - 1].timeMinutes}`);
    }
  }
};

const ED_DEPARTURES = ['ed.discharged', 'ed.transferred', 'ed.leftWithoutBeingSeen', 'ed.toWard'];

describe('event trace of a system run', () => {
  it('is in time order, one ED arrival record per arrival and one departure record per attendance', () => {
    const records: TraceRecord[] = [];
    const run = startSystemRun(shortMini(), { seed: 9, replication: 0, trace: (r) => records.push(r) });
    run.sim.run(run.endMinutes);
    expectNonDecreasing(records);
    const n = counts(records);
    for (const event of [
      'ed.arrival',
      'ed.assessmentStart',
      'ed.decisionToAdmit',
      'ed.toWard',
      'ward.admission',
      'ward.medicallyFit',
      'ward.discharge',
      'carePackage.start',
      'shift.start',
      'bank.fill',
      'agency.fill',
    ]) {
      expect(n.get(event) ?? 0, event).toBeGreaterThan(0);
    }
    expect(n.get('ed.arrival')).toBe(run.flow.arrivals.ed);
    const departures = ED_DEPARTURES.reduce((a, e) => a + (n.get(e) ?? 0), 0);
    const result = runSystem(shortMini(), { seed: 9, replication: 0 });
    expect(departures).toBe(total(result.metrics, 'ed.attendancesCount'));
    expect(n.get('bank.fill')).toBe(total(result.metrics, 'staffing.bankShiftsCount'));
    expect(n.get('agency.fill')).toBe(total(result.metrics, 'staffing.agencyShiftsCount'));
    expect(n.get('ed.toWard')).toBe(n.get('ed.decisionToAdmit')! - run.flow.eds[0].boarding);
    const patient = records.find((r) => r.event === 'ed.arrival')!;
    expect(patient.entity).toMatch(/^patient\d+$/);
    expect(patient.resource).toBe('trustA.ed');
    expect(records.find((r) => r.event === 'shift.start')?.resource).toMatch(/^\w+\/\w+$/);
  });

  it('traces system-bank fills and staff moves, one record per member-shift, as the metrics count them', () => {
    for (const policy of ['systemBank', 'dischargeFirst'] as const) {
      const records: TraceRecord[] = [];
      const result = runSystem(shortMini(policy), { seed: 9, replication: 0, trace: (r) => records.push(r) });
      const fills = records.filter((r) => r.event === 'systemBank.fill');
      expect(fills.length).toBeGreaterThan(0);
      expect(fills[0].entity).toMatch(/^systemBank\./);
      // Without a warm-up every record falls in the reported period.
      expect(fills.length).toBe(total(result.metrics, 'staffing.systemBankShiftsCount'));
    }
    // Passport moves need staff above the retained minimum, which the tight mini rosters seldom have.
    const config = shortMini('staffPassport');
    config.workforce.staffPools = config.workforce.staffPools.map((p) => ({
      ...p,
      minimumRetainedShare: 0.5,
    }));
    const records: TraceRecord[] = [];
    const result = runSystem(config, { seed: 9, replication: 0, trace: (r) => records.push(r) });
    const moves = records.filter((r) => r.event === 'staff.move');
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.length).toBe(total(result.metrics, 'redeployment.movesCount'));
  });

  it('with the tracer on or off, a run gives identical results (tracing draws no random numbers)', () => {
    const off = runSystem(shortMini('staffPassport'), { seed: 4, replication: 1, dailySeries: true });
    let seen = 0;
    const on = runSystem(shortMini('staffPassport'), {
      seed: 4,
      replication: 1,
      dailySeries: true,
      trace: () => {
        seen++;
      },
    });
    expect(seen).toBeGreaterThan(1000);
    expect(JSON.stringify(on)).toBe(JSON.stringify(off));
  });
});
