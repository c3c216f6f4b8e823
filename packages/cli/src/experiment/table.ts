/**
 * The comparison a board member reads in the terminal: for each headline outcome, every arm's mean
 * with its confidence interval, then its paired difference against the baseline (with the relative
 * change) and the verdict — and, plainly, which differences cannot be told from noise and how many
 * replications would tell.
 */
import type { DifferenceRow, MetricRef, ReplicateResult, SummaryRow } from '@carepool/experiment';
import { metricDefinition } from '@carepool/model';
import { formatValue, renderTable } from '../format.js';

export interface Headline extends MetricRef {
  label: string;
  unit: string;
}

const key = (r: MetricRef) => `${r.metric}\u0000${r.scope}\u0000${r.statistic}`;

/** Estimates above this are shown as "more than": they only say "far more than is practical". */
const MOST_REPLICATIONS_SHOWN = 1000;

/** A typographic minus, so negative means and differences read alike. */
const minus = (text: string) => text.replace(/^-/, '−');

/**
 * Decimals that show a difference to about two significant figures of its interval's half-width,
 * so a real difference never prints as 0 and noise is not printed to the penny.
 */
function decimalsFor(halfWidth: number, unit: string): number {
  const scaled = unit === 'share' ? halfWidth * 100 : halfWidth;
  if (!(scaled > 0) || !Number.isFinite(scaled)) return unit === 'share' ? 2 : 0;
  return Math.min(6, Math.max(0, 1 - Math.floor(Math.log10(scaled))));
}

/** A difference in the metric's unit: shares in percentage points, always signed. */
export function formatDifference(value: number, unit: string, decimals?: number): string {
  if (!Number.isFinite(value)) return '–';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  const magnitude = Math.abs(value);
  if (unit === 'share') return `${sign}${(magnitude * 100).toFixed(decimals ?? 2)} pts`;
  if (decimals === undefined) return `${sign}${formatValue(magnitude, unit)}`;
  const number = magnitude.toLocaleString('en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  const units: Record<string, [string, string]> = {
    minutes: ['', ' min'],
    hours: ['', ' h'],
    days: ['', ' days'],
    gbp: ['£', ''],
  };
  const [before, after] = units[unit] ?? ['', ''];
  return `${sign}${before}${number}${after}`;
}

function meanInterval(low: number, high: number, unit: string): string {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return '–';
  return `${minus(formatValue(low, unit))} to ${minus(formatValue(high, unit))}`;
}

/** A difference cell: the signed difference and the relative change against the baseline's mean. */
function differenceCell(d: DifferenceRow, unit: string, baselineMean: number): string {
  const decimals = decimalsFor(d.pairedHalfWidth, unit);
  const text = formatDifference(d.meanDiff, unit, decimals);
  if (unit === 'share' || !Number.isFinite(baselineMean) || baselineMean === 0) return text;
  const share = (d.meanDiff / Math.abs(baselineMean)) * 100;
  const digits = Math.abs(share) >= 10 ? 0 : Math.abs(share) >= 1 ? 1 : 2;
  return `${text} (${share >= 0 ? '+' : '−'}${Math.abs(share).toFixed(digits)}%)`;
}

