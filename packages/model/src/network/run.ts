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
 *   among equals); that customer returns to the head of its class's queue and later resumes its
 *   remaining service. A preempted customer always gets a waiting place, even past the capacity.
 * - Visits are measured for customers who arrive at the station after the warm-up and leave it before
 *   the end; time-weighted measures cover the reporting period exactly.
 *
 * Times inside are minutes (the engine's unit); configuration and results are in hours.
 */
import {
  type Distribution,
  distributionFromSpec,
  type EventId,
  EventPriority,
  hoursFromMinutes,
  minutesFromHours,
  type RandomStream,
  RandomStreams,
  Simulation,
  TimeWeighted,
  type Tracer,
} from '@carepool/engine';
import type { MetricRow } from '../contracts.js';
import { ModelError } from '../errors.js';
import type { NetworkConfig, NetworkStationConfig } from './config.js';

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
  metrics: MetricRow[];
  /** Events the engine executed. */
  eventsExecuted: number;
  /** Simulated hours, warm-up included. */
  simulatedHours: number;
}

/** One network metric: its id, unit, which way is better, and exactly what it measures. */
export interface NetworkMetricDefinition {
  id: string;
  unit: 'hours' | 'share' | 'per hour' | 'customers';
  direction: 'higherIsBetter' | 'lowerIsBetter' | 'neutral';
  definition: string;
}

/** The metric ids a network run reports (all with statistic `mean`). */
export const NETWORK_METRICS: readonly NetworkMetricDefinition[] = [
  {
    id: 'station.waitInQueueHours',
    unit: 'hours',
    direction: 'lowerIsBetter',
    definition:
      'Mean time a customer spends queued at the station, not in service and not blocked (interruptions by preemption included).',
  },
  {
    id: 'station.waitProbabilityShare',
    unit: 'share',
    direction: 'lowerIsBetter',
    definition: 'Share of admitted customers who could not start service at once.',
  },
  {
    id: 'station.blockingShare',
    unit: 'share',
    direction: 'lowerIsBetter',
    definition:
      'Share of arrivals that found the station full (lost, or held upstream when blocking after service).',
  },
  {
    id: 'station.utilisationShare',
    unit: 'share',
    direction: 'neutral',
    definition:
      'Time-average share of servers occupied (serving, or holding a customer blocked after service).',
  },
  {
    id: 'station.timeInSystemHours',
    unit: 'hours',
    direction: 'lowerIsBetter',
    definition: 'Mean time from admission to leaving the station, per visit.',
  },
  {
    id: 'station.throughputPerHour',
    unit: 'per hour',
    direction: 'higherIsBetter',
    definition: 'Customers leaving the station per hour.',
  },
  {
    id: 'station.queuedCount',
    unit: 'customers',
    direction: 'lowerIsBetter',
    definition: 'Time-average number queued at the station.',
  },
  {
    id: 'station.inStationCount',
    unit: 'customers',
    direction: 'lowerIsBetter',
    definition: 'Time-average number at the station: queued, in service or blocked.',
  },
  {
    id: 'network.timeInSystemHours',
    unit: 'hours',
    direction: 'lowerIsBetter',
    definition: 'Mean time from arriving in the network to leaving it, for customers not lost.',
  },
  {
    id: 'network.throughputPerHour',
    unit: 'per hour',
    direction: 'higherIsBetter',
    definition: 'Customers completing their route through the network per hour.',
  },
  {
    id: 'network.lossShare',
    unit: 'share',
    direction: 'lowerIsBetter',
    definition: 'Share of customers arriving in the network who were lost at a full station.',
  },
];

/** Customer states at a station. */
const QUEUED = 0;
const SERVING = 1;
const BLOCKED = 2;

interface Customer {
  id: number;
  /** Number of the customer in the run, from 1 (pooled ids are reused, serials are not). */
  serial: number;
  classIndex: number;
  networkArrivedAt: number;
  station: StationState;
  state: number;
  /** When this visit was admitted (or attempted, for a blocked arrival). */
  visitArrivedAt: number;
  visitCounted: boolean;
  queuedSince: number;
  queuedMinutes: number;
  waited: boolean;
  /** Service still owed; NaN until the first service start draws it. */
  remainingServiceMinutes: number;
  serviceEndsAt: number;
  serviceStartedAt: number;
  completionEvent: EventId;
  /** Position in the station's `inService` array. */
  serverSlot: number;
  /** Stations entered on this customer's route so far (bounded: see MAX_VISITS_PER_CUSTOMER). */
  stationVisits: number;
}

