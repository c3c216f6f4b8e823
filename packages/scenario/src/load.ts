/**
 * The loading pipeline: text → located tree → `extends` merged → CSV data read → constants,
 * percentages and expressions evaluated → staff pool profiles expanded → validated by zod into the
 * model's SystemConfig or NetworkConfig → `--set` overrides applied and validated → sweep checked →
 * hashed. Every failure is one ScenarioError.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NetworkConfig, SystemConfig } from '@carepool/model';
import type { z } from 'zod';
import { resolveCsvReferences } from './csv.js';
import { didYouMean, ScenarioError, type SourceLocation } from './errors.js';
import { scenarioErrorFromIssues } from './issues.js';
import { mergeTrees } from './merge.js';
import { applyOverrides, type Override, parseOverride } from './overrides.js';
import { formatPath, parsePath } from './paths.js';
import {
  descriptionSchema,
  extendsSchema,
  MAX_SWEEP_POINTS,
  MAX_SWEEP_VALUES,
  schemaReferenceSchema,
  sweepSchema,
} from './schema/document.js';
import { networkConfigSchema } from './schema/network.js';
import { systemConfigSchema } from './schema/system.js';
import {
  copyLocations,
  isTreeObject,
  locate,
  locationOf,
  parseYamlTree,
  type Tree,
  type TreeObject,
} from './source.js';
import type { FileReader, LoadedScenario, LoadOptions, ParseOptions, SweepSpec } from './types.js';
import { evaluateConstants, resolveNumbers } from './values.js';

const MAX_EXTENDS_DEPTH = 20;
const MAX_TEXT_LENGTH = 20_000_000;
/** Fields of a file that are not part of the resolved configuration. */
const FILE_ONLY_FIELDS = ['$schema', 'extends', 'description', 'constants', 'sweep'] as const;

const readFromDisk: FileReader = (absolutePath) => readFileSync(absolutePath, 'utf8');

/** Loads, validates and resolves a scenario file (YAML or JSON). Throws only ScenarioError. */
export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  let text: string;
  try {
    text = readFromDisk(path.resolve(file));
  } catch (error) {
    throw new ScenarioError({
      location: { file },
      fieldPath: '',
      problem: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      expected: 'an existing scenario file (.yaml, .yml or .json)',
    });
  }
  return parseScenarioText(text, file, { ...options, readFile: readFromDisk });
}

/**
 * Validates and resolves scenario text. `file` names it in errors and anchors relative paths;
 * `extends` and CSV files are read only through `options.readFile`. Throws only ScenarioError.
 */
export function parseScenarioText(text: string, file: string, options: ParseOptions = {}): LoadedScenario {
  try {
    return parseUnguarded(text, file, options);
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    // A bug of ours must still reach the user as one located message, never as a raw stack.
    throw new ScenarioError({
      location: { file },
      fieldPath: '',
      problem: `internal error while loading: ${(error as Error)?.message ?? String(error)}`,
      expected: 'a loadable scenario (please report this)',
    });
  }
}

function parseUnguarded(text: string, file: string, options: ParseOptions): LoadedScenario {
  const overrides = (options.overrides ?? []).map(parseOverride);
  const tree = readTree(text, file, options.readFile, [path.resolve(file)]);
  const fallback: SourceLocation = { file };

  const kind = tree.kind ?? 'system';
  if (kind !== 'system' && kind !== 'network') {
    throw new ScenarioError({
      location: locationOf(tree, 'kind') ?? fallback,
      fieldPath: 'kind',
      problem: `unknown kind ${JSON.stringify(kind)}`,
      expected: 'system or network',
      hint: typeof kind === 'string' ? didYouMean(kind, ['system', 'network']) : undefined,
    });
  }
  tree.kind = kind;
  checkPart(tree, '$schema', schemaReferenceSchema, fallback);
  checkPart(tree, 'description', descriptionSchema, fallback);
  resolveCsvReferences(tree, options.readFile);
  const constants = evaluateConstants(tree, file);
  resolveNumbers(tree, constants, file);
  checkPart(tree, 'sweep', sweepSchema, fallback);

  const configTree: TreeObject = { ...tree };
  copyLocations(tree, configTree);
  for (const field of FILE_ONLY_FIELDS) delete configTree[field];

  if (kind === 'network') {
    if (tree.sweep !== undefined) {
      throw new ScenarioError({
        location: locationOf(tree, 'sweep') ?? fallback,
        fieldPath: 'sweep',
        problem: 'a sweep in a network scenario',
        expected: 'sweeps only in system scenarios',
      });
    }
    const parsed = validate(networkConfigSchema, configTree, fallback);
    const config = applyOverrides(parsed, overrides, constants);
    return { kind: 'network', config, file, hash: hashOf({ config }) };
  }

  expandPoolProfiles(configTree, fallback);
  const parsed = validate(systemConfigSchema, configTree, fallback);
  const config = applyOverrides(parsed, overrides, constants);
  const sweep = tree.sweep === undefined ? undefined : checkSweep(tree, config, constants, fallback);
  return sweep
    ? { kind: 'system', config, file, sweep, hash: hashOf({ config, sweep }) }
    : { kind: 'system', config, file, hash: hashOf({ config }) };
}

