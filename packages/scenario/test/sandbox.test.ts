/**
 * The expression sandbox refuses every attack for a stated reason, layer by layer, so that weakening
 * one layer breaks a test even when another layer would still refuse:
 *   1. the parser (syntax),
 *   2. the tree check: only numbers, the file's constants, arithmetic operators and whitelisted
 *      functions (adding `evaluate` to the whitelist turns its refusal message into layer 3's),
 *   3. the mathjs instance itself: functions that reach code or the parser throw when called,
 *   4. the result: a finite number.
 */
import path from 'node:path';
import { parseScenarioText } from '@carepool/scenario';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_FUNCTIONS,
  DISABLED_FUNCTIONS,
  ExpressionProblem,
  evaluateExpression,
} from '../src/expressions.js';
import { errorOf } from './helpers.js';

const refusal = (text: string, testing = {}) => {
  try {
    evaluateExpression(text, { base: 1 }, testing);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionProblem);
    return (error as Error).message;
  }
  throw new Error(`'${text}' was evaluated`);
};

describe('layer 2: the tree check refuses, naming what it refused', () => {
  it.each([
    ['= import({}, {})', "the function 'import' is not allowed in an expression"],
    ['= evaluate("1")', "the function 'evaluate' is not allowed in an expression"],
    ['= parse("1")', "the function 'parse' is not allowed in an expression"],
    ['= compile("1")', "the function 'compile' is not allowed in an expression"],
    ['= createUnit("x")', "the function 'createUnit' is not allowed in an expression"],
    ['= simplify("x")', "the function 'simplify' is not allowed in an expression"],
    ['= e(1)', "the function 'e' is not allowed in an expression"],
    ['= f(x) = x', 'a FunctionAssignment construct is not allowed in an expression'],
    ['= x = 2', 'an Assignment construct is not allowed in an expression'],
    ['= cos.constructor', 'an Accessor construct is not allowed in an expression'],
    ['= base.constructor', 'an Accessor construct is not allowed in an expression'],
    ['= [1][1]', 'an Accessor construct is not allowed in an expression'],
    ['= {a: 1}.a', 'an Accessor construct is not allowed in an expression'],
    ['= [1, 2]', 'an Array construct is not allowed in an expression'],
    ['= 1; 2', 'a Block construct is not allowed in an expression'],
    ['= (1 > 0) ? 1 : 0', 'a Conditional construct is not allowed in an expression'],
    ['= 1 == 1', "the operator '==' is not allowed in an expression"],
    ['= "1"', 'the constant "1" is not allowed in an expression'],
    ['= 5 cm', "unknown name 'cm' (constants: base, pi, e)"],
    ['= reviver', "unknown name 'reviver' (constants: base, pi, e)"],
    ['= max', "unknown name 'max' (constants: base, pi, e)"],
  ])('%s: %s', (text, message) => {
    expect(refusal(text)).toBe(message);
  });

  it('the whitelist holds pure numeric functions only, none of the disabled ones', () => {
    for (const name of DISABLED_FUNCTIONS) expect(ALLOWED_FUNCTIONS as readonly string[]).not.toContain(name);
    expect(evaluateExpression('= max(1, 3) + round(pi) + log10(100)', {})).toBe(8);
  });
});

describe('layer 3: the mathjs instance refuses even what the whitelist lets through', () => {
  it.each(DISABLED_FUNCTIONS.map((name) => [name]))('%s is disabled on the instance', (name) => {
    const message = refusal(`= ${name}(1)`, { extraFunctions: [name] });
    expect(message).toBe(`cannot evaluate expression: ${name} is disabled in scenario expressions`);
  });
});

describe('layers 1 and 4: syntax and the result', () => {
  it.each([
    ['= cos.constructor("return process")()', 'cannot parse expression: Value expected (char 36)'],
    ['= 1 +', 'cannot parse expression: Unexpected end of expression (char 5)'],
    ['= 1/0', 'expression gives Infinity'],
    ['= sqrt(-1)', 'expression gives a non-number'],
    [`= ${'1+'.repeat(300)}1`, 'expression longer than 500 characters'],
  ])('%s: %s', (text, message) => {
    expect(refusal(text)).toBe(message);
  });
});

describe('in a scenario file', () => {
  it('the refusal reaches the user located, with its reason', () => {
    const text = `kind: network\nname: n\ndurationHours: 1\nwarmupHours: 0\narrivals: [{ stationId: a, ratePerHour: 1 }]\nstations: [{ id: a, servers: '= evaluate("1")', serviceHours: { kind: exponential, mean: 1 } }]\n`;
    const error = errorOf(() => parseScenarioText(text, path.resolve('n.yaml')));
    expect(error.fieldPath).toBe('stations[a].servers');
    expect(error.line).toBe(6);
    expect(error.problem).toBe("the function 'evaluate' is not allowed in an expression");
  });
});
