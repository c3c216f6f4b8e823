/**
 * The benchmark file `carepool bench --out` and `pnpm bench` write, and `--baseline` reads: the
 * environment (Node, V8, CPU, commit), the protocol, and per case its nanoseconds per operation and
 * its median ratio to the reference loop with the interval and every round's ratio.
 */
import { execFileSync } from 'node:child_process';
import { arch, cpus, platform, totalmem } from 'node:os';
import { CliError } from '../errors.js';
import type { BenchCase } from './cases.js';
import { type MedianInterval, median, medianInterval, relativeHalfWidth } from './decide.js';
import type { Measurement } from './measure.js';

export const BENCH_FORMAT = 'carepool-bench/1';

export interface CaseRecord {
  id: string;
  what: string;
  ops: number;
  op: string;
  /** Median CPU nanoseconds per operation on this machine (not comparable across machines). */
  nsPerOp: number;
  /** Median ratio of time per operation to the reference loop's per customer, with its interval. */
  ratio: MedianInterval;
  /** Half the ratio interval's width over its median (0.03 = ±3%). */
  ratioRelativeHalfWidth: number;
  /** Every recorded round's ratio, in order (of every fork, one after the other). */
  ratios: number[];
  /** Each fork's median ratio, when measured in several processes (the figure is over these). */
  forkMedians?: number[];
}

export interface BenchRecord {
  format: typeof BENCH_FORMAT;
  generatedAt: string;
  environment: Record<string, string | number>;
  protocol: Record<string, string | number | boolean>;
  reference: { id: string; what: string; ops: number; op: string; nsPerOp: number };
  cases: CaseRecord[];
  /** tinybench suites (`pnpm bench` only). */
  suites?: unknown[];
}

/** Node, V8, CPU and the commit measured (GITHUB_SHA, else `git rev-parse HEAD` in `cwd`, else unknown). */
export function environment(cwd: string, slowdown: number): Record<string, string | number> {
  let commit = process.env.GITHUB_SHA ?? '';
  if (commit === '') {
    try {
      commit = execFileSync('git', ['rev-parse', 'HEAD'], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      commit = 'unknown';
    }
  }
  const cpu = cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${platform()} ${arch()}`,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cpuCount: cpu.length,
    memoryMiB: Math.round(totalmem() / 2 ** 20),
    commit,
    ...(slowdown !== 1 ? { injectedSlowdown: slowdown } : {}),
  };
}

export function benchRecord(
  m: Measurement,
  cases: readonly BenchCase[],
  reference: BenchCase,
  env: Record<string, string | number>,
  protocol: Record<string, string | number | boolean>,
): BenchRecord {
  return {
    format: BENCH_FORMAT,
    generatedAt: new Date().toISOString(),
    environment: env,
    protocol: {
      ...protocol,
      rounds: m.rounds,
      settled: m.settled,
      wallSeconds: Number(m.wallSeconds.toFixed(2)),
    },
    reference: {
      id: reference.id,
      what: reference.what,
      ops: reference.ops,
      op: reference.op,
      nsPerOp: (median(m.reference.cpuSeconds) * 1e9) / reference.ops,
    },
    cases: cases.map((c) => {
      const s = m.cases.get(c.id)!;
      const ratio = medianInterval(s.ratios, Number(protocol.confidence));
      return {
        id: c.id,
        what: c.what,
        ops: c.ops,
        op: c.op,
        nsPerOp: (median(s.cpuSeconds) * 1e9) / c.ops,
        ratio,
        ratioRelativeHalfWidth: relativeHalfWidth(ratio),
        ratios: s.ratios,
      };
    }),
  };
}

/** Reads a baseline file; anything but a benchmark file of this format is an input error (exit 1). */
export function parseBaseline(text: string, file: string): BenchRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliError(`--baseline ${file}: not JSON (${(error as Error).message})`);
  }
  const record = parsed as Partial<BenchRecord>;
  if (record?.format !== BENCH_FORMAT || !Array.isArray(record.cases)) {
    throw new CliError(
      `--baseline ${file}: not a benchmark file of format '${BENCH_FORMAT}' (write one with carepool bench --out FILE)`,
    );
  }
  for (const [i, c] of record.cases.entries()) {
    const r = c?.ratio;
    if (
      typeof c?.id !== 'string' ||
      ![r?.median, r?.low, r?.high].every((x) => typeof x === 'number' && x > 0)
    ) {
      throw new CliError(
        `--baseline ${file}: cases[${i}] lacks an id or a positive ratio median, low and high`,
      );
    }
  }
  return record as BenchRecord;
}