/** Parses one file and, recursively, the files it extends; returns the merged tree. */
function readTree(text: string, file: string, readFile: FileReader | undefined, chain: string[]): TreeObject {
  if (text.length > MAX_TEXT_LENGTH) {
    throw new ScenarioError({
      location: { file },
      fieldPath: '',
      problem: `${text.length} characters`,
      expected: `a file of at most ${MAX_TEXT_LENGTH} characters`,
    });
  }
  const tree = parseYamlTree(text, file) as TreeObject;
  if (tree.extends === undefined) return tree;
  const location = locationOf(tree, 'extends') ?? { file };
  const result = extendsSchema.safeParse(tree.extends, { reportInput: true });
  if (!result.success)
    throw scenarioErrorFromIssues(
      result.error.issues.map((i) => ({ ...i, path: ['extends', ...i.path] })),
      tree,
      { file },
    );
  const target = result.data;
  const display = path.isAbsolute(target) ? target : path.normalize(path.join(path.dirname(file), target));
  const absolute = path.resolve(path.dirname(path.resolve(file)), target);
  if (chain.includes(absolute)) {
    const names = [...chain, absolute].map((p) => path.basename(p)).join(' -> ');
    throw new ScenarioError({
      location,
      fieldPath: 'extends',
      problem: `extends cycle ${names}`,
      expected: 'a chain of extends that ends in a file without extends',
    });
  }
  if (chain.length > MAX_EXTENDS_DEPTH) {
    throw new ScenarioError({
      location,
      fieldPath: 'extends',
      problem: `more than ${MAX_EXTENDS_DEPTH} levels of extends`,
      expected: 'a shorter chain',
    });
  }
  let baseText: string;
  try {
    if (!readFile) throw new Error('reading other files is disabled here');
    baseText = readFile(absolute);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : (error as Error).message.split('\n')[0];
    throw new ScenarioError({
      location,
      fieldPath: 'extends',
      problem: `cannot read '${display}' (${reason})`,
      expected: 'the path of an existing scenario file, relative to this file',
    });
  }
  const base = readTree(baseText, display, readFile, [...chain, absolute]);
  const variant: TreeObject = { ...tree };
  copyLocations(tree, variant);
  delete variant.extends;
  return mergeTrees(base, variant) as TreeObject;
}

/** Validates one file-only part in place. */
function checkPart(tree: TreeObject, field: string, schema: z.ZodType, fallback: SourceLocation): void {
  if (tree[field] === undefined) return;
  const result = schema.safeParse(tree[field], { reportInput: true });
  if (!result.success) {
    throw scenarioErrorFromIssues(
      result.error.issues.map((i) => ({ ...i, path: [field, ...i.path] })),
      tree,
      fallback,
    );
  }
}

function validate<T>(schema: z.ZodType<T>, tree: TreeObject, fallback: SourceLocation): T {
  const result = schema.safeParse(tree, { reportInput: true });
  if (!result.success) throw scenarioErrorFromIssues(result.error.issues, tree, fallback);
  return result.data;
}

