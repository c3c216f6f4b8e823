/**
 * The data the report's charts draw, taken from the folder and made small enough to embed: the
 * daily series the board reads, the wait histograms re-binned to a readable width, the paired
 * differences for the forest plot, the standards chart's rows and, for a one-at-a-time sweep, the
 * tornado's bars. Values are rounded to four significant figures (far finer than any interval).
 */
import type { ReportHeadline } from './answer.js';
import { plainName } from './answer.js';
import { displayUnit, toDisplay } from './format.js';
import { armLabel, type ResultsFolder } from './read-results.js';
import { NATIONAL_STANDARDS } from './standards.js';

/** Daily series shown, in this order, with what their chart is called. */
export const DAILY_CHARTS: readonly { metric: string; title: string }[] = [
  { metric: 'ed.fourHourShare', title: 'A&E: share within four hours, by day' },
  { metric: 'ed.patientsInDepartmentCount', title: 'A&E: patients in the department (occupancy)' },
  { metric: 'ed.boardingPatientsCount', title: 'A&E: admitted patients waiting for a bed (boarding)' },
  { metric: 'beds.occupancyShare', title: 'General and acute bed occupancy' },
  { metric: 'nctr.patientsCount', title: 'Delayed discharges: patients with no criteria to reside' },
  { metric: 'workforce.vacancyShare', title: 'Vacancy rate, all staff (WTE)' },
  { metric: 'workforce.registeredNurseVacancyShare', title: 'Vacancy rate, registered nurses' },
  { metric: 'workforce.careWorkerVacancyShare', title: 'Vacancy rate, care workers (home care)' },
  { metric: 'staffing.bankShiftsCount', title: 'Bank shifts per day' },
  { metric: 'staffing.agencyShiftsCount', title: 'Agency shifts per day' },
];

export const WAIT_CHARTS: readonly { metric: string; title: string }[] = [
  { metric: 'ed.timeInDepartmentMinutes', title: 'Time in A&E, arrival to departure' },
  { metric: 'ed.timeToBedMinutes', title: 'Time from decision to admit to a bed' },
  { metric: 'carePackage.waitDays', title: 'Wait for a home-care package' },
];

const SIG = (v: number): number | null => (Number.isFinite(v) ? Number(v.toPrecision(4)) : null);

function dailySeries(folder: ResultsFolder) {
  const wanted = new Set(DAILY_CHARTS.map((c) => c.metric));
  const groups = new Map<string, { arm: string; metric: string; scope: string; rows: typeof folder.daily }>();
  for (const r of folder.daily) {
    if (!wanted.has(r.metric)) continue;
    const k = `${r.arm}\u0000${r.metric}\u0000${r.scope}`;
    let g = groups.get(k);
    if (g === undefined) groups.set(k, (g = { arm: r.arm, metric: r.metric, scope: r.scope, rows: [] }));
    g.rows.push(r);
  }
  return [...groups.values()].map((g) => {
    g.rows.sort((a, b) => a.day - b.day);
    const d = (v: number) => SIG(toDisplay(g.metric, v));
    return {
      arm: g.arm,
      metric: g.metric,
      scope: g.scope,
      dates: g.rows.map((r) => r.date),
      mean: g.rows.map((r) => d(r.mean)),
      low: g.rows.map((r) => d(r.ciLow)),
      high: g.rows.map((r) => d(r.ciHigh)),
    };
  });
}

/** Display bin widths to choose from, in the display unit (hours or days). */
const NICE_WIDTHS = [0.25, 0.5, 1, 2, 3, 6, 12, 24, 48, 168];

function waitHistograms(folder: ResultsFolder) {
  const out: {
    metric: string;
    scope: string;
    unit: string;
    binWidth: number;
    arms: { arm: string; patients: number; share: (number | null)[]; beyondShare: number | null }[];
  }[] = [];
  for (const chart of WAIT_CHARTS) {
    const rows = folder.histograms.filter((h) => h.metric === chart.metric);
    for (const scope of new Set(rows.map((r) => r.scope))) {
      const here = rows.filter((r) => r.scope === scope);
      const total = here.reduce((s, r) => s + r.count, 0);
      if (total === 0) continue;
      // The right edge: the 99th centile of all arms together, so a long tail does not flatten the chart.
      const sorted = [...here].sort((a, b) => a.binLow - b.binLow);
      let seen = 0;
      let edge = sorted[sorted.length - 1].binHigh;
      for (const r of sorted) {
        seen += r.count;
        if (seen >= 0.99 * total) {
          edge = r.binHigh;
          break;
        }
      }
      const edgeDisplay = toDisplay(chart.metric, edge);
      const width = NICE_WIDTHS.find((w) => edgeDisplay / w <= 48) ?? 168;
      const bins = Math.max(1, Math.ceil(edgeDisplay / width));
      const arms = folder.arms
        .filter((a) => !a.failed)
        .map((a) => {
          const counts = new Array<number>(bins).fill(0);
          let beyond = 0;
          let n = 0;
          for (const r of here) {
            if (r.arm !== a.id) continue;
            n += r.count;
            const i = Math.floor(toDisplay(chart.metric, r.binLow) / width);
            if (i < bins) counts[i] += r.count;
            else beyond += r.count;
          }
          return {
            arm: a.id,
            patients: n,
            share: counts.map((c) => SIG(n > 0 ? c / n : Number.NaN)),
            beyondShare: SIG(n > 0 ? beyond / n : Number.NaN),
          };
        });
      out.push({ metric: chart.metric, scope, unit: displayUnit(chart.metric), binWidth: width, arms });
    }
  }
  return out;
}

