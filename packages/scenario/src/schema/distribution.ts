/**
 * DistributionSpec (engine) as a zod schema. Parameters are in the unit the owning field names
 * (`clinicalLosDays` in days, `treatmentMinutes` in minutes). Every distribution here describes a
 * duration, so parameters that set its location must be non-negative. Beyond types and sanity
 * bounds, parameters are checked in one place: by the engine's own factory for the kind, the code a
 * run samples from, so whatever loads can be sampled (no lognormal with sd 0, no triangular with
 * min = max, no truncated normal with an empty range).
 */
import { type DistributionSpec, distributionFromSpec, RandomStreams } from '@carepool/engine';
import { z } from 'zod';
import { strictObject } from './common.js';

const MAX_DURATION = 1e7;
const param = (description: string) => z.number().min(0).max(MAX_DURATION).describe(description);
const positiveParam = (description: string) => z.number().positive().max(MAX_DURATION).describe(description);

/** One family: its `kind` literal, its parameters, and what it is (the schema's text). */
function family<K extends DistributionSpec['kind'], T extends z.core.$ZodLooseShape>(
  kind: K,
  description: string,
  parameters: T,
) {
  return strictObject({ kind: z.literal(kind), ...parameters }).describe(description);
}

/** Draws taken from each distribution at load to check it can be sampled. */
const CHECK_DRAWS = 16;

/** `lognormal: sd must be a finite number > 0; got 0` — the engine's parameter messages. */
const ENGINE_PROBLEM = /^(\w+): (\S+) must be (.+); got (.*)$/s;

/** The engine builds the sampler a run would use; its refusal becomes an issue at the parameter. */
function checkWithEngine(spec: DistributionSpec, ctx: z.core.$RefinementCtx<DistributionSpec>): void {
  // A mixture's components are checked as distributions of their own, at their own paths.
  if (spec.kind === 'mixture') return;
  try {
    const built = distributionFromSpec(spec);
    // Parameters each valid alone can still be too extreme together to sample (a lognormal with
    // mean 5e-324 and sd 80 draws NaN): draw a few values from a stream of its own.
    const stream = new RandomStreams('scenario-check').stream('draws');
    for (let i = 0; i < CHECK_DRAWS; i++) {
      const draw = built.sample(stream);
      if (!(Number.isFinite(draw) && draw >= 0)) {
        ctx.addIssue({
          code: 'custom',
          message: `a ${spec.kind} distribution with these parameters draws ${draw}`,
          path: [],
          params: { expected: 'parameters whose draws are finite durations >= 0 (less extreme values)' },
        });
        return;
      }
    }
  } catch (error) {
    const text = String((error as Error)?.message ?? error);
    const match = ENGINE_PROBLEM.exec(text);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: text, path: [], params: { expected: 'valid parameters' } });
      return;
    }
    const [, kind, name, requirement, value] = match;
    const field = name === 'min/max' ? 'max' : name.replace(/\[.*$/, '');
    ctx.addIssue({
      code: 'custom',
      message: `a ${kind} distribution with ${name} ${value.slice(0, 60)}`,
      path: Object.hasOwn(spec, field) ? [field] : [],
      params: { expected: `${name} ${requirement}` },
    });
  }
}

// The type annotation makes the recursive mixture case check against the engine's own type.
export const distributionSchema: z.ZodType<DistributionSpec> = z
  .lazy(() => z.discriminatedUnion('kind', FAMILIES).superRefine(checkWithEngine))
  .meta({
    id: 'DistributionSpec',
    description: 'A probability distribution, chosen by `kind`; parameters are in the unit the field names.',
  });

/** Every family, in the order the schema lists them (after `distributionSchema`: a mixture's components are distributions). */
const FAMILIES = [
  family('deterministic', 'Always the same value.', { value: param('The fixed value.') }),
  family('exponential', 'Exponential (memoryless) with the given mean.', {
    mean: positiveParam('Mean.'),
  }),
  family('uniform', 'Uniform between `min` and `max`.', {
    min: param('Lower bound.'),
    max: param('Upper bound (at least `min`).'),
  }),
  family('triangular', 'Triangular with `min`, `mode` and `max` (`min` < `max`).', {
    min: param('Lower bound.'),
    mode: param('Most likely value, between `min` and `max`.'),
    max: param('Upper bound.'),
  }),
  family('normal', 'Normal truncated to [`min`, `max`]; the range must have probability under the normal.', {
    mean: z.number().min(-MAX_DURATION).max(MAX_DURATION).describe('Mean.'),
    sd: param('Standard deviation.'),
    min: z
      .number()
      .min(0)
      .max(MAX_DURATION)
      .describe('Lower truncation, required: a duration is never negative (0 or more).'),
    max: z.number().min(0).max(MAX_DURATION).optional().describe('Optional upper truncation.'),
  }),
  family('lognormal', 'Lognormal given by the mean and standard deviation of the value itself.', {
    mean: positiveParam('Mean (of the value, not of its log).'),
    sd: param('Standard deviation (of the value, not of its log).'),
  }),
  family('lognormalLog', 'Lognormal given by the mean and standard deviation of the log of the value.', {
    mu: z.number().min(-100).max(100).describe('Mean of the log.'),
    sigma: z.number().min(0).max(20).describe('Standard deviation of the log.'),
  }),
  family('gamma', 'Gamma with shape and scale.', {
    shape: positiveParam('Shape k.'),
    scale: positiveParam('Scale theta (mean = shape x scale).'),
  }),
  family('weibull', 'Weibull with shape and scale.', {
    shape: positiveParam('Shape k.'),
    scale: positiveParam('Scale lambda.'),
  }),
  family('erlang', 'Erlang: the sum of `k` exponential phases, with the given total mean.', {
    k: z.number().int().min(1).max(1000).describe('Number of exponential phases.'),
    mean: positiveParam('Mean of the whole (sum of phases).'),
  }),
  family('empirical', 'Resamples observed values.', {
    sample: z
      .array(param('One observed value.'))
      .min(1)
      .max(1_000_000)
      .describe(
        'Observed values to resample; may be read from a CSV column: `{ csv: los.csv, column: losDays }`.',
      ),
    interpolate: z
      .boolean()
      .optional()
      .describe('Interpolate between sorted sample values instead of resampling them.'),
  }),
  family('mixture', 'A mixture: draws a component by weight, then a value from it.', {
    components: z
      .array(
        strictObject({
          weight: z
            .number()
            .min(0)
            .max(MAX_DURATION)
            .describe('Relative weight (weights need not sum to 1).'),
          distribution: distributionSchema,
        }),
      )
      .min(1)
      .max(100)
      .refine((cs) => cs.some((c) => c.weight > 0), {
        message: 'all weights are zero',
        params: { expected: 'at least one positive weight' },
      })
      .describe('The component distributions and their weights.'),
  }),
] as const;

/** The distribution kinds, for did-you-mean hints. */
export const DISTRIBUTION_KINDS: readonly DistributionSpec['kind'][] = FAMILIES.map(
  (f) => f.shape.kind.value,
);
