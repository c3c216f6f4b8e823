import { MINUTES_PER_DAY } from '@carepool/engine';
import { describe, expect, it } from 'vitest';
import { defaultWorkforceConfig } from '../src/workforce/default-workforce.js';
import { createPolicy } from '../src/workforce/policies/index.js';
import { careWorkers, pressure, snapshot, wardNurses } from './policy-fixtures.js';
import { FakePressure, harness, systemWith } from './workforce-fixtures.js';

describe('dischargeFirst policy', () => {
  const wf = defaultWorkforceConfig();
  wf.policySettings.dischargeFirst = { priorityShare: 0.5, services: ['homeCare', 'community'] };
  const policy = createPolicy('dischargeFirst', systemWith(wf));

  it('flexible capacity goes to home care and community first, up to the priority share; the rest of the bank to other gaps', () => {
    const decision = policy.decide(
      snapshot(
        [
          wardNurses('trustA', { onDutyAtHome: 6, requiredOnDuty: 10 }),
          wardNurses('trustB', { onDutyAtHome: 14, requiredOnDuty: 10 }),
          careWorkers('councilNorth', { onDutyAtHome: 90, requiredOnDuty: 100 }),
        ],
        // The ward is more pressured, but home care comes first.
        [pressure('trustA', 'ward', 0.99), pressure('councilNorth', 'homeCare', 0.6)],
        { careWorker: 3, registeredNurse: 5 },
      ),
    );
    // Flexible: 3 + 5 bank + 4 surplus at trustB = 12 → priority budget 6: 3 carers, then 3 nurses
    // from the bank (a nurse may cover home care); trustB's surplus is not needed. Then the 2 nurses
    // left in the bank go to trustA's ward gap.
    expect(decision.systemBankFills).toEqual([
      {
        role: 'careWorker',
        toOrganisationId: 'councilNorth',
        toService: 'homeCare',
        count: 3,
        reason: 'dischargeFirst',
      },
      {
        role: 'registeredNurse',
        toOrganisationId: 'councilNorth',
        toService: 'homeCare',
        count: 3,
        reason: 'dischargeFirst',
      },
      { role: 'registeredNurse', toOrganisationId: 'trustA', toService: 'ward', count: 2 },
    ]);
    expect(decision.moves).toEqual([]);
  });

  it('uses surplus staff for the priority services when the bank is empty', () => {
    const decision = policy.decide(
      snapshot(
        [
          wardNurses('trustB', { onDutyAtHome: 14, requiredOnDuty: 10 }),
          careWorkers('councilNorth', { onDutyAtHome: 90, requiredOnDuty: 100 }),
        ],
        [],
        {},
      ),
    );
    expect(decision.moves).toEqual([
      {
        fromPoolId: 'trustB.wardRn',
        toOrganisationId: 'councilNorth',
        toService: 'homeCare',
        count: 2,
        reason: 'dischargeFirst',
      },
    ]);
  });

  it('on the default ICS, home care gets more cover than under siloed', () => {
    const covered = (policy: 'siloed' | 'dischargeFirst') => {
      const w = defaultWorkforceConfig();
      w.policy = policy;
      const { sim, workforce } = harness(systemWith(w, { durationDays: 28 }), {
        pressure: new FakePressure(),
        seed: 11,
      });
      sim.run(28 * MINUTES_PER_DAY);
      return (
        workforce.staffMinutes('councilNorth', 'homeCare') +
        workforce.staffMinutes('councilSouth', 'homeCare')
      );
    };
    expect(covered('dischargeFirst')).toBeGreaterThan(covered('siloed'));
  });
});
