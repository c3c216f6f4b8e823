/**
 * Reading a scenario file and, recursively, the files it `extends`: each file is parsed into a
 * located tree, checked for duplicate ids, merged onto its base, and its relative changes bound to
 * the values they change — one file at a time, so every file of a chain means what it would mean
 * loaded on its own.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { clip, clipPath, didYouMean, ScenarioError } from './errors.js';
import {
  BUILTIN_PREFIX,
  builtinFile,
  builtinNames,
  type FileAccess,
  readFailure,
  realPath,
} from './files.js';
import { scenarioErrorFromIssues } from './issues.js';
import type { SourceLocation } from './location.js';
import { checkUniqueItems, mergeTrees } from './merge.js';
import { bindProfileChanges, requireBound } from './profiles.js';
import { extendsSchema } from './schema/document.js';
import { copyLocations, locationOf, type TreeObject } from './source.js';
import { parseYamlTree } from './yaml-tree.js';

const MAX_EXTENDS_DEPTH = 20;
const MAX_TEXT_LENGTH = 20_000_000;

/** The merged tree of a scenario and its `extends` chain (real paths, the scenario first). */
export function readScenarioTree(
  text: string,
  file: string,
  access: FileAccess,
): { tree: TreeObject; extendsChain: string[] } {
  const extendsChain = [realPath(file)];
  const tree = readLevel(text, file, extendsChain, access);
  return { tree, extendsChain };
}

function readLevel(text: string, file: string, chain: string[], access: FileAccess): TreeObject {
  if (text.length > MAX_TEXT_LENGTH) {
    throw new ScenarioError({
      location: { file },
      fieldPath: '',
      problem: `${text.length} characters`,
      expected: `a file of at most ${MAX_TEXT_LENGTH} characters`,
    });
  }
  const tree = parseYamlTree(text, file) as TreeObject;
  checkUniqueItems(tree, { file });
  let merged = tree;
  if (tree.extends !== undefined) {
    const base = readBase(tree, file, chain, access);
    const variant: TreeObject = { ...tree };
    copyLocations(tree, variant);
    delete variant.extends;
    merged = mergeTrees(base, variant) as TreeObject;
  }
  bindProfileChanges(merged, { file });
  requireBound(merged, { file });
  return merged;
}

function readBase(tree: TreeObject, file: string, chain: string[], access: FileAccess): TreeObject {
  const location = locationOf(tree, 'extends') ?? { file };
  const result = extendsSchema.safeParse(tree.extends, { reportInput: true });
  if (!result.success)
    throw scenarioErrorFromIssues(
      result.error.issues.map((i) => ({ ...i, path: ['extends', ...i.path] })),
      tree,
      { file },
    );
  const { absolute, display } = target(result.data, file, location, access);
  const real = realPath(absolute);
  if (access.rootOf(real) === undefined) {
    const viaLink = real !== path.resolve(absolute) ? ` (a link to ${clip(real)})` : '';
    throw new ScenarioError({
      location,
      fieldPath: 'extends',
      problem: `'${clip(result.data)}'${viaLink} is outside the scenario's folder ${clip(access.allowedRoots[0])}`,
      expected:
        "a file in the scenario's folder or below it, builtin:<name> for a scenario shipped with carepool, or a folder allowed explicitly",
    });
  }
  if (chain.includes(real)) {
    const names = [...chain, real].map((p) => path.basename(p)).join(' -> ');
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
    baseText = access.read(absolute, 'extends');
  } catch (error) {
    const reason = readFailure(error);
    throw new ScenarioError({
      location,
      fieldPath: 'extends',
      problem: `cannot read '${clipPath(display)}' (${reason})`,
      expected: 'the path of an existing scenario file, relative to this file, or builtin:<name>',
    });
  }
  chain.push(real);
  return readLevel(baseText, display, chain, access);
}

/** The file an `extends` value names: a path relative to the naming file, or `builtin:<name>`. */
function target(
  value: string,
  file: string,
  location: SourceLocation,
  access: FileAccess,
): { absolute: string; display: string } {
  if (!value.startsWith(BUILTIN_PREFIX)) {
    const display = path.isAbsolute(value) ? value : path.normalize(path.join(path.dirname(file), value));
    return { absolute: path.resolve(path.dirname(path.resolve(file)), value), display };
  }
  const name = value.slice(BUILTIN_PREFIX.length).trim();
  const dir = access.builtinDir();
  if (dir === undefined) {
    throw new ScenarioError({
      location,
      fieldPath: 'extends',
      problem: `'${clip(value)}': no scenarios folder is installed with carepool here`,
      expected: 'a path to a scenario file, or an installation that includes scenarios/',
    });
  }
  const found = builtinFile(name, dir);
  if (typeof found !== 'string' || !existsSync(found)) {
    const names = builtinNames(dir);
    throw new ScenarioError({
      location,
      fieldPath: 'extends',
      problem: `no shipped scenario '${clip(name)}'`,
      expected: `builtin: and one of ${names.join(', ')}`,
      hint: didYouMean(name, names),
    });
  }
  access.allowBuiltin();
  return { absolute: found, display: found };
}
