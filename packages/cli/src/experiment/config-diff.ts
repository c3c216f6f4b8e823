/**
 * What a variant changes against its base, field by field, after `extends` and `--set`: the lines
 * `carepool diff` prints and `compare` lists before it runs. Lists of items with an `id` are matched
 * by id (as `extends` merges them), so a changed pool reads as that pool's field, not a list index.
 */

export interface ConfigChange {
  /** Field path in the `--set` syntax, e.g. `workforce.staffPools[trustA.wardRn].establishmentWte`. */
  path: string;
  /** The base's value (undefined: added). */
  from: unknown;
  /** The variant's value (undefined: removed). */
  to: unknown;
}

/** Every leaf that differs between two resolved configurations, in document order. */
export function configChanges(base: unknown, variant: unknown, path = ''): ConfigChange[] {
  if (Object.is(base, variant)) return [];
  if (Array.isArray(base) && Array.isArray(variant)) {
    if (keyedById(base) && keyedById(variant)) return keyedChanges(base, variant, path);
    if (base.length === variant.length) {
      return base.flatMap((b, i) => configChanges(b, variant[i], `${path}[${i}]`));
    }
    return [{ path, from: base, to: variant }];
  }
  if (isPlainObject(base) && isPlainObject(variant)) {
    const keys = [...new Set([...Object.keys(base), ...Object.keys(variant)])];
    return keys.flatMap((k) => configChanges(base[k], variant[k], path === '' ? k : `${path}.${k}`));
  }
  return [{ path, from: base, to: variant }];
}

function keyedChanges(base: unknown[], variant: unknown[], path: string): ConfigChange[] {
  const byId = (list: unknown[]) => new Map(list.map((item) => [(item as { id: string }).id, item]));
  const b = byId(base);
  const v = byId(variant);
  const ids = [...new Set([...b.keys(), ...v.keys()])];
  return ids.flatMap((id) => {
    const at = `${path}[${id}]`;
    if (!b.has(id)) return [{ path: at, from: undefined, to: v.get(id) }];
    if (!v.has(id)) return [{ path: at, from: b.get(id), to: undefined }];
    return configChanges(b.get(id), v.get(id), at);
  });
}

function keyedById(list: unknown[]): boolean {
  return list.length > 0 && list.every((item) => isPlainObject(item) && typeof item.id === 'string');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One change as a line: `path: 444 → 488.4 (+10%)`, `path: added {…}`, `path: removed`. */
export function formatChange(change: ConfigChange): string {
  if (change.from === undefined) return `${change.path}: added ${short(change.to)}`;
  if (change.to === undefined) return `${change.path}: removed (was ${short(change.from)})`;
  let relative = '';
  if (typeof change.from === 'number' && typeof change.to === 'number' && change.from !== 0) {
    const share = (change.to - change.from) / Math.abs(change.from);
    relative = ` (${share >= 0 ? '+' : ''}${Number((share * 100).toPrecision(3))}%)`;
  }
  return `${change.path}: ${short(change.from)} → ${short(change.to)}${relative}`;
}

function short(value: unknown): string {
  // 0.1 + 0.2 is stored as 0.30000000000000004: show numbers as a person wrote them.
  const tidy = (_k: string, v: unknown) =>
    typeof v === 'number' && Number.isFinite(v) ? Number(v.toPrecision(12)) : v;
  const text = typeof value === 'string' ? value : (JSON.stringify(value, tidy) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
