import type { DeploymentPolicy, StaffMove } from '../../contracts.js';
import type { ResolvedSystemConfig } from '../../resolved-types.js';
import { aboveMinimum, effectiveness, gapsStartingNow, lendFrom, pressureOf } from './shared.js';

/**
 * Staff passports: at each shift start, rostered gaps are served most pressured first. For each gap,
 * donor pools starting now (least pressured home service first) lend members when the recipient's
 * pressure exceeds the donor's by at least `pressureGapThreshold`, the donor is competent (or has a
 * substitution rule) for the recipient's service, and the donor keeps its minimum. A donor lends at
 * most `maxShareMoved` of its on-duty members in one shift. Induction: see `inductionDays`.
 */
export function staffPassportPolicy(config: ResolvedSystemConfig): DeploymentPolicy {
  const settings = config.workforce.policySettings.staffPassport;
  const substitutions = config.workforce.substitutions;
  return {
    id: 'staffPassport',
    description:
      'Passported staff move from less to more pressured services to fill rostered gaps, within a per-shift cap and competency rules, after an induction period.',
    induction: 'staffPassport',
    decide(snapshot) {
      const moves: StaffMove[] = [];
      const remaining = new Map<string, number>();
      for (const pool of snapshot.pools) {
        if (!pool.shiftStartsNow) continue;
        remaining.set(
          pool.poolId,
          Math.min(Math.floor(settings.maxShareMoved * pool.onDutyAtHome), aboveMinimum(pool)),
        );
      }
      const donors = snapshot.pools
        .filter((p) => p.shiftStartsNow)
        .map((pool) => ({ pool, pressure: pressureOf(snapshot, pool.organisationId, pool.homeService) }))
        .sort((a, b) => a.pressure - b.pressure);
      for (const gap of gapsStartingNow(snapshot)) {
        let need = gap.shortBy;
        for (const { pool, pressure } of donors) {
          if (need <= 0) break;
          if (pool.organisationId === gap.organisationId && pool.homeService === gap.service) continue;
          if (gap.pressureScore - pressure < settings.pressureGapThreshold) continue;
          if (effectiveness(pool, gap.service, substitutions) <= 0) continue;
          const to = { organisationId: gap.organisationId, service: gap.service, reason: 'staffPassport' };
          need -= lendFrom(pool, need, remaining, to, moves);
        }
      }
      return { moves, systemBankFills: [] };
    },
  };
}
