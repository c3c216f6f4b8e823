#!/usr/bin/env node
// The installed `carepool` command: compiled JavaScript (rebuilt first if a source is newer).
import { ensureBuilt } from '../scripts/build.mjs';

await ensureBuilt();
await import('../dist/bin.js');
