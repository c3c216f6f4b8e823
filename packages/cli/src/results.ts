/**
 * A run's results as plain data: per-replication tidy rows, their means, and the provenance needed
 * to reproduce them. Tables, JSON and CSV files are all views of a `RunResults`.
 */
import type { DailyRow, MetricRow, MetricStatistic } from '@carepool/model';

/** What one replication produced. */
export interface ReplicationOutcome {
  /** Replication index (0-based). */
  replication: number;
  metrics: MetricRow[];
  /** Daily series (system runs with `--daily`; otherwise empty). */
  daily: DailyRow[];
  /** Events the engine executed. */
  eventsExecuted: number;
  /** Wall-clock time the replication took, seconds. */
  wallSeconds: number;
}

/** How a run was made: enough to repeat it exactly. */
export interface Provenance {
  carepoolVersion: string;
  /** The scenario file as given on the command line. */
  scenarioFile: string;
  scenarioName: string;
  scenarioKind: 'system' | 'network';
  /** SHA-256 of the resolved configuration (overrides applied). */
  scenarioHash: string;
  /** `--set` overrides, in order. */
  overrides: string[];
  seed: number | string;
  replications: number;
  /** Deployment policy id (`none` for network runs). */
  policy: string;
  /** The `--policy-module` path, when a custom policy was loaded. */
  policyModule?: string;
  /** Warm-up discarded before the reported period: days for system runs, hours for network runs. */
  warmupDays?: number;
  warmupHours?: number;
  /** Reported period after the warm-up. */
  durationDays?: number;
  durationHours?: number;
  nodeVersion: string;
}

/** One tidy per-replication row, as written to metrics.csv. */
export interface TidyMetricRow {
  scenario: string;
  policy: string;
  replication: number;
  metric: string;
  scope: string;
  statistic: MetricStatistic;
  /** NaN when nothing was observed (written as empty in CSV, null in JSON). */
  value: number;
}

/** One tidy daily row, as written to daily.csv. */
export interface TidyDailyRow {
  scenario: string;
  policy: string;
  replication: number;
  day: number;
  date: string;
  metric: string;
  scope: string;
  value: number;
}

/** The mean over replications of one (metric, scope, statistic). */
export interface SummaryRow {
  metric: string;
  scope: string;
  statistic: MetricStatistic;
  /** Mean over the replications that reported a finite value. */
  mean: number;
  min: number;
  max: number;
  /** Replications with a finite value. */
  replications: number;
}

export interface RunResults {
  provenance: Provenance;
  summary: SummaryRow[];
  metrics: TidyMetricRow[];
  daily: TidyDailyRow[];
  /** Events executed over all replications. */
  eventsExecuted: number;
  /** Wall-clock seconds over all replications. */
  wallSeconds: number;
}

/** Builds the results of a run from its replications. */
export function collectResults(provenance: Provenance, outcomes: readonly ReplicationOutcome[]): RunResults {
  const scenario = provenance.scenarioName;
  const policy = provenance.policy;
  const metrics: TidyMetricRow[] = [];
  const daily: TidyDailyRow[] = [];
  for (const o of outcomes) {
    for (const m of o.metrics) {
      metrics.push({
        scenario,
        policy,
        replication: o.replication,
        metric: m.metricId,
        scope: m.scope,
        statistic: m.statistic,
        value: m.value,
      });
    }
    for (const d of o.daily) {
      daily.push({
        scenario,
        policy,
        replication: o.replication,
        day: d.day,
        date: d.date,
        metric: d.metricId,
        scope: d.scope,
        value: d.value,
      });
    }
  }
  return {
    provenance,
    summary: summarise(metrics),
    metrics,
    daily,
    eventsExecuted: outcomes.reduce((s, o) => s + o.eventsExecuted, 0),
    wallSeconds: outcomes.reduce((s, o) => s + o.wallSeconds, 0),
  };
}

/** Means over replications, in the order rows first appear. */
export function summarise(rows: readonly TidyMetricRow[]): SummaryRow[] {
  const groups = new Map<
    string,
    { metric: string; scope: string; statistic: MetricStatistic; values: number[] }
  >();
  for (const r of rows) {
    const key = `${r.metric}\u0000${r.scope}\u0000${r.statistic}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { metric: r.metric, scope: r.scope, statistic: r.statistic, values: [] };
      groups.set(key, g);
    }
    if (Number.isFinite(r.value)) g.values.push(r.value);
  }
  return [...groups.values()].map((g) => ({
    metric: g.metric,
    scope: g.scope,
    statistic: g.statistic,
    mean: g.values.length === 0 ? Number.NaN : g.values.reduce((s, x) => s + x, 0) / g.values.length,
    min: g.values.length === 0 ? Number.NaN : Math.min(...g.values),
    max: g.values.length === 0 ? Number.NaN : Math.max(...g.values),
    replications: g.values.length,
  }));
}

/** The machine-readable form printed by `--json` and written to results.json. */
export function resultsJson(results: RunResults): string {
  const doc = {
    provenance: results.provenance,
    summary: results.summary,
    metrics: results.metrics,
    ...(results.daily.length > 0 ? { daily: results.daily } : {}),
  };
  // NaN and infinities have no JSON form: they become null.
  return `${JSON.stringify(doc, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}
