/**
 * Every textbook scenario, run through the command line, matches the theory written in its own
 * comments (`# expect <metric>[<scope>] = <value>`): theory must lie inside the 99% t confidence
 * interval of the mean over independent replications with a fixed master seed. There is no extra
 * allowance for finite-run bias: each scenario's warm-up and run length are long enough that its
 * bias is far below the interval's half-width (lengthen them, never widen the interval).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, REPO_ROOT } from './helpers.js';

const REPLICATIONS = 10;
/** Two-sided 99% t quantile for REPLICATIONS − 1 = 9 degrees of freedom. */
const DIR = 'scenarios/textbook';

interface Expectation {
  metric: string;
  scope: string;
  theory: number;
}

function expectations(text: string): Expectation[] {
  return [...text.matchAll(/^#\s*expect\s+(\S+)\[([^\]]+)\]\s*=\s*(-?[\d.]+(?:e-?\d+)?)\s*$/gm)].map((m) => ({
    metric: m[1],
    scope: m[2],
    theory: Number(m[3]),
  }));
}

beforeAll(() => {
  process.chdir(REPO_ROOT);
});

const files = readdirSync(join(REPO_ROOT, DIR)).filter((f) => f.endsWith('.yaml'));

describe('textbook scenarios through the CLI', () => {
  it('ships the eight textbook networks', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files)('%s matches its theory', async (file) => {
    const path = `${DIR}/${file}`;
    const expected = expectations(readFileSync(join(REPO_ROOT, path), 'utf8'));
    expect(expected.length, 'the scenario states its theory in `# expect` lines').toBeGreaterThan(0);
    const r = await cli(
      'run',
      path,
      '--reps',
      String(REPLICATIONS),
      '--seed',
      'textbook',
      '--confidence',
      '0.99',
      '--json',
      '--quiet',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // The product's own 99% t intervals over the replications (summary.json).
    const rows: { metric: string; scope: string; n: number; mean: number; ciLow: number; ciHigh: number }[] =
      JSON.parse(r.out).summary;
    for (const e of expected) {
      const row = rows.find((s) => s.metric === e.metric && s.scope === e.scope);
      expect(row, `${e.metric}[${e.scope}] reported`).toBeDefined();
      expect(row!.n, `${e.metric}[${e.scope}] reported by every replication`).toBe(REPLICATIONS);
      // An exact value (no blocking in an infinite queue: sd 0) has no interval: compare it directly.
      const low = row!.ciLow ?? row!.mean;
      const high = row!.ciHigh ?? row!.mean;
      expect(
        e.theory >= low - 1e-9 && e.theory <= high + 1e-9,
        `${file} ${e.metric}[${e.scope}]: simulated ${row!.mean.toFixed(4)} (99% CI ${low} to ${high}), theory ${e.theory}`,
      ).toBe(true);
    }
  });
});
