/** Types of the `UnitPool` API that do not name `UnitRequest` (re-exported by unit-pool.ts). */

/** One individual unit of a `UnitPool`. */
export interface Unit<A> {
  /** Index in the pool (0, 1, ...), stable for the run. */
  readonly id: number;
  readonly attributes: A;
  /** True while a request holds it. */
  readonly busy: boolean;
  /** False while the unit is off duty (it takes no new work). */
  readonly onDuty: boolean;
  /** Minutes it has been held, summed over completed holds. */
  readonly busyMinutes: number;
  /** Number of grants it has had. */
  readonly grants: number;
}

export interface UnitRequestOptions<A> {
  /** Lower is more urgent (default 0). */
  priority?: number;
  /** Leave the queue if not granted within this many minutes (default: wait for ever). */
  patienceMinutes?: number;
  /** Only units for which this returns true are acceptable. */
  filter?: (unit: Unit<A>) => boolean;
  /** Score of an acceptable free unit; the lowest is chosen (ties: the unit idle longest). */
  prefer?: (unit: Unit<A>) => number;
}

export type UnitRequestState = 'waiting' | 'granted' | 'released' | 'reneged' | 'withdrawn';

export interface UnitPoolOptions<A> {
  name?: string;
  /** The units' attributes, one entry per unit (more can be added with `addUnit`). */
  units: readonly A[];
}

export interface UnitPoolStats {
  readonly name: string;
  readonly elapsedMinutes: number;
  readonly requests: number;
  readonly grants: number;
  readonly reneges: number;
  readonly withdrawals: number;
  /** Mean wait from request to grant, in minutes (NaN if none). */
  readonly meanWaitMinutes: number;
  /** Time-weighted mean number of busy units. */
  readonly meanBusyUnits: number;
  /** Time-weighted mean number of requests waiting. */
  readonly meanQueueLength: number;
}
