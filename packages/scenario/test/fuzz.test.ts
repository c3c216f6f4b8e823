/**
 * Property: no input makes the loader throw anything but a ScenarioError with a one-line message —
 * random YAML-ish text, and random mutations of a valid scenario. Bounded runs with a fixed seed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenarioText, ScenarioError } from '@carepool/scenario';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const miniText = readFileSync(path.join(root, 'scenarios/test/mini-ics.yaml'), 'utf8');
const networkText = readFileSync(path.join(root, 'scenarios/textbook/jackson-feedback.yaml'), 'utf8');

function loadsOrFailsCleanly(text: string, overrides: string[] = []): void {
  try {
    parseScenarioText(text, 'fuzz.yaml', { overrides, readFile: () => miniText });
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain('; expected ');
    expect(error.message).not.toContain('internal error');
  }
}

const yamlishChars = fc.constantFrom(...'abc:{}[]-,#&*!|>\'"%=@`\n  \t0123.5e+-_'.split(''));
const yamlish = fc.array(yamlishChars, { maxLength: 120 }).map((cs) => cs.join(''));

/** A random edit at a random place of a parsed scenario: a new value of a random kind. */
const anyValue = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(-1, 0, 1e12, Number.NaN, Number.POSITIVE_INFINITY, 0.5, 2),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('= 1 + x', '= import(1)', '10%', '+5', '*2', 'trustB', '', '__proto__'),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.integer(), { maxKeys: 3 }),
);

function mutate(tree: unknown, choices: number[], value: unknown): unknown {
  let node = tree as Record<string | number, unknown>;
  for (const choice of choices) {
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[choice % keys.length];
    const child = node[key];
    if (typeof child !== 'object' || child === null || choice % 5 === 0) {
      node[key] = value;
      return tree;
    }
    node = child as Record<string | number, unknown>;
  }
  if (Array.isArray(node)) node.push(value);
  else node.extra = value;
  return tree;
}

describe('loader fuzzing', () => {
  it('random YAML-ish text gives a value or a ScenarioError', () => {
    fc.assert(
      fc.property(yamlish, (text) => loadsOrFailsCleanly(text)),
      { numRuns: 400, seed: 42 },
    );
  });

  it('random mutations of valid scenarios give a value or a ScenarioError', () => {
    const mini = parse(miniText);
    const network = parse(networkText);
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 6 }),
        anyValue,
        (useNetwork, choices, value) => {
          const tree = structuredClone(useNetwork ? network : mini);
          loadsOrFailsCleanly(stringify(mutate(tree, choices, value)));
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  it('random --set overrides give a value or a ScenarioError', () => {
    const paths = fc.constantFrom(
      'workforce.staffPools[trustA.wardRn].establishmentWte',
      'workforce.staffPools[nope].x',
      'emergencyDepartments[0].cubicles',
      'workforce.policy',
      'surges',
      'a..b',
      '[x]',
      'name',
      '__proto__.polluted',
      'workforce.__proto__.polluted',
      'constructor.prototype.polluted',
      'workforce.staffPools[0].constructor.prototype.polluted',
      'workforce.toString',
    );
    const values = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom('+10%', '-5%', '*1.2', '+25', '=current*2', '[1', '{a: 1}', '1e400'),
    );
    const extendsMini = 'extends: ./mini.yaml\n';
    fc.assert(
      fc.property(paths, values, (p, v) => {
        loadsOrFailsCleanly(extendsMini, [`${p}=${v}`]);
        // The same paths as a sweep in the file.
        loadsOrFailsCleanly(
          `${extendsMini}sweep: { parameters: [{ path: ${JSON.stringify(p)}, values: [1] }] }\n`,
        );
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 80, seed: 3 },
    );
  });
});
