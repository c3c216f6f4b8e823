/**
 * Every `carepool` command written in the README, docs/*.md and the shipped scenarios' comments is
 * a command that exists, with options that exist, naming scenario files that exist: each is parsed
 * by the CLI's own parser (without running it — the real runs are the CLI tests'), so no doc names
 * a command or behaviour carepool does not have.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../packages/cli/src/main.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PREFIXES = ['npx --yes pnpm@9.15.9 -s carepool ', 'carepool '];

/** Shell words of one command line: quotes and backslash-newline continuations, no expansion. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  let any = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      any = true;
    } else if (c === ' ' || c === '\t') {
      if (word !== '' || any) words.push(word);
      word = '';
      any = false;
    } else if (c === '#' && word === '' && !any) {
      break;
    } else if (c === '>' || c === '|' || c === ';' || (c === '&' && line[i + 1] === '&')) {
      break;
    } else word += c;
  }
  if (word !== '' || any) words.push(word);
  return words;
}

/** Documented command lines: from ```sh blocks (with $ prompts and continuations) and scenario comments. */
function documentedCommands(): { where: string; argv: string[] }[] {
  const found: { where: string; argv: string[] }[] = [];
  const take = (where: string, text: string) => {
    let t = text.trim().replace(/^\$ /, '');
    for (const p of PREFIXES) {
      const at = t.indexOf(p);
      if (at === 0 || (at > 0 && t.slice(0, at).trimEnd().endsWith('&&'))) {
        t = t.slice(at + p.length);
        found.push({ where, argv: shellWords(t) });
        return;
      }
    }
  };
  const markdown = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  for (const file of markdown) {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    let inSh = false;
    for (let i = 0; i < lines.length; i++) {
      const fence = lines[i].trim();
      if (fence.startsWith('```')) {
        inSh = !inSh && /^```(sh|bash|shell)\b/.test(fence);
        continue;
      }
      if (!inSh) continue;
      let line = lines[i];
      const start = i;
      while (line.trimEnd().endsWith('\\') && i + 1 < lines.length)
        line = `${line.trimEnd().slice(0, -1)} ${lines[++i]}`;
      take(`${file}:${start + 1}`, line);
    }
  }
  for (const f of readdirSync(join(root, 'scenarios')).filter((n) => n.endsWith('.yaml'))) {
    readFileSync(join(root, 'scenarios', f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/^#\s+carepool /.test(line)) take(`scenarios/${f}:${i + 1}`, line.replace(/^#\s+/, ''));
      });
  }
  return found;
}

describe('documented commands exist', () => {
  const commands = documentedCommands();

  it('finds the documented commands', () => {
    expect(commands.length).toBeGreaterThan(30);
    expect(commands.some((c) => c.where.startsWith('README.md') && c.argv[0] === 'compare')).toBe(true);
  });

  it.each(commands.map((c) => [c.where, c.argv] as const))('%s: carepool %j', (_where, argv) => {
    const parsed = parseCommandLine(argv);
    expect(parsed.usageError).toBeUndefined();
    for (const word of argv.slice(1)) {
      // A scenario file named as an argument must exist (outputs like --out targets are folders).
      if (/^[\w./-]+\.(yaml|yml)$/.test(word) && !word.startsWith('/')) {
        expect(existsSync(join(root, word)), `${word} exists`).toBe(true);
      }
    }
  });
});
