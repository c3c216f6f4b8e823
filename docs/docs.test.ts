/**
 * Executes every ```ts code block of docs/*.md, so the guide cannot drift from the code.
 * Each block is written to its own module under .carepool-tmp/ (inside the repository, so
 * `@carepool/...` imports resolve to the workspace) and imported; a block that throws fails its
 * test. Blocks fenced as ```ts norun are shown, not run.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, it } from 'vitest';

const docsDir = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(docsDir, '..', '.carepool-tmp', 'docs-blocks');

interface Block {
  file: string;
  line: number;
  code: string;
}

function extractBlocks(file: string): Block[] {
  const lines = readFileSync(join(docsDir, file), 'utf8').split('\n');
  const blocks: Block[] = [];
  let start = -1;
  let body: string[] = [];
  let run = false;
  let inFence = false;
  lines.forEach((line, i) => {
    const fence = /^```(\S*)\s*(.*)$/.exec(line.trim());
    if (!inFence && fence !== null && line.trimStart().startsWith('```')) {
      inFence = true;
      run = fence[1] === 'ts' && !/\bnorun\b/.test(fence[2]);
      start = i + 1;
      body = [];
      return;
    }
    if (inFence && line.trim() === '```') {
      inFence = false;
      if (run) blocks.push({ file, line: start, code: body.join('\n') });
      return;
    }
    if (inFence) body.push(line);
  });
  return blocks;
}

const files = readdirSync(docsDir)
  .filter((f) => f.endsWith('.md'))
  .sort();

describe('docs code blocks run as written', () => {
  mkdirSync(outDir, { recursive: true });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));
  for (const file of files) {
    const blocks = extractBlocks(file);
    blocks.forEach((block, index) => {
      it(`${file} block ${index + 1} (line ${block.line})`, async () => {
        const path = join(outDir, `${file.replace(/\W/g, '_')}_${index + 1}.ts`);
        writeFileSync(path, `${block.code}\nexport {};\n`);
        await import(pathToFileURL(path).href);
      });
    });
  }
});
