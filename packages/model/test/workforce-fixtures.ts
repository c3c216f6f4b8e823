/**
 * Small hand-checkable systems for the workforce tests: a SystemConfig with only organisations and
 * a workforce (no patient flow), a fake pressure source, and a bare Simulation.
 */
import { RandomStreams, Simulation } from '@carepool/engine';
import type { PolicyId, SystemConfig } from '../src/config.js';
import type { DeploymentPolicy, ServiceKind, ServicePressure } from '../src/contracts.js';
import { resolveSystemConfig } from '../src/resolve.js';
import { defaultWorkforceConfig } from '../src/workforce/default-workforce.js';
import { createPolicy } from '../src/workforce/policies/index.js';
import { Workforce } from '../src/workforce/workforce.js';
import type { StaffPoolConfig, WorkforceConfig } from '../src/workforce-config.js';

export const DEFAULT_ORGANISATIONS = [
  'trustA',
  'trustB',
  'trustC',
  'primaryCare',
  'communityHealth',
  'councilNorth',
  'councilSouth',
  'ambulance',
  'vcse',
];

/** A system with organisations and a workforce only. */
export function systemWith(workforce: WorkforceConfig, options: Partial<SystemConfig> = {}): SystemConfig {
  const organisationIds = new Set<string>(DEFAULT_ORGANISATIONS);
  for (const p of workforce.staffPools) organisationIds.add(p.organisationId);
  return {
    kind: 'system',
    name: 'workforce test',
    startDate: '2025-01-06', // a Monday
    durationDays: 28,
    warmupDays: 0,
    bedSnapshotHour: 8,
    organisations: [...organisationIds].map((id) => ({ id, name: id, kind: 'acuteTrust' as const })),
    emergencyDepartments: [],
    acuteWards: [],
    dischargePathways: {
      p0HomeShare: 1,
      p1HomeWithCareShare: 0,
      p2StepDownShare: 0,
      p3CareHomeShare: 0,
      p1VcseEligibleShare: 0,
      p0CommunityFollowUpShare: 0,
    },
    homeCare: [],
    placements: [],
    generalPractice: [],
    communityNursing: [],
    vcseSupport: [],
    surges: [],
    workforce,
    ...options,
  };
}

/** A pool with round numbers and nothing random unless asked: 2 x 12 h shifts from 08:00, every day. */
export function simplePool(
  overrides: Partial<StaffPoolConfig> & { id: string; organisationId: string },
): StaffPoolConfig {
  return {
    role: 'registeredNurse',
    homeService: 'ward',
    payGrade: 'AfC band 5',
    establishmentWte: 56,
    inPostWte: 56,
    requiredOnDutyByShift: [10, 10],
    // f = 42 / (12 x 2 x 7) = 0.25: 56 members x 0.25 x 1 = 14 on each shift... overridden per test.
    shiftPattern: { shiftsPerDay: 2, hoursPerShift: 12, firstShiftStartHour: 8, worksWeekends: true },
    hoursPerWtePerWeek: 42,
    plannedAbsenceShare: 0,
    sicknessAbsenceShare: 0,
    sicknessSpellDays: 5,
    turnoverPerYear: 0,
    timeToHireDays: { kind: 'deterministic', value: 70 },
    maxHiresInPipeline: 1000,
    hourlyCostGbp: 20,
    bankHeadcount: 0,
    bankFillShare: 0,
    bankHourlyCostGbp: 30,
    agencyFillShare: 0,
    agencyHourlyCostGbp: 40,
    competencies: ['ward'],
    minimumRetainedShare: 1,
    ...overrides,
  };
}

/**
 * General practice's GPs, weekdays only: f = 37.5 / (10 × 1 × 5) = 0.75, so 40 in post give 30 on
 * duty 08:00–18:00, Monday to Friday, the 30 required.
 */
