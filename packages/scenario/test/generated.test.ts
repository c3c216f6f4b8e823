/** The committed generated files must equal what the schemas generate now. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles, ROOT } from '../scripts/generated.js';

describe('generated files', () => {
  for (const { file, content } of generatedFiles()) {
    it(`${file} is up to date (else run: npx tsx packages/scenario/scripts/write-generated.ts)`, () => {
      expect(readFileSync(path.join(ROOT, file), 'utf8') === content).toBe(true);
    });
  }
});
