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
 */
import { SimulationError } from './errors.js';
import type { RandomStream } from './random.js';

/** A probability distribution that samples from a stream passed in at each call. */
export interface Distribution {
  /** One draw. Never allocates. */
  sample(stream: RandomStream): number;
  /** Exact theoretical mean (for a truncated normal, of the truncated distribution). */
  readonly mean: number;
  /** Exact theoretical variance (`Infinity` if it does not exist). */
  readonly variance: number;
  /** Family name, e.g. `'lognormal'`. */
  readonly kind: string;
  /** Human-readable parameters, e.g. `'lognormal(mean 4.4, sd 6)'`. */
  describe(): string;
}

// ---------------------------------------------------------------------------------------------
// Parameter checks: every message names the distribution, the parameter and the value.

function invalid(kind: string, name: string, requirement: string, value: unknown): never {
  throw new SimulationError(
    'invalid-parameter',
    `${kind}: ${name} must be ${requirement}; got ${String(value)}`,
  );
}
function finite(kind: string, name: string, v: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) invalid(kind, name, 'a finite number', v);
  return v;
}
function positive(kind: string, name: string, v: number): number {
  if (typeof v !== 'number' || !(v > 0) || v === Number.POSITIVE_INFINITY) {
    invalid(kind, name, 'a finite number > 0', v);
  }
  return v;
}
function nonNegative(kind: string, name: string, v: number): number {
  if (typeof v !== 'number' || !(v >= 0) || v === Number.POSITIVE_INFINITY) {
    invalid(kind, name, 'a finite number ≥ 0', v);
  }
  return v;
}
function probability(kind: string, name: string, v: number): number {
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) invalid(kind, name, 'a probability in [0, 1]', v);
  return v;
}
function integerAtLeast(kind: string, name: string, v: number, least: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < least) {
    invalid(kind, name, `an integer ≥ ${least}`, v);
  }
  return v;
}

/** Short number formatting for `describe()`. */
function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}

// ---------------------------------------------------------------------------------------------
// Special functions.

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Standard normal density. */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / SQRT_2PI;
}

/**
 * Standard normal CDF Φ(z), accurate to a few ulps in relative terms in both tails (the lower
 * tail is computed directly, never as 1 − something), which truncated-normal sampling relies on.
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z === Number.NEGATIVE_INFINITY) return 0;
  if (z === Number.POSITIVE_INFINITY) return 1;
  if (z < -3) return upperTail(-z);
  if (z > 3) return 1 - upperTail(z);
  // |z| ≤ 3: erf by its all-positive series erf(x) = 2/√π e^{-x²} Σ (2x²)^n x / (2n+1)!!, no cancellation.
  const x = Math.abs(z) / Math.SQRT2;
  const x2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= x2 / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  const erf = (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  return z >= 0 ? 0.5 + 0.5 * erf : 0.5 - 0.5 * erf;
}

/** Q(z) = 1 − Φ(z) for z ≥ 3, by the Laplace continued fraction (modified Lentz). */
function upperTail(z: number): number {
  // Q(z) = φ(z) / (z + 1/(z + 2/(z + 3/(z + ...))))
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    d = z + k * d;
    d = d === 0 ? tiny : d;
    c = z + k / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return normalPdf(z) / f;
}

// Coefficients of AS 241 (PPND16), lowest power first, kept exactly as published.
// biome-ignore-start lint/correctness/noPrecisionLoss: published constants; the doubles they round to are intended
const Q_CENTRAL_NUM = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const Q_CENTRAL_DEN = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const Q_NEAR_NUM = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const Q_NEAR_DEN = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const Q_FAR_NUM = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const Q_FAR_DEN = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];
// biome-ignore-end lint/correctness/noPrecisionLoss: end of published constants

/** Ratio of two degree-7 polynomials by Horner's rule (small enough for V8 to inline). */
function rational7(num: readonly number[], den: readonly number[], x: number): number {
  const n =
    ((((((num[7] * x + num[6]) * x + num[5]) * x + num[4]) * x + num[3]) * x + num[2]) * x + num[1]) * x +
    num[0];
  const d =
    ((((((den[7] * x + den[6]) * x + den[5]) * x + den[4]) * x + den[3]) * x + den[2]) * x + den[1]) * x +
    den[0];
  return n / d;
}

