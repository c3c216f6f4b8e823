#!/usr/bin/env node
// The installed `carepool` command: compiled JavaScript (rebuilt first if a source is newer).
import { ensureBuilt } from '../scripts/build.mjs';

try {
  await ensureBuilt();
} catch (error) {
  // A source file that does not compile (someone is editing carepool): one line, not a stack.
  const first = error?.errors?.[0];
  const where = first?.location ? `${first.location.file}:${first.location.line}: ` : '';
  process.stderr.write(
    `carepool: cannot build the command from its sources: ${where}${first?.text ?? String(error?.message ?? error).split('\n')[0]}\n`,
  );
  process.exit(1);
}
await import('../dist/bin.js');
