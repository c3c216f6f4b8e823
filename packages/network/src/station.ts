/**
 * One station of the textbook network: its servers are an engine `Resource` (priority queue,
 * preemption, time-weighted busy units and queue length), plus the parts of a station the
 * Resource does not model — a finite waiting room, customers held upstream until a place frees
 * (blocking after service), routing and per-visit statistics.
 */
import {
  type Distribution,
  distributionFromSpec,
  type EventId,
  IntQueue,
  type RandomStream,
  type RandomStreams,
  type RequestId,
  Resource,
  type Simulation,
} from '@carepool/engine';
import type { NetworkStationConfig } from './config.js';
import { NetworkError } from './errors.js';

/** Customer states at a station. */
export const QUEUED = 0;
export const SERVING = 1;
export const BLOCKED = 2;

export interface Customer {
  id: number;
  /** Number of the customer in the run, from 1 (pooled ids are reused, serials are not). */
  serial: number;
  classIndex: number;
  networkArrivedAt: number;
  station: StationState;
  state: number;
  /** The customer's request for a server at `station` (held while serving or blocked). */
  requestId: RequestId;
  /** When this visit was admitted (or attempted, for a blocked arrival). */
  visitArrivedAt: number;
  visitCounted: boolean;
  queuedSince: number;
  queuedMinutes: number;
  waited: boolean;
  /** Service still owed; NaN until the first service start draws it. */
  remainingServiceMinutes: number;
  serviceEndsAt: number;
  completionEvent: EventId;
  /** Stations entered on this customer's route so far (bounded: see MAX_VISITS_PER_CUSTOMER). */
  stationVisits: number;
}

export interface VisitStats {
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

export function addVisit(v: VisitStats, c: Customer, stationMinutes: number): void {
  v.visits++;
  if (c.waited) v.waitedVisits++;
  v.queuedMinutes += c.queuedMinutes;
  v.stationMinutes += stationMinutes;
}

export class StationState {
  readonly servers: number;
  readonly queueCapacity: number;
  /** Queue by class (priority = class index, most urgent first) rather than first come first served. */
  readonly priority: boolean;
  /** The servers: one unit per server; a customer blocked after service keeps its unit. */
  readonly resource: Resource;
  readonly blockAfterService: boolean;
  /** Ids of customers finished upstream, holding their server there, waiting to enter here. */
  readonly waitingToEnter = new IntQueue();
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

  constructor(
    readonly config: NetworkStationConfig,
    readonly index: number,
    classCount: number,
    streams: RandomStreams,
    sim: Simulation,
    networkName: string,
  ) {
    this.servers = config.servers;
    this.queueCapacity = config.queueCapacity ?? Number.POSITIVE_INFINITY;
    this.priority = config.discipline === 'priority';
    const preemptive = this.priority && config.preemptive;
    this.blockAfterService = config.blockAfterService;
    if (preemptive && this.blockAfterService) {
      // A customer blocked after service still holds its server, and must not lose it to preemption.
      throw new NetworkError(
        `network '${networkName}': station '${config.id}' cannot be both preemptive and blockAfterService; choose one`,
      );
    }
    this.resource = new Resource(sim, { capacity: config.servers, name: config.id, preemptive });
    this.service = distributionFromSpec(config.serviceHours);
    this.serviceStream = streams.stream(`network.service.${config.id}`);
    this.routeStream = streams.stream(`network.routing.${config.id}`);
    this.visitsByClass = Array.from({ length: classCount }, emptyVisitStats);
  }

  /** Servers occupied: serving, or holding a customer blocked after service. */
  get occupiedServers(): number {
    return this.resource.inUse;
  }
  /** Customers waiting for a server (a preempted customer always gets a place). */
  get queuedCount(): number {
    return this.resource.queueLength;
  }
  /** Whether an arrival would be admitted without preempting anyone: a free server or a free place. */
  hasRoom(): boolean {
    return this.resource.inUse < this.servers || this.resource.queueLength < this.queueCapacity;
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
