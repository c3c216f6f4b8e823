/**
 * Customers moving through the textbook network: admission (a free server, preemption, a place in
 * the queue, or lost), service on the station's `Resource`, blocking after service, routing and the
 * per-visit and network statistics. The rules are listed in run.ts.
 */
import { minutesFromHours, type RequestCallbacks, type RequestId, type Simulation } from '@carepool/engine';
import { NetworkError } from './errors.js';
import { addVisit, BLOCKED, type Customer, QUEUED, SERVING, type StationState } from './station.js';

/**
 * Bounds that stop a run which cannot end, with a clear message instead of running out of memory or
 * time: a queue past this many customers is growing without bound (offered load ≥ capacity), and a
 * route past this many station visits is a near-loop (e.g. `lab → lab` with share 0.9999999).
 */
export const MAX_QUEUED_PER_STATION = 1_000_000;
export const MAX_VISITS_PER_CUSTOMER = 100_000;

export class NetworkFlow {
  /** Customers are pooled: the hot loop allocates nothing once the pool has grown. */
  private readonly customers: Customer[] = [];
  private readonly free: number[] = [];
  private customersArrived = 0;
  private readonly completionHandler: number;
  private readonly serverCallbacks: RequestCallbacks;
  // Network-level statistics.
  networkArrivals = 0;
  networkLost = 0;
  networkExits = 0;
  readonly networkTime: { count: number; minutes: number }[];

  constructor(
    private readonly sim: Simulation,
    private readonly networkName: string,
    private readonly warmupAt: number,
    classCount: number,
  ) {
    this.networkTime = Array.from({ length: classCount }, () => ({ count: 0, minutes: 0 }));
    this.completionHandler = sim.registerHandler(
      (id) => this.completeService(this.customers[id]),
      'network.serviceComplete',
    );
    this.serverCallbacks = {
      granted: (id, requestId) => this.startService(this.customers[id], requestId),
      preempted: (id) => this.preempted(this.customers[id]),
    };
  }

  /** A customer arrives from outside at `station`. */
  arriveFromOutside(station: StationState, classIndex: number): void {
    const c = this.acquire(classIndex);
    if (this.sim.now >= this.warmupAt) this.networkArrivals++;
    this.arrive(station, c);
  }

  private trace(event: string, c: Customer, s: StationState): void {
    this.sim.trace(event, `customer${c.serial}`, s.config.id);
  }

  private acquire(classIndex: number): Customer {
    const id = this.free.pop();
    const c: Customer = id !== undefined ? this.customers[id] : this.newCustomer();
    c.classIndex = classIndex;
    c.stationVisits = 0;
    c.serial = ++this.customersArrived;
    c.networkArrivedAt = this.sim.now;
    return c;
  }

  private newCustomer(): Customer {
    const c: Customer = {
      id: this.customers.length,
      serial: 0,
      classIndex: 0,
      networkArrivedAt: 0,
      station: undefined as unknown as StationState,
      state: QUEUED,
      requestId: -1,
      visitArrivedAt: 0,
      visitCounted: false,
      queuedSince: 0,
      queuedMinutes: 0,
      waited: false,
      remainingServiceMinutes: Number.NaN,
      serviceEndsAt: 0,
      completionEvent: -1,
      stationVisits: 0,
    };
    this.customers.push(c);
    return c;
  }

  /** Asks `s` for a server (granted at once, by preempting, or queued); false if queued. */
  private requestServer(s: StationState, c: Customer): boolean {
    c.state = QUEUED;
    c.queuedSince = this.sim.now;
    // A grant at once runs `startService` inside `seize`, which returns the same id.
    c.requestId = s.resource.seize(this.serverCallbacks, c.id, s.priority ? c.classIndex : 0);
    return c.state === SERVING;
  }

  /** A request queued for good: it waits, and the queue must stay bounded. */
  private waiting(s: StationState, c: Customer): void {
    c.waited = true;
    if (s.queuedCount > MAX_QUEUED_PER_STATION) {
      throw new NetworkError(
        `network '${this.networkName}': station '${s.config.id}' has more than ${MAX_QUEUED_PER_STATION.toLocaleString('en-GB')} ` +
          `customers queued at hour ${(this.sim.now / 60).toFixed(0)}: its queue grows without bound (the offered load ` +
          'reaches its capacity); give it more servers, a shorter service or a finite queueCapacity',
      );
    }
  }

  /** The server is granted (at once, after waiting, or after preempting someone): serve or resume. */
  private startService(c: Customer, requestId: RequestId): void {
    const s = c.station;
    const now = this.sim.now;
    c.requestId = requestId;
    c.queuedMinutes += now - c.queuedSince;
    if (Number.isNaN(c.remainingServiceMinutes)) {
      c.remainingServiceMinutes = minutesFromHours(s.service.sample(s.serviceStream));
    }
    if (this.sim.tracer !== undefined) this.trace('serviceStart', c, s);
    c.state = SERVING;
    c.serviceEndsAt = now + c.remainingServiceMinutes;
    c.completionEvent = this.sim.schedule(c.remainingServiceMinutes, this.completionHandler, c.id);
  }

