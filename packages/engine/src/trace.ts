/**
 * Event traces for checking a model by eye or by script: one record per model step the model
 * chooses to report (an arrival, a start of service, a departure), stamped with the clock.
 */

/** One line of a trace. */
export interface TraceRecord {
  /** Simulated time of the step, in minutes (the clock when it was recorded: never decreasing). */
  timeMinutes: number;
  /** What happened, a dotted name chosen by the model, e.g. `ed.arrival`. */
  event: string;
  /** Who it happened to: a patient, customer or staff pool id. */
  entity: string;
  /** Where: the resource, station, service or organisation involved (may be empty). */
  resource: string;
}

/** Receives trace records in the order they happen. It must not schedule events or draw random numbers. */
export type Tracer = (record: TraceRecord) => void;
