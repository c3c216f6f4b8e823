/**
 * Measuring in several processes, one after the other (forks, as JMH calls them): V8 compiles each
 * process a little differently, and on a shared machine the neighbours change from minute to minute,
 * so the same code measured in two processes differs by more than either process's own interval
 * shows (up to 15–20% here for the allocation-heavy micro-benchmarks). Each fork runs the in-process
 * protocol (warm-up, rounds) and reports its medians; a case's figure is the geometric mean of the
 * forks' medians with a Student-t interval over them. Forks are added until `settled` or `maxForks`.
 */
import { spawnSync } from 'node:child_process';
import { CliError } from '../errors.js';
import type { CliIo } from '../io.js';
import { type MedianInterval, median, processInterval, relativeHalfWidth } from './decide.js';
import type { BenchRecord } from './record.js';

export interface ForkOptions {
  /** The `carepool` entry to run (a compiled bin). */
  entry: string;
  /** `bench` options every fork gets (--only, --min-rounds, --max-rounds). */
  childArgs: string[];
  minForks: number;
  maxForks: number;
  confidence: number;
  /** Checked after every fork from `minForks` on, with each case's figure so far. */
  settled: (ratios: ReadonlyMap<string, MedianInterval>) => boolean;
  quiet: boolean;
}

/** Runs one fork: `carepool bench --fork-child --json` in a new process; its benchmark record. */
function runFork(io: CliIo, options: ForkOptions): BenchRecord {
  const r = spawnSync(
    process.execPath,
    [options.entry, 'bench', '--fork-child', '--json', '--quiet', ...options.childArgs],
    { cwd: io.cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: process.env },
  );
  if (r.status !== 0) {
    throw new CliError(
      `a benchmark fork failed (exit ${r.status ?? r.signal}): ${r.stderr.trim().split('\n')[0] ?? ''}`,
    );
  }
  return JSON.parse(r.stdout) as BenchRecord;
}

/** Each case's figure over the forks so far. */
export function forkRatios(records: readonly BenchRecord[], confidence: number): Map<string, MedianInterval> {
  return new Map(
    records[0].cases.map((c) => [
      c.id,
      processInterval(
        records.map((r) => r.cases.find((x) => x.id === c.id)!.ratio.median),
        confidence,
      ),
    ]),
  );
}

export function runForks(io: CliIo, options: ForkOptions): { records: BenchRecord[]; settled: boolean } {
  const records: BenchRecord[] = [];
  for (let fork = 1; fork <= options.maxForks; fork++) {
    records.push(runFork(io, options));
    if (fork < Math.max(2, options.minForks)) continue;
    const ratios = forkRatios(records, options.confidence);
    if (!options.quiet) {
      const widest = [...ratios].sort((x, y) => relativeHalfWidth(y[1]) - relativeHalfWidth(x[1]))[0];
      io.stderr(
        `  fork ${fork}: widest interval ±${(relativeHalfWidth(widest[1]) * 100).toFixed(1)}% (${widest[0]})\n`,
      );
    }
    if (options.settled(ratios)) return { records, settled: true };
  }
  return { records, settled: false };
}

/** One benchmark record from the forks' records: figures over forks, every round's ratio kept. */
export function combineForks(
  records: readonly BenchRecord[],
  confidence: number,
  protocol: Record<string, string | number | boolean>,
): BenchRecord {
  const first = records[0];
  const ratios = forkRatios(records, confidence);
  return {
    ...first,
    generatedAt: new Date().toISOString(),
    protocol: {
      ...protocol,
      forks: records.length,
      roundsPerFork: records.map((r) => r.protocol.rounds).join(' '),
    },
    reference: { ...first.reference, nsPerOp: median(records.map((r) => r.reference.nsPerOp)) },
    cases: first.cases.map((c) => {
      const each = records.map((r) => r.cases.find((x) => x.id === c.id)!);
      const ratio = ratios.get(c.id)!;
      return {
        ...c,
        nsPerOp: median(each.map((x) => x.nsPerOp)),
        ratio,
        ratioRelativeHalfWidth: relativeHalfWidth(ratio),
        forkMedians: each.map((x) => x.ratio.median),
        ratios: each.flatMap((x) => x.ratios),
      };
    }),
  };
}
