/** Turns zod issues into one ScenarioError: the most telling issue, located in the source files. */
import type { z } from 'zod';
import { clip, didYouMean, ScenarioError, snippet } from './errors.js';
import { locationKey, type SourceLocation } from './location.js';
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

type Issue = z.core.$ZodIssue;
type Key = string | number;
type Place = { location: SourceLocation; fieldPath: string };
/** What an issue says, to be placed at its field. */
type Message = { problem: string; expected: string; hint?: string };

export function scenarioErrorFromIssues(
  issues: readonly Issue[],
  tree: unknown,
  fallback: SourceLocation,
  /** Locations (locationKey) of values that relative changes gave: written as changes already. */
  changed: ReadonlySet<string> = new Set(),
): ScenarioError {
  const issue = mostTelling(issues);
  const path = issue.path.filter((k): k is Key => typeof k !== 'symbol');
  const at = (p: Key[]): Place => ({ location: locate(tree, p, fallback), fieldPath: formatPath(tree, p) });
  if (issue.code === 'unrecognized_keys') {
    // Placed at the unknown key itself, not at the mapping that has it.
    const key = issue.keys[0];
    const [hint, known] = issue.message.split(FIELD_LIST_SEPARATOR);
    return new ScenarioError({
      ...at([...path, key]),
      problem: `unknown field '${clip(key)}'`,
      expected: known ? `one of the fields ${known}` : 'a known field',
      hint: hint || undefined,
    });
  }
  const place = at(path);
  return new ScenarioError({ ...place, ...messageOf(issue, path, place, changed) });
}

function messageOf(issue: Issue, path: Key[], place: Place, changed: ReadonlySet<string>): Message {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (input === undefined)
        return { problem: `missing required field '${String(path[path.length - 1])}'`, expected };
      return { problem: `got ${show(input)}`, expected };
    }
    case 'too_small':
    case 'too_big':
      return outOfBounds(issue, input, place, changed);
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      return {
        problem: `${show(input)} is not allowed`,
        expected: values.length === 1 ? `'${values[0]}'` : `one of ${values.join(', ')}`,
        hint: typeof input === 'string' ? didYouMean(input, values) : undefined,
      };
    }
    case 'invalid_union':
      return invalidUnion(issue, input);
    case 'invalid_format':
      return { problem: `${show(input)} is not valid`, expected: issue.message };
    case 'not_multiple_of':
      return { problem: `${show(input)}`, expected: `a multiple of ${String(issue.divisor)}` };
    case 'custom': {
      const params = (issue.params ?? {}) as { expected?: string; hint?: string };
      return { problem: issue.message, expected: params.expected ?? 'a valid value', hint: params.hint };
    }
    default:
      return { problem: issue.message, expected: 'a valid value' };
  }
}

/** Too few or many items, too short or long a text, or a number out of its range. */
function outOfBounds(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  input: unknown,
  place: Place,
  changed: ReadonlySet<string>,
): Message {
  const small = issue.code === 'too_small';
  const bound = small
    ? (issue as z.core.$ZodIssueTooSmall).minimum
    : (issue as z.core.$ZodIssueTooBig).maximum;
  const inclusive = issue.inclusive !== false;
  const exact = (issue as { exact?: boolean }).exact;
  if (issue.origin === 'array' || issue.origin === 'set') {
    const count = Array.isArray(input) ? input.length : '?';
    return {
      problem: `${count} items`,
      expected: exact ? `exactly ${bound} items` : `${small ? 'at least' : 'at most'} ${bound} items`,
    };
  }
  if (issue.origin === 'string') {
    return {
      problem: `text of length ${typeof input === 'string' ? input.length : '?'}`,
      expected: `${small ? 'at least' : 'at most'} ${bound} characters`,
    };
  }
  const op = small ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
  // `inPostWte: -20` unquoted is the number -20: perhaps meant as the change "-20".
  const negative =
    small &&
    typeof input === 'number' &&
    input < 0 &&
    Number(bound) >= 0 &&
    !place.location.file.startsWith('--set') &&
    !changed.has(locationKey(place.location));
  return {
    problem: `${show(input)} is ${small ? 'too small' : 'too large'}`,
    expected: `a number ${op} ${String(bound)}`,
    hint: negative ? `a change of the inherited value is written in quotes: '${input}'` : undefined,
  };
}

/** A value none of a union's forms accept; for a discriminated union, the unknown discriminator. */
function invalidUnion(issue: z.core.$ZodIssueInvalidUnion, input: unknown): Message {
  const union = issue as z.core.$ZodIssueInvalidUnion & { discriminator?: string; options?: unknown[] };
  if (!union.discriminator)
    return { problem: `got ${show(input)}`, expected: 'one of the allowed forms (see docs/scenarios.md)' };
  const options = (union.options ?? []).map(String);
  const value =
    typeof input === 'object' && input !== null
      ? (input as Record<string, unknown>)[union.discriminator]
      : input;
  return {
    problem: `unknown ${union.discriminator} ${show(value)}`,
    expected: `${union.discriminator} one of ${options.join(', ')}`,
    hint: typeof value === 'string' ? didYouMean(value, options) : undefined,
  };
}
