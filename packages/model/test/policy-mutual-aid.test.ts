import { describe, expect, it } from 'vitest';
import { defaultWorkforceConfig } from '../src/workforce/default-workforce.js';
import { createPolicy } from '../src/workforce/policies/index.js';
import { opelLevel } from '../src/workforce/policies/shared.js';
import { poolState, pressure, snapshot } from './policy-fixtures.js';
import { systemWith } from './workforce-fixtures.js';

describe('mutualAid policy', () => {
  const wf = defaultWorkforceConfig();
  wf.policySettings.mutualAid = { opelThresholds: [0.85, 0.92, 0.97], lendFromLevel: 3, maxShareLent: 0.5 };
  const policy = createPolicy('mutualAid', systemWith(wf));
  const pools = [
    poolState({
      poolId: 'trustA.edClinician',
      organisationId: 'trustA',
      homeService: 'ed',
      role: 'edClinician',
      onDutyAtHome: 18,
      requiredOnDuty: 20,
      minimumRetained: 18,
    }),
    poolState({
      poolId: 'trustB.edClinician',
      organisationId: 'trustB',
      homeService: 'ed',
      role: 'edClinician',
      onDutyAtHome: 22,
      requiredOnDuty: 20,
      minimumRetained: 18,
    }),
    poolState({
      poolId: 'trustC.edClinician',
      organisationId: 'trustC',
      homeService: 'ed',
      role: 'edClinician',
      onDutyAtHome: 24,
      requiredOnDuty: 20,
      minimumRetained: 18,
    }),
  ];

  it('OPEL levels from the thresholds', () => {
    expect([0.5, 0.85, 0.91, 0.92, 0.97, 1].map((p) => opelLevel(p, [0.85, 0.92, 0.97]))).toEqual([
      1, 2, 2, 3, 4, 4,
    ]);
  });

  it('partners below the lending level lend a share of their staff above minimum, capped at the recipient', () => {
    const decision = policy.decide(
      snapshot(pools, [
        pressure('trustA', 'ed', 0.98),
        pressure('trustB', 'ed', 0.5),
        pressure('trustC', 'ed', 0.8),
      ]),
    );
    // Recipient cap ceil(0.5 × 20) = 10; trustB lends floor(0.5 × 4) = 2, trustC floor(0.5 × 6) = 3.
    expect(decision.moves).toEqual([
      {
        fromPoolId: 'trustB.edClinician',
        toOrganisationId: 'trustA',
        toService: 'ed',
        count: 2,
        reason: 'mutualAid:OPEL4',
      },
      {
        fromPoolId: 'trustC.edClinician',
        toOrganisationId: 'trustA',
        toService: 'ed',
        count: 3,
        reason: 'mutualAid:OPEL4',
      },
    ]);
  });

  it('no aid below the lending level, and none from partners at or above it', () => {
    expect(policy.decide(snapshot(pools, [pressure('trustA', 'ed', 0.9)])).moves).toEqual([]);
    const bothHigh = policy.decide(
      snapshot(pools, [
        pressure('trustA', 'ed', 0.98),
        pressure('trustB', 'ed', 0.95),
        pressure('trustC', 'ed', 0.95),
      ]),
    );
    expect(bothHigh.moves).toEqual([]);
  });
});
