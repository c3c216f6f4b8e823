/**
 * Trace records of patient flow (see `SystemRunOptions.trace`). Each call site in the flow guards
 * with `if (sim.tracer !== undefined)`, so with tracing off no string is built; nothing here draws a
 * random number or schedules an event, so a traced run is the same run.
 */
import type { Simulation } from '@carepool/engine';
import type { PatientStore } from './patients.js';

/** Trace event names of a departure from ED, by the flow's departure kind (0–3). */
const ED_DEPARTURE_EVENTS = [
  'ed.discharged',
  'ed.transferred',
  'ed.leftWithoutBeingSeen',
  'ed.toWard',
] as const;

/** A patient's trace entity: its serial number in the run (store ids are recycled, serials are not). */
function patientEntity(patients: PatientStore, id: number): string {
  return `patient${patients.serial[id]}`;
}

/** Records `event` for patient `id` at `resource` (an ED, ward or service id). */
export function tracePatient(
  sim: Simulation,
  patients: PatientStore,
  event: string,
  id: number,
  resource: string,
): void {
  sim.trace(event, patientEntity(patients, id), resource);
}

/** Records a patient leaving ED (kind: 0 home, 1 transferred, 2 left unseen, 3 to a ward bed here). */
export function traceEdDeparture(
  sim: Simulation,
  patients: PatientStore,
  id: number,
  kind: 0 | 1 | 2 | 3,
  resource: string,
): void {
  sim.trace(ED_DEPARTURE_EVENTS[kind], patientEntity(patients, id), resource);
}

/** Records a care package starting: for a hospital patient (id ≥ 0) or a community client (id −1). */
export function traceCarePackageStart(
  sim: Simulation,
  patients: PatientStore,
  id: number,
  resource: string,
): void {
  sim.trace('carePackage.start', id >= 0 ? patientEntity(patients, id) : 'communityClient', resource);
}
