export type { TraceRecord, Tracer } from '@carepool/engine';
export type {
  AcuteWardsConfig,
  CommunityNursingConfig,
  DemandProfile,
  DischargePathwayShares,
  DistributionSpec,
  EmergencyDepartmentConfig,
  GeneralPracticeConfig,
  HomeCareConfig,
  OrganisationConfig,
  OrganisationKind,
  PlacementConfig,
  PolicyId,
  SurgeConfig,
  SystemConfig,
  VcseSupportConfig,
  WardSpecialtyConfig,
} from './config.js';
export { POLICY_IDS } from './config.js';
export type {
  DailyRow,
  DeploymentPolicy,
  MetricRow,
  MetricStatistic,
  PolicyDecision,
  PoolState,
  PressureSource,
  ServiceKind,
  ServicePressure,
  StaffingSource,
  StaffMove,
  SystemBankFill,
  SystemSnapshot,
} from './contracts.js';
export { defaultIcsConfig } from './default-ics.js';
export { ModelError } from './errors.js';
export type { WaitHistogram } from './flow/histograms.js';
export { mergeWaitHistograms, WAIT_HISTOGRAM_METRIC_IDS } from './flow/histograms.js';
export type { FlowDepartures, SystemFlowArgs } from './flow/system-flow.js';
export { SystemFlow } from './flow/system-flow.js';
export type {
  MetricDefinition,
  MetricDirection,
  MetricProducer,
  MetricScope,
  MetricUnit,
} from './metrics.js';
export { METRICS, metricDefinition, unitFromMetricId } from './metrics.js';
export { miniIcsConfig } from './mini-ics.js';
export type {
  ResolvedAcuteWardsConfig,
  ResolvedEmergencyDepartmentConfig,
  ResolvedStaffPoolConfig,
  ResolvedSystemConfig,
  ResolvedWorkforceConfig,
} from './resolve.js';
export { resolveSystemConfig, SYSTEM_CONFIG_DEFAULTS } from './resolve.js';
export type {
  RunnableStaffing,
  StaffingFactory,
  SystemRunHandle,
  SystemRunOptions,
  SystemRunResult,
} from './run.js';
export { runIcsBenchmark, runSystem, startSystemRun } from './run.js';
export {
  defaultWorkforceConfig,
  hireSuccessForVacancy,
  lognormalFromMedianP90,
} from './workforce/default-workforce.js';
export { WorkforceLedger } from './workforce/ledger.js';
export {
  awayInWeek,
  createPolicy,
  dischargeFirstPolicy,
  mutualAidPolicy,
  rotationalPostsPolicy,
  siloedPolicy,
  staffPassportPolicy,
  systemBankPolicy,
} from './workforce/policies/index.js';
export type { WorkforceArgs } from './workforce/workforce.js';
export { SERVICE_KINDS, Workforce } from './workforce/workforce.js';
export type {
  ContractKind,
  PolicySettings,
  ShiftPattern,
  StaffPoolConfig,
  SubstitutionRule,
  TravelTime,
  WorkforceConfig,
} from './workforce-config.js';
