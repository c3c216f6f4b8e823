/**
 * Probability distributions as small factories. Each one validates its parameters once, exposes its
 * exact mean and variance, and samples from a `RandomStream` passed in at every call, so the same
 * distribution object can serve many streams and never hides a generator of its own.
 *
 * Distributions are unit-agnostic: parameters are in whatever unit the caller uses, and callers name
 * their variables with the unit (`const losDays = lognormal({ mean: 4.4, sd: 6 })`).
 *
 * How draws are consumed, and why it matters: common random numbers line up two scenarios draw by
 * draw. Wherever a method with a fixed number of uniforms per sample exists and is exact, we use it
 * (inversion for exponential, normal, lognormal, weibull, triangular; one uniform for categorical
 * and bernoulli). Rejection methods (gamma, large-mean poisson, large binomial) consume a variable
 * number, which is inherent to them. Nothing is cached between calls — in particular the normal is
 * sampled by inversion rather than Box–Muller, so a sample never depends on whether an earlier call
 * left a spare draw behind, and a distribution object can be shared between streams safely.
 *
 * Resolution: `RandomStream.uniform()` has 32-bit resolution, so inversion cannot produce the
 * extreme tail beyond probability ~1.2e-10 on either side (e.g. normals beyond ±6.3 sd, exponentials
 * beyond 22.2 means). That truncation is far below anything a simulation study can detect.
 *
 * The families live in continuous.ts, discrete.ts and tables.ts, the special functions in
 * special-functions.ts, the interface and parameter checks in distribution-base.ts.
 */

export {
  deterministic,
  erlang,
  exponential,
  gamma,
  gammaFromMean,
  lognormal,
  lognormalFromLog,
  normal,
  triangular,
  uniform,
  weibull,
} from './continuous.js';
export { bernoulli, binomial, poisson } from './discrete.js';
export type { Distribution } from './distribution-base.js';
export type { GammaPQ } from './special-functions.js';
export {
  normalCdf,
  normalPdf,
  normalQuantile,
  regularizedGammaP,
  regularizedGammaPQ,
  regularizedGammaQ,
} from './special-functions.js';
export type { MixtureComponent } from './tables.js';
export { categorical, empirical, mixture } from './tables.js';
