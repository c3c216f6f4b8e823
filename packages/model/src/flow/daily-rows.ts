/**
 * The daily series patient flow produces (reported days only), per organisation and for the whole
 * system, from the per-day series of each unit (engine `DailySeries`).
 */
import type { DailyRow } from '../contracts.js';
import type { SystemFlow } from './system-flow.js';

/** The daily series patient flow produces, for reported days only. */
export function flowDailyRows(flow: SystemFlow, warmupDays: number, reportedDays: number): DailyRow[] {
  const rows: DailyRow[] = [];
  const cal = flow.calendar;
  const push = (day: number, metricId: string, scope: string, value: number): void => {
    if (!Number.isNaN(value))
      rows.push({ day: day - warmupDays, date: cal.isoDate(day), metricId, scope, value });
  };
  for (let d = warmupDays; d < warmupDays + reportedDays; d++) {
    const edScope = new Map<string, number[]>();
    const all = [0, 0, 0, 0, 0, 0, 0];
    for (const e of flow.eds) {
      const v = [
        e.day.of('attendances')[d],
        e.day.of('within4h')[d],
        e.day.of('over12h')[d],
        e.day.of('dtaOver12h')[d],
        e.day.of('timeToBedSum')[d],
        e.day.of('timeToBedCount')[d],
        e.day.of('inDepartmentMean')[d],
      ];
      const acc = edScope.get(e.organisationId) ?? [0, 0, 0, 0, 0, 0, 0];
      for (let i = 0; i < v.length; i++) {
        acc[i] += v[i];
        all[i] += v[i];
      }
      edScope.set(e.organisationId, acc);
    }
    for (const [scope, v] of [['ics', all] as const, ...edScope]) {
      push(d, 'ed.attendancesCount', scope, v[0]);
      push(d, 'ed.fourHourShare', scope, v[0] > 0 ? v[1] / v[0] : Number.NaN);
      push(d, 'ed.twelveHourFromArrivalShare', scope, v[0] > 0 ? v[2] / v[0] : Number.NaN);
      push(d, 'ed.decisionToAdmitOver12hCount', scope, v[3]);
      push(d, 'ed.timeToBedMinutes', scope, v[5] > 0 ? v[4] / v[5] : Number.NaN);
      push(d, 'ed.patientsInDepartmentCount', scope, v[6]);
    }
    const wAll = [0, 0, 0, 0, 0, 0, 0];
    const wScope = new Map<string, number[]>();
    for (const w of flow.wards) {
      const v = [
        w.day.of('occupied')[d],
        w.cfg.physicalBeds,
        w.day.of('staffed')[d],
        w.day.of('nctr')[d],
        w.day.of('admissions')[d],
        w.day.of('discharges')[d],
        w.day.of('opel4Hours')[d],
      ];
      const acc = wScope.get(w.organisationId) ?? [0, 0, 0, 0, 0, 0, 0];
      for (let i = 0; i < v.length; i++) {
        acc[i] += v[i];
        wAll[i] += v[i];
      }
      wScope.set(w.organisationId, acc);
    }
    const trusts = flow.wards.length;
    for (const [scope, v] of [['ics', wAll] as const, ...wScope]) {
      push(d, 'beds.occupancyShare', scope, v[0] / v[1]);
      push(d, 'beds.staffedBedsCount', scope, v[2]);
      push(d, 'nctr.patientsCount', scope, v[3]);
      push(d, 'nctr.bedShare', scope, v[3] / v[1]);
      push(d, 'admissions.emergencyCount', scope, v[4]);
      push(d, 'discharges.patientsCount', scope, v[5]);
      push(d, 'escalation.opel4Share', scope, v[6] / 24 / (scope === 'ics' ? trusts : 1));
    }
    for (const [scope, v] of sumByScope(
      flow.eds,
      (e) => e.organisationId,
      (e) => e.day.of('boardingMean')[d],
    )) {
      push(d, 'ed.boardingPatientsCount', scope, v);
    }
    for (const [scope, v] of sumByScope(
      flow.wards,
      (w) => w.organisationId,
      (w) => w.day.of('nctrBedDays')[d],
    )) {
      push(d, 'nctr.bedDays', scope, v);
    }
    const hcs = flow.authorities.flatMap((a) =>
      a.homeCare === undefined ? [] : [{ org: a.organisationId, day: a.homeCare.day }],
    );
    for (const [scope, v] of sumByScope(
      hcs,
      (x) => x.org,
      (x) => x.day[d],
    ))
      push(d, 'carePackage.waitingCount', scope, v);
    const pls = flow.authorities.flatMap((a) =>
      [a.stepDown, a.careHome].flatMap((p) =>
        p === undefined ? [] : [{ org: a.organisationId, day: p.day }],
      ),
    );
    for (const [scope, v] of sumByScope(
      pls,
      (x) => x.org,
      (x) => x.day[d],
    ))
      push(d, 'placement.waitingCount', scope, v);
    let gAll = [0, 0, 0];
    for (const g of flow.gps) {
      const v = [g.day.of('appointments')[d], g.day.of('waitSum')[d], g.day.of('unmet')[d]];
      gAll = gAll.map((x, i) => x + v[i]);
      push(d, 'gp.appointmentsCount', g.cfg.organisationId, v[0]);
      push(d, 'gp.appointmentWaitDays', g.cfg.organisationId, v[0] > 0 ? v[1] / v[0] : Number.NaN);
      push(d, 'gp.unmetRequestsCount', g.cfg.organisationId, v[2]);
    }
    if (flow.gps.length > 0) {
      push(d, 'gp.appointmentsCount', 'ics', gAll[0]);
      push(d, 'gp.appointmentWaitDays', 'ics', gAll[0] > 0 ? gAll[1] / gAll[0] : Number.NaN);
      push(d, 'gp.unmetRequestsCount', 'ics', gAll[2]);
    }
  }
  return rows;
}

/** Sums of a value over units, for the ICS and per organisation (ICS first). */
function sumByScope<T>(
  units: readonly T[],
  org: (u: T) => string,
  value: (u: T) => number,
): [string, number][] {
  const byOrg = new Map<string, number>();
  let all = 0;
  for (const u of units) {
    const v = value(u);
    byOrg.set(org(u), (byOrg.get(org(u)) ?? 0) + v);
    all += v;
  }
  if (units.length === 0) return [];
  return [['ics', all], ...byOrg];
}
