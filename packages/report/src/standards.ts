/** The national standards a board is held to, drawn into the headline table and the charts. */

export interface NationalStandard {
  metric: string;
  /** The threshold as a 0–1 share. */
  thresholdShare: number;
  /** `atLeast`: the share must reach the threshold; `atMost`: it must stay at or below it. */
  kind: 'atLeast' | 'atMost';
  label: string;
}

/**
 * Four-hour A&E standard: 78% is the interim operational target for March 2025/26, 95% the NHS
 * Constitution standard; 12-hour stays from arrival: no more than 2% of attendances (the
 * 2025/26 planning guidance).
 */
export const NATIONAL_STANDARDS: readonly NationalStandard[] = [
  { metric: 'ed.fourHourShare', thresholdShare: 0.78, kind: 'atLeast', label: '78% interim target' },
  { metric: 'ed.fourHourShare', thresholdShare: 0.95, kind: 'atLeast', label: '95% constitutional standard' },
  {
    metric: 'ed.twelveHourFromArrivalShare',
    thresholdShare: 0.02,
    kind: 'atMost',
    label: '12-hour stays at most 2%',
  },
];

/** Whether an interval lies wholly on the standard's good side, wholly on its bad side, or across it. */
export function standardStatus(
  s: NationalStandard,
  ciLow: number,
  ciHigh: number,
): 'meets' | 'misses' | 'uncertain' {
  const good = (v: number) => (s.kind === 'atLeast' ? v >= s.thresholdShare : v <= s.thresholdShare);
  if (good(ciLow) && good(ciHigh)) return 'meets';
  if (!good(ciLow) && !good(ciHigh)) return 'misses';
  return 'uncertain';
}
