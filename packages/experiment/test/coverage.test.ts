/**
 * Do the runner's 95% intervals cover the truth 95% of the time? 400 small fixed-seed experiments
 * on an M/M/1 queue with a known answer (ρ = 0.5: Wq = ρ/(μ − λ) = 0.5 h, utilisation 0.5), each of
 * five replications, through `replicate()` and the care model's network runner. The share covering
 * the theory must lie in the binomial 99% band around 0.95 — a test that fails if the intervals are
 * too narrow (wrong t quantile, sd, pairing) or too wide.
 */
import { type NetworkConfig, runNetwork } from '@carepool/network';
import { describe, expect, it } from 'vitest';
import { summaryRows } from '../src/analysis.js';
import { replicate } from '../src/replicate.js';
import type { ModelFunction } from '../src/types.js';

const MM1: NetworkConfig = {
  kind: 'network',
  name: 'M/M/1 at half load',
  durationHours: 2000,
  warmupHours: 100,
  stations: [
    {
      id: 'desk',
      servers: 1,
      serviceHours: { kind: 'exponential', mean: 0.5 },
      discipline: 'fifo',
      preemptive: false,
      blockAfterService: false,
    },
  ],
  arrivals: [{ stationId: 'desk', ratePerHour: 1, priorityClass: 0 }],
  routing: [],
} as NetworkConfig;

const network: ModelFunction<NetworkConfig> = (config, replication, seed) => {
  const r = runNetwork(config, { seed, replication });
  return {
    metrics: r.metrics.map((m) => ({
      metric: m.metricId,
      scope: m.scope,
      statistic: m.statistic,
      value: m.value,
    })),
  };
};

/** The binomial(n, p) quantile: smallest k with P(X ≤ k) ≥ q (pmf in logs: (1 − p)^n underflows). */
function binomialQuantile(n: number, p: number, q: number): number {
  let lnChoose = 0;
  let cdf = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) lnChoose += Math.log((n - k + 1) / k);
    cdf += Math.exp(lnChoose + k * Math.log(p) + (n - k) * Math.log(1 - p));
    if (cdf >= q) return k;
  }
  return n;
}

describe('interval coverage on a queue with a known answer', () => {
  it('95% intervals cover the theory in a share inside the binomial 99% band', async () => {
    const experiments = 400;
    const truths = [
      { metric: 'station.waitInQueueHours', value: 0.5 },
      { metric: 'station.utilisationShare', value: 0.5 },
    ];
    const covered = truths.map(() => 0);
    for (let e = 0; e < experiments; e++) {
      const result = await replicate({
        arms: [
          { id: 'mm1', scenario: 'mm1', variant: 'base', sweepPoint: 'base', policy: 'none', config: MM1 },
        ],
        seed: `coverage-${e}`,
        replications: 5,
        model: network,
      });
      const rows = summaryRows(result, 0.95);
      truths.forEach((t, i) => {
        const row = rows.find((r) => r.metric === t.metric && r.scope === 'desk')!;
        if (row.ciLow <= t.value && t.value <= row.ciHigh) covered[i]++;
      });
    }
    const low = binomialQuantile(experiments, 0.95, 0.005);
    const high = binomialQuantile(experiments, 0.95, 0.995);
    truths.forEach((t, i) => {
      expect(
        covered[i],
        `${t.metric}: ${covered[i]} of ${experiments} covered; band ${low}–${high}`,
      ).toBeGreaterThanOrEqual(low);
      expect(
        covered[i],
        `${t.metric}: ${covered[i]} of ${experiments} covered; band ${low}–${high}`,
      ).toBeLessThanOrEqual(high);
    });
  });
});
