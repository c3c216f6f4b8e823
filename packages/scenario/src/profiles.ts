/**
 * Staff pool profiles: a pool may start from a named profile in `workforce.poolProfiles` and state
 * only what differs (its own fields win). A relative change on a pool field the pool takes from its
 * profile (`establishmentWte: "+10%"`) changes the profile's value as that file sees it: the pool
 * then has a value of its own, and a later change of the profile no longer reaches it.
 */
import { didYouMean, ScenarioError, snippet } from './errors.js';
import type { SourceLocation } from './location.js';
import { mergeTrees } from './merge.js';
import { formatPath } from './paths.js';
import { RelativeChange } from './relative.js';
import { copyLocations, isTreeObject, locate, locationOf, type Tree, type TreeObject } from './source.js';

function checkProfilesShape(workforce: TreeObject, fallback: SourceLocation): TreeObject | undefined {
  const profiles = workforce.poolProfiles;
  if (profiles === undefined) return undefined;
  if (!isTreeObject(profiles) || !Object.values(profiles).every(isTreeObject)) {
    throw new ScenarioError({
      location: locationOf(workforce, 'poolProfiles') ?? fallback,
      fieldPath: 'workforce.poolProfiles',
      problem: 'not a mapping of profile names to pool fields',
      expected: 'e.g. { wardNurse: { turnoverPerYear: 0.11, ... } }',
    });
  }
  return profiles;
}

/** The profile a pool names, or undefined if it names none; throws if it names a missing one. */
function profileOf(tree: TreeObject, poolIndex: number, fallback: SourceLocation): TreeObject | undefined {
  const workforce = tree.workforce as TreeObject;
  const pool = (workforce.staffPools as Tree[])[poolIndex] as TreeObject;
  if (pool.profile === undefined) return undefined;
  const profiles = checkProfilesShape(workforce, fallback);
  const name = pool.profile;
  const profile =
    typeof name === 'string' && profiles && Object.hasOwn(profiles, name) ? profiles[name] : undefined;
  if (!isTreeObject(profile)) {
    const names = Object.keys(profiles ?? {});
    throw new ScenarioError({
      location: locate(tree, ['workforce', 'staffPools', poolIndex, 'profile'], fallback),
      fieldPath: `${formatPath(tree, ['workforce', 'staffPools', poolIndex])}.profile`,
      problem: `no pool profile ${snippet(name)}`,
      expected:
        names.length > 0
          ? `one of ${names.join(', ')} (workforce.poolProfiles)`
          : 'a name defined in workforce.poolProfiles',
      hint: typeof name === 'string' ? didYouMean(name, names) : undefined,
    });
  }
  return profile;
}

function staffPools(tree: TreeObject): Tree[] | undefined {
  const workforce = tree.workforce;
  return isTreeObject(workforce) && Array.isArray(workforce.staffPools) ? workforce.staffPools : undefined;
}

/**
 * Binds the relative changes of pool fields that the pool (as merged so far) does not have itself
 * to its profile's value of the field. Called once per file of an `extends` chain, after merging.
 */
export function bindProfileChanges(tree: TreeObject, fallback: SourceLocation): void {
  const pools = staffPools(tree);
  if (!pools) return;
  pools.forEach((pool, i) => {
    if (!isTreeObject(pool)) return;
    const unbound = Object.entries(pool).filter(([, v]) => v instanceof RelativeChange && !v.bound);
    if (unbound.length === 0) return;
    const profile = profileOf(tree, i, fallback);
    if (!profile) return;
    for (const [key, change] of unbound) {
      if (!Object.hasOwn(profile, key)) continue;
      pool[key] = mergeTrees(cloneTree(profile[key]), change, locationOf(profile, key));
    }
  });
}

/** Every relative change must have found its inherited value by the end of its file. */
export function requireBound(root: TreeObject, fallback: SourceLocation): void {
  const visit = (node: Tree, path: (string | number)[]): void => {
    if (node instanceof RelativeChange) {
      if (node.bound) return;
      const negative = node.text.startsWith('-');
      throw new ScenarioError({
        location: node.location ?? fallback,
        fieldPath: formatPath(root, path),
        problem: `a relative change '${node.text}' with no inherited value to change`,
        expected:
          'a number, a percentage such as 10% or an = expression; a relative change (+20, -5%, *1.2) needs a value from the file this one extends, or from the pool profile',
        hint: negative ? `for a negative number write '${negativeLiteral(node.text)}'` : undefined,
      });
    }
    if (Array.isArray(node)) for (const [i, item] of node.entries()) visit(item, [...path, i]);
    else if (isTreeObject(node))
      for (const [key, value] of Object.entries(node)) visit(value, [...path, key]);
  };
  visit(root, []);
}

/** `-5` as the expression `= -5`, `-5%` as `= -0.05`. */
function negativeLiteral(text: string): string {
  const percent = /^-\s*(.+?)\s*%$/.exec(text);
  return percent ? `= -${Number(percent[1]) / 100}` : `= ${text.replace(/\s+/g, '')}`;
}

/** Expands `profile:` on every pool into the profile's fields; the pool's own fields win. */
export function expandPoolProfiles(tree: TreeObject, fallback: SourceLocation): void {
  const workforce = tree.workforce;
  if (!isTreeObject(workforce)) return;
  checkProfilesShape(workforce, fallback);
  const expanded: TreeObject = { ...workforce };
  copyLocations(workforce, expanded);
  delete expanded.poolProfiles;
  const pools = workforce.staffPools;
  if (Array.isArray(pools)) {
    const result: Tree[] = pools.map((pool, i) => {
      if (!isTreeObject(pool) || pool.profile === undefined) return pool;
      const profile = profileOf(tree, i, fallback) as TreeObject;
      const own: TreeObject = { ...pool };
      copyLocations(pool, own);
      delete own.profile;
      return mergeTrees(cloneTree(profile), own);
    });
    copyLocations(pools, result);
    expanded.staffPools = result;
  }
  tree.workforce = expanded;
}

/** A deep copy that keeps location records (profiles are shared by several pools). */
export function cloneTree(node: Tree): Tree {
  if (Array.isArray(node)) {
    const copy = node.map(cloneTree);
    copyLocations(node, copy);
    return copy;
  }
  if (isTreeObject(node)) {
    const copy: TreeObject = {};
    for (const [k, v] of Object.entries(node)) copy[k] = cloneTree(v);
    copyLocations(node, copy);
    return copy;
  }
  return node;
}
