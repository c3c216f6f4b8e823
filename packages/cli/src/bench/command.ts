/**
 * `carepool bench [--out FILE] [--baseline FILE --max-regression 10%]`: measure the standard
 * workloads and the micro-benchmarks as ratios to the reference loop, repeated until stable; with a
 * baseline, judge each case's change and exit 3 on a regression, 4 when too unstable to judge.
 */
import { readFileSync } from 'node:fs';
import { resolvePath } from '../commands/validate.js';
import { CliError, ExitCode, UsageError } from '../errors.js';
import { renderTable } from '../format.js';
import type { CliIo } from '../io.js';
import { parseWholeNumber } from '../options.js';
import { writeFileAtomically } from '../write-output.js';
import { benchCases, REFERENCE } from './cases.js';
import {
  type CaseComparison,
  compareCase,
  comparisonExitCode,
  type MedianInterval,
  parseMaxRegression,
  relativeHalfWidth,
} from './decide.js';
import { combineForks, runForks } from './forks.js';
import { measure, WARM_UP_ROUNDS } from './measure.js';
import { type BenchRecord, benchRecord, environment, parseBaseline } from './record.js';

/** Without a baseline, rounds stop once every case's ratio is known to ±this fraction. */
export const STABLE_WITHIN = 0.05;
const CONFIDENCE = 0.95;

export interface BenchArgs {
  out?: string;
  baseline?: string;
  /** Allowed slowdown, a fraction (0.1 = 10%). */
  maxRegression: number;
  minRounds: number;
  maxRounds: number;
  only?: string[];
  /** The most processes to measure in (at least min(3, forks) are); 1: this process only. */
  forks: number;
  /** `--fork-child`: one fork of a parent `bench` — measure in this process and print the record. */
  forkChild: boolean;
  json: boolean;
  quiet: boolean;
}

export function benchArgs(a: Record<string, unknown>): BenchArgs {
  const last = (v: unknown) => (Array.isArray(v) ? v[v.length - 1] : v) as string | undefined;
  const raw = last(a.maxRegression);
  const maxRegression = raw === undefined ? 0.1 : parseMaxRegression(raw);
  if (maxRegression === undefined) {
    throw new UsageError(
      `--max-regression must be a slowdown such as 10% or 0.1 (above 0, at most 1000%); got '${raw}'`,
    );
  }
  if (raw !== undefined && last(a.baseline) === undefined)
    throw new UsageError('--max-regression goes with --baseline');
  const minRounds = parseWholeNumber('min-rounds', last(a.minRounds), 2, 1000) ?? 5;
  const maxRounds = parseWholeNumber('max-rounds', last(a.maxRounds), 2, 1000) ?? 8;
  if (maxRounds < minRounds)
    throw new UsageError(`--max-rounds (${maxRounds}) is below --min-rounds (${minRounds})`);
  const only = last(a.only)
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const out = last(a.out);
  const baseline = last(a.baseline);
  if (out?.trim() === '' || baseline?.trim() === '')
    throw new UsageError('--out and --baseline need a file name');
  return {
    ...(out !== undefined ? { out } : {}),
    ...(baseline !== undefined ? { baseline } : {}),
    maxRegression,
    minRounds,
    maxRounds,
    ...(only !== undefined ? { only } : {}),
    forks: parseWholeNumber('forks', last(a.forks), 1, 100) ?? 6,
    forkChild: a.forkChild === true,
    json: a.json === true,
    quiet: a.quiet === true,
  };
}

/** CAREPOOL_BENCH_SLOWDOWN: a factor ≥ 1 applied to every case's CPU time (for bench:selftest). */
function injectedSlowdown(): number {
  const raw = process.env.CAREPOOL_BENCH_SLOWDOWN;
  if (raw === undefined || raw === '') return 1;
  const value = Number(raw);
  if (!(value >= 1 && value <= 100))
    throw new UsageError(`CAREPOOL_BENCH_SLOWDOWN must be a factor from 1 to 100; got '${raw}'`);
  return value;
}

