/** Turns zod issues into one ScenarioError: the most telling issue, located in the source files. */
import type { z } from 'zod';
import { clip, didYouMean, locationKey, ScenarioError, type SourceLocation, snippet } from './errors.js';
import { formatPath } from './paths.js';
import { FIELD_LIST_SEPARATOR } from './schema/common.js';
import { locate } from './source.js';

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
  record: 'a mapping',
  tuple: 'a list',
  nan: 'a number',
};

const show = snippet;

/** Unknown keys first (a misspelt key also explains the missing one), then in document order. */
function mostTelling(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  return issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
}

export function scenarioErrorFromIssues(
  issues: readonly z.core.$ZodIssue[],
  tree: unknown,
  fallback: SourceLocation,
  /** Locations (locationKey) of values that relative changes gave: written as changes already. */
  changed: ReadonlySet<string> = new Set(),
): ScenarioError {
  const issue = mostTelling(issues);
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const at = (p: (string | number)[]) => ({
    location: locate(tree, p, fallback),
    fieldPath: formatPath(tree, p),
  });
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0];
      const [hint, known] = issue.message.split(FIELD_LIST_SEPARATOR);
      return new ScenarioError({
        ...at([...path, key]),
        problem: `unknown field '${clip(key)}'`,
        expected: known ? `one of the fields ${known}` : 'a known field',
        hint: hint || undefined,
      });
    }
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (input === undefined) {
        const name = path[path.length - 1];
        return new ScenarioError({
          ...at(path),
          problem: `missing required field '${String(name)}'`,
          expected,
        });
      }
      return new ScenarioError({ ...at(path), problem: `got ${show(input)}`, expected });
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = small
        ? (issue as z.core.$ZodIssueTooSmall).minimum
        : (issue as z.core.$ZodIssueTooBig).maximum;
      const inclusive = issue.inclusive !== false;
      const exact = (issue as { exact?: boolean }).exact;
      if (issue.origin === 'array' || issue.origin === 'set') {
        const count = Array.isArray(input) ? input.length : '?';
        return new ScenarioError({
          ...at(path),
          problem: `${count} items`,
          expected: exact ? `exactly ${bound} items` : `${small ? 'at least' : 'at most'} ${bound} items`,
        });
      }
      if (issue.origin === 'string') {
        return new ScenarioError({
          ...at(path),
          problem: `text of length ${typeof input === 'string' ? input.length : '?'}`,
          expected: `${small ? 'at least' : 'at most'} ${bound} characters`,
        });
      }
      const op = small ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
      // `inPostWte: -20` unquoted is the number -20: perhaps meant as the change "-20".
      const place = at(path);
      const negative =
        small &&
        typeof input === 'number' &&
        input < 0 &&
        Number(bound) >= 0 &&
        !place.location.file.startsWith('--set') &&
        !changed.has(locationKey(place.location));
      return new ScenarioError({
        ...place,
        problem: `${show(input)} is ${small ? 'too small' : 'too large'}`,
        expected: `a number ${op} ${String(bound)}`,
        hint: negative ? `a change of the inherited value is written in quotes: '${input}'` : undefined,
      });
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      return new ScenarioError({
        ...at(path),
        problem: `${show(input)} is not allowed`,
        expected: values.length === 1 ? `'${values[0]}'` : `one of ${values.join(', ')}`,
        hint: typeof input === 'string' ? didYouMean(input, values) : undefined,
      });
    }
    case 'invalid_union': {
      const union = issue as z.core.$ZodIssueInvalidUnion & { discriminator?: string; options?: unknown[] };
      if (union.discriminator) {
        const options = (union.options ?? []).map(String);
        const value =
          typeof input === 'object' && input !== null
            ? (input as Record<string, unknown>)[union.discriminator]
            : input;
        return new ScenarioError({
          ...at(path),
          problem: `unknown ${union.discriminator} ${show(value)}`,
          expected: `${union.discriminator} one of ${options.join(', ')}`,
          hint: typeof value === 'string' ? didYouMean(value, options) : undefined,
        });
      }
      return new ScenarioError({
        ...at(path),
        problem: `got ${show(input)}`,
        expected: 'one of the allowed forms (see docs/scenarios.md)',
      });
    }
    case 'invalid_format':
      return new ScenarioError({
        ...at(path),
        problem: `${show(input)} is not valid`,
        expected: issue.message,
      });
    case 'not_multiple_of':
      return new ScenarioError({
        ...at(path),
        problem: `${show(input)}`,
        expected: `a multiple of ${String(issue.divisor)}`,
      });
    case 'custom': {
      const params = (issue.params ?? {}) as { expected?: string; hint?: string };
      return new ScenarioError({
        ...at(path),
        problem: issue.message,
        expected: params.expected ?? 'a valid value',
        hint: params.hint,
      });
    }
    default:
      return new ScenarioError({ ...at(path), problem: issue.message, expected: 'a valid value' });
  }
}
