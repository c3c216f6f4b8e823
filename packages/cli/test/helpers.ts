/** Shared helpers for the CLI tests: run `main` in-process (or the bin script in a process) and capture what it printed. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoryIo } from '../src/io.js';
import { main } from '../src/main.js';

/** The repository root (tests pass paths relative to it, as a user at the root would). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process from the repository root. */
export async function cli(...argv: string[]): Promise<CliRun> {
  const io = memoryIo(REPO_ROOT);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

/** The installed bin script, as a user runs it. */
export const BIN = join(REPO_ROOT, 'packages/cli/bin/carepool.mjs');

/** Runs the bin script in a child process from the repository root (exit code null if it timed out). */
export function carepoolProcess(args: readonly string[], timeoutMs: number) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A fresh empty temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'carepool-cli-test-'));
}