function forestRows(folder: ResultsFolder, headlines: readonly ReportHeadline[]) {
  const baseline = new Map(
    folder.summary
      .filter((s) => s.arm === folder.baseline)
      .map((s) => [`${s.metric}:${s.statistic}@${s.scope}`, s]),
  );
  return folder.differences
    .filter((d) => headlines.some((h) => h.metric === d.metric && h.statistic === d.statistic))
    .map((d) => {
      const base = baseline.get(`${d.metric}:${d.statistic}@${d.scope}`)?.mean ?? Number.NaN;
      const pct = (v: number) =>
        SIG(base !== 0 && Number.isFinite(base) ? (100 * v) / Math.abs(base) : Number.NaN);
      const h = headlines.find((x) => x.metric === d.metric && x.statistic === d.statistic)!;
      return {
        arm: d.arm,
        scope: d.scope,
        outcome: h.label,
        unit: displayUnit(d.metric),
        diff: SIG(toDisplay(d.metric, d.meanDiff)),
        low: SIG(toDisplay(d.metric, d.ciLow)),
        high: SIG(toDisplay(d.metric, d.ciHigh)),
        pct: pct(d.meanDiff),
        pctLow: pct(d.ciLow),
        pctHigh: pct(d.ciHigh),
        verdict: d.verdict === '' ? 'not judged' : d.verdict,
      };
    });
}

function standardRows(folder: ResultsFolder) {
  const metrics = new Set(NATIONAL_STANDARDS.map((s) => s.metric));
  return folder.summary
    .filter((s) => metrics.has(s.metric))
    .map((s) => ({
      arm: s.arm,
      scope: s.scope,
      metric: s.metric,
      mean: SIG(s.mean * 100),
      low: SIG(s.ciLow * 100),
      high: SIG(s.ciHigh * 100),
    }));
}

const TORNADO_OUTCOMES = [
  'ed.fourHourShare:value',
  'ed.twelveHourFromArrivalShare:value',
  'nctr.bedDays:total',
  'carePackage.waitDays:mean',
  'staffing.agencyShiftsCount:total',
  'staffing.costGbp:total',
];

/** For a one-at-a-time sweep: each parameter's lowest and highest effect on a few key outcomes. */
function tornado(folder: ResultsFolder, headlines: readonly ReportHeadline[]) {
  const sweep = folder.manifest.sweep as { mode?: string; parameters?: { path: string }[] } | undefined;
  if (sweep?.mode !== 'oneAtATime' || !sweep.parameters) return null;
  const scope = folder.summary.some((s) => s.scope === 'ics') ? 'ics' : 'network';
  const pointOf = new Map(folder.arms.map((a) => [a.id, a.sweepPoint]));
  const reported = headlines.filter((h) =>
    folder.differences.some((d) => d.metric === h.metric && d.statistic === h.statistic && d.scope === scope),
  );
  // The outcomes a board asks about first; others only if these are missing.
  const preferred = reported.filter((h) => TORNADO_OUTCOMES.includes(`${h.metric}:${h.statistic}`));
  const key = preferred.length > 0 ? preferred : reported;
  return key.slice(0, 6).map((h) => {
    const bars = sweep.parameters!.map((p) => {
      const ds = folder.differences.filter(
        (d) =>
          d.metric === h.metric &&
          d.statistic === h.statistic &&
          d.scope === scope &&
          (pointOf.get(d.arm) ?? '').startsWith(`${p.path}=`),
      );
      const values = ds.map((d) => ({
        point: pointOf.get(d.arm)!.slice(p.path.length + 1),
        diff: toDisplay(h.metric, d.meanDiff),
      }));
      const lo = values.reduce((m, v) => (v.diff < m.diff ? v : m), { point: 'base', diff: 0 });
      const hi = values.reduce((m, v) => (v.diff > m.diff ? v : m), { point: 'base', diff: 0 });
      return {
        parameter: p.path,
        low: SIG(lo.diff),
        lowPoint: lo.point,
        high: SIG(hi.diff),
        highPoint: hi.point,
      };
    });
    bars.sort((a, b) => (b.high ?? 0) - (b.low ?? 0) - ((a.high ?? 0) - (a.low ?? 0)));
    return { outcome: h.label, name: plainName(h), unit: displayUnit(h.metric), bars };
  });
}

/** Everything the client script draws, as one JSON-ready object. */
export function chartData(folder: ResultsFolder, headlines: readonly ReportHeadline[]) {
  const label = (id: string) => armLabel(folder, id);
  const relabel = <T extends { arm: string }>(rows: T[]): T[] =>
    rows.map((r) => ({ ...r, arm: label(r.arm) }));
  return {
    arms: folder.arms.filter((a) => !a.failed).map((a) => label(a.id)),
    baseline: label(folder.baseline),
    confidence: folder.provenance.confidence,
    dailyCharts: DAILY_CHARTS.map((c) => ({ ...c, unit: displayUnit(c.metric) })),
    waitCharts: WAIT_CHARTS.map((c) => ({ ...c, unit: displayUnit(c.metric) })),
    standards: NATIONAL_STANDARDS.map((s) => ({ ...s, thresholdPercent: s.thresholdShare * 100 })),
    daily: relabel(dailySeries(folder)),
    waits: waitHistograms(folder).map((w) => ({ ...w, arms: relabel(w.arms) })),
    forest: relabel(forestRows(folder, headlines)),
    standardRows: relabel(standardRows(folder)),
    tornado: tornado(folder, headlines),
  };
}
