import { describe, expect, it } from 'vitest';
import { miniIcsConfig } from '../src/mini-ics.js';
import { resolveSystemConfig, SYSTEM_CONFIG_DEFAULTS } from '../src/resolve.js';

describe('resolveSystemConfig: defaults filled once', () => {
  it('fills every optional field the model reads, leaves given values and the input alone', () => {
    const config = miniIcsConfig();
    const ward = config.acuteWards[0];
    delete ward.dischargeStartHour;
    delete ward.outlieAfterMinutes;
    ward.dischargeEndHour = 18;
    delete config.emergencyDepartments[0].admittedDecisionMinutes;
    delete config.workforce.bankRestHours;
    const before = JSON.stringify(config);
    const resolved = resolveSystemConfig(config);
    expect(JSON.stringify(config)).toBe(before);
    expect(resolved.acuteWards[0].dischargeStartHour).toBe(
      SYSTEM_CONFIG_DEFAULTS['acuteWards[].dischargeStartHour'].value,
    );
    expect(resolved.acuteWards[0].dischargeEndHour).toBe(18);
    expect(resolved.acuteWards[0].outlieAfterMinutes).toBe(Number.POSITIVE_INFINITY);
    expect(resolved.emergencyDepartments[0].admittedDecisionMinutes).toEqual(
      config.emergencyDepartments[0].decisionMinutes,
    );
    expect(resolved.workforce.bankRestHours).toBe(36);
    for (const pool of resolved.workforce.staffPools) {
      expect(pool.overtimeHourlyCostGbp).toBeGreaterThan(0);
      expect(pool.homeService).toBeDefined();
    }
    // Resolving twice changes nothing.
    expect(resolveSystemConfig(resolved)).toEqual(resolved);
  });
});

describe('resolveSystemConfig: escalation thresholds have their own place', () => {
  it('reads escalation, else the mutual-aid settings of older files, else the default', () => {
    const config = miniIcsConfig();
    const legacy = config.workforce.policySettings.mutualAid.opelThresholds;
    expect(resolveSystemConfig(config).escalation.opelThresholds).toEqual(legacy);
    delete config.workforce.policySettings.mutualAid.opelThresholds;
    expect(resolveSystemConfig(config).escalation.opelThresholds).toEqual(
      SYSTEM_CONFIG_DEFAULTS['escalation.opelThresholds'].value,
    );
    config.escalation = { opelThresholds: [0.5, 0.6, 0.7] };
    expect(resolveSystemConfig(config).escalation.opelThresholds).toEqual([0.5, 0.6, 0.7]);
  });

  it('refuses thresholds given in both places with different values', () => {
    const config = miniIcsConfig();
    config.escalation = { opelThresholds: [0.5, 0.6, 0.7] };
    expect(() => resolveSystemConfig(config)).toThrow(/differ; give them once, in escalation/);
    config.escalation = { opelThresholds: [...config.workforce.policySettings.mutualAid.opelThresholds!] };
    expect(() => resolveSystemConfig(config)).not.toThrow();
  });
});

describe('resolveSystemConfig: every model-level check runs here, before a run is built', () => {
  it('refuses what the model cannot run, naming the field', () => {
    const cases: [string, (c: ReturnType<typeof miniIcsConfig>) => void, RegExp][] = [
      ['run length', (c) => void (c.durationDays = 0), /durationDays must be > 0/],
      ['pool', (c) => c.workforce.staffPools.push({ ...c.workforce.staffPools[0] }), /duplicate pool id/],
      ['ward', (c) => void (c.acuteWards[0].dischargeCatchment = []), /at least one local authority/],
      ['ED', (c) => void (c.emergencyDepartments[0].organisationId = 'nowhere'), /has no acuteWards/],
      [
        'system bank',
        (c) => void (c.workforce.policySettings.systemBank.headcountByRole = { registeredNurse: -1 }),
        /headcountByRole.registeredNurse must be ≥ 0/,
      ],
      [
        'system bank pay',
        (c) => void delete c.workforce.policySettings.systemBank.hourlyCostGbpByRole.careWorker,
        /hourlyCostGbpByRole.careWorker is missing: the system bank holds 5 careWorker/,
      ],
      [
        'system bank pay below 0',
        (c) => void (c.workforce.policySettings.systemBank.hourlyCostGbpByRole.careWorker = -1),
        /hourlyCostGbpByRole.careWorker must be ≥ 0; got -1/,
      ],
    ];
    for (const [, change, message] of cases) {
      const config = miniIcsConfig();
      change(config);
      expect(() => resolveSystemConfig(config)).toThrow(message);
    }
  });
});
