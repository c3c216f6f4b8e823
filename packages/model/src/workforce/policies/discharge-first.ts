import type { SystemConfig } from '../../config.js';
import type { DeploymentPolicy, ServiceKind, StaffMove, SystemBankFill } from '../../contracts.js';
import { SYSTEM_CONFIG_DEFAULTS } from '../../resolve.js';
import { effectiveness, gapsStartingNow, surplus } from './shared.js';

/**
 * Discharge first. Flexible capacity — available system-bank members plus members of pools starting
 * now on duty above their own requirement (surplus) — goes first to rostered gaps in the services
 * that unblock beds (`services`, default home care and community nursing), most pressured first, up
 * to `priorityShare` of the flexible capacity (rounded up); competency and substitution rules apply.
 * What is left of the system bank then fills other gaps by role, most pressured first (as
 * `systemBank`). Surplus staff are not lent to other services.
 */
export function dischargeFirstPolicy(config: SystemConfig): DeploymentPolicy {
  const settings = config.workforce.policySettings.dischargeFirst;
  const priorityServices = new Set<ServiceKind>(
    settings.services ?? SYSTEM_CONFIG_DEFAULTS['workforce.policySettings.dischargeFirst.services'].value,
  );
  const substitutions = config.workforce.substitutions;
  // Which services a system-bank role may cover (competency of any pool with that role, or substitution).
  const roleEffectiveness = (role: string, service: ServiceKind): number => {
    let best = 0;
    for (const pool of config.workforce.staffPools) {
      if (pool.role === role) best = Math.max(best, effectiveness(pool, service, substitutions));
    }
    for (const rule of substitutions)
      if (rule.fromRole === role && rule.service === service) best = Math.max(best, rule.effectiveness);
    return best;
  };
  return {
    id: 'dischargeFirst',
    description:
      'Flexible capacity (system bank and surplus staff) goes first to social care and community services that unblock beds, then the system bank fills other gaps.',
    usesSystemBank: true,
    decide(snapshot) {
      const moves: StaffMove[] = [];
      const fills: SystemBankFill[] = [];
      const bank: Record<string, number> = { ...snapshot.systemBankAvailableByRole };
      const spare = new Map(snapshot.pools.map((p) => [p.poolId, surplus(p)]));
      let flexible = Object.values(bank).reduce((a, b) => a + b, 0);
      for (const s of spare.values()) flexible += s;
      let priorityBudget = Math.ceil(settings.priorityShare * flexible);
      const gaps = gapsStartingNow(snapshot);
      for (const gap of gaps) {
        if (!priorityServices.has(gap.service)) continue;
        let need = gap.shortBy;
        for (const role of Object.keys(bank)) {
          if (need <= 0 || priorityBudget <= 0) break;
          if (roleEffectiveness(role, gap.service) <= 0) continue;
          const count = Math.min(need, bank[role], priorityBudget);
          if (count <= 0) continue;
          bank[role] -= count;
          need -= count;
          priorityBudget -= count;
          fills.push({
            role,
            toOrganisationId: gap.organisationId,
            toService: gap.service,
            count,
            reason: 'dischargeFirst',
          });
        }
        for (const pool of snapshot.pools) {
          if (need <= 0 || priorityBudget <= 0) break;
          if (pool.organisationId === gap.organisationId && pool.homeService === gap.service) continue;
          if (effectiveness(pool, gap.service, substitutions) <= 0) continue;
          const count = Math.min(need, spare.get(pool.poolId) ?? 0, priorityBudget);
          if (count <= 0) continue;
          spare.set(pool.poolId, (spare.get(pool.poolId) ?? 0) - count);
          need -= count;
          priorityBudget -= count;
          moves.push({
            fromPoolId: pool.poolId,
            toOrganisationId: gap.organisationId,
            toService: gap.service,
            count,
            reason: 'dischargeFirst',
          });
        }
      }
      for (const gap of gaps) {
        if (priorityServices.has(gap.service)) continue;
        for (const pool of gap.pools) {
          const short = Math.max(0, pool.requiredOnDuty - pool.onDutyAtHome);
          const count = Math.min(short, bank[pool.role] ?? 0);
          if (count <= 0) continue;
          bank[pool.role] -= count;
          fills.push({
            role: pool.role,
            toOrganisationId: gap.organisationId,
            toService: gap.service,
            count,
          });
        }
      }
      return { moves, systemBankFills: fills };
    },
  };
}
