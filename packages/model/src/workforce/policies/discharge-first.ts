import type {
  DeploymentPolicy,
  PoolState,
  ServiceKind,
  StaffMove,
  SystemBankFill,
  SystemSnapshot,
} from '../../contracts.js';
import type { ResolvedSystemConfig } from '../../resolved-types.js';
import type { SubstitutionRule } from '../../workforce-config.js';
import { effectiveness, fillGapByRole, type Gap, gapsStartingNow, lendFrom, surplus } from './shared.js';

/**
 * Discharge first. Flexible capacity — available system-bank members plus members of pools starting
 * now on duty above their own requirement (surplus) — goes first to rostered gaps in the services
 * that unblock beds (`services`, default home care and community nursing), most pressured first, up
 * to `priorityShare` of the flexible capacity (rounded up); competency and substitution rules apply.
 * What is left of the system bank then fills other gaps by role, most pressured first (as
 * `systemBank`). Surplus staff are not lent to other services.
 */
export function dischargeFirstPolicy(config: ResolvedSystemConfig): DeploymentPolicy {
  const settings = config.workforce.policySettings.dischargeFirst;
  const priorityServices = new Set<ServiceKind>(settings.services);
  const substitutions = config.workforce.substitutions;
  const cover = roleCover(priorityServices, config.workforce.staffPools, substitutions);
  return {
    id: 'dischargeFirst',
    description:
      'Flexible capacity (system bank and surplus staff) goes first to social care and community services that unblock beds, then the system bank fills other gaps.',
    usesSystemBank: true,
    decide(snapshot) {
      const round = startRound(snapshot, settings.priorityShare);
      const gaps = gapsStartingNow(snapshot);
      for (const gap of gaps) {
        if (!priorityServices.has(gap.service)) continue;
        const need = priorityBankFills(round, gap, gap.shortBy, cover.get(gap.service)!);
        prioritySurplusMoves(round, gap, need, snapshot.pools, substitutions);
      }
      for (const gap of gaps)
        if (!priorityServices.has(gap.service)) fillGapByRole(gap, round.bank, round.fills);
      return { moves: round.moves, systemBankFills: round.fills };
    },
  };
}

/** One decision's flexible capacity, what is left of the priority budget, and the decision so far. */
interface Round {
  /** System-bank members still available, by role. */
  bank: Record<string, number>;
  /** Surplus members still available, by pool id. */
  spare: Map<string, number>;
  /** Members the priority services may still take: `priorityShare` of the flexible capacity, rounded up. */
  priorityBudget: number;
  moves: StaffMove[];
  fills: SystemBankFill[];
}

function startRound(snapshot: SystemSnapshot, priorityShare: number): Round {
  const bank: Record<string, number> = { ...snapshot.systemBankAvailableByRole };
  const spare = new Map(snapshot.pools.map((p) => [p.poolId, surplus(p)]));
  let flexible = Object.values(bank).reduce((a, b) => a + b, 0);
  for (const s of spare.values()) flexible += s;
  return { bank, spare, priorityBudget: Math.ceil(priorityShare * flexible), moves: [], fills: [] };
}

/**
 * How well each role covers each priority service (competency of any pool with that role, or
 * substitution; the best of them), by service then role; a role absent covers it not at all. It
 * depends on the configuration only, so it is built once, with the policy.
 */
function roleCover(
  services: ReadonlySet<ServiceKind>,
  staffPools: ResolvedSystemConfig['workforce']['staffPools'],
  substitutions: readonly SubstitutionRule[],
): Map<ServiceKind, Map<string, number>> {
  const cover = new Map<ServiceKind, Map<string, number>>();
  for (const service of services) {
    const byRole = new Map<string, number>();
    const raise = (role: string, value: number) => byRole.set(role, Math.max(byRole.get(role) ?? 0, value));
    for (const pool of staffPools) raise(pool.role, effectiveness(pool, service, substitutions));
    for (const rule of substitutions) if (rule.service === service) raise(rule.fromRole, rule.effectiveness);
    cover.set(service, byRole);
  }
  return cover;
}

/** Fills a priority gap from the system bank, any role that can cover it; returns the need left. */
function priorityBankFills(round: Round, gap: Gap, need: number, cover: ReadonlyMap<string, number>): number {
  const bank = round.bank;
  for (const role of Object.keys(bank)) {
    if (need <= 0 || round.priorityBudget <= 0) break;
    if ((cover.get(role) ?? 0) <= 0) continue;
    const count = Math.min(need, bank[role], round.priorityBudget);
    if (count <= 0) continue;
    bank[role] -= count;
    need -= count;
    round.priorityBudget -= count;
    round.fills.push({
      role,
      toOrganisationId: gap.organisationId,
      toService: gap.service,
      count,
      reason: 'dischargeFirst',
    });
  }
  return need;
}

/** Moves surplus staff of other pools that can cover it into a priority gap, up to `need`. */
function prioritySurplusMoves(
  round: Round,
  gap: Gap,
  need: number,
  pools: readonly PoolState[],
  substitutions: readonly SubstitutionRule[],
): void {
  const to = { organisationId: gap.organisationId, service: gap.service, reason: 'dischargeFirst' };
  for (const pool of pools) {
    if (need <= 0 || round.priorityBudget <= 0) break;
    if (pool.organisationId === gap.organisationId && pool.homeService === gap.service) continue;
    if (effectiveness(pool, gap.service, substitutions) <= 0) continue;
    const count = lendFrom(pool, Math.min(need, round.priorityBudget), round.spare, to, round.moves);
    need -= count;
    round.priorityBudget -= count;
  }
}
