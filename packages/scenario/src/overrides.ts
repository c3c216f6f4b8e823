/**
 * `--set path=value` overrides, applied to a resolved configuration and validated again.
 * Paths: `workforce.staffPools[trustA.wardRn].establishmentWte` (see paths.ts).
 * Values: a literal (`250`, `15%`, `staffPassport`, `[1, 2]`), a relative change of the current number
 * (`+10%`, `-5%`, `*1.2`, `+25`, `-3`), or an expression `=...` in which `current` is the current value
 * and the scenario's constants are in scope. A leading `+` or `-` always means a change, so a negative
 * literal is written as an expression (`=-5`).
 */
import type { SystemConfig } from '@carepool/model';
import type { NetworkConfig } from '@carepool/network';
import { parse as parseYamlValue } from 'yaml';
import { clip, didYouMean, ScenarioError } from './errors.js';
import { ExpressionProblem, evaluateExpression, isExpression } from './expressions.js';
import { scenarioErrorFromIssues } from './issues.js';
import { findItem, itemKey, type PathSegment, parsePath } from './paths.js';
import { isRelativeForm, relativeChange } from './relative.js';
import { networkConfigSchema } from './schema/network.js';
import { systemConfigSchema } from './schema/system.js';
import { setKeyLocation } from './source.js';
import { percentValue, takesPercentages } from './values.js';
import { checkShape } from './yaml-tree.js';

/** One parsed override. `source` names it in error messages (e.g. `--set 'a.b=+10%'`). */
export interface Override {
  path: string;
  value: string | number | boolean;
  source: string;
}

/** Parses `path=value` (as given to `--set`). Throws ScenarioError naming the problem. */
export function parseOverride(text: string): Override {
  const source = `--set '${clip(text, 80)}'`;
  const equals = text.indexOf('=');
  if (equals < 0) {
    throw new ScenarioError({
      location: { file: source },
      fieldPath: text,
      problem: "no '=' between path and value",
      expected: 'path=value, e.g. workforce.policy=systemBank',
    });
  }
  const path = text.slice(0, equals).trim();
  const parsed = parsePath(path);
  if (!Array.isArray(parsed)) {
    throw new ScenarioError({
      location: { file: source, line: 1, column: parsed.errorAt + 1 },
      fieldPath: path,
      problem: parsed.problem,
      expected: 'a path like workforce.staffPools[trustA.wardRn].establishmentWte',
    });
  }
  return { path, value: text.slice(equals + 1).trim(), source };
}

/** Applies overrides in order to a resolved config and validates the result. Throws ScenarioError. */
export function applyOverrides<C extends SystemConfig | NetworkConfig>(
  config: C,
  overrides: readonly (string | Override)[],
  constants: Readonly<Record<string, number>> = {},
): C {
  if (overrides.length === 0) return config;
  const copy = structuredClone(config) as C;
  let last: Override | undefined;
  for (const raw of overrides) {
    const override = typeof raw === 'string' ? parseOverride(raw) : raw;
    applyOne(copy as unknown as Record<string, unknown>, override, constants);
    last = override;
  }
  const schema = copy.kind === 'network' ? networkConfigSchema : systemConfigSchema;
  const result = schema.safeParse(copy, { reportInput: true });
  if (!result.success)
    throw scenarioErrorFromIssues(result.error.issues, copy, { file: last?.source ?? '--set' });
  return result.data as C;
}

function applyOne(
  root: Record<string, unknown>,
  override: Override,
  constants: Readonly<Record<string, number>>,
): void {
  const parsed = parsePath(override.path);
  if (!Array.isArray(parsed)) parseOverride(`${override.path}=`); // throws with the position
  const segments = parsed as PathSegment[];
  const fail: (problem: string, expected: string, hint?: string) => never = (problem, expected, hint) => {
    throw new ScenarioError({
      location: { file: override.source },
      fieldPath: override.path,
      problem,
      expected,
      hint,
    });
  };
  let node: unknown = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const isLast = i === segments.length - 1;
    let key: string | number;
    if (segment.kind === 'item') {
      if (!Array.isArray(node))
        fail(`'[${segment.selector}]' used on a field that is not a list`, 'a list field before [...]');
      key = findItem(node, segment.selector);
      if (key < 0) {
        const ids = node.map(itemKey).filter((k): k is string => k !== undefined);
        fail(
          `no item '${segment.selector}'`,
          ids.length > 0 ? `one of ${ids.join(', ')}` : `an index below ${node.length}`,
          didYouMean(segment.selector, ids),
        );
      }
    } else {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) {
        fail(`'${segment.name}' used on a value that has no fields`, 'a path through mappings');
      }
      key = segment.name;
      const fields = Object.keys(node);
      // Own fields only: an inherited name (toString, constructor) is never a scenario field.
      if (!Object.hasOwn(node, key) && !isLast) {
        fail(`no field '${key}'`, `one of ${fields.join(', ')}`, didYouMean(key, fields));
      }
    }
    const container = node as Record<string | number, unknown>;
    if (isLast) {
      container[key] = newValue(container[key], override, constants, fail);
      setKeyLocation(container, key, { file: override.source });
    } else {
      node = container[key];
    }
  }
}

/** The value an override gives a field whose current value is `current`. */
export function newValue(
  current: unknown,
  override: Override,
  constants: Readonly<Record<string, number>>,
  fail: (problem: string, expected: string) => never,
): unknown {
  const text = override.value;
  if (typeof text !== 'string') return text;
  if (isRelativeForm(text)) {
    if (typeof current !== 'number') {
      return fail(
        `a relative change '${clip(text)}' to ${current === undefined ? 'an unset field' : 'a field that is not a number'}`,
        'a literal value, or a number field',
      );
    }
    return relativeChange(current, text);
  }
  if (isExpression(text)) {
    try {
      const scope = typeof current === 'number' ? { ...constants, current } : constants;
      return evaluateExpression(text, scope);
    } catch (error) {
      if (error instanceof ExpressionProblem)
        return fail(error.message, 'an arithmetic expression over numbers, constants and `current`');
      throw error;
    }
  }
  const percent = percentValue(text);
  if (percent !== undefined) {
    if (!takesPercentages(override.path))
      return fail(
        `'${clip(text)}' is the share ${percent}, and this field is not a share or a rate`,
        `a number in the field's unit, or +${clip(text)} for a change of the current value`,
      );
    return percent;
  }
  // The same limits as a file (nesting, keys per mapping), checked before yaml's recursive composer.
  const shapeProblem = checkShape(text);
  if (shapeProblem !== undefined) return fail(shapeProblem.problem, shapeProblem.expected);
  try {
    return parseYamlValue(text);
  } catch (error) {
    return fail(
      `cannot read the value: ${(error as Error).message.split('\n')[0]}`,
      'a number, text, true/false, or a YAML list/mapping',
    );
  }
}
