/**
 * Grouping units (EDs, wards, authorities' services, practices) by reporting scope: the whole system
 * (`ics`) first, then each organisation in the order its first unit appears. Sums are added in unit
 * order, so the rows are the same bytes whichever producer asks.
 */
import type { BinnedHistogram } from '@carepool/engine';

/** The scope of the whole system. */
export const ICS = 'ics';

/** Which organisation a unit belongs to. */
export type OrganisationOf<U> = (unit: U) => string;

/**
 * Sums of the `width` numbers `values(u)` gives, over units: `ics` first (zeros when there are no
 * units), then each organisation.
 */
export function sumsByScope<U>(
  units: readonly U[],
  organisation: OrganisationOf<U>,
  width: number,
  values: (u: U) => readonly number[],
): [string, number[]][] {
  const byOrganisation = new Map<string, number[]>();
  const all = new Array<number>(width).fill(0);
  for (const u of units) {
    const v = values(u);
    let o = byOrganisation.get(organisation(u));
    if (o === undefined) {
      o = new Array<number>(width).fill(0);
      byOrganisation.set(organisation(u), o);
    }
    for (let i = 0; i < width; i++) {
      o[i] += v[i];
      all[i] += v[i];
    }
  }
  return [[ICS, all], ...byOrganisation];
}

/** Merged histograms: `ics` first, then each organisation; nothing when there are no units. */
export function histogramsByScope<U>(
  units: readonly U[],
  organisation: OrganisationOf<U>,
  stat: (u: U) => BinnedHistogram,
): [string, BinnedHistogram][] {
  if (units.length === 0) return [];
  const all = stat(units[0]).emptyCopy();
  const byOrganisation = new Map<string, BinnedHistogram>();
  for (const u of units) {
    const s = stat(u);
    all.merge(s);
    let o = byOrganisation.get(organisation(u));
    if (o === undefined) {
      o = s.emptyCopy();
      byOrganisation.set(organisation(u), o);
    }
    o.merge(s);
  }
  return [[ICS, all], ...byOrganisation];
}
