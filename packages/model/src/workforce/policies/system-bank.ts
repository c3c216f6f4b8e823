import type { SystemConfig } from '../../config.js';
import type { DeploymentPolicy, SystemBankFill } from '../../contracts.js';
import { gapsStartingNow } from './shared.js';

/**
 * One shared bank for the whole system. At each shift start, rostered gaps are taken most
 * pressured first; each gap is filled from the available system-bank members of the same role as
 * the short pool, until the gap or those members run out. Own banks of those roles are closed
 * (`replacesOwnBanks`), so the comparison with `siloed` is like for like.
 */
export function systemBankPolicy(_config: SystemConfig): DeploymentPolicy {
  return {
    id: 'systemBank',
    description:
      'A shared system bank fills rostered gaps anywhere, most pressured service first, by role; organisations do not lend their own staff.',
    usesSystemBank: true,
    decide(snapshot) {
      const available: Record<string, number> = { ...snapshot.systemBankAvailableByRole };
      const fills: SystemBankFill[] = [];
      for (const gap of gapsStartingNow(snapshot)) {
        for (const pool of gap.pools) {
          const short = Math.max(0, pool.requiredOnDuty - pool.onDutyAtHome);
          const count = Math.min(short, available[pool.role] ?? 0);
          if (count <= 0) continue;
          available[pool.role] -= count;
          fills.push({
            role: pool.role,
            toOrganisationId: gap.organisationId,
            toService: gap.service,
            count,
          });
        }
      }
      return { moves: [], systemBankFills: fills };
    },
  };
}
