/**
 * Turns patient-flow accumulators into tidy metric rows (run summary) and daily rows, per
 * organisation and for the whole system. Ratios for the ICS are pooled (sums of numerators over
 * sums of denominators), never averages of organisations' ratios.
 */

import type { BinnedHistogram } from '@carepool/engine';
import { MINUTES_PER_DAY } from '@carepool/engine';
import type { MetricRow, MetricStatistic } from '../contracts.js';
import type { SystemFlow } from './system-flow.js';

const ICS = 'ics';

class RowSink {
  readonly rows: MetricRow[] = [];
  add(metricId: string, scope: string, statistic: MetricStatistic, value: number): void {
    this.rows.push({ metricId, scope, statistic, value });
  }
  /** One row per scope for a sum over units grouped by organisation. */
  totals<T>(
    metricId: string,
    units: readonly T[],
    org: (u: T) => string,
    value: (u: T) => number,
    statistic: MetricStatistic = 'total',
  ): void {
    const byOrg = new Map<string, number>();
    let all = 0;
    for (const u of units) {
      const v = value(u);
      byOrg.set(org(u), (byOrg.get(org(u)) ?? 0) + v);
      all += v;
    }
    this.add(metricId, ICS, statistic, all);
    for (const [o, v] of byOrg) this.add(metricId, o, statistic, v);
  }
  /** Pooled ratio num/den per scope, statistic `value` (or `mean`). */
  ratio<T>(
    metricId: string,
    units: readonly T[],
    org: (u: T) => string,
    num: (u: T) => number,
    den: (u: T) => number,
    statistic: MetricStatistic = 'value',
  ): void {
    const byOrg = new Map<string, [number, number]>();
    let n = 0;
    let d = 0;
    for (const u of units) {
      const e = byOrg.get(org(u)) ?? [0, 0];
      e[0] += num(u);
      e[1] += den(u);
      byOrg.set(org(u), e);
      n += num(u);
      d += den(u);
    }
    this.add(metricId, ICS, statistic, d > 0 ? n / d : Number.NaN);
    for (const [o, [a, b]] of byOrg) this.add(metricId, o, statistic, b > 0 ? a / b : Number.NaN);
  }
  /** Merged histograms per scope: the requested statistics. */
  samples<T>(
    metricId: string,
    units: readonly T[],
    org: (u: T) => string,
    stat: (u: T) => BinnedHistogram,
    statistics: readonly MetricStatistic[],
  ): void {
    const byOrg = new Map<string, BinnedHistogram>();
    let all: BinnedHistogram | undefined;
    for (const u of units) {
      const s = stat(u);
      all ??= s.emptyCopy();
      all.merge(s);
      let o = byOrg.get(org(u));
      if (o === undefined) {
        o = s.emptyCopy();
        byOrg.set(org(u), o);
      }
      o.merge(s);
    }
    if (all === undefined) return;
    const emit = (scope: string, s: BinnedHistogram): void => {
      for (const st of statistics) {
        const v =
          st === 'mean'
            ? s.mean
            : st === 'p50'
              ? s.quantile(0.5)
              : st === 'p90'
                ? s.quantile(0.9)
                : st === 'p95'
                  ? s.quantile(0.95)
                  : st === 'p99'
                    ? s.quantile(0.99)
                    : st === 'max'
                      ? s.max
                      : st === 'total'
                        ? s.sum
                        : s.mean;
        this.add(metricId, scope, st, v);
      }
    };
    emit(ICS, all);
    for (const [o, s] of byOrg) emit(o, s);
  }
}

