import type { DeploymentPolicy, ServiceKind, StaffMove } from '../../contracts.js';
import type { ResolvedStaffPoolConfig, ResolvedSystemConfig } from '../../resolved-types.js';

/**
 * Rotational posts on a fixed timetable. Rotation r has `count` members, numbered i = 0..count−1;
 * member i is away in week w (weeks counted from the run's start) when
 * `(w + floor(i × cycleWeeks / count)) mod cycleWeeks < weeksAway`, so cohorts go in turn and about
 * count × weeksAway / cycleWeeks are away every week. They move at each shift start that the
 * lending pool and the destination pool share (e.g. 08:00 on weekdays for paramedics into general
 * practice), as many as the timetable says, for the lending pool's shift.
 */
export function rotationalPostsPolicy(config: ResolvedSystemConfig): DeploymentPolicy {
  const pools = new Map(config.workforce.staffPools.map((p) => [p.id, p]));
  // resolve-checks.ts has checked the rotations: known pools, 0 < weeksAway ≤ cycleWeeks, and a
  // destination that staffs a modelled service.
  const rotations = config.workforce.policySettings.rotationalPosts.rotations.map((r) => {
    const to = pools.get(r.toPoolId) as ResolvedStaffPoolConfig;
    return { ...r, toOrganisationId: to.organisationId, toService: to.homeService as ServiceKind };
  });
  return {
    id: 'rotationalPosts',
    description:
      'Fixed rotations on a timetable: cohorts of a pool (e.g. paramedics) work a set number of weeks in another service (e.g. general practice).',
    decide(snapshot) {
      const moves: StaffMove[] = [];
      const week = Math.floor(snapshot.day / 7);
      const starting = new Set(snapshot.pools.filter((p) => p.shiftStartsNow).map((p) => p.poolId));
      for (const r of rotations) {
        if (!starting.has(r.fromPoolId) || !starting.has(r.toPoolId)) continue;
        const count = awayInWeek(r.count, r.weeksAway, r.cycleWeeks, week);
        if (count > 0) {
          moves.push({
            fromPoolId: r.fromPoolId,
            toOrganisationId: r.toOrganisationId,
            toService: r.toService,
            count,
            reason: `rotation:${r.fromPoolId}>${r.toPoolId}`,
          });
        }
      }
      return { moves, systemBankFills: [] };
    },
  };
}

/** Members of a rotation away in week `week` under the staggered timetable. */
export function awayInWeek(count: number, weeksAway: number, cycleWeeks: number, week: number): number {
  let away = 0;
  for (let i = 0; i < count; i++) {
    const offset = Math.floor((i * cycleWeeks) / count);
    if ((week + offset) % cycleWeeks < weeksAway) away++;
  }
  return away;
}
