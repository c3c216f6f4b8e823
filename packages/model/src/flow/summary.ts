/**
 * Turns patient-flow accumulators into tidy metric rows (run summary), per organisation and for the
 * whole system. Ratios for the ICS are pooled (sums of numerators over sums of denominators), never
 * averages of organisations' ratios.
 *
 * What to compute for each metric is one row of `FLOW_SUMMARY` below; which statistics to report is
 * the registry's (metrics.ts). Adding a metric: register it, then add its row here.
 */

import type { BinnedHistogram } from '@carepool/engine';
import { MINUTES_PER_DAY } from '@carepool/engine';
import type { MetricRow, MetricStatistic } from '../contracts.js';
import { type FlowMetricId, registeredMetric } from '../metrics.js';
import type { HomeCareUnit, PlacementUnit } from './care-units.js';
import { histogramsByScope, ICS, type OrganisationOf, sumsByScope } from './scopes.js';
import type { SystemFlow } from './system-flow.js';

/** The reported period, for measures that are time-weighted over it. */
interface Period {
  endMinutes: number;
  /** Minutes from the end of warm-up to the end of the run. */
  spanMinutes: number;
}

/**
 * How one metric is computed from one kind of unit (exactly one of `sum`, `ratio`, `histogram`):
 * `sum` adds a value over the scope's units, `ratio` pools a numerator over a denominator, `histogram`
 * merges the units' histograms and reads the registered statistics off them. `max` (for metrics that
 * register a `max`) adds per organisation; the ICS reports the largest organisation's value.
 */
export interface FlowMeasure<U> {
  id: FlowMetricId;
  sum?: (u: U, period: Period) => number;
  ratio?: [numerator: (u: U) => number, denominator: (u: U) => number];
  histogram?: (u: U) => BinnedHistogram;
  max?: (u: U) => number;
}

/** The units one kind of measure is taken from, and its metrics in the order the rows list them. */
interface UnitGroup<U> {
  units: (flow: SystemFlow) => readonly U[];
  organisation: OrganisationOf<U>;
  metrics: readonly FlowMeasure<U>[];
}

const group = <U>(g: UnitGroup<U>): UnitGroup<unknown> => g as unknown as UnitGroup<unknown>;

/** A social-care queue's wait (days) and the people waiting at the end of each day (mean and peak). */
const queueMeasures = <U>(
  queue: (u: U) => HomeCareUnit | PlacementUnit,
  waitDays: FlowMetricId,
  waitingCount: FlowMetricId,
): FlowMeasure<U>[] => [
  { id: waitDays, histogram: (u) => queue(u).wait },
  {
    id: waitingCount,
    sum: (u) => queue(u).waitingSum / queue(u).endOfDays,
    max: (u) => queue(u).waitingMax,
  },
];

