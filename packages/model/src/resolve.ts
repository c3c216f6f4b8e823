/**
 * The one place defaults are filled: `resolveSystemConfig` turns a `SystemConfig` (optional fields
 * absent or given) into a `ResolvedSystemConfig` where every field the model reads is present.
 * The runtime (flow, workforce) takes the resolved form and has no defaults of its own; each
 * default is written once, in `SYSTEM_CONFIG_DEFAULTS`, with what it means.
 */
import type { DistributionSpec } from '@carepool/engine';
import type { EscalationConfig, SeasonalityConfig, SystemConfig } from './config.js';
import type { ServiceKind } from './contracts.js';
import { ModelError } from './errors.js';
import { checkSystemConfig } from './resolve-checks.js';
import type { ResolvedSystemConfig } from './resolved-types.js';

export type {
  ResolvedAcuteWardsConfig,
  ResolvedEmergencyDepartmentConfig,
  ResolvedPolicySettings,
  ResolvedStaffPoolConfig,
  ResolvedSystemConfig,
  ResolvedWorkforceConfig,
} from './resolved-types.js';

const FLAT_MONTHS: readonly number[] = Array.from({ length: 12 }, () => 1);
const NO_MONTHS: readonly number[] = Array.from({ length: 12 }, () => 0);

/** Every default of the system configuration: its value (or rule) and what it means. */
export const SYSTEM_CONFIG_DEFAULTS = {
  'emergencyDepartments[].admittedDecisionMinutes': {
    value: 'the ED’s `decisionMinutes`',
    meaning: 'admitted patients take as long to decide as others',
  },
  'emergencyDepartments[].boardingSpaces': { value: 0, meaning: 'every boarder holds a cubicle' },
  'emergencyDepartments[].ambulance': {
    value: undefined,
    meaning: 'nobody arrives by ambulance (no handover times)',
  },
  'emergencyDepartments[].streaming': {
    value: undefined,
    meaning: 'no minors stream: every patient needs a cubicle',
  },
  'emergencyDepartments[].nonAdmittedLongWait': {
    value: undefined,
    meaning: 'every non-admitted patient draws decisionMinutes',
  },
  'acuteWards[].dischargeStartHour': { value: 9, meaning: 'discharges from 09:00' },
  'acuteWards[].dischargeEndHour': { value: 20, meaning: 'no discharges after 20:00' },
  'acuteWards[].wardRoundHour': {
    value: 'none',
    meaning: 'a patient is medically fit the moment the clinical stay ends, at any hour',
  },
  'acuteWards[].dischargeProcessingMinutes': {
    value: { kind: 'lognormal', mean: 180, sd: 120 } as DistributionSpec,
    meaning: 'medicines, transport and paperwork before the bed is free',
  },
  'acuteWards[].specialties': { value: [], meaning: 'one pool of emergency beds' },
  'acuteWards[].outlieAfterMinutes': { value: Number.POSITIVE_INFINITY, meaning: 'patients never outlie' },
  'acuteWards[].bedTurnaroundMinutes': { value: 0, meaning: 'a freed bed takes the next patient at once' },
  'acuteWards[].specialties[].dischargePathways': {
    value: 'the system’s `dischargePathways`',
    meaning: 'every specialty discharges alike',
  },
  'acuteWards[].specialties[].longStayDischargePathways': {
    value: 'the specialty’s `dischargePathways`',
    meaning: 'the same shares whatever the length of stay',
  },
  'homeCare[].readyAfterDays': { value: 0, meaning: 'a package can start as soon as the patient is fit' },
  'homeCare[].complexPackage': { value: 'none', meaning: 'every package is arranged alike' },
  'placements[].readyAfterDays': {
    value: 'the fixed `assessmentDays`',
    meaning: 'every hospital patient is ready for a place after the same days',
  },
  'seasonality.edAdmissionShareMonthMultipliers': {
    value: FLAT_MONTHS,
    meaning: 'the same conversion all year',
  },
  'seasonality.clinicalLosMonthMultipliers': {
    value: FLAT_MONTHS,
    meaning: 'the same length of stay all year',
  },
  'seasonality.sicknessMonthMultipliers': { value: FLAT_MONTHS, meaning: 'the same sickness all year' },
  'seasonality.infectionClosedBedShareByMonth': {
    value: NO_MONTHS,
    meaning: 'no beds closed for infection control',
  },
  'escalation.opelThresholds': {
    value: [0.85, 0.92, 0.97] as [number, number, number],
    meaning: 'OPEL 2, 3 and 4 from pressure 0.85, 0.92 and 0.97',
  },
  'workforce.staffPools[].homeService': {
    value: 'the first of `competencies`, or `none`',
    meaning: 'where members count at home',
  },
  'workforce.staffPools[].hireSuccessShare': { value: 1, meaning: 'every recruitment round hires' },
  'workforce.staffPools[].overtimeFillShare': { value: 0, meaning: 'no overtime' },
  'workforce.staffPools[].overtimeHourlyCostGbp': {
    value: '1.5 × `hourlyCostGbp`',
    meaning: 'time and a half',
  },
  'workforce.induction': { value: { days: 0, effectiveness: 1 }, meaning: 'no induction' },
  'workforce.bankRestHours': { value: 36, meaning: 'a bank member rests 36 h after a shift' },
  'workforce.burnoutFeedback.sicknessOddsPerExtraPatient': {
    value: 1,
    meaning: 'burnout raises leaving only, not sickness',
  },
  'workforce.policySettings.systemBank.replacesOwnBanks': {
    value: true,
    meaning: 'the system bank replaces own banks of its roles',
  },
  'workforce.policySettings.dischargeFirst.services': {
    value: ['homeCare', 'community'] as ServiceKind[],
    meaning: 'the services that unblock beds',
  },
} as const;

