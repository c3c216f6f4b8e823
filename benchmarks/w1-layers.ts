/**
 * W1's event sequence with layers swapped out, to size what each costs (docs/performance.md,
 * "Where the time goes"). One run per invocation; prints one JSON line with CPU and wall seconds.
 *
 *   npx tsx benchmarks/w1-layers.ts kernel-inline-rng|kernel|resource [customers=4000000]
 *
 * - `kernel-inline-rng`: Simulation handlers, the model's own FIFO queue, `-Math.log(u) * mean`;
 * - `kernel`: the same with `exponential(...).sample(stream)` distribution objects;
 * - `resource`: the full callback workload (Resource seize/release), as in w1.ts.
 * Compare with `node --import ./benchmarks/cpu-at-exit.mjs ../shared/benchmarks/baseline-mmc.mjs
 * --customers 4000000` (its CPU time after start-up).
 */
import { exponential, RandomStreams, type RequestId, Resource, Simulation } from '@carepool/engine';
import { cpuSecondsSince, secondsSince } from './common.js';

const [mode = 'resource', customersArg = '4000000'] = process.argv.slice(2);
const customers = Number(customersArg);
const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
const sim = new Simulation();
const streams = new RandomStreams(12345);
const arrivalStream = streams.stream('w1.arrivals');
const serviceStream = streams.stream('w1.service');
const interarrivalMeanMinutes = 60 / 9;
const serviceMeanMinutes = 60;
const interarrivalMinutes = exponential({ mean: interarrivalMeanMinutes });
const serviceMinutes = exponential({ mean: serviceMeanMinutes });
let completed = 0;

if (mode === 'resource') {
  const servers = new Resource(sim, { name: 'servers', capacity: 10 });
  const serviceEnd = sim.registerHandler((id: RequestId) => {
    servers.release(id);
    if (++completed === customers) sim.stop();
  });
  const granted = (_payload: number, id: RequestId): void => {
    sim.schedule(serviceMinutes.sample(serviceStream), serviceEnd, id);
  };
  const arrival = sim.registerHandler(() => {
    sim.schedule(interarrivalMinutes.sample(arrivalStream), arrival);
    servers.seize(granted);
  });
  sim.schedule(interarrivalMinutes.sample(arrivalStream), arrival);
} else if (mode === 'kernel' || mode === 'kernel-inline-rng') {
  // The model's own FIFO of arrival times (a ring buffer) instead of a Resource. The two modes
  // differ only in how the draws are written, each inline in its handlers (no extra closure).
  let busy = 0;
  let queue = new Float64Array(1024);
  let head = 0;
  let length = 0;
  const enqueue = (at: number): void => {
    if (length === queue.length) {
      const grown = new Float64Array(queue.length * 2);
      for (let k = 0; k < length; k++) grown[k] = queue[(head + k) & (queue.length - 1)];
      queue = grown;
      head = 0;
    }
    queue[(head + length++) & (queue.length - 1)] = at;
  };
  let serviceEnd: number;
  let arrival: number;
  if (mode === 'kernel') {
    serviceEnd = sim.registerHandler(() => {
      if (++completed === customers) return sim.stop();
      if (length > 0) {
        head = (head + 1) & (queue.length - 1);
        length--;
        sim.schedule(serviceMinutes.sample(serviceStream), serviceEnd);
      } else busy--;
    });
    arrival = sim.registerHandler(() => {
      sim.schedule(interarrivalMinutes.sample(arrivalStream), arrival);
      if (busy < 10) {
        busy++;
        sim.schedule(serviceMinutes.sample(serviceStream), serviceEnd);
      } else enqueue(sim.now);
    });
  } else {
    serviceEnd = sim.registerHandler(() => {
      if (++completed === customers) return sim.stop();
      if (length > 0) {
        head = (head + 1) & (queue.length - 1);
        length--;
        sim.schedule(-Math.log(serviceStream.uniform()) * serviceMeanMinutes, serviceEnd);
      } else busy--;
    });
    arrival = sim.registerHandler(() => {
      sim.schedule(-Math.log(arrivalStream.uniform()) * interarrivalMeanMinutes, arrival);
      if (busy < 10) {
        busy++;
        sim.schedule(-Math.log(serviceStream.uniform()) * serviceMeanMinutes, serviceEnd);
      } else enqueue(sim.now);
    });
  }
  sim.schedule(interarrivalMinutes.sample(arrivalStream), arrival);
} else {
  throw new Error(`mode must be kernel-inline-rng, kernel or resource; got '${mode}'`);
}

sim.run();
console.log(
  JSON.stringify({
    workload: 'w1-layers',
    mode,
    customers: completed,
    events: sim.eventsExecuted,
    wallSeconds: secondsSince(started),
    cpuSeconds: cpuSecondsSince(cpuStarted),
  }),
);
