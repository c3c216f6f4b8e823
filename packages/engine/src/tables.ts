/** Distributions from tables: categorical (alias method), empirical, mixtures. See distributions.ts. */

import { type Distribution, finite, fmt, invalid, nonNegative } from './distribution-base.js';
import type { RandomStream } from './random.js';

export class Categorical implements Distribution {
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

export class Empirical implements Distribution {
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

export class Mixture implements Distribution {
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
