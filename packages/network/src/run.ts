/**
 * The textbook queueing-network simulator: stations with parallel servers, Poisson arrivals by
 * priority class, FIFO or priority queues (optionally preemptive-resume), finite waiting rooms that
 * lose arrivals or block the upstream server after service, and probabilistic routing with feedback.
 *
 * It exists to validate the engine against queueing theory from scenario files, so it favours plain,
 * checkable rules over features:
 * - A station is *full* when every server is occupied (serving, or holding a customer blocked after
 *   service) and its waiting room is full. An arrival that finds it full is lost — unless it comes
 *   from a station with `blockAfterService`, in which case it keeps that upstream server and enters
 *   (FIFO among the blocked) as soon as a place frees.
 * - With `preemptive`, an arrival that finds every server occupied takes the server of the least
 *   urgent customer in service whose class is less urgent than its own (the most recently started
 *   among equals) — the engine `Resource`'s preemption rule; that customer asks for a server again
 *   at once, behind the customers of its class already waiting (as `Resource.use` does), and later
 *   resumes its remaining service. A preempted customer always gets a waiting place, even past the
 *   capacity. A station cannot be both preemptive and block after service.
 * - Visits are measured for customers who arrive at the station after the warm-up and leave it before
 *   the end; time-weighted measures cover the reporting period exactly.
 *
 * Each station's servers are an engine `Resource` (see station.ts), so the theory cases run through
 * the CLI validate the same primitive the engine's own tests do. Times inside are minutes (the
 * engine's unit); configuration and results are in hours.
 */
import {
  EventPriority,
  exponential,
  hoursFromMinutes,
  minutesFromHours,
  RandomStreams,
  Simulation,
  type Tracer,
} from '@carepool/engine';
import type { NetworkConfig } from './config.js';
import { NetworkError } from './errors.js';
import { NetworkFlow } from './flow.js';
import type { NetworkMetricRow } from './metrics.js';
import { StationState } from './station.js';

export interface NetworkRunOptions {
  /** Master seed of the experiment. */
  seed: number | string;
  /** Replication index (0-based); with the seed it fixes every random stream. */
  replication: number;
  /**
   * Receives an event trace, warm-up included: `arrival` (at a station, also on entering after being
   * blocked), `serviceStart` (again when resuming after preemption), `serviceEnd`, `blocked` (served
   * but held on the server: the next station is full), `lost`, `preempted`; entity `customer<n>`
   * (n counts customers from 1), resource the station id. Draws no random numbers.
   */
  trace?: Tracer;
}

export interface NetworkRunResult {
  /**
   * Tidy rows, statistic `mean`: per station (scope = station id) `station.waitInQueueHours`,
   * `station.waitProbabilityShare`, `station.blockingShare`, `station.utilisationShare`,
   * `station.timeInSystemHours`, `station.throughputPerHour`, `station.queuedCount`,
   * `station.inStationCount`; per class when there is more than one (scope `<station>:class<k>`)
   * the wait and time in system; for the whole network (scope `network`, and `network:class<k>`)
   * `network.timeInSystemHours`, `network.throughputPerHour` and `network.lossShare`.
   */
  metrics: NetworkMetricRow[];
  /** Events the engine executed. */
  eventsExecuted: number;
  /** Simulated hours, warm-up included. */
  simulatedHours: number;
}

/** Dense class indices, most urgent (lowest number) first. */
function classIndices(config: NetworkConfig): { classNumbers: number[]; classIndexOf: Map<number, number> } {
  const classNumbers = [...new Set(config.arrivals.map((a) => a.priorityClass))].sort((a, b) => a - b);
  return { classNumbers, classIndexOf: new Map(classNumbers.map((c, i) => [c, i])) };
}

/** The stations with their routing, checked against the station ids. */
function buildStations(
  config: NetworkConfig,
  classCount: number,
  streams: RandomStreams,
  sim: Simulation,
): { stations: StationState[]; stationNamed: (id: string, where: string) => StationState } {
  const stations = config.stations.map(
    (s, i) => new StationState(s, i, classCount, streams, sim, config.name),
  );
  const stationById = new Map(stations.map((s) => [s.config.id, s]));
  const stationNamed = (id: string, where: string): StationState => {
    const s = stationById.get(id);
    if (s === undefined) {
      throw new NetworkError(`network '${config.name}': ${where} names unknown station '${id}'`);
    }
    return s;
  };
  for (const r of config.routing) {
    const from = stationNamed(r.fromStationId, 'routing.fromStationId');
    let cumulative = 0;
    for (const t of r.to) {
      from.routeTargets.push(stationNamed(t.stationId, `routing from '${r.fromStationId}'`));
      cumulative += t.share;
      from.routeCumulative.push(cumulative);
    }
    if (cumulative > 1 + 1e-9) {
      throw new NetworkError(
        `network '${config.name}': routing shares from '${r.fromStationId}' sum to ${cumulative} > 1`,
      );
    }
  }
  return { stations, stationNamed };
}

