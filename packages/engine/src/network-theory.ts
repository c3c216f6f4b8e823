/**
 * Long-run measures of small queueing networks, for validating simulations against theory: the
 * Jackson traffic equations and two stations in tandem with blocking after service (exact, from
 * the Markov chain). Rates are per hour and times in hours, as in network scenario files; the
 * single-station formulas are in station-theory.ts.
 */
import { SimulationError } from './errors.js';
import type { StationTheory } from './station-theory.js';

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

/** Two single-server stations in tandem, Poisson arrivals at the first (see `tandemBlockingTheory`). */
export interface TandemInput {
  ratePerHour: number;
  serviceMeanHours1: number;
  serviceMeanHours2: number;
  queueCapacity1: number;
  queueCapacity2: number;
}

/** A state (n1, n2, blocked) of the tandem chain: n1 counts a blocked customer still holding the first server. */
type TandemState = [n1: number, n2: number, blocked: number];

/**
 * Two single-server stations in tandem with Poisson arrivals at the first: the first holds
 * `queueCapacity1` waiting places (arrivals that find it full are lost), the second holds
 * `queueCapacity2`; a customer finishing at the first while the second is full keeps the first
 * server until a place frees (blocking after service). Exact, by solving the Markov chain.
 */
export function tandemBlockingTheory(p: TandemInput): [StationTheory, StationTheory] {
  const { states, generator } = tandemChain(p);
  return tandemMeasures(p, states, stationaryDistribution(generator));
}

/** The states of the tandem chain and its generator matrix. */
function tandemChain(p: TandemInput): { states: TandemState[]; generator: number[][] } {
  const mu1 = 1 / p.serviceMeanHours1;
  const mu2 = 1 / p.serviceMeanHours2;
  const max1 = 1 + p.queueCapacity1;
  const max2 = 1 + p.queueCapacity2;
  const states: TandemState[] = [];
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
  return { states, generator: q };
}

/** Each station's measures from the stationary distribution `pi` over `states`. */
function tandemMeasures(
  p: TandemInput,
  states: readonly TandemState[],
  pi: readonly number[],
): [StationTheory, StationTheory] {
  const mu1 = 1 / p.serviceMeanHours1;
  const mu2 = 1 / p.serviceMeanHours2;
  const max1 = 1 + p.queueCapacity1;
  const max2 = 1 + p.queueCapacity2;
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
