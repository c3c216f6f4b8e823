#!/usr/bin/env node
// The installed `carepool` command. The workspace packages are TypeScript sources (no build step),
// so register tsx's loader first, then run the CLI's entry point.
import { register } from 'tsx/esm/api';

register();
await import('../src/bin.ts');