/**
 * Standard normal quantile Φ⁻¹(p) for p in (0, 1): Wichura's algorithm AS 241 (PPND16), relative
 * accuracy about 1e-16. Returns ∓Infinity at 0 and 1.
 */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) return q * rational7(Q_CENTRAL_NUM, Q_CENTRAL_DEN, 0.180625 - q * q);
  const tail = q < 0 ? p : 1 - p;
  if (!(tail > 0)) {
    if (tail !== 0) return Number.NaN;
    return q < 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  const r = Math.sqrt(-Math.log(tail));
  const value = r <= 5 ? rational7(Q_NEAR_NUM, Q_NEAR_DEN, r - 1.6) : rational7(Q_FAR_NUM, Q_FAR_DEN, r - 5);
  return q < 0 ? -value : value;
}

const LOG_GAMMA_SERIES = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4,
  8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2,
  1.796443723688307e-1, -1.3924322169059,
];

/** ln Γ(x) for x > 0 (Stirling series after shifting x ≥ 7; relative error ~1e-15). */
export function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  let shift = 0;
  if (x < 7) shift = Math.floor(7 - x);
  let x0 = x + shift;
  const x2 = 1 / (x0 * x0);
  let series = LOG_GAMMA_SERIES[9];
  for (let k = 8; k >= 0; k--) series = series * x2 + LOG_GAMMA_SERIES[k];
  let result = series / x0 + LOG_SQRT_2PI + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 0; k < shift; k++) {
    x0 -= 1;
    result -= Math.log(x0);
  }
  return result;
}

/** Regularized lower incomplete gamma P(a, x) (the gamma CDF with shape a at x/scale). */
export function regularizedGammaP(a: number, x: number): number {
  if (!(x > 0)) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x < a + 1) return gammaSeries(a, x);
  return 1 - gammaContinuedFraction(a, x);
}

/** Regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate in the upper tail (chi-square p-values). */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(x > 0)) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (x < a + 1) return 1 - gammaSeries(a, x);
  return gammaContinuedFraction(a, x);
}

