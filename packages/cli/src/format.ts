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
export const SYSTEM_HEADLINES: readonly { metric: string; statistic: MetricStatistic; label: string }[] = (
  [
    ['ed.fourHourShare', 'value', 'ED: within 4 hours of arrival (share of attendances)'],
    ['ed.twelveHourFromArrivalShare', 'value', 'ED: over 12 hours from arrival (share of attendances)'],
    ['ed.twelveHourFromArrivalCount', 'total', 'ED: over 12 hours from arrival (patients)'],
    ['ed.decisionToAdmitOver12hCount', 'total', 'ED: over 12 hours from decision to admit (trolley waits)'],
    ['ed.timeInDepartmentMinutes', 'p50', 'ED time in department, median'],
    ['ed.timeInDepartmentMinutes', 'p95', 'ED time in department, 95th centile'],
    ['beds.occupancyShare', 'mean', 'General and acute bed occupancy (daily snapshot)'],
    ['nctr.patientsCount', 'mean', 'Patients with no criteria to reside (daily mean)'],
    ['nctr.bedDays', 'total', 'Bed-days occupied by NCTR patients'],
    ['carePackage.waitDays', 'mean', 'Wait for a home-care package, mean'],
    ['workforce.vacancyShare', 'mean', 'Vacancy rate, all staff (WTE)'],
    ['workforce.registeredNurseVacancyShare', 'mean', 'Registered nurse vacancy rate'],
    ['staffing.agencyShiftsCount', 'total', 'Agency shifts'],
    ['staffing.costGbp', 'total', 'Staffing cost (substantive, bank, agency)'],
    ['redeployment.movesCount', 'total', 'Staff moves made by the policy (all kinds)'],
    ['staffing.systemBankShiftsCount', 'total', 'Shifts filled from the system bank'],
    ['redeployment.passportMovesCount', 'total', 'Staff-passport moves'],
    ['redeployment.rotationMovesCount', 'total', 'Rotational-post moves'],
    ['redeployment.mutualAidLoansCount', 'total', 'Mutual-aid loans'],
    ['redeployment.dischargeFirstMovesCount', 'total', 'Discharge-first moves'],
    ['staffing.dischargeFirstBankShiftsCount', 'total', 'Discharge-first system-bank shifts'],
  ] as const satisfies readonly [metric: string, statistic: MetricStatistic, label: string][]
).map(([metric, statistic, label]) => ({ metric, statistic, label }));

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
