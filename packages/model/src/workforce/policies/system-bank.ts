import type { DeploymentPolicy, SystemBankFill } from '../../contracts.js';
import type { ResolvedSystemConfig } from '../../resolved-types.js';
import { fillGapByRole, gapsStartingNow } from './shared.js';

/**
 * One shared bank for the whole system. At each shift start, rostered gaps are taken most
 * pressured first; each gap is filled from the available system-bank members of the same role as
 * the short pool, until the gap or those members run out. Own banks of those roles are closed
 * (`replacesOwnBanks`), so the comparison with `siloed` is like for like.
 */
export function systemBankPolicy(_config: ResolvedSystemConfig): DeploymentPolicy {
  return {
    id: 'systemBank',
    description:
      'A shared system bank fills rostered gaps anywhere, most pressured service first, by role; organisations do not lend their own staff.',
    usesSystemBank: true,
    decide(snapshot) {
      const available: Record<string, number> = { ...snapshot.systemBankAvailableByRole };
      const fills: SystemBankFill[] = [];
      for (const gap of gapsStartingNow(snapshot)) fillGapByRole(gap, available, fills);
      return { moves: [], systemBankFills: fills };
    },
  };
}
