/**
 * Long-run measures of one station, for validating simulations against theory (the textbook
 * scenarios run through the CLI are checked against these): M/M/c, Erlang loss, M/G/1 and priority
 * M/G/1. Rates are per hour and times in hours, as in network scenario files; each function states
 * the model it is exact for and is built on the per-minute formulas of queueing-theory.ts, the one
 * place each formula is written. Networks (Jackson, tandem with blocking) are in network-theory.ts.
 */
import {
  cobhamMeanWaitsMinutes,
  erlangB,
  erlangC,
  type Mg1Parameters,
  mmcMeanWaitMinutes,
  pollaczekKhinchineMeanWaitMinutes,
  preemptiveResumeMeanTimesInSystemMinutes,
} from './queueing-theory.js';
import { MINUTES_PER_HOUR } from './time.js';

/** Long-run measures of one station, in the same terms as the simulator's metric rows. */
export interface StationTheory {
  /** Mean wait before service starts, hours (over admitted customers). */
  waitInQueueHours: number;
  /** Share of admitted customers who wait at all. */
  waitProbabilityShare: number;
  /** Share of arrivals that find the station full. */
  blockingShare: number;
  /** Share of server time occupied. */
  utilisationShare: number;
  /** Mean time from admission to leaving the station, hours. */
  timeInSystemHours: number;
  /** Customers leaving the station per hour. */
  throughputPerHour: number;
}

/** A station of `servers` parallel servers, Poisson arrivals, mean service `serviceMeanHours`. */
export interface MultiServerStationInput {
  ratePerHour: number;
  serviceMeanHours: number;
  servers: number;
}

/** A single-server station (or one priority class of it): Poisson arrivals, service mean and E[S²]. */
export interface Mg1StationInput {
  ratePerHour: number;
  serviceMeanHours: number;
  /** Second moment of the service time E[S²], hours² (mean² + variance). */
  serviceSecondMomentHours2: number;
}

/** One priority class of an M/G/1 priority queue (class 0 is served first). */
export type PriorityClassInput = Mg1StationInput;

/** The per-minute parameters the formulas of queueing-theory.ts take. */
function perMinute(p: Mg1StationInput): Mg1Parameters {
  return {
    arrivalsPerMinute: p.ratePerHour / MINUTES_PER_HOUR,
    meanServiceMinutes: p.serviceMeanHours * MINUTES_PER_HOUR,
    serviceVarianceMinutes2: (p.serviceSecondMomentHours2 - p.serviceMeanHours ** 2) * MINUTES_PER_HOUR ** 2,
  };
}

/** A station's measures when every admitted customer is served: the time in system adds the service. */
function served(
  p: { ratePerHour: number; serviceMeanHours: number },
  waitInQueueHours: number,
  waitProbabilityShare: number,
  utilisationShare: number,
): StationTheory {
  return {
    waitInQueueHours,
    waitProbabilityShare,
    blockingShare: 0,
    utilisationShare,
    timeInSystemHours: waitInQueueHours + p.serviceMeanHours,
    throughputPerHour: p.ratePerHour,
  };
}

/** M/M/c with unlimited waiting room (Erlang C). */
export function mmcTheory(p: MultiServerStationInput): StationTheory {
  const a = p.ratePerHour * p.serviceMeanHours;
  const waitMinutes = mmcMeanWaitMinutes({
    arrivalsPerMinute: p.ratePerHour / MINUTES_PER_HOUR,
    meanServiceMinutes: p.serviceMeanHours * MINUTES_PER_HOUR,
    servers: p.servers,
  });
  return served(p, waitMinutes / MINUTES_PER_HOUR, erlangC(p.servers, a), a / p.servers);
}

/** M/M/c/c (Erlang loss; the result holds for any service distribution with this mean). */
export function erlangLossTheory(p: MultiServerStationInput): StationTheory {
  const a = p.ratePerHour * p.serviceMeanHours;
  const b = erlangB(p.servers, a);
  return {
    waitInQueueHours: 0,
    waitProbabilityShare: 0,
    blockingShare: b,
    utilisationShare: (a * (1 - b)) / p.servers,
    timeInSystemHours: p.serviceMeanHours,
    throughputPerHour: p.ratePerHour * (1 - b),
  };
}

/** M/G/1 by Pollaczek–Khinchine: needs the service mean and second moment E[S²] (hours²). */
export function mg1Theory(p: Mg1StationInput): StationTheory {
  const rho = p.ratePerHour * p.serviceMeanHours;
  const waitMinutes = pollaczekKhinchineMeanWaitMinutes(perMinute(p));
  return served(p, waitMinutes / MINUTES_PER_HOUR, rho, rho);
}

/**
 * M/G/1 with priority classes, most urgent first. Non-preemptive: Cobham's formula
 * W_k = W0 / ((1 − σ_{k−1})(1 − σ_k)) with W0 = Σ λ_i E[S_i²] / 2. Preemptive-resume: a class sees
 * only the work of classes at least as urgent (Kleinrock). Returns per class the mean time queued
 * (with preemption: all time not in service, interruptions included) and the mean time in system, hours.
 */
export function priorityTheory(
  classes: readonly PriorityClassInput[],
  preemptive: boolean,
): { waitInQueueHours: number; timeInSystemHours: number }[] {
  const perMinuteClasses = classes.map(perMinute);
  if (preemptive) {
    // All time not in service, interruptions included (as a simulator counts queueing).
    return preemptiveResumeMeanTimesInSystemMinutes(perMinuteClasses).map((minutes, i) => {
      const timeInSystemHours = minutes / MINUTES_PER_HOUR;
      return { waitInQueueHours: timeInSystemHours - classes[i].serviceMeanHours, timeInSystemHours };
    });
  }
  return cobhamMeanWaitsMinutes(perMinuteClasses).map((minutes, i) => {
    const waitInQueueHours = minutes / MINUTES_PER_HOUR;
    return { waitInQueueHours, timeInSystemHours: waitInQueueHours + classes[i].serviceMeanHours };
  });
}
