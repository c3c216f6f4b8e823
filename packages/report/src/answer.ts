/**
 * The answer first, in plain words: one paragraph per comparison (each arm against the baseline)
 * saying what is better, what is worse, and what cannot be told from noise at this many
 * replications — with the interval of every effect it names.
 */
import { esc, formatAmount, levelText } from './format.js';
import { armLabel, type DifferenceRecord, type ResultsFolder } from './read-results.js';

export interface ReportHeadline {
  metric: string;
  statistic: string;
  label: string;
}

/** What a headline is called in a sentence. */
const PLAIN_NAMES: Record<string, string> = {
  'ed.fourHourShare:value': 'the share of A&E patients seen within four hours',
  'ed.twelveHourFromArrivalShare:value': 'the share of A&E patients in the department over 12 hours',
  'ed.twelveHourFromArrivalCount:total': 'the number of 12-hour A&E stays',
  'ed.decisionToAdmitOver12hCount:total': '12-hour trolley waits',
  'ed.timeInDepartmentMinutes:p50': 'the median time in A&E',
  'ed.timeInDepartmentMinutes:p95': 'the 95th centile of time in A&E',
  'beds.occupancyShare:mean': 'bed occupancy',
  'nctr.patientsCount:mean': 'the daily number of patients with no criteria to reside',
  'nctr.bedDays:total': 'delayed-discharge bed-days',
  'carePackage.waitDays:mean': 'the mean wait for a home-care package',
  'workforce.vacancyShare:mean': 'the vacancy rate',
  'workforce.registeredNurseVacancyShare:mean': 'the registered nurse vacancy rate',
  'staffing.agencyShiftsCount:total': 'agency shifts',
  'staffing.costGbp:total': 'staffing cost',
};

export function plainName(h: { metric: string; statistic: string; label?: string }): string {
  return (
    PLAIN_NAMES[`${h.metric}:${h.statistic}`] ?? (h.label ?? h.metric).replace(/^./, (c) => c.toLowerCase())
  );
}

/** "over the 20-day reported period" or "a year". */
export function periodWords(folder: ResultsFolder): string {
  const days = Number((folder.scenario as { durationDays?: number }).durationDays);
  if (days === 365) return 'a year';
  if (Number.isFinite(days)) return `over the ${days}-day reported period`;
  return 'over the reported period';
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function effect(d: DifferenceRecord, h: ReportHeadline, folder: ResultsFolder, level: string): string {
  const verb = d.meanDiff < 0 ? 'lowers' : 'raises';
  // The size of the effect and its interval as positive amounts, rounded alike.
  const [lo, hi] = [Math.abs(d.ciLow), Math.abs(d.ciHigh)].sort((a, b) => a - b);
  const size = formatAmount(d.metric, Math.abs(d.meanDiff), lo, hi);
  const total = d.statistic === 'total' ? ` ${periodWords(folder)}` : '';
  return `${verb} ${plainName(h)} by ${size.value}${total} (${level} CI ${size.range})`;
}

/** One paragraph (HTML) per non-baseline arm. */
export function answerParagraphs(folder: ResultsFolder, headlines: readonly ReportHeadline[]): string[] {
  const level = levelText(folder.provenance.confidence);
  const reps = folder.provenance.replicationsPerArm;
  const out: string[] = [];
  const headlineOf = (d: DifferenceRecord) =>
    headlines.find((h) => h.metric === d.metric && h.statistic === d.statistic);
  for (const arm of folder.arms) {
    if (arm.id === folder.baseline) continue;
    if (arm.failed) {
      out.push(
        `<p><strong>${esc(armLabel(folder, arm.id))}</strong> stopped at replication ${arm.failed.replication} (${esc(arm.failed.message)}); its results are left out.</p>`,
      );
      continue;
    }
    const judged = folder.differences.filter(
      (d) => d.arm === arm.id && d.scope === scopeOf(folder) && d.verdict !== '' && headlineOf(d),
    );
    const better = judged.filter((d) => d.verdict === 'better');
    const worse = judged.filter((d) => d.verdict === 'worse');
    const unclear = judged.filter((d) => d.verdict === 'no detectable difference');
    const parts: string[] = [];
    if (better.length > 0) parts.push(better.map((d) => effect(d, headlineOf(d)!, folder, level)).join('; '));
    if (worse.length > 0)
      parts.push(`but ${worse.map((d) => effect(d, headlineOf(d)!, folder, level)).join('; ')}`);
    let sentence = `<strong>${esc(armLabel(folder, arm.id))}</strong> against ${esc(armLabel(folder, folder.baseline))}: `;
    sentence += parts.length > 0 ? `${esc(parts.join(', '))}.` : 'no outcome is clearly better or worse.';
    if (unclear.length > 0) {
      const names = unclear.map((d) => plainName(headlineOf(d)!));
      const shown = names.length > 4 ? [...names.slice(0, 4), `${names.length - 4} other outcomes`] : names;
      const needed = unclear.map((d) => d.replicationsToTell).filter(Number.isFinite);
      const most = needed.length > 0 ? Math.max(...needed) : Number.NaN;
      const tell = !Number.isFinite(most)
        ? '.'
        : most > 1000
          ? ' (more than a thousand replications would be needed to tell any of them apart: whatever the effect is, it is small).'
          : ` (about ${most.toLocaleString('en-GB')} would tell the largest of those apart).`;
      sentence +=
        ` Its effect on ${esc(listWords(shown))} is too small to tell apart from noise ` +
        `at ${reps} replication${reps === 1 ? '' : 's'}${tell}`;
    }
    out.push(`<p>${sentence}</p>`);
  }
  if (out.length === 0) {
    out.push(
      `<p>One arm, <strong>${esc(armLabel(folder, folder.baseline))}</strong>, with nothing to compare it against: the table below gives each outcome's mean and its ${level} confidence interval over ${reps} replications.</p>`,
    );
  }
  return out;
}

/** The whole-system scope of the folder: `ics` for a care system, `network` for a queueing network. */
export function scopeOf(folder: ResultsFolder): string {
  return folder.summary.some((s) => s.scope === 'ics') ? 'ics' : 'network';
}
