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

/** A unit with a daily series holding (at least) the names `K`. */
type DaySeriesOf<K extends string> = { day: { of(name: K): Float64Array } };

/** Inputs that read the unit's own daily series of the same names (engine `DailySeries`). */
function fromDaySeries<K extends string>(
  ...names: K[]
): Record<K, (u: DaySeriesOf<K>, day: number) => number> {
  return Object.fromEntries(
    names.map((name) => [name, (u: DaySeriesOf<K>, d: number) => u.day.of(name)[d]]),
  ) as Record<K, (u: DaySeriesOf<K>, day: number) => number>;
}

/** Every daily flow metric, in the order a day's rows list them. */
const FLOW_DAILY: readonly DailyGroup<unknown, string>[] = [
  group({
    units: (flow) => flow.eds,
    organisation: (e) => e.organisationId,
    inputs: fromDaySeries(
      'attendances',
      'within4h',
      'over12h',
      'dtaOver12h',
      'timeToBedSum',
      'timeToBedCount',
      'handovers',
      'handoversOver60',
      'inDepartmentMean',
    ),
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
      ...fromDaySeries('occupied', 'staffed', 'nctr', 'admissions', 'discharges', 'opel4Hours'),
      physicalBeds: (w) => w.cfg.physicalBeds,
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
    inputs: fromDaySeries('boardingMean'),
    metrics: [{ id: 'ed.boardingPatientsCount', value: (s) => s.boardingMean }],
  }),
  group({
    units: (flow) => flow.wards,
    organisation: (w) => w.organisationId,
    inputs: fromDaySeries('nctrBedDays'),
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
    inputs: fromDaySeries('appointments', 'waitSum', 'unmet'),
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