function gammaSeries(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let n = 0; n < 100_000; n++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

function gammaContinuedFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

// ---------------------------------------------------------------------------------------------
// Continuous distributions.

class Deterministic implements Distribution {
  readonly kind = 'deterministic';
  readonly mean: number;
  readonly variance = 0;
  constructor(private readonly value: number) {
    this.mean = value;
  }
  /** Consumes no draws. */
  sample(_stream: RandomStream): number {
    return this.value;
  }
  describe(): string {
    return `deterministic(${fmt(this.value)})`;
  }
}

/** Always `value`; draws nothing from the stream. */
export function deterministic(params: { value: number }): Distribution {
  return new Deterministic(finite('deterministic', 'value', params.value));
}

class Exponential implements Distribution {
  readonly kind = 'exponential';
  readonly variance: number;
  constructor(readonly mean: number) {
    this.variance = mean * mean;
  }
  sample(stream: RandomStream): number {
    return -this.mean * Math.log(stream.uniform());
  }
  describe(): string {
    return `exponential(mean ${fmt(this.mean)})`;
  }
}

/** Exponential with the given mean (= 1/rate). Inversion: one uniform per draw. */
export function exponential(params: { mean: number }): Distribution {
  return new Exponential(positive('exponential', 'mean', params.mean));
}

class Uniform implements Distribution {
  readonly kind = 'uniform';
  readonly mean: number;
  readonly variance: number;
  private readonly width: number;
  constructor(
    private readonly min: number,
    private readonly max: number,
  ) {
    this.width = max - min;
    this.mean = min + this.width / 2;
    this.variance = (this.width * this.width) / 12;
  }
  sample(stream: RandomStream): number {
    return this.min + this.width * stream.uniform();
  }
  describe(): string {
    return `uniform(${fmt(this.min)}, ${fmt(this.max)})`;
  }
}

/** Continuous uniform on [min, max] (min = max allowed: a constant that still consumes one draw). */
export function uniform(params: { min: number; max: number }): Distribution {
  const min = finite('uniform', 'min', params.min);
  const max = finite('uniform', 'max', params.max);
  if (min > max) invalid('uniform', 'max', `≥ min (${min})`, max);
  return new Uniform(min, max);
}

class Triangular implements Distribution {
  readonly kind = 'triangular';
  readonly mean: number;
  readonly variance: number;
  private readonly split: number;
  private readonly lowerScale: number;
  private readonly upperScale: number;
  constructor(
    private readonly min: number,
    private readonly mode: number,
    private readonly max: number,
  ) {
    const width = max - min;
    this.split = (mode - min) / width;
    this.lowerScale = width * (mode - min);
    this.upperScale = width * (max - mode);
    this.mean = (min + mode + max) / 3;
    this.variance = (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18;
  }
  sample(stream: RandomStream): number {
    const u = stream.uniform();
    return u < this.split
      ? this.min + Math.sqrt(u * this.lowerScale)
      : this.max - Math.sqrt((1 - u) * this.upperScale);
  }
  describe(): string {
    return `triangular(${fmt(this.min)}, ${fmt(this.mode)}, ${fmt(this.max)})`;
  }
}

/** Triangular on [min, max] with peak at mode. Inversion: one uniform per draw. */
export function triangular(params: { min: number; mode: number; max: number }): Distribution {
  const min = finite('triangular', 'min', params.min);
  const mode = finite('triangular', 'mode', params.mode);
  const max = finite('triangular', 'max', params.max);
  if (!(min < max)) invalid('triangular', 'max', `> min (${min})`, max);
  if (mode < min || mode > max) invalid('triangular', 'mode', `within [min, max] = [${min}, ${max}]`, mode);
  return new Triangular(min, mode, max);
}

class Normal implements Distribution {
  readonly kind = 'normal';
  readonly variance: number;
  constructor(
    readonly mean: number,
    private readonly sd: number,
  ) {
    this.variance = sd * sd;
  }
  sample(stream: RandomStream): number {
    return this.mean + this.sd * normalQuantile(stream.uniform());
  }
  describe(): string {
    return `normal(mean ${fmt(this.mean)}, sd ${fmt(this.sd)})`;
  }
}

class TruncatedNormal implements Distribution {
  readonly kind = 'normal';
  readonly mean: number;
  readonly variance: number;
  /** Standardized bounds, mirrored when the interval lies above the mean so Φ is evaluated in the lower tail. */
  private readonly lowZ: number;
  private readonly highZ: number;
  private readonly mirrored: boolean;
  private readonly cdfLow: number;
  private readonly cdfSpan: number;
  constructor(
    private readonly mu: number,
    private readonly sd: number,
    private readonly min: number,
    private readonly max: number,
  ) {
    let a = (min - mu) / sd;
    let b = (max - mu) / sd;
    this.mirrored = a > 0;
    if (this.mirrored) [a, b] = [-b, -a];
    this.lowZ = a;
    this.highZ = b;
    this.cdfLow = normalCdf(a);
    this.cdfSpan = normalCdf(b) - this.cdfLow;
    if (!(this.cdfSpan > 0)) {
      invalid(
        'normal',
        'min/max',
        'an interval with positive probability under the untruncated normal',
        `[${min}, ${max}]`,
      );
    }
    // Exact moments of the truncated normal (in the possibly mirrored standard space).
    const pdfA = a === Number.NEGATIVE_INFINITY ? 0 : normalPdf(a);
    const pdfB = b === Number.POSITIVE_INFINITY ? 0 : normalPdf(b);
    const lambda = (pdfA - pdfB) / this.cdfSpan;
    const aPdfA = pdfA === 0 ? 0 : a * pdfA;
    const bPdfB = pdfB === 0 ? 0 : b * pdfB;
    const standardVariance = 1 + (aPdfA - bPdfB) / this.cdfSpan - lambda * lambda;
    this.mean = mu + sd * (this.mirrored ? -lambda : lambda);
    this.variance = sd * sd * Math.max(standardVariance, 0);
  }
  /** Inversion: one uniform per draw, always terminates. */
  sample(stream: RandomStream): number {
    let z = normalQuantile(this.cdfLow + this.cdfSpan * stream.uniform());
    // Rounding in Φ⁻¹ can land a hair outside the interval.
    if (z < this.lowZ) z = this.lowZ;
    else if (z > this.highZ) z = this.highZ;
    return this.mirrored ? this.mu - this.sd * z : this.mu + this.sd * z;
  }
  describe(): string {
    return `normal(mean ${fmt(this.mu)}, sd ${fmt(this.sd)}, truncated to [${fmt(this.min)}, ${fmt(this.max)}])`;
  }
}

/**
 * Normal with the given mean and sd, optionally truncated to [min, max] (either bound may be
 * omitted). `mean`/`variance` of a truncated normal are those of the truncated distribution.
 * Sampled by inversion (AS 241): exactly one uniform per draw, no cached second deviate.
 */
export function normal(params: { mean: number; sd: number; min?: number; max?: number }): Distribution {
  const mean = finite('normal', 'mean', params.mean);
  const sd = positive('normal', 'sd', params.sd);
  if (params.min === undefined && params.max === undefined) return new Normal(mean, sd);
  const min = params.min === undefined ? Number.NEGATIVE_INFINITY : finite('normal', 'min', params.min);
  const max = params.max === undefined ? Number.POSITIVE_INFINITY : finite('normal', 'max', params.max);
  if (!(min < max)) invalid('normal', 'max', `> min (${min})`, max);
  return new TruncatedNormal(mean, sd, min, max);
}

class Lognormal implements Distribution {
  readonly kind = 'lognormal';
  readonly mean: number;
  readonly variance: number;
  constructor(
    private readonly mu: number,
    private readonly sigma: number,
    private readonly label: string,
  ) {
    const s2 = sigma * sigma;
    this.mean = Math.exp(mu + s2 / 2);
    this.variance = Math.expm1(s2) * Math.exp(2 * mu + s2);
  }
  sample(stream: RandomStream): number {
    return Math.exp(this.mu + this.sigma * normalQuantile(stream.uniform()));
  }
  describe(): string {
    return this.label;
  }
}

/** Lognormal with the given mean and sd of the variable itself (not of its log). One uniform per draw. */
export function lognormal(params: { mean: number; sd: number }): Distribution {
  const mean = positive('lognormal', 'mean', params.mean);
  const sd = positive('lognormal', 'sd', params.sd);
  const cv = sd / mean;
  const sigma2 = Math.log1p(cv * cv);
  return new Lognormal(
    Math.log(mean) - sigma2 / 2,
    Math.sqrt(sigma2),
    `lognormal(mean ${fmt(mean)}, sd ${fmt(sd)})`,
  );
}

/** Lognormal from the mean `mu` and sd `sigma` of log(X), as published fits usually give them. */
export function lognormalFromLog(params: { mu: number; sigma: number }): Distribution {
  const mu = finite('lognormal', 'mu', params.mu);
  const sigma = positive('lognormal', 'sigma', params.sigma);
  return new Lognormal(mu, sigma, `lognormal(mu ${fmt(mu)}, sigma ${fmt(sigma)})`);
}

class Gamma implements Distribution {
  readonly kind = 'gamma';
  readonly mean: number;
  readonly variance: number;
  private readonly d: number;
  private readonly c: number;
  private readonly boosted: boolean;
  private readonly inverseShape: number;
  constructor(
    private readonly shape: number,
    private readonly scale: number,
  ) {
    this.mean = shape * scale;
    this.variance = shape * scale * scale;
    // Marsaglia–Tsang needs shape ≥ 1; for shape < 1 sample Gamma(shape + 1) and multiply by U^(1/shape).
    this.boosted = shape < 1;
    const a = this.boosted ? shape + 1 : shape;
    this.d = a - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.inverseShape = 1 / shape;
  }
  /** Marsaglia–Tsang (2000): ≥ 2 uniforms per draw (+1 when shape < 1), acceptance ≥ 95%. */
  sample(stream: RandomStream): number {
    const d = this.d;
    let v: number;
    for (;;) {
      let x: number;
      do {
        x = normalQuantile(stream.uniform());
        v = 1 + this.c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = stream.uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) break;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) break;
    }
    let result = d * v * this.scale;
    if (this.boosted) result *= stream.uniform() ** this.inverseShape;
    return result;
  }
  describe(): string {
    return `gamma(shape ${fmt(this.shape)}, scale ${fmt(this.scale)})`;
  }
}

/** Gamma with shape k and scale θ (mean kθ, variance kθ²). */
export function gamma(params: { shape: number; scale: number }): Distribution {
  return new Gamma(positive('gamma', 'shape', params.shape), positive('gamma', 'scale', params.scale));
}

/** Gamma with the given mean and sd (shape = mean²/sd², scale = sd²/mean). */
export function gammaFromMean(params: { mean: number; sd: number }): Distribution {
  const mean = positive('gamma', 'mean', params.mean);
  const sd = positive('gamma', 'sd', params.sd);
  return new Gamma((mean * mean) / (sd * sd), (sd * sd) / mean);
}

class Weibull implements Distribution {
  readonly kind = 'weibull';
  readonly mean: number;
  readonly variance: number;
  private readonly inverseShape: number;
  constructor(
    private readonly shape: number,
    private readonly scale: number,
  ) {
    this.inverseShape = 1 / shape;
    const g1 = Math.exp(logGamma(1 + 1 / shape));
    const g2 = Math.exp(logGamma(1 + 2 / shape));
    this.mean = scale * g1;
    this.variance = scale * scale * (g2 - g1 * g1);
  }
  sample(stream: RandomStream): number {
    return this.scale * (-Math.log(stream.uniform())) ** this.inverseShape;
  }
  describe(): string {
    return `weibull(shape ${fmt(this.shape)}, scale ${fmt(this.scale)})`;
  }
}

/** Weibull with shape k and scale λ: F(x) = 1 − exp(−(x/λ)^k). Inversion: one uniform per draw. */
export function weibull(params: { shape: number; scale: number }): Distribution {
  return new Weibull(positive('weibull', 'shape', params.shape), positive('weibull', 'scale', params.scale));
}

/** Uniforms multiplied together before one log: 16 uniforms ≥ 2.3e-10 each cannot underflow. */
const ERLANG_CHUNK = 16;

class Erlang implements Distribution {
  readonly kind = 'erlang';
  readonly variance: number;
  private readonly phaseMean: number;
  constructor(
    private readonly k: number,
    readonly mean: number,
  ) {
    this.phaseMean = mean / k;
    this.variance = (mean * mean) / k;
  }
  /** Sum of k exponential phases: exactly k uniforms per draw. */
  sample(stream: RandomStream): number {
    let logSum = 0;
    let remaining = this.k;
    while (remaining > 0) {
      const n = Math.min(remaining, ERLANG_CHUNK);
      let product = 1;
      for (let i = 0; i < n; i++) product *= stream.uniform();
      logSum += Math.log(product);
      remaining -= n;
    }
    return -this.phaseMean * logSum;
  }
  describe(): string {
    return `erlang(k ${this.k}, mean ${fmt(this.mean)})`;
  }
}

/** Erlang: the sum of k exponential phases with total mean `mean` (variance mean²/k). */
export function erlang(params: { k: number; mean: number }): Distribution {
  return new Erlang(integerAtLeast('erlang', 'k', params.k, 1), positive('erlang', 'mean', params.mean));
}

// ---------------------------------------------------------------------------------------------
// Discrete distributions.

/** Tail mass left out of inversion tables: below double precision, so the tables are exact. */
const TABLE_TAIL = 1e-17;

/** Index of the first cumulative probability ≥ u (linear: the tables are short and front-loaded). */
function searchCumulative(cumulative: Float64Array, u: number): number {
  const last = cumulative.length - 1;
  let k = 0;
  while (k < last && u > cumulative[k]) k++;
  return k;
}

class Poisson implements Distribution {
  readonly kind = 'poisson';
  readonly variance: number;
  /** Inversion table for small means (null for PTRS). */
  private readonly cumulative: Float64Array | null;
  // PTRS constants (Hörmann 1993).
  private readonly b: number;
  private readonly a: number;
  private readonly vr: number;
  private readonly logInvAlpha: number;
  private readonly logMean: number;
  constructor(readonly mean: number) {
    this.variance = mean;
    if (mean < 10) {
      // P(k) by recurrence until the tail is below double precision; the last entry is forced to 1.
      const cdf: number[] = [];
      let p = Math.exp(-mean);
      let total = p;
      cdf.push(total);
      for (let k = 1; 1 - total > TABLE_TAIL && k < 1000; k++) {
        p *= mean / k;
        total += p;
        cdf.push(total);
        if (p < TABLE_TAIL && k > mean) break;
      }
      cdf[cdf.length - 1] = 1;
      this.cumulative = Float64Array.from(cdf);
      this.b = this.a = this.vr = this.logInvAlpha = this.logMean = 0;
    } else {
      this.cumulative = null;
      const sqrtMean = Math.sqrt(mean);
      this.b = 0.931 + 2.53 * sqrtMean;
      this.a = -0.059 + 0.02483 * this.b;
      this.logInvAlpha = Math.log(1.1239 + 1.1328 / (this.b - 3.4));
      this.vr = 0.9277 - 3.6224 / (this.b - 2);
      this.logMean = Math.log(mean);
    }
  }
  /**
   * Mean < 10: inversion, one uniform. Mean ≥ 10: PTRS transformed rejection with squeeze
   * (Hörmann 1993), exact, ~2.3 uniforms per draw at any mean (tested to 1e6).
   */
  sample(stream: RandomStream): number {
    const cumulative = this.cumulative;
    if (cumulative !== null) return searchCumulative(cumulative, stream.uniform());
    const { a, b, vr, mean } = this;
    for (;;) {
      const u = stream.uniform() - 0.5;
      const v = stream.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (
        Math.log(v) + this.logInvAlpha - Math.log(a / (us * us) + b) <=
        -mean + k * this.logMean - logGamma(k + 1)
      ) {
        return k;
      }
    }
  }
  describe(): string {
    return `poisson(mean ${fmt(this.mean)})`;
  }
}

/** Poisson counts with the given mean (≥ 0; mean 0 always gives 0). Exact at any mean. */
export function poisson(params: { mean: number }): Distribution {
  const mean = nonNegative('poisson', 'mean', params.mean);
  if (mean === 0) return new Deterministic(0);
  return new Poisson(mean);
}

class Bernoulli implements Distribution {
  readonly kind = 'bernoulli';
  readonly variance: number;
  constructor(readonly mean: number) {
    this.variance = mean * (1 - mean);
  }
  sample(stream: RandomStream): number {
    return stream.uniform() < this.mean ? 1 : 0;
  }
  describe(): string {
    return `bernoulli(p ${fmt(this.mean)})`;
  }
}

/** 1 with probability p, else 0. One uniform per draw. */
export function bernoulli(params: { p: number }): Distribution {
  return new Bernoulli(probability('bernoulli', 'p', params.p));
}

class Binomial implements Distribution {
  readonly kind = 'binomial';
  readonly mean: number;
  readonly variance: number;
  /** Draws are made for min(p, 1 − p) and mirrored. */
  private readonly mirrored: boolean;
  private readonly cumulative: Float64Array | null;
  // BTRS constants (Hörmann 1993).
  private readonly b: number = 0;
  private readonly a: number = 0;
  private readonly c: number = 0;
  private readonly vr: number = 0;
  private readonly alpha: number = 0;
  private readonly logOdds: number = 0;
  private readonly mode: number = 0;
  private readonly h: number = 0;
  constructor(
    private readonly n: number,
    private readonly p: number,
  ) {
    this.mean = n * p;
    this.variance = n * p * (1 - p);
    this.mirrored = p > 0.5;
    const pp = this.mirrored ? 1 - p : p;
    const q = 1 - pp;
    if (n * pp < 10) {
      const cdf: number[] = [];
      let prob = Math.exp(n * Math.log1p(-pp));
      let total = prob;
      cdf.push(total);
      const ratio = pp / q;
      for (let k = 0; k < n && 1 - total > TABLE_TAIL; k++) {
        prob *= ((n - k) / (k + 1)) * ratio;
        total += prob;
        cdf.push(total);
        if (prob < TABLE_TAIL && k > n * pp) break;
      }
      cdf[cdf.length - 1] = 1;
      this.cumulative = Float64Array.from(cdf);
    } else {
      this.cumulative = null;
      const spq = Math.sqrt(n * pp * q);
      this.b = 1.15 + 2.53 * spq;
      this.a = -0.0873 + 0.0248 * this.b + 0.01 * pp;
      this.c = n * pp + 0.5;
      this.vr = 0.92 - 4.2 / this.b;
      this.alpha = (2.83 + 5.1 / this.b) * spq;
      this.logOdds = Math.log(pp / q);
      this.mode = Math.floor((n + 1) * pp);
      this.h = logGamma(this.mode + 1) + logGamma(n - this.mode + 1);
    }
  }
  /** n·min(p,1−p) < 10: inversion, one uniform. Otherwise BTRS (Hörmann 1993), exact rejection. */
  sample(stream: RandomStream): number {
    const k =
      this.cumulative !== null ? searchCumulative(this.cumulative, stream.uniform()) : this.btrs(stream);
    return this.mirrored ? this.n - k : k;
  }
  private btrs(stream: RandomStream): number {
    const { a, b, c, n } = this;
    for (;;) {
      const u = stream.uniform() - 0.5;
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (k < 0 || k > n) continue;
      let v = stream.uniform();
      if (us >= 0.07 && v <= this.vr) return k;
      v *= this.alpha / (a / (us * us) + b);
      if (Math.log(v) <= this.h - logGamma(k + 1) - logGamma(n - k + 1) + (k - this.mode) * this.logOdds) {
        return k;
      }
    }
  }
  describe(): string {
    return `binomial(n ${this.n}, p ${fmt(this.p)})`;
  }
}

/** Number of successes in n independent trials with probability p each. Exact at any n. */
export function binomial(params: { n: number; p: number }): Distribution {
  const n = integerAtLeast('binomial', 'n', params.n, 0);
  const p = probability('binomial', 'p', params.p);
  if (n === 0 || p === 0) return new Deterministic(0);
  if (p === 1) return new Deterministic(n);
  return new Binomial(n, p);
}

class Categorical implements Distribution {
  readonly kind = 'categorical';
  readonly mean: number;
  readonly variance: number;
  private readonly size: number;
  /** Alias tables (Vose): column i keeps itself with probability keep[i], else gives alias[i]. */
  private readonly keep: Float64Array;
  private readonly aliasValue: Float64Array;
  private readonly ownValue: Float64Array;
  private readonly probabilities: Float64Array;
  constructor(weights: readonly number[], values: Float64Array) {
    const n = weights.length;
    this.size = n;
    let total = 0;
    for (const w of weights) total += w;
    this.probabilities = Float64Array.from(weights, (w) => w / total);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += this.probabilities[i] * values[i];
    let variance = 0;
    for (let i = 0; i < n; i++) variance += this.probabilities[i] * (values[i] - mean) ** 2;
    this.mean = mean;
    this.variance = variance;

    const scaled = Float64Array.from(this.probabilities, (p) => p * n);
    const keep = new Float64Array(n);
    const alias = new Int32Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) (scaled[i] < 1 ? small : large).push(i);
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.pop()!;
      keep[s] = scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      (scaled[l] < 1 ? small : large).push(l);
    }
    // Leftovers are 1 up to rounding.
    for (const i of large) keep[i] = 1;
    for (const i of small) keep[i] = 1;
    this.keep = keep;
    this.ownValue = values;
    this.aliasValue = Float64Array.from(alias, (j) => values[j]);
  }
  /** Alias method: O(1), one uniform per draw (its integer part picks the column, the fraction the coin). */
  sample(stream: RandomStream): number {
    const x = stream.uniform() * this.size;
    const i = Math.floor(x);
    return x - i < this.keep[i] ? this.ownValue[i] : this.aliasValue[i];
  }
  describe(): string {
    const shown = Array.from(
      this.probabilities.subarray(0, 6),
      (p, i) => `${fmt(this.ownValue[i])}: ${fmt(p)}`,
    );
    return `categorical(${shown.join(', ')}${this.size > 6 ? ', …' : ''})`;
  }
}

