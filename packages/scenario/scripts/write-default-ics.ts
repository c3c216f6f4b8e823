/**
 * Writes packages/model/src/default-ics.json from scenarios/ics-default.yaml, the one source of the
 * default ICS: the model reads the JSON (it never parses YAML nor imports this package). Run after
 * editing the YAML:
 *   npx tsx packages/scenario/scripts/write-default-ics.ts
 * test/load.test.ts ("ics-default.yaml loads into exactly defaultIcsConfig()") fails when they drift.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadScenario } from '../src/index.js';
import { ROOT } from './generated.js';

const loaded = loadScenario(path.join(ROOT, 'scenarios', 'ics-default.yaml'));
if (loaded.kind !== 'system') throw new Error('scenarios/ics-default.yaml must be a system scenario');
const file = path.join(ROOT, 'packages', 'model', 'src', 'default-ics.json');
writeFileSync(file, `${JSON.stringify(loaded.config, null, 2)}\n`);
// The repository's formatter has the last word on layout (the values are what the drift test reads).
execFileSync('npx', ['biome', 'format', '--write', file], { cwd: ROOT, stdio: 'inherit' });
console.log(`wrote ${path.relative(ROOT, file)}`);
