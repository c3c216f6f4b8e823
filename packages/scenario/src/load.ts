/**
 * The loading pipeline: text → located tree → `extends` merged (relative changes bound file by file)
 * → CSV data read → constants, percentages, expressions and relative changes evaluated → staff pool
 * profiles expanded → validated by zod into the model's SystemConfig or NetworkConfig → `--set`
 * overrides applied and validated → sweep checked → hashed. Every failure is one ScenarioError.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { SystemConfig } from '@carepool/model';
import type { NetworkConfig } from '@carepool/network';
import type { z } from 'zod';
import { resolveCsvReferences } from './csv.js';
import { clip, didYouMean, ScenarioError, snippet } from './errors.js';
import { readScenarioTree } from './extends.js';
import { FileAccess, readFailure, readRegularFile } from './files.js';
import { scenarioErrorFromIssues } from './issues.js';
import type { SourceLocation } from './location.js';
import { applyOverrides, parseOverride } from './overrides.js';
import { expandPoolProfiles } from './profiles.js';
import {
  descriptionSchema,
  expectationsSchema,
  schemaReferenceSchema,
  sweepSchema,
} from './schema/document.js';
import { networkConfigSchema } from './schema/network.js';
import { systemConfigSchema } from './schema/system.js';
import { copyLocations, locationOf, type TreeObject } from './source.js';
import { checkSweep } from './sweep.js';
import type { LoadedScenario, LoadOptions, ParseOptions, SweepSpec } from './types.js';
import { evaluateConstants, resolveNumbers } from './values.js';

/** Fields of a file that are not part of the resolved configuration. */
const FILE_ONLY_FIELDS = ['$schema', 'extends', 'description', 'constants', 'sweep', 'expectations'] as const;

/** Loads, validates and resolves a scenario file (YAML or JSON). Throws only ScenarioError. */
export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path.resolve(file));
  } catch (error) {
    throw new ScenarioError({
      location: { file },
      fieldPath: '',
      problem: `cannot read the file (${readFailure(error)})`,
      expected: 'an existing scenario file (.yaml, .yml or .json)',
    });
  }
  return guarded(file, () => parseWith(bytes.toString('utf8'), file, options, bytes, true));
}

/**
 * Validates and resolves scenario text. `file` names it in errors and anchors relative paths;
 * `extends` and CSV files are read only through `options.readFile`. Throws only ScenarioError.
 */
export function parseScenarioText(text: string, file: string, options: ParseOptions = {}): LoadedScenario {
  return guarded(file, () => parseWith(text, file, options, text, false));
}

function guarded(file: string, run: () => LoadedScenario): LoadedScenario {
  try {
    return run();
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    // A bug of ours must still reach the user as one located message, never as a raw stack.
    throw new ScenarioError({
      location: { file },
      fieldPath: '',
      problem: `internal error while loading: ${clip(String((error as Error)?.message ?? error))}`,
      expected: 'a loadable scenario (please report this)',
    });
  }
}

function parseWith(
  text: string,
  file: string,
  options: ParseOptions,
  bytes: Buffer | string,
  fromDisk: boolean,
): LoadedScenario {
  const overrides = (options.overrides ?? []).map(parseOverride);
  const access = new FileAccess(
    file,
    options.readFile,
    fromDisk,
    options.allowDirs ?? [],
    options.builtinDir,
  );
  access.record(file, 'scenario', bytes);
  const { tree, extendsChain } = readScenarioTree(text, file, access);
  const fallback: SourceLocation = { file };

  const kind = tree.kind ?? 'system';
  if (kind !== 'system' && kind !== 'network') {
    throw new ScenarioError({
      location: locationOf(tree, 'kind') ?? fallback,
      fieldPath: 'kind',
      problem: `unknown kind ${snippet(kind)}`,
      expected: 'system or network',
      hint: typeof kind === 'string' ? didYouMean(kind, ['system', 'network']) : undefined,
    });
  }
  tree.kind = kind;
  checkPart(tree, '$schema', schemaReferenceSchema, fallback);
  checkPart(tree, 'description', descriptionSchema, fallback);
  checkPart(tree, 'expectations', expectationsSchema, fallback);
  resolveCsvReferences(tree, access);
  const constants = evaluateConstants(tree, file);
  const changed = resolveNumbers(tree, constants, file);
  checkPart(tree, 'sweep', sweepSchema, fallback);

  const provenance = {
    sources: access.sources,
    extendsChain,
    ...(tree.expectations !== undefined ? { expectations: tree.expectations as string[] } : {}),
  };
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
    const parsed = validate(networkConfigSchema, configTree, fallback, changed);
    const config = applyOverrides(parsed, overrides, constants);
    return { kind: 'network', config, file, hash: hashOf({ config }), ...provenance };
  }

  expandPoolProfiles(configTree, fallback);
  const parsed = validate(systemConfigSchema, configTree, fallback, changed);
  const config = applyOverrides(parsed, overrides, constants);
  const sweep = tree.sweep === undefined ? undefined : checkSweep(tree, config, constants, fallback);
  return sweep
    ? { kind: 'system', config, file, sweep, hash: hashOf({ config, sweep }), ...provenance }
    : { kind: 'system', config, file, hash: hashOf({ config }), ...provenance };
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

function validate<T>(
  schema: z.ZodType<T>,
  tree: TreeObject,
  fallback: SourceLocation,
  changed?: ReadonlySet<string>,
): T {
  const result = schema.safeParse(tree, { reportInput: true });
  if (!result.success) throw scenarioErrorFromIssues(result.error.issues, tree, fallback, changed);
  return result.data;
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
