import type { DeploymentPolicy, ServiceKind, StaffMove } from '../../contracts.js';
import type { ResolvedSystemConfig } from '../../resolved-types.js';
import { aboveMinimum, effectiveness, lendFrom, opelLevel, pressureOf } from './shared.js';

/**
 * Escalation mutual aid. Each reported service gets an OPEL-style level from its pressure score
 * (level 1 + the number of the system's `escalation.opelThresholds` reached). Services at
 * `lendFromLevel` or above receive aid, highest level (then pressure) first. Donors are pools
 * starting a shift now at other organisations whose home service is below `lendFromLevel`,
 * competent (or substitutable) for the recipient's service; each lends at most `maxShareLent` of its on-duty members above its minimum
 * (rounded down) in a shift, and each recipient takes at most `maxShareLent` of its own required
 * headcount (rounded up). Aid is decided afresh every shift, so it stops when the level falls back.
 */
export function mutualAidPolicy(config: ResolvedSystemConfig): DeploymentPolicy {
  const settings = config.workforce.policySettings.mutualAid;
  const { opelThresholds } = config.escalation;
  const substitutions = config.workforce.substitutions;
  return {
    id: 'mutualAid',
    description:
      'When a service reaches the lending OPEL level, partner organisations below it lend a capped share of their staff above minimum until it falls back.',
    decide(snapshot) {
      const moves: StaffMove[] = [];
      const required = new Map<string, number>();
      for (const pool of snapshot.pools) {
        if (pool.homeService === 'none') continue;
        const key = `${pool.organisationId}|${pool.homeService}`;
        required.set(key, (required.get(key) ?? 0) + pool.requiredOnDuty);
      }
      const recipients = snapshot.pressures
        .map((p) => ({ ...p, level: opelLevel(p.pressureScore, opelThresholds) }))
        .filter((p) => p.level >= settings.lendFromLevel)
        .sort((a, b) => b.level - a.level || b.pressureScore - a.pressureScore);
      if (recipients.length === 0) return { moves, systemBankFills: [] };
      const remaining = new Map<string, number>();
      const donors = snapshot.pools.filter((pool) => {
        if (!pool.shiftStartsNow) return false;
        const level = opelLevel(pressureOf(snapshot, pool.organisationId, pool.homeService), opelThresholds);
        if (level >= settings.lendFromLevel) return false;
        remaining.set(pool.poolId, Math.floor(settings.maxShareLent * aboveMinimum(pool)));
        return true;
      });
      for (const r of recipients) {
        const service = r.service as ServiceKind;
        let room = Math.ceil(
          settings.maxShareLent * (required.get(`${r.organisationId}|${service}`) ?? r.staffRequired),
        );
        for (const pool of donors) {
          if (room <= 0) break;
          if (pool.organisationId === r.organisationId) continue;
          if (effectiveness(pool, service, substitutions) <= 0) continue;
          const to = { organisationId: r.organisationId, service, reason: `mutualAid:OPEL${r.level}` };
          room -= lendFrom(pool, room, remaining, to, moves);
        }
      }
      return { moves, systemBankFills: [] };
    },
  };
}
