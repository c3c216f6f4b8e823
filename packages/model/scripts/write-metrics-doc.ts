/**
 * Generates docs/metrics.md from the metric registry. Run from the repository root:
 * `npx tsx packages/model/scripts/write-metrics-doc.ts` (add `--check` to fail if the file drifted).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderMetricsDoc } from './metrics-doc.js';

const target = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/metrics.md');
const text = renderMetricsDoc();
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    console.error('docs/metrics.md is out of date: run npx tsx packages/model/scripts/write-metrics-doc.ts');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
