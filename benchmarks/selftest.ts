/**
 * `pnpm bench:selftest` (not part of `pnpm test`): does `carepool bench --baseline` tell a real
 * slowdown from noise on this machine? It records a baseline, compares five unchanged runs with it
 * (none may be flagged as a regression, exit 3) and one run with a 2x slowdown injected through
 * CAREPOOL_BENCH_SLOWDOWN=2 (it must be flagged, exit 3). Exits 0 when both hold, 1 otherwise.
 *
 *   pnpm -s bench:selftest [--only w1.callback,micro.seizeRelease] [--max-regression 10%]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Build once and run a copy of the build: every run measures the same code, even if a source changes
// (and the command rebuilds itself) meanwhile. The copy sits under packages/cli/node_modules so the
// build's few external imports still resolve.
const builder = pathToFileURL(join(root, 'packages/cli/scripts/build.mjs')).href;
const { ensureBuilt } = (await import(builder)) as { ensureBuilt: () => Promise<void> };
await ensureBuilt();
const copy = join(root, 'packages/cli/node_modules/.cache/carepool-bench-selftest');
rmSync(copy, { recursive: true, force: true });
cpSync(join(root, 'packages/cli/dist'), join(copy, 'dist'), { recursive: true });
cpSync(join(root, 'packages/cli/package.json'), join(copy, 'package.json'));
const bin = join(copy, 'dist/bin.js');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const only = option('only');
const maxRegression = option('max-regression') ?? '10%';
const baseline = join(mkdtempSync(join(tmpdir(), 'carepool-bench-selftest-')), 'baseline.json');

function bench(args: string[], slowdown?: string): { code: number; summary: string; seconds: number } {
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [bin, 'bench', '--quiet', '--json', ...(only ? ['--only', only] : []), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CAREPOOL_BENCH_SLOWDOWN: slowdown ?? '' },
    },
  );
  if (r.status === null || r.status === 1 || r.status === 2) {
    throw new Error(`carepool bench ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  }
  const doc = JSON.parse(r.stdout) as {
    protocol: { forks: number; roundsPerFork?: string; rounds?: number };
    comparison?: { id: string; change: number; decision: string }[];
  };
  const judged = doc.comparison ?? [];
  const ids = (decision: string) =>
    judged
      .filter((c) => c.decision === decision)
      .map((c) => `${c.id} ${c.change >= 1 ? '+' : '−'}${Math.abs((c.change - 1) * 100).toFixed(1)}%`);
  const parts = [
    `${doc.protocol.forks} processes (rounds ${doc.protocol.roundsPerFork ?? doc.protocol.rounds})`,
  ];
  if (judged.length > 0) parts.push(`${ids('ok').length} ok`);
  for (const d of ['regression', 'unstable']) if (ids(d).length > 0) parts.push(`${d}: ${ids(d).join(', ')}`);
  return { code: r.status, summary: parts.join('; '), seconds: (Date.now() - started) / 1000 };
}

console.log(`baseline: carepool bench --out ${baseline}`);
const first = bench(['--out', baseline]);
console.log(`  ${first.summary} (${first.seconds.toFixed(0)} s)`);
const compare = ['--baseline', baseline, '--max-regression', maxRegression];
const unchanged: number[] = [];
for (let i = 1; i <= 5; i++) {
  const r = bench(compare);
  unchanged.push(r.code);
  console.log(`unchanged run ${i}: exit ${r.code} — ${r.summary} (${r.seconds.toFixed(0)} s)`);
}
const slowed = bench(compare, '2');
console.log(
  `CAREPOOL_BENCH_SLOWDOWN=2: exit ${slowed.code} — ${slowed.summary} (${slowed.seconds.toFixed(0)} s)`,
);

const falseAlarms = unchanged.filter((c) => c === 3).length;
const ok = falseAlarms === 0 && slowed.code === 3;
console.log(
  `\nselftest ${ok ? 'passed' : 'FAILED'}: ${falseAlarms} of 5 unchanged runs flagged (exit codes ${unchanged.join(', ')}; ` +
    `4 = too unstable to judge, not a regression); the 2x slowdown ${slowed.code === 3 ? 'was' : 'was NOT'} flagged`,
);
process.exitCode = ok ? 0 : 1;
