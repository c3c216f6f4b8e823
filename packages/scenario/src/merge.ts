/**
 * How `extends` combines a base scenario with a variant: objects merge field by field; lists of
 * items with an `id` (or surges, by `name`) merge item by item, new items appended; other lists and
 * values are replaced. `null` removes an inherited field; `{ id: x, remove: true }` removes an
 * inherited item. A number may be changed relative to the inherited one with the `--set` forms
 * (`+20`, `-5%`, `*1.2`). Locations are carried over so errors point into the file a value came from.
 */

import { relativeChange } from './overrides.js';
import { itemKey } from './paths.js';
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

export function mergeTrees(base: Tree, override: Tree): Tree {
  if (typeof base === 'number' && typeof override === 'string') {
    const changed = relativeChange(base, override);
    if (changed !== undefined) return changed;
  }
  if (isTreeObject(base) && isTreeObject(override)) return mergeObjects(base, override);
  if (Array.isArray(base) && Array.isArray(override) && isKeyedList(base) && isKeyedList(override)) {
    return mergeLists(base, override);
  }
  return override;
}

function mergeObjects(base: TreeObject, override: TreeObject): TreeObject {
  const result: TreeObject = { ...base };
  copyLocations(base, result);
  for (const [key, value] of Object.entries(override)) {
    const location = locationOf(override, key);
    if (value === null) {
      delete result[key];
      continue;
    }
    result[key] = Object.hasOwn(base, key) ? mergeTrees(base[key], value) : value;
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
