/** Continuous distributions (and the deterministic one). See distributions.ts for how draws are consumed. */

import { type Distribution, finite, fmt, integerAtLeast, invalid, positive } from './distribution-base.js';
import type { RandomStream } from './random.js';
import { logGamma, normalCdf, normalPdf, normalQuantile } from './special-functions.js';

// ---------------------------------------------------------------------------------------------
// Continuous distributions.

export class Deterministic implements Distribution {
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

export class Exponential implements Distribution {
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

export class Uniform implements Distribution {
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

export class Triangular implements Distribution {
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

export class Normal implements Distribution {
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

export class TruncatedNormal implements Distribution {
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

export class Lognormal implements Distribution {
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

export class Gamma implements Distribution {
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

export class Weibull implements Distribution {
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
export const ERLANG_CHUNK = 16;

export class Erlang implements Distribution {
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
