/**
 * YAML (or JSON, which is YAML) text to a located tree (source.ts): every mapping and list records
 * where it and each of its keys or items came from. The text is refused before it is built when it
 * nests absurdly deep, has huge mappings or expands through aliases to too many values.
 */
import {
  type Alias,
  type CST,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  Parser,
  parseDocument,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { clip, ScenarioError } from './errors.js';
import type { SourceLocation } from './location.js';
import { FORBIDDEN_KEYS } from './paths.js';
import { isRelativeForm, RelativeChange } from './relative.js';
import { isTreeObject, type Key, setLocation, type Tree, type TreeObject } from './source.js';

/** Nodes a document may expand to (aliases included): stops alias bombs. */
const MAX_NODES = 2_000_000;
/** Nesting of mappings and lists: real scenarios need about 8; the YAML composer recurses per level. */
const MAX_DEPTH = 100;
/** Keys in one mapping: the largest real mapping has a few dozen. */
const MAX_KEYS_PER_MAPPING = 10_000;

/** Top-level fields whose text is kept as written: never a relative change. */
const TEXT_FIELDS = new Set(['$schema', 'extends', 'description', 'sweep', 'expectations']);

/** Parses YAML (or JSON, which is YAML) into a located tree. Throws ScenarioError on syntax errors. */
export function parseYamlTree(text: string, file: string): Tree {
  refuseShape(text, file);
  const lineCounter = new LineCounter();
  // Duplicate keys are checked by the builder with a map per mapping: yaml's own uniqueKeys check is
  // quadratic in the number of keys (a 300,000-key file took minutes).
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
  const builder = new TreeBuilder(doc, lineCounter, file);
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    throw new ScenarioError({
      location: builder.at(error.pos[0]),
      fieldPath: '',
      problem: `YAML syntax error: ${firstLine(error.message)}`,
      expected: 'valid YAML or JSON',
    });
  }
  // Aliases can make a small text expand enormously ("billion laughs"): count what it expands to on
  // the parsed nodes (each counted once) before building anything.
  const expanded = expandedSize(doc.contents as Node | null, doc);
  if (expanded > MAX_NODES) {
    throw new ScenarioError({
      location: builder.at(0),
      fieldPath: '',
      problem: `the document expands to ${Number.isFinite(expanded) ? `${expanded}` : 'endlessly many'} values (aliases?)`,
      expected: `a document of at most ${MAX_NODES} values`,
    });
  }
  const tree = builder.build(doc.contents as Node | null, '', 0);
  if (!isTreeObject(tree)) {
    throw new ScenarioError({
      location: builder.at(0),
      fieldPath: '',
      problem: tree === null ? 'the file is empty' : 'the file is not a mapping of fields',
      expected: 'a mapping with `kind`, `name`, ... (see docs/scenarios.md)',
    });
  }
  return tree;
}

/**
 * The composer recurses once per nesting level, so absurd nesting must be refused before it runs
 * (else 'Maximum call stack size exceeded'); the CST parser before it keeps an explicit stack.
 * Huge mappings are refused there too, before the (slower) composer builds them.
 */
function refuseShape(text: string, file: string): void {
  const shapeProblem = checkShape(text);
  if (shapeProblem === undefined) return;
  const before = text.slice(0, shapeProblem.offset);
  const line = before.split('\n').length;
  throw new ScenarioError({
    location: { file, line, column: shapeProblem.offset - before.lastIndexOf('\n') },
    fieldPath: '',
    problem: shapeProblem.problem,
    expected: shapeProblem.expected,
  });
}

/** Builds the located tree of one parsed document, node by node, counting what it builds. */
class TreeBuilder {
  private count = 0;

  constructor(
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
    private readonly file: string,
  ) {}

  /** The location of a character offset in the text. */
  at(offset: number | undefined): SourceLocation {
    if (offset === undefined) return { file: this.file };
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }

