/**
 * `pnpm bench`: the tinybench suites (suite.bench.ts: calendar, random streams, every distribution,
 * monitors) and the measurement `carepool bench` makes (W1, W2, the default ICS and the JaamSim-style
 * micro-benchmarks as ratios to the reference loop, until stable), written as ONE benchmark file
 * with the environment (Node, V8, CPU, commit). The file is a valid `carepool bench --baseline`.
 *
 *   pnpm -s bench                                   # writes benchmarks/results/bench.json
 *   pnpm -s bench --out my.json --time 200 --max-rounds 6 --forks 3
 *
 * Not part of `pnpm test`: numbers vary from machine to machine and run to run.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArgs, runBench } from '../packages/cli/src/bench/command.js';
import { processIo } from '../packages/cli/src/io.js';
import { writeFileAtomically } from '../packages/cli/src/write-output.js';
import { runSuites } from './suite.bench.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const out = resolve(option('out') ?? join(root, 'benchmarks/results/bench.json'));
const timeMs = Number(option('time') ?? 300);
if (!(timeMs > 0)) throw new Error(`--time needs milliseconds > 0; got '${option('time')}'`);

const io = processIo();
io.stderr(`tinybench suites (${timeMs} ms a task)…\n`);
const suites = await runSuites(timeMs);
// Forks run the compiled command (rebuilt first if a source is newer), as `carepool bench` does.
const { record } = runBench(
  io,
  benchArgs({ maxRounds: option('max-rounds'), minRounds: option('min-rounds'), forks: option('forks') }),
  join(root, 'packages/cli/bin/carepool.mjs'),
);
writeFileAtomically(out, `${JSON.stringify({ ...record, suites }, null, 2)}\n`);
for (const c of record.cases) {
  io.stdout(
    `${c.id.padEnd(26)} ${c.nsPerOp.toFixed(1).padStart(12)} ns per ${c.op.padEnd(16)} ${c.ratio.median.toFixed(3).padStart(10)}× reference (±${(c.ratioRelativeHalfWidth * 100).toFixed(1)}%)\n`,
  );
}
io.stdout(`${suites.length} suite rows; wrote ${out}\n`);
