/**
 * Every malformed scenario in test/corpus/ gives exactly one ScenarioError whose message names the
 * file, the line, the field path and what was expected. Files starting with `_` are companions
 * (an extends target, a CSV file), not cases.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, ScenarioError } from '@carepool/scenario';
import { describe, expect, it } from 'vitest';
import expected from './corpus-expected.json' with { type: 'json' };

const corpus = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');

/**
 * Expected, by case file (corpus-expected.json): the file the error is in when it is not the case
 * itself (`file`), its line, the field path, and key parts of the message.
 */
const CASES: Record<string, { file?: string; line: number; fieldPath: string; parts: string[] }> = expected;

function errorOf(file: string): ScenarioError {
  try {
    loadScenario(path.join(corpus, file));
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error(`${file} loaded without error`);
}

describe('malformed scenario corpus', () => {
  it('has an expectation for every case file', () => {
    const files = readdirSync(corpus).filter((f) => !f.startsWith('_'));
    expect(files.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [file, expected] of Object.entries(CASES)) {
    it(file, () => {
      const error = errorOf(file);
      const message = error.message;
      expect(message.split('\n')).toHaveLength(1);
      expect(path.basename(error.file)).toBe(expected.file ?? file);
      expect(error.line).toBe(expected.line);
      expect(error.fieldPath).toBe(expected.fieldPath);
      expect(message.startsWith(`${error.file}:${error.line}:${error.column}: `)).toBe(true);
      expect(message).toContain('; expected ');
      for (const part of expected.parts) expect(message).toContain(part);
    });
  }
});
