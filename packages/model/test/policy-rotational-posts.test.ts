import { MINUTES_PER_DAY, MINUTES_PER_HOUR } from '@carepool/engine';
import { describe, expect, it } from 'vitest';
import { defaultWorkforceConfig } from '../src/workforce/default-workforce.js';
import { awayInWeek, createPolicy } from '../src/workforce/policies/index.js';
import { movesTo, poolState, snapshot } from './policy-fixtures.js';
import { gpPool, harness, simplePool, systemWith, workforceWith } from './workforce-fixtures.js';

describe('rotationalPosts policy', () => {
  it('the staggered timetable: cohorts go in turn, count × weeksAway / cycleWeeks away each week', () => {
    // Leeds: 15 paramedics, 10 weeks of every 30 → 5 away every week.
    for (let week = 0; week < 60; week++) expect(awayInWeek(15, 10, 30, week)).toBe(5);
    // One member, 2 weeks in 4: away in weeks 0, 1, 4, 5, ...
    expect([0, 1, 2, 3, 4, 5].map((w) => awayInWeek(1, 2, 4, w))).toEqual([1, 1, 0, 0, 1, 1]);
  });

  it('moves the timetabled paramedics only at shift starts shared with general practice', () => {
    const config = systemWith(defaultWorkforceConfig());
    const policy = createPolicy('rotationalPosts', config);
    const paramedics = poolState({
      poolId: 'ambulance.paramedic',
      organisationId: 'ambulance',
      homeService: 'none',
      role: 'paramedic',
      onDutyAtHome: 55,
      requiredOnDuty: 60,
      minimumRetained: 51,
    });
    const gp = poolState({
      poolId: 'primaryCare.gp',
      organisationId: 'primaryCare',
      homeService: 'generalPractice',
      role: 'gp',
    });
    expect(policy.decide(snapshot([paramedics, gp])).moves).toEqual(
      movesTo('primaryCare', 'generalPractice', 'rotation:ambulance.paramedic>primaryCare.gp', {
        'ambulance.paramedic': 5,
      }),
    );
    expect(policy.decide(snapshot([paramedics, { ...gp, shiftStartsNow: false }])).moves).toEqual([]);
  });

  it('rotated paramedics count in general practice at their substitution effectiveness, after induction', () => {
    const paramedic = simplePool({
      id: 'ambulance.paramedic',
      organisationId: 'ambulance',
      role: 'paramedic',
      homeService: 'none',
      competencies: [],
      inPostWte: 80, // 20 on a shift, 10 required, minimum 10
    });
    const gp = gpPool();
    const settings = defaultWorkforceConfig().policySettings;
    settings.rotationalPosts = {
      rotations: [
        {
          fromPoolId: 'ambulance.paramedic',
          toPoolId: 'primaryCare.gp',
          count: 6,
          weeksAway: 1,
          cycleWeeks: 2,
        },
      ],
    };
    const config = systemWith(
      workforceWith([paramedic, gp], {
        policy: 'rotationalPosts',
        policySettings: settings,
        substitutions: [{ fromRole: 'paramedic', service: 'generalPractice', effectiveness: 0.8 }],
        induction: { days: 2, effectiveness: 0.5 },
      }),
    );
    const { sim, workforce } = harness(config); // a pressure source with no scores
    const noon = (day: number) => day * MINUTES_PER_DAY + 12 * MINUTES_PER_HOUR;
    sim.run(noon(0)); // Monday, week 0: 3 away (6 × 1/2), inducting
    expect(workforce.onDuty('primaryCare', 'generalPractice')).toBeCloseTo(30 + 3 * 0.8 * 0.5, 9);
    expect(workforce.poolOnDutyAtHome('ambulance.paramedic')).toBe(17);
    sim.run(noon(2)); // Wednesday: inducted
    expect(workforce.onDuty('primaryCare', 'generalPractice')).toBeCloseTo(30 + 3 * 0.8, 9);
    sim.run(noon(5)); // Saturday: the practice is closed, nobody rotates
    expect(workforce.onDuty('primaryCare', 'generalPractice')).toBe(0);
    expect(workforce.poolOnDutyAtHome('ambulance.paramedic')).toBe(20);
    sim.run(noon(7)); // week 1: 3 away again; the workforce sends members already inducted there first
    expect(workforce.onDuty('primaryCare', 'generalPractice')).toBeCloseTo(30 + 3 * 0.8, 9);
  });
});
