/**
 * report.html: one self-contained page (scripts, styles and data inline; no network) that answers
 * first, then shows the evidence — headline table with intervals and national standards, forest plot
 * of paired differences, daily series with bands, wait distributions, per-organisation views, a
 * tornado chart for one-at-a-time sweeps — then the scenario, what the intervals leave out, and how
 * the run was made.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { answerParagraphs, periodWords, type ReportHeadline } from './answer.js';
import { reportAssets } from './assets.js';
import { chartData, DAILY_CHARTS } from './chart-data.js';
import { esc, levelText } from './format.js';
import { headlineTable, reportScopes } from './headline-table.js';
import { armLabel, ReportError, type ResultsFolder, readResultsFolder } from './read-results.js';
import { limitsSection, provenanceSection, scenarioSection } from './scenario-words.js';

export interface ReportOptions {
  /** The headline outcomes, in the order a board reads them (the CLI passes its SYSTEM_HEADLINES). */
  headlines: readonly ReportHeadline[];
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** A <script> body that cannot close its element early. */
function scriptText(source: string): string {
  return source.replace(/<\/script/gi, '<\\/script');
}

function figure(id: string, title: string, note = ''): string {
  return (
    `<figure class="chart" id="fig-${id}"><figcaption><strong>${esc(title)}</strong>${note ? ` <span class="note">${note}</span>` : ''}</figcaption>` +
    `<div class="plot" data-chart="${id}" role="img" aria-label="${esc(title)}"></div>` +
    `<p class="alt" data-alt="${id}"></p>` +
    `<details class="data"><summary>Data table: ${esc(title)}</summary><div data-table="${id}"></div></details></figure>`
  );
}

/**
 * The headlines the folder reports; for a queueing network (no care-system headline in it), every
 * outcome of the whole network.
 */
function folderHeadlines(folder: ResultsFolder, given: readonly ReportHeadline[]): ReportHeadline[] {
  const present = given.filter((h) =>
    folder.summary.some((s) => s.metric === h.metric && s.statistic === h.statistic),
  );
  if (present.length > 0) return present;
  const seen = new Map<string, ReportHeadline>();
  for (const s of folder.summary) {
    if (s.scope === 'network')
      seen.set(`${s.metric}:${s.statistic}`, { metric: s.metric, statistic: s.statistic, label: s.metric });
  }
  return [...seen.values()];
}

export function reportHtml(folder: ResultsFolder, given: ReportOptions): string {
  const options = { headlines: folderHeadlines(folder, given.headlines) };
  const assets = reportAssets();
  const scopes = reportScopes(folder);
  const data = { ...chartData(folder, options.headlines), scopes };
  const level = levelText(folder.provenance.confidence);
  const title = `carepool report: ${String(folder.scenario.name ?? folder.provenance.scenario)}`;
  const tables = scopes
    .map((s, i) => {
      const table = headlineTable(folder, options.headlines, s.id);
      return `<div class="scoped" data-scope="${esc(s.id)}"${i === 0 ? '' : ' hidden'}><h3>${esc(s.name)}</h3>${table || '<p>No headline outcome is reported for this organisation.</p>'}</div>`;
    })
    .join('');
  const switcher = `<nav class="switch" aria-label="Whole system or one organisation"><label for="scope">Show results for</label> <select id="scope">${scopes.map((s) => `<option value="${esc(s.id)}">${esc(s.name)}${s.id === scopes[0].id ? '' : ` (${esc(s.id)})`}</option>`).join('')}</select></nav>`;
  // A queueing network has no A&E, beds or staff: only its headline table (and differences).
  const system = folder.scenario.kind === 'system';
  const comparing = folder.arms.filter((a) => !a.failed).length > 1;
  const daily = data.dailyCharts
    .map((c) =>
      figure(
        `daily-${c.metric}`,
        c.title,
        `mean of ${folder.provenance.replicationsPerArm} replications, ${level} band`,
      ),
    )
    .join('');
  const waits = data.waitCharts
    .map((c) => figure(`wait-${c.metric}`, c.title, 'share of patients in each interval, all replications'))
    .join('');
  const tornado = data.tornado
    ? `<section id="tornado"><h2>Which assumptions move the answer most</h2><p>Each bar spans the lowest and highest change from the base when one input is moved alone (whole system).</p>${data.tornado.map((_, i) => figure(`tornado-${i}`, `Sensitivity of ${data.tornado![i].name}`)).join('')}</section>`
    : '';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title><style>${assets.css}</style></head>
<body><main>
<header><h1>${esc(title)}</h1><p class="sub">${esc(folder.arms.length)} arm${folder.arms.length === 1 ? '' : 's'}, ${folder.provenance.replicationsPerArm} replications each, ${esc(periodWords(folder))}; ${level} confidence intervals. Written by carepool from the results folder <code>${esc(basename(folder.dir))}</code>.</p></header>
<section id="answer"><h2>The answer</h2>${answerParagraphs(folder, options.headlines).join('')}</section>
${switcher}
<section id="headlines"><h2>Headline outcomes</h2>${tables}${system ? figure('standards', 'Against the national standards', 'mean and interval of each arm; dashed lines: the standards') : ''}</section>
${comparing ? `<section id="differences"><h2>Differences from the baseline</h2><p>Each arm minus <code>${esc(armLabel(folder, folder.baseline))}</code>, replication by replication (common random numbers), as a change relative to the baseline’s mean. An interval crossing zero cannot be told from no change.</p>${figure('forest', 'Paired differences against the baseline', `${level} intervals; verdicts after Holm’s correction`)}</section>` : ''}
${system ? `<section id="daily"><h2>Day by day</h2>${daily}</section>` : ''}
${system ? `<section id="waits"><h2>How long people wait</h2>${waits}</section>` : ''}
${tornado}
<section id="limits"><h2>What the intervals leave out</h2>${limitsSection(folder)}</section>
<section id="scenario"><h2>The scenario</h2>${scenarioSection(folder)}</section>
<section id="provenance"><h2>How these numbers were made</h2>${provenanceSection(folder)}</section>
<footer><p>Charts drawn with Observable Plot ${esc(assets.versions.plot)} and d3 ${esc(assets.versions.d3)}, inlined in this file; colours from the Okabe–Ito palette, safe for colour-blind readers. The folder’s CSVs hold every number at full precision.</p></footer>
</main>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${scriptText(assets.d3)}</script>
<script>${scriptText(assets.plot)}</script>
<script>${scriptText(assets.client)}</script>
</body></html>
`;
}

/** Reads the results folder, writes DIR/report.html, and returns its path. */
export function writeReport(dir: string, options: ReportOptions): string {
  const dailyMetrics = new Set(DAILY_CHARTS.map((c) => c.metric));
  const html = reportHtml(readResultsFolder(dir, { dailyMetrics }), options);
  const file = join(dir, 'report.html');
  try {
    // Beside the target, then renamed: a reader never sees half a report.
    writeFileSync(`${file}.partial`, html);
    renameSync(`${file}.partial`, file);
  } catch (error) {
    throw new ReportError(`cannot write ${file}: ${(error as Error).message}`);
  }
  return file;
}
