/**
 * The replication loop: one scenario, one policy, N replications one after another in this process.
 * It is the one place that runs replications, so the experiment runner (worker pool, common random
 * numbers across policies, confidence intervals) can replace it without touching the commands.
 */
import { type DeploymentPolicy, runNetwork, runSystem } from '@carepool/model';
import type { LoadedScenario } from '@carepool/scenario';
import type { PolicyFactory } from './policy-module.js';
import type { ReplicationOutcome } from './results.js';

export interface RunPlan {
  scenario: LoadedScenario;
  /** Master seed: with the replication index it fixes every random stream. */
  seed: number | string;
  replications: number;
  /** System runs: makes each replication's policy; undefined runs the scenario's own `workforce.policy`. */
  policyFactory?: PolicyFactory;
  /** System runs: also collect the daily series. */
  dailySeries: boolean;
}

/** Runs one replication of the plan. */
export function runReplication(plan: RunPlan, replication: number): ReplicationOutcome {
  const startedAt = performance.now();
  const { scenario, seed } = plan;
  if (scenario.kind === 'network') {
    const result = runNetwork(scenario.config, { seed, replication });
    return {
      replication,
      metrics: result.metrics,
      daily: [],
      eventsExecuted: result.eventsExecuted,
      wallSeconds: (performance.now() - startedAt) / 1000,
    };
  }
  const policy: DeploymentPolicy | undefined = plan.policyFactory?.(scenario.config);
  const result = runSystem(scenario.config, {
    seed,
    replication,
    ...(policy ? { policy } : {}),
    dailySeries: plan.dailySeries,
  });
  return {
    replication,
    metrics: result.metrics,
    daily: plan.dailySeries ? result.daily : [],
    eventsExecuted: result.eventsExecuted,
    wallSeconds: (performance.now() - startedAt) / 1000,
  };
}

/**
 * Runs replications 0 … N−1 in order, calling `onReplicationDone` after each. Yields to the event
 * loop between replications so the progress bar can draw and Ctrl-C is honoured.
 */
export async function runReplications(
  plan: RunPlan,
  onReplicationDone?: (outcome: ReplicationOutcome, done: number) => void,
): Promise<ReplicationOutcome[]> {
  const outcomes: ReplicationOutcome[] = [];
  for (let r = 0; r < plan.replications; r++) {
    const outcome = runReplication(plan, r);
    outcomes.push(outcome);
    onReplicationDone?.(outcome, r + 1);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return outcomes;
}
