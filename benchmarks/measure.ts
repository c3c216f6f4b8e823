/**
 * Reproduces the workload figures in docs/performance.md (apart from ratio-w1.sh, which is run on
 * its own): cost per customer at 1M and 4M customers (linearity), peak memory, and W2 timings.
 * Runs each configuration `--runs` times (default 5), alternating configurations so slow phases
 * of a busy machine hit all of them alike, and prints medians as markdown plus one JSON line.
 *
 *   npx tsx benchmarks/measure.ts [--runs 5] [--only linearity|w2]
 */
import { execFileSync } from 'node:child_process';
import { median } from './common.js';

interface Run {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  events: number;
  customers: number;
  [key: string]: unknown;
}

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const runs = Number(option('runs') ?? 5);
const only = option('only');

function workload(args: string[]): Run {
  // The same entry point as `pnpm -s bench:workload`, without pnpm's own start-up.
  const out = execFileSync('npx', ['tsx', 'benchmarks/workload.ts', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const line = out
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .pop();
  if (line === undefined) throw new Error(`no JSON line from workload ${args.join(' ')}`);
  return JSON.parse(line) as Run;
}

function measure(configs: Record<string, string[]>): Record<string, Run[]> {
  const results: Record<string, Run[]> = {};
  for (let r = 0; r < runs; r++) {
    for (const [name, args] of Object.entries(configs)) (results[name] ??= []).push(workload(args));
  }
  return results;
}

const summary: Record<string, unknown> = { runs };

if (only === undefined || only === 'linearity') {
  const configs: Record<string, string[]> = {};
  for (const style of ['callback', 'process']) {
    for (const n of [1_000_000, 4_000_000]) {
      configs[`${style} ${n / 1e6}M`] = ['w1', '--style', style, '--customers', String(n)];
    }
  }
  const results = measure(configs);
  console.log(`\nW1 linearity (median of ${runs}; ns per customer = seconds / customers)\n`);
  console.log('| style | customers | wall s | CPU s | wall ns/customer | CPU ns/customer | peak RSS MiB |');
  console.log('|---|---|---|---|---|---|---|');
  const rows: Record<string, unknown>[] = [];
  for (const [name, list] of Object.entries(results)) {
    const [style] = name.split(' ');
    const customers = list[0].customers;
    const wall = median(list.map((x) => x.wallSeconds));
    const cpu = median(list.map((x) => x.cpuSeconds));
    const rss = Math.max(...list.map((x) => x.peakRssMb));
    rows.push({ style, customers, wall, cpu, rss });
    console.log(
      `| ${style} | ${customers.toLocaleString('en')} | ${wall.toFixed(3)} | ${cpu.toFixed(3)} | ${((wall / customers) * 1e9).toFixed(0)} | ${((cpu / customers) * 1e9).toFixed(0)} | ${rss} |`,
    );
  }
  for (const style of ['callback', 'process']) {
    const one = rows.find((r) => r.style === style && r.customers === 1_000_000)!;
    const four = rows.find((r) => r.style === style && r.customers === 4_000_000)!;
    const perWall = (four.wall as number) / 4 / (one.wall as number);
    const perCpu = (four.cpu as number) / 4 / (one.cpu as number);
    console.log(
      `\n${style}: cost per customer at 4M / at 1M = ${perWall.toFixed(3)} (wall), ${perCpu.toFixed(3)} (CPU)`,
    );
    summary[`${style}PerCustomer4Mover1M`] = { wall: perWall, cpu: perCpu };
  }
  summary.linearity = rows;
}

if (only === undefined || only === 'w2') {
  const results = measure({
    'callback 90': ['w2', '--style', 'callback', '--years', '50'],
    'process 90': ['w2', '--style', 'process', '--years', '50'],
  });
  console.log(
    `\nW2, 50 years, 90 beds (median of ${runs}); the hand-written loop's published figure is 0.245 s\n`,
  );
  console.log('| style | patients | events | wall s | CPU s | × 0.245 s | peak RSS MiB | mean ED time h |');
  console.log('|---|---|---|---|---|---|---|---|');
  const rows: Record<string, unknown>[] = [];
  for (const [name, list] of Object.entries(results)) {
    const [style] = name.split(' ');
    const wall = median(list.map((x) => x.wallSeconds));
    const cpu = median(list.map((x) => x.cpuSeconds));
    const rss = Math.max(...list.map((x) => x.peakRssMb));
    const ed = list[0].meanEdTimeInSystemHours as number;
    rows.push({ style, wall, cpu, rss, ed, events: list[0].events, patients: list[0].customers });
    console.log(
      `| ${style} | ${list[0].customers.toLocaleString('en')} | ${list[0].events.toLocaleString('en')} | ${wall.toFixed(3)} | ${cpu.toFixed(3)} | ${(wall / 0.245).toFixed(2)} | ${rss} | ${ed.toFixed(2)} |`,
    );
  }
  summary.w2 = rows;
}

console.log(`\n${JSON.stringify(summary)}`);
