/**
 * Workload W2 — ED and ward with blocking after service (docs/performance.md).
 *
 * ED: 6 servers, Poisson arrivals 1.8 per hour, exponential service with mean 3 hours, FIFO.
 * After ED, 35% need a ward bed (default 90 beds; lognormal length of stay, mean 120 h, sd 120 h).
 * While no bed is free the patient keeps its ED server (blocking after service); blocked patients
 * get beds in the order they were blocked (the ward's FIFO queue). Reports the mean ED time in
 * system (arrival to leaving ED) over the patients who left ED during the run.
 *
 * Public engine API only: `callback` style keeps each patient in a slot of the model's own typed
 * arrays and uses registered handlers plus the Resource callback API; `process` style runs one
 * generator process per patient that holds its ED request while it waits for a bed.
 */
import {
  bernoulli,
  exponential,
  hoursFromMinutes,
  lognormal,
  MINUTES_PER_YEAR,
  minutesFromHours,
  RandomStreams,
  type RequestId,
  Resource,
  Simulation,
} from '@carepool/engine';
import { startCustomerSource, type WorkloadCounts } from './arrivals.js';

const ED_SERVERS = 6;
const ARRIVALS_PER_HOUR = 1.8;
const ED_SERVICE_MEAN_HOURS = 3;
const SHARE_NEEDING_BED = 0.35;
const LOS_MEAN_HOURS = 120;
const LOS_SD_HOURS = 120;

export interface W2Result extends WorkloadCounts {
  meanEdTimeInSystemHours: number;
  /** Patients still in ED (waiting, in service or blocked) when the run ended. */
  inEdAtEnd: number;
}

/** Runs W2 for `years` simulated years with `beds` ward beds. */
export function runW2(style: 'callback' | 'process', years: number, beds: number, seed: number): W2Result {
  const model = w2Model(beds, seed);
  const tally = style === 'callback' ? callbackPatients(model) : processPatients(model);
  model.sim.run(years * MINUTES_PER_YEAR);
  const { left, edMinutesSum } = tally();
  return {
    customers: left,
    events: model.sim.eventsExecuted,
    meanEdTimeInSystemHours: hoursFromMinutes(edMinutesSum / left),
    inEdAtEnd: model.ed.inUse + model.ed.queueLength,
  };
}

/** The simulation, its streams, distributions and resources, shared by both styles. */
function w2Model(beds: number, seed: number) {
  const sim = new Simulation();
  const streams = new RandomStreams(seed);
  return {
    sim,
    arrivalStream: streams.stream('w2.arrivals'),
    edStream: streams.stream('w2.edService'),
    routeStream: streams.stream('w2.route'),
    losStream: streams.stream('w2.los'),
    interarrivalMinutes: exponential({ mean: minutesFromHours(1 / ARRIVALS_PER_HOUR) }),
    edServiceMinutes: exponential({ mean: minutesFromHours(ED_SERVICE_MEAN_HOURS) }),
    needsBed: bernoulli({ p: SHARE_NEEDING_BED }),
    losMinutes: lognormal({ mean: minutesFromHours(LOS_MEAN_HOURS), sd: minutesFromHours(LOS_SD_HOURS) }),
    ed: new Resource(sim, { name: 'ed', capacity: ED_SERVERS }),
    ward: new Resource(sim, { name: 'ward', capacity: beds }),
  };
}

type W2Model = ReturnType<typeof w2Model>;
/** Reads what the patients who left ED add up to, once the run has ended. */
type W2Tally = () => { left: number; edMinutesSum: number };

/** The callback style: each patient in ED a slot of growable typed arrays, reused through a free list. */
function callbackPatients(model: W2Model): W2Tally {
  const { sim, ed, ward, arrivalStream, edStream, routeStream, losStream } = model;
  const { interarrivalMinutes, edServiceMinutes, needsBed, losMinutes } = model;
  let left = 0;
  let edMinutesSum = 0;
  let arrivedAt: Float64Array = new Float64Array(1024);
  let edRequest: Float64Array = new Float64Array(1024);
  let freeSlots = new Int32Array(1024);
  let freeCount = 0;
  let slotCount = 0;
  const allocPatient = (): number => {
    if (freeCount > 0) return freeSlots[--freeCount];
    if (slotCount === arrivedAt.length) {
      arrivedAt = grow(arrivedAt);
      edRequest = grow(edRequest);
      const f = new Int32Array(freeSlots.length * 2);
      f.set(freeSlots);
      freeSlots = f;
    }
    return slotCount++;
  };
  const leaveEd = (patient: number): void => {
    ed.release(edRequest[patient]);
    edMinutesSum += sim.now - arrivedAt[patient];
    left++;
    freeSlots[freeCount++] = patient;
  };
  const discharge = sim.registerHandler((bedRequest: RequestId) => ward.release(bedRequest), 'w2.discharge');
  // A bed is granted: only now does the patient leave ED (and free its server).
  const bedGranted = (patient: number, bedRequest: RequestId): void => {
    leaveEd(patient);
    sim.schedule(losMinutes.sample(losStream), discharge, bedRequest);
  };
  const edServiceEnd = sim.registerHandler((patient: number) => {
    if (needsBed.sample(routeStream) === 1) ward.seize(bedGranted, patient);
    else leaveEd(patient);
  }, 'w2.edServiceEnd');
  const edGranted = (patient: number, request: RequestId): void => {
    edRequest[patient] = request;
    sim.schedule(edServiceMinutes.sample(edStream), edServiceEnd, patient);
  };
  const arrival = sim.registerHandler(() => {
    sim.schedule(interarrivalMinutes.sample(arrivalStream), arrival);
    const patient = allocPatient();
    arrivedAt[patient] = sim.now;
    ed.seize(edGranted, patient);
  }, 'w2.arrival');
  sim.schedule(interarrivalMinutes.sample(arrivalStream), arrival);
  return () => ({ left, edMinutesSum });
}

/** The process style: one generator process per patient, holding its ED request while it waits for a bed. */
function processPatients(model: W2Model): W2Tally {
  const { sim, ed, ward, edStream, routeStream, losStream, edServiceMinutes, needsBed, losMinutes } = model;
  let left = 0;
  let edMinutesSum = 0;
  function* patient() {
    const arrived = sim.now;
    const edRequest = ed.request();
    yield edRequest;
    yield edServiceMinutes.sample(edStream);
    if (needsBed.sample(routeStream) === 1) {
      const bed = ward.request();
      yield bed; // still holding the ED server: blocking after service
      ed.release(edRequest);
      edMinutesSum += sim.now - arrived;
      left++;
      yield losMinutes.sample(losStream);
      ward.release(bed);
    } else {
      ed.release(edRequest);
      edMinutesSum += sim.now - arrived;
      left++;
    }
  }
  startCustomerSource(sim, 'w2', model.interarrivalMinutes, model.arrivalStream, patient, 'patient');
  return () => ({ left, edMinutesSum });
}

function grow(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}