const D = SYSTEM_CONFIG_DEFAULTS;

/**
 * The configuration with every default filled (a new object; `config` is not changed) and every
 * model-level check run (resolve-checks.ts); throws ModelError for what the model cannot run.
 */
export function resolveSystemConfig(config: SystemConfig): ResolvedSystemConfig {
  const wf = config.workforce;
  const settings = wf.policySettings;
  const resolved: ResolvedSystemConfig = {
    ...config,
    emergencyDepartments: config.emergencyDepartments.map((e) => ({
      ...e,
      admittedDecisionMinutes: e.admittedDecisionMinutes ?? e.decisionMinutes,
      boardingSpaces: e.boardingSpaces ?? D['emergencyDepartments[].boardingSpaces'].value,
      ambulance: e.ambulance ?? D['emergencyDepartments[].ambulance'].value,
      streaming: e.streaming ?? D['emergencyDepartments[].streaming'].value,
      nonAdmittedLongWait: e.nonAdmittedLongWait ?? D['emergencyDepartments[].nonAdmittedLongWait'].value,
    })),
    acuteWards: config.acuteWards.map((w) => ({
      ...w,
      dischargeStartHour: w.dischargeStartHour ?? D['acuteWards[].dischargeStartHour'].value,
      dischargeEndHour: w.dischargeEndHour ?? D['acuteWards[].dischargeEndHour'].value,
      dischargeProcessingMinutes:
        w.dischargeProcessingMinutes ?? D['acuteWards[].dischargeProcessingMinutes'].value,
      specialties: w.specialties ?? [],
      outlieAfterMinutes: w.outlieAfterMinutes ?? D['acuteWards[].outlieAfterMinutes'].value,
      bedTurnaroundMinutes: w.bedTurnaroundMinutes ?? D['acuteWards[].bedTurnaroundMinutes'].value,
    })),
    escalation: resolveEscalation(config),
    seasonality: resolveSeasonality(config.seasonality),
    workforce: {
      ...wf,
      staffPools: wf.staffPools.map((p) => ({
        ...p,
        homeService: p.homeService ?? (p.competencies[0] as ServiceKind | undefined) ?? 'none',
        hireSuccessShare: p.hireSuccessShare ?? D['workforce.staffPools[].hireSuccessShare'].value,
        overtimeFillShare: p.overtimeFillShare ?? D['workforce.staffPools[].overtimeFillShare'].value,
        overtimeHourlyCostGbp: p.overtimeHourlyCostGbp ?? 1.5 * p.hourlyCostGbp,
      })),
      induction: wf.induction ?? { ...D['workforce.induction'].value },
      bankRestHours: wf.bankRestHours ?? D['workforce.bankRestHours'].value,
      burnoutFeedback: {
        ...wf.burnoutFeedback,
        sicknessOddsPerExtraPatient:
          wf.burnoutFeedback.sicknessOddsPerExtraPatient ??
          D['workforce.burnoutFeedback.sicknessOddsPerExtraPatient'].value,
      },
      policySettings: {
        ...settings,
        systemBank: {
          ...settings.systemBank,
          replacesOwnBanks:
            settings.systemBank.replacesOwnBanks ??
            D['workforce.policySettings.systemBank.replacesOwnBanks'].value,
        },
        dischargeFirst: {
          ...settings.dischargeFirst,
          services: settings.dischargeFirst.services ?? [
            ...D['workforce.policySettings.dischargeFirst.services'].value,
          ],
        },
      },
    },
  };
  checkSystemConfig(resolved);
  return resolved;
}

function resolveSeasonality(given: SeasonalityConfig | undefined): Required<SeasonalityConfig> {
  const s = given ?? {};
  return {
    edAdmissionShareMonthMultipliers: [
      ...(s.edAdmissionShareMonthMultipliers ?? D['seasonality.edAdmissionShareMonthMultipliers'].value),
    ],
    clinicalLosMonthMultipliers: [
      ...(s.clinicalLosMonthMultipliers ?? D['seasonality.clinicalLosMonthMultipliers'].value),
    ],
    sicknessMonthMultipliers: [
      ...(s.sicknessMonthMultipliers ?? D['seasonality.sicknessMonthMultipliers'].value),
    ],
    infectionClosedBedShareByMonth: [
      ...(s.infectionClosedBedShareByMonth ?? D['seasonality.infectionClosedBedShareByMonth'].value),
    ],
  };
}

/**
 * The OPEL thresholds: `escalation`, else the mutual-aid settings where scenario files written
 * before `escalation` existed put them, else the default. Idempotent, so a policy may call it on a
 * configuration that is already resolved.
 */
export function resolveEscalation(config: SystemConfig): EscalationConfig {
  const own = config.escalation?.opelThresholds;
  const legacy = config.workforce.policySettings.mutualAid.opelThresholds;
  if (own && legacy && own.some((t, i) => t !== legacy[i]))
    throw new ModelError(
      `escalation.opelThresholds [${own.join(', ')}] and workforce.policySettings.mutualAid.opelThresholds [${legacy.join(', ')}] differ; give them once, in escalation`,
    );
  const thresholds = own ?? legacy ?? D['escalation.opelThresholds'].value;
  return { opelThresholds: [thresholds[0], thresholds[1], thresholds[2]] };
}
