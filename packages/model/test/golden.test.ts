/**
 * Golden results: every metric row of the mini ICS (three seeds) and of a short default ICS run,
 * compared exactly with the committed file. A change that keeps the random draws and the semantics
 * must leave them identical; a change that alters either (a new distribution, a new rule) updates
 * the file on purpose — `CAREPOOL_UPDATE_GOLDEN=1 pnpm exec vitest run packages/model/test/golden.test.ts`
 * — and says why in its commit.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MetricRow } from '../src/contracts.js';
import { defaultIcsConfig } from '../src/default-ics.js';
import { miniIcsConfig } from '../src/mini-ics.js';
import { runSystem } from '../src/run.js';

const FILE = new URL('./golden/metrics.json', import.meta.url);

function results(): Record<string, { metrics: MetricRow[]; eventsExecuted: number }> {
  const out: Record<string, { metrics: MetricRow[]; eventsExecuted: number }> = {};
  for (const seed of [1, 7, 42]) {
    const r = runSystem(miniIcsConfig(), { seed, replication: 0 });
    out[`mini.seed${seed}`] = { metrics: r.metrics, eventsExecuted: r.eventsExecuted };
  }
  const config = defaultIcsConfig();
  config.warmupDays = 20;
  config.durationDays = 40;
  const r = runSystem(config, { seed: 'golden', replication: 2 });
  out['default.60days'] = { metrics: r.metrics, eventsExecuted: r.eventsExecuted };
  return out;
}

describe('golden results', () => {
  it('mini ICS (3 seeds) and a short default ICS run give exactly the committed metric rows', () => {
    const now = results();
    if (process.env.CAREPOOL_UPDATE_GOLDEN === '1' || !existsSync(FILE)) {
      writeFileSync(FILE, `${JSON.stringify(now, null, 2)}\n`);
    }
    const golden = JSON.parse(readFileSync(FILE, 'utf8'));
    // NaN does not survive JSON: compare through it.
    expect(JSON.parse(JSON.stringify(now))).toEqual(golden);
  });
});
