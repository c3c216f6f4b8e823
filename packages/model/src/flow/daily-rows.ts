/**
 * The daily series patient flow produces (reported days only), per organisation and for the whole
 * system, from the per-day series of each unit (engine `DailySeries`).
 *
 * Each group below names the day's inputs a unit adds to its scope and the metrics computed from
 * those sums. Adding a daily metric: mark it `daily` in the registry, then add its row here.
 */
import type { DailyRow } from '../contracts.js';
import type { FlowMetricId } from '../metrics.js';
import { type OrganisationOf, sumsByScope } from './scopes.js';
import type { SystemFlow } from './system-flow.js';

/** The units of one group, the day's inputs each adds to its scope, and the metrics read off the sums. */
export interface DailyGroup<U, K extends string> {
  units: (flow: SystemFlow) => readonly U[];
  organisation: OrganisationOf<U>;
  /** The value a unit adds to its scope's sum on `day` (day index since the run started). */
  inputs: Record<K, (u: U, day: number) => number>;
  /** Rows per scope, in this order; NaN (e.g. a share of no patients) gives no row. */
  metrics: readonly { id: FlowMetricId; value: (sum: Record<K, number>) => number }[];
  /** Give `ics` rows (of zeros) when there are no units. */
  icsWithoutUnits?: boolean;
  /** List the organisations before `ics` (as general practice always has). */
  icsLast?: boolean;
}

const group = <U, K extends string>(g: DailyGroup<U, K>): DailyGroup<unknown, string> =>
  g as unknown as DailyGroup<unknown, string>;

const share = (part: number, whole: number): number => (whole > 0 ? part / whole : Number.NaN);

