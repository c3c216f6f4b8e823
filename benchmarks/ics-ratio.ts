/**
 * The default ICS replication against the hand-written loop, side by side (issue 12): alternating
 * runs of ../shared/benchmarks/baseline-mmc.mjs (4M customers) and of ics-replication.mjs (the
 * compiled care model, one year after the 60-day warm-up), in this tree and optionally in another
 * (`--before DIR`: a checkout of an older commit with node_modules and a built CLI), so a busy
 * machine slows both sides alike. Prints the medians: seconds per replication (CPU and wall) and
 * the replication's CPU time as a multiple of the loop's.
 *
 *   npx tsx benchmarks/ics-ratio.ts [--rounds 5] [--reps 2] [--before /path/to/old/tree]
 */
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './common.js';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const rounds = Number(option('rounds') ?? 5);
const reps = Number(option('reps') ?? 2);
const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const before = option('before');
const baseline = resolve(here, '../shared/benchmarks/baseline-mmc.mjs');
const preload = join(here, 'benchmarks/cpu-at-exit.mjs');

const lastJson = (out: string): Record<string, number> =>
  JSON.parse(
    out
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .at(-1) ?? '{}',
  );

function loopCpuSeconds(): number {
  const out = execFileSync('node', ['--import', preload, baseline, '--customers', '4000000'], {
    encoding: 'utf8',
  });
  return lastJson(out).cpuSecondsAfterStartup;
}

function ics(tree: string): { cpu: number; wall: number } {
  const script = join(tree, 'benchmarks/ics-replication.mjs');
  const out = execFileSync('node', [script, '--reps', String(reps)], { encoding: 'utf8', cwd: tree });
  const line = lastJson(out);
  return { cpu: line.cpuSecondsPerReplication, wall: line.secondsPerReplication };
}

const trees = before === undefined ? { after: here } : { before: resolve(before), after: here };
const rows: Record<string, { cpu: number[]; wall: number[]; ratio: number[] }> = {};
for (const name of Object.keys(trees)) rows[name] = { cpu: [], wall: [], ratio: [] };
for (let r = 0; r < rounds; r++) {
  for (const [name, tree] of Object.entries(trees)) {
    const loop = loopCpuSeconds();
    const run = ics(tree);
    rows[name].cpu.push(run.cpu);
    rows[name].wall.push(run.wall);
    rows[name].ratio.push(run.cpu / loop);
  }
  process.stderr.write(`round ${r + 1}/${rounds}\r`);
}
const summary: Record<string, unknown> = { rounds, repsPerRun: reps };
for (const [name, row] of Object.entries(rows)) {
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(' ');
  console.log(
    `${name}: ${median(row.cpu).toFixed(3)} s CPU per replication (${fmt(row.cpu)}), ` +
      `${median(row.wall).toFixed(3)} s wall; ${median(row.ratio).toFixed(3)}× the loop's CPU time for 4M customers (${fmt(row.ratio)})`,
  );
  summary[name] = {
    cpuSeconds: median(row.cpu),
    wallSeconds: median(row.wall),
    loopMultiple: median(row.ratio),
  };
}
console.log(JSON.stringify(summary));
