/**
 * The care model and the textbook networks as the experiment runner's model function. This module
 * is also a separate entry of the build, so worker threads import it by URL; its input is plain data
 * (a resolved configuration and, for a researcher's own policy, the module's absolute path).
 */
import type { DailySeries, ReplicationOutput } from '@carepool/experiment';
import { type DailyRow, runSystem, type SystemConfig } from '@carepool/model';
import { type NetworkConfig, runNetwork } from '@carepool/network';
import { loadPolicyModule, type PolicyFactory } from './policy-module.js';

/** One arm's input, as it crosses to a worker thread. */
export type CareArmConfig =
  | { kind: 'system'; config: SystemConfig; policyModule?: string }
  | { kind: 'network'; config: NetworkConfig };

const factories = new Map<string, Promise<PolicyFactory>>();

/** Loads each policy module once per thread. */
function policyFactory(file: string): Promise<PolicyFactory> {
  let factory = factories.get(file);
  if (factory === undefined) {
    factory = loadPolicyModule(file, '/').then((loaded) => loaded.factory);
    factories.set(file, factory);
  }
  return factory;
}

/** Runs replication `replication` of one arm. */
export async function careModel(
  arm: CareArmConfig,
  replication: number,
  seed: number | string,
): Promise<ReplicationOutput> {
  if (arm.kind === 'network') {
    const result = runNetwork(arm.config, { seed, replication });
    return { metrics: tidy(result.metrics), eventsExecuted: result.eventsExecuted };
  }
  const policy =
    arm.policyModule !== undefined ? (await policyFactory(arm.policyModule))(arm.config) : undefined;
  const result = runSystem(arm.config, {
    seed,
    replication,
    dailySeries: true,
    ...(policy !== undefined ? { policy } : {}),
  });
  return {
    metrics: tidy(result.metrics),
    daily: columnar(result.daily),
    histograms: result.histograms.map((h) => ({
      metric: h.metricId,
      scope: h.scope,
      binWidth: h.binWidth,
      counts: h.counts,
    })),
    eventsExecuted: result.eventsExecuted,
  };
}

function tidy(
  rows: readonly { metricId: string; scope: string; statistic: string; value: number }[],
): ReplicationOutput['metrics'] {
  return rows.map((m) => ({ metric: m.metricId, scope: m.scope, statistic: m.statistic, value: m.value }));
}

/** The model's daily rows as one typed array (key-major), which crosses threads as one copy. */
export function columnar(rows: readonly DailyRow[]): DailySeries {
  const keyIndex = new Map<string, number>();
  const keys: { metric: string; scope: string }[] = [];
  // Each row's key index, found once: rows come series by series, so the previous row's key is
  // usually this one's and the map is asked once a series rather than twice a row.
  const rowKey = new Int32Array(rows.length);
  let lastMetric = '';
  let lastScope = '';
  let last = -1;
  let days = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (last < 0 || r.metricId !== lastMetric || r.scope !== lastScope) {
      const key = `${r.metricId}\u0000${r.scope}`;
      let k = keyIndex.get(key);
      if (k === undefined) {
        k = keys.length;
        keyIndex.set(key, k);
        keys.push({ metric: r.metricId, scope: r.scope });
      }
      last = k;
      lastMetric = r.metricId;
      lastScope = r.scope;
    }
    rowKey[i] = last;
    if (r.day + 1 > days) days = r.day + 1;
  }
  const dates: string[] = new Array(days).fill('');
  const values = new Float64Array(keys.length * days).fill(Number.NaN);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    dates[r.day] = r.date;
    values[rowKey[i] * days + r.day] = r.value;
  }
  return { keys, days, dates, values };
}
