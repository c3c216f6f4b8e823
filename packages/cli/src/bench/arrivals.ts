/** What the workloads share: the counts every run reports, and the process style's arrival source. */
import type { Distribution, ProcessBody, RandomStream, Simulation } from '@carepool/engine';

/** What every workload run counted (before timing and memory are added). */
export interface WorkloadCounts {
  /** Customers (patients) who completed service (left ED) during the run. */
  customers: number;
  events: number;
}

/**
 * The process style's arrivals: one source process that, after each interarrival time, starts a
 * `customer` process named `customerName`.
 */
export function startCustomerSource(
  sim: Simulation,
  workload: string,
  interarrivalMinutes: Distribution,
  arrivalStream: RandomStream,
  customer: ProcessBody<void>,
  customerName: string,
): void {
  sim.process(function* source() {
    for (;;) {
      yield interarrivalMinutes.sample(arrivalStream);
      sim.process(customer, customerName);
    }
  }, `${workload}.source`);
}
