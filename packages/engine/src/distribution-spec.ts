/**
 * Distributions as plain data, so configuration files and worker messages can carry them.
 * `distributionFromSpec` turns a spec into a sampler once, at load time.
 * Parameters are in whatever unit the owning field names (`losDays`, `serviceMinutes`).
 */
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
