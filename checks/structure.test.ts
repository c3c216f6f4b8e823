/**
 * The code's shape rules (CONTRIBUTING.md), checked over packages/*\/src so they cannot drift:
 * no source file over 400 lines, no function over 80 lines (its body, as the TypeScript parser sees
 * it), and no import circle (relative `import` / `export … from` lines, type-only ones included).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Deliberate exceptions (`file:function` → its reason); none today. */
const LONG_FUNCTIONS_ALLOWED = new Map<string, string>();

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) out.push(relative(root, path));
    }
  };
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', pkg, 'src');
    if (statSync(join(root, 'packages', pkg)).isDirectory() && existsDir(src)) walk(src);
  }
  return out.sort();
}

function existsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Functions (declarations, methods, arrows, constructors, accessors) whose body exceeds `max` lines. */
function longFunctions(file: string, max: number): string[] {
  const sf = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const body = node.body as ts.Node;
      const lines =
        sf.getLineAndCharacterOfPosition(body.getEnd()).line -
        sf.getLineAndCharacterOfPosition(body.getStart()).line +
        1;
      const name = node.name !== undefined ? node.name.getText(sf) : '(anonymous)';
      if (lines > max) found.push(`${file}:${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The relative imports of each file, resolved to repository paths. */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const deps: string[] = [];
    for (const m of text.matchAll(/(?:import|export)[^'";]*?from\s+['"](\.[^'"]+)['"]/g)) {
      deps.push(relative(root, resolve(root, dirname(file), m[1])).replace(/\.js$/, '.ts'));
    }
    graph.set(file, deps);
  }
  return graph;
}

function circles(graph: Map<string, string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const dep of graph.get(node) ?? []) {
      if (!graph.has(dep)) continue;
      if (state.get(dep) === 'open') found.push([...stack.slice(stack.indexOf(dep)), dep].join(' → '));
      else if (state.get(dep) === undefined) visit(dep);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (state.get(node) === undefined) visit(node);
  return found;
}

describe('the code keeps its shape', () => {
  const files = sourceFiles();

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('no source file over 400 lines', () => {
    const long = files
      .map((f) => ({ f, lines: readFileSync(join(root, f), 'utf8').split('\n').length - 1 }))
      .filter((x) => x.lines > 400)
      .map((x) => `${x.f} (${x.lines} lines)`);
    expect(long).toEqual([]);
  });

  it('no function over 80 lines, apart from the listed exceptions', () => {
    const long = files
      .flatMap((f) => longFunctions(f, 80))
      .filter((entry) => !LONG_FUNCTIONS_ALLOWED.has(entry.replace(/ \(\d+ lines\)$/, '')));
    expect(long).toEqual([]);
  });

  it('no import circle inside a package', () => {
    expect(circles(importGraph(files))).toEqual([]);
  });
});
