/**
 * Sweep points from a parameter grid. `grid` is the full cartesian product; `oneAtATime` moves each
 * parameter alone from the base (a one-way sensitivity analysis: which assumption does the answer
 * hang on?). Points are override lists in the `--set` syntax; the base itself is always the first
 * point, so every point is compared with the unswept scenario under common random numbers.
 */

export interface SweepParameterSpec {
  /** A `--set` path. */
  path: string;
  /** Values in order (numbers or `--set` value forms such as `+10%`). */
  values: readonly (number | string)[];
}

export type SweepMode = 'grid' | 'oneAtATime';

export interface SweepPoint {
  /** `base`, or the point's overrides joined with ` & `. */
  id: string;
  overrides: string[];
}

/** The largest number of points a sweep may expand to, checked before expanding. */
export const MAX_SWEEP_POINTS = 10_000;

/** The number of points `expandSweep` would give, computed without expanding. */
export function sweepPointCount(parameters: readonly SweepParameterSpec[], mode: SweepMode): number {
  if (parameters.length === 0) return 1;
  if (mode === 'oneAtATime') return 1 + parameters.reduce((s, p) => s + p.values.length, 0);
  return 1 + parameters.reduce((s, p) => s * p.values.length, 1);
}

/** The base point, then the sweep's points in order (last parameter varying fastest on a grid). */
export function expandSweep(parameters: readonly SweepParameterSpec[], mode: SweepMode): SweepPoint[] {
  const count = sweepPointCount(parameters, mode);
  if (count > MAX_SWEEP_POINTS) {
    throw new RangeError(`the sweep has ${count} points; at most ${MAX_SWEEP_POINTS} are allowed`);
  }
  const points: SweepPoint[] = [{ id: 'base', overrides: [] }];
  if (parameters.length === 0) return points;
  const set = (p: SweepParameterSpec, v: number | string) => `${p.path}=${String(v)}`;
  if (mode === 'oneAtATime') {
    for (const p of parameters) for (const v of p.values) points.push(point([set(p, v)]));
    return points;
  }
  let combos: string[][] = [[]];
  for (const p of parameters) combos = combos.flatMap((c) => p.values.map((v) => [...c, set(p, v)]));
  for (const c of combos) points.push(point(c));
  return points;
}

function point(overrides: string[]): SweepPoint {
  return { id: overrides.join(' & '), overrides };
}
