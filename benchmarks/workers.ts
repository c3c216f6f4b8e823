/**
 * Parallel speed-up of the experiment runner, measured side by side: the same default-ICS comparison
 * (two policies, common random numbers) through the compiled `carepool compare`, on 1 worker and on
 * 2 workers, alternating, in one invocation. Prints one JSON line per run and then the ratio of the
 * medians (1-worker wall time / 2-worker wall time), which is the speed-up; start-up included.
 *
 *   pnpm -s bench:workers [--reps 4] [--pairs 3]
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/bin/carepool.mjs');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function run(workers: number, reps: number): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      bin,
      'compare',
      'scenarios/ics-default.yaml',
      '--policies',
      'siloed,systemBank',
      '--reps',
      String(reps),
      '--workers',
      String(workers),
      '--quiet',
      '--json',
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  if (r.status !== 0) throw new Error(`carepool compare failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const reps = option('reps', 4);
const pairs = option('pairs', 3);
run(1, 1); // warm the file cache and the build
const times: Record<1 | 2, number[]> = { 1: [], 2: [] };
for (let p = 0; p < pairs; p++) {
  for (const workers of [1, 2] as const) {
    const wallSeconds = run(workers, reps);
    times[workers].push(wallSeconds);
    console.log(JSON.stringify({ workload: 'compare-ics', arms: 2, reps, workers, wallSeconds }));
  }
}
console.log(
  JSON.stringify({
    workload: 'compare-ics',
    speedup2v1: Number((median(times[1]) / median(times[2])).toFixed(3)),
    median1Seconds: median(times[1]),
    median2Seconds: median(times[2]),
  }),
);
