/**
 * What a scenario file may contain beyond the resolved configuration: `extends`, `description`,
 * `constants`, `sweep`, and staff pool profiles (`workforce.poolProfiles`, `profile:` on a pool).
 * The runtime validates these parts with the schemas here; the JSON Schema for editors is the
 * resolved schema composed with them (json-schema.ts).
 */
import { z } from 'zod';
import { strictObject } from './common.js';

export const MAX_SWEEP_VALUES = 1000;
export const MAX_SWEEP_POINTS = 100_000;

export const extendsSchema = z
  .string()
  .min(1)
  .describe(
    "The base scenario this file changes: a path relative to this file inside the scenario's folder (e.g. `./ics-default.yaml`), or `builtin:<name>` for a scenario shipped with carepool (`builtin:ics-default`, `builtin:textbook/mm1`). Lists of items with an `id` merge by id; `null` removes an inherited field; an item `{ id: x, remove: true }` removes an inherited item; a distribution given with another `kind` replaces the inherited one whole.",
  );

export const schemaReferenceSchema = z
  .string()
  .max(2000)
  .describe(
    'The JSON Schema an editor should check this file against, e.g. `./carepool.schema.json` (mostly for JSON files, which cannot carry a `# yaml-language-server` comment). Ignored by carepool.',
  );

export const expectationsSchema = z
  .array(z.string().min(1).max(2000))
  .max(1000)
  .describe(
    "What `carepool check` judges when run on this file, each like `ed.fourHourShare >= 0.76` or `diff(nctr.bedDays, systemBank, siloed) < 0` (docs/ci.md). Not part of the configuration: the results and the scenario's hash do not depend on them.",
  );

export const descriptionSchema = z
  .string()
  .max(10_000)
  .describe('Free text: what this scenario asks or changes.');

export const constantsSchema = z
  .record(z.string(), z.number())
  .describe(
    'Named numbers for `=` expressions elsewhere in the file, e.g. `{ years: 3 }` then `"= 480 * 1.054 ^ years"`. Each may use the ones before it.',
  );

const sweepValue = z.union([z.number(), z.string().min(1)]);

export const sweepRangeSchema = strictObject({
  from: z.number().describe('First value.'),
  to: z.number().describe('Last value (included when the steps land on it).'),
  step: z.number().positive().describe('Step between values, positive.'),
}).describe('An evenly spaced range of values.');

export const sweepSchema = strictObject({
  parameters: z
    .array(
      strictObject({
        path: z
          .string()
          .min(1)
          .describe(
            'Field to vary, in the `--set` path syntax, e.g. `workforce.staffPools[trustA.wardRn].establishmentWte`.',
          ),
        values: z
          .union([z.array(sweepValue).min(1).max(MAX_SWEEP_VALUES), sweepRangeSchema])
          .describe(
            'The values: a list of literals or quoted `--set` value forms (`"+10%"`, `"*1.2"`), or a range `{ from, to, step }`.',
          ),
      }),
    )
    .min(1)
    .max(10)
    .describe('The swept fields; the runner runs every combination (a grid).'),
}).describe(
  'A parameter grid for the experiment runner. Only validated here: each path must resolve and each value must give a valid scenario.',
);

export const poolProfileNameSchema = z
  .string()
  .describe('Name of a profile in `workforce.poolProfiles` whose fields this pool starts from.');
