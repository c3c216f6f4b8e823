/**
 * Writes the generated files of @carepool/scenario (scenarios/carepool.schema.json and the field
 * reference in docs/scenarios.md). Run after changing a schema:
 *   npx tsx packages/scenario/scripts/write-generated.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generatedFiles, ROOT } from './generated.js';

for (const { file, content } of generatedFiles()) {
  writeFileSync(path.join(ROOT, file), content);
  console.log(`wrote ${file}`);
}
