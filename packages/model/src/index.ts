/**
 * The public API of @carepool/model: what a user's model, a custom policy, the scenario package,
 * the CLI, the report and the benchmarks use (docs/api.md). Everything else is internal; the
 * package's own modules and tests import each other by relative path.
 *
 * - Running it: `runSystem`, `defaultIcsConfig`, `miniIcsConfig`, `runIcsBenchmark`, `ModelError`.
 * - The configuration a run takes (the scenario package builds it from YAML): `SystemConfig` and its
 *   parts, `SYSTEM_CONFIG_DEFAULTS`, `POLICY_IDS`.
 * - Deployment policies: `DeploymentPolicy` and the snapshot it reads; the built-ins by id, `createPolicy`.
 * - What a run reports: `MetricRow`, `DailyRow`, `WaitHistogram`, the registry `METRICS`/`metricDefinition`.
 */

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
// What a run reports: tidy rows, the metric registry, wait histograms.
export type {
  DailyRow,
  DeploymentPolicy,
  MetricRow,
  MetricStatistic,
  PolicyDecision,
  PoolState,
  ServiceKind,
  ServicePressure,
  StaffMove,
  SystemBankFill,
  SystemSnapshot,
} from './contracts.js';
export { defaultIcsConfig } from './default-ics.js';
export { ModelError } from './errors.js';
export type { WaitHistogram } from './flow/histograms.js';
export { mergeWaitHistograms } from './flow/histograms.js';
export type { MetricDefinition, MetricId } from './metrics.js';
export { METRICS, metricDefinition } from './metrics.js';
export { miniIcsConfig } from './mini-ics.js';
export { SYSTEM_CONFIG_DEFAULTS } from './resolve.js';
export type { SystemRunOptions, SystemRunResult } from './run.js';
export { runIcsBenchmark, runSystem } from './run.js';
export { createPolicy } from './workforce/policies/index.js';
export type {
  ContractKind,
  PolicySettings,
  ShiftPattern,
  StaffPoolConfig,
  SubstitutionRule,
  TravelTime,
  WorkforceConfig,
} from './workforce-config.js';
