/**
 * Property: no input makes the loader throw anything but a ScenarioError with a one-line message —
 * random YAML-ish text, and random mutations of a valid scenario — and whatever it accepts, the model
 * can run: every accepted mutant runs a few simulated days without a model error. Bounded runs with
 * fixed seeds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSystem } from '@carepool/model';
import { runNetwork } from '@carepool/network';
import { type LoadedScenario, parseScenarioText, ScenarioError } from '@carepool/scenario';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const miniText = readFileSync(path.join(root, 'scenarios/test/mini-ics.yaml'), 'utf8');
const networkText = readFileSync(path.join(root, 'scenarios/textbook/jackson-feedback.yaml'), 'utf8');

/** Reads `extends` as the mini ICS (any name), or from disk beside scenarios/test/ (its CSV data). */
const asMini = () => miniText;
const fromDisk = (p: string) => readFileSync(p, 'utf8');

function loadsOrFailsCleanly(
  text: string,
  overrides: string[] = [],
  where: { file: string; readFile: (p: string) => string } = { file: 'fuzz.yaml', readFile: asMini },
): LoadedScenario | undefined {
  try {
    return parseScenarioText(text, where.file, { overrides, readFile: where.readFile });
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain('; expected ');
    expect(error.message).not.toContain('internal error');
    expect(error.message).not.toContain('[object Object]');
    expect(error.message.length).toBeLessThan(1200);
    return undefined;
  }
}

/** Runs a loaded scenario briefly: 3 simulated days of a system, a few thousand network arrivals. */
function runsBriefly(loaded: LoadedScenario): void {
  if (loaded.kind === 'system') {
    runSystem({ ...loaded.config, durationDays: 3, warmupDays: 0 }, { seed: 1, replication: 0 });
    return;
  }
  const ratePerHour = loaded.config.arrivals.reduce((sum, a) => sum + a.ratePerHour, 0);
  const durationHours = Math.min(10, 5000 / ratePerHour);
  runNetwork({ ...loaded.config, durationHours, warmupHours: 0 }, { seed: 1, replication: 0 });
}

type Path = (string | number)[];

/** Every path to a number, and to a list, in a parsed scenario. */
function leaves(tree: unknown): { numbers: Path[]; lists: Path[]; fields: Path[] } {
  const out = { numbers: [] as Path[], lists: [] as Path[], fields: [] as Path[] };
  const visit = (node: unknown, at: Path) => {
    if (typeof node === 'number') out.numbers.push(at);
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      if (node.length > 0) out.lists.push(at);
      for (const [i, item] of node.entries()) visit(item, [...at, i]);
    } else {
      for (const [key, value] of Object.entries(node)) {
        out.fields.push([...at, key]);
        visit(value, [...at, key]);
      }
    }
  };
  visit(tree, []);
  return out;
}

function at(tree: unknown, p: Path): unknown {
  return p.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], tree);
}

/** Structural and numeric edits of a valid scenario: a number set to an edge value, an item or a field removed. */
type Edit =
  | { kind: 'number'; which: number; value: number | 'sibling' | { times: number } }
  | { kind: 'removeItem'; which: number; index: number }
  | { kind: 'removeField'; which: number };

function applyEdit(tree: unknown, edit: Edit): void {
  const found = leaves(tree);
  if (edit.kind === 'number') {
    const p = found.numbers[edit.which % found.numbers.length];
    const parent = at(tree, p.slice(0, -1)) as Record<string | number, unknown>;
    const key = p[p.length - 1];
    let value = edit.value;
    if (value === 'sibling') {
      // Another number of the same mapping: makes min = mode = max, mean = sd, ...
      const siblings = Object.values(parent).filter((v): v is number => typeof v === 'number');
      value = siblings[edit.which % siblings.length];
    } else if (typeof value === 'object') {
      value = (parent[key] as number) * value.times;
    }
    parent[key] = value;
  } else if (edit.kind === 'removeItem') {
    const list = at(tree, found.lists[edit.which % found.lists.length]) as unknown[];
    list.splice(edit.index % list.length, 1);
  } else {
    const p = found.fields[edit.which % found.fields.length];
    delete (at(tree, p.slice(0, -1)) as Record<string, unknown>)[p[p.length - 1] as string];
  }
}

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('number' as const),
      which: fc.nat(100_000),
      value: fc.oneof(
        fc.constantFrom(0, 1, 0.5, 2, 1e-9, 24, 100, 'sibling' as const),
        fc.double({ min: 0, max: 1e4 }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('removeItem' as const),
      which: fc.nat(100_000),
      index: fc.nat(100),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeField' as const), which: fc.nat(100_000) }) },
);

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
      fc.property(yamlish, (text) => {
        loadsOrFailsCleanly(text);
      }),
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

  it('every accepted mutant runs a few simulated days without a model error', { timeout: 30_000 }, () => {
    const mini = parse(miniText);
    const network = parse(networkText);
    let accepted = 0;
    fc.assert(
      fc.property(fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 2 }), (useNetwork, edits) => {
        const tree = structuredClone(useNetwork ? network : mini);
        for (const e of edits) applyEdit(tree, e);
        const file = path.join(root, 'scenarios/test/fuzz.yaml');
        const loaded = loadsOrFailsCleanly(stringify(tree), [], { file, readFile: fromDisk });
        if (!loaded) return undefined;
        accepted++;
        try {
          runsBriefly(loaded);
        } catch (error) {
          throw new Error(`accepted, then failed to run: ${(error as Error).message}`);
        }
      }),
      { numRuns: 500, seed: 11 },
    );
    expect(accepted).toBeGreaterThan(200);
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
