/**
 * One replication of the system model: patient flow and the workforce on one simulation, from the
 * configured initial state, through the warm-up, to the end of the reported period.
 */
import { MINUTES_PER_DAY, RandomStreams, Simulation, type Tracer } from '@carepool/engine';
import type { SystemConfig } from './config.js';
import type { DailyRow, DeploymentPolicy, MetricRow, StaffingSource } from './contracts.js';
import { defaultIcsConfig } from './default-ics.js';
import { ModelError } from './errors.js';
import { flowDailyRows } from './flow/daily-rows.js';
import { type WaitHistogram, waitHistograms } from './flow/histograms.js';
import { flowMetricRows } from './flow/summary.js';
import { SystemFlow } from './flow/system-flow.js';
import { resolveSystemConfig } from './resolve.js';
import { builtInPolicy } from './workforce/policies/index.js';
import { Workforce, type WorkforceArgs } from './workforce/workforce.js';

export interface SystemRunOptions {
  /** The experiment's master seed. */
  seed: number | string;
  /** Replication index (0-based); each has its own family of random streams. */
  replication: number;
  /** The deployment policy; default: the one `config.workforce.policy` names. */
  policy?: DeploymentPolicy;
  /** Whether to return the daily series (off by default: it is large). */
  dailySeries?: boolean;
  /**
   * Receives an event trace of the whole run, warm-up included (off by default; docs/model.md lists
   * the events). Tracing draws no random numbers: a traced run gives the same results.
   */
  trace?: Tracer;
}

export interface SystemRunResult {
  /** Run summary over the reported period (after warm-up): flow and workforce metrics. */
  metrics: MetricRow[];
  /** Daily series over the reported period (empty unless `dailySeries`). */
  daily: DailyRow[];
  /**
   * Wait histograms over the reported period (always filled): time in department, time to a bed and
   * wait for a care package, for `ics` and each organisation with the service; the same observations
   * the metric rows of those ids summarise. Bin widths are fixed, so replications merge by adding counts.
   */
  histograms: WaitHistogram[];
  /** Events the simulation executed, warm-up included. */
  eventsExecuted: number;
  /** Days simulated, warm-up included. */
  simulatedDays: number;
}

/** A staffing source the run can drive: `start` is called once, after flow is wired to it. */
export interface RunnableStaffing extends StaffingSource {
  start(): void;
  metricRows?(): MetricRow[];
  dailyRows?(startDate: string): DailyRow[];
}

/** Builds the staffing side of a run (the real workforce, or a test double). */
export type StaffingFactory = (args: WorkforceArgs) => RunnableStaffing;

const workforceStaffing: StaffingFactory = (args) => new Workforce(args);

/** A run in progress, for tests that inspect the state (conservation) or drive staffing themselves. */
export interface SystemRunHandle {
  sim: Simulation;
  flow: SystemFlow;
  staffing: RunnableStaffing;
  streams: RandomStreams;
  warmupMinutes: number;
  endMinutes: number;
}

/** Builds and starts a run without running it. */
export function startSystemRun(
  config: SystemConfig,
  options: SystemRunOptions,
  makeStaffing: StaffingFactory = workforceStaffing,
): SystemRunHandle {
  // Defaults are filled and the configuration checked here, once; the flow and the workforce read
  // only the resolved form.
  const resolved = resolveSystemConfig(config);
  const sim = new Simulation();
  sim.setTracer(options.trace);
  const streams = new RandomStreams(options.seed, options.replication);
  const warmupMinutes = config.warmupDays * MINUTES_PER_DAY;
  const endMinutes = (config.warmupDays + config.durationDays) * MINUTES_PER_DAY;
  const flow = new SystemFlow({ sim, config: resolved, streams, warmupMinutes, endMinutes });
  const policy = options.policy ?? builtInPolicy(resolved.workforce.policy, resolved);
  const staffing = makeStaffing({ sim, config: resolved, streams, policy, pressure: flow, warmupMinutes });
  // Staff first, so the shifts running at the start are on duty when patients are placed.
  staffing.start();
  flow.start(staffing);
  return { sim, flow, staffing, streams, warmupMinutes, endMinutes };
}

/** Runs one replication of the system and returns its summary (and optionally daily) rows. */
export function runSystem(
  config: SystemConfig,
  options: SystemRunOptions,
  makeStaffing: StaffingFactory = workforceStaffing,
): SystemRunResult {
  const run = startSystemRun(config, options, makeStaffing);
  run.sim.run(run.endMinutes);
  const metrics = [...flowMetricRows(run.flow), ...(run.staffing.metricRows?.() ?? [])];
  let daily: DailyRow[] = [];
  if (options.dailySeries === true) {
    const startDate = run.flow.calendar.isoDate(config.warmupDays);
    daily = [
      ...flowDailyRows(run.flow, config.warmupDays, config.durationDays),
      ...(run.staffing.dailyRows?.(startDate) ?? []),
    ];
  }
  return {
    metrics,
    daily,
    histograms: waitHistograms(run.flow),
    eventsExecuted: run.sim.eventsExecuted,
    simulatedDays: config.warmupDays + config.durationDays,
  };
}

/**
 * The benchmark workload: the default ICS for `years` simulated years (after its warm-up), one
 * replication, the default policy. Returns what a throughput measurement needs.
 */
export function runIcsBenchmark(args: { years: number; seed: number | string }): {
  eventsExecuted: number;
  simulatedDays: number;
} {
  if (!(args.years > 0)) throw new ModelError(`years must be > 0; got ${args.years}`);
  const config = defaultIcsConfig();
  config.durationDays = Math.round(args.years * 365);
  const result = runSystem(config, { seed: args.seed, replication: 0 });
  return { eventsExecuted: result.eventsExecuted, simulatedDays: result.simulatedDays };
}
