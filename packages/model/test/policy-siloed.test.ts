import { MINUTES_PER_DAY } from '@carepool/engine';
import { describe, expect, it } from 'vitest';
import { defaultWorkforceConfig } from '../src/workforce/default-workforce.js';
import { createPolicy } from '../src/workforce/policies/index.js';
import { poolState, pressure, snapshot } from './policy-fixtures.js';
import { FakePressure, harness, systemWith } from './workforce-fixtures.js';

describe('siloed policy', () => {
  it('never moves anyone and never uses a system bank, whatever the pressure', () => {
    const config = systemWith(defaultWorkforceConfig());
    const policy = createPolicy('siloed', config);
    const decision = policy.decide(
      snapshot(
        [
          poolState({ poolId: 'a', organisationId: 'trustA', homeService: 'ward', onDutyAtHome: 20 }),
          poolState({ poolId: 'b', organisationId: 'trustB', homeService: 'ward', onDutyAtHome: 2 }),
        ],
        [pressure('trustB', 'ward', 1)],
        { registeredNurse: 50 },
      ),
    );
    expect(decision).toEqual({ moves: [], systemBankFills: [] });
  });

  it('on the default ICS: no moves, own banks and agency fill gaps', () => {
    const config = systemWith(defaultWorkforceConfig(), { durationDays: 30 });
    const pressureSource = new FakePressure();
    pressureSource.set('trustA', 'ward', 1);
    const { sim, workforce } = harness(config, { pressure: pressureSource });
    sim.run(30 * MINUTES_PER_DAY);
    const rows = workforce.metricRows();
    const ics = (id: string) => rows.find((r) => r.scope === 'ics' && r.metricId === id)!.value;
    expect(ics('redeployment.movesCount')).toBe(0);
    expect(ics('staffing.bankShiftsCount')).toBeGreaterThan(0);
    expect(ics('staffing.agencyShiftsCount')).toBeGreaterThan(0);
  });
});
