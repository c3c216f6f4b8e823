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
const T_99_DF9 = 3.25;
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
      '--json',
      '--quiet',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const rows: { metric: string; scope: string; value: number }[] = JSON.parse(r.out).metrics;
    for (const e of expected) {
      const values = rows
        .filter((row) => row.metric === e.metric && row.scope === e.scope)
        .map((row) => row.value);
      expect(values, `${e.metric}[${e.scope}] reported by every replication`).toHaveLength(REPLICATIONS);
      const mean = values.reduce((s, x) => s + x, 0) / values.length;
      const sd = Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1));
      // 1e-9 only so an exact value (no blocking in an infinite queue: sd 0) compares equal.
      const halfWidth = (T_99_DF9 * sd) / Math.sqrt(values.length) + 1e-9;
      expect(
        Math.abs(mean - e.theory),
        `${file} ${e.metric}[${e.scope}]: simulated ${mean.toFixed(4)} ± ${halfWidth.toFixed(4)}, theory ${e.theory}`,
      ).toBeLessThanOrEqual(halfWidth);
    }
  });
});
