/** Types of the `Resource` API that name neither `Resource` nor `Request` (re-exported by resource.ts). */
import type { CapacitySchedule } from './schedule.js';

/** Identifies one request of one resource (a packed slot and generation). */
export type RequestId = number;

/** Called when a request is granted: the payload given to `seize`, and the request's id. */
export type GrantHandler = (payload: number, requestId: RequestId) => void;

/** Why a holder lost its unit: a more urgent request, or a scheduled capacity drop (rule 'preempt'). */
export type PreemptionReason = 'priority' | 'capacity';

/** What happens to work in progress when capacity drops below the number of units in use. */
export type CapacityDropRule = 'finish' | 'handover' | 'preempt';

/** Callback-style notifications for one kind of request; create the object once and reuse it. */
export interface RequestCallbacks {
  /** The unit is granted (synchronously inside `seize` when one is free). */
  granted: GrantHandler;
  /**
   * The holder lost its unit (the request is over; do not release it): cancel the work in
   * progress, and `seize` again to resume it later. Required if the resource may preempt it.
   */
  preempted?: (payload: number, requestId: RequestId, reason: PreemptionReason) => void;
  /**
   * Capacity dropped under rule 'handover': the unit left, and this request went back to the front
   * of the queue, keeping its id; `granted` will be called again when a unit takes the work over.
   */
  handedOver?: (payload: number, requestId: RequestId) => void;
  /** Patience ran out before a grant: the request has left the queue. Required with a patience. */
  reneged?: (payload: number, requestId: RequestId) => void;
}

export interface ResourceOptions {
  /** A name for messages and statistics. */
  name?: string;
  /** Number of units (an integer ≥ 0), or a schedule of capacities (a shift roster). */
  capacity: number | CapacitySchedule;
  /** If true, a request preempts a strictly less urgent holder when no unit is free (default false). */
  preemptive?: boolean;
  /** What happens to holders when capacity drops below the number in use (default 'finish'). */
  whenCapacityDrops?: CapacityDropRule;
}

/** Options of a process-style request. */
export interface RequestOptions {
  /** Lower is more urgent (default 0); any finite number. */
  priority?: number;
  /** Leave the queue if not granted within this many minutes (default: wait for ever). */
  patienceMinutes?: number;
}

/** Lifecycle of a request. */
export type RequestState = 'waiting' | 'granted' | 'released' | 'reneged' | 'preempted' | 'withdrawn';

/** A snapshot of a resource's statistics since the start (or the last `resetStats`). */
export interface ResourceStats {
  readonly name: string;
  /** Length of the observation window in minutes. */
  readonly elapsedMinutes: number;
  /** Requests made (by `seize` or `request`). */
  readonly requests: number;
  /** Grants, counting a handed-over request's re-grant again. */
  readonly grants: number;
  readonly releases: number;
  /** Requests that left the queue because their patience ran out. */
  readonly reneges: number;
  /** Requests withdrawn while waiting (`withdraw`, or their process was interrupted). */
  readonly withdrawals: number;
  /** Holders that lost their unit to a more urgent request. */
  readonly preemptions: number;
  /** Holders that lost their unit to a capacity drop under rule 'preempt'. */
  readonly capacityPreemptions: number;
  /** Holders whose work went back to the queue under rule 'handover'. */
  readonly handovers: number;
  /** Time-weighted mean number of units in use. */
  readonly meanBusyUnits: number;
  /** Time-weighted mean number of requests waiting. */
  readonly meanQueueLength: number;
  /** Time-weighted mean capacity. */
  readonly meanCapacity: number;
  /** Busy unit-minutes over capacity unit-minutes (NaN if capacity was always 0). */
  readonly utilisation: number;
  /** Unit-minutes during which units were in use beyond capacity (rule 'finish'): overtime. */
  readonly overtimeUnitMinutes: number;
  /** Requests granted in the window whose waiting time was recorded (first grants only). */
  readonly waitCount: number;
  /** Mean wait from request to first grant, in minutes (NaN if none). */
  readonly meanWaitMinutes: number;
  /** Sample variance of those waits in minutes² (NaN if fewer than 2). */
  readonly waitVarianceMinutes2: number;
  readonly maxWaitMinutes: number;
}
