/**
 * Human-readable views of results for the terminal: the headline table of a system run and the
 * per-station table of a network run. Everything here is presentation; the numbers come from the
 * experiment's summary rows.
 */

import type { MetricStatistic } from '@carepool/model';

/** Renders rows as an aligned text table; the first column is left-aligned, the rest right-aligned. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Formats a value in the unit a metric id's suffix names. */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '–';
  switch (unit) {
    case 'share':
      return `${(value * 100).toFixed(1)}%`;
    case 'minutes':
      return `${value.toFixed(0)} min`;
    case 'hours':
      return `${value.toFixed(2)} h`;
    case 'days':
      return Math.abs(value) >= 100 ? `${grouped.format(value)} days` : `${value.toFixed(1)} days`;
    case 'gbp':
      return `£${grouped.format(value)}`;
    case 'perHour':
      return value.toFixed(3);
    default:
      return Math.abs(value) >= 100 || Number.isInteger(value) ? grouped.format(value) : value.toFixed(1);
  }
}

/**
 * The outcomes a planner and an ICS board read first, in this order (ICS scope). Shares are the
 * contract metrics (shown as percentages); counts and costs are totals over the reported period.
 * Each names its statistic so a metric reported two ways (vacancy: time-weighted mean and end of
 * period) always shows the same one.
 */
export const SYSTEM_HEADLINES: readonly { metric: string; statistic: MetricStatistic; label: string }[] = [
  {
    metric: 'ed.fourHourShare',
    statistic: 'value',
    label: 'ED: within 4 hours of arrival (share of attendances)',
  },
  {
    metric: 'ed.twelveHourFromArrivalShare',
    statistic: 'value',
    label: 'ED: over 12 hours from arrival (share of attendances)',
  },
  {
    metric: 'ed.twelveHourFromArrivalCount',
    statistic: 'total',
    label: 'ED: over 12 hours from arrival (patients)',
  },
  {
    metric: 'ed.decisionToAdmitOver12hCount',
    statistic: 'total',
    label: 'ED: over 12 hours from decision to admit (trolley waits)',
  },
  { metric: 'ed.timeInDepartmentMinutes', statistic: 'p50', label: 'ED time in department, median' },
  { metric: 'ed.timeInDepartmentMinutes', statistic: 'p95', label: 'ED time in department, 95th centile' },
  {
    metric: 'beds.occupancyShare',
    statistic: 'mean',
    label: 'General and acute bed occupancy (daily snapshot)',
  },
  {
    metric: 'nctr.patientsCount',
    statistic: 'mean',
    label: 'Patients with no criteria to reside (daily mean)',
  },
  { metric: 'nctr.bedDays', statistic: 'total', label: 'Bed-days occupied by NCTR patients' },
  { metric: 'carePackage.waitDays', statistic: 'mean', label: 'Wait for a home-care package, mean' },
  { metric: 'workforce.vacancyShare', statistic: 'mean', label: 'Vacancy rate, all staff (WTE)' },
  {
    metric: 'workforce.registeredNurseVacancyShare',
    statistic: 'mean',
    label: 'Registered nurse vacancy rate',
  },
  { metric: 'staffing.agencyShiftsCount', statistic: 'total', label: 'Agency shifts' },
  { metric: 'staffing.costGbp', statistic: 'total', label: 'Staffing cost (substantive, bank, agency)' },
  {
    metric: 'redeployment.movesCount',
    statistic: 'total',
    label: 'Staff moves made by the policy (all kinds)',
  },
  {
    metric: 'staffing.systemBankShiftsCount',
    statistic: 'total',
    label: 'Shifts filled from the system bank',
  },
  { metric: 'redeployment.passportMovesCount', statistic: 'total', label: 'Staff-passport moves' },
  { metric: 'redeployment.rotationMovesCount', statistic: 'total', label: 'Rotational-post moves' },
  { metric: 'redeployment.mutualAidLoansCount', statistic: 'total', label: 'Mutual-aid loans' },
  { metric: 'redeployment.dischargeFirstMovesCount', statistic: 'total', label: 'Discharge-first moves' },
  {
    metric: 'staffing.dischargeFirstBankShiftsCount',
    statistic: 'total',
    label: 'Discharge-first system-bank shifts',
  },
];

/** The per-station table of a network run, then whole-network lines. */
export function networkTable(
  summary: readonly { metric: string; scope: string; mean: number; ciLow?: number; ciHigh?: number }[],
  confidence = 0.95,
): string {
  const row = (metric: string, scope: string) =>
    summary.find((s) => s.metric === metric && s.scope === scope);
  const mean = (metric: string, scope: string): number => row(metric, scope)?.mean ?? Number.NaN;
  // Mean ± the interval's half-width, in the same units.
  const withInterval = (metric: string, scope: string, unit: string): string => {
    const r = row(metric, scope);
    if (r === undefined) return '–';
    const half = ((r.ciHigh ?? Number.NaN) - (r.ciLow ?? Number.NaN)) / 2;
    const value = formatValue(r.mean, unit);
    if (!Number.isFinite(half)) return value;
    return unit === 'share' ? `${value} ± ${(half * 100).toFixed(1)}` : `${value} ± ${half.toFixed(2)}`;
  };
  const scopes = [...new Set(summary.filter((s) => s.metric.startsWith('station.')).map((s) => s.scope))];
  const rows = scopes.map((scope) => {
    const perClass = scope.includes(':');
    const cell = (metric: string, unit: string) =>
      perClass && !metric.endsWith('Hours') ? '' : withInterval(metric, scope, unit);
    return [
      perClass ? `  ${scope}` : scope,
      cell('station.waitInQueueHours', 'hours'),
      cell('station.waitProbabilityShare', 'share'),
      cell('station.blockingShare', 'share'),
      cell('station.utilisationShare', 'share'),
      cell('station.timeInSystemHours', 'hours'),
      cell('station.throughputPerHour', 'perHour'),
    ];
  });
  const table = renderTable(
    ['station', 'wait in queue', 'P(wait)', 'blocked', 'utilisation', 'time in station', 'throughput/h'],
    rows,
  );
  const network = [
    `time in network ${withInterval('network.timeInSystemHours', 'network', 'hours')}`,
    `throughput ${formatValue(mean('network.throughputPerHour', 'network'), 'perHour')}/h`,
    `lost ${formatValue(mean('network.lossShare', 'network'), 'share')}`,
  ].join(', ');
  const level = `${Number((confidence * 100).toPrecision(4))}%`;
  return `${table}

whole network: ${network}
(each value: the mean over replications ± the half-width of its ${level} confidence interval)`;
}
