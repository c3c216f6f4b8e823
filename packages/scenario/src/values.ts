/**
 * Friendlier number forms in scenario files, turned into plain numbers before validation:
 * percentages (`11%` is 0.11), expressions (`= base * 1.054 ^ years`) over the file's `constants`,
 * and relative changes of inherited values (`"+10%"`), evaluated on the value they were bound to.
 */
import { ScenarioError, snippet } from './errors.js';
import { ALLOWED_FUNCTIONS, ExpressionProblem, evaluateExpression, isExpression } from './expressions.js';
import { locationKey, type SourceLocation } from './location.js';
import { formatPath } from './paths.js';
import { isRelativeForm, RelativeChange, relativeChange } from './relative.js';
import { isTreeObject, locate, locationOf, type Tree, type TreeObject } from './source.js';

// Unsigned: a leading + or - marks a relative change (relative.ts), never a percentage literal.
const PERCENT = /^\s*((\d+\.?\d*|\.\d+))\s*%\s*$/;
/** Top-level fields whose strings are not numbers to convert. */
const LEFT_AS_WRITTEN = new Set(['extends', 'description', 'sweep', 'constants', 'expectations']);
const CONSTANT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Fields a percentage may stand for: shares, effectiveness, thresholds, multipliers and rates per
 * year, and constants. Elsewhere (WTE, beds, minutes, pounds) `10%` would silently be 0.1 of the
 * unit — almost certainly meant as the change `"+10%"`.
 */
const PERCENT_FIELD = /(share|effectiveness|threshold|multiplier|peryear)s?$/i;

export function takesPercentages(fieldPath: string): boolean {
  if (fieldPath.startsWith('constants.')) return true;
  const last = /([A-Za-z_$][\w$-]*)(\[[^\]]*\])*$/.exec(fieldPath);
  return last !== null && PERCENT_FIELD.test(last[1]);
}

/** A percentage string as a share, or undefined. */
export function percentValue(text: string): number | undefined {
  const match = PERCENT.exec(text);
  return match ? Number(match[1]) / 100 : undefined;
}

/** Evaluates the top-level `constants` in order (each may use the ones before it). */
export function evaluateConstants(root: TreeObject, file: string): Record<string, number> {
  const constants: Record<string, number> = {};
  const raw = root.constants;
  if (raw === undefined || raw === null) return constants;
  if (!isTreeObject(raw)) {
    throw new ScenarioError({
      location: locationOf(root, 'constants') ?? { file },
      fieldPath: 'constants',
      problem: `got ${snippet(raw)}`,
      expected: 'a mapping of names to numbers',
    });
  }
  for (const [name, value] of Object.entries(raw)) {
    const location = locationOf(raw, name) ?? { file };
    const fieldPath = `constants.${name}`;
    if (
      !CONSTANT_NAME.test(name) ||
      (ALLOWED_FUNCTIONS as readonly string[]).includes(name) ||
      name === 'pi' ||
      name === 'e'
    ) {
      throw new ScenarioError({
        location,
        fieldPath,
        problem: `'${name}' cannot be a constant name`,
        expected: 'a name of letters, digits and _ that is not a function name, pi or e',
      });
    }
    constants[name] = numberFrom(value, constants, location, fieldPath);
  }
  return constants;
}

function numberFrom(
  value: Tree,
  constants: Record<string, number>,
  location: Parameters<typeof locate>[2],
  fieldPath: string,
): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value instanceof RelativeChange) return changedNumber(value, constants, fieldPath);
  if (typeof value === 'string' && isRelativeForm(value)) {
    throw new ScenarioError({
      location,
      fieldPath,
      problem: `a relative change ${snippet(value)} where nothing is inherited (CSV data is never merged)`,
      expected: 'a plain number',
    });
  }
  if (typeof value === 'string') {
    const percent = percentValue(value);
    if (percent !== undefined) {
      if (!takesPercentages(fieldPath)) {
        throw new ScenarioError({
          location,
          fieldPath,
          problem: `${snippet(value)} is the share ${percent}, and this field is not a share or a rate`,
          expected: `a number in the field's unit, or "+${value.trim()}" in quotes for a change of the inherited value`,
        });
      }
      return percent;
    }
    if (isExpression(value)) {
      try {
        return evaluateExpression(value, constants);
      } catch (error) {
        if (error instanceof ExpressionProblem) {
          throw new ScenarioError({
            location,
            fieldPath,
            problem: error.message,
            expected: 'an arithmetic expression over numbers and constants',
            hint: /unknown name 'current'/.test(error.message)
              ? `'current' exists only in --set; in a file, change the inherited value with "*1.1" or "+10%"`
              : undefined,
          });
        }
        throw error;
      }
    }
  }
  throw new ScenarioError({
    location,
    fieldPath,
    problem: `got ${snippet(value)}`,
    expected: 'a number, a percentage or an = expression',
  });
}

/** The number a bound relative change gives: the change applied to the inherited number. */
function changedNumber(change: RelativeChange, constants: Record<string, number>, fieldPath: string): number {
  const base = change.base;
  const isNumberForm =
    typeof base === 'number' ||
    base instanceof RelativeChange ||
    (typeof base === 'string' && (percentValue(base) !== undefined || isExpression(base)));
  if (!isNumberForm) {
    throw new ScenarioError({
      location: change.location,
      fieldPath,
      problem: `a relative change '${change.text}' of an inherited value that is not a number (${snippet(base)}${change.baseLocation ? ` at ${where(change.baseLocation)}` : ''})`,
      expected: 'a literal value here, or a relative change only of a number',
    });
  }
  const inherited = numberFrom(base as Tree, constants, change.baseLocation ?? change.location, fieldPath);
  return relativeChange(inherited, change.text) as number;
}

function where(location: SourceLocation): string {
  return location.line === undefined ? location.file : `${location.file}:${location.line}`;
}

/**
 * Replaces percentages, expressions and relative changes anywhere in the tree (in place) with their
 * numbers. Returns the locations (locationKey) of the values that relative changes gave.
 */
export function resolveNumbers(
  root: TreeObject,
  constants: Record<string, number>,
  file: string,
): Set<string> {
  const changed = new Set<string>();
  const visit = (node: Tree, path: (string | number)[]): void => {
    const entries: [string | number, Tree][] = Array.isArray(node)
      ? node.map((v, i) => [i, v])
      : isTreeObject(node)
        ? Object.entries(node)
        : [];
    for (const [key, value] of entries) {
      if (path.length === 0 && typeof key === 'string' && LEFT_AS_WRITTEN.has(key)) continue;
      const childPath = [...path, key];
      if (
        value instanceof RelativeChange ||
        (typeof value === 'string' &&
          (isExpression(value) || percentValue(value) !== undefined || isRelativeForm(value)))
      ) {
        const location = locate(root, childPath, { file });
        if (value instanceof RelativeChange) changed.add(locationKey(location));
        (node as Record<string | number, Tree>)[key] = numberFrom(
          value,
          constants,
          location,
          formatPath(root, childPath),
        );
      } else if (typeof value === 'object' && value !== null) {
        visit(value, childPath);
      }
    }
  };
  visit(root, []);
  return changed;
}