export function gpPool(): StaffPoolConfig {
  return simplePool({
    id: 'primaryCare.gp',
    organisationId: 'primaryCare',
    role: 'gp',
    homeService: 'generalPractice',
    competencies: ['generalPractice'],
    establishmentWte: 40,
    inPostWte: 40,
    requiredOnDutyByShift: [30],
    hoursPerWtePerWeek: 37.5,
    shiftPattern: { shiftsPerDay: 1, hoursPerShift: 10, firstShiftStartHour: 8, worksWeekends: false },
  });
}

/** Two ward pools a shift apart in staffing: trustA 16 on duty for 10 required, trustB 6 for 10. */
export function unevenWardPools(): StaffPoolConfig[] {
  return [
    simplePool({ id: 'trustA.wardRn', organisationId: 'trustA', inPostWte: 64 }),
    simplePool({ id: 'trustB.wardRn', organisationId: 'trustB', inPostWte: 24, establishmentWte: 24 }),
  ];
}

/** The default policy settings with staff passports moving freely (any share, gap threshold 0.1). */
export function passportSettings(induction: { inductionDays: number; inductionEffectiveness: number }) {
  const settings = defaultWorkforceConfig().policySettings;
  settings.staffPassport = { maxShareMoved: 1, ...induction, pressureGapThreshold: 0.1 };
  return settings;
}

/** A workforce block with the default policy settings and the given pools. */
export function workforceWith(
  staffPools: StaffPoolConfig[],
  overrides: Partial<WorkforceConfig> = {},
): WorkforceConfig {
  const base = defaultWorkforceConfig();
  return {
    ...base,
    staffPools,
    substitutions: [],
    travelTimes: [],
    induction: { days: 0, effectiveness: 1 },
    ...overrides,
  };
}

/** A pressure source whose scores a test sets by hand. */
export class FakePressure {
  private readonly scores = new Map<string, number>();
  set(organisationId: string, service: ServiceKind, score: number): void {
    this.scores.set(`${organisationId}|${service}`, score);
  }
  pressures(): ServicePressure[] {
    return [...this.scores].map(([key, pressureScore]) => {
      const [organisationId, service] = key.split('|');
      return {
        organisationId,
        service: service as ServiceKind,
        pressureScore,
        waitingCount: 0,
        staffOnDuty: 0,
        staffRequired: 0,
      };
    });
  }
}

export interface Harness {
  sim: Simulation;
  workforce: Workforce;
  pressure: FakePressure;
  config: SystemConfig;
}

/** Builds and starts a workforce on a bare simulation. */
export function harness(
  config: SystemConfig,
  options: { seed?: number; replication?: number; policy?: DeploymentPolicy; pressure?: FakePressure } = {},
): Harness {
  const sim = new Simulation();
  const pressure = options.pressure ?? new FakePressure();
  const workforce = new Workforce({
    sim,
    config: resolveSystemConfig(config),
    streams: new RandomStreams(options.seed ?? 1, options.replication ?? 0),
    policy: options.policy ?? createPolicy(config.workforce.policy, config),
    pressure,
    warmupMinutes: config.warmupDays * 24 * 60,
  });
  workforce.start();
  return { sim, workforce, pressure, config };
}

/**
 * The two uneven ward pools under `policy`, passports moving freely with the given induction, and
 * the ward pressure score of each trust in `wardPressure` set by hand; started, not yet run.
 */
export function unevenWardsHarness(
  policy: PolicyId,
  induction: { inductionDays: number; inductionEffectiveness: number },
  wardPressure: Record<string, number>,
  overrides: Partial<WorkforceConfig> = {},
): Harness {
  const policySettings = passportSettings(induction);
  const config = systemWith(workforceWith(unevenWardPools(), { policy, policySettings, ...overrides }));
  const pressure = new FakePressure();
  for (const [organisationId, score] of Object.entries(wardPressure))
    pressure.set(organisationId, 'ward', score);
  return harness(config, { pressure });
}
