/**
 * The calibration table of the default ICS: each measure, how one replication's value is read from
 * its result, the published figure with its source, and the rule that says whether the model's mean
 * is close enough. calibrate.ts runs the replications and prints the table (markdown or JSON).
 */
import { meanInterval } from '@carepool/experiment';
import type { DailyRow, MetricRow } from '../src/contracts.js';

/** A published figure: one number, or a range [min, max]. */
export type Published = number | readonly [number, number];

/** How a measure's values print in the markdown table. */
export type Format = 'percent' | 'minutes' | 'days' | 'count';

export interface Measure {
  /** The metric id where there is one (e.g. `ed.fourHourShare`), else a derived name. */
  measure: string;
  /** The statistic of the metric's rows the measure reads (`value`, `mean`, `p50`, ...), if any. */
  statistic?: string;
  label: string;
  /** The published figure; undefined for measures judged on their shape (the monthly shares). */
  published?: Published;
  source: string;
  format: Format;
  /** One replication's value (NaN when the run does not measure it). */
  value(result: ReplicationResult): number;
}

/** What a replication gives the table. */
export interface ReplicationResult {
  metrics: readonly MetricRow[];
  daily: readonly DailyRow[];
}

/** One row of the JSON table. */
export interface CalibrationRow {
  measure: string;
  statistic?: string;
  label: string;
  /** Mean over replications (null when no replication measured it). */
  model: number | null;
  /** The 95% Student-t interval of the mean (null with fewer than two replications). */
  low: number | null;
  high: number | null;
  published: Published | null;
  source: string;
  /** Present unless the measure is judged on its shape (no published figure). */
  within?: boolean;
}

/** Relative tolerance of the `within` rule. */
export const WITHIN_TOLERANCE = 0.05;

/**
 * True when `mean` lies within ±5% of a published number, or inside a published range widened by 5%
 * of its midpoint on each side.
 */
export function withinPublished(mean: number, published: Published): boolean {
  if (!Number.isFinite(mean)) return false;
  // A bound met exactly counts as within (1e-12 absorbs the rounding of the subtraction).
  if (typeof published === 'number')
    return Math.abs(mean - published) <= WITHIN_TOLERANCE * Math.abs(published) + 1e-12;
  const [min, max] = published;
  const slack = (WITHIN_TOLERANCE * Math.abs(min + max)) / 2 + 1e-12;
  return mean >= min - slack && mean <= max + slack;
}

const icsValue =
  (metricId: string, statistic: string) =>
  (r: ReplicationResult): number =>
    r.metrics.find((m) => m.metricId === metricId && m.statistic === statistic && m.scope === 'ics')?.value ??
    Number.NaN;

/** Weekdays (Mon–Fri) among the reported days, from the daily series' dates. */
function workingDays(r: ReplicationResult): number {
  const dates = new Set<string>();
  for (const row of r.daily) if (row.scope === 'ics') dates.add(row.date);
  let n = 0;
  for (const d of dates) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) n++;
  }
  return n;
}

const perWorkingDay =
  (metricId: string) =>
  (r: ReplicationResult): number => {
    const days = workingDays(r);
    return days > 0 ? icsValue(metricId, 'total')(r) / days : Number.NaN;
  };

const perDay =
  (metricId: string) =>
  (r: ReplicationResult): number => {
    const dates = new Set(r.daily.filter((row) => row.scope === 'ics').map((row) => row.date));
    return dates.size > 0 ? icsValue(metricId, 'total')(r) / dates.size : Number.NaN;
  };

/** A daily share over the reported days of calendar `months`, weighted by each day's attendances. */
export function monthsShare(r: ReplicationResult, metricId: string, months: readonly number[]): number {
  const attendances = new Map<string, number>();
  for (const row of r.daily)
    if (row.scope === 'ics' && row.metricId === 'ed.attendancesCount') attendances.set(row.date, row.value);
  let part = 0;
  let total = 0;
  for (const row of r.daily) {
    if (row.scope !== 'ics' || row.metricId !== metricId) continue;
    if (!months.includes(Number(row.date.slice(5, 7)))) continue;
    const n = attendances.get(row.date) ?? 0;
    part += row.value * n;
    total += n;
  }
  return total > 0 ? part / total : Number.NaN;
}

/** The four-hour share of calendar month `month` (1–12): attendance-weighted over its reported days. */
export function monthlyFourHourShare(r: ReplicationResult, month: number): number {
  return monthsShare(r, 'ed.fourHourShare', [month]);
}

/** England's ~100,000 G&A beds [R21] scaled to the default ICS's 2,100. */
const BEDS_SCALE = 2100 / 100_000;

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const MONTHLY: Measure[] = MONTH_NAMES.map((name, i) => ({
  measure: `ed.fourHourShare.month${String(i + 1).padStart(2, '0')}`,
  label: `Type-1 four-hour share, ${name}`,
  source:
    'judged on its shape: lowest Dec–Feb, highest late spring/summer (49.6% Dec 2022 vs 58.0% Aug 2022 [R6])',
  format: 'percent',
  value: (r) => monthlyFourHourShare(r, i + 1),
}));

