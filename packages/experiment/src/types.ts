/**
 * The runner's vocabulary: what a model function returns for one replication, what an arm is, and
 * the per-replication record every output is computed from. Nothing here knows about health care:
 * the care model, the textbook networks and a researcher's own kernel model all fit.
 */

/** One number a replication reports, tidy: (metric, scope, statistic) = value. NaN when nothing was observed. */
export interface MetricValue {
  metric: string;
  scope: string;
  /** How the replication summarised the metric: `mean`, `p95`, `total`, `value`, … */
  statistic: string;
  value: number;
}

/** Which daily series a value belongs to. */
export interface SeriesKey {
  metric: string;
  scope: string;
}

/**
 * One replication's daily series, columnar so it crosses threads cheaply: the value of key k on day d
 * is `values[k * days + d]` (NaN when nothing was observed that day).
 */
export interface DailySeries {
  keys: readonly SeriesKey[];
  days: number;
  /** ISO date of each day (length `days`). */
  dates: readonly string[];
  values: ArrayLike<number>;
}

/**
 * A mergeable histogram of one wait: `counts[i]` observations in [i·binWidth, (i+1)·binWidth), in the
 * unit the metric id names. Histograms of replications of one arm merge by adding counts.
 */
export interface HistogramValue {
  metric: string;
  scope: string;
  binWidth: number;
  counts: readonly number[];
}

/** What a model function returns for one replication. */
export interface ReplicationOutput {
  metrics: readonly MetricValue[];
  daily?: DailySeries;
  histograms?: readonly HistogramValue[];
  /** Events the simulation executed (for throughput lines); 0 when unknown. */
  eventsExecuted?: number;
}

/**
 * A model: runs replication `replication` of `config` with every random stream seeded from
 * (`seed`, `replication`) only — that is what gives common random numbers across arms.
 */
export type ModelFunction<C> = (
  config: C,
  replication: number,
  seed: number | string,
) => ReplicationOutput | Promise<ReplicationOutput>;

/** One configuration compared in an experiment: a policy, a scenario variant, a sweep point. */
export interface Arm<C> {
  /** `variant/policy`, with `[sweepPoint]` appended for a sweep point other than the base. */
  id: string;
  /** The scenario's name (the `scenario` column of every output). */
  scenario: string;
  /** `base`, or the variant file's name without extension. */
  variant: string;
  /** `base`, or the sweep point's overrides (`path=value & path=value`). */
  sweepPoint: string;
  /** The policy id (`none` where the model has no policy). */
  policy: string;
  config: C;
}

/** Why an arm stopped early: a replication failed with a user-level error. */
export interface ArmFailure {
  replication: number;
  /** The error's class name (ModelError, ScenarioError, …). */
  errorName: string;
  message: string;
}

/** The outcome of one (arm, replication): every output is computed from these, in (arm, replication) order. */
export interface ReplicationRecord extends ReplicationOutput {
  arm: number;
  replication: number;
  /** Wall-clock seconds the replication took (never part of the results files: it varies run to run). */
  wallSeconds: number;
}

/** Makes the arm id from its parts. */
export function armId(variant: string, policy: string, sweepPoint = 'base'): string {
  const id = `${variant}/${policy}`;
  return sweepPoint === 'base' ? id : `${id}[${sweepPoint}]`;
}

/** A key for a (metric, scope, statistic) triple, for maps. */
export function metricKey(m: { metric: string; scope: string; statistic: string }): string {
  return `${m.metric}\u0000${m.scope}\u0000${m.statistic}`;
}

/** Which way is better for a metric; `neutral` gets a difference and interval but no verdict. */
export type Direction = 'higherIsBetter' | 'lowerIsBetter' | 'neutral';

/** Thrown for a replication that failed in a way the user must fix (bad input, a run that does not end). */
export class ExperimentError extends Error {
  override name = 'ExperimentError';
}