/**
 * One of `values` (default: the index 0..n−1) with probability proportional to `weights`.
 * Weights need not sum to 1; they must be finite, ≥ 0, and not all zero.
 */
export function categorical(params: {
  weights: readonly number[];
  values?: readonly number[];
}): Distribution {
  const { weights } = params;
  if (!Array.isArray(weights) || weights.length === 0)
    invalid('categorical', 'weights', 'a non-empty array', weights);
  let total = 0;
  weights.forEach((w, i) => {
    nonNegative('categorical', `weights[${i}]`, w);
    total += w;
  });
  if (!(total > 0)) invalid('categorical', 'weights', 'not all zero', `[${weights.join(', ')}]`);
  let values: Float64Array;
  if (params.values === undefined) {
    values = Float64Array.from(weights, (_w, i) => i);
  } else {
    if (params.values.length !== weights.length) {
      invalid(
        'categorical',
        'values',
        `an array of the same length as weights (${weights.length})`,
        params.values.length,
      );
    }
    for (let i = 0; i < params.values.length; i++) finite('categorical', `values[${i}]`, params.values[i]);
    values = Float64Array.from(params.values);
  }
  return new Categorical(weights, values);
}

class Empirical implements Distribution {
  readonly kind = 'empirical';
  readonly mean: number;
  readonly variance: number;
  private readonly data: Float64Array;
  constructor(
    sample: readonly number[],
    private readonly interpolate: boolean,
  ) {
    const data = Float64Array.from(sample);
    const n = data.length;
    if (interpolate) data.sort();
    this.data = data;
    if (!interpolate || n === 1) {
      // Resampling: the discrete distribution putting mass 1/n on each observation.
      let mean = 0;
      for (let i = 0; i < n; i++) mean += data[i];
      mean /= n;
      let variance = 0;
      for (let i = 0; i < n; i++) variance += (data[i] - mean) ** 2;
      this.mean = mean;
      this.variance = variance / n;
    } else {
      // Piecewise-linear inverse ECDF: mass 1/(n−1) spread uniformly over each gap between order statistics.
      const segments = n - 1;
      let mean = 0;
      for (let i = 0; i < segments; i++) mean += (data[i] + data[i + 1]) / 2;
      mean /= segments;
      let variance = 0;
      for (let i = 0; i < segments; i++) {
        const lo = data[i] - mean;
        const hi = data[i + 1] - mean;
        variance += (lo * lo + lo * hi + hi * hi) / 3;
      }
      this.mean = mean;
      this.variance = variance / segments;
    }
  }
  /** One uniform per draw. */
  sample(stream: RandomStream): number {
    const data = this.data;
    const n = data.length;
    if (!this.interpolate || n === 1) return data[Math.floor(stream.uniform() * n)];
    const x = stream.uniform() * (n - 1);
    const i = Math.floor(x);
    return data[i] + (data[i + 1] - data[i]) * (x - i);
  }
  describe(): string {
    return `empirical(n ${this.data.length}${this.interpolate ? ', interpolated' : ''}, mean ${fmt(this.mean)})`;
  }
}

