/**
 * The expectation language of `carepool check` (docs/ci.md):
 *
 *   metric[:statistic][@scope] OP number               the mean of one arm
 *   diff(metric[:statistic][@scope], armA, armB) OP number   the paired difference A − B
 *
 * OP is one of < <= > >= (≤ ≥ also read). The number may end in % (76% is 0.76, for shares). An arm
 * is named as the runner names it, `variant/policy`, or by a policy id alone for the base scenario.
 * Parsing never runs anything; a mistake is an ExpectationSyntaxError naming the expectation.
 */
import type { MetricRef } from '@carepool/experiment';
import { UsageError } from '../errors.js';
import { parseMetricRef } from '../experiment/parse.js';

export type Comparison = '<' | '<=' | '>' | '>=';

/** One parsed expectation. `text` is what the user wrote, trimmed; `source` where it came from. */
export type Expectation =
  | {
      kind: 'value';
      text: string;
      source: string;
      ref: MetricRef;
      op: Comparison;
      threshold: number;
    }
  | {
      kind: 'diff';
      text: string;
      source: string;
      ref: MetricRef;
      /** Arm ids as the runner names them: `variant/policy`. */
      armA: string;
      armB: string;
      op: Comparison;
      threshold: number;
    };

/** A malformed expectation. The command turns it into a usage error (--expect) or an input error (a file). */
export class ExpectationSyntaxError extends Error {
  override readonly name = 'ExpectationSyntaxError';
}

const OPERATORS: readonly [string, Comparison][] = [
  ['<=', '<='],
  ['>=', '>='],
  ['≤', '<='],
  ['≥', '>='],
  ['<', '<'],
  ['>', '>'],
];

/**
 * Parses one expectation. `source` names where it came from in messages (`--expect`, or the file's
 * `expectations[2]`); `defaultScope` is `ics` for a system scenario, `network` for a network one.
 */
export function parseExpectation(text: string, source: string, defaultScope: string): Expectation {
  const trimmed = text.trim();
  const fail = (problem: string): never => {
    throw new ExpectationSyntaxError(`${source} '${trimmed}': ${problem}`);
  };
  const split = splitComparison(trimmed);
  if (split === undefined) {
    return fail(
      "expected 'metric[:statistic][@scope] OP number' or 'diff(metric, armA, armB) OP number' with OP one of < <= > >=",
    );
  }
  const threshold = parseNumber(split.right);
  if (threshold === undefined) return fail(`'${split.right}' is not a number (e.g. 0.76, 76%, -120, 1e3)`);
  const metricRef = (raw: string): MetricRef => {
    try {
      return parseMetricRef(raw, source, defaultScope);
    } catch (error) {
      if (error instanceof UsageError) return fail(error.message.slice(source.length + 2));
      throw error;
    }
  };
  const diff = /^diff\s*\((.*)\)$/s.exec(split.left);
  if (diff === null) {
    if (/[(),]/.test(split.left)) return fail('only diff(metric, armA, armB) takes parentheses or commas');
    return { kind: 'value', text: trimmed, source, ref: metricRef(split.left), op: split.op, threshold };
  }
  const parts = diff[1].split(',').map((p) => p.trim());
  if (parts.length !== 3 || parts.some((p) => p === '')) {
    return fail('diff takes three arguments: diff(metric, armA, armB), the difference being A − B');
  }
  const [metric, a, b] = parts;
  const armA = armName(a, fail);
  const armB = armName(b, fail);
  if (armA === armB) return fail(`diff compares an arm with itself ('${armA}')`);
  return { kind: 'diff', text: trimmed, source, ref: metricRef(metric), armA, armB, op: split.op, threshold };
}

/** `variant/policy` as given, or a policy id alone meaning `base/policy`. */
function armName(raw: string, fail: (problem: string) => never): string {
  if (!/^[\w.-]+(\/[\w.-]+)?$/.test(raw)) {
    return fail(`'${raw}' is not an arm name; expected variant/policy (e.g. base/systemBank) or a policy id`);
  }
  return raw.includes('/') ? raw : `base/${raw}`;
}

/** The first comparison operator outside parentheses: left side, operator, right side. */
function splitComparison(text: string): { left: string; op: Comparison; right: string } | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (depth !== 0) continue;
    const found = OPERATORS.find(([symbol]) => text.startsWith(symbol, i));
    if (found === undefined) continue;
    const left = text.slice(0, i).trim();
    const right = text.slice(i + found[0].length).trim();
    if (left === '' || right === '' || /[<>≤≥=]/.test(right)) return undefined;
    return { left, op: found[1], right };
  }
  return undefined;
}

/** A decimal number (sign, exponent allowed), or a percentage: `76%` is 0.76. */
function parseNumber(raw: string): number | undefined {
  const percent = raw.endsWith('%');
  const body = (percent ? raw.slice(0, -1) : raw).trim().replace(/^−/, '-');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(body)) return undefined;
  const value = Number(body);
  return percent ? value / 100 : value;
}
