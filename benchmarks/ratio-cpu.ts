/**
 * W1 throughput ratio against the hand-written loop, like ../shared/benchmarks/ratio-w1.sh, but
 * with more alternating pairs and both clocks: wall time (loop only, as ratio-w1.sh uses) and CPU
 * time. On a shared machine a process that is descheduled keeps its CPU time but not its wall
 * time, so the CPU ratio is the steadier of the two; both are printed.
 *
 *   npx tsx benchmarks/ratio-cpu.ts [--customers 4000000] [--pairs 7]
 *
 * The baseline's CPU time is measured from after Node's start-up to exit (cpu-at-exit.mjs); it
 * therefore includes loading one small script and printing one line — slightly in its disfavour.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const customers = option('customers', 4_000_000);
const pairs = option('pairs', 7);
const baseline = fileURLToPath(new URL('../../shared/benchmarks/baseline-mmc.mjs', import.meta.url));
const preload = fileURLToPath(new URL('./cpu-at-exit.mjs', import.meta.url));

function jsonLines(command: string, args: string[]): Record<string, number>[] {
  const out = execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, number>);
}

function runBaseline(): { wall: number; cpu: number } {
  const lines = jsonLines('node', ['--import', preload, baseline, '--customers', String(customers)]);
  const result = lines.find((l) => 'wallSeconds' in l)!;
  const cpu = lines.find((l) => 'cpuSecondsAfterStartup' in l)!;
  return { wall: result.wallSeconds, cpu: cpu.cpuSecondsAfterStartup };
}

function runCarepool(style: string): { wall: number; cpu: number } {
  const lines = jsonLines('npx', [
    'tsx',
    'benchmarks/workload.ts',
    'w1',
    '--style',
    style,
    '--customers',
    String(customers),
  ]);
  const result = lines.find((l) => 'wallSeconds' in l)!;
  return { wall: result.wallSeconds, cpu: result.cpuSeconds };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const summary: Record<string, unknown> = { customers, pairs };
for (const style of ['callback', 'process']) {
  const wallRatios: number[] = [];
  const cpuRatios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const b = runBaseline();
    const c = runCarepool(style);
    wallRatios.push(b.wall / c.wall);
    cpuRatios.push(b.cpu / c.cpu);
  }
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(' ');
  console.log(
    `W1 ${style}: ${median(wallRatios).toFixed(3)}x the loop's throughput by wall time (pairs: ${fmt(wallRatios)}); ` +
      `${median(cpuRatios).toFixed(3)}x by CPU time (pairs: ${fmt(cpuRatios)}); ${customers} customers`,
  );
  summary[style] = { wall: median(wallRatios), cpu: median(cpuRatios), wallRatios, cpuRatios };
}
console.log(JSON.stringify(summary));