/** Simulates one replication of a textbook queueing network. */
export function runNetwork(config: NetworkConfig, options: NetworkRunOptions): NetworkRunResult {
  const sim = new Simulation();
  sim.setTracer(options.trace);
  const streams = new RandomStreams(options.seed, options.replication);
  const warmupAt = minutesFromHours(config.warmupHours);
  const endAt = warmupAt + minutesFromHours(config.durationHours);
  if (!(endAt > warmupAt)) {
    throw new NetworkError(`network '${config.name}': durationHours must be > 0`);
  }
  const { classNumbers, classIndexOf } = classIndices(config);
  const classCount = Math.max(1, classNumbers.length);
  const { stations, stationNamed } = buildStations(config, classCount, streams, sim);
  const flow = new NetworkFlow(sim, config.name, warmupAt, classCount);

  // External Poisson arrivals, one stream per arrival line.
  config.arrivals.forEach((a, i) => {
    const station = stationNamed(a.stationId, `arrivals[${i}].stationId`);
    const classIndex = classIndexOf.get(a.priorityClass)!;
    if (!(a.ratePerHour > 0)) return;
    const gap = exponential({ mean: minutesFromHours(1 / a.ratePerHour) });
    const stream = streams.stream(`network.arrivals.${i}.${a.stationId}`);
    const handler = sim.registerHandler(() => {
      flow.arriveFromOutside(station, classIndex);
      sim.schedule(gap.sample(stream), handler);
    }, `network.arrival.${i}`);
    sim.schedule(gap.sample(stream), handler);
  });

  // Time-weighted measures cover the reporting period only: restart them when the warm-up ends,
  // before anything else happens at that instant.
  sim.callAt(
    warmupAt,
    () => {
      for (const s of stations) s.resource.resetStats();
    },
    EventPriority.capacityChange,
  );
  sim.run(endAt);
  const metrics = resultRows(stations, flow, classNumbers, hoursFromMinutes(endAt - warmupAt));
  return { metrics, eventsExecuted: sim.eventsExecuted, simulatedHours: hoursFromMinutes(endAt) };
}

/** The result rows: per station, per class when there are several, and for the whole network. */
function resultRows(
  stations: readonly StationState[],
  flow: NetworkFlow,
  classNumbers: readonly number[],
  durationHours: number,
): NetworkMetricRow[] {
  const metrics: NetworkMetricRow[] = [];
  const row = (metricId: string, scope: string, value: number): void => {
    metrics.push({ metricId, scope, statistic: 'mean', value });
  };
  const hours = (minutes: number, count: number): number => hoursFromMinutes(minutes) / count;
  for (const s of stations) {
    const id = s.config.id;
    const v = s.visitsAll;
    const servers = s.resource.stats();
    row('station.waitInQueueHours', id, hours(v.queuedMinutes, v.visits));
    row('station.waitProbabilityShare', id, v.waitedVisits / v.visits);
    row('station.blockingShare', id, s.offered === 0 ? 0 : s.full / s.offered);
    row('station.utilisationShare', id, servers.meanBusyUnits / s.servers);
    row('station.timeInSystemHours', id, hours(v.stationMinutes, v.visits));
    row('station.throughputPerHour', id, s.departures / durationHours);
    row('station.queuedCount', id, servers.meanQueueLength);
    row('station.inStationCount', id, servers.meanBusyUnits + servers.meanQueueLength);
    if (classNumbers.length > 1) {
      s.visitsByClass.forEach((k, i) => {
        if (k.visits === 0) return;
        const scope = `${id}:class${classNumbers[i]}`;
        row('station.waitInQueueHours', scope, hours(k.queuedMinutes, k.visits));
        row('station.timeInSystemHours', scope, hours(k.stationMinutes, k.visits));
      });
    }
  }
  let count = 0;
  let minutes = 0;
  for (const k of flow.networkTime) {
    count += k.count;
    minutes += k.minutes;
  }
  row('network.timeInSystemHours', 'network', hours(minutes, count));
  row('network.throughputPerHour', 'network', flow.networkExits / durationHours);
  row(
    'network.lossShare',
    'network',
    flow.networkArrivals === 0 ? 0 : flow.networkLost / flow.networkArrivals,
  );
  if (classNumbers.length > 1) {
    flow.networkTime.forEach((k, i) => {
      if (k.count > 0)
        row('network.timeInSystemHours', `network:class${classNumbers[i]}`, hours(k.minutes, k.count));
    });
  }
  return metrics;
}
