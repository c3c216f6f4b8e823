/**
 * The plain tree scenario text becomes (yaml-tree.ts), and where each value came from. Every object and array
 * in the tree has a location record: its own position and the position of each key or item, so an
 * error found later (by zod, a reference check or an override) can name the file, line and column —
 * even after `extends` merged several files, CSV rows were read in and expressions evaluated.
 */
import type { SourceLocation } from './location.js';
import { RelativeChange } from './relative.js';

export type Tree = null | boolean | number | string | RelativeChange | Tree[] | { [key: string]: Tree };
export type TreeObject = { [key: string]: Tree };
export type Key = string | number;

interface Locations {
  self: SourceLocation;
  keys: Map<Key, SourceLocation>;
}

const locations = new WeakMap<object, Locations>();

export function isTreeObject(value: unknown): value is TreeObject {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RelativeChange)
  );
}

/** Records where a container and its keys came from. */
export function setLocation(
  container: object,
  self: SourceLocation,
  keys = new Map<Key, SourceLocation>(),
): void {
  locations.set(container, { self, keys });
}

/** Records where one key of a container came from. */
export function setKeyLocation(container: object, key: Key, location: SourceLocation): void {
  let entry = locations.get(container);
  if (!entry) {
    entry = { self: location, keys: new Map() };
    locations.set(container, entry);
  }
  entry.keys.set(key, location);
}

/** Where a container (or one of its keys) came from, if known. */
export function locationOf(container: unknown, key?: Key): SourceLocation | undefined {
  if (typeof container !== 'object' || container === null) return undefined;
  const entry = locations.get(container);
  if (!entry) return undefined;
  return (key !== undefined ? entry.keys.get(key) : undefined) ?? entry.self;
}

/** Copies the location record of one container to another (for rebuilt containers). */
export function copyLocations(from: object, to: object): void {
  const entry = locations.get(from);
  if (entry) locations.set(to, { self: entry.self, keys: new Map(entry.keys) });
}

/** The location of the deepest container or key along `path`. */
export function locate(root: unknown, path: readonly Key[], fallback: SourceLocation): SourceLocation {
  let node: unknown = root;
  let best = locationOf(root) ?? fallback;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) break;
    best = locationOf(node, key) ?? best;
    node = (node as Record<Key, unknown>)[key];
  }
  return best;
}
