/**
 * Queueing theory has one home, the engine (queueing-theory.ts, station-theory.ts); this file only
 * reads a `NetworkConfig` into it: each station's offered load from the traffic equations.
 */
import { distributionFromSpec, jacksonArrivalRates } from '@carepool/engine';
import type { NetworkConfig } from './config.js';

/**
 * Each station's offered load λ·E[S]/c (traffic equations solved for the routing), and whether its
 * queue is unlimited: a station with load ≥ 1 and no queue capacity cannot reach a steady state.
 */
export function stationOfferedLoads(
  config: NetworkConfig,
): { stationId: string; offeredLoad: number; unlimitedQueue: boolean }[] {
  const index = new Map(config.stations.map((s, i) => [s.id, i]));
  const external = config.stations.map(() => 0);
  for (const a of config.arrivals) external[index.get(a.stationId) ?? 0] += a.ratePerHour;
  const routing = config.stations.map(() => config.stations.map(() => 0));
  for (const r of config.routing) {
    const from = index.get(r.fromStationId);
    if (from === undefined) continue;
    for (const t of r.to) {
      const to = index.get(t.stationId);
      if (to !== undefined) routing[from][to] += t.share;
    }
  }
  const rates = jacksonArrivalRates(external, routing);
  return config.stations.map((s, i) => ({
    stationId: s.id,
    offeredLoad: (rates[i] * distributionFromSpec(s.serviceHours).mean) / s.servers,
    unlimitedQueue: s.queueCapacity === undefined,
  }));
}
