/**
 * The resolved form of the system configuration: every field the model reads is present (filled by
 * `resolveSystemConfig` in resolve.ts). Its own file so that resolve.ts and the checks it runs
 * (resolve-checks.ts) both import it without importing each other.
 */
import type {
  AcuteWardsConfig,
  EmergencyDepartmentConfig,
  EscalationConfig,
  SeasonalityConfig,
  SystemConfig,
} from './config.js';
import type { PolicySettings, StaffPoolConfig, WorkforceConfig } from './workforce-config.js';

/** Optional fields `K` of `T` made present. */
type Filled<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: Exclude<T[P], undefined> };

export type ResolvedEmergencyDepartmentConfig = Filled<
  EmergencyDepartmentConfig,
  'admittedDecisionMinutes' | 'boardingSpaces'
>;
export type ResolvedAcuteWardsConfig = Filled<
  AcuteWardsConfig,
  | 'dischargeStartHour'
  | 'dischargeEndHour'
  | 'dischargeProcessingMinutes'
  | 'specialties'
  | 'outlieAfterMinutes'
  | 'bedTurnaroundMinutes'
>;
export type ResolvedStaffPoolConfig = Filled<
  StaffPoolConfig,
  'homeService' | 'hireSuccessShare' | 'overtimeFillShare' | 'overtimeHourlyCostGbp'
>;
export interface ResolvedPolicySettings extends Omit<PolicySettings, 'systemBank' | 'dischargeFirst'> {
  systemBank: Filled<PolicySettings['systemBank'], 'replacesOwnBanks'>;
  dischargeFirst: Filled<PolicySettings['dischargeFirst'], 'services'>;
}
export interface ResolvedWorkforceConfig
  extends Omit<
    Filled<WorkforceConfig, 'induction' | 'bankRestHours'>,
    'staffPools' | 'policySettings' | 'burnoutFeedback'
  > {
  burnoutFeedback: Required<WorkforceConfig['burnoutFeedback']>;
  staffPools: ResolvedStaffPoolConfig[];
  policySettings: ResolvedPolicySettings;
}
export interface ResolvedSystemConfig
  extends Omit<
    SystemConfig,
    'emergencyDepartments' | 'acuteWards' | 'escalation' | 'seasonality' | 'workforce'
  > {
  emergencyDepartments: ResolvedEmergencyDepartmentConfig[];
  escalation: EscalationConfig;
  seasonality: Required<SeasonalityConfig>;
  acuteWards: ResolvedAcuteWardsConfig[];
  workforce: ResolvedWorkforceConfig;
}