/** The comparison table, then the verdict lines. */
export function comparisonTable(
  result: ReplicateResult<unknown>,
  headlines: readonly Headline[],
  summary: readonly SummaryRow[],
  differences: readonly DifferenceRow[],
  confidence: number,
): string {
  const level = `${Number((confidence * 100).toPrecision(4))}%`;
  const summaryBy = new Map(summary.map((s) => [`${s.arm}\u0000${key(s)}`, s]));
  const diffBy = new Map(differences.map((d) => [`${d.arm}\u0000${key(d)}`, d]));
  const rows: string[][] = [];
  const comparing = result.arms.length > 1;
  let footnote = false;
  for (const h of headlines) {
    const present = result.arms.some((_, a) => summaryBy.has(`${a}\u0000${key(h)}`));
    if (!present) continue;
    rows.push([h.label, '', '', ...(comparing ? ['', '', ''] : [])]);
    const baselineMean = summaryBy.get(`0\u0000${key(h)}`)?.mean ?? Number.NaN;
    result.arms.forEach((arm, a) => {
      const s = summaryBy.get(`${a}\u0000${key(h)}`);
      if (s === undefined) return;
      const cells = [
        `  ${arm.id}`,
        minus(formatValue(s.mean, h.unit)),
        meanInterval(s.ciLow, s.ciHigh, h.unit),
      ];
      if (comparing) {
        const d = diffBy.get(`${a}\u0000${key(h)}`);
        // Common random numbers can leave an outcome untouched by a policy: say so, not "±0 to ±0".
        const identical = d !== undefined && d.n >= 2 && d.meanDiff === 0 && d.ciLow === 0 && d.ciHigh === 0;
        // Excludes zero on its own, but not after the correction for the many comparisons made.
        const dagger = d?.verdict === 'no detectable difference' && (d.ciLow > 0 || d.ciHigh < 0);
        footnote ||= dagger;
        const decimals = d ? decimalsFor(d.pairedHalfWidth, h.unit) : undefined;
        cells.push(
          a === 0 ? 'baseline' : identical ? 'none' : d ? differenceCell(d, h.unit, baselineMean) : '',
          identical
            ? 'identical in every replication'
            : d
              ? `${formatDifference(d.ciLow, h.unit, decimals)} to ${formatDifference(d.ciHigh, h.unit, decimals)}`
              : '',
          `${d?.verdict ?? ''}${dagger ? ' †' : ''}`,
        );
      }
      rows.push(cells);
    });
  }
  if (rows.length === 0) return 'No headline outcomes were reported; see --json or --out for every metric.';
  const whole = headlines.every((h) => h.scope === 'ics') ? ' (whole system)' : '';
  const header = [`outcome${whole} / arm`, 'mean', `${level} CI`];
  if (comparing) header.push('difference vs baseline', `${level} CI of difference`, 'verdict');
  const table = renderTable(header, rows);
  if (!comparing) return table;
  const judged = differences.filter((d) => d.verdict !== '' && d.verdict !== 'identical').length;
  const notes = [
    `Verdicts: paired differences under common random numbers, Holm-corrected over the ${judged} comparisons judged ` +
      `(every arm × headline outcome that varies) at ${level}.`,
  ];
  if (footnote) {
    notes.push(
      '† the interval alone excludes zero, but the difference is not significant after that correction.',
    );
  }
  return `${table}\n\n${notes.join('\n')}\n\n${verdictLines(result, headlines, differences)}`;
}

/** One paragraph per non-baseline arm, in plain words. */
function verdictLines(
  result: ReplicateResult<unknown>,
  headlines: readonly Headline[],
  differences: readonly DifferenceRow[],
): string {
  const baseline = result.arms[0].id;
  const lines: string[] = [];
  for (let a = 1; a < result.arms.length; a++) {
    if (result.failures.has(a)) continue;
    const judged = differences.filter((d) => d.arm === a && d.verdict !== '');
    const name = (d: DifferenceRow) => headlines.find((h) => key(h) === key(d))?.label ?? d.metric;
    const better = judged.filter((d) => d.verdict === 'better').map(name);
    const worse = judged.filter((d) => d.verdict === 'worse').map(name);
    const unclear = judged.filter((d) => d.verdict === 'no detectable difference');
    const same = judged.filter((d) => d.verdict === 'identical');
    const parts: string[] = [];
    if (better.length > 0) parts.push(`better on ${better.join('; ')}`);
    if (worse.length > 0) parts.push(`worse on ${worse.join('; ')}`);
    if (unclear.length > 0) {
      const needed = unclear.map((d) => d.replicationsToTell).filter(Number.isFinite);
      const most = needed.length > 0 ? Math.max(...needed) : Number.NaN;
      const howMany =
        most > MOST_REPLICATIONS_SHOWN
          ? `more than ${MOST_REPLICATIONS_SHOWN.toLocaleString('en-GB')} replications`
          : `about ${most.toLocaleString('en-GB')} replications`;
      parts.push(
        `no difference that can be told from noise on ${unclear.length} outcome${unclear.length === 1 ? '' : 's'}` +
          (Number.isFinite(most)
            ? ` (telling the largest of those apart, if it is real, would take ${howMany})`
            : ''),
      );
    }
    if (same.length > 0) {
      parts.push(`${same.length} outcome${same.length === 1 ? '' : 's'} the same in every replication`);
    }
    lines.push(
      `${result.arms[a].id} against ${baseline}: ${parts.length > 0 ? parts.join('; ') : 'nothing judged'}.`,
    );
  }
  return lines.join('\n');
}

/** Headline outcomes with their units, from a list of (metric, statistic, label). */
export function headlinesFrom(
  list: readonly { metric: string; statistic: string; label: string }[],
  scope: string,
): Headline[] {
  return list
    .filter((h) => metricDefinition(h.metric) !== undefined)
    .map((h) => ({ ...h, scope, unit: metricDefinition(h.metric)?.unit ?? 'count' }));
}
