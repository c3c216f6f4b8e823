/**
 * The default integrated care system: ~1.2 M people, three acute trusts each with a type-1 ED,
 * primary care, a community provider, two councils' social care, an ambulance service and a VCSE.
 *
 * One source: the values live in `scenarios/ics-default.yaml`, the commented file a planner edits
 * (each figure with its published anchor or the DERIVED note of docs/calibration.md). default-ics.json
 * is generated from it — `npx tsx packages/scenario/scripts/write-default-ics.ts` — so the model, its
 * tests, `calibrate.ts` and the benchmark read exactly what the file says without the model parsing
 * YAML (the scenario package does that, and depends on the model, not the other way round). A
 * scenario test fails when the two drift.
 */
import type { SystemConfig } from './config.js';
import data from './default-ics.json' with { type: 'json' };

// The JSON is checked against the schema when generated (and by the drift test), not by the compiler.
const DEFAULT_ICS = data as unknown as SystemConfig;

/** The default ICS: one year after a 60-day warm-up, the `siloed` policy. A fresh copy each call. */
export function defaultIcsConfig(): SystemConfig {
  return structuredClone(DEFAULT_ICS);
}
