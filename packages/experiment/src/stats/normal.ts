/**
 * The standard normal distribution: CDF through the incomplete gamma function (erf), quantile by
 * Acklam's rational approximation (relative error ~1.2e-9) refined by Newton on the CDF.
 */
import { assertProbabilityOrNaN } from './errors.js';
import { incompleteGammaHalf } from './special.js';
import { cdfFromParts, quantileFromParts, type TailParts } from './tails.js';

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Standard normal density φ(z). */
export function normalDensity(z: number): number {
  return Math.exp(-0.5 * z * z) / SQRT_2PI;
}

/** P(Z > z) and P(0 < Z ≤ z) for z ≥ 0, as ½ erfc(z/√2) and ½ erf(z/√2). */
export function normalParts(z: number): TailParts {
  const { lower, upper } = incompleteGammaHalf(0.5 * z * z);
  return { tail: 0.5 * upper, centre: 0.5 * lower };
}

/** Standard normal CDF Φ(z) = P(Z ≤ z); relative accuracy ~1e-15 in both tails. NaN → NaN. */
export function normalCdf(z: number): number {
  return cdfFromParts(z, normalParts);
}

// Acklam's coefficients (central region, then both tails).
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
/** Below this lower-tail probability Acklam switches from the central to the tail approximation. */
const ACKLAM_LOW = 0.02425;

/** Acklam's approximation to the normal quantile at a lower-tail probability q ∈ (0, ½], as |z|. */
function acklamMagnitude(q: number): number {
  if (q < ACKLAM_LOW) {
    const s = Math.sqrt(-2 * Math.log(q));
    const num = ((((C[0] * s + C[1]) * s + C[2]) * s + C[3]) * s + C[4]) * s + C[5];
    const den = (((D[0] * s + D[1]) * s + D[2]) * s + D[3]) * s + 1;
    return -num / den;
  }
  const s = q - 0.5;
  const r = s * s;
  const num = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * s;
  const den = ((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1;
  return -num / den;
}

/**
 * Standard normal quantile z_p with Φ(z_p) = p, accurate to ~1e-15 relative. p = 0 → −∞, p = 1 → +∞,
 * NaN → NaN; a p outside [0, 1] throws a StatsError.
 */
export function normalQuantile(p: number): number {
  assertProbabilityOrNaN(p, 'normalQuantile');
  const q = p < 0.5 ? p : 1 - p;
  return quantileFromParts(p, normalParts, normalDensity, q > 0 ? acklamMagnitude(q) : 1);
}