/**
 * Measures the cases (all, or --only) until stable — or, against a baseline, until every case is
 * judged — and returns the benchmark file's content with the comparison, if any. `pnpm bench` calls
 * it too, so both write the same file.
 */
export function runBench(
  io: CliIo,
  args: BenchArgs,
  entry: string | undefined = process.argv[1],
): { record: BenchRecord; judged?: CaseComparison[] } {
  const startedAt = performance.now();
  const slowdown = injectedSlowdown();
  const baseline = args.baseline !== undefined ? readBaseline(io, args.baseline) : undefined;
  const cases = selectCases(args.only);
  const comparisons = (ratios: ReadonlyMap<string, MedianInterval>): CaseComparison[] =>
    cases.flatMap((c) => {
      const b = baseline?.cases.find((x) => x.id === c.id);
      return b === undefined ? [] : [compareCase(c.id, ratios.get(c.id)!, b.ratio, args.maxRegression)];
    });
  const settled = (ratios: ReadonlyMap<string, MedianInterval>): boolean =>
    baseline !== undefined
      ? comparisons(ratios).every((c) => c.decision !== 'unstable')
      : stableWithin(ratios);
  const protocol = {
    clock: 'process CPU time (user + system)',
    confidence: CONFIDENCE,
    warmUpRounds: WARM_UP_ROUNDS,
    minRounds: args.minRounds,
    maxRounds: args.maxRounds,
    stopRule:
      baseline !== undefined
        ? 'every case judged ok or regression'
        : `every ratio known to ±${STABLE_WITHIN * 100}%`,
    ...(baseline !== undefined ? { maxRegression: args.maxRegression } : {}),
  };
  if (!args.quiet) {
    io.stderr(
      `carepool bench: ${cases.length} cases against the reference loop, in up to ${args.forks} process${args.forks === 1 ? '' : 'es'} of ` +
        `${args.minRounds}–${args.maxRounds} rounds after ${WARM_UP_ROUNDS} warm-up rounds` +
        `${slowdown !== 1 ? ` (CAREPOOL_BENCH_SLOWDOWN=${slowdown} injected)` : ''}\n`,
    );
  }
  let record: BenchRecord;
  if (args.forkChild || args.forks === 1) {
    // A fork stops on its own precision; the decision against a baseline is taken over forks.
    const m = measureHere(io, args, cases, slowdown, args.forkChild ? stableWithin : settled);
    record = benchRecord(m, cases, REFERENCE, environment(io.cwd, slowdown), { ...protocol, forks: 1 });
  } else {
    if (entry === undefined) throw new CliError('bench: cannot tell which carepool to run the forks with');
    const forks = runForks(io, {
      entry,
      childArgs: [
        ...(args.only !== undefined ? ['--only', args.only.join(',')] : []),
        '--min-rounds',
        String(args.minRounds),
        '--max-rounds',
        String(args.maxRounds),
      ],
      minForks: Math.min(3, args.forks),
      maxForks: args.forks,
      confidence: CONFIDENCE,
      settled,
      quiet: args.quiet,
    });
    record = combineForks(forks.records, CONFIDENCE, {
      ...protocol,
      settled: forks.settled,
      wallSeconds: Number(((performance.now() - startedAt) / 1000).toFixed(2)),
    });
  }
  const final = new Map(record.cases.map((c) => [c.id, c.ratio]));
  return { record, ...(baseline !== undefined ? { judged: comparisons(final) } : {}) };
}

/** Every case, or those `--only` names (an unknown id is a usage error). */
function selectCases(only: readonly string[] | undefined): ReturnType<typeof benchCases> {
  const all = benchCases();
  const unknown = (only ?? []).filter((id) => !all.some((c) => c.id === id));
  if (unknown.length > 0) {
    throw new UsageError(
      `--only: no case ${unknown.join(', ')}; the cases are ${all.map((c) => c.id).join(', ')}`,
    );
  }
  return only === undefined ? all : all.filter((c) => only.includes(c.id));
}

const stableWithin = (ratios: ReadonlyMap<string, MedianInterval>): boolean =>
  [...ratios.values()].every((r) => relativeHalfWidth(r) <= STABLE_WITHIN);

