/**
 * Workload W1 — M/M/c (docs/performance.md): c = 10 servers, Poisson arrivals 9 per hour, exponential
 * service with mean 1 hour, FIFO, run until N customers have completed service.
 *
 * Written against the public engine API only, as a user's model would be:
 * - `callback`: two registered handlers (arrival, service end) and the Resource's callback API
 *   (`seize` with a grant handler created once, `release` by request id) — nothing allocated per
 *   customer;
 * - `process`: one generator process per customer (`yield server.request()`, `yield minutes`,
 *   `server.release(request)`), started by an arrival-source process.
 */
import {
  exponential,
  hoursFromMinutes,
  minutesFromHours,
  mmcMeanWaitMinutes,
  RandomStreams,
  type RequestId,
  Resource,
  Simulation,
} from '@carepool/engine';
import { startCustomerSource, type WorkloadCounts } from './arrivals.js';

const SERVERS = 10;
const ARRIVALS_PER_HOUR = 9;
const SERVICE_MEAN_HOURS = 1;

/** What a W1 run measured (before timing and memory are added); compare with W1_ERLANG_C_WAIT_HOURS. */
export interface W1Result extends WorkloadCounts {
  /** Mean wait in queue, from the resource's own statistics, in hours. */
  meanWaitHours: number;
}

/** Erlang C's mean wait in queue of W1, in hours (the engine's theory; any consistent unit works). */
export const W1_ERLANG_C_WAIT_HOURS = mmcMeanWaitMinutes({
  arrivalsPerMinute: ARRIVALS_PER_HOUR,
  meanServiceMinutes: SERVICE_MEAN_HOURS,
  servers: SERVERS,
});

/** Runs W1 until `customers` have completed service. */
export function runW1(style: 'callback' | 'process', customers: number, seed: number): W1Result {
  const sim = new Simulation();
  const streams = new RandomStreams(seed);
  const arrivalStream = streams.stream('w1.arrivals');
  const serviceStream = streams.stream('w1.service');
  const interarrivalMinutes = exponential({ mean: minutesFromHours(1 / ARRIVALS_PER_HOUR) });
  const serviceMinutes = exponential({ mean: minutesFromHours(SERVICE_MEAN_HOURS) });
  const servers = new Resource(sim, { name: 'servers', capacity: SERVERS });
  let completed = 0;

  if (style === 'callback') {
    // Service end: the payload is the request id, released to let the next customer in.
    const serviceEnd = sim.registerHandler((requestId: RequestId) => {
      servers.release(requestId);
      if (++completed === customers) sim.stop();
    }, 'w1.serviceEnd');
    const granted = (_payload: number, requestId: RequestId): void => {
      sim.schedule(serviceMinutes.sample(serviceStream), serviceEnd, requestId);
    };
    const arrival = sim.registerHandler(() => {
      sim.schedule(interarrivalMinutes.sample(arrivalStream), arrival);
      servers.seize(granted);
    }, 'w1.arrival');
    sim.schedule(interarrivalMinutes.sample(arrivalStream), arrival);
  } else {
    function* customer() {
      const request = servers.request();
      yield request;
      yield serviceMinutes.sample(serviceStream);
      servers.release(request);
      if (++completed === customers) sim.stop();
    }
    startCustomerSource(sim, 'w1', interarrivalMinutes, arrivalStream, customer, 'customer');
  }

  sim.run();
  if (completed !== customers) throw new Error(`W1 stopped after ${completed} of ${customers} customers`);
  return {
    customers: completed,
    events: sim.eventsExecuted,
    meanWaitHours: hoursFromMinutes(servers.stats().meanWaitMinutes),
  };
}