  /** A more urgent arrival took this customer's server: it asks again, keeping what is left. */
  private preempted(c: Customer): void {
    const s = c.station;
    this.sim.cancel(c.completionEvent);
    if (this.sim.tracer !== undefined) this.trace('preempted', c, s);
    c.remainingServiceMinutes = c.serviceEndsAt - this.sim.now;
    if (!this.requestServer(s, c)) this.waiting(s, c);
  }

  /** Starts a visit: the customer is about to ask `s` for a server. */
  private beginVisit(s: StationState, c: Customer, counted: boolean): void {
    c.station = s;
    c.visitArrivedAt = this.sim.now;
    c.visitCounted = counted;
    c.queuedMinutes = 0;
    c.waited = false;
    c.remainingServiceMinutes = Number.NaN;
  }

  /**
   * A customer arrives at `s` and is admitted (served, preempting, or queued) or lost. Blocking after
   * service is decided before this, by the upstream station (see `completeService`).
   */
  private arrive(s: StationState, c: Customer): void {
    const now = this.sim.now;
    if (++c.stationVisits > MAX_VISITS_PER_CUSTOMER) {
      throw new NetworkError(
        `network '${this.networkName}': a customer has visited ${MAX_VISITS_PER_CUSTOMER.toLocaleString('en-GB')} stations ` +
          `(last '${s.config.id}') without leaving: the routing is a loop or near-loop; check the shares routed back`,
      );
    }
    const counted = now >= this.warmupAt;
    if (this.sim.tracer !== undefined) this.trace('arrival', c, s);
    if (counted) s.offered++;
    const placeFree = s.queuedCount < s.queueCapacity;
    this.beginVisit(s, c, counted);
    if (this.requestServer(s, c)) return;
    if (placeFree) {
      this.waiting(s, c);
    } else {
      // No server, nobody to preempt, no place: lost.
      s.resource.withdraw(c.requestId);
      if (counted) s.full++;
      if (this.sim.tracer !== undefined) this.trace('lost', c, s);
      if (c.networkArrivedAt >= this.warmupAt) this.networkLost++;
      this.free.push(c.id);
    }
  }

  /** Records the end of a visit at `s` (the customer has left its server or queue). */
  private endVisit(s: StationState, c: Customer): void {
    if (this.sim.now >= this.warmupAt) s.departures++;
    if (!c.visitCounted) return;
    const stationMinutes = this.sim.now - c.visitArrivedAt;
    addVisit(s.visitsAll, c, stationMinutes);
    addVisit(s.visitsByClass[c.classIndex], c, stationMinutes);
  }

  private leaveNetwork(c: Customer): void {
    const now = this.sim.now;
    if (now >= this.warmupAt) this.networkExits++;
    if (c.networkArrivedAt >= this.warmupAt) {
      const t = this.networkTime[c.classIndex];
      t.count++;
      t.minutes += now - c.networkArrivedAt;
    }
    this.free.push(c.id);
  }

  /**
   * Gives back the server `requestId` holds at `s` (the Resource serves the next queued customer),
   * then admits customers held upstream while there is room (each frees a server upstream in turn).
   */
  private freeServer(s: StationState, requestId: RequestId): void {
    s.resource.release(requestId);
    const now = this.sim.now;
    while (s.waitingToEnter.length > 0 && s.hasRoom()) {
      const c = this.customers[s.waitingToEnter.shift()];
      const upstream = c.station;
      const upstreamRequest = c.requestId;
      this.endVisit(upstream, c);
      // The attempt was counted as offered when it was first refused; admit without counting again.
      if (this.sim.tracer !== undefined) this.trace('arrival', c, s);
      this.beginVisit(s, c, now >= this.warmupAt);
      if (!this.requestServer(s, c)) this.waiting(s, c);
      this.freeServer(upstream, upstreamRequest);
    }
  }

  private completeService(c: Customer): void {
    const s = c.station;
    if (this.sim.tracer !== undefined) this.trace('serviceEnd', c, s);
    c.remainingServiceMinutes = 0;
    const next = s.nextStation();
    if (next !== undefined && next !== s && s.blockAfterService && !next.hasRoom()) {
      // Blocked after service: keep the server, wait to enter `next`.
      if (this.sim.now >= this.warmupAt) {
        next.offered++;
        next.full++;
      }
      if (this.sim.tracer !== undefined) this.trace('blocked', c, s);
      c.state = BLOCKED;
      next.waitingToEnter.push(c.id);
      return;
    }
    this.endVisit(s, c);
    this.freeServer(s, c.requestId);
    if (next === undefined) this.leaveNetwork(c);
    else this.arrive(next, c);
  }
}