/**
 * Bounds that stop a run which cannot end, with a clear message instead of running out of memory or
 * time: a queue past this many customers is growing without bound (offered load ≥ capacity), and a
 * route past this many station visits is a near-loop (e.g. `lab → lab` with share 0.9999999).
 */
export const MAX_QUEUED_PER_STATION = 1_000_000;
export const MAX_VISITS_PER_CUSTOMER = 100_000;

/** A FIFO that can also push to the front (for preempted customers). */
class Deque<T> {
  private items: (T | undefined)[] = new Array(16);
  private head = 0;
  length = 0;
  push(x: T): void {
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length) & (this.items.length - 1)] = x;
    this.length++;
  }
  unshift(x: T): void {
    if (this.length === this.items.length) this.grow();
    this.head = (this.head - 1) & (this.items.length - 1);
    this.items[this.head] = x;
    this.length++;
  }
  shift(): T {
    const x = this.items[this.head] as T;
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.length--;
    return x;
  }
  private grow(): void {
    const next: (T | undefined)[] = new Array(this.items.length * 2);
    for (let i = 0; i < this.length; i++) next[i] = this.items[(this.head + i) & (this.items.length - 1)];
    this.items = next;
    this.head = 0;
  }
}

interface VisitStats {
  visits: number;
  waitedVisits: number;
  queuedMinutes: number;
  stationMinutes: number;
}
const emptyVisitStats = (): VisitStats => ({
  visits: 0,
  waitedVisits: 0,
  queuedMinutes: 0,
  stationMinutes: 0,
});

function addVisit(v: VisitStats, c: Customer, stationMinutes: number): void {
  v.visits++;
  if (c.waited) v.waitedVisits++;
  v.queuedMinutes += c.queuedMinutes;
  v.stationMinutes += stationMinutes;
}

class StationState {
  readonly servers: number;
  readonly queueCapacity: number;
  readonly priority: boolean;
  readonly preemptive: boolean;
  readonly blockAfterService: boolean;
  /** One FIFO per class index under `priority`, else a single FIFO. */
  readonly queues: Deque<Customer>[];
  queuedCount = 0;
  readonly inService: Customer[] = [];
  blockedCount = 0;
  /** Customers finished upstream, holding their server there, waiting to enter here. */
  readonly waitingToEnter = new Deque<Customer>();
  routeTargets: StationState[] = [];
  routeCumulative: number[] = [];
  readonly service: Distribution;
  readonly serviceStream: RandomStream;
  readonly routeStream: RandomStream;
  // Statistics.
  offered = 0;
  full = 0;
  departures = 0;
  readonly visitsAll = emptyVisitStats();
  readonly visitsByClass: VisitStats[];
  /** Time-weighted levels, restarted at the end of the warm-up. */
  readonly occupied = new TimeWeighted();
  readonly queueLength = new TimeWeighted();
  readonly inStation = new TimeWeighted();

  constructor(
    readonly config: NetworkStationConfig,
    readonly index: number,
    classCount: number,
    streams: RandomStreams,
  ) {
    this.servers = config.servers;
    this.queueCapacity = config.queueCapacity ?? Number.POSITIVE_INFINITY;
    this.priority = config.discipline === 'priority';
    this.preemptive = this.priority && config.preemptive;
    this.blockAfterService = config.blockAfterService;
    this.queues = Array.from({ length: this.priority ? classCount : 1 }, () => new Deque<Customer>());
    this.service = distributionFromSpec(config.serviceHours);
    this.serviceStream = streams.stream(`network.service.${config.id}`);
    this.routeStream = streams.stream(`network.routing.${config.id}`);
    this.visitsByClass = Array.from({ length: classCount }, emptyVisitStats);
  }

  get occupiedServers(): number {
    return this.inService.length + this.blockedCount;
  }
  hasRoom(): boolean {
    return this.occupiedServers < this.servers || this.queuedCount < this.queueCapacity;
  }
  /** Records the step functions after a change at `now`. */
  observe(now: number): void {
    this.occupied.update(now, this.occupiedServers);
    this.queueLength.update(now, this.queuedCount);
    this.inStation.update(now, this.occupiedServers + this.queuedCount);
  }
  /** The next station after service here, or undefined to leave the network. */
  nextStation(): StationState | undefined {
    const n = this.routeTargets.length;
    if (n === 0) return undefined;
    const u = this.routeStream.uniform();
    for (let i = 0; i < n; i++) if (u < this.routeCumulative[i]) return this.routeTargets[i];
    return undefined;
  }
}

