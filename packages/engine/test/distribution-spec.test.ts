/** distributionFromSpec builds the same sampler as the factory its kind names. */
import { describe, expect, it } from 'vitest';
import {
  type DistributionSpec,
  deterministic,
  distributionFromSpec,
  empirical,
  lognormal,
  lognormalFromLog,
  mixture,
  normal,
  RandomStreams,
  SimulationError,
} from '../src/index.js';

const cases: [DistributionSpec, ReturnType<typeof deterministic>][] = [
  [{ kind: 'deterministic', value: 3 }, deterministic({ value: 3 })],
  [{ kind: 'normal', mean: 5, sd: 2, min: 0 }, normal({ mean: 5, sd: 2, min: 0 })],
  [{ kind: 'lognormal', mean: 4.4, sd: 6 }, lognormal({ mean: 4.4, sd: 6 })],
  [{ kind: 'lognormalLog', mu: 1, sigma: 0.5 }, lognormalFromLog({ mu: 1, sigma: 0.5 })],
  [
    { kind: 'empirical', sample: [1, 2, 4], interpolate: true },
    empirical({ sample: [1, 2, 4], interpolate: true }),
  ],
  [
    {
      kind: 'mixture',
      components: [
        { weight: 1, distribution: { kind: 'deterministic', value: 1 } },
        { weight: 3, distribution: { kind: 'exponential', mean: 2 } },
      ],
    },
    mixture([
      { weight: 1, distribution: deterministic({ value: 1 }) },
      { weight: 3, distribution: distributionFromSpec({ kind: 'exponential', mean: 2 }) },
    ]),
  ],
];

describe('distributionFromSpec', () => {
  it.each(cases)('%o is the factory it names: same description, moments and draws', (spec, expected) => {
    const built = distributionFromSpec(spec);
    expect(built.describe()).toBe(expected.describe());
    expect(built.mean).toBe(expected.mean);
    expect(built.variance).toBe(expected.variance);
    const a = new RandomStreams(11).stream('x');
    const b = new RandomStreams(11).stream('x');
    for (let i = 0; i < 20; i++) expect(built.sample(a)).toBe(expected.sample(b));
  });

  it.each(['weibul', 'toString', 'constructor', undefined])('rejects the unknown kind %s', (kind) => {
    expect(() => distributionFromSpec({ kind } as unknown as DistributionSpec)).toThrow(
      new SimulationError('invalid-parameter', `unknown distribution kind '${String(kind)}'`),
    );
  });
});