  build(node: Node | null | undefined, path: string, depth: number): Tree {
    this.countNode(node, path, depth);
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (target === undefined) throw undefinedAlias(node.source, this.at(node.range?.[0]), path);
      return this.build(target as Node | undefined, path, depth + 1);
    }
    if (isScalar(node)) return this.scalar(node, path);
    if (isMap(node)) return this.mapping(node, path, depth);
    if (isSeq(node)) return this.sequence(node, path, depth);
    throw new ScenarioError({
      location: this.at(undefined),
      fieldPath: path,
      problem: 'an unsupported YAML node',
      expected: 'a mapping, list or scalar',
    });
  }

  private countNode(node: Node | null | undefined, path: string, depth: number): void {
    if (++this.count <= MAX_NODES && depth <= MAX_DEPTH) return;
    throw new ScenarioError({
      location: this.at(node?.range?.[0]),
      fieldPath: path,
      problem:
        depth > MAX_DEPTH
          ? `nesting deeper than ${MAX_DEPTH} levels (aliases?)`
          : 'the document expands to too many values (aliases?)',
      expected:
        depth > MAX_DEPTH
          ? `at most ${MAX_DEPTH} levels of nesting`
          : `a document of at most ${MAX_NODES} values`,
    });
  }

  private scalar(node: Scalar, path: string): Tree {
    const value = node.value;
    if (value === null || value === undefined) return null;
    const textField = TEXT_FIELDS.has(path.split(/[.[]/)[0]);
    if (typeof value === 'number' && node.type === 'PLAIN' && /^\s*\+/.test(node.source ?? '')) {
      throw unquotedPlus(clip(String(node.source).trim()), value, this.at(node.range?.[0]), path);
    }
    if (typeof value === 'string' && !textField && isRelativeForm(value)) {
      return new RelativeChange(value.trim(), this.at(node.range?.[0]));
    }
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'bigint') return Number(value);
    return String(value);
  }

  private mapping(node: YAMLMap, path: string, depth: number): TreeObject {
    const object: TreeObject = {};
    const keys = new Map<Key, SourceLocation>();
    if (node.items.length > MAX_KEYS_PER_MAPPING) {
      throw new ScenarioError({
        location: this.at(node.range?.[0]),
        fieldPath: path,
        problem: `a mapping with ${node.items.length} keys`,
        expected: `at most ${MAX_KEYS_PER_MAPPING} keys in one mapping`,
      });
    }
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const key = this.key(keyNode, node, path);
      const childPath = path ? `${path}.${key}` : key;
      const first = keys.get(key);
      if (first !== undefined) {
        throw new ScenarioError({
          location: this.at(keyNode?.range?.[0]),
          fieldPath: childPath,
          problem: `the key '${clip(key)}' is given twice (first at line ${first.line})`,
          expected: 'each key once in a mapping',
        });
      }
      object[key] = this.build(pair.value as Node | null, childPath, depth + 1);
      keys.set(key, this.at(keyNode?.range?.[0]));
    }
    setLocation(object, this.at(node.range?.[0]), keys);
    return object;
  }

  /** The text of a mapping's key: plain text or a number, and never one that reaches a prototype. */
  private key(keyNode: Node | null, mapping: YAMLMap, path: string): string {
    if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')) {
      throw new ScenarioError({
        location: this.at(keyNode?.range?.[0] ?? mapping.range?.[0]),
        fieldPath: path,
        problem: 'a key that is not plain text',
        expected: 'keys that are names',
      });
    }
    const key = String(keyNode.value);
    if (FORBIDDEN_KEYS.has(key)) {
      throw new ScenarioError({
        location: this.at(keyNode.range?.[0]),
        fieldPath: path ? `${path}.${key}` : key,
        problem: `the key '${clip(key)}' is not allowed`,
        expected: 'a field name',
      });
    }
    return key;
  }

  private sequence(node: YAMLSeq, path: string, depth: number): Tree[] {
    const array: Tree[] = [];
    const keys = new Map<Key, SourceLocation>();
    node.items.forEach((item, i) => {
      array.push(this.build(item as Node | null, `${path}[${i}]`, depth + 1));
      keys.set(i, this.at((item as Node | null)?.range?.[0] ?? node.range?.[0]));
    });
    setLocation(array, this.at(node.range?.[0]), keys);
    return array;
  }
}

