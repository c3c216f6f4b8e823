import { describe, expect, it } from 'vitest';
import type { PolicyId, SystemConfig } from '../src/config.js';
import { POLICY_IDS } from '../src/config.js';
import type { MetricRow } from '../src/contracts.js';
import { metricDefinition } from '../src/metrics.js';
import { miniIcsConfig } from '../src/mini-ics.js';
import { runSystem } from '../src/run.js';
import { POLICY_ACTIVITY_METRICS } from '../src/workforce/policy-activity.js';

/** Each built-in policy's own action, as the policy-activity metrics count it. */
const OWN: Record<PolicyId, string[]> = {
  siloed: [],
  systemBank: ['staffing.systemBankShiftsCount'],
  staffPassport: ['redeployment.passportMovesCount'],
  rotationalPosts: ['redeployment.rotationMovesCount'],
  mutualAid: ['redeployment.mutualAidLoansCount'],
  dischargeFirst: ['staffing.systemBankShiftsCount', 'staffing.dischargeFirstBankShiftsCount'],
};
const ACTION_IDS = [...new Set(Object.values(OWN).flat())];
const MOVE_IDS = [
  'redeployment.passportMovesCount',
  'redeployment.rotationMovesCount',
  'redeployment.mutualAidLoansCount',
  'redeployment.dischargeFirstMovesCount',
];

const shortMini = (policy: PolicyId): SystemConfig => {
  const c = miniIcsConfig();
  c.durationDays = 14;
  c.warmupDays = 7;
  c.workforce.policy = policy;
  return c;
};

/**
 * The mini ICS with room to lend: its pools are scaled so tightly that on-duty staff rarely exceed
 * the retained minimum (0.85–0.95 of the roster), which refuses every paramedic rotation and leaves
 * mutual aid idle after the warm-up. Here every pool may lend down to half its roster, and mutual
 * aid escalates at lower pressure, so each policy's action happens within two weeks.
 */
const lendableMini = (policy: PolicyId): SystemConfig => {
  const c = shortMini(policy);
  c.workforce.staffPools = c.workforce.staffPools.map((p) => ({ ...p, minimumRetainedShare: 0.5 }));
  c.workforce.policySettings = {
    ...c.workforce.policySettings,
    mutualAid: { ...c.workforce.policySettings.mutualAid, opelThresholds: [0.3, 0.4, 0.5] },
  };
  return c;
};

const total = (rows: MetricRow[], id: string, scope = 'ics'): number => {
  const row = rows.find((r) => r.metricId === id && r.scope === scope && r.statistic === 'total');
  if (row === undefined) throw new Error(`no row ${id}/${scope}`);
  return row.value;
};

describe('policy activity metrics', () => {
  it('are registered as neutral totals with a count suffix, for the ICS and organisations', () => {
    for (const d of POLICY_ACTIVITY_METRICS) {
      expect(metricDefinition(d.id)).toBe(d);
      expect(d).toMatchObject({ unit: 'count', direction: 'neutral', statistics: ['total'] });
      expect(d.scope).toBe('icsAndOrganisation');
    }
  });

  it('are all 0 under siloed, at every scope', () => {
    const rows = runSystem(shortMini('siloed'), { seed: 5, replication: 0 }).metrics;
    const activity = rows.filter((r) => POLICY_ACTIVITY_METRICS.some((d) => d.id === r.metricId));
    expect(activity.length).toBeGreaterThan(POLICY_ACTIVITY_METRICS.length); // ics and organisations
    for (const r of activity) expect(r.value, `${r.metricId}/${r.scope}`).toBe(0);
  });

  // Without the lending room only the system bank acts within two weeks: passport moves need staff
  // above the minimum, which the tight mini rosters seldom have.
  it('show system-bank and discharge-first fills on the mini ICS as it is', () => {
    for (const policy of ['systemBank', 'dischargeFirst'] as const) {
      const rows = runSystem(shortMini(policy), { seed: 5, replication: 0 }).metrics;
      for (const id of OWN[policy]) expect(total(rows, id), `${policy}: ${id}`).toBeGreaterThan(0);
    }
  });

  for (const policy of POLICY_IDS.filter((p) => p !== 'siloed')) {
    it(`${policy}: its own count is > 0 and the other policies' are 0`, () => {
      const rows = runSystem(lendableMini(policy), { seed: 5, replication: 0 }).metrics;
      for (const id of OWN[policy]) expect(total(rows, id), id).toBeGreaterThan(0);
      for (const id of ACTION_IDS.filter((x) => !OWN[policy].includes(x)))
        expect(total(rows, id), id).toBe(0);
      // Moves by reason add up to all moves; system-bank shifts are part of bank shifts.
      const moves = MOVE_IDS.reduce((a, id) => a + total(rows, id), 0);
      expect(moves).toBe(total(rows, 'redeployment.movesCount'));
      expect(total(rows, 'staffing.systemBankShiftsCount')).toBeLessThanOrEqual(
        total(rows, 'staffing.bankShiftsCount'),
      );
      // Organisations' rows add up to the ICS row.
      for (const d of POLICY_ACTIVITY_METRICS) {
        const orgs = rows.filter((r) => r.metricId === d.id && r.scope !== 'ics');
        expect(orgs.reduce((a, r) => a + r.value, 0)).toBe(total(rows, d.id));
      }
    });
  }
});
