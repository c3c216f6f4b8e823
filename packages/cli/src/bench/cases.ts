/**
 * What `carepool bench` and `pnpm bench` measure: the standard workloads (W1 and W2 in both kernel
 * styles, the default ICS) and three micro-benchmarks in the JaamSim manner — schedule and run an
 * event with N events pending, create and finish an entity, seize and release a resource. Each case
 * is one round's worth of work, sized to take roughly 0.02–0.1 s here, so a round of all of them
 * takes about a second.
 */
import { RandomStreams, type RequestId, Resource, Simulation } from '@carepool/engine';
import { defaultIcsConfig, runSystem } from '@carepool/model';
import { runReferenceLoop } from './reference-loop.js';
import { runW1 } from './w1.js';
import { runW2 } from './w2.js';

export interface BenchCase {
  /** Stable id, the key a baseline is compared by. */
  id: string;
  /** What it runs, in words. */
  what: string;
  /** Operations per round (customers, events, entities, pairs, simulated days). */
  ops: number;
  /** What one operation is, for `ns per …`. */
  op: string;
  /** One round's work. Returns a number derived from the run, so the work cannot be optimised away. */
  run: () => number;
  /** Runs per warm-up round (default 1): a large model needs more before its code is fully compiled. */
  warmUpRuns?: number;
}

/** The reference loop's customers per round (W1 by hand; every ratio is against it). */
export const REFERENCE_CUSTOMERS = 200_000;

export const REFERENCE: BenchCase = {
  id: 'reference',
  what: 'W1 as a hand-written event loop (benchmarks/reference-mmc.ts), the yardstick',
  ops: REFERENCE_CUSTOMERS,
  op: 'customer',
  run: () => runReferenceLoop(REFERENCE_CUSTOMERS, 12345).meanWaitHours,
};

/** Schedules and runs one event per operation with `pending` events on the calendar (a hold model). */
function holdModel(pending: number, ops: number): () => number {
  const sim = new Simulation();
  const stream = new RandomStreams(3).stream('bench.hold');
  const tick = sim.registerHandler((payload: number) => {
    sim.schedule(stream.uniform() * 100, tick, payload);
  }, 'bench.tick');
  for (let i = 0; i < pending; i++) sim.schedule(stream.uniform() * 100, tick, i);
  return () => {
    const before = sim.eventsExecuted;
    for (let i = 0; i < ops; i++) sim.step();
    return sim.eventsExecuted - before;
  };
}

/** Creates an entity (a process) per operation and runs it to completion: its start event, its body, its end. */
function entities(ops: number): () => number {
  const sim = new Simulation();
  let finished = 0;
  // The body finishes at once: what is measured is the entity's creation, start event and end.
  // biome-ignore lint/correctness/useYield: an entity that does nothing is the point
  function* entity() {
    finished++;
  }
  return () => {
    for (let i = 0; i < ops; i++) sim.process(entity, 'entity');
    sim.run();
    return finished;
  };
}

/** Seizes a free unit and releases it, per operation (the immediate-grant path). */
function seizeRelease(ops: number): () => number {
  const sim = new Simulation();
  const resource = new Resource(sim, { name: 'bench.desk', capacity: 1 });
  let granted = 0;
  const onGrant = (_payload: number, _request: RequestId): void => {
    granted++;
  };
  return () => {
    for (let i = 0; i < ops; i++) resource.release(resource.seize(onGrant));
    return granted;
  };
}

/** The default ICS without warm-up for `days` simulated days, policy `siloed`, one replication. */
function icsDays(days: number): () => number {
  const config = defaultIcsConfig();
  config.warmupDays = 0;
  config.durationDays = days;
  return () => runSystem(config, { seed: 1, replication: 0 }).eventsExecuted;
}

/** Every case, in the order a round runs them. */
export function benchCases(): BenchCase[] {
  const w1Customers = 100_000;
  const w2Years = 3;
  const icsSimDays = 30;
  const micro = 100_000;
  return [
    {
      id: 'w1.callback',
      what: 'W1 M/M/10, registered handlers and the Resource callback API',
      ops: w1Customers,
      op: 'customer',
      run: () => runW1('callback', w1Customers, 12345).meanWaitHours,
    },
    {
      id: 'w1.process',
      what: 'W1 M/M/10, one generator process per customer',
      ops: w1Customers,
      op: 'customer',
      run: () => runW1('process', w1Customers, 12345).meanWaitHours,
    },
    {
      id: 'w2.callback',
      what: `W2 ED and ward with blocking, ${w2Years} years, callback style`,
      ops: w2Years * 365,
      op: 'simulated day',
      run: () => runW2('callback', w2Years, 90, 12345).meanEdTimeInSystemHours,
    },
    {
      id: 'w2.process',
      what: `W2 ED and ward with blocking, ${w2Years} years, process style`,
      ops: w2Years * 365,
      op: 'simulated day',
      run: () => runW2('process', w2Years, 90, 12345).meanEdTimeInSystemHours,
    },
    {
      id: 'ics',
      what: `the default ICS, ${icsSimDays} simulated days from its initial state, policy siloed`,
      ops: icsSimDays,
      op: 'simulated day',
      run: icsDays(icsSimDays),
      warmUpRuns: 3,
    },
    {
      id: 'micro.event.pending1000',
      what: 'schedule and run an event with 1,000 events pending',
      ops: micro * 5,
      op: 'event',
      run: holdModel(1000, micro * 5),
    },
    {
      id: 'micro.entity',
      what: 'create an entity (a process), run it and finish it',
      ops: micro,
      op: 'entity',
      run: entities(micro),
    },
    {
      id: 'micro.seizeRelease',
      what: 'seize a free resource unit and release it',
      ops: micro * 5,
      op: 'seize + release',
      run: seizeRelease(micro * 5),
    },
  ];
}
