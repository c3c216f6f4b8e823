/**
 * Workforce dynamics against theory, over replications with fixed seeds and confidence intervals:
 * steady-state vacancies of turnover + recruitment delay, sickness absence share, leaver rates and
 * the burnout feedback cap.
 */
import { MINUTES_PER_DAY } from '@carepool/engine';
import { describe, expect, it } from 'vitest';
import { hireSuccessForVacancy } from '../src/workforce/default-workforce.js';
import type { StaffPoolConfig, WorkforceConfig } from '../src/workforce-config.js';
import { harness, simplePool, systemWith, workforceWith } from './workforce-fixtures.js';

const REPLICATIONS = 20;
/** Two-sided 99% Student t quantile, 19 degrees of freedom. */
const T_99_19 = 2.861;

function meanAndHalfWidth(values: number[]): { mean: number; halfWidth: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, halfWidth: T_99_19 * Math.sqrt(variance / n) };
}

function replicate(
  pool: StaffPoolConfig,
  metricId: string,
  statistic: string,
  years: number,
  workforce: Partial<WorkforceConfig> = {},
): number[] {
  const values: number[] = [];
  for (let r = 0; r < REPLICATIONS; r++) {
    const config = systemWith(workforceWith([pool], workforce), {
      warmupDays: 365,
      durationDays: 365 * years,
    });
    const { sim, workforce: wf } = harness(config, { seed: 2025, replication: r });
    sim.run((365 + 365 * years) * MINUTES_PER_DAY);
    const row = wf
      .metricRows()
      .find((m) => m.scope === 'ics' && m.metricId === metricId && m.statistic === statistic);
    values.push(row!.value);
  }
  return values;
}

/** trustA's ward nurses: `establishmentWte` posts, `inPostWte` filled at the start, the dynamics under test. */
function wardPool(
  establishmentWte: number,
  inPostWte: number,
  dynamics: Partial<StaffPoolConfig>,
): StaffPoolConfig {
  return simplePool({
    id: 'trustA.wardRn',
    organisationId: 'trustA',
    establishmentWte,
    inPostWte,
    ...dynamics,
  });
}

describe('vacancies evolve as turnover and time to hire say', () => {
  // Turnover r = 0.5 a year, every hiring round succeeds after T = 73 days.
  const turnoverAndHire = {
    turnoverPerYear: 0.5,
    timeToHireDays: { kind: 'deterministic', value: 73 },
  } as const;

  it('steady-state vacancy share ≈ rT / (1 + rT) (every round hires)', () => {
    // r = 0.5 a year, T = 73 days = 0.2 years → x = 0.1, vacancy share 0.1 / 1.1.
    const pool = wardPool(200, 182, turnoverAndHire);
    const { mean, halfWidth } = meanAndHalfWidth(replicate(pool, 'workforce.vacancyShare', 'mean', 3));
    expect(Math.abs(mean - 0.1 / 1.1)).toBeLessThan(halfWidth);
    expect(halfWidth).toBeLessThan(0.01);
  });

  it('with failed rounds (hire success q) the delay per vacancy is T / q; a lognormal time to hire', () => {
    // r = 0.4, T lognormal mean 60 days, q = 0.5 → x = 0.4 × (60 / 365) / 0.5 = 0.1315.
    const pool = wardPool(300, 265, {
      turnoverPerYear: 0.4,
      hireSuccessShare: 0.5,
      timeToHireDays: { kind: 'lognormal', mean: 60, sd: 30 },
    });
    const x = (0.4 * (60 / 365)) / 0.5;
    const { mean, halfWidth } = meanAndHalfWidth(replicate(pool, 'workforce.vacancyShare', 'mean', 3));
    expect(Math.abs(mean - x / (1 + x))).toBeLessThan(halfWidth);
  });

  it('hireSuccessForVacancy inverts the steady state', () => {
    const q = hireSuccessForVacancy(0.075, 0.12, 85.9);
    const x = (0.12 * 85.9) / 365 / q;
    expect(x / (1 + x)).toBeCloseTo(0.075, 12);
    expect(hireSuccessForVacancy(0.001, 0.12, 85.9)).toBe(1);
  });

  it('a pipeline limit holds vacancies above the unconstrained steady state', () => {
    const pool = wardPool(200, 182, { ...turnoverAndHire, maxHiresInPipeline: 10 });
    const limited = meanAndHalfWidth(replicate(pool, 'workforce.vacancyShare', 'mean', 2));
    // At most 10 hires per 0.2 years = 50 a year against ~0.5 × in post leavers: vacancies settle near
    // the in-post level where leavers = 50 a year, i.e. in post 100 → vacancy share ≈ 0.5.
    expect(limited.mean).toBeGreaterThan(0.3);
  });
});

describe('sickness absence and leavers', () => {
  it('sickness absence share ≈ sicknessAbsenceShare, leaver rate ≈ turnoverPerYear', () => {
    const pool = wardPool(400, 400, {
      sicknessAbsenceShare: 0.05,
      sicknessSpellDays: 8,
      turnoverPerYear: 0.12,
      timeToHireDays: { kind: 'deterministic', value: 30 },
    });
    const sickness = meanAndHalfWidth(replicate(pool, 'workforce.sicknessAbsenceShare', 'mean', 2));
    expect(Math.abs(sickness.mean - 0.05)).toBeLessThan(sickness.halfWidth);
    const leavers = meanAndHalfWidth(replicate(pool, 'workforce.leaverRateShare', 'value', 2));
    expect(Math.abs(leavers.mean - 0.12)).toBeLessThan(leavers.halfWidth);
  });

  // Required far above what the pool can roster: overload every shift, so the multipliers sit at their cap 2.
  const overloaded = (extra: Parameters<typeof wardPool>[2]) =>
    wardPool(400, 400, {
      requiredOnDutyByShift: [200, 200],
      timeToHireDays: { kind: 'deterministic', value: 30 },
      ...extra,
    });
  const burnout = { enabled: true, patientsPerNurseThreshold: 8, windowDays: 28, maxMultiplier: 2 };

  it('burnout feedback raises leavers under sustained overload, up to its cap', () => {
    const burnoutFeedback = { ...burnout, leaverOddsPerExtraPatient: 1.23 };
    const leavers = meanAndHalfWidth(
      replicate(overloaded({ turnoverPerYear: 0.12 }), 'workforce.leaverRateShare', 'value', 2, {
        burnoutFeedback,
      }),
    );
    expect(Math.abs(leavers.mean - 0.24)).toBeLessThan(leavers.halfWidth);
  });

  it('with sicknessOddsPerExtraPatient, sustained overload raises sickness too, up to the same cap', () => {
    const burnoutFeedback = { ...burnout, leaverOddsPerExtraPatient: 1, sicknessOddsPerExtraPatient: 1.15 };
    const pool = overloaded({ sicknessAbsenceShare: 0.05, sicknessSpellDays: 8 });
    // Onsets at twice the rate λ = s / ((1 − s) d): the share off sick becomes 2s / (1 + s) ≈ 9.5%.
    const sickness = meanAndHalfWidth(
      replicate(pool, 'workforce.sicknessAbsenceShare', 'mean', 2, { burnoutFeedback }),
    );
    expect(sickness.mean).toBeGreaterThan(0.085);
    expect(sickness.mean).toBeLessThan(0.1);
  });
});
