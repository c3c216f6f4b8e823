/**
 * The field path syntax shared by `--set`, `sweep` and error messages:
 * `workforce.staffPools[trustA.wardRn].establishmentWte` — dots between field names, and square
 * brackets to pick an item of a list by its `id` (or a surge by its `name`), or by 0-based position.
 */

/** Names that reach an object's prototype when used as a key: never a field of a scenario. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type PathSegment = { kind: 'field'; name: string } | { kind: 'item'; selector: string };

/** Parses a path, or returns the 0-based character offset and reason of the first problem. */
export function parsePath(text: string): PathSegment[] | { errorAt: number; problem: string } {
  const segments: PathSegment[] = [];
  let i = 0;
  const fieldName = /^[A-Za-z_$][A-Za-z0-9_$-]*/;
  if (text.length === 0) return { errorAt: 0, problem: 'an empty path' };
  while (i < text.length) {
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) return { errorAt: i, problem: "a '[' without its ']'" };
      const selector = text.slice(i + 1, close).trim();
      if (selector === '') return { errorAt: i, problem: "an empty '[]'" };
      segments.push({ kind: 'item', selector });
      i = close + 1;
    } else {
      if (segments.length > 0) {
        if (text[i] !== '.') return { errorAt: i, problem: `'${text[i]}' where '.' or '[' should be` };
        i++;
      }
      const match = fieldName.exec(text.slice(i));
      if (!match) return { errorAt: i, problem: 'a field name should start here' };
      if (FORBIDDEN_KEYS.has(match[0]))
        return { errorAt: i, problem: `'${match[0]}' is not allowed in a path` };
      segments.push({ kind: 'field', name: match[0] });
      i += match[0].length;
    }
  }
  return segments;
}

/** The key that identifies an item of a list: its `id`, else its `name`. */
export function itemKey(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const record = item as Record<string, unknown>;
  if (typeof record.id === 'string') return record.id;
  if (typeof record.name === 'string') return record.name;
  return undefined;
}

/** Formats a concrete path through `root` (field names and array indices) in the path syntax. */
export function formatPath(root: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node: unknown = root;
  for (const key of path) {
    if (typeof key === 'number' || (Array.isArray(node) && /^\d+$/.test(String(key)))) {
      const index = Number(key);
      const item = Array.isArray(node) ? node[index] : undefined;
      const id = itemKey(item);
      // An id too long to be one (ids have at most 80 characters) is shown by position instead.
      out += `[${id !== undefined && id.length <= 80 ? id : index}]`;
      node = item;
    } else {
      const name = String(key);
      out += out === '' ? name : `.${name}`;
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[name] : undefined;
    }
  }
  return out;
}

/** Finds the index of the list item a selector names: by id/name first, then by position. */
export function findItem(list: unknown[], selector: string): number {
  const byId = list.findIndex((item) => itemKey(item) === selector);
  if (byId >= 0) return byId;
  if (/^\d+$/.test(selector)) {
    const index = Number(selector);
    if (index < list.length) return index;
  }
  return -1;
}