/**
 * The first collection nested deeper than MAX_DEPTH or mapping with more than MAX_KEYS_PER_MAPPING
 * keys, or undefined. Walks yaml's concrete syntax tree with an explicit stack, so it cannot
 * overflow however deep the text nests.
 */
export function checkShape(text: string): { offset: number; problem: string; expected: string } | undefined {
  const stack: { token: CST.Token; depth: number }[] = [];
  for (const token of new Parser().parse(text)) stack.push({ token, depth: 0 });
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: CST.Token; depth: number };
    const push = (child: CST.Token | null | undefined, childDepth: number) => {
      if (child) stack.push({ token: child, depth: childDepth });
    };
    switch (token.type) {
      case 'document':
        push(token.value, depth);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > MAX_DEPTH) {
          return {
            offset: token.offset,
            problem: `mappings and lists nested more than ${MAX_DEPTH} levels deep`,
            expected: `at most ${MAX_DEPTH} levels of nesting`,
          };
        }
        const isMapping =
          token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{');
        if (isMapping && token.items.length > MAX_KEYS_PER_MAPPING) {
          return {
            offset: token.offset,
            problem: `a mapping with ${token.items.length} keys`,
            expected: `at most ${MAX_KEYS_PER_MAPPING} keys in one mapping`,
          };
        }
        for (const item of token.items) {
          push((item as { key?: CST.Token | null }).key, depth + 1);
          push(item.value, depth + 1);
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/** How many values a node expands to with its aliases followed; Infinity past MAX_DEPTH (cycles). */
function expandedSize(root: Node | null, doc: Parameters<Alias['resolve']>[0]): number {
  const sizes = new Map<Node, number>();
  const sizeOf = (node: Node | null | undefined, depth: number): number => {
    if (node === null || node === undefined) return 1;
    if (depth > MAX_DEPTH) return Number.POSITIVE_INFINITY;
    if (isAlias(node)) return sizeOf(node.resolve(doc) as Node | undefined, depth + 1);
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let size = 1;
    if (isMap(node)) for (const pair of node.items) size += 1 + sizeOf(pair.value as Node | null, depth + 1);
    else if (isSeq(node)) for (const item of node.items) size += sizeOf(item as Node | null, depth + 1);
    sizes.set(node, size);
    return size;
  };
  return sizeOf(root, 0);
}

/** `inPostWte: +20` is the number 20 to YAML: almost certainly a change meant as `"+20"`. */
function unquotedPlus(source: string, value: number, location: SourceLocation, fieldPath: string) {
  return new ScenarioError({
    location,
    fieldPath,
    problem: `${source} without quotes, which YAML reads as the number ${value}`,
    expected: `"${source}" in quotes for a change of the inherited value, or ${value} for the number itself`,
    hint: `write '${source}' in quotes: unquoted, YAML reads it as the number ${value}`,
  });
}

/** `inPostWte: *1.2` is a YAML alias (to an anchor `&1.2`), almost certainly meant as `"*1.2"`. */
function undefinedAlias(name: string, location: SourceLocation, fieldPath: string) {
  const numeric = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(name);
  return new ScenarioError({
    location,
    fieldPath,
    problem: `*${clip(name)} is a YAML alias, and no anchor &${clip(name)} is defined before it`,
    expected: numeric
      ? `"*${name}" in quotes to multiply the inherited value`
      : `an alias to an anchor defined earlier in the file (&${clip(name)})`,
    hint: numeric ? `write '*${name}' in quotes: unquoted, YAML reads it as an alias` : undefined,
  });
}

function firstLine(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}