/** Every measure of the calibration table, in print order. */
export const MEASURES: readonly Measure[] = [
  {
    measure: 'ed.fourHourShare',
    label: 'Type-1 four-hour share',
    published: [0.604, 0.614],
    source: '60.4% Apr 2024, 61.4% Jul 2024 [R3] (non-winter months; 49.6% Dec 2022 [R6])',
    format: 'percent',
    value: icsValue('ed.fourHourShare', 'value'),
  },
  {
    measure: 'ed.twelveHourFromArrivalShare',
    label: 'Type-1 12-hour stays from arrival',
    published: [0.087, 0.1],
    source: '8.7% Jul 2024; ~1 in 10 Apr 2024 [R3]',
    format: 'percent',
    value: icsValue('ed.twelveHourFromArrivalShare', 'value'),
  },
  {
    measure: 'beds.occupancyShare',
    label: 'G&A bed occupancy (08:00 snapshot)',
    published: [0.926, 0.937],
    source: '92.6% Jul 2024, 93.7% Apr 2024 [R3]',
    format: 'percent',
    value: icsValue('beds.occupancyShare', 'mean'),
  },
  {
    measure: 'nctr.bedShare',
    label: 'Share of beds held by NCTR patients',
    published: 0.13,
    source: '>13,000 of ~100,000 beds, Dec 2022 [R21]',
    format: 'percent',
    value: icsValue('nctr.bedShare', 'mean'),
  },
  {
    measure: 'nctr.overnightDischargeDelayDays',
    label: 'Mean wait from fit for discharge to discharge (days; stays past a midnight)',
    published: 1.3,
    source:
      '1.3 days incl. undelayed patients, Dec 2022 [R21]: the NCTR count over NCTR discharges, which leave out same-day stays (see below)',
    format: 'days',
    value: icsValue('nctr.overnightDischargeDelayDays', 'mean'),
  },
  {
    measure: 'nctr.dischargeDelayDays',
    label: 'Mean wait from fit for discharge to discharge (days; every discharge)',
    source: 'no published figure on this basis (same-day stays included): a check',
    format: 'days',
    value: icsValue('nctr.dischargeDelayDays', 'mean'),
  },
  {
    measure: 'nctr.longStayHomeCarePatientsCount',
    label: 'Delayed patients in hospital 14+ days waiting for care at home',
    published: 2033 * BEDS_SCALE,
    source: '2,033 a day in England, Jun 2023 [R27b], × 2,100/100,000 beds',
    format: 'count',
    value: icsValue('nctr.longStayHomeCarePatientsCount', 'mean'),
  },
  {
    measure: 'nctr.longStayCareHomePatientsCount',
    label: 'Delayed patients in hospital 14+ days waiting for a care-home place',
    published: 1791 * BEDS_SCALE,
    source: '1,791 a day in England, Jun 2023 [R27b], × 2,100/100,000 beds',
    format: 'count',
    value: icsValue('nctr.longStayCareHomePatientsCount', 'mean'),
  },
  {
    measure: 'nctr.longStayRehabPatientsCount',
    label: 'Delayed patients in hospital 14+ days waiting for a community rehab bed',
    published: 1727 * BEDS_SCALE,
    source: '1,727 a day in England, Jun 2023 [R27b], × 2,100/100,000 beds',
    format: 'count',
    value: icsValue('nctr.longStayRehabPatientsCount', 'mean'),
  },
  {
    measure: 'nctr.longStayPatientsCount',
    label: 'Delayed patients in hospital 14+ days, all reasons',
    published: 6175 * BEDS_SCALE,
    source:
      'the five reasons published (home care, care home, rehab, medical decision 390, equipment 234: 6,175 a day, Jun 2023) [R27b] × 2,100/100,000; other reasons unpublished, so a lower bound',
    format: 'count',
    value: icsValue('nctr.longStayPatientsCount', 'mean'),
  },
  {
    measure: 'nctr.over21DayStayPatientsCount',
    label: 'Delayed patients in hospital 21+ days',
    source: 'no published count; tripled since Oct 2020 [R26]: a check',
    format: 'count',
    value: icsValue('nctr.over21DayStayPatientsCount', 'mean'),
  },
  {
    measure: 'beds.over21DayStayPatientsCount',
    label: 'Patients in hospital 21+ days (delayed or not)',
    published: [370, 400],
    source:
      'calibration sheet §1: ~18,000–20,000 in England (17–19% of G&A beds) [R14][R26], ~370–400 for the ICS',
    format: 'count',
    value: icsValue('beds.over21DayStayPatientsCount', 'mean'),
  },
  {
    measure: 'workforce.registeredNurseVacancyShare',
    label: 'RN vacancy rate',
    published: 0.075,
    source: '7.5% Sep 2024 [R18c]',
    format: 'percent',
    value: icsValue('workforce.registeredNurseVacancyShare', 'mean'),
  },
  {
    measure: 'workforce.registeredNurseLeaverRateShare',
    label: 'RN leaver rate (per year)',
    published: [0.118, 0.124],
    source: 'acute trusts 11.8–12.4% (nurses overall 10–11.5%) [R20]',
    format: 'percent',
    value: icsValue('workforce.registeredNurseLeaverRateShare', 'value'),
  },
  {
    measure: 'ed.admittedFourHourShare',
    label: 'Admitted patients within 4 h',
    published: 0.3,
    source: '~30% (FOI, 2023) [R13]',
    format: 'percent',
    value: icsValue('ed.admittedFourHourShare', 'value'),
  },
  {
    measure: 'ed.leftWithoutBeingSeenShare',
    label: 'Left without being seen',
    published: [0.028, 0.039],
    source: '2.8% (2012–13) [R14b]; 3.9% (2004) [R14a]',
    format: 'percent',
    value: icsValue('ed.leftWithoutBeingSeenShare', 'value'),
  },
  {
    measure: 'ed.timeInDepartmentMinutes',
    statistic: 'p50',
    label: 'Median time in department (min)',
    published: [144, 145],
    source: '~145 min (2012–13), 144 (2017) [R14b][R14c]',
    format: 'minutes',
    value: icsValue('ed.timeInDepartmentMinutes', 'p50'),
  },
  {
    measure: 'ed.ambulanceHandoverOver60Share.winter',
    label: 'Ambulance handovers over 60 min, Dec–Feb',
    published: [0.04, 0.25],
    source:
      'winter weeks: 4–10% Dec 2021, 14–25% Dec 2022 (NHS England sitreps, reported by PA) [ED1]; the model measures the wait for a cubicle',
    format: 'percent',
    value: (r) => monthsShare(r, 'ed.ambulanceHandoverOver60Share', [12, 1, 2]),
  },
  {
    measure: 'gp.appointmentsPerWorkingDay',
    label: 'GP appointments per working day (all practice staff)',
    published: [27000, 29000],
    source: 'calibration sheet §1/§8: ~27,000–29,000 for the ICS (1.43 M/working day in England) [R45][R46]',
    format: 'count',
    value: perWorkingDay('gp.appointmentsCount'),
  },
  {
    measure: 'community.visitsPerDay',
    label: 'Community nursing visits per day',
    published: 1670,
    source:
      'not in the calibration sheet: 29.2 M district nursing contacts in England 2023/24 (Nuffield Trust, 2025) × 1.2/57.5 ÷ 365 (DERIVED)',
    format: 'count',
    value: perDay('community.visitsCount'),
  },
  ...MONTHLY,
];

