/**
 * Where the command line writes. `main` takes one of these so tests can run commands in-process and
 * read what they printed; `processIo()` is the real terminal.
 */
export interface CliIo {
  /** Writes to standard output (results: tables, JSON). */
  stdout(text: string): void;
  /** Writes to standard error (messages, errors). */
  stderr(text: string): void;
  /** The stream progress bars draw on, when standard error is an interactive terminal; else undefined. */
  progressStream: NodeJS.WritableStream | undefined;
  /** Directory relative paths are resolved against. */
  cwd: string;
}

/** The process's own terminal. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    progressStream: process.stderr.isTTY ? process.stderr : undefined,
    cwd: process.cwd(),
  };
}

/** An in-memory terminal for tests: everything written is kept in `out` and `err`. */
export function memoryIo(cwd: string = process.cwd()): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    progressStream: undefined,
    cwd,
  };
  return io;
}