/** Every daily flow metric, in the order a day's rows list them. */
const FLOW_DAILY: readonly DailyGroup<unknown, string>[] = [
  group({
    units: (flow) => flow.eds,
    organisation: (e) => e.organisationId,
    inputs: {
      attendances: (e, d) => e.day.of('attendances')[d],
      within4h: (e, d) => e.day.of('within4h')[d],
      over12h: (e, d) => e.day.of('over12h')[d],
      dtaOver12h: (e, d) => e.day.of('dtaOver12h')[d],
      timeToBedSum: (e, d) => e.day.of('timeToBedSum')[d],
      timeToBedCount: (e, d) => e.day.of('timeToBedCount')[d],
      handovers: (e, d) => e.day.of('handovers')[d],
      handoversOver60: (e, d) => e.day.of('handoversOver60')[d],
      inDepartmentMean: (e, d) => e.day.of('inDepartmentMean')[d],
    },
    metrics: [
      { id: 'ed.attendancesCount', value: (s) => s.attendances },
      { id: 'ed.fourHourShare', value: (s) => share(s.within4h, s.attendances) },
      { id: 'ed.twelveHourFromArrivalShare', value: (s) => share(s.over12h, s.attendances) },
      { id: 'ed.decisionToAdmitOver12hCount', value: (s) => s.dtaOver12h },
      { id: 'ed.timeToBedMinutes', value: (s) => share(s.timeToBedSum, s.timeToBedCount) },
      { id: 'ed.ambulanceHandoverOver60Share', value: (s) => share(s.handoversOver60, s.handovers) },
      { id: 'ed.patientsInDepartmentCount', value: (s) => s.inDepartmentMean },
    ],
    icsWithoutUnits: true,
  }),
  group({
    units: (flow) => flow.wards,
    organisation: (w) => w.organisationId,
    inputs: {
      occupied: (w, d) => w.day.of('occupied')[d],
      physicalBeds: (w) => w.cfg.physicalBeds,
      staffed: (w, d) => w.day.of('staffed')[d],
      nctr: (w, d) => w.day.of('nctr')[d],
      admissions: (w, d) => w.day.of('admissions')[d],
      discharges: (w, d) => w.day.of('discharges')[d],
      opel4Hours: (w, d) => w.day.of('opel4Hours')[d],
      trusts: () => 1,
    },
    metrics: [
      { id: 'beds.occupancyShare', value: (s) => s.occupied / s.physicalBeds },
      { id: 'beds.staffedBedsCount', value: (s) => s.staffed },
      { id: 'nctr.patientsCount', value: (s) => s.nctr },
      { id: 'nctr.bedShare', value: (s) => s.nctr / s.physicalBeds },
      { id: 'admissions.emergencyCount', value: (s) => s.admissions },
      { id: 'discharges.patientsCount', value: (s) => s.discharges },
      // Hours at OPEL 4 over the day's hours, mean over trusts.
      { id: 'escalation.opel4Share', value: (s) => s.opel4Hours / 24 / s.trusts },
    ],
    icsWithoutUnits: true,
  }),
  group({
    units: (flow) => flow.eds,
    organisation: (e) => e.organisationId,
    inputs: { boardingMean: (e, d) => e.day.of('boardingMean')[d] },
    metrics: [{ id: 'ed.boardingPatientsCount', value: (s) => s.boardingMean }],
  }),
  group({
    units: (flow) => flow.wards,
    organisation: (w) => w.organisationId,
    inputs: { nctrBedDays: (w, d) => w.day.of('nctrBedDays')[d] },
    metrics: [{ id: 'nctr.bedDays', value: (s) => s.nctrBedDays }],
  }),
  group({
    units: (flow) =>
      flow.authorities.flatMap((a) =>
        a.homeCare === undefined ? [] : [{ org: a.organisationId, day: a.homeCare.day }],
      ),
    organisation: (x) => x.org,
    inputs: { waiting: (x, d) => x.day[d] },
    metrics: [{ id: 'carePackage.waitingCount', value: (s) => s.waiting }],
  }),
  group({
    units: (flow) =>
      flow.authorities.flatMap((a) =>
        [a.stepDown, a.careHome].flatMap((p) =>
          p === undefined ? [] : [{ org: a.organisationId, day: p.day }],
        ),
      ),
    organisation: (x) => x.org,
    inputs: { waiting: (x, d) => x.day[d] },
    metrics: [{ id: 'placement.waitingCount', value: (s) => s.waiting }],
  }),
  group({
    units: (flow) => flow.gps,
    organisation: (g) => g.cfg.organisationId,
    inputs: {
      appointments: (g, d) => g.day.of('appointments')[d],
      waitSum: (g, d) => g.day.of('waitSum')[d],
      unmet: (g, d) => g.day.of('unmet')[d],
    },
    metrics: [
      { id: 'gp.appointmentsCount', value: (s) => s.appointments },
      { id: 'gp.appointmentWaitDays', value: (s) => share(s.waitSum, s.appointments) },
      { id: 'gp.unmetRequestsCount', value: (s) => s.unmet },
    ],
    icsLast: true,
  }),
];

/** The flow metric ids with daily rows, in row order (a test checks them against the registry). */
export const FLOW_DAILY_METRIC_IDS: readonly FlowMetricId[] = FLOW_DAILY.flatMap((g) =>
  g.metrics.map((m) => m.id),
);

/** The daily series patient flow produces, for reported days only. */
export function flowDailyRows(flow: SystemFlow, warmupDays: number, reportedDays: number): DailyRow[] {
  const rows: DailyRow[] = [];
  const groups = FLOW_DAILY.map((g) => ({ g, units: g.units(flow), keys: Object.keys(g.inputs) }));
  for (let d = warmupDays; d < warmupDays + reportedDays; d++) {
    const date = flow.calendar.isoDate(d);
    for (const { g, units, keys } of groups) {
      if (units.length === 0 && g.icsWithoutUnits !== true) continue;
      const scopes = sumsByScope(units, g.organisation, keys.length, (u) =>
        keys.map((k) => g.inputs[k](u, d)),
      );
      if (g.icsLast === true) scopes.push(scopes.shift()!);
      for (const [scope, sums] of scopes) {
        const sum = Object.fromEntries(keys.map((k, i) => [k, sums[i]]));
        for (const m of g.metrics) {
          const value = m.value(sum);
          if (!Number.isNaN(value)) rows.push({ day: d - warmupDays, date, metricId: m.id, scope, value });
        }
      }
    }
  }
  return rows;
}