/** Simulates one replication of a textbook queueing network. */
export function runNetwork(config: NetworkConfig, options: NetworkRunOptions): NetworkRunResult {
  const sim = new Simulation();
  sim.setTracer(options.trace);
  const streams = new RandomStreams(options.seed, options.replication);
  const warmupAt = minutesFromHours(config.warmupHours);
  const endAt = warmupAt + minutesFromHours(config.durationHours);
  if (!(endAt > warmupAt)) {
    throw new ModelError(`network '${config.name}': durationHours must be > 0`);
  }

  // Dense class indices, most urgent (lowest number) first.
  const classNumbers = [...new Set(config.arrivals.map((a) => a.priorityClass))].sort((a, b) => a - b);
  const classIndexOf = new Map(classNumbers.map((c, i) => [c, i]));
  const classCount = Math.max(1, classNumbers.length);

  const stations = config.stations.map((s, i) => new StationState(s, i, classCount, streams));
  const stationById = new Map(stations.map((s) => [s.config.id, s]));
  const stationNamed = (id: string, where: string): StationState => {
    const s = stationById.get(id);
    if (s === undefined) {
      throw new ModelError(`network '${config.name}': ${where} names unknown station '${id}'`);
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
      throw new ModelError(
        `network '${config.name}': routing shares from '${r.fromStationId}' sum to ${cumulative} > 1`,
      );
    }
  }

  // Network-level statistics.
  let networkArrivals = 0;
  let networkLost = 0;
  let networkExits = 0;
  const networkTime = Array.from({ length: classCount }, () => ({ count: 0, minutes: 0 }));

  // Customers are pooled: the hot loop allocates nothing once the pool has grown.
  const customers: Customer[] = [];
  const free: number[] = [];
  let customersArrived = 0;
  const trace = (event: string, c: Customer, s: StationState): void =>
    sim.trace(event, `customer${c.serial}`, s.config.id);
  const acquire = (classIndex: number): Customer => {
    const id = free.pop();
    const c: Customer =
      id !== undefined
        ? customers[id]
        : {
            id: customers.length,
            serial: 0,
            classIndex: 0,
            networkArrivedAt: 0,
            station: stations[0],
            state: QUEUED,
            visitArrivedAt: 0,
            visitCounted: false,
            queuedSince: 0,
            queuedMinutes: 0,
            waited: false,
            remainingServiceMinutes: Number.NaN,
            serviceEndsAt: 0,
            serviceStartedAt: 0,
            completionEvent: -1,
            serverSlot: -1,
            stationVisits: 0,
          };
    if (id === undefined) customers.push(c);
    c.classIndex = classIndex;
    c.stationVisits = 0;
    c.serial = ++customersArrived;
    c.networkArrivedAt = sim.now;
    return c;
  };
  const release = (c: Customer): void => {
    free.push(c.id);
  };

  const completionHandler = sim.registerHandler(
    (id) => completeService(customers[id]),
    'network.serviceComplete',
  );

  /** Starts (or resumes) service on a free server. */
  const startService = (s: StationState, c: Customer): void => {
    const now = sim.now;
    if (Number.isNaN(c.remainingServiceMinutes)) {
      c.remainingServiceMinutes = minutesFromHours(s.service.sample(s.serviceStream));
    }
    if (sim.tracer !== undefined) trace('serviceStart', c, s);
    c.state = SERVING;
    c.serviceStartedAt = now;
    c.serviceEndsAt = now + c.remainingServiceMinutes;
    c.serverSlot = s.inService.length;
    s.inService.push(c);
    c.completionEvent = sim.schedule(c.remainingServiceMinutes, completionHandler, c.id);
  };

  const removeFromService = (s: StationState, c: Customer): void => {
    const last = s.inService.pop()!;
    if (last !== c) {
      s.inService[c.serverSlot] = last;
      last.serverSlot = c.serverSlot;
    }
    c.serverSlot = -1;
  };

  const enqueue = (s: StationState, c: Customer, front: boolean): void => {
    c.state = QUEUED;
    c.queuedSince = sim.now;
    c.waited = true;
    const q = s.queues[s.priority ? c.classIndex : 0];
    if (front) q.unshift(c);
    else q.push(c);
    if (++s.queuedCount > MAX_QUEUED_PER_STATION) {
      throw new ModelError(
        `network '${config.name}': station '${s.config.id}' has more than ${MAX_QUEUED_PER_STATION.toLocaleString('en-GB')} ` +
          `customers queued at hour ${(sim.now / 60).toFixed(0)}: its queue grows without bound (the offered load ` +
          'reaches its capacity); give it more servers, a shorter service or a finite queueCapacity',
      );
    }
  };

  const dequeue = (s: StationState): Customer => {
    const queues = s.queues;
    for (let i = 0; i < queues.length; i++) {
      if (queues[i].length > 0) {
        const c = queues[i].shift();
        s.queuedCount--;
        c.queuedMinutes += sim.now - c.queuedSince;
        return c;
      }
    }
    throw new ModelError(`station '${s.config.id}': dequeue from an empty queue`);
  };

  /** The customer in service that an arrival of class `classIndex` may preempt, if any. */
  const preemptionVictim = (s: StationState, classIndex: number): Customer | undefined => {
    let victim: Customer | undefined;
    for (const c of s.inService) {
      if (c.classIndex <= classIndex) continue;
      if (
        victim === undefined ||
        c.classIndex > victim.classIndex ||
        (c.classIndex === victim.classIndex && c.serviceStartedAt > victim.serviceStartedAt)
      ) {
        victim = c;
      }
    }
    return victim;
  };

  /** Starts a visit: the customer is admitted to `s` (caller has checked there is room or a victim). */
  const beginVisit = (s: StationState, c: Customer, counted: boolean): void => {
    c.station = s;
    c.visitArrivedAt = sim.now;
    c.visitCounted = counted;
    c.queuedMinutes = 0;
    c.waited = false;
    c.remainingServiceMinutes = Number.NaN;
  };

  /**
   * A customer arrives at `s` and is admitted (served, preempting, or queued) or lost. Blocking after
   * service is decided before this, by the upstream station (see `completeService`).
   */
  const arrive = (s: StationState, c: Customer): void => {
    const now = sim.now;
    if (++c.stationVisits > MAX_VISITS_PER_CUSTOMER) {
      throw new ModelError(
        `network '${config.name}': a customer has visited ${MAX_VISITS_PER_CUSTOMER.toLocaleString('en-GB')} stations ` +
          `(last '${s.config.id}') without leaving: the routing is a loop or near-loop; check the shares routed back`,
      );
    }
    const counted = now >= warmupAt;
    if (sim.tracer !== undefined) trace('arrival', c, s);
    if (counted) s.offered++;
    if (s.occupiedServers < s.servers) {
      beginVisit(s, c, counted);
      startService(s, c);
    } else {
      const victim = s.preemptive ? preemptionVictim(s, c.classIndex) : undefined;
      if (victim !== undefined) {
        sim.cancel(victim.completionEvent);
        if (sim.tracer !== undefined) trace('preempted', victim, s);
        victim.remainingServiceMinutes = victim.serviceEndsAt - now;
        removeFromService(s, victim);
        enqueue(s, victim, true);
        beginVisit(s, c, counted);
        startService(s, c);
      } else if (s.queuedCount < s.queueCapacity) {
        beginVisit(s, c, counted);
        enqueue(s, c, false);
      } else {
        if (counted) s.full++;
        if (sim.tracer !== undefined) trace('lost', c, s);
        if (c.networkArrivedAt >= warmupAt) networkLost++;
        release(c);
        return;
      }
    }
    s.observe(now);
  };

  /** Records the end of a visit at `s` (the customer has left its server or queue). */
  const endVisit = (s: StationState, c: Customer): void => {
    if (sim.now >= warmupAt) s.departures++;
    if (!c.visitCounted) return;
    const stationMinutes = sim.now - c.visitArrivedAt;
    addVisit(s.visitsAll, c, stationMinutes);
    addVisit(s.visitsByClass[c.classIndex], c, stationMinutes);
  };

  const leaveNetwork = (c: Customer): void => {
    if (sim.now >= warmupAt) networkExits++;
    if (c.networkArrivedAt >= warmupAt) {
      const t = networkTime[c.classIndex];
      t.count++;
      t.minutes += sim.now - c.networkArrivedAt;
    }
    release(c);
  };

  /**
   * A server at `s` has just been freed: serve the next queued customer, then admit customers held
   * upstream while there is room (each admission frees a server upstream in turn).
   */
  const serverFreed = (s: StationState): void => {
    if (s.queuedCount > 0) startService(s, dequeue(s));
    while (s.waitingToEnter.length > 0 && s.hasRoom()) {
      const c = s.waitingToEnter.shift();
      const upstream = c.station;
      upstream.blockedCount--;
      endVisit(upstream, c);
      upstream.observe(sim.now);
      // The attempt was counted as offered when it was first refused; admit without counting again.
      const counted = sim.now >= warmupAt;
      if (sim.tracer !== undefined) trace('arrival', c, s);
      beginVisit(s, c, counted);
      if (s.occupiedServers < s.servers) startService(s, c);
      else enqueue(s, c, false);
      serverFreed(upstream);
    }
    s.observe(sim.now);
  };

  function completeService(c: Customer): void {
    const s = c.station;
    if (sim.tracer !== undefined) trace('serviceEnd', c, s);
    removeFromService(s, c);
    c.remainingServiceMinutes = 0;
    const next = s.nextStation();
    if (next !== undefined && next !== s && s.blockAfterService && !next.hasRoom()) {
      // Blocked after service: keep the server, wait to enter `next`.
      if (sim.now >= warmupAt) {
        next.offered++;
        next.full++;
      }
      if (sim.tracer !== undefined) trace('blocked', c, s);
      c.state = BLOCKED;
      s.blockedCount++;
      next.waitingToEnter.push(c);
      s.observe(sim.now);
      return;
    }
    endVisit(s, c);
    serverFreed(s);
    if (next === undefined) leaveNetwork(c);
    else arrive(next, c);
  }

  // External Poisson arrivals, one stream per arrival line.
  config.arrivals.forEach((a, i) => {
    const station = stationNamed(a.stationId, `arrivals[${i}].stationId`);
    const classIndex = classIndexOf.get(a.priorityClass)!;
    if (!(a.ratePerHour > 0)) return;
    const meanGapMinutes = minutesFromHours(1 / a.ratePerHour);
    const stream = streams.stream(`network.arrivals.${i}.${a.stationId}`);
    const handler = sim.registerHandler(() => {
      const c = acquire(classIndex);
      if (sim.now >= warmupAt) networkArrivals++;
      arrive(station, c);
      sim.schedule(-meanGapMinutes * Math.log(stream.uniform()), handler);
    }, `network.arrival.${i}`);
    sim.schedule(-meanGapMinutes * Math.log(stream.uniform()), handler);
  });

  // Time-weighted measures cover the reporting period only: restart them when the warm-up ends,
  // before anything else happens at that instant.
  sim.callAt(
    warmupAt,
    () => {
      for (const s of stations) {
        s.occupied.reset(sim.now);
        s.queueLength.reset(sim.now);
        s.inStation.reset(sim.now);
      }
    },
    EventPriority.capacityChange,
  );
  sim.run(endAt);
  for (const s of stations) {
    s.occupied.finish(endAt);
    s.queueLength.finish(endAt);
    s.inStation.finish(endAt);
  }

  // Results.
  const durationHours = hoursFromMinutes(endAt - warmupAt);
  const metrics: MetricRow[] = [];
  const row = (metricId: string, scope: string, value: number): void => {
    metrics.push({ metricId, scope, statistic: 'mean', value });
  };
  const hours = (minutes: number, count: number): number => hoursFromMinutes(minutes) / count;
  for (const s of stations) {
    const id = s.config.id;
    const v = s.visitsAll;
    row('station.waitInQueueHours', id, hours(v.queuedMinutes, v.visits));
    row('station.waitProbabilityShare', id, v.waitedVisits / v.visits);
    row('station.blockingShare', id, s.offered === 0 ? 0 : s.full / s.offered);
    row('station.utilisationShare', id, s.occupied.mean / s.servers);
    row('station.timeInSystemHours', id, hours(v.stationMinutes, v.visits));
    row('station.throughputPerHour', id, s.departures / durationHours);
    row('station.queuedCount', id, s.queueLength.mean);
    row('station.inStationCount', id, s.inStation.mean);
    if (classNumbers.length > 1) {
      s.visitsByClass.forEach((k, i) => {
        if (k.visits === 0) return;
        const scope = `${id}:class${classNumbers[i]}`;
        row('station.waitInQueueHours', scope, hours(k.queuedMinutes, k.visits));
        row('station.timeInSystemHours', scope, hours(k.stationMinutes, k.visits));
      });
    }
  }
  const allNetwork = networkTime.reduce(
    (t, k) => ({ count: t.count + k.count, minutes: t.minutes + k.minutes }),
    {
      count: 0,
      minutes: 0,
    },
  );
  row('network.timeInSystemHours', 'network', hours(allNetwork.minutes, allNetwork.count));
  row('network.throughputPerHour', 'network', networkExits / durationHours);
  row('network.lossShare', 'network', networkArrivals === 0 ? 0 : networkLost / networkArrivals);
  if (classNumbers.length > 1) {
    networkTime.forEach((k, i) => {
      if (k.count > 0)
        row('network.timeInSystemHours', `network:class${classNumbers[i]}`, hours(k.minutes, k.count));
    });
  }
  return { metrics, eventsExecuted: sim.eventsExecuted, simulatedHours: hoursFromMinutes(endAt) };
}
