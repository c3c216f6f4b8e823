import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** carepool's version, from this package's package.json (works from src/ and from a build in dist/). */
export function carepoolVersion(): string {
  if (cached === undefined) {
    const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
    cached = String((JSON.parse(text) as { version?: unknown }).version ?? 'unknown');
  }
  return cached;
}
