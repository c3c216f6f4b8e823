/**
 * The results folder across interruptions. Each finished replication is appended to a journal in
 * the folder as one fsynced line, so the same command on the same folder after a kill -9 or Ctrl-C
 * redoes nothing finished. A folder holding another experiment is refused (exit 2) unless `--force`,
 * which builds the new results in a sibling folder and swaps it in only once complete. The journal
 * is deleted when the run completes; it is never part of the results.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeRecords, encodeRecord, type ReplicationRecord } from '@carepool/experiment';
import { CliError, UsageError } from '../errors.js';
import { writeFilesAtomically } from '../write-output.js';
import { EXPERIMENT_FILES } from './outputs.js';

export const JOURNAL_FILE = '.carepool-journal.jsonl';

/** The first line of a journal: which experiment (and shard) its records belong to. */
interface JournalHeader {
  journal: 1;
  experimentKey: string;
  shard: string | null;
}

/** An append-only, fsynced file of replication records. */
export class Journal {
  private fd: number;

  constructor(
    readonly path: string,
    header: JournalHeader,
    /** Records already in the file (a resumed run). */
    readonly completed: ReplicationRecord[],
  ) {
    const fresh = !existsSync(path);
    this.fd = openSync(path, 'a');
    if (fresh) {
      writeSync(this.fd, `${JSON.stringify(header)}\n`);
      fsyncSync(this.fd);
    }
  }

  append(record: ReplicationRecord): void {
    writeSync(this.fd, `${encodeRecord(record)}\n`);
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * Opens (or resumes) the journal at `path` for experiment `key`. A journal of another experiment is
 * `undefined` with `conflict` set; a last line cut short by a kill is cut off before appending.
 */
export function openJournal(
  path: string,
  key: string,
  shard: string | null,
): { journal?: Journal; conflict?: string } {
  if (!existsSync(path)) return { journal: new Journal(path, { journal: 1, experimentKey: key, shard }, []) };
  const text = readFileSync(path, 'utf8');
  const newline = text.indexOf('\n');
  let header: Partial<JournalHeader> = {};
  try {
    header = JSON.parse(newline < 0 ? text : text.slice(0, newline)) as JournalHeader;
  } catch {
    return { conflict: `'${path}' is not a carepool journal` };
  }
  if (header.experimentKey !== key || (header.shard ?? null) !== shard) {
    return { conflict: `'${dirname(path)}' holds an unfinished run of another experiment` };
  }
  const complete = text.lastIndexOf('\n') + 1;
  if (complete < text.length) truncateSync(path, Buffer.byteLength(text.slice(0, complete)));
  let completed: ReplicationRecord[];
  try {
    completed = decodeRecords(text.slice(newline + 1, complete));
  } catch (error) {
    throw new CliError(`cannot resume from '${path}': ${(error as Error).message}`);
  }
  return { journal: new Journal(path, { journal: 1, experimentKey: key, shard }, completed) };
}

/** The records of a finished journal (its header line skipped). */
export function journalRecords(path: string): ReplicationRecord[] {
  const text = readFileSync(path, 'utf8');
  return decodeRecords(text.slice(text.indexOf('\n') + 1));
}

/** Where a run writes: its journal now, and (via `finish`) the final files. */
export interface ResultsFolder {
  journal: Journal;
  /** Writes the final files, removes the journal, and swaps a forced replacement in. */
  finish(files: readonly [string, string][]): void;
  /** After a failed run: removes what this run created (a folder, or a journal with nothing in it). */
  abandon(): void;
}

/** The experiment key recorded in a folder's finished results, if any. */
function finishedKey(dir: string): string | undefined {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return undefined;
  try {
    return String((JSON.parse(readFileSync(manifest, 'utf8')) as { experimentKey?: unknown }).experimentKey);
  } catch {
    return 'unreadable';
  }
}

/** Prepares `dir` for experiment `key`: resumes its journal, or refuses another experiment's folder. */
export function openResultsFolder(dir: string, key: string, force: boolean): ResultsFolder {
  try {
    return openFolder(dir, key, force);
  } catch (error) {
    if (error instanceof UsageError || error instanceof CliError) throw error;
    throw new CliError(`cannot write results to '${dir}': ${(error as Error).message}`);
  }
}

function openFolder(dir: string, key: string, force: boolean): ResultsFolder {
  mkdirSync(dirname(dir), { recursive: true });
  const existed = existsSync(dir);
  let appended = false;
  let conflict: string | undefined;
  if (existsSync(dir)) {
    const theirs = finishedKey(dir);
    if (theirs !== undefined && theirs !== key) conflict = `'${dir}' holds the results of another experiment`;
  }
  let work = dir;
  let opened: { journal?: Journal; conflict?: string } = {};
  if (conflict === undefined) {
    mkdirSync(dir, { recursive: true });
    opened = openJournal(join(dir, JOURNAL_FILE), key, null);
    conflict = opened.conflict;
  }
  if (conflict !== undefined) {
    if (!force) throw new UsageError(`${conflict}; give --force to replace it, or choose another --out`);
    // Built beside the old folder and swapped in when complete; a forced run that was killed resumes here.
    work = join(dirname(dir), `.${basename(dir)}.carepool-new`);
    mkdirSync(work, { recursive: true });
    opened = openJournal(join(work, JOURNAL_FILE), key, null);
    if (opened.journal === undefined) {
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work, { recursive: true });
      opened = openJournal(join(work, JOURNAL_FILE), key, null);
    }
  }
  const journal = opened.journal!;
  const append = journal.append.bind(journal);
  journal.append = (record) => {
    appended = true;
    append(record);
  };
  return {
    journal,
    abandon() {
      journal.close();
      if (work !== dir) {
        if (!appended && journal.completed.length === 0) rmSync(work, { recursive: true, force: true });
      } else if (!existed && !appended) rmSync(dir, { recursive: true, force: true });
      else if (!appended && journal.completed.length === 0) rmSync(journal.path, { force: true });
    },
    finish(files) {
      journal.close();
      if (work === dir) {
        writeFilesAtomically(dir, files, EXPERIMENT_FILES);
        rmSync(journal.path, { force: true });
        return;
      }
      for (const [name, content] of files) writeFileSync(join(work, name), content);
      rmSync(journal.path, { force: true });
      const old = join(dirname(dir), `.${basename(dir)}.carepool-old`);
      rmSync(old, { recursive: true, force: true });
      renameSync(dir, old);
      renameSync(work, dir);
      rmSync(old, { recursive: true, force: true });
    },
  };
}
