/**
 * The one error type the scenario loader throws. Every problem in a scenario file, a CSV file beside
 * it or a `--set` override becomes exactly one `ScenarioError` whose message is a single line:
 * `<file>:<line>:<col>: <fieldPath>: <what was wrong>; expected <what>` (plus a did-you-mean).
 */

/** Where in which file a value came from. `line` and `column` are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

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
    super(oneLine(`${where}: ${field}: ${problem}; expected ${expected}${hint ? ` (${hint})` : ''}`));
    this.name = 'ScenarioError';
    this.file = location.file;
    this.line = location.line;
    this.column = location.line !== undefined ? (location.column ?? 1) : location.column;
    this.fieldPath = fieldPath;
    this.expected = expected;
    this.problem = problem;
  }
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
