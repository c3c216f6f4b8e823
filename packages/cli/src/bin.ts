/** Entry point: `tsx packages/cli/src/bin.ts <command> ...` (what `pnpm carepool` and bin/carepool.mjs run). */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
