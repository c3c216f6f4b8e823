/**
 * Conservation: every paid staff hour is in exactly one place, and redeployment moves people
 * without creating or losing any (whole-time equivalents and headcount on duty are conserved).
 */
import { MINUTES_PER_DAY, MINUTES_PER_HOUR } from '@carepool/engine';
import { describe, expect, it } from 'vitest';
import { POLICY_IDS, type PolicyId } from '../src/config.js';
import type { ServiceKind } from '../src/contracts.js';
import { defaultWorkforceConfig } from '../src/workforce/default-workforce.js';
import { total } from '../src/workforce/ledger.js';
import { SERVICE_KINDS } from '../src/workforce/workforce.js';
import { FakePressure, harness, systemWith, unevenWardsHarness } from './workforce-fixtures.js';

const POLICIES: readonly PolicyId[] = POLICY_IDS;

function pressured(): FakePressure {
  const pressure = new FakePressure();
  pressure.set('trustA', 'ed', 0.99);
  pressure.set('trustA', 'ward', 0.95);
  pressure.set('trustB', 'ward', 0.7);
  pressure.set('councilNorth', 'homeCare', 0.98);
  pressure.set('communityHealth', 'community', 0.5);
  return pressure;
}

describe('workforce conservation on the default ICS', () => {
  for (const policy of POLICIES) {
    it(`${policy}: paid hours = sick + planned + worked at home + idle + deployed; hours by place add up`, () => {
      const wf = defaultWorkforceConfig();
      wf.policy = policy;
      const config = systemWith(wf, { durationDays: 60, warmupDays: 10 });
      const { sim, workforce } = harness(config, { pressure: pressured(), seed: 7 });
      sim.run(70 * MINUTES_PER_DAY);
      const L = workforce.ledger;
      for (let o = 0; o < L.organisationCount; o++) {
        const parts =
          L.sickHours[o] +
          L.plannedAbsenceHours[o] +
          L.workedAtHomeHours[o] +
          L.idleHours[o] +
          L.deployedHours[o];
        expect(parts).toBeCloseTo(L.contractedHours[o], 6);
        expect(L.sickHours[o]).toBeGreaterThanOrEqual(0);
      }
      // Hours worked somewhere = own staff at home or away + bank (own and system) + agency + overtime.
      const workedBySubstantive = total(L.workedAtHomeHours) + total(L.idleHours) + total(L.deployedHours);
      const bought = total(L.bankHours) + total(L.agencyHours) + total(L.overtimeHours);
      expect(total(L.hoursAtLocation)).toBeCloseTo(workedBySubstantive + bought, 6);
      // Every move is lent by one organisation and received by one.
      expect(total(L.movesLent)).toBe(total(L.movesReceived));
      // Planned absence includes rounding to whole people only: close to its share of paid hours.
      const planned = total(L.plannedAbsenceHours) / (total(L.contractedHours) - total(L.sickHours));
      expect(planned).toBeGreaterThan(0.1);
      expect(planned).toBeLessThan(0.2);
    });
  }

  it('moves change where staff work, not how many are employed: in-post WTE is the same under every policy', () => {
    const inPostAtEnd = POLICIES.map((policy) => {
      const wf = defaultWorkforceConfig();
      wf.policy = policy;
      const { sim, workforce } = harness(systemWith(wf, { durationDays: 120 }), {
        pressure: pressured(),
        seed: 3,
      });
      sim.run(120 * MINUTES_PER_DAY);
      return wf.staffPools.map((p) => workforce.inPostWte(p.id));
    });
    for (const row of inPostAtEnd) expect(row).toEqual(inPostAtEnd[0]);
  });
});

describe('headcount on duty is conserved by moves', () => {
  // Two identical ward pools at two trusts; one has a surplus, the other a gap. With full
  // effectiveness, no induction and no travel, a passport move shifts people one for one.
  const sumOnDuty = (h: ReturnType<typeof harness>) => {
    let sum = 0;
    for (const org of ['trustA', 'trustB'])
      for (const s of SERVICE_KINDS) sum += h.workforce.onDuty(org, s as ServiceKind);
    return sum;
  };
  it('the same total on duty with and without redeployment, and the right split', () => {
    const run = (policy: PolicyId) => {
      const h = unevenWardsHarness(
        policy,
        { inductionDays: 0, inductionEffectiveness: 1 },
        { trustA: 0.5, trustB: 0.95 },
      );
      h.sim.run(9 * MINUTES_PER_HOUR);
      return {
        total: sumOnDuty(h),
        a: h.workforce.onDuty('trustA', 'ward'),
        b: h.workforce.onDuty('trustB', 'ward'),
      };
    };
    const siloed = run('siloed');
    const passport = run('staffPassport');
    expect(siloed).toEqual({ total: 22, a: 16, b: 6 });
    // trustB is 4 short; trustA lends 4 of its 6 above the requirement.
    expect(passport).toEqual({ total: 22, a: 12, b: 10 });
  });
});