/**
 * Resamples observed data. With `interpolate: true`, draws from the piecewise-linear inverse of the
 * empirical CDF instead: each of the n − 1 gaps between consecutive sorted observations gets mass
 * 1/(n − 1), spread uniformly (so tied observations keep an atom at their value).
 */
export function empirical(params: { sample: readonly number[]; interpolate?: boolean }): Distribution {
  const { sample } = params;
  if (!Array.isArray(sample) || sample.length === 0)
    invalid('empirical', 'sample', 'a non-empty array', sample);
  for (let i = 0; i < sample.length; i++) finite('empirical', `sample[${i}]`, sample[i]);
  return new Empirical(sample, params.interpolate === true);
}

/** One component of a `mixture`. */
export interface MixtureComponent {
  /** Relative weight (≥ 0; weights need not sum to 1). */
  weight: number;
  distribution: Distribution;
}

class Mixture implements Distribution {
  readonly kind = 'mixture';
  readonly mean: number;
  readonly variance: number;
  private readonly cumulative: Float64Array;
  private readonly components: Distribution[];
  private readonly weights: number[];
  constructor(parts: readonly MixtureComponent[]) {
    let total = 0;
    for (const part of parts) total += part.weight;
    const cumulative = new Float64Array(parts.length);
    let running = 0;
    let mean = 0;
    let secondMoment = 0;
    parts.forEach((part, i) => {
      const w = part.weight / total;
      running += w;
      cumulative[i] = running;
      const d = part.distribution;
      mean += w * d.mean;
      secondMoment += w === 0 ? 0 : w * (d.variance + d.mean * d.mean);
    });
    // Rounding must neither drop the last positive-weight component nor let trailing zero-weight ones be drawn.
    let last = parts.length - 1;
    while (parts[last].weight === 0) last--;
    for (let i = last; i < parts.length; i++) cumulative[i] = 1;
    this.cumulative = cumulative;
    this.components = parts.map((p) => p.distribution);
    this.mean = mean;
    this.variance = Math.max(secondMoment - mean * mean, 0);
    this.weights = parts.map((p) => p.weight / total);
  }
  /** One uniform picks the component, then the component draws. */
  sample(stream: RandomStream): number {
    const u = stream.uniform();
    const cumulative = this.cumulative;
    let i = 0;
    while (u > cumulative[i]) i++;
    return this.components[i].sample(stream);
  }
  describe(): string {
    return `mixture(${this.components.map((d, i) => `${fmt(this.weights[i])} × ${d.describe()}`).join(' + ')})`;
  }
}

/**
 * A mixture: picks a component with probability proportional to its weight, then samples it.
 * E.g. length of stay = 30% same-day + 70% lognormal.
 */
export function mixture(components: readonly MixtureComponent[]): Distribution {
  if (!Array.isArray(components) || components.length === 0) {
    invalid('mixture', 'components', 'a non-empty array', components);
  }
  let total = 0;
  components.forEach((c, i) => {
    nonNegative('mixture', `components[${i}].weight`, c?.weight);
    if (typeof c.distribution?.sample !== 'function') {
      invalid('mixture', `components[${i}].distribution`, 'a Distribution', c.distribution);
    }
    total += c.weight;
  });
  if (!(total > 0)) invalid('mixture', 'weights', 'not all zero', components.map((c) => c.weight).join(', '));
  return new Mixture(components);
}
