import { describe, expect, it } from 'vitest';
import { EdStream, Stage } from '../src/flow/patients.js';
import { miniIcsConfig } from '../src/mini-ics.js';
import { runSystem, startSystemRun } from '../src/run.js';
import { fixedIcsStaffing } from './fixed-staffing.js';
import { pairedCi, metricValue as value } from './paired.js';

const shortMini = (days = 90) => {
  const c = miniIcsConfig();
  c.durationDays = days;
  c.warmupDays = 30;
  return c;
};

describe('system flow on the mini ICS (fixed staffing double)', () => {
  it('conserves patients: every arrival has left or is in exactly one place', () => {
    const config = shortMini(40);
    const run = startSystemRun(config, { seed: 11, replication: 0 }, fixedIcsStaffing());
    for (const untilDay of [5, 17.3, 40, 70]) {
      run.sim.run(untilDay * 1440);
      const f = run.flow;
      const entered = f.arrivals.ed + f.arrivals.direct + f.arrivals.initial;
      const d = f.departures;
      const left = d.edDischarged + d.edLeftWithoutBeingSeen + d.edAdmittedElsewhere + d.wardDischarged;
      const c = f.census();
      const inside = c.edWaiting + c.edTreatment + c.edDecision + c.edBoarding + c.directWaiting + c.inBed;
      expect(entered).toBe(left + inside);
      expect(f.patients.live).toBe(inside);
      // Beds: the census of patients in a bed equals the wards' occupied count.
      expect(c.inBed).toBe(f.occupiedBeds().reduce((a, b) => a + b, 0));
      // ED: patients by stage match the ED's own counters.
      const ed = f.eds[0];
      expect(c.edBoarding).toBe(ed.boarding);
      expect(c.edWaiting + c.edTreatment + c.edDecision + c.edBoarding).toBe(ed.inDepartment);
      // Streamed (minors) patients are seen without a cubicle.
      let minorsSeen = 0;
      for (let id = 0; id < f.patients.capacity; id++) {
        const st = f.patients.stage[id];
        if (
          (st === Stage.edTreatment || st === Stage.edDecision) &&
          f.patients.edStream[id] === EdStream.minors
        )
          minorsSeen++;
      }
      expect(ed.freeCubicles).toBe(
        ed.cfg.cubicles - (c.edTreatment + c.edDecision - minorsSeen) - (c.edBoarding - ed.corridorBoarding),
      );
      expect(ed.freeBoardingSpaces + ed.corridorBoarding).toBe(ed.cfg.boardingSpaces ?? 0);
      expect(ed.freeCubicles).toBeGreaterThanOrEqual(0);
      expect(f.wards[0].occupied).toBeLessThanOrEqual(f.wards[0].cfg.physicalBeds);
      // Delayed patients are in beds.
      expect(c.inBedFit).toBe(f.wards.reduce((a, w) => a + w.nctr, 0));
      // Specialty groups: occupied beds add up, and outliers waited at least the threshold.
      const ward = f.wards[0];
      expect(ward.groups.length).toBe(4);
      // Beds being turned around after a discharge are taken but hold nobody.
      expect(ward.groups.reduce((a, g) => a + g.occupied, 0)).toBe(ward.occupied + ward.bedsTurningAround);
      expect(ward.groups.reduce((a, g) => a + g.queue.length, 0)).toBe(ward.waiting);
      expect(ward.groups.reduce((a, g) => a + g.beds, 0)).toBe(ward.emergencyBeds);
      const P = f.patients;
      for (let id = 0; id < P.capacity; id++) {
        const inBed = P.stage[id] >= Stage.wardClinical;
        if (!inBed || P.source[id] === 2 || P.bedGroup[id] === P.group[id]) continue;
        expect(P.bedAt[id] - P.decisionAt[id]).toBeGreaterThanOrEqual(ward.outlieAfterMinutes - 1e-6);
      }
    }
    expect(Stage.free).toBe(0);
  });

  it('specialty pools: never outlying keeps every patient in a bed of their own specialty', () => {
    const never = shortMini(60);
    for (const w of never.acuteWards) delete w.outlieAfterMinutes;
    const outlying = shortMini(60);
    const a = runSystem(never, { seed: 5, replication: 0 }, fixedIcsStaffing());
    const b = runSystem(outlying, { seed: 5, replication: 0 }, fixedIcsStaffing());
    expect(value(a.metrics, 'admissions.outlierShare')).toBe(0);
    expect(value(b.metrics, 'admissions.outlierShare')).toBeGreaterThan(0);
    // One pool (no specialties) reports no outliers either.
    const pooled = shortMini(10);
    for (const w of pooled.acuteWards) delete w.specialties;
    const c = runSystem(pooled, { seed: 5, replication: 0 }, fixedIcsStaffing());
    expect(value(c.metrics, 'admissions.outlierShare')).toBe(0);
  });

  it('is reproducible with a seed and differs between replications', () => {
    const config = shortMini(30);
    const a = runSystem(config, { seed: 'repro', replication: 2 }, fixedIcsStaffing());
    const b = runSystem(config, { seed: 'repro', replication: 2 }, fixedIcsStaffing());
    const c = runSystem(config, { seed: 'repro', replication: 3 }, fixedIcsStaffing());
    expect(b.metrics).toEqual(a.metrics);
    expect(b.eventsExecuted).toBe(a.eventsExecuted);
    expect(c.metrics).not.toEqual(a.metrics);
  });

  it('common random numbers: each arriving patient has the same attributes under different staffing', () => {
    const config = shortMini(20);
    const attributes = (edDay: number, staffedShare: number): string[] => {
      const run = startSystemRun(
        config,
        { seed: 9, replication: 0 },
        fixedIcsStaffing(1, { 'trustA|ed': { day: edDay, night: edDay } }, staffedShare),
      );
      const f = run.flow;
      const P = f.patients;
      const out: string[] = [];
      // Step event by event and record each new ED arrival's attributes as it is created.
      let seen = f.eds[0].arrivals;
      while (run.sim.now < 20 * 1440 && run.sim.step()) {
        const ed = f.eds[0];
        if (ed.arrivals > seen) {
          seen = ed.arrivals;
          // The newest ED patient is the last one queued or started; find it by its arrival time = now.
          for (let id = 0; id < P.capacity; id++) {
            if (P.stage[id] !== Stage.free && P.source[id] === 0 && P.arrivalAt[id] === run.sim.now) {
              out.push(
                [
                  run.sim.now.toFixed(6),
                  P.admit[id],
                  P.treatmentMinutes[id].toFixed(6),
                  // A stay is drawn only for a patient admitted to a ward here.
                  ...(P.admit[id] === 1 && P.wardAdmit[id] === 1
                    ? [P.pathway[id], P.clinicalLosMinutes[id].toFixed(6)]
                    : []),
                ].join('|'),
              );
              break;
            }
          }
        }
      }
      return out;
    };
    const a = attributes(3, 0.9);
    const b = attributes(8, 0.99);
    expect(a.length).toBeGreaterThan(1000);
    expect(b).toEqual(a);
  });

  it("Little's law holds in ED: mean patients in department = arrival rate × mean time in department", () => {
    const config = shortMini(120);
    const r = runSystem(config, { seed: 21, replication: 0 }, fixedIcsStaffing());
    const inDept = value(r.metrics, 'ed.patientsInDepartmentCount', 'mean');
    const attendances = value(r.metrics, 'ed.attendancesCount', 'total');
    const meanMinutes = value(r.metrics, 'ed.timeInDepartmentMinutes', 'mean');
    const predicted = (attendances / (config.durationDays * 1440)) * meanMinutes;
    // Edge effects (patients present at the period's ends) are a few hours out of 120 days.
    expect(Math.abs(inDept - predicted) / predicted).toBeLessThan(0.03);
  });

  it('more social care capacity lowers delayed-discharge bed-days and ED boarding (paired over replications)', () => {
    const config = shortMini(120);
    const nctrDiffs: number[] = [];
    const boardingDiffs: number[] = [];
    for (let rep = 0; rep < 6; rep++) {
      // Tight carer supply against generous supply, same replication (common random numbers).
      const tight = runSystem(config, { seed: 'social', replication: rep }, fixedIcsStaffing(0.75));
      const ample = runSystem(config, { seed: 'social', replication: rep }, fixedIcsStaffing(1.3));
      nctrDiffs.push(
        value(tight.metrics, 'nctr.bedDays', 'total') - value(ample.metrics, 'nctr.bedDays', 'total'),
      );
      boardingDiffs.push(
        value(tight.metrics, 'ed.boardingPatientsCount', 'mean') -
          value(ample.metrics, 'ed.boardingPatientsCount', 'mean'),
      );
    }
    const nctr = pairedCi(nctrDiffs);
    const boarding = pairedCi(boardingDiffs);
    expect(nctr.mean - nctr.half).toBeGreaterThan(0);
    expect(boarding.mean - boarding.half).toBeGreaterThan(0);
  });

  it('more beds mean fewer 12-hour waits (paired over replications)', () => {
    const base = shortMini(90);
    const more = shortMini(90);
    more.acuteWards[0].physicalBeds += 20;
    const diffs: number[] = [];
    for (let rep = 0; rep < 6; rep++) {
      const a = runSystem(base, { seed: 'beds', replication: rep }, fixedIcsStaffing(1, {}, 1));
      const b = runSystem(more, { seed: 'beds', replication: rep }, fixedIcsStaffing(1, {}, 1));
      diffs.push(
        value(a.metrics, 'ed.twelveHourFromArrivalCount', 'total') -
          value(b.metrics, 'ed.twelveHourFromArrivalCount', 'total'),
      );
    }
    const ci = pairedCi(diffs);
    expect(ci.mean - ci.half).toBeGreaterThan(0);
  });

  it('reports only registered metric ids, shares within [0, 1]', async () => {
    const { metricDefinition } = await import('../src/metrics.js');
    const r = runSystem(shortMini(30), { seed: 1, replication: 0, dailySeries: true }, fixedIcsStaffing());
    for (const row of [...r.metrics, ...r.daily]) {
      expect(metricDefinition(row.metricId), row.metricId).toBeDefined();
      expect(Number.isFinite(row.value), `${row.metricId} ${row.scope}`).toBe(true);
      if (row.metricId.endsWith('Share')) {
        expect(row.value).toBeGreaterThanOrEqual(0);
        expect(row.value).toBeLessThanOrEqual(1);
      }
    }
    expect(r.daily.filter((d) => d.metricId === 'ed.fourHourShare' && d.scope === 'ics')).toHaveLength(30);
  });
});
