/**
 * Long-run measures of single stations and small networks, for validating simulations against
 * theory (the textbook scenarios run through the CLI are checked against these): M/M/c, Erlang
 * loss, M/G/1, priority M/G/1, two stations in tandem with blocking, Jackson traffic equations.
 * Rates are per hour and times in hours, as in network scenario files; each function states the
 * model it is exact for. The per-minute formulas they build on are in queueing-theory.ts.
 */
import { SimulationError } from './errors.js';
import {
  cobhamMeanWaitsMinutes,
  erlangB,
  erlangC,
  type Mg1Parameters,
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

/** M/M/c with unlimited waiting room. */
export function mmcTheory(p: {
  ratePerHour: number;
  serviceMeanHours: number;
  servers: number;
}): StationTheory {
  const a = p.ratePerHour * p.serviceMeanHours;
  const c = erlangC(p.servers, a);
  const waitInQueueHours = (c * p.serviceMeanHours) / (p.servers - a);
  return {
    waitInQueueHours,
    waitProbabilityShare: c,
    blockingShare: 0,
    utilisationShare: a / p.servers,
    timeInSystemHours: waitInQueueHours + p.serviceMeanHours,
    throughputPerHour: p.ratePerHour,
  };
}

/** M/M/c/c (Erlang loss; the result holds for any service distribution with this mean). */
export function erlangLossTheory(p: {
  ratePerHour: number;
  serviceMeanHours: number;
  servers: number;
}): StationTheory {
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
export function mg1Theory(p: {
  ratePerHour: number;
  serviceMeanHours: number;
  serviceSecondMomentHours2: number;
}): StationTheory {
  const rho = p.ratePerHour * p.serviceMeanHours;
  if (!(rho < 1)) throw new SimulationError('invalid-parameter', `M/G/1 is unstable: load ${rho} ≥ 1`);
  const waitInQueueHours = (p.ratePerHour * p.serviceSecondMomentHours2) / (2 * (1 - rho));
  return {
    waitInQueueHours,
    waitProbabilityShare: rho,
    blockingShare: 0,
    utilisationShare: rho,
    timeInSystemHours: waitInQueueHours + p.serviceMeanHours,
    throughputPerHour: p.ratePerHour,
  };
}

/** One priority class of an M/G/1 priority queue (class 0 is served first). */
export interface PriorityClassInput {
  ratePerHour: number;
  serviceMeanHours: number;
  serviceSecondMomentHours2: number;
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
  const total = classes.reduce((s, k) => s + k.ratePerHour * k.serviceMeanHours, 0);
  if (!(total < 1)) {
    throw new SimulationError('invalid-parameter', `priority queue is unstable: load ${total} ≥ 1`);
  }
  const perMinute: Mg1Parameters[] = classes.map((k) => ({
    arrivalsPerMinute: k.ratePerHour / MINUTES_PER_HOUR,
    meanServiceMinutes: k.serviceMeanHours * MINUTES_PER_HOUR,
    serviceVarianceMinutes2: (k.serviceSecondMomentHours2 - k.serviceMeanHours ** 2) * MINUTES_PER_HOUR ** 2,
  }));
  if (preemptive) {
    // All time not in service, interruptions included (as a simulator counts queueing).
    return preemptiveResumeMeanTimesInSystemMinutes(perMinute).map((minutes, i) => {
      const timeInSystemHours = minutes / MINUTES_PER_HOUR;
      return { waitInQueueHours: timeInSystemHours - classes[i].serviceMeanHours, timeInSystemHours };
    });
  }
  return cobhamMeanWaitsMinutes(perMinute).map((minutes, i) => {
    const waitInQueueHours = minutes / MINUTES_PER_HOUR;
    return { waitInQueueHours, timeInSystemHours: waitInQueueHours + classes[i].serviceMeanHours };
  });
}

/**
 * Jackson traffic equations λ = γ + λP: the total arrival rate at each station, given external
 * rates `externalPerHour[i]` and routing shares `routing[i][j]` (from i to j).
 */
export function jacksonArrivalRates(
  externalPerHour: readonly number[],
  routing: readonly (readonly number[])[],
): number[] {
  const n = externalPerHour.length;
  // Solve (I − Pᵀ) λ = γ by Gaussian elimination.
  const a = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) =>
      j === n ? externalPerHour[i] : (i === j ? 1 : 0) - routing[j][i],
    ),
  );
  return solveLinear(a);
}

