/**
 * The standard normal distribution, from the engine's special functions (their one home): density,
 * CDF and quantile (AS 241), and the two halves the Student-t code builds on, through the engine's
 * regularized incomplete gamma (erf and erfc).
 */
import {
  normalCdf as engineNormalCdf,
  normalQuantile as engineNormalQuantile,
  normalPdf,
  regularizedGammaPQ,
} from '@carepool/engine';
import { assertProbabilityOrNaN } from './errors.js';
import type { TailParts } from './tails.js';

/** Standard normal density φ(z). */
export const normalDensity: (z: number) => number = normalPdf;

/** P(Z > z) and P(0 < Z ≤ z) for z ≥ 0, as ½ erfc(z/√2) = ½ Q(½, z²/2) and ½ erf(z/√2) = ½ P(½, z²/2). */
export function normalParts(z: number): TailParts {
  const { p, q } = regularizedGammaPQ(0.5, 0.5 * z * z);
  return { tail: 0.5 * q, centre: 0.5 * p };
}

/** Standard normal CDF Φ(z) = P(Z ≤ z); a few ulps relative in both tails. NaN → NaN. */
export const normalCdf: (z: number) => number = engineNormalCdf;

/**
 * Standard normal quantile z_p with Φ(z_p) = p, relative accuracy ~1e-16. p = 0 → −∞, p = 1 → +∞,
 * NaN → NaN; a p outside [0, 1] throws a StatsError.
 */
export function normalQuantile(p: number): number {
  assertProbabilityOrNaN(p, 'normalQuantile');
  return engineNormalQuantile(p);
}
