/** Shared test helpers: repository paths, a disk reader, and catching the one error type. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FileReader, type LoadedScenario, ScenarioError } from '@carepool/scenario';
import { expect } from 'vitest';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const scenarios = path.join(root, 'scenarios');
export const fromDisk: FileReader = (p) => readFileSync(p, 'utf8');

/** The config of a system scenario (fails the test for a network). */
export function system(loaded: LoadedScenario) {
  if (loaded.kind !== 'system') throw new Error('expected a system scenario');
  return loaded.config;
}

/** The ScenarioError `run` throws (fails the test if it throws nothing or something else). */
export function errorOf(run: () => unknown): ScenarioError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('expected a ScenarioError');
}
