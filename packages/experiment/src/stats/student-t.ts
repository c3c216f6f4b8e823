/**
 * Student's t distribution with df > 0 degrees of freedom (non-integer df allowed, as Welch's
 * Satterthwaite df needs; df = ∞ is the standard normal). The CDF goes through the regularized
 * incomplete beta function, P(|T| > t) = I_{df/(df+t²)}(df/2, ½); the quantile inverts it by Newton
 * from Hill's (1970, CACM Algorithm 396) approximation.
 */
import { assertProbabilityOrNaN, StatsError } from './errors.js';
import { normalDensity, normalParts, normalQuantile } from './normal.js';
import { betaContinuedFraction, lnGammaHalfRatio } from './special.js';
import { cdfFromParts, quantileFromParts, type TailParts } from './tails.js';

const LN_SQRT_PI = 0.5 * Math.log(Math.PI);

function assertDegreesOfFreedom(df: number, where: string): void {
  if (!(df > 0)) {
    throw new StatsError(
      `${where}: degrees of freedom must be a number > 0 (or Infinity); got ${String(df)}`,
    );
  }
}

/**
 * From this df on, moderate t go through the normal expansion below: the continued fraction
 * needs ~√df terms near its switch-over point and its rounding grows with them (1e-12 relative
 * at df = 1e5, 1e-9 at 1e8), while the expansion's error falls as df⁻⁵.
 */
const LARGE_DF = 1e5;

/**
 * The z with t = z + g₁(z)/ν + g₂(z)/ν² + g₃(z)/ν³ + g₄(z)/ν⁴ (Abramowitz & Stegun 26.7.5, the
 * Cornish–Fisher expansion of the t quantile about the normal), so that P(T > t) = P(Z > z).
 * Solved by fixed point, which contracts by ~(3z² + 1)/(4ν) per step; the caller keeps t ≤ ν^¼.
 */
