/**
 * How `extends` combines a base scenario with a variant: objects merge field by field; lists of
 * items with an `id` (or surges, by `name`) merge item by item, new items appended; other lists and
 * values are replaced. `null` removes an inherited field; `{ id: x, remove: true }` removes an
 * inherited item. A distribution whose `kind` the variant changes is replaced whole: parameters of
 * the old kind are never carried over. A relative change (`+20`, `-5%`, `*1.2`) is bound to the
 * inherited value it changes. Locations are carried over so errors point into the file a value came from.
 */

import { ScenarioError } from './errors.js';
import type { SourceLocation } from './location.js';
import { formatPath, itemKey } from './paths.js';
import { RelativeChange } from './relative.js';
import { DISTRIBUTION_KINDS } from './schema/distribution.js';
import {
  copyLocations,
  isTreeObject,
  locationOf,
  setKeyLocation,
  type Tree,
  type TreeObject,
} from './source.js';

/** The item field that removes an inherited list item in a variant. */
export const REMOVE_ITEM_FIELD = 'remove';

const distributionKinds = new Set<string>(DISTRIBUTION_KINDS);

export function mergeTrees(base: Tree | undefined, override: Tree, baseLocation?: SourceLocation): Tree {
  if (override instanceof RelativeChange && !override.bound) {
    return base === undefined || base === null ? override : override.bindTo(base, baseLocation);
  }
  if (isTreeObject(base) && isTreeObject(override)) {
    if (changesDistributionKind(base, override)) return override;
    return mergeObjects(base, override);
  }
  if (Array.isArray(base) && Array.isArray(override) && isKeyedList(base) && isKeyedList(override)) {
    return mergeLists(base, override);
  }
  return override;
}

/** A distribution of another kind: its parameters mean something else, so nothing is inherited. */
function changesDistributionKind(base: TreeObject, override: TreeObject): boolean {
  return (
    typeof base.kind === 'string' &&
    distributionKinds.has(base.kind) &&
    Object.hasOwn(override, 'kind') &&
    override.kind !== base.kind
  );
}

function mergeObjects(base: TreeObject, override: TreeObject): TreeObject {
  const result: TreeObject = { ...base };
  copyLocations(base, result);
  for (const [key, value] of Object.entries(override)) {
    const location = locationOf(override, key);
    if (value === null) {
      delete result[key];
      // A field that is then missing is reported where it was removed, not where the base gave it.
      if (location) setKeyLocation(result, key, location);
      continue;
    }
    result[key] = Object.hasOwn(base, key) ? mergeTrees(base[key], value, locationOf(base, key)) : value;
    if (location) setKeyLocation(result, key, location);
  }
  return result;
}

function isKeyedList(list: Tree[]): boolean {
  return list.every((item) => itemKey(item) !== undefined);
}

function mergeLists(base: Tree[], override: Tree[]): Tree[] {
  const result: Tree[] = [...base];
  const positions: (ReturnType<typeof locationOf> | undefined)[] = base.map((_, i) => locationOf(base, i));
  for (const [i, item] of override.entries()) {
    const key = itemKey(item);
    const at = result.findIndex((existing) => itemKey(existing) === key);
    const removing = isTreeObject(item) && item[REMOVE_ITEM_FIELD] === true;
    if (removing) {
      if (at >= 0) {
        result.splice(at, 1);
        positions.splice(at, 1);
      }
      continue;
    }
    if (at >= 0) {
      result[at] = mergeTrees(result[at], item);
      positions[at] = locationOf(override, i);
    } else {
      result.push(item);
      positions.push(locationOf(override, i));
    }
  }
  copyLocations(override, result);
  positions.forEach((location, i) => {
    if (location) setKeyLocation(result, i, location);
  });
  return result;
}

/**
 * Two items with one id (or name) in one list of one file would be merged silently into one, the
 * second winning: refuse them, naming both places.
 */
export function checkUniqueItems(root: Tree, fallback: SourceLocation, prefix = ''): void {
  const visit = (node: Tree, path: (string | number)[]): void => {
    if (Array.isArray(node)) {
      const first = new Map<string, number>();
      node.forEach((item, i) => {
        const key = itemKey(item);
        if (key === undefined) return;
        const j = first.get(key);
        if (j === undefined) {
          first.set(key, i);
          return;
        }
        const field = isTreeObject(item) && typeof item.id === 'string' ? 'id' : 'name';
        const before = locationOf(node, j) ?? fallback;
        throw new ScenarioError({
          location: locationOf(node, i) ?? fallback,
          fieldPath: `${prefix}${formatPath(root, path)}[${i}].${field}`,
          problem: `a second item with ${field} '${key}' in one list (the first is item ${j} at ${describeLocation(before)})`,
          expected: `each ${field} once in a list: merge the two items into one`,
        });
      });
      for (const [i, item] of node.entries()) visit(item, [...path, i]);
    } else if (isTreeObject(node)) {
      for (const [key, value] of Object.entries(node)) visit(value, [...path, key]);
    }
  };
  visit(root, []);
}

function describeLocation(location: SourceLocation): string {
  return location.line === undefined
    ? location.file
    : `${location.file}:${location.line}:${location.column ?? 1}`;
}