/** Every flow metric's computation, in the order the summary lists the rows. */
const FLOW_SUMMARY: readonly UnitGroup<unknown>[] = [
  group({
    units: (flow) => flow.eds,
    organisation: (e) => e.organisationId,
    metrics: [
      { id: 'ed.attendancesCount', sum: (e) => e.stats.attendances },
      { id: 'ed.fourHourShare', ratio: [(e) => e.stats.within4h, (e) => e.stats.attendances] },
      { id: 'ed.admittedFourHourShare', ratio: [(e) => e.stats.admittedWithin4h, (e) => e.stats.admitted] },
      { id: 'ed.twelveHourFromArrivalShare', ratio: [(e) => e.stats.over12h, (e) => e.stats.attendances] },
      { id: 'ed.twelveHourFromArrivalCount', sum: (e) => e.stats.over12h },
      { id: 'ed.decisionToAdmitOver12hCount', sum: (e) => e.stats.dtaOver12h },
      { id: 'ed.timeInDepartmentMinutes', histogram: (e) => e.stats.timeInDepartment },
      { id: 'ed.timeToClinicianMinutes', histogram: (e) => e.stats.timeToClinician },
      { id: 'ed.timeToBedMinutes', histogram: (e) => e.stats.timeToBed },
      { id: 'ed.leftWithoutBeingSeenShare', ratio: [(e) => e.stats.lwbs, (e) => e.stats.attendances] },
      { id: 'ed.ambulanceHandoverMinutes', histogram: (e) => e.stats.handover },
      {
        id: 'ed.ambulanceHandoverOver60Share',
        ratio: [(e) => e.stats.handoverOver60, (e) => e.stats.handover.count],
      },
      {
        id: 'ed.boardingPatientsCount',
        sum: (e, p) => e.boardingLevel.areaUntil(p.endMinutes) / p.spanMinutes,
        max: (e) => e.boardingLevel.max,
      },
      {
        id: 'ed.patientsInDepartmentCount',
        sum: (e, p) => e.inDepartmentLevel.areaUntil(p.endMinutes) / p.spanMinutes,
        max: (e) => e.inDepartmentLevel.max,
      },
    ],
  }),
  group({
    units: (flow) => flow.wards,
    organisation: (w) => w.organisationId,
    metrics: [
      {
        id: 'beds.occupancyShare',
        ratio: [
          (w) => w.stats.occupancySum * w.cfg.physicalBeds,
          (w) => w.stats.snapshots * w.cfg.physicalBeds,
        ],
        max: (w) => w.stats.occupancyMax,
      },
      { id: 'beds.daysOver92Share', ratio: [(w) => w.stats.daysOver92, (w) => w.stats.snapshots] },
      { id: 'beds.staffedBedsCount', sum: (w) => w.stats.staffedSum / w.stats.snapshots },
      {
        id: 'beds.closedForStaffingCount',
        sum: (w) => w.stats.closedSum / w.stats.snapshots,
        max: (w) => w.stats.closedMax,
      },
      { id: 'admissions.emergencyCount', sum: (w) => w.stats.admissions },
      {
        id: 'admissions.outlierShare',
        ratio: [(w) => w.stats.outlierAdmissions, (w) => w.stats.admissions],
      },
      { id: 'admissions.directWaitMinutes', histogram: (w) => w.stats.directWait },
      { id: 'beds.lengthOfStayDays', histogram: (w) => w.stats.los },
      {
        id: 'nctr.patientsCount',
        sum: (w) => w.stats.nctrSum / w.stats.snapshots,
        max: (w) => w.stats.nctrMax,
      },
      {
        id: 'nctr.bedShare',
        ratio: [(w) => w.stats.nctrSum, (w) => w.stats.snapshots * w.cfg.physicalBeds],
      },
      { id: 'nctr.bedDays', sum: (w, p) => w.nctrLevel.areaUntil(p.endMinutes) / MINUTES_PER_DAY },
      { id: 'nctr.dischargeDelayDays', histogram: (w) => w.stats.dischargeDelay },
      { id: 'nctr.overnightDischargeDelayDays', histogram: (w) => w.stats.overnightDischargeDelay },
      {
        id: 'nctr.longStayPatientsCount',
        sum: (w) => sumOf(w.stats.longStayNctrByPathwaySum) / w.stats.snapshots,
      },
      {
        id: 'nctr.longStayHomeCarePatientsCount',
        sum: (w) => w.stats.longStayNctrByPathwaySum[1] / w.stats.snapshots,
      },
      {
        id: 'nctr.longStayRehabPatientsCount',
        sum: (w) => w.stats.longStayNctrByPathwaySum[2] / w.stats.snapshots,
      },
      {
        id: 'nctr.longStayCareHomePatientsCount',
        sum: (w) => w.stats.longStayNctrByPathwaySum[3] / w.stats.snapshots,
      },
      { id: 'nctr.over21DayStayPatientsCount', sum: (w) => w.stats.over21NctrSum / w.stats.snapshots },
      { id: 'beds.over21DayStayPatientsCount', sum: (w) => w.stats.over21PatientsSum / w.stats.snapshots },
      { id: 'beds.closedForInfectionCount', sum: (w) => w.stats.infectionClosedSum / w.stats.snapshots },
      { id: 'discharges.patientsCount', sum: (w) => w.stats.discharges },
      { id: 'escalation.opel3PlusShare', ratio: [(w) => w.stats.opel3Hours, (w) => w.stats.hours] },
      { id: 'escalation.opel4Share', ratio: [(w) => w.stats.opel4Hours, (w) => w.stats.hours] },
    ],
  }),
  group({
    units: (flow) =>
      flow.authorities.flatMap((a) =>
        a.homeCare === undefined ? [] : [{ org: a.organisationId, hc: a.homeCare }],
      ),
    organisation: (x) => x.org,
    metrics: [
      ...queueMeasures((x: { hc: HomeCareUnit }) => x.hc, 'carePackage.waitDays', 'carePackage.waitingCount'),
      { id: 'carePackage.activeCount', sum: (x) => x.hc.activeSum / x.hc.endOfDays },
      { id: 'homeCare.visitsDeliveredCount', sum: (x) => x.hc.visitsDelivered },
      { id: 'homeCare.visitsUndeliveredCount', sum: (x) => x.hc.visitsUndelivered },
    ],
  }),
  group({
    units: (flow) =>
      flow.authorities.flatMap((a) =>
        [a.stepDown, a.careHome].flatMap((p) => (p === undefined ? [] : [{ org: a.organisationId, p }])),
      ),
    organisation: (x) => x.org,
    metrics: queueMeasures((x: { p: PlacementUnit }) => x.p, 'placement.waitDays', 'placement.waitingCount'),
  }),
  group({
    units: (flow) => flow.authorities.flatMap((a) => a.vcse),
    organisation: (v) => v.cfg.organisationId,
    metrics: [{ id: 'vcse.clientsCount', sum: (v) => v.clients }],
  }),
  group({
    units: (flow) => flow.gps,
    organisation: (g) => g.cfg.organisationId,
    metrics: [
      { id: 'gp.appointmentsCount', sum: (g) => g.appointments },
      { id: 'gp.appointmentWaitDays', ratio: [(g) => g.waitDaysSum, (g) => g.appointments] },
      { id: 'gp.unmetRequestsCount', sum: (g) => g.unmet },
      { id: 'gp.edSpilloverCount', sum: (g) => g.spilled },
    ],
  }),
  group({
    units: (flow) => flow.community,
    organisation: (c) => c.cfg.organisationId,
    metrics: [
      { id: 'community.visitsCount', sum: (c) => c.visits },
      { id: 'community.waitDays', ratio: [(c) => c.waitDaysSum, (c) => c.firstVisits] },
    ],
  }),
];

