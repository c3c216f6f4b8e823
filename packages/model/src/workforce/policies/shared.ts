/**
 * Small helpers the built-in policies share: reading a snapshot (pressure, rostered gaps, who can
 * lend) and the competency rules. Pure functions of their inputs.
 */
import type { PoolState, ServiceKind, StaffMove, SystemBankFill, SystemSnapshot } from '../../contracts.js';
import type { SubstitutionRule } from '../../workforce-config.js';

/** The pressure score of an organisation's service (0 when patient flow reports none). */
export function pressureOf(
  snapshot: SystemSnapshot,
  organisationId: string,
  service: ServiceKind | 'none',
): number {
  if (service === 'none') return 0;
  for (const p of snapshot.pressures) {
    if (p.organisationId === organisationId && p.service === service) return p.pressureScore;
  }
  return 0;
}

/**
 * How well a pool's member covers a service: 1 if the pool is competent for it, the effectiveness
 * of an explicit substitution rule for the pool's role, else 0 (not allowed).
 */
export function effectiveness(
  pool: Pick<PoolState, 'role' | 'competencies'>,
  service: ServiceKind,
  substitutions: readonly SubstitutionRule[],
): number {
  if (pool.competencies.includes(service)) return 1;
  for (const rule of substitutions)
    if (rule.fromRole === pool.role && rule.service === service) return rule.effectiveness;
  return 0;
}

/** A rostered gap: an (organisation, service) whose pools starting now have fewer on duty than required. */
export interface Gap {
  organisationId: string;
  service: ServiceKind;
  /** Headcount short: Σ (required − on duty at home) over the pools starting now. */
  shortBy: number;
  pressureScore: number;
  /** The pools making up the gap, for role matching. */
  pools: PoolState[];
}

/** Gaps at every (organisation, service) with pools starting a shift now, most pressured first (stable). */
export function gapsStartingNow(snapshot: SystemSnapshot): Gap[] {
  const byKey = new Map<string, Gap>();
  for (const pool of snapshot.pools) {
    if (!pool.shiftStartsNow || pool.homeService === 'none') continue;
    const key = `${pool.organisationId}|${pool.homeService}`;
    let gap = byKey.get(key);
    if (gap === undefined) {
      gap = {
        organisationId: pool.organisationId,
        service: pool.homeService,
        shortBy: 0,
        pressureScore: pressureOf(snapshot, pool.organisationId, pool.homeService),
        pools: [],
      };
      byKey.set(key, gap);
    }
    gap.shortBy += Math.max(0, pool.requiredOnDuty - pool.onDutyAtHome);
    gap.pools.push(pool);
  }
  return [...byKey.values()].filter((g) => g.shortBy > 0).sort((a, b) => b.pressureScore - a.pressureScore);
}

/**
 * Fills each short pool of a gap from the system-bank members of the pool's role still in `bank`
 * (which it decrements), until the shortfall or those members run out; appends the fills.
 */
export function fillGapByRole(gap: Gap, bank: Record<string, number>, fills: SystemBankFill[]): void {
  for (const pool of gap.pools) {
    const short = Math.max(0, pool.requiredOnDuty - pool.onDutyAtHome);
    const count = Math.min(short, bank[pool.role] ?? 0);
    if (count <= 0) continue;
    bank[pool.role] -= count;
    fills.push({ role: pool.role, toOrganisationId: gap.organisationId, toService: gap.service, count });
  }
}

/** Members a pool starting now has on duty above its requirement (0 for pools not starting now). */
export function surplus(pool: PoolState): number {
  return pool.shiftStartsNow ? Math.max(0, pool.onDutyAtHome - pool.requiredOnDuty) : 0;
}

/** Members a pool starting now could lend without going below its minimum (0 for pools not starting now). */
export function aboveMinimum(pool: PoolState): number {
  return pool.shiftStartsNow ? Math.max(0, pool.onDutyAtHome - pool.minimumRetained) : 0;
}

/** OPEL-style level 1–4 of a pressure score against the level 2, 3 and 4 thresholds. */
export function opelLevel(pressureScore: number, thresholds: readonly [number, number, number]): number {
  let level = 1;
  for (const t of thresholds) if (pressureScore >= t) level++;
  return level;
}

/**
 * Lends up to `wanted` of what a donor pool has left (`remaining`, by pool id) to an organisation's
 * service as one move; returns how many it lent (0 when the pool has nothing left).
 */
export function lendFrom(
  pool: PoolState,
  wanted: number,
  remaining: Map<string, number>,
  to: { organisationId: string; service: ServiceKind; reason: string },
  moves: StaffMove[],
): number {
  const left = remaining.get(pool.poolId) ?? 0;
  const count = Math.min(wanted, left);
  if (count <= 0) return 0;
  remaining.set(pool.poolId, left - count);
  moves.push({
    fromPoolId: pool.poolId,
    toOrganisationId: to.organisationId,
    toService: to.service,
    count,
    reason: to.reason,
  });
  return count;
}
