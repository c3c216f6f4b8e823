import { MINUTES_PER_DAY, MINUTES_PER_HOUR } from '@carepool/engine';
import { describe, expect, it } from 'vitest';
import { defaultWorkforceConfig } from '../src/workforce/default-workforce.js';
import { createPolicy } from '../src/workforce/policies/index.js';
import {
  careWorkers,
  movesTo,
  poolState,
  pressure,
  pressuresAt,
  snapshot,
  wardNurses,
} from './policy-fixtures.js';
import { systemWith, unevenWardsHarness } from './workforce-fixtures.js';

function config(
  settings: Partial<ReturnType<typeof defaultWorkforceConfig>['policySettings']['staffPassport']> = {},
) {
  const wf = defaultWorkforceConfig();
  wf.policySettings.staffPassport = {
    maxShareMoved: 0.2,
    inductionDays: 1,
    inductionEffectiveness: 0.5,
    pressureGapThreshold: 0.15,
    ...settings,
  };
  return systemWith(wf);
}

describe('staffPassport policy', () => {
  it('moves towards pressure only across a large enough pressure gap, within the cap, the minimum and competencies', () => {
    const policy = createPolicy('staffPassport', config());
    const decision = policy.decide(
      snapshot(
        [
          // Short by 5 at the most pressured ward.
          wardNurses('trustA', { onDutyAtHome: 15, requiredOnDuty: 20, minimumRetained: 18 }),
          // Donors: trustB quiet (cap 0.2 × 20 = 4, above minimum 20 − 14 = 6 → 4); trustC too pressured.
          wardNurses('trustB', { onDutyAtHome: 20, requiredOnDuty: 15, minimumRetained: 14 }),
          wardNurses('trustC', { onDutyAtHome: 20, requiredOnDuty: 15, minimumRetained: 14 }),
          // A carer cannot staff a ward (no competency, no substitution rule).
          careWorkers('councilNorth', { onDutyAtHome: 50, requiredOnDuty: 10, minimumRetained: 9 }),
          // A district nurse may, by substitution (0.8).
          poolState({
            poolId: 'communityHealth.districtNurse',
            organisationId: 'communityHealth',
            homeService: 'community',
            role: 'districtNurse',
            onDutyAtHome: 10,
            requiredOnDuty: 10,
            minimumRetained: 9,
          }),
        ],
        [
          ...pressuresAt('ward', { trustA: 0.95, trustB: 0.6, trustC: 0.85 }),
          pressure('communityHealth', 'community', 0.7),
        ],
      ),
    );
    expect(decision.moves).toEqual(
      movesTo('trustA', 'ward', 'staffPassport', { 'trustB.wardRn': 4, 'communityHealth.districtNurse': 1 }),
    );
  });

  it('inductees count at inductionEffectiveness until inducted; the same members go back next time', () => {
    const { sim, workforce } = unevenWardsHarness(
      'staffPassport',
      { inductionDays: 1, inductionEffectiveness: 0.5 },
      { trustA: 0.5, trustB: 0.95 },
    );
    sim.run(9 * MINUTES_PER_HOUR); // first day: 4 movers, half effective
    expect(workforce.onDuty('trustB', 'ward')).toBe(6 + 4 * 0.5);
    expect(workforce.onDuty('trustA', 'ward')).toBe(12);
    sim.run(2 * MINUTES_PER_DAY + 9 * MINUTES_PER_HOUR); // inducted by now
    expect(workforce.onDuty('trustB', 'ward')).toBe(10);
  });

  it('a travel time delays the arrival but not the departure', () => {
    const { sim, workforce } = unevenWardsHarness(
      'staffPassport',
      { inductionDays: 0, inductionEffectiveness: 1 },
      { trustB: 0.95 },
      { travelTimes: [{ fromOrganisationId: 'trustA', toOrganisationId: 'trustB', minutes: 30 }] },
    );
    sim.run(8 * MINUTES_PER_HOUR + 10);
    expect(workforce.onDuty('trustA', 'ward')).toBe(12);
    expect(workforce.onDuty('trustB', 'ward')).toBe(6);
    sim.run(8 * MINUTES_PER_HOUR + 31);
    expect(workforce.onDuty('trustB', 'ward')).toBe(10);
  });
});
