/**
 * Distributions as plain data, so configuration files and worker messages can carry them.
 * `distributionFromSpec` turns a spec into a sampler once, at load time.
 * Parameters are in whatever unit the owning field names (`losDays`, `serviceMinutes`).
 */
import {
  type Distribution,
  deterministic,
  empirical,
  erlang,
  exponential,
  gamma,
  lognormal,
  lognormalFromLog,
  mixture,
  normal,
  triangular,
  uniform,
  weibull,
} from './distributions.js';
import { SimulationError } from './errors.js';

export type DistributionSpec =
  | { kind: 'deterministic'; value: number }
  | { kind: 'exponential'; mean: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'normal'; mean: number; sd: number; min?: number; max?: number }
  | { kind: 'lognormal'; mean: number; sd: number }
  | { kind: 'lognormalLog'; mu: number; sigma: number }
  | { kind: 'gamma'; shape: number; scale: number }
  | { kind: 'weibull'; shape: number; scale: number }
  | { kind: 'erlang'; k: number; mean: number }
  | { kind: 'empirical'; sample: number[]; interpolate?: boolean }
  | { kind: 'mixture'; components: { weight: number; distribution: DistributionSpec }[] };

type PlainKind = Exclude<DistributionSpec['kind'], 'mixture'>;

/**
 * The factory of each kind but `mixture` (whose components are specs themselves). A factory takes
 * its parameters as an object and reads only its own fields, so it is handed the spec itself.
 */
const FACTORY_OF_KIND: {
  readonly [K in PlainKind]: (spec: Extract<DistributionSpec, { kind: K }>) => Distribution;
} = {
  deterministic,
  exponential,
  uniform,
  triangular,
  normal,
  lognormal,
  lognormalLog: lognormalFromLog,
  gamma,
  weibull,
  erlang,
  empirical,
};

/**
 * Builds the sampler a spec describes. Call once at load time, never per event. Parameter errors
 * come from the factories (a `SimulationError` naming the distribution and parameter); an unknown
 * `kind` throws here.
 */
export function distributionFromSpec(spec: DistributionSpec): Distribution {
  const kind = spec?.kind;
  if (kind === 'mixture') return mixtureFromSpec(spec);
  // Own keys only: a kind such as 'toString' must not reach Object.prototype.
  if (typeof kind === 'string' && Object.hasOwn(FACTORY_OF_KIND, kind)) {
    return (FACTORY_OF_KIND[kind] as (spec: DistributionSpec) => Distribution)(spec);
  }
  throw new SimulationError('invalid-parameter', `unknown distribution kind '${String(kind)}'`);
}

function mixtureFromSpec(spec: Extract<DistributionSpec, { kind: 'mixture' }>): Distribution {
  if (!Array.isArray(spec.components)) {
    throw new SimulationError('invalid-parameter', 'mixture spec: components must be an array');
  }
  return mixture(
    spec.components.map((c) => ({ weight: c.weight, distribution: distributionFromSpec(c.distribution) })),
  );
}
