/** Special functions for distributions and tests: normal pdf, cdf and quantile, log-gamma, regularized incomplete gamma. */

// ---------------------------------------------------------------------------------------------
// Special functions.

export const SQRT_2PI = Math.sqrt(2 * Math.PI);
export const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

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
export function upperTail(z: number): number {
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
export const Q_CENTRAL_NUM = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
export const Q_CENTRAL_DEN = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
export const Q_NEAR_NUM = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
export const Q_NEAR_DEN = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
export const Q_FAR_NUM = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
export const Q_FAR_DEN = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];
// biome-ignore-end lint/correctness/noPrecisionLoss: end of published constants

/** Ratio of two degree-7 polynomials by Horner's rule (small enough for V8 to inline). */
export function rational7(num: readonly number[], den: readonly number[], x: number): number {
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

export const LOG_GAMMA_SERIES = [
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

/** The two regularized incomplete gamma functions at one point, each computed where it is accurate. */
export interface GammaPQ {
  /** Lower, P(a, x) (the gamma CDF with shape a at x/scale). */
  readonly p: number;
  /** Upper, Q(a, x) = 1 − P(a, x), accurate in the upper tail (chi-square p-values). */
  readonly q: number;
}

/**
 * P(a, x) and Q(a, x) from one evaluation: the series below a + 1 (P direct, Q = 1 − P), the
 * continued fraction above (Q direct, P = 1 − Q), so a caller needing both pays once.
 */
export function regularizedGammaPQ(a: number, x: number): GammaPQ {
  if (!(x > 0)) return { p: 0, q: 1 };
  if (x === Number.POSITIVE_INFINITY) return { p: 1, q: 0 };
  if (x < a + 1) {
    const p = gammaSeries(a, x);
    return { p, q: 1 - p };
  }
  const q = gammaContinuedFraction(a, x);
  return { p: 1 - q, q };
}

/** Regularized lower incomplete gamma P(a, x) (the gamma CDF with shape a at x/scale). */
export function regularizedGammaP(a: number, x: number): number {
  return regularizedGammaPQ(a, x).p;
}

/** Regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate in the upper tail (chi-square p-values). */
export function regularizedGammaQ(a: number, x: number): number {
  return regularizedGammaPQ(a, x).q;
}

export function gammaSeries(a: number, x: number): number {
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

export function gammaContinuedFraction(a: number, x: number): number {
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
