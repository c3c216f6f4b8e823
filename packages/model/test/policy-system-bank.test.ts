import { MINUTES_PER_DAY, MINUTES_PER_HOUR } from '@carepool/engine';
import { describe, expect, it } from 'vitest';
import type { PolicyId, SystemConfig } from '../src/config.js';
import type { DeploymentPolicy } from '../src/contracts.js';
import { miniIcsConfig } from '../src/mini-ics.js';
import { runSystem } from '../src/run.js';
import { defaultWorkforceConfig } from '../src/workforce/default-workforce.js';
import { createPolicy } from '../src/workforce/policies/index.js';
import { careWorkers, pressure, snapshot, wardNurses } from './policy-fixtures.js';
import { FakePressure, harness, simplePool, systemWith, workforceWith } from './workforce-fixtures.js';

describe('systemBank policy', () => {
  it('fills gaps most pressured first, by role, until the bank runs out', () => {
    const policy = createPolicy('systemBank', systemWith(defaultWorkforceConfig()));
    const decision = policy.decide(
      snapshot(
        [
          wardNurses('trustA', { onDutyAtHome: 7 }),
          wardNurses('trustB', { onDutyAtHome: 6 }),
          careWorkers('councilNorth', { onDutyAtHome: 5 }),
          // Not starting a shift now: not filled.
          wardNurses('trustC', { onDutyAtHome: 0, shiftStartsNow: false }),
        ],
        [pressure('trustA', 'ward', 0.9), pressure('trustB', 'ward', 0.95)],
        { registeredNurse: 5, careWorker: 2 },
      ),
    );
    expect(decision.moves).toEqual([]);
    expect(decision.systemBankFills).toEqual([
      { role: 'registeredNurse', toOrganisationId: 'trustB', toService: 'ward', count: 4 },
      { role: 'registeredNurse', toOrganisationId: 'trustA', toService: 'ward', count: 1 },
      { role: 'careWorker', toOrganisationId: 'councilNorth', toService: 'homeCare', count: 2 },
    ]);
  });

  it('replaces the own banks of its roles, and its fills count as bank shifts at the receiving organisation', () => {
    const pools = [
      simplePool({
        id: 'trustA.wardRn',
        organisationId: 'trustA',
        establishmentWte: 32,
        inPostWte: 32,
        bankHeadcount: 10,
        bankFillShare: 1,
      }),
    ];
    const settings = defaultWorkforceConfig().policySettings;
    settings.systemBank = {
      headcountByRole: { registeredNurse: 1 },
      fillShare: 1,
      hourlyCostGbpByRole: { registeredNurse: 50 },
      replacesOwnBanks: true,
    };
    const config = systemWith(workforceWith(pools, { policy: 'systemBank', policySettings: settings }));
    const { sim, workforce } = harness(config, { pressure: new FakePressure() });
    sim.run(1);
    // 8 rostered, 10 required: the one system-bank member fills one shift; the own bank is closed.
    expect(workforce.onDuty('trustA', 'ward')).toBe(9);
    sim.run(9 * MINUTES_PER_HOUR);
    // The member rests 36 h after the shift ending at 08:00: nobody to fill the day shift.
    expect(workforce.onDuty('trustA', 'ward')).toBe(8);
    sim.run(MINUTES_PER_DAY);
    const bank = workforce
      .metricRows()
      .find((r) => r.scope === 'trustA' && r.metricId === 'staffing.bankCostGbp');
    // One shift: the night running at 0, 8 h of it left.
    expect(bank?.value).toBe(8 * 50);
  });
});

describe('system bank pay', () => {
  it('a role listed with no members needs no pay, and asking it for a fill costs 0, not a lost cost row', () => {
    const config = miniIcsConfig();
    config.warmupDays = 0;
    config.durationDays = 3;
    const bank = config.workforce.policySettings.systemBank;
    bank.headcountByRole.registeredNurse = 0;
    delete bank.hourlyCostGbpByRole.registeredNurse;
    const asksForNobody: DeploymentPolicy = {
      id: 'asks-for-nobody',
      description: 'asks the system bank for a role it has no members of',
      usesSystemBank: true,
      decide: () => ({
        moves: [],
        systemBankFills: [
          { role: 'registeredNurse', toOrganisationId: 'trustA', toService: 'ward', count: 1 },
        ],
      }),
    };
    const result = runSystem(config, { seed: 'pay', replication: 0, policy: asksForNobody });
    const costs = result.metrics.filter((m) => m.metricId === 'staffing.costGbp');
    expect(costs.map((m) => m.scope)).toContain('trustA');
    expect(costs.every((m) => Number.isFinite(m.value))).toBe(true);
  });
});

describe('a policy declares what it uses', () => {
  /** A policy module of one's own that re-implements a built-in: same rule, another id. */
  function reimplemented(id: PolicyId, config: SystemConfig): DeploymentPolicy {
    const builtIn = createPolicy(id, config);
    return {
      id: `my-${id}`,
      description: 'a re-implementation in a policy module',
      usesSystemBank: builtIn.usesSystemBank,
      induction: builtIn.induction,
      decide: (snapshot) => builtIn.decide(snapshot),
    };
  }
  for (const id of ['systemBank', 'staffPassport'] as const) {
    it(`a custom module re-implementing ${id} gives the built-in's results`, () => {
      const config = miniIcsConfig();
      config.warmupDays = 5;
      config.durationDays = 20;
      config.workforce.policy = id;
      const builtIn = runSystem(config, { seed: 'declared', replication: 0 });
      const custom = runSystem(config, {
        seed: 'declared',
        replication: 0,
        policy: reimplemented(id, config),
      });
      expect(custom.metrics).toEqual(builtIn.metrics);
      expect(
        builtIn.metrics.some(
          (m) => m.metricId === 'redeployment.movesCount' || m.metricId === 'staffing.systemBankShiftsCount',
        ),
      ).toBe(true);
    });
  }
});
