/**
 * Shared machinery for symmetric distributions (normal, Student's t): the CDF and the quantile are
 * both built from the two halves of the probability of |X| beyond and within z, each computed
 * without subtracting from 1 where it is small, so that tails and the centre keep their relative
 * accuracy.
 */

/** For z ≥ 0: `tail` = P(X > z) and `centre` = P(0 < X ≤ z); tail + centre = ½. */
export interface TailParts {
  tail: number;
  centre: number;
}

/** Lower-tail CDF of a symmetric distribution from its parts at |x|. */
export function cdfFromParts(x: number, parts: (z: number) => TailParts): number {
  if (Number.isNaN(x)) return Number.NaN;
  const { tail, centre } = parts(Math.abs(x));
  // Whichever half is small was computed directly; taking the other by subtraction costs nothing.
  if (x < 0) return tail < 0.25 ? tail : 0.5 - centre;
  return tail < 0.25 ? 1 - tail : 0.5 + centre;
}

/** Newton iterations are safeguarded and typically take 2–5; this is a hard stop. */
const MAX_ITERATIONS = 200;

/**
 * The quantile at probability `p` ∈ [0, 1] of a symmetric distribution, by safeguarded Newton on
 * u = ln z (z > 0). In u both the power-law tails of a small-df t and the normal are close to
 * linear, so Newton converges in a few steps even from a rough `guess` (> 0, for z at min(p, 1−p)).
 */
export function quantileFromParts(
  p: number,
  parts: (z: number) => TailParts,
  density: (z: number) => number,
  guess: number,
): number {
  if (Number.isNaN(p)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  const sign = p < 0.5 ? -1 : 1;
  // 1 − p is exact for p ≥ ½, and ½ − q is exact for q ≥ ¼ (Sterbenz), so no accuracy is lost here.
  const q = p < 0.5 ? p : 1 - p;
  const useTail = q < 0.25;
  const centreTarget = 0.5 - q;
  // g(u) is increasing in u in both modes (−ln tail rises, centre rises); g′ = dg/du.
  const step = (z: number): { g: number; gPrime: number } => {
    const { tail, centre } = parts(z);
    const slope = density(z) * z;
    return useTail
      ? { g: Math.log(q) - Math.log(tail), gPrime: slope / tail }
      : { g: centre - centreTarget, gPrime: slope };
  };
  // A t with df well below 1 can put q beyond the largest double (e.g. df = 0.3, p = 1e-300).
  if (useTail && parts(Number.MAX_VALUE).tail > q) return sign * Number.POSITIVE_INFINITY;
  let u = Number.isFinite(guess) && guess > 0 ? Math.log(guess) : 0;
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const { g, gPrime } = step(Math.exp(u));
    if (g === 0) break;
    if (g < 0) lo = u;
    else hi = u;
    let next = u - g / gPrime;
    if (!(next > lo && next < hi)) {
      // Newton left the bracket (or the derivative underflowed): bisect, or step out by e².
      if (Number.isFinite(lo) && Number.isFinite(hi)) next = 0.5 * (lo + hi);
      else next = Number.isFinite(lo) ? lo + 2 : hi - 2;
    }
    const moved = Math.abs(next - u);
    u = next;
    if (moved <= 1e-15 * Math.max(1, Math.abs(u)) || hi - lo <= 1e-15 * Math.max(1, Math.abs(u))) break;
  }
  return sign * Math.exp(u);
}