/** Staff pools may start from a named profile in `workforce.poolProfiles`; the pool's own fields win. */
function expandPoolProfiles(tree: TreeObject, fallback: SourceLocation): void {
  const workforce = tree.workforce;
  if (!isTreeObject(workforce)) return;
  const profiles = workforce.poolProfiles;
  const expanded: TreeObject = { ...workforce };
  copyLocations(workforce, expanded);
  delete expanded.poolProfiles;
  tree.workforce = expanded;
  if (profiles !== undefined && (!isTreeObject(profiles) || !Object.values(profiles).every(isTreeObject))) {
    throw new ScenarioError({
      location: locationOf(workforce, 'poolProfiles') ?? fallback,
      fieldPath: 'workforce.poolProfiles',
      problem: 'not a mapping of profile names to pool fields',
      expected: 'e.g. { wardNurse: { turnoverPerYear: 0.11, ... } }',
    });
  }
  const pools = workforce.staffPools;
  if (!Array.isArray(pools)) return;
  const names = Object.keys(profiles ?? {});
  const result: Tree[] = pools.map((pool, i) => {
    if (!isTreeObject(pool) || pool.profile === undefined) return pool;
    const name = pool.profile;
    const profile =
      typeof name === 'string' && profiles && Object.hasOwn(profiles, name) ? profiles[name] : undefined;
    if (!isTreeObject(profile)) {
      throw new ScenarioError({
        location: locate(tree, ['workforce', 'staffPools', i, 'profile'], fallback),
        fieldPath: `${formatPath(tree, ['workforce', 'staffPools', i])}.profile`,
        problem: `no pool profile ${JSON.stringify(name)}`,
        expected:
          names.length > 0
            ? `one of ${names.join(', ')} (workforce.poolProfiles)`
            : 'a name defined in workforce.poolProfiles',
        hint: typeof name === 'string' ? didYouMean(name, names) : undefined,
      });
    }
    const own: TreeObject = { ...pool };
    copyLocations(pool, own);
    delete own.profile;
    return mergeTrees(structuredCloneTree(profile), own);
  });
  copyLocations(pools, result);
  expanded.staffPools = result;
}

/** A deep copy that keeps location records (profiles are shared by several pools). */
function structuredCloneTree(node: Tree): Tree {
  if (Array.isArray(node)) {
    const copy = node.map(structuredCloneTree);
    copyLocations(node, copy);
    return copy;
  }
  if (isTreeObject(node)) {
    const copy: TreeObject = {};
    for (const [k, v] of Object.entries(node)) copy[k] = structuredCloneTree(v);
    copyLocations(node, copy);
    return copy;
  }
  return node;
}

/** Expands ranges and checks that every sweep value applies to the config and validates. */
function checkSweep(
  tree: TreeObject,
  config: SystemConfig,
  constants: Record<string, number>,
  fallback: SourceLocation,
): SweepSpec {
  const raw = sweepSchema.parse(tree.sweep);
  let points = 1;
  const parameters = raw.parameters.map((parameter, i) => {
    const base = ['sweep', 'parameters', i];
    const parsedPath = parsePath(parameter.path);
    if (!Array.isArray(parsedPath)) {
      throw new ScenarioError({
        location: locate(tree, [...base, 'path'], fallback),
        fieldPath: `sweep.parameters[${i}].path`,
        problem: `${JSON.stringify(parameter.path)}: ${parsedPath.problem} (at character ${parsedPath.errorAt + 1})`,
        expected: 'a path like workforce.staffPools[trustA.wardRn].establishmentWte',
      });
    }
    let values: (number | string)[];
    if (Array.isArray(parameter.values)) {
      values = parameter.values;
    } else {
      const { from, to, step } = parameter.values;
      const count = Math.floor((to - from) / step + 1e-9) + 1;
      if (!(count >= 1) || count > MAX_SWEEP_VALUES) {
        throw new ScenarioError({
          location: locate(tree, [...base, 'values'], fallback),
          fieldPath: `sweep.parameters[${i}].values`,
          problem: `the range gives ${count < 1 ? 'no' : count} values`,
          expected: `from <= to and at most ${MAX_SWEEP_VALUES} values`,
        });
      }
      values = Array.from({ length: count }, (_, k) => Number.parseFloat((from + k * step).toPrecision(12)));
    }
    points *= values.length;
    values.forEach((value, j) => {
      const override: Override = {
        path: parameter.path,
        value: typeof value === 'number' ? String(value) : value,
        source: '',
      };
      try {
        parseOverride(`${parameter.path}=${override.value}`);
        applyOverrides(config, [override], constants);
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        const where = Array.isArray(parameter.values) ? [...base, 'values', j] : [...base, 'values'];
        throw new ScenarioError({
          location: locate(tree, where, fallback),
          fieldPath: formatPath(tree, where),
          problem: `${parameter.path} = ${JSON.stringify(value)}: ${error.problem}`,
          expected: error.expected,
        });
      }
    });
    return { path: parameter.path, values };
  });
  if (points > MAX_SWEEP_POINTS) {
    throw new ScenarioError({
      location: locate(tree, ['sweep'], fallback),
      fieldPath: 'sweep',
      problem: `the grid has ${points} points`,
      expected: `at most ${MAX_SWEEP_POINTS} combinations`,
    });
  }
  return { parameters };
}

/** SHA-256 of canonical JSON (keys sorted), so equal configurations hash equal. */
function hashOf(value: { config: SystemConfig | NetworkConfig; sweep?: SweepSpec }): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
