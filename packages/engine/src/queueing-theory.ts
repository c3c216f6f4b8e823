/**
 * Closed-form results of queueing theory, for validating models and for back-of-envelope sizing.
 * Rates are per minute and times in minutes, like the rest of the engine (any consistent unit works).
 * Every function assumes a stable queue (utilisation < 1) and throws otherwise.
 */
import { SimulationError } from './errors.js';

function assertStable(utilisation: number, what: string): void {
  if (!(utilisation >= 0 && utilisation < 1)) {
    throw new SimulationError(
      'invalid-parameter',
      `${what}: the queue is unstable: utilisation must be in [0, 1); got ${utilisation}`,
    );
  }
}

function assertServers(servers: number): void {
  if (!(Number.isInteger(servers) && servers >= 1)) {
    throw new SimulationError('invalid-parameter', `servers must be an integer ≥ 1; got ${servers}`);
  }
}

/** Erlang B: probability that an arrival finds all `servers` busy in M/M/c/c (lost), offered load a = λ/μ. */
export function erlangB(servers: number, offeredLoadErlangs: number): number {
  assertServers(servers);
  if (!(offeredLoadErlangs >= 0)) {
    throw new SimulationError(
      'invalid-parameter',
      `offered load must be ≥ 0 erlangs; got ${offeredLoadErlangs}`,
    );
  }
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoadErlangs * b) / (k + offeredLoadErlangs * b);
  return b;
}

/** Erlang C: probability that an arrival waits in M/M/c, offered load a = λ/μ < c. */
export function erlangC(servers: number, offeredLoadErlangs: number): number {
  assertServers(servers);
  assertStable(offeredLoadErlangs / servers, 'Erlang C');
  const b = erlangB(servers, offeredLoadErlangs);
  const rho = offeredLoadErlangs / servers;
  return b / (1 - rho + rho * b);
}

export interface MmcParameters {
  arrivalsPerMinute: number;
  meanServiceMinutes: number;
  servers: number;
}

/** M/M/c mean wait in queue (minutes): C(c, a) / (cμ − λ). */
export function mmcMeanWaitMinutes({
  arrivalsPerMinute,
  meanServiceMinutes,
  servers,
}: MmcParameters): number {
  const a = arrivalsPerMinute * meanServiceMinutes;
  return erlangC(servers, a) / (servers / meanServiceMinutes - arrivalsPerMinute);
}

export interface Mg1Parameters {
  arrivalsPerMinute: number;
  meanServiceMinutes: number;
  /** Variance of the service time (0 for deterministic, mean² for exponential). */
  serviceVarianceMinutes2: number;
}

/** Pollaczek–Khinchine: M/G/1 mean wait in queue (minutes) = λ E[S²] / (2 (1 − ρ)). */
export function pollaczekKhinchineMeanWaitMinutes({
  arrivalsPerMinute,
  meanServiceMinutes,
  serviceVarianceMinutes2,
}: Mg1Parameters): number {
  const rho = arrivalsPerMinute * meanServiceMinutes;
  assertStable(rho, 'Pollaczek–Khinchine');
  const secondMoment = serviceVarianceMinutes2 + meanServiceMinutes * meanServiceMinutes;
  return (arrivalsPerMinute * secondMoment) / (2 * (1 - rho));
}

/**
 * Cobham: mean wait in queue (minutes) of each class of a non-preemptive priority M/G/1 queue,
 * classes listed most urgent first: W_k = W0 / ((1 − σ_{k−1})(1 − σ_k)), W0 = Σ λ_i E[S_i²] / 2.
 */
export function cobhamMeanWaitsMinutes(classes: readonly Mg1Parameters[]): number[] {
  const w0 = classes.reduce(
    (sum, c) => sum + (c.arrivalsPerMinute * (c.serviceVarianceMinutes2 + c.meanServiceMinutes ** 2)) / 2,
    0,
  );
  let sigmaBefore = 0;
  return classes.map((c) => {
    const sigma = sigmaBefore + c.arrivalsPerMinute * c.meanServiceMinutes;
    assertStable(sigma, 'Cobham');
    const w = w0 / ((1 - sigmaBefore) * (1 - sigma));
    sigmaBefore = sigma;
    return w;
  });
}

/**
 * Preemptive-resume priority M/G/1: mean time in system (minutes) of each class, most urgent
 * first: T_k = E[S_k] / (1 − σ_{k−1}) + Σ_{i≤k} λ_i E[S_i²] / (2 (1 − σ_{k−1})(1 − σ_k)).
 */
export function preemptiveResumeMeanTimesInSystemMinutes(classes: readonly Mg1Parameters[]): number[] {
  let sigmaBefore = 0;
  let r = 0;
  return classes.map((c) => {
    const sigma = sigmaBefore + c.arrivalsPerMinute * c.meanServiceMinutes;
    assertStable(sigma, 'preemptive-resume priority');
    r += (c.arrivalsPerMinute * (c.serviceVarianceMinutes2 + c.meanServiceMinutes ** 2)) / 2;
    const t = c.meanServiceMinutes / (1 - sigmaBefore) + r / ((1 - sigmaBefore) * (1 - sigma));
    sigmaBefore = sigma;
    return t;
  });
}