function normalEquivalent(t: number, df: number): number {
  let z = t;
  for (let i = 0; i < 50; i++) {
    const z2 = z * z;
    const g1 = ((z2 + 1) * z) / 4;
    const g2 = (((5 * z2 + 16) * z2 + 3) * z) / 96;
    const g3 = ((((3 * z2 + 19) * z2 + 17) * z2 - 15) * z) / 384;
    const g4 = (((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z) / 92160;
    const next = t - (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
    if (next === z) break;
    z = next;
  }
  return z;
}

/** P(T > t) and P(0 < T ≤ t) for t ≥ 0 and finite df. */
function studentTParts(t: number, df: number): TailParts {
  if (t === 0) return { tail: 0.5, centre: 0 };
  if (t === Number.POSITIVE_INFINITY) return { tail: 0, centre: 0.5 };
  if (df >= LARGE_DF && t <= df ** 0.25) return normalParts(normalEquivalent(t, df));
  const a = 0.5 * df;
  const b = 0.5;
  // With r = t²/df: x = df/(df + t²) = 1/(1 + r) and 1 − x = r/(1 + r), both without cancellation.
  // For |t| beyond ~1e154, r overflows; its logarithm does not.
  const lnR = 2 * (Math.log(t) - 0.5 * Math.log(df));
  const r = Math.exp(lnR);
  const ln1pR = Number.isFinite(r) && r < 1e300 ? Math.log1p(r) : lnR;
  const x = 1 / (1 + r);
  const y = 1 / (1 + 1 / r); // = r/(1 + r), but 1 (not ∞/∞) when r overflows
  // ln[x^a (1 − x)^b / B(a, b)], where ln B(a, ½) = ln Γ(½) − [ln Γ(a + ½) − ln Γ(a)].
  const lnFront = -a * ln1pR + b * (lnR - ln1pR) - (LN_SQRT_PI - lnGammaHalfRatio(a));
  const front = Math.exp(lnFront);
  if (x < (a + 1) / (a + b + 2)) {
    const ix = (front * betaContinuedFraction(a, b, x, y)) / a;
    return { tail: 0.5 * ix, centre: 0.5 * (1 - ix) };
  }
  const iy = (front * betaContinuedFraction(b, a, y, x)) / b;
  return { tail: 0.5 * (1 - iy), centre: 0.5 * iy };
}

/** Student's t density at t. */
export function studentTDensity(t: number, df: number): number {
  assertDegreesOfFreedom(df, 'studentTDensity');
  if (df === Number.POSITIVE_INFINITY) return normalDensity(t);
  const lnNorm = lnGammaHalfRatio(0.5 * df) - 0.5 * Math.log(df) - LN_SQRT_PI;
  return Math.exp(lnNorm - 0.5 * (df + 1) * Math.log1p((t * t) / df));
}

/**
 * Student's t CDF P(T ≤ t) with `df` degrees of freedom (> 0, non-integer allowed, Infinity =
 * normal). Absolute error below ~1e-15, and relative error ~1e-14 in the tails. t NaN → NaN.
 */
export function studentTCdf(t: number, df: number): number {
  assertDegreesOfFreedom(df, 'studentTCdf');
  if (df === Number.POSITIVE_INFINITY) return cdfFromParts(t, normalParts);
  return cdfFromParts(t, (z) => studentTParts(z, df));
}

/**
 * Two-sided p-value P(|T| ≥ |t|) of a t statistic with `df` degrees of freedom, computed directly so
 * that very small p-values keep their relative accuracy (1 − CDF would round them to 0). NaN → NaN.
 */
export function studentTTwoSidedPValue(t: number, df: number): number {
  assertDegreesOfFreedom(df, 'studentTTwoSidedPValue');
  if (Number.isNaN(t)) return Number.NaN;
  const z = Math.abs(t);
  return 2 * (df === Number.POSITIVE_INFINITY ? normalParts(z).tail : studentTParts(z, df).tail);
}

/** Hill's (1970) approximation to |t| at two-sided probability 2q; good to a few digits for df ≥ 1. */
function hillGuess(q: number, df: number): number {
  const twoSided = 2 * q;
  const a = 1 / (df - 0.5);
  const b = 48 / (a * a);
  let c = (((20700 * a) / b - 98) * a - 16) * a + 96.36;
  const d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt((a * Math.PI) / 2) * df;
  let y = (d * twoSided) ** (2 / df);
  if (y > 0.05 + a) {
    // Away from the extreme tail: an expansion about the normal quantile.
    const x = normalQuantile(q);
    y = x * x;
    if (df < 5) c += 0.3 * (df - 4.5) * (x + 0.6);
    c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
    y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x;
    y = Math.expm1(a * y * y);
  } else {
    // Extreme tail: the expansion in powers of (d·P)^(2/df).
    y =
      ((1 / (((df + 6) / (df * y) - 0.089 * d - 0.822) * (df + 2) * 3) + 0.5 / (df + 4)) * y - 1) *
        ((df + 1) / (df + 2)) +
      1 / y;
  }
  return Math.sqrt(df * y);
}

/**
 * Student's t quantile: the t with P(T ≤ t) = p, for `df` > 0 degrees of freedom (non-integer
 * allowed, Infinity = normal). Relative accuracy ~1e-13 or better. p = 0 → −∞, p = 1 → +∞, NaN → NaN;
 * a p outside [0, 1] or df ≤ 0 throws a StatsError.
 */
export function studentTQuantile(p: number, df: number): number {
  assertProbabilityOrNaN(p, 'studentTQuantile');
  assertDegreesOfFreedom(df, 'studentTQuantile');
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p);
  const q = p < 0.5 ? p : 1 - p;
  // Hill's formulas assume df ≥ 1; below that the Newton solver on ln t starts from t = 1 instead.
  const guess = df >= 1 && q > 0 ? hillGuess(q, df) : 1;
  return quantileFromParts(
    p,
    (z) => studentTParts(z, df),
    (z) => studentTDensity(z, df),
    guess,
  );
}
