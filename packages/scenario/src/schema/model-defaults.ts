/**
 * The text of the model's defaults in the schema's descriptions, taken from the model's one table
 * (`SYSTEM_CONFIG_DEFAULTS`), so each default value is written once and the JSON Schema and
 * docs/scenarios.md cannot state another.
 */
import { SYSTEM_CONFIG_DEFAULTS } from '@carepool/model';
import type { z } from 'zod';

export type ModelDefaultKey = keyof typeof SYSTEM_CONFIG_DEFAULTS;

function valueText(value: unknown): string {
  if (value === undefined || value === null || value === Number.POSITIVE_INFINITY) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : `\`[${value.join(', ')}]\``;
  if (value !== null && typeof value === 'object') {
    const { kind, ...rest } = value as Record<string, unknown>;
    const fields = Object.entries(rest).map(([k, v]) => `${k} ${String(v)}`);
    return [kind === undefined ? '' : `${String(kind)} `, fields.join(', ')].join('');
  }
  return String(value);
}

/**
 * `text` followed by the sentence naming the model default of `key`:
 * `Model default: <value> (<meaning>).`, the value written e.g. `9` or `lognormal mean 180, sd 120`.
 */
export function withModelDefault(text: string, key: ModelDefaultKey): string {
  const { value, meaning } = SYSTEM_CONFIG_DEFAULTS[key];
  return `${text} Model default: ${valueText(value)} (${meaning}).`;
}

/** A field the model defaults: `schema`, optional, described by `text` and the default of `key`. */
export function modelDefaulted<T extends z.ZodType>(schema: T, text: string, key: ModelDefaultKey) {
  return schema.optional().describe(withModelDefault(text, key));
}