/** The flow metric ids the summary computes, in row order (a test checks them against the registry). */
export const FLOW_SUMMARY_METRIC_IDS: readonly FlowMetricId[] = FLOW_SUMMARY.flatMap((g) =>
  g.metrics.map((m) => m.id),
);

/** The run summary rows patient flow produces (workforce rows come from the workforce model). */
export function flowMetricRows(flow: SystemFlow): MetricRow[] {
  const rows: MetricRow[] = [];
  const period = { endMinutes: flow.endMinutes, spanMinutes: flow.endMinutes - flow.warmupMinutes };
  for (const g of FLOW_SUMMARY) {
    const units = g.units(flow);
    for (const measure of g.metrics) measureRows(rows, measure, units, g.organisation, period);
  }
  return rows.filter((r) => !Number.isNaN(r.value));
}

/** The rows of one metric: its registered statistics, `ics` first, then each organisation. */
function measureRows<U>(
  rows: MetricRow[],
  measure: FlowMeasure<U>,
  units: readonly U[],
  organisation: OrganisationOf<U>,
  period: Period,
): void {
  const metricId = measure.id;
  const statistics = registeredMetric(metricId).statistics;
  const add = (scope: string, statistic: MetricStatistic, value: number): void => {
    rows.push({ metricId, scope, statistic, value });
  };
  if (measure.histogram !== undefined) {
    for (const [scope, h] of histogramsByScope(units, organisation, measure.histogram))
      for (const statistic of statistics) add(scope, statistic, histogramStatistic(h, statistic));
    return;
  }
  const [statistic, ...rest] = statistics.filter((s) => s !== 'max');
  if (statistic === undefined || rest.length > 0)
    throw new Error(`flow summary: ${metricId} must register exactly one statistic besides 'max'`);
  const { sum, ratio } = measure;
  if (sum !== undefined) {
    for (const [scope, [v]] of sumsByScope(units, organisation, 1, (u) => [sum(u, period)]))
      add(scope, statistic, v);
  } else if (ratio !== undefined) {
    const [num, den] = ratio;
    for (const [scope, [n, d]] of sumsByScope(units, organisation, 2, (u) => [num(u), den(u)]))
      add(scope, statistic, d > 0 ? n / d : Number.NaN);
  }
  if (statistics.includes('max')) maxRows(add, measure, units, organisation);
}

/**
 * The `max` rows: per organisation the sum of its units' maxima; for the ICS the largest
 * organisation's value (a lower bound of the system maximum).
 */
function maxRows<U>(
  add: (scope: string, statistic: MetricStatistic, value: number) => void,
  measure: FlowMeasure<U>,
  units: readonly U[],
  organisation: OrganisationOf<U>,
): void {
  const max = measure.max;
  if (max === undefined) throw new Error(`flow summary: ${measure.id} registers 'max' but has no max`);
  const [, ...byOrganisation] = sumsByScope(units, organisation, 1, (u) => [max(u)]);
  let all = 0;
  for (const [, [v]] of byOrganisation) all = Math.max(all, v);
  add(ICS, 'max', all);
  for (const [scope, [v]] of byOrganisation) add(scope, 'max', v);
}

const sumOf = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Quantile statistics and the probability each reads. */
const QUANTILES: Partial<Record<MetricStatistic, number>> = { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99 };

/** A registered statistic read off a histogram of observations. */
function histogramStatistic(h: BinnedHistogram, statistic: MetricStatistic): number {
  const q = QUANTILES[statistic];
  if (q !== undefined) return h.quantile(q);
  if (statistic === 'max') return h.max;
  if (statistic === 'total') return h.sum;
  return h.mean;
}