/** Measures in this process, printing each round's widest interval unless quiet. */
function measureHere(
  io: CliIo,
  args: BenchArgs,
  cases: ReturnType<typeof benchCases>,
  slowdown: number,
  settled: (ratios: ReadonlyMap<string, MedianInterval>) => boolean,
): ReturnType<typeof measure> {
  return measure({
    cases,
    reference: REFERENCE,
    minRounds: args.minRounds,
    maxRounds: args.maxRounds,
    confidence: CONFIDENCE,
    slowdown,
    settled,
    onRound: (round, ratios) => {
      if (args.quiet) return;
      const widest = [...ratios].sort((x, y) => relativeHalfWidth(y[1]) - relativeHalfWidth(x[1]))[0];
      io.stderr(
        `  round ${round}: widest interval ±${(relativeHalfWidth(widest[1]) * 100).toFixed(1)}% (${widest[0]})\n`,
      );
    },
  });
}

export async function benchCommand(io: CliIo, args: BenchArgs): Promise<number> {
  const { record, judged } = runBench(io, args);
  if (args.out !== undefined)
    writeFileAtomically(resolvePath(io, args.out), `${JSON.stringify(record, null, 2)}\n`);
  const code = judged !== undefined ? comparisonExitCode(judged) : ExitCode.ok;
  if (args.json) {
    io.stdout(
      `${JSON.stringify({ ...record, ...(judged !== undefined ? { comparison: judged, exitCode: code } : {}) }, null, 2)}\n`,
    );
  } else {
    io.stdout(`${benchTable(record, judged, args.maxRegression)}\n`);
  }
  if (!args.quiet && args.out !== undefined) io.stderr(`wrote ${args.out}\n`);
  return code;
}

function readBaseline(io: CliIo, file: string): BenchRecord {
  let text: string;
  try {
    text = readFileSync(resolvePath(io, file), 'utf8');
  } catch (error) {
    throw new CliError(
      `--baseline ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  return parseBaseline(text, file);
}

const pct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}%`;

function benchTable(
  record: BenchRecord,
  judged: CaseComparison[] | undefined,
  maxRegression: number,
): string {
  const header = ['case', 'ns per op', 'op', '× reference', '95% interval'];
  if (judged) header.push('change vs baseline', 'interval', 'decision');
  const rows = record.cases.map((c) => {
    const cells = [
      c.id,
      c.nsPerOp.toFixed(c.nsPerOp < 100 ? 1 : 0),
      c.op,
      c.ratio.median.toFixed(3),
      `${c.ratio.low.toFixed(3)}–${c.ratio.high.toFixed(3)} (±${(c.ratioRelativeHalfWidth * 100).toFixed(1)}%)`,
    ];
    if (judged) {
      const j = judged.find((x) => x.id === c.id);
      cells.push(
        j ? pct(j.change - 1) : 'not in baseline',
        j ? `${pct(j.changeLow - 1)} to ${pct(j.changeHigh - 1)}` : '',
        j
          ? j.decision === 'regression'
            ? 'REGRESSION'
            : j.decision === 'unstable'
              ? 'too unstable'
              : 'ok'
          : '',
      );
    }
    return cells;
  });
  const p = record.protocol;
  const lines = [
    renderTable(header, rows),
    '',
    `reference loop: ${record.reference.nsPerOp.toFixed(0)} ns per customer; ` +
      (Number(p.forks) > 1
        ? `${p.forks} processes of ${p.roundsPerFork} rounds (${p.settled ? 'stopped: settled' : 'stopped: --forks reached'})`
        : `${p.rounds} rounds (${p.settled ? 'stopped: settled' : 'stopped: --max-rounds reached'})`) +
      `, ${p.wallSeconds} s; commit ${record.environment.commit}`,
  ];
  if (judged) {
    const count = (d: string) => judged.filter((j) => j.decision === d).length;
    lines.push(
      `${count('ok')} ok, ${count('regression')} regressed beyond ${(maxRegression * 100).toFixed(0)}%, ${count('unstable')} too unstable to judge — exit ${comparisonExitCode(judged)}`,
    );
  }
  return lines.join('\n');
}
