/**
 * Output files, written so that a failure never leaves a partial result: every file is first
 * written into a fresh temporary directory beside the target, and only when all are complete are
 * they moved into place (each move is an atomic rename on the same file system).
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './errors.js';

function checkOutputDir(dir: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new CliError(`cannot write results to '${dir}': it exists and is not a directory`);
  }
}

/** Writes `files` (name, content) into `dir` all-or-nothing, and removes our other stale outputs there. */
export function writeFilesAtomically(
  dir: string,
  files: readonly [string, string][],
  /** Our file names: any of them in `dir` not among `files` is stale and removed. */
  known: readonly string[],
): void {
  checkOutputDir(dir);
  const parent = dirname(dir);
  let staging: string;
  try {
    mkdirSync(parent, { recursive: true });
    staging = mkdtempSync(join(parent, `.${basename(dir)}.carepool-`));
  } catch (error) {
    throw new CliError(`cannot write results to '${dir}': ${(error as Error).message}`);
  }
  try {
    for (const [name, content] of files) writeFileSync(join(staging, name), content);
    if (!existsSync(dir)) {
      renameSync(staging, dir);
      return;
    }
    // The directory exists (perhaps with the user's own files): move ours in one by one.
    for (const [name] of files) renameSync(join(staging, name), join(dir, name));
    const written = new Set(files.map(([name]) => name));
    for (const stale of known) if (!written.has(stale)) rmSync(join(dir, stale), { force: true });
    rmSync(staging, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new CliError(`cannot write results to '${dir}': ${(error as Error).message}`);
  }
}

/** Writes one file atomically (temporary file beside it, then rename). */
export function writeFileAtomically(file: string, content: string): void {
  const parent = dirname(file);
  try {
    mkdirSync(parent, { recursive: true });
    const staging = mkdtempSync(join(parent, `.${basename(file)}.carepool-`));
    try {
      writeFileSync(join(staging, basename(file)), content);
      renameSync(join(staging, basename(file)), file);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  } catch (error) {
    throw new CliError(`cannot write '${file}': ${(error as Error).message}`);
  }
}
