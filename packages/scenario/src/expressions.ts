/**
 * Numeric expressions in scenario files: a string that starts with `=` (as in a spreadsheet), e.g.
 * `"= base * 1.054 ^ years"`. Evaluated once at load with mathjs, sandboxed: the mathjs instance has
 * its code-reaching functions replaced by ones that throw, and before anything is evaluated the parsed
 * tree is walked so that only numbers, the scenario's own constants, arithmetic operators and a
 * whitelist of pure math functions are allowed. A scenario file can never run code.
 */
import { all, create, type MathNode } from 'mathjs';
import { clip, snippet } from './errors.js';

const math = create(all, { number: 'number' });
// Keep our own handle on parse before the public one is disabled.
const parse = math.parse;

/** mathjs functions that reach code or the parser: replaced by ones that throw (the second layer). */
export const DISABLED_FUNCTIONS = [
  'import',
  'createUnit',
  'evaluate',
  'parse',
  'compile',
  'simplify',
  'derivative',
  'resolve',
  'reviver',
] as const;
const disabled = (name: string) => () => {
  throw new Error(`${name} is disabled in scenario expressions`);
};
math.import(Object.fromEntries(DISABLED_FUNCTIONS.map((name) => [name, disabled(name)])), {
  override: true,
});

/** Pure numeric functions an expression may call. */
export const ALLOWED_FUNCTIONS = [
  'abs',
  'ceil',
  'floor',
  'round',
  'fix',
  'sqrt',
  'cbrt',
  'exp',
  'log',
  'log10',
  'log2',
  'pow',
  'min',
  'max',
  'mod',
] as const;
const allowedFunctions = new Set<string>(ALLOWED_FUNCTIONS);
/** Named constants always available. */
const BUILTIN_CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };
const ALLOWED_OPERATORS = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'unaryMinus',
  'unaryPlus',
  'mod',
]);
const MAX_EXPRESSION_LENGTH = 500;

/** Why an expression was refused or failed: the message for a ScenarioError. */
export class ExpressionProblem extends Error {}

/** Whether a file value is an expression (a string starting with `=`). */
export function isExpression(value: unknown): value is string {
  return typeof value === 'string' && value.trimStart().startsWith('=');
}

/**
 * Evaluates an expression string (with its leading `=`) against named constants. Throws
 * ExpressionProblem naming what was refused.
 */
export function evaluateExpression(
  text: string,
  constants: Readonly<Record<string, number>>,
  /** Test-only: functions the tree check lets through beyond the whitelist, to test the layer behind it. */
  testing: { extraFunctions?: readonly string[] } = {},
): number {
  const source = text.trimStart().slice(1);
  if (source.length > MAX_EXPRESSION_LENGTH)
    throw new ExpressionProblem(`expression longer than ${MAX_EXPRESSION_LENGTH} characters`);
  let node: MathNode;
  try {
    node = parse(source);
  } catch (error) {
    throw new ExpressionProblem(`cannot parse expression: ${clip(String((error as Error)?.message))}`);
  }
  const allowed = testing.extraFunctions
    ? new Set([...allowedFunctions, ...testing.extraFunctions])
    : allowedFunctions;
  checkNode(node, constants, allowed);
  const scope = new Map<string, number>(Object.entries({ ...BUILTIN_CONSTANTS, ...constants }));
  let value: unknown;
  try {
    value = node.compile().evaluate(scope);
  } catch (error) {
    throw new ExpressionProblem(`cannot evaluate expression: ${clip(String((error as Error)?.message))}`);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ExpressionProblem(
      `expression gives ${typeof value === 'number' ? String(value) : 'a non-number'}`,
    );
  }
  return value;
}

function checkNode(
  node: MathNode,
  constants: Readonly<Record<string, number>>,
  allowed: ReadonlySet<string>,
): void {
  const refuse = (what: string) => {
    throw new ExpressionProblem(`${what} is not allowed in an expression`);
  };
  const visit = (n: MathNode): void => {
    switch (n.type) {
      case 'ConstantNode': {
        const value = (n as unknown as { value: unknown }).value;
        if (typeof value !== 'number') refuse(`the constant ${snippet(value)}`);
        return;
      }
      case 'SymbolNode': {
        const name = (n as unknown as { name: string }).name;
        if (!Object.hasOwn(constants, name) && !Object.hasOwn(BUILTIN_CONSTANTS, name)) {
          const known = [...Object.keys(constants), ...Object.keys(BUILTIN_CONSTANTS)];
          throw new ExpressionProblem(`unknown name '${name}' (constants: ${known.join(', ')})`);
        }
        return;
      }
      case 'ParenthesisNode':
        visit((n as unknown as { content: MathNode }).content);
        return;
      case 'OperatorNode': {
        const op = n as unknown as { fn: string; op: string; args: MathNode[] };
        if (!ALLOWED_OPERATORS.has(op.fn)) refuse(`the operator '${op.op}'`);
        op.args.forEach(visit);
        return;
      }
      case 'FunctionNode': {
        const fn = n as unknown as { fn: MathNode; args: MathNode[] };
        if (fn.fn.type !== 'SymbolNode') refuse('calling a computed function');
        const name = (fn.fn as unknown as { name: string }).name;
        if (!allowed.has(name)) refuse(`the function '${name}'`);
        if (fn.args.length > 50) refuse('more than 50 arguments');
        fn.args.forEach(visit);
        return;
      }
      default: {
        const what = n.type.replace(/Node$/, '');
        refuse(`${/^[AEIOU]/.test(what) ? 'an' : 'a'} ${what} construct`);
      }
    }
  };
  visit(node);
}
