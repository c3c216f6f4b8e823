/**
 * The scenario error corpus (packages/scenario/test/corpus/, one broken file per mistake; files
 * starting with `_` are helpers the others refer to) through the command line: each exits 1 with
 * exactly one line on stderr, no stack trace, and no files in --out.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, REPO_ROOT, tempDir } from './helpers.js';

const CORPUS = 'packages/scenario/test/corpus';

beforeAll(() => {
  process.chdir(REPO_ROOT);
});

const files = existsSync(join(REPO_ROOT, CORPUS))
  ? readdirSync(join(REPO_ROOT, CORPUS)).filter((f) => /^[^_].*\.(ya?ml|json)$/.test(f))
  : [];

describe('scenario error corpus through the CLI', () => {
  it('has a corpus to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s: validate and run exit 1 with one line, no stack, no output files', async (file) => {
    const path = `${CORPUS}/${file}`;
    const validate = await cli('validate', path);
    expect(validate.code).toBe(1);
    expect(validate.out).toBe('');
    const lines = validate.err.trimEnd().split('\n');
    expect(lines, validate.err).toHaveLength(1);
    expect(validate.err).not.toMatch(/^\s+at /m);
    expect(validate.err).not.toMatch(/internal error/);

    const out = join(tempDir(), 'results');
    const run = await cli('run', path, '--out', out, '--reps', '1');
    expect(run.code).toBe(1);
    expect(run.err).toBe(validate.err);
    expect(existsSync(out)).toBe(false);
  });
});
