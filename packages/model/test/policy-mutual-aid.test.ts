import { describe, expect, it } from 'vitest';
import { defaultWorkforceConfig } from '../src/workforce/default-workforce.js';
import { createPolicy } from '../src/workforce/policies/index.js';
import { opelLevel } from '../src/workforce/policies/shared.js';
import { edClinicians, movesTo, pressuresAt, snapshot } from './policy-fixtures.js';
import { systemWith } from './workforce-fixtures.js';

describe('mutualAid policy', () => {
  const wf = defaultWorkforceConfig();
  wf.policySettings.mutualAid = { opelThresholds: [0.85, 0.92, 0.97], lendFromLevel: 3, maxShareLent: 0.5 };
  const policy = createPolicy('mutualAid', systemWith(wf));
  // Each trust's ED needs 20 clinicians on duty and keeps at least 18.
  const ed = (organisationId: string, onDutyAtHome: number) =>
    edClinicians(organisationId, { onDutyAtHome, requiredOnDuty: 20, minimumRetained: 18 });
  const pools = [ed('trustA', 18), ed('trustB', 22), ed('trustC', 24)];

  it('OPEL levels from the thresholds', () => {
    expect([0.5, 0.85, 0.91, 0.92, 0.97, 1].map((p) => opelLevel(p, [0.85, 0.92, 0.97]))).toEqual([
      1, 2, 2, 3, 4, 4,
    ]);
  });

  it('partners below the lending level lend a share of their staff above minimum, capped at the recipient', () => {
    const decision = policy.decide(
      snapshot(pools, pressuresAt('ed', { trustA: 0.98, trustB: 0.5, trustC: 0.8 })),
    );
    // Recipient cap ceil(0.5 × 20) = 10; trustB lends floor(0.5 × 4) = 2, trustC floor(0.5 × 6) = 3.
    expect(decision.moves).toEqual(
      movesTo('trustA', 'ed', 'mutualAid:OPEL4', { 'trustB.edClinician': 2, 'trustC.edClinician': 3 }),
    );
  });

  it('no aid below the lending level, and none from partners at or above it', () => {
    expect(policy.decide(snapshot(pools, pressuresAt('ed', { trustA: 0.9 }))).moves).toEqual([]);
    const bothHigh = policy.decide(
      snapshot(pools, pressuresAt('ed', { trustA: 0.98, trustB: 0.95, trustC: 0.95 })),
    );
    expect(bothHigh.moves).toEqual([]);
  });
});
