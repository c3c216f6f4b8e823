export { CliError, ExitCode, UsageError } from './errors.js';
export type { CliIo } from './io.js';
export { memoryIo, processIo } from './io.js';
export { main } from './main.js';
export type {
  Provenance,
  ReplicationOutcome,
  RunResults,
  SummaryRow,
  TidyDailyRow,
  TidyMetricRow,
} from './results.js';
export { collectResults, resultsJson } from './results.js';
export type { RunPlan } from './run-loop.js';
export { runReplication, runReplications } from './run-loop.js';
