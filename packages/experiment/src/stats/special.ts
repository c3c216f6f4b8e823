/**
 * The two special functions behind the t distribution that the engine's (normal, ln Γ, incomplete
 * gamma: special-functions.ts, their home) do not cover: the ratio Γ(a + ½)/Γ(a) without
 * cancellation, and the incomplete beta's continued fraction (Numerical Recipes style). Internal
 * to `stats/`: the public surface is the distribution functions in `student-t.ts` and `normal.ts`.
 */

/** Smallest magnitude the Lentz continued fractions let a denominator reach before nudging it. */
const TINY = 1e-300;
/** Relative change (a couple of ulps: a tighter bound could stall) at which a fraction or series has converged. */
const CONVERGED = 5e-16;
/** Far above what any argument we use needs (about √max(a, b) terms); reaching it is a bug. */
const MAX_TERMS = 100_000;

/** Stirling series for ln Γ(z) − [(z − ½) ln z − z + ½ ln 2π], for z ≥ 10 (error below 1e-16). */
function stirlingCorrection(z: number): number {
  const w = 1 / (z * z);
  return (
    (1 / z) *
    (1 / 12 - w * (1 / 360 - w * (1 / 1260 - w * (1 / 1680 - w * (1 / 1188 - w * (691 / 360360 - w / 156))))))
  );
}

/**
 * ln Γ(a + ½) − ln Γ(a) for a > 0. The t distribution only ever needs Γ at a and a + ½, and taking
 * the difference directly avoids the cancellation of two large ln Γ values when df is large
 * (df = 1e6 would otherwise lose ~1e-9 to rounding).
 */
export function lnGammaHalfRatio(a: number): number {
  // Shift up with Γ(a + 1) = a Γ(a) until the Stirling series is accurate, then shift back down.
  let shift = 0;
  let z = a;
  while (z < 10) {
    shift += Math.log((z + 0.5) / z);
    z += 1;
  }
  const main = z * Math.log1p(0.5 / z) + 0.5 * Math.log(z) - 0.5;
  return main + stirlingCorrection(z + 0.5) - stirlingCorrection(z) - shift;
}

/**
 * Continued fraction for the regularized incomplete beta function I_x(a, b) (modified Lentz);
 * converges fast for x < (a + 1)/(a + b + 2), which the caller arranges by symmetry. `y` = 1 − x,
 * passed separately because for large a that threshold is close to 1, where 1 − (a + b)x/(a + 1)
 * would cancel (df = 1e6 lost 1e-11 that way); written as ((1 − b) + (a + b)y)/(a + 1) it does not.
 */
export function betaContinuedFraction(a: number, b: number, x: number, y: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  // Written from whichever of x, y is small so that the leading term does not cancel.
  let d = x < y ? 1 - (qab * x) / qap : (1 - b + qab * y) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) <= CONVERGED) return h;
  }
  throw new Error(`betaContinuedFraction(a=${a}, b=${b}, x=${x}) did not converge`);
}
