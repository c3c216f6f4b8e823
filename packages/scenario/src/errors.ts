/**
 * The one error type the scenario loader throws. Every problem in a scenario file, a CSV file beside
 * it or a `--set` override becomes exactly one `ScenarioError` whose message is a single line:
 * `<file>:<line>:<col>: <fieldPath>: <what was wrong>; expected <what>` (plus a did-you-mean).
 */
import type { SourceLocation } from './location.js';
import { RelativeChange } from './relative.js';

export class ScenarioError extends Error {
  /** The scenario, CSV or `--set` source the problem is in. */
  readonly file: string;
  /** 1-based line, where known. */
  readonly line?: number;
  /** 1-based column, where known. */
  readonly column?: number;
  /** Path of the offending field in the `--set` path syntax, e.g. `workforce.staffPools[trustA.wardRn].establishmentWte` (`` for the whole file). */
  readonly fieldPath: string;
  /** What would have been accepted. */
  readonly expected: string;
  /** What was wrong, without location or expectation (the middle part of the message). */
  readonly problem: string;

  constructor(args: {
    location: SourceLocation;
    fieldPath: string;
    problem: string;
    expected: string;
    hint?: string;
  }) {
    const { location, fieldPath, problem, expected, hint } = args;
    const where =
      location.line !== undefined
        ? `${location.file}:${location.line}:${location.column ?? 1}`
        : location.file;
    const field = fieldPath === '' ? '(file)' : fieldPath;
    const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');
    // A last guard: no part of a message may quote a whole file or value back at the user.
    const cap = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
    super(
      oneLine(
        `${cap(where, 300)}: ${cap(field, 120)}: ${cap(problem, MAX_PROBLEM_CHARS)}; expected ${cap(expected, MAX_EXPECTED_CHARS)}${hint ? ` (${cap(hint, 200)})` : ''}`,
      ),
    );
    this.name = 'ScenarioError';
    this.file = location.file;
    this.line = location.line;
    this.column = location.line !== undefined ? (location.column ?? 1) : location.column;
    this.fieldPath = fieldPath;
    this.expected = expected;
    this.problem = problem;
  }
}

/** Longest `problem` part of a message, characters. */
const MAX_PROBLEM_CHARS = 300;
/** Longest `expected` part (a list of known field names can be long), characters. */
const MAX_EXPECTED_CHARS = 600;
/** Longest quoted value in a message, characters. */
export const MAX_SNIPPET_CHARS = 60;

/** Text cut to at most `max` characters (of its first line), for quoting without quotes. */
export function clip(text: string, max = MAX_SNIPPET_CHARS): string {
  const firstLine = text.split(/\r?\n/)[0];
  return firstLine.length > max || firstLine !== text ? `${firstLine.slice(0, max)}…` : text;
}

/** A path cut to MAX_SNIPPET_CHARS from its start, so the file's own name always shows. */
export function clipPath(path: string, max = MAX_SNIPPET_CHARS): string {
  const firstLine = path.split(/\r?\n/)[0];
  return firstLine.length > max ? `…${firstLine.slice(firstLine.length - max)}` : firstLine;
}

/**
 * A value as a message may quote it: text in quotes, cut to MAX_SNIPPET_CHARS; a list or mapping
 * named, never printed (and never as "[object Object]").
 */
export function snippet(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value instanceof RelativeChange) return `the change ${JSON.stringify(clip(value.text))}`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(clip(value));
  return String(value);
}

/** Edit distance, for did-you-mean hints. */
export function editDistance(a: string, b: string): number {
  const al = a.toLowerCase();
  const bl = b.toLowerCase();
  let previous = Array.from({ length: bl.length + 1 }, (_, j) => j);
  for (let i = 1; i <= al.length; i++) {
    const current = [i];
    for (let j = 1; j <= bl.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (al[i - 1] === bl[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[bl.length];
}

/** `did you mean 'x'?` for the closest candidate within a third of the word's length, else undefined. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(2, Math.ceil(word.length / 3));
  return bestDistance <= allowed ? `did you mean '${best}'?` : undefined;
}
