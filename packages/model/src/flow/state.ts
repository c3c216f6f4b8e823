/**
 * The state the flow modules share: the simulation, the patients, the calendar and the units of
 * every service, built once from the configuration (build.ts). Each module holds it once, as `s`,
 * and reads and changes the parts it works on through it.
 */
import type { RandomStream, Simulation } from '@carepool/engine';
import type { ResolvedSystemConfig } from '../resolve.js';
import type { RunCalendar } from './calendar.js';
import type { AuthorityUnit, CommunityUnit, GpUnit } from './care-units.js';
import type { PatientStore } from './patients.js';
import type { EdUnit, WardUnit } from './units.js';

/** Day shift for ward nurse ratios: 08:00–20:00. */
export const DAY_SHIFT_START_HOUR = 8;
export const DAY_SHIFT_END_HOUR = 20;
/** Social care brokers packages and places once a day at 11:00 (after morning board rounds). */
export const SOCIAL_CARE_STEP_HOUR = 11;

/** What leaves the model, counted for conservation checks. */
export interface FlowDepartures {
  edDischarged: number;
  edLeftWithoutBeingSeen: number;
  edAdmittedElsewhere: number;
  wardDischarged: number;
}

/** Patients who entered: ED arrivals, direct admissions and the initial bed occupants. */
export interface FlowArrivals {
  ed: number;
  direct: number;
  initial: number;
}

export interface FlowState {
  readonly sim: Simulation;
  readonly config: ResolvedSystemConfig;
  readonly patients: PatientStore;
  readonly calendar: RunCalendar;
  readonly eds: EdUnit[];
  readonly wards: WardUnit[];
  readonly authorities: AuthorityUnit[];
  readonly gps: GpUnit[];
  readonly community: CommunityUnit[];
  readonly departures: FlowDepartures;
  readonly arrivals: FlowArrivals;
  /** Warm-up length; metrics count from here. */
  readonly warmupMinutes: number;
  /** Total simulated minutes (warm-up included). */
  readonly endMinutes: number;
  /** Days with a slot in the per-day tables (the run's days, plus one). */
  readonly totalDays: number;
  /** Pressure at which a trust is at OPEL 2, 3 and 4. */
  readonly opelThresholds: readonly [number, number, number];
  /** The stream of the initial state (residual stays, running packages, occupied places). */
  readonly initStream: RandomStream;
}

/** A flow module: reads and changes the shared state `s` (one object for all the modules). */
export abstract class FlowModule {
  constructor(protected readonly s: FlowState) {}
}