/**
 * Two single-server stations in tandem with Poisson arrivals at the first: the first holds
 * `queueCapacity1` waiting places (arrivals that find it full are lost), the second holds
 * `queueCapacity2`; a customer finishing at the first while the second is full keeps the first
 * server until a place frees (blocking after service). Exact, by solving the Markov chain.
 */
export function tandemBlockingTheory(p: {
  ratePerHour: number;
  serviceMeanHours1: number;
  serviceMeanHours2: number;
  queueCapacity1: number;
  queueCapacity2: number;
}): [StationTheory, StationTheory] {
  const mu1 = 1 / p.serviceMeanHours1;
  const mu2 = 1 / p.serviceMeanHours2;
  const max1 = 1 + p.queueCapacity1;
  const max2 = 1 + p.queueCapacity2;
  // State (n1, n2, blocked): n1 counts a blocked customer still holding the first server.
  const states: [number, number, number][] = [];
  for (let n1 = 0; n1 <= max1; n1++) {
    for (let n2 = 0; n2 <= max2; n2++) {
      states.push([n1, n2, 0]);
      if (n1 >= 1 && n2 === max2) states.push([n1, n2, 1]);
    }
  }
  const index = new Map(states.map((s, i) => [s.join(','), i]));
  const at = (n1: number, n2: number, b: number): number => index.get(`${n1},${n2},${b}`)!;
  const q = states.map(() => new Array<number>(states.length).fill(0));
  const add = (from: number, to: number, rate: number): void => {
    q[from][to] += rate;
    q[from][from] -= rate;
  };
  states.forEach(([n1, n2, b], i) => {
    if (n1 < max1) add(i, at(n1 + 1, n2, b), p.ratePerHour);
    if (n1 >= 1 && b === 0) add(i, n2 < max2 ? at(n1 - 1, n2 + 1, 0) : at(n1, n2, 1), mu1);
    if (n2 >= 1) add(i, b === 1 ? at(n1 - 1, n2, 0) : at(n1, n2 - 1, 0), mu2);
  });
  const pi = stationaryDistribution(q);
  let loss1 = 0;
  let busy1 = 0;
  let busy2 = 0;
  let l1 = 0;
  let l2 = 0;
  let attempts2 = 0;
  let blocked2 = 0;
  let waits2 = 0;
  states.forEach(([n1, n2, b], i) => {
    const pr = pi[i];
    if (n1 === max1) loss1 += pr;
    if (n1 >= 1) busy1 += pr;
    if (n2 >= 1) busy2 += pr;
    l1 += n1 * pr;
    l2 += n2 * pr;
    if (n1 >= 1 && b === 0) {
      attempts2 += mu1 * pr;
      if (n2 === max2) blocked2 += mu1 * pr;
      else if (n2 >= 1) waits2 += mu1 * pr;
    }
    // A blocked customer entering as the second server frees: it waits if others queue ahead of it.
    if (b === 1 && p.queueCapacity2 >= 1) waits2 += mu2 * pr;
  });
  const throughput = p.ratePerHour * (1 - loss1);
  const station1: StationTheory = {
    waitInQueueHours: (l1 - busy1) / throughput,
    waitProbabilityShare: (busy1 - loss1) / (1 - loss1),
    blockingShare: loss1,
    utilisationShare: busy1,
    timeInSystemHours: l1 / throughput,
    throughputPerHour: throughput,
  };
  const station2: StationTheory = {
    waitInQueueHours: (l2 - busy2) / throughput,
    waitProbabilityShare: waits2 / throughput,
    blockingShare: blocked2 / attempts2,
    utilisationShare: busy2,
    timeInSystemHours: l2 / throughput,
    throughputPerHour: throughput,
  };
  return [station1, station2];
}

/** π with πQ = 0, Σπ = 1, for a small irreducible generator `q`. */
function stationaryDistribution(q: readonly (readonly number[])[]): number[] {
  const n = q.length;
  // Transpose, replace the last equation by the normalisation.
  const a = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) => (i === n - 1 ? 1 : j === n ? 0 : q[j][i])),
  );
  return solveLinear(a);
}

/** Solves an augmented n × (n+1) system by Gaussian elimination with partial pivoting. */
function solveLinear(a: number[][]): number[] {
  const n = a.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    const d = a[col][col];
    if (Math.abs(d) < 1e-300)
      throw new SimulationError('invalid-parameter', 'singular system in queueing theory');
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r][col] / d;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) a[r][c] -= f * a[col][c];
    }
  }
  return a.map((row, i) => row[n] / row[i]);
}
