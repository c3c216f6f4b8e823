/**
 * Numbers as a board reads them: shares as percentages, long waits in hours (short ones in minutes),
 * money in pounds, each rounded to what its interval supports, so a cost
 * that varies by £1m between replications is never shown to the pound.
 */
import { metricDefinition } from '@carepool/model';

/** The unit a value is shown in: minutes are shown as hours, shares as percentages. */
export type DisplayUnit = 'percent' | 'hours' | 'minutes' | 'days' | 'gbp' | 'count';

export function displayUnit(metric: string): DisplayUnit {
  const unit = metricDefinition(metric)?.unit ?? unitFromSuffix(metric);
  switch (unit) {
    case 'share':
      return 'percent';
    case 'minutes':
    case 'hours':
      return 'hours';
    case 'days':
      return 'days';
    case 'gbp':
      return 'gbp';
    default:
      return 'count';
  }
}

function unitFromSuffix(metric: string): string {
  if (metric.endsWith('Share')) return 'share';
  if (metric.endsWith('Minutes')) return 'minutes';
  if (metric.endsWith('Hours')) return 'hours';
  if (metric.endsWith('Days')) return 'days';
  if (metric.endsWith('Gbp')) return 'gbp';
  return 'count';
}

/** A metric's value in its display unit (a share 0–1 becomes percent, minutes become hours). */
export function toDisplay(metric: string, value: number): number {
  const unit = metricDefinition(metric)?.unit ?? unitFromSuffix(metric);
  if (unit === 'share') return value * 100;
  if (unit === 'minutes') return value / 60;
  return value;
}

/** The rounding step a half-width supports. */
export function stepFor(halfWidth: number, unit: DisplayUnit): number {
  if (!Number.isFinite(halfWidth) || halfWidth <= 0) return unit === 'count' || unit === 'gbp' ? 1 : 0.1;
  // One significant figure of the half-width, two when it starts with 1 or 2 (±0.57 → 0.1, ±12,000 → 1,000).
  const magnitude = 10 ** Math.floor(Math.log10(halfWidth));
  const step = halfWidth / magnitude < 3 ? magnitude / 10 : magnitude;
  return unit === 'count' || unit === 'gbp' ? Math.max(step, 1) : Math.max(step, 0.01);
}

function plain(value: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const rounded = Math.round(value / step) * step;
  return new Intl.NumberFormat('en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(rounded === 0 ? 0 : rounded);
}

/** A display-unit number with its unit sign, e.g. `57.7%`, `£1,545,000`, `3.2 h`, `1,350`. */
export function withUnit(value: number, unit: DisplayUnit, step: number, signed = false): string {
  if (!Number.isFinite(value)) return '–';
  // The sign of the rounded value: −0.3 shown to whole numbers is 0, not −0.
  const rounded = Math.round(value / step) * step;
  const sign = signed ? (rounded > 0 ? '+' : rounded < 0 ? '−' : '±') : rounded < 0 ? '−' : '';
  const text = plain(Math.abs(value), step);
  switch (unit) {
    case 'percent':
      return `${sign}${text}${signed ? ' pts' : '%'}`;
    case 'hours':
      return `${sign}${text} h`;
    case 'minutes':
      return `${sign}${text} min`;
    case 'days':
      return `${sign}${text} days`;
    case 'gbp':
      return `${sign}£${text}`;
    default:
      return `${sign}${text}`;
  }
}

/** Below this many minutes a wait reads better in minutes than in hours. */
const MINUTES_UP_TO = 90;

/** The unit and the values in it: minutes metrics in hours, unless every value is under 90 minutes. */
function inUnit(metric: string, values: readonly number[]): { unit: DisplayUnit; values: number[] } {
  const minutes = (metricDefinition(metric)?.unit ?? unitFromSuffix(metric)) === 'minutes';
  if (minutes && values.every((v) => !Number.isFinite(v) || Math.abs(v) < MINUTES_UP_TO)) {
    return { unit: 'minutes', values: [...values] };
  }
  return { unit: displayUnit(metric), values: values.map((v) => toDisplay(metric, v)) };
}

/** A value and its interval in the metric's display unit, with the rounding step the interval supports. */
function estimateInUnit(metric: string, value: number, low: number, high: number) {
  const {
    unit,
    values: [m, lo, hi],
  } = inUnit(metric, [value, low, high]);
  return { unit, m, lo, hi, step: stepFor((hi - lo) / 2, unit) };
}

/** A mean and its interval in a metric's display unit, rounded to what the interval supports. */
export function formatEstimate(
  metric: string,
  mean: number,
  ciLow: number,
  ciHigh: number,
  signed = false,
): { value: string; interval: string } {
  const { unit, m, lo, hi, step } = estimateInUnit(metric, mean, ciLow, ciHigh);
  const interval =
    Number.isFinite(lo) && Number.isFinite(hi)
      ? `${withUnit(lo, unit, step, signed)} to ${withUnit(hi, unit, step, signed)}`
      : '–';
  return { value: withUnit(m, unit, step, signed), interval };
}

/**
 * The size of an effect and its interval, all positive, for a sentence: `4,100 days` and
 * `1,800–6,400 days`; a share's in percentage points.
 */
export function formatAmount(
  metric: string,
  size: number,
  low: number,
  high: number,
): { value: string; range: string } {
  const { unit, m, lo, hi, step } = estimateInUnit(metric, size, low, high);
  const n = (v: number) => withUnit(v, 'count', step);
  if (unit === 'gbp') return { value: `£${n(m)}`, range: `£${n(lo)}–£${n(hi)}` };
  const suffix = { percent: ' percentage points', hours: ' h', minutes: ' min', days: ' days', count: '' }[
    unit
  ];
  return { value: `${n(m)}${suffix}`, range: `${n(lo)}–${n(hi)}${suffix}` };
}

/** Escapes text for HTML content and attribute values. */
export function esc(text: unknown): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A confidence level as a percentage, e.g. `95%`. */
export function levelText(confidence: number): string {
  return `${Number((confidence * 100).toPrecision(4))}%`;
}
