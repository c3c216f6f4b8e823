/**
 * The JSON Schema of scenario files, for editors (`# yaml-language-server: $schema=...`) and for
 * `carepool schema`. It is generated from the same zod schemas the loader validates with, then widened
 * for the friendlier file forms: `=` expressions and percentages wherever a number goes, CSV references
 * wherever a list goes, and every field optional in a file that `extends` another.
 */
import { z } from 'zod';
import { strictObject } from './schema/common.js';
import {
  constantsSchema,
  descriptionSchema,
  expectationsSchema,
  extendsSchema,
  poolProfileNameSchema,
  schemaReferenceSchema,
  sweepSchema,
} from './schema/document.js';
import { networkConfigShape } from './schema/network.js';
import { systemConfigShape } from './schema/system.js';
import { staffPoolSchema, workforceSchema } from './schema/workforce.js';

type JsonSchema = Record<string, unknown>;

const fileOnly = {
  $schema: schemaReferenceSchema.optional(),
  extends: extendsSchema.optional(),
  description: descriptionSchema.optional(),
  constants: constantsSchema.optional(),
  expectations: expectationsSchema.optional(),
};

/** A system scenario file as written (before profiles are expanded). */
export function systemDocumentSchema(purpose: 'editor' | 'reference' = 'editor') {
  // Editors must accept a pool that gets its fields from a profile; the reference shows what a pool
  // needs once its profile is applied.
  const pool =
    purpose === 'editor'
      ? staffPoolSchema
          .partial()
          .extend({ id: staffPoolSchema.shape.id, profile: poolProfileNameSchema.optional() })
      : staffPoolSchema.extend({ profile: poolProfileNameSchema.optional() });
  const workforce = workforceSchema.extend({
    poolProfiles: z
      .record(z.string(), staffPoolSchema.partial())
      .optional()
      .describe(
        "Named sets of staff pool fields that pools start from with `profile: <name>`; the pool's own fields win.",
      ),
    staffPools: z
      .array(pool)
      .min(1)
      .describe(
        'The staff pools. Each may start from a profile; may be read from a staff list: `{ csv: staff.csv }` (one pool per row, columns named like the fields).',
      ),
  });
  return strictObject({
    ...systemConfigShape,
    kind: systemConfigShape.kind
      .optional()
      .describe('`system` (the default) for the health and care system model.'),
    ...fileOnly,
    sweep: sweepSchema.optional(),
    workforce,
  }).describe('A carepool system scenario.');
}

/** A network scenario file as written. */
export function networkDocumentSchema() {
  return strictObject({ ...networkConfigShape, ...fileOnly }).describe(
    'A carepool textbook queueing network scenario.',
  );
}

const EXPRESSION = {
  type: 'string',
  pattern: '^\\s*=',
  description: 'An expression over numbers and `constants`, e.g. `= base * 1.054 ^ years`.',
};
const PERCENT = {
  type: 'string',
  pattern: '^\\s*(\\d+\\.?\\d*|\\.\\d+)\\s*%\\s*$',
  description: 'A percentage, e.g. `11%` for 0.11 (for shares, rates per year and multipliers).',
};
const RELATIVE = {
  type: 'string',
  pattern:
    '^\\s*([+-]\\s*(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*%?|\\*\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)\\s*$',
  description: 'A change of the inherited value, in quotes: `"+20"`, `"-5%"`, `"*1.2"`.',
};
const CSV_COLUMN = {
  type: 'object',
  properties: {
    csv: { type: 'string', description: 'CSV file, relative to this scenario.' },
    column: { type: 'string', description: 'Column whose numbers form the list.' },
  },
  required: ['csv', 'column'],
  additionalProperties: false,
};
const CSV_ROWS = {
  type: 'object',
  properties: {
    csv: {
      type: 'string',
      description: 'CSV file, relative to this scenario; one item per row, columns named like the fields.',
    },
  },
  required: ['csv'],
  additionalProperties: false,
};

/** Widens number and list nodes for the file forms; returns a new schema. */
function widen(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(widen);
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) out[key] = widen(value);
  if (out.type === 'number' || out.type === 'integer') {
    const { description, default: fallback, ...number } = out;
    return {
      ...(description ? { description } : {}),
      ...(fallback !== undefined ? { default: fallback } : {}),
      anyOf: [number, EXPRESSION, PERCENT, RELATIVE],
    };
  }
  if (out.type === 'array' && out.prefixItems === undefined) {
    const items = (node as JsonSchema).items as JsonSchema | undefined;
    const numeric = items?.type === 'number' || items?.type === 'integer';
    const { description, default: fallback, ...array } = out;
    return {
      ...(description ? { description } : {}),
      ...(fallback !== undefined ? { default: fallback } : {}),
      anyOf: [array, numeric ? CSV_COLUMN : CSV_ROWS],
    };
  }
  return out;
}

/** Drops every `required`, for files that `extends` a base and state only what changes. */
function allOptional(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allOptional);
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) if (key !== 'required') out[key] = allOptional(value);
  return out;
}

/** The zod-generated JSON Schemas of the two file kinds, before widening (the docs read these). */
export function rawDocumentJsonSchemas(purpose: 'editor' | 'reference' = 'editor'): {
  system: JsonSchema;
  network: JsonSchema;
} {
  const options = { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' } as const;
  return {
    system: z.toJSONSchema(systemDocumentSchema(purpose), options) as JsonSchema,
    network: z.toJSONSchema(networkDocumentSchema(), options) as JsonSchema,
  };
}

/** The JSON Schema (draft 2020-12) of carepool scenario files. */
export function scenarioJsonSchema(): object {
  const { system, network } = rawDocumentJsonSchemas();
  const defs = { ...(system.$defs as JsonSchema), ...(network.$defs as JsonSchema) };
  const strip = (s: JsonSchema) => {
    const { $schema: _s, $defs: _d, ...rest } = s;
    return rest;
  };
  const systemBody = widen(strip(system)) as JsonSchema;
  const networkBody = widen(strip(network)) as JsonSchema;
  const isNetwork = { properties: { kind: { const: 'network' } }, required: ['kind'] };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://carepool.dev/scenarios/carepool.schema.json',
    title: 'carepool scenario',
    description: 'A carepool scenario file (YAML or JSON). Field reference: docs/scenarios.md.',
    if: { required: ['extends'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else
    then: {
      if: isNetwork,
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else
      then: { $ref: '#/$defs/NetworkScenarioVariant' },
      else: { $ref: '#/$defs/SystemScenarioVariant' },
    },
    else: {
      if: isNetwork,
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else
      then: { $ref: '#/$defs/NetworkScenario' },
      else: { $ref: '#/$defs/SystemScenario' },
    },
    $defs: {
      ...(widen(defs) as JsonSchema),
      SystemScenario: systemBody,
      NetworkScenario: networkBody,
      SystemScenarioVariant: allOptional(systemBody),
      NetworkScenarioVariant: allOptional(networkBody),
    },
  };
}
