/**
 * The headline table: one row per headline outcome, one column per arm, each cell the mean rounded
 * to what its interval supports with the interval beneath; the best value marked, the national
 * standards beside the outcome they apply to, and one table per organisation for the switch.
 */
import { metricDefinition } from '@carepool/model';
import type { ReportHeadline } from './answer.js';
import { esc, formatEstimate, levelText } from './format.js';
import { armLabel, type ResultsFolder, type SummaryRecord } from './read-results.js';
import { NATIONAL_STANDARDS, standardStatus } from './standards.js';

const STATUS_WORDS = { meets: '✓ meets', misses: '✗ misses', uncertain: '? spans' } as const;

/** The scopes with headline rows: the whole system first, then each organisation in scenario order. */
export function reportScopes(folder: ResultsFolder): { id: string; name: string }[] {
  const present = new Set(folder.summary.map((s) => s.scope));
  const orgs = ((folder.scenario.organisations as { id: string; name: string }[] | undefined) ?? []).filter(
    (o) => present.has(o.id),
  );
  const whole = present.has('ics') ? 'ics' : 'network';
  return [{ id: whole, name: 'Whole system' }, ...orgs.map((o) => ({ id: o.id, name: o.name }))];
}

function best(rows: (SummaryRecord | undefined)[], metric: string): number {
  const direction = metricDefinition(metric)?.direction ?? 'neutral';
  if (direction === 'neutral') return -1;
  const means = rows.map((r) => (r && Number.isFinite(r.mean) ? r.mean : Number.NaN));
  const finite = means.filter(Number.isFinite);
  if (finite.length < 2 || finite.every((m) => m === finite[0])) return -1;
  const target = direction === 'higherIsBetter' ? Math.max(...finite) : Math.min(...finite);
  return means.indexOf(target);
}

function standardCell(metric: string): string {
  const list = NATIONAL_STANDARDS.filter((s) => s.metric === metric);
  return list.map((s) => esc(s.label)).join('<br>');
}

function standardTags(metric: string, row: SummaryRecord): string {
  return NATIONAL_STANDARDS.filter((s) => s.metric === metric)
    .map((s) => {
      const status = standardStatus(s, row.ciLow, row.ciHigh);
      const short = `${Number((s.thresholdShare * 100).toPrecision(3))}%`;
      return `<span class="std std-${status}" title="${esc(`${s.label}: ${status}`)}">${STATUS_WORDS[status]} ${short}</span>`;
    })
    .join(' ');
}

/** The headline table of one scope as HTML, or '' when the scope reports no headline outcome. */
export function headlineTable(
  folder: ResultsFolder,
  headlines: readonly ReportHeadline[],
  scope: string,
): string {
  const level = levelText(folder.provenance.confidence);
  const by = new Map(
    folder.summary.map((s) => [`${s.arm}\u0000${s.metric}\u0000${s.statistic}\u0000${s.scope}`, s]),
  );
  const arms = folder.arms.filter((a) => !a.failed);
  const body: string[] = [];
  for (const h of headlines) {
    const rows = arms.map((a) => by.get(`${a.id}\u0000${h.metric}\u0000${h.statistic}\u0000${scope}`));
    if (rows.every((r) => r === undefined)) continue;
    const shown = rows.map((r) =>
      r === undefined ? undefined : formatEstimate(h.metric, r.mean, r.ciLow, r.ciHigh),
    );
    let mark = best(rows, h.metric);
    // A best that rounds to the same figure as another arm's is no best at all.
    if (mark >= 0 && shown.some((e, i) => i !== mark && e?.value === shown[mark]?.value)) mark = -1;
    const cells = rows.map((r, i) => {
      const e = shown[i];
      if (r === undefined || e === undefined) return '<td class="na">not reported</td>';
      const star = i === mark ? '<span class="best" title="best value">★</span> ' : '';
      return `<td${i === mark ? ' class="is-best"' : ''}><span class="v">${star}${esc(e.value)}</span><span class="ci">${esc(e.interval)}</span>${standardTags(h.metric, r)}</td>`;
    });
    body.push(
      `<tr><th scope="row">${esc(h.label)}</th><td class="standard">${standardCell(h.metric)}</td>${cells.join('')}</tr>`,
    );
  }
  if (body.length === 0) return '';
  const head = arms.map(
    (a) =>
      `<th scope="col">${esc(armLabel(folder, a.id))}${a.id === folder.baseline ? '<br><small>baseline</small>' : ''}</th>`,
  );
  return (
    `<table class="headline"><caption>Headline outcomes: mean over ${folder.provenance.replicationsPerArm} replications, ${level} confidence interval beneath; ★ the best mean (not a verdict: see the differences); long waits in hours.</caption>` +
    `<thead><tr><th scope="col">outcome</th><th scope="col">national standard</th>${head.join('')}</tr></thead>` +
    `<tbody>${body.join('')}</tbody></table>`
  );
}