/** The run summary rows patient flow produces (workforce rows come from the workforce model). */
export function flowMetricRows(flow: SystemFlow): MetricRow[] {
  const sink = new RowSink();
  const end = flow.endMinutes;
  const span = end - flow.warmupMinutes;
  const eds = flow.eds;
  const edOrg = (e: (typeof eds)[number]): string => e.organisationId;
  sink.totals('ed.attendancesCount', eds, edOrg, (e) => e.stats.attendances);
  sink.ratio(
    'ed.fourHourShare',
    eds,
    edOrg,
    (e) => e.stats.within4h,
    (e) => e.stats.attendances,
  );
  sink.ratio(
    'ed.admittedFourHourShare',
    eds,
    edOrg,
    (e) => e.stats.admittedWithin4h,
    (e) => e.stats.admitted,
  );
  sink.ratio(
    'ed.twelveHourFromArrivalShare',
    eds,
    edOrg,
    (e) => e.stats.over12h,
    (e) => e.stats.attendances,
  );
  sink.totals('ed.twelveHourFromArrivalCount', eds, edOrg, (e) => e.stats.over12h);
  sink.totals('ed.decisionToAdmitOver12hCount', eds, edOrg, (e) => e.stats.dtaOver12h);
  sink.samples('ed.timeInDepartmentMinutes', eds, edOrg, (e) => e.stats.timeInDepartment, [
    'mean',
    'p50',
    'p95',
  ]);
  sink.samples('ed.timeToClinicianMinutes', eds, edOrg, (e) => e.stats.timeToClinician, [
    'mean',
    'p50',
    'p95',
  ]);
  sink.samples('ed.timeToBedMinutes', eds, edOrg, (e) => e.stats.timeToBed, ['mean', 'p50', 'p95']);
  sink.ratio(
    'ed.leftWithoutBeingSeenShare',
    eds,
    edOrg,
    (e) => e.stats.lwbs,
    (e) => e.stats.attendances,
  );
  sink.totals('ed.boardingPatientsCount', eds, edOrg, (e) => e.boardingLevel.areaUntil(end) / span, 'mean');
  levelMax(sink, 'ed.boardingPatientsCount', eds, edOrg, (e) => e.boardingLevel.max);
  sink.totals(
    'ed.patientsInDepartmentCount',
    eds,
    edOrg,
    (e) => e.inDepartmentLevel.areaUntil(end) / span,
    'mean',
  );
  levelMax(sink, 'ed.patientsInDepartmentCount', eds, edOrg, (e) => e.inDepartmentLevel.max);

  const wards = flow.wards;
  const wOrg = (w: (typeof wards)[number]): string => w.organisationId;
  sink.ratio(
    'beds.occupancyShare',
    wards,
    wOrg,
    (w) => w.stats.occupancySum * w.cfg.physicalBeds,
    (w) => w.stats.snapshots * w.cfg.physicalBeds,
    'mean',
  );
  levelMax(sink, 'beds.occupancyShare', wards, wOrg, (w) => w.stats.occupancyMax);
  sink.ratio(
    'beds.daysOver92Share',
    wards,
    wOrg,
    (w) => w.stats.daysOver92,
    (w) => w.stats.snapshots,
  );
  sink.totals('beds.staffedBedsCount', wards, wOrg, (w) => w.stats.staffedSum / w.stats.snapshots, 'mean');
  sink.totals(
    'beds.closedForStaffingCount',
    wards,
    wOrg,
    (w) => w.stats.closedSum / w.stats.snapshots,
    'mean',
  );
  levelMax(sink, 'beds.closedForStaffingCount', wards, wOrg, (w) => w.stats.closedMax);
  sink.totals('admissions.emergencyCount', wards, wOrg, (w) => w.stats.admissions);
  sink.ratio(
    'admissions.outlierShare',
    wards,
    wOrg,
    (w) => w.stats.outlierAdmissions,
    (w) => w.stats.admissions,
  );
  sink.samples('admissions.directWaitMinutes', wards, wOrg, (w) => w.stats.directWait, ['mean', 'p95']);
  sink.samples('beds.lengthOfStayDays', wards, wOrg, (w) => w.stats.los, ['mean', 'p50', 'p95']);
  sink.totals('nctr.patientsCount', wards, wOrg, (w) => w.stats.nctrSum / w.stats.snapshots, 'mean');
  levelMax(sink, 'nctr.patientsCount', wards, wOrg, (w) => w.stats.nctrMax);
  sink.ratio(
    'nctr.bedShare',
    wards,
    wOrg,
    (w) => w.stats.nctrSum,
    (w) => w.stats.snapshots * w.cfg.physicalBeds,
    'mean',
  );
  sink.totals('nctr.bedDays', wards, wOrg, (w) => w.nctrLevel.areaUntil(end) / MINUTES_PER_DAY);
  sink.samples('nctr.dischargeDelayDays', wards, wOrg, (w) => w.stats.dischargeDelay, ['mean', 'p50', 'p95']);
  sink.totals('discharges.patientsCount', wards, wOrg, (w) => w.stats.discharges);
  sink.ratio(
    'escalation.opel3PlusShare',
    wards,
    wOrg,
    (w) => w.stats.opel3Hours,
    (w) => w.stats.hours,
  );
  sink.ratio(
    'escalation.opel4Share',
    wards,
    wOrg,
    (w) => w.stats.opel4Hours,
    (w) => w.stats.hours,
  );

  const hcs = flow.authorities.flatMap((a) =>
    a.homeCare === undefined ? [] : [{ org: a.organisationId, hc: a.homeCare }],
  );
  const hOrg = (x: (typeof hcs)[number]): string => x.org;
  sink.samples('carePackage.waitDays', hcs, hOrg, (x) => x.hc.wait, ['mean', 'p95']);
  sink.totals('carePackage.waitingCount', hcs, hOrg, (x) => x.hc.waitingSum / x.hc.endOfDays, 'mean');
  levelMax(sink, 'carePackage.waitingCount', hcs, hOrg, (x) => x.hc.waitingMax);
  sink.totals('carePackage.activeCount', hcs, hOrg, (x) => x.hc.activeSum / x.hc.endOfDays, 'mean');
  sink.totals('homeCare.visitsDeliveredCount', hcs, hOrg, (x) => x.hc.visitsDelivered);
  sink.totals('homeCare.visitsUndeliveredCount', hcs, hOrg, (x) => x.hc.visitsUndelivered);

  const pls = flow.authorities.flatMap((a) =>
    [a.stepDown, a.careHome].flatMap((p) => (p === undefined ? [] : [{ org: a.organisationId, p }])),
  );
  const pOrg = (x: (typeof pls)[number]): string => x.org;
  sink.samples('placement.waitDays', pls, pOrg, (x) => x.p.wait, ['mean', 'p95']);
  sink.totals('placement.waitingCount', pls, pOrg, (x) => x.p.waitingSum / x.p.endOfDays, 'mean');
  levelMax(sink, 'placement.waitingCount', pls, pOrg, (x) => x.p.waitingMax);

  const vcse = flow.authorities.flatMap((a) => a.vcse.map((v) => ({ org: v.cfg.organisationId, v })));
  sink.totals(
    'vcse.clientsCount',
    vcse,
    (x) => x.org,
    (x) => x.v.clients,
  );

  const gps = flow.gps;
  const gOrg = (g: (typeof gps)[number]): string => g.cfg.organisationId;
  sink.totals('gp.appointmentsCount', gps, gOrg, (g) => g.appointments);
  sink.ratio(
    'gp.appointmentWaitDays',
    gps,
    gOrg,
    (g) => g.waitDaysSum,
    (g) => g.appointments,
    'mean',
  );
  sink.totals('gp.unmetRequestsCount', gps, gOrg, (g) => g.unmet);
  sink.totals('gp.edSpilloverCount', gps, gOrg, (g) => g.spilled);

  const cns = flow.community;
  const cOrg = (c: (typeof cns)[number]): string => c.cfg.organisationId;
  sink.totals('community.visitsCount', cns, cOrg, (c) => c.visits);
  sink.ratio(
    'community.waitDays',
    cns,
    cOrg,
    (c) => c.waitDaysSum,
    (c) => c.firstVisits,
    'mean',
  );
  return sink.rows.filter((r) => !Number.isNaN(r.value));
}

/** Maximum per scope (for the ICS: the largest organisation value, a lower bound of the system maximum). */
function levelMax<T>(
  sink: RowSink,
  metricId: string,
  units: readonly T[],
  org: (u: T) => string,
  value: (u: T) => number,
): void {
  const byOrg = new Map<string, number>();
  let all = 0;
  for (const u of units) {
    byOrg.set(org(u), (byOrg.get(org(u)) ?? 0) + value(u));
  }
  for (const v of byOrg.values()) all = Math.max(all, v);
  sink.add(metricId, ICS, 'max', all);
  for (const [o, v] of byOrg) sink.add(metricId, o, 'max', v);
}
