/**
 * Which files a scenario may read, and the record of what it read. A scenario names other files with
 * `extends` and CSV references; both must lie, on their real path after following symlinks, inside
 * the folder of the scenario given to the loader (or below it), inside a folder the user allowed
 * explicitly (`allowDirs`), or inside the scenarios shipped with carepool (`extends: builtin:<name>`).
 * So a scenario from someone else cannot read `/etc/shadow` or a secret beside it through a symlink.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clip } from './errors.js';
import type { FileReader, ScenarioSource } from './types.js';

/** How the shipped scenarios folder is recognised when walking up from this module. */
const BUILTIN_MARKER = path.join('scenarios', 'ics-default.yaml');
export const BUILTIN_PREFIX = 'builtin:';
const BUILTIN_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(\/[A-Za-z0-9][A-Za-z0-9_-]*)?$/;

/** The real path of `file`, following symlinks; the parts that do not exist are kept as written. */
export function realPath(file: string): string {
  const absolute = path.resolve(file);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    if (parent === absolute) return absolute;
    return path.join(realPath(parent), path.basename(absolute));
  }
}

/** Whether `file` (a real path) is `folder` or inside it. */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

const foundBuiltinDirs = new Map<string, string | undefined>();

/**
 * The scenarios folder installed with carepool: the first `scenarios/` holding `ics-default.yaml` in
 * or above the folder of the module at `moduleUrl` (this module in the source tree; the bundle itself
 * when the code is bundled into packages/cli/dist/*.mjs), or undefined if there is none.
 */
export function findBuiltinDir(moduleUrl: string | URL = import.meta.url): string | undefined {
  const start = path.dirname(fileURLToPath(moduleUrl));
  if (!foundBuiltinDirs.has(start)) {
    let found: string | undefined;
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, BUILTIN_MARKER))) {
        found = realPath(path.join(dir, 'scenarios'));
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    foundBuiltinDirs.set(start, found);
  }
  return foundBuiltinDirs.get(start);
}

/** The shipped scenario names (`ics-default`, `textbook/mm1`, ...) in a builtin folder. */
export function builtinNames(dir: string): string[] {
  const names: string[] = [];
  const visit = (folder: string, prefix: string, depth: number) => {
    let entries: string[];
    try {
      entries = readdirSync(folder).sort();
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry);
      if (entry.endsWith('.yaml')) names.push(`${prefix}${entry.slice(0, -'.yaml'.length)}`);
      else if (depth === 0 && !entry.startsWith('.') && isDirectory(full)) visit(full, `${entry}/`, 1);
    }
  };
  visit(dir, '', 0);
  return names;
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** The file a `builtin:<name>` names in `dir`, or a reason it names none. */
export function builtinFile(name: string, dir: string): string | { problem: string } {
  if (!BUILTIN_NAME.test(name)) return { problem: 'not a shipped scenario name' };
  return path.join(dir, `${name}.yaml`);
}

/** Largest file a scenario may read, bytes: far above any real scenario or data file. */
export const MAX_FILE_BYTES = 100_000_000;

/**
 * The bytes of a regular file of at most MAX_FILE_BYTES, checked before reading: a device, a pipe or
 * a huge file is refused without waiting for it (a read of /dev/zero or a FIFO would never end).
 */
export function readRegularFile(file: string): Buffer {
  const stats = statSync(file);
  if (stats.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
  if (!stats.isFile()) throw new Error('not a regular file');
  if (stats.size > MAX_FILE_BYTES)
    throw new Error(`${stats.size} bytes, more than the ${MAX_FILE_BYTES} a scenario file may have`);
  return readFileSync(file);
}

/** Why a read failed, in a few words (a file system message, clipped). */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'a folder, not a file';
  return clip(String((error as Error)?.message ?? error));
}

export const sha256Hex = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Reads what a scenario names and records every file read (real path, role, SHA-256). */
export class FileAccess {
  readonly sources: ScenarioSource[] = [];
  /** Real paths of the folders reads may come from. */
  readonly allowedRoots: string[];
  private builtinDirCache: string | undefined;

  constructor(
    scenarioFile: string,
    private readonly reader: FileReader | undefined,
    private readonly fromDisk: boolean,
    allowDirs: readonly string[],
    private readonly builtinDirOption: string | undefined,
  ) {
    // The folder the user named: a scenario file that is itself a link does not move the folder.
    this.allowedRoots = [
      realPath(path.dirname(path.resolve(scenarioFile))),
      ...allowDirs.map((d) => realPath(d)),
    ];
  }

  /** The shipped scenarios folder (real path), or undefined if none is installed. */
  builtinDir(): string | undefined {
    if (this.builtinDirCache === undefined) {
      this.builtinDirCache = this.builtinDirOption ? realPath(this.builtinDirOption) : findBuiltinDir();
    }
    return this.builtinDirCache;
  }

  /** Allows reads below the shipped scenarios folder (once a file extends a builtin). */
  allowBuiltin(): void {
    const dir = this.builtinDir();
    if (dir && !this.allowedRoots.includes(dir)) this.allowedRoots.push(dir);
  }

  /** The allowed folder `real` is in, or undefined. */
  rootOf(real: string): string | undefined {
    return this.allowedRoots.find((root) => isInside(real, root));
  }

  record(file: string, role: ScenarioSource['role'], bytes: Buffer | string): void {
    const real = realPath(file);
    if (this.sources.some((s) => s.path === real && s.role === role)) return;
    this.sources.push({ path: real, role, sha256: sha256Hex(bytes) });
  }

  /** Reads a file (already checked) and records it. Throws the reader's error. */
  read(absolute: string, role: ScenarioSource['role']): string {
    if (this.fromDisk) {
      // The real path, as checked: a link changed after the check cannot redirect the read.
      const bytes = readRegularFile(realPath(absolute));
      this.record(absolute, role, bytes);
      return bytes.toString('utf8');
    }
    if (!this.reader) throw new Error('reading other files is disabled here');
    const text = this.reader(absolute);
    this.record(absolute, role, text);
    return text;
  }
}
