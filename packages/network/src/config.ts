/**
 * A textbook queueing network (`kind: network`): stations with servers, Poisson arrivals, service
 * distributions in hours, priority classes, finite buffers or blocking after service, and
 * probabilistic routing. Used to validate the engine against queueing theory from scenario files.
 */
import type { DistributionSpec } from '@carepool/engine';

export interface NetworkStationConfig {
  id: string;
  /** Number of parallel servers. */
  servers: number;
  /** Service time per customer, hours. */
  serviceHours: DistributionSpec;
  /**
   * Waiting places in front of the servers. `undefined` means unlimited. An arrival that finds the
   * buffer full is lost (counted in `blockingShare`), unless it comes from an upstream station with
   * `blockAfterService`, in which case it waits there holding its server.
   */
  queueCapacity?: number;
  /** `fifo`, or `priority` (lower class number first, FIFO within a class). */
  discipline: 'fifo' | 'priority';
  /** With `priority`: a more urgent arrival preempts the least urgent customer in service (resumed later). */
  preemptive: boolean;
  /** When the next station is full, the customer keeps its server here until a place frees. */
  blockAfterService: boolean;
}

export interface NetworkArrivalConfig {
  /** Station the customers join. */
  stationId: string;
  /** Poisson arrival rate, customers per hour. */
  ratePerHour: number;
  /** Priority class (0 = most urgent). */
  priorityClass: number;
}

export interface NetworkRoutingConfig {
  fromStationId: string;
  /** Where customers go after service; shares sum to at most 1, the rest leave the network. */
  to: { stationId: string; share: number }[];
}

export interface NetworkConfig {
  kind: 'network';
  name: string;
  /** Simulated hours reported, after the warm-up. */
  durationHours: number;
  /** Hours simulated and discarded first. */
  warmupHours: number;
  stations: NetworkStationConfig[];
  arrivals: NetworkArrivalConfig[];
  routing: NetworkRoutingConfig[];
}
