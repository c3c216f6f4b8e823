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

/**
 * Builds the sampler a spec describes. Call once at load time, never per event. Parameter errors
 * come from the factories (a `SimulationError` naming the distribution and parameter); an unknown
 * `kind` throws here.
 */
export function distributionFromSpec(spec: DistributionSpec): Distribution {
  switch (spec?.kind) {
    case 'deterministic':
      return deterministic({ value: spec.value });
    case 'exponential':
      return exponential({ mean: spec.mean });
    case 'uniform':
      return uniform({ min: spec.min, max: spec.max });
    case 'triangular':
      return triangular({ min: spec.min, mode: spec.mode, max: spec.max });
    case 'normal':
      return normal({ mean: spec.mean, sd: spec.sd, min: spec.min, max: spec.max });
    case 'lognormal':
      return lognormal({ mean: spec.mean, sd: spec.sd });
    case 'lognormalLog':
      return lognormalFromLog({ mu: spec.mu, sigma: spec.sigma });
    case 'gamma':
      return gamma({ shape: spec.shape, scale: spec.scale });
    case 'weibull':
      return weibull({ shape: spec.shape, scale: spec.scale });
    case 'erlang':
      return erlang({ k: spec.k, mean: spec.mean });
    case 'empirical':
      return empirical({ sample: spec.sample, interpolate: spec.interpolate });
    case 'mixture':
      if (!Array.isArray(spec.components)) {
        throw new SimulationError('invalid-parameter', 'mixture spec: components must be an array');
      }
      return mixture(
        spec.components.map((c) => ({
          weight: c.weight,
          distribution: distributionFromSpec(c.distribution),
        })),
      );
    default:
      throw new SimulationError(
        'invalid-parameter',
        `unknown distribution kind '${String((spec as { kind?: unknown } | undefined)?.kind)}'`,
      );
  }
}