/** The JSON rows for the values of each measure (index = MEASURES index, one value per replication). */
export function calibrationRows(
  values: readonly (readonly number[])[],
  measures: readonly Measure[] = MEASURES,
): CalibrationRow[] {
  return measures.map((m, i) => {
    const ci = meanInterval(values[i]);
    const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
    const row: CalibrationRow = {
      measure: m.measure,
      ...(m.statistic === undefined ? {} : { statistic: m.statistic }),
      label: m.label,
      model: finite(ci.mean),
      low: finite(ci.ciLow),
      high: finite(ci.ciHigh),
      published: m.published ?? null,
      source: m.source,
    };
    if (m.published !== undefined) row.within = withinPublished(ci.mean, m.published);
    return row;
  });
}

function fmt(v: number | null, format: Format): string {
  if (v === null) return '—';
  if (format === 'percent') return `${(v * 100).toFixed(1)}%`;
  if (format === 'days') return v.toFixed(2);
  return Math.round(v).toLocaleString('en-GB');
}

function fmtPublished(p: Published | null, format: Format): string {
  if (p === null) return '—';
  if (typeof p === 'number') return fmt(p, format);
  return `${fmt(p[0], format)} – ${fmt(p[1], format)}`;
}

/** The rows as a markdown table (the format of docs/calibration.md). */
export function markdownTable(
  rows: readonly CalibrationRow[],
  measures: readonly Measure[] = MEASURES,
): string {
  const lines = [
    '| measure | model mean | 95% CI | published | within? | source |',
    '|---|---|---|---|---|---|',
  ];
  rows.forEach((r, i) => {
    const f = measures[i].format;
    const within = r.within === undefined ? '(shape)' : r.within ? 'yes' : 'no';
    lines.push(
      `| ${r.label} | ${fmt(r.model, f)} | ${fmt(r.low, f)} – ${fmt(r.high, f)} | ${fmtPublished(r.published, f)} | ${within} | ${r.source} |`,
    );
  });
  return lines.join('\n');
}
