/**
 * Policy activity: what each built-in deployment policy's own action amounted to in a run, so a
 * headline shows the policy working even when it is not a staff move (system-bank fills are not).
 * Moves are told apart by the `reason` the policy gives (`StaffMove.reason`, `SystemBankFill.reason`);
 * a custom policy that uses the same reasons is counted the same way, other reasons only in
 * `redeployment.movesCount`.
 */
import type { MetricRow } from '../contracts.js';
import type { MetricDefinition } from '../metric-definition.js';
import type { WorkforceLedger } from './ledger.js';

/** The registered policy-activity metrics (all counts, totals over the reported period, both scopes). */
export const POLICY_ACTIVITY_METRICS = [
  activity(
    'staffing.systemBankShiftsCount',
    'Shifts filled from the shared system bank (policies `systemBank` and `dischargeFirst`), in the period; a subset of `staffing.bankShiftsCount`; scope is the receiving organisation.',
  ),
  activity(
    'staffing.dischargeFirstBankShiftsCount',
    'Of the system-bank shifts, those the `dischargeFirst` policy sent first to the services that unblock beds (fills with reason `dischargeFirst`), in the period; scope is the receiving organisation.',
  ),
  activity(
    'redeployment.passportMovesCount',
    'Staff moves made under staff passports (reason `staffPassport`), one per member per shift, in the period; part of `redeployment.movesCount`; scope is the receiving organisation.',
  ),
  activity(
    'redeployment.rotationMovesCount',
    'Staff moves made for rotational posts (reason `rotation:…`), one per member per shift, in the period; part of `redeployment.movesCount`; scope is the receiving organisation.',
  ),
  activity(
    'redeployment.mutualAidLoansCount',
    'Staff lent as escalation mutual aid (reason `mutualAid:OPEL…`), one per member per shift, in the period; part of `redeployment.movesCount`; scope is the receiving organisation.',
  ),
  activity(
    'redeployment.dischargeFirstMovesCount',
    'Surplus staff the `dischargeFirst` policy moved to the services that unblock beds (reason `dischargeFirst`), one per member per shift, in the period; part of `redeployment.movesCount`; scope is the receiving organisation.',
  ),
  activity(
    'redeployment.refusedMovesCount',
    'Member-shifts a policy asked to move that the workforce did not move (no competency or substitution, lender not starting a shift or at its minimum, too few free healthy members), in the period; scope is the lending organisation.',
  ),
] as const satisfies readonly MetricDefinition[];

/** A policy-activity metric id. */
export type PolicyActivityMetricId = (typeof POLICY_ACTIVITY_METRICS)[number]['id'];

function activity<const Id extends string>(id: Id, definition: string): MetricDefinition<Id> {
  return {
    id,
    definition,
    unit: 'count',
    scope: 'icsAndOrganisation',
    direction: 'neutral',
    statistics: ['total'],
    daily: false,
    producer: 'workforce',
  };
}

/** Books `moved` members of a move with `reason` to the receiving organisation's per-reason account. */
export function recordPolicyMove(
  ledger: WorkforceLedger,
  reason: string | undefined,
  toOrganisation: number,
  moved: number,
): void {
  // A policy module written in plain JavaScript may leave the reason out: such moves count only in movesCount.
  if (typeof reason !== 'string') return;
  const account =
    reason === 'staffPassport'
      ? ledger.passportMoves
      : reason.startsWith('rotation:')
        ? ledger.rotationMoves
        : reason.startsWith('mutualAid')
          ? ledger.mutualAidLoans
          : reason === 'dischargeFirst'
            ? ledger.dischargeFirstMoves
            : undefined;
  if (account !== undefined) account[toOrganisation] += moved;
}

/** Books `assigned` system-bank shifts (with the fill's reason, if any) to the receiving organisation. */
export function recordSystemBankFill(
  ledger: WorkforceLedger,
  reason: string | undefined,
  toOrganisation: number,
  assigned: number,
): void {
  ledger.systemBankShifts[toOrganisation] += assigned;
  if (reason === 'dischargeFirst') ledger.dischargeFirstBankShifts[toOrganisation] += assigned;
}

/** The policy-activity rows of one scope; `pick` reads an account for it (sum for `ics`). */
export function policyActivityRows(
  ledger: WorkforceLedger,
  scope: string,
  pick: (values: Float64Array) => number,
): MetricRow[] {
  const accounts: [PolicyActivityMetricId, Float64Array][] = [
    ['staffing.systemBankShiftsCount', ledger.systemBankShifts],
    ['staffing.dischargeFirstBankShiftsCount', ledger.dischargeFirstBankShifts],
    ['redeployment.passportMovesCount', ledger.passportMoves],
    ['redeployment.rotationMovesCount', ledger.rotationMoves],
    ['redeployment.mutualAidLoansCount', ledger.mutualAidLoans],
    ['redeployment.dischargeFirstMovesCount', ledger.dischargeFirstMoves],
    ['redeployment.refusedMovesCount', ledger.movesRefused],
  ];
  return accounts.map(([metricId, values]) => ({ metricId, scope, statistic: 'total', value: pick(values) }));
}
