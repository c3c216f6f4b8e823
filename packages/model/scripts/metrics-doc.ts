/** Renders the metric registry as markdown (docs/metrics.md). */

import { WAIT_HISTOGRAM_METRIC_IDS } from '../src/flow/histograms.js';
import { METRICS, type MetricDefinition } from '../src/metrics.js';

const UNIT_TEXT: Record<MetricDefinition['unit'], string> = {
  share: 'share (0–1)',
  minutes: 'minutes',
  hours: 'hours',
  days: 'days',
  count: 'count',
  gbp: 'GBP',
};
const SCOPE_TEXT: Record<MetricDefinition['scope'], string> = {
  ics: 'ICS',
  organisation: 'organisation',
  icsAndOrganisation: 'ICS and organisation',
};
const DIRECTION_TEXT: Record<MetricDefinition['direction'], string> = {
  higherIsBetter: 'higher is better',
  lowerIsBetter: 'lower is better',
  neutral: '—',
};

export function renderMetricsDoc(): string {
  const lines = [
    '# Metrics',
    '',
    '<!-- Generated from packages/model/src/metrics.ts by packages/model/scripts/write-metrics-doc.ts. Do not edit by hand. -->',
    '',
    'Every measure a system run reports. A run summary is a list of tidy rows',
    '`{ metricId, scope, statistic, value }` over the reported period (after the warm-up); the daily series',
    '(`dailySeries: true`) has one row per day, metric and scope for the metrics marked *daily*. Scope is',
    '`ics` for the whole system or an organisation id. Ratios for the ICS are pooled (all patients of all',
    'organisations), not averages of organisations. The id suffix names the unit: `Share` (0–1, never a',
    'percentage), `Minutes`, `Hours`, `Days`, `Count`, `Gbp`.',
    '',
    'Statistics: `value` (a ratio or level for the period), `mean`, `p50`/`p95` (percentiles over patients',
    'or requests), `max`, `total` (sum over the period).',
    '',
    `Wait histograms: every run also returns \`histograms\` — the binned observations behind ${WAIT_HISTOGRAM_METRIC_IDS.map((id) => `\`${id}\``).join(', ')},`,
    'per scope, in fixed bins, so replications and arms pool by adding counts (see [model.md](model.md#wait-histograms)).',
    '',
  ];
  const areas = new Map<string, MetricDefinition[]>();
  for (const m of METRICS) {
    const area = m.id.split('.')[0];
    const list = areas.get(area) ?? [];
    list.push(m);
    areas.set(area, list);
  }
  for (const [area, list] of areas) {
    lines.push(`## ${area}`, '');
    lines.push('| id | definition | unit | scope | direction | statistics | daily | produced by |');
    lines.push('|---|---|---|---|---|---|---|---|');
    for (const m of list) {
      lines.push(
        `| \`${m.id}\` | ${m.definition.replace(/\|/g, '\\|')} | ${UNIT_TEXT[m.unit]} | ${SCOPE_TEXT[m.scope]} | ${DIRECTION_TEXT[m.direction]} | ${m.statistics.join(', ')} | ${m.daily ? 'yes' : 'no'} | ${m.producer} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
