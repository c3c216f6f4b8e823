export { ScenarioError } from './errors.js';
export { findBuiltinDir } from './files.js';
export { scenarioJsonSchema } from './json-schema.js';
export { loadScenario, parseScenarioText } from './load.js';
export type { SourceLocation } from './location.js';
export type { Override } from './overrides.js';
export { applyOverrides, parseOverride } from './overrides.js';
export type {
  FileReader,
  LoadedScenario,
  LoadOptions,
  ParseOptions,
  ScenarioSource,
  SweepParameter,
  SweepSpec,
} from './types.js';
