export type { PoissonArrivalsOptions, RateProfileOptions, Surge } from './arrivals.js';
export { HOURS_PER_WEEK, PoissonArrivals, RateProfile, rateProfile } from './arrivals.js';
export { Awaitable } from './awaitable.js';
export type { BinnedHistogramOptions } from './binned-histogram.js';
export { BinnedHistogram } from './binned-histogram.js';
export { EventCalendar, MAX_PRIORITY, MIN_PRIORITY } from './calendar.js';
export { DailySeries } from './daily-series.js';
export type { DistributionSpec } from './distribution-spec.js';
export { distributionFromSpec } from './distribution-spec.js';
export * from './distributions.js';
export type { SimulationErrorCode } from './errors.js';
export {
  assertDuration,
  assertNonNegative,
  assertPositive,
  assertProbability,
  SimulationError,
} from './errors.js';
export type { HistogramData } from './histogram.js';
export { HISTOGRAM_RELATIVE_ERROR, HISTOGRAM_SUB_BUCKET_BITS, Histogram } from './histogram.js';
export { IntQueue } from './int-queue.js';
export type { LevelOptions, LevelRequestState, LevelStats } from './level.js';
export { Level, LevelRequest } from './level.js';
export type { CounterData, TallyData, TimeWeightedData } from './monitors.js';
export { Counter, Tally, TimeWeighted } from './monitors.js';
export type { TandemInput } from './network-theory.js';
export { jacksonArrivalRates, tandemBlockingTheory } from './network-theory.js';
export type { ProcessBody, ProcessState, Yieldable } from './process.js';
export { activeProcess, Interrupt, Process, timeoutMinutes } from './process.js';
// The queueing theory is public whole: Erlang B/C, M/M/c, Pollaczek–Khinchine, priority classes.
export * from './queueing-theory.js';
export type { RandomStream } from './random.js';
export { RandomStreams } from './random.js';
export type { HandedOver, Preempted } from './resource.js';
export { Request, Resource } from './resource.js';
export type * from './resource-types.js';
export type { CapacityChange, CapacityScheduleOptions } from './schedule.js';
export { CapacitySchedule, capacitySchedule, dailyRoster, weeklyRoster } from './schedule.js';
export { Signal } from './signal.js';
export type { EventHandler, EventId, HandlerId, SimulationOptions } from './simulation.js';
export { EventPriority, Simulation } from './simulation.js';
export type {
  Mg1StationInput,
  MultiServerStationInput,
  PriorityClassInput,
  StationTheory,
} from './station-theory.js';
export { erlangLossTheory, mg1Theory, mmcTheory, priorityTheory } from './station-theory.js';
export type { TabulatedArrivalsOptions } from './tabulated-arrivals.js';
export { TabulatedArrivals } from './tabulated-arrivals.js';
export {
  daysFromMinutes,
  hoursFromMinutes,
  MINUTES_PER_DAY,
  MINUTES_PER_HOUR,
  MINUTES_PER_WEEK,
  MINUTES_PER_YEAR,
  minutesFromDays,
  minutesFromHours,
  minutesFromWeeks,
  TIME_UNIT,
} from './time.js';
export type { TraceRecord, Tracer } from './trace.js';
export type { UnitCallbacks } from './unit-pool.js';
export { UnitPool, UnitRequest } from './unit-pool.js';
export type * from './unit-pool-types.js';
