/**
 * The measuring protocol: after warm-up rounds (the model's code takes a few runs to be compiled
 * fully: the ICS case runs 4–5× slower in its first run than in its fifth), rounds of every case, each case timed between
 * two runs of the reference loop, in CPU time (a process that is descheduled on a shared machine
 * keeps its CPU time but not its wall time). A case's sample for the round is its time per operation
 * over the reference's (the mean of the runs before and after it), so a machine that slows down for
 * a while slows both. Rounds continue from `minRounds` until `settled` says so or `maxRounds`.
 */
import type { BenchCase } from './cases.js';
import { type MedianInterval, medianInterval } from './decide.js';

/** Rounds run and discarded before any is recorded. */
export const WARM_UP_ROUNDS = 3;

export interface MeasureOptions {
  cases: readonly BenchCase[];
  reference: BenchCase;
  minRounds: number;
  maxRounds: number;
  confidence: number;
  /** Checked after every round from `minRounds` on, with each case's median ratio so far. */
  settled: (ratios: ReadonlyMap<string, MedianInterval>) => boolean;
  /**
   * Multiplies every case's (not the reference's) CPU time by spinning after it: the injected
   * slowdown `bench:selftest` checks is caught (CAREPOOL_BENCH_SLOWDOWN). 1 = none.
   */
  slowdown: number;
  onRound?: (round: number, ratios: ReadonlyMap<string, MedianInterval>) => void;
}

export interface CaseSamples {
  /** CPU seconds of each recorded round. */
  cpuSeconds: number[];
  /** (case CPU seconds / ops) / (reference CPU seconds / reference ops), per recorded round. */
  ratios: number[];
}

export interface Measurement {
  rounds: number;
  /** Whether `settled` held when the rounds stopped (false: `maxRounds` was reached). */
  settled: boolean;
  reference: { cpuSeconds: number[] };
  cases: Map<string, CaseSamples>;
  wallSeconds: number;
}

// Results are folded in here so the optimiser cannot drop the work.
let sink = 0;

function cpuSecondsOf(run: () => number, slowdown: number): number {
  const started = process.cpuUsage();
  sink += run();
  const used = process.cpuUsage(started);
  const seconds = (used.user + used.system) / 1e6;
  if (slowdown === 1) return seconds;
  for (;;) {
    const now = process.cpuUsage(started);
    const total = (now.user + now.system) / 1e6;
    if (total >= seconds * slowdown) return total;
  }
}

export function measure(options: MeasureOptions): Measurement {
  const startedAt = performance.now();
  const { cases, reference } = options;
  const samples = new Map(cases.map((c) => [c.id, { cpuSeconds: [], ratios: [] } as CaseSamples]));
  const referenceSeconds: number[] = [];
  let rounds = 0;
  let settled = false;
  for (let round = 1 - WARM_UP_ROUNDS; round <= options.maxRounds; round++) {
    const warmUp = round <= 0;
    let before = cpuSecondsOf(reference.run, 1);
    for (const c of cases) {
      if (warmUp) for (let extra = 1; extra < (c.warmUpRuns ?? 1); extra++) c.run();
      const seconds = cpuSecondsOf(c.run, options.slowdown);
      const after = cpuSecondsOf(reference.run, 1);
      if (!warmUp) {
        const referencePerOp = (before + after) / 2 / reference.ops;
        const s = samples.get(c.id)!;
        s.cpuSeconds.push(seconds);
        s.ratios.push(seconds / c.ops / referencePerOp);
        referenceSeconds.push(after);
      }
      before = after;
    }
    if (warmUp) continue;
    rounds = round;
    const ratios = new Map(
      cases.map((c) => [c.id, medianInterval(samples.get(c.id)!.ratios, options.confidence)]),
    );
    options.onRound?.(round, ratios);
    if (round >= options.minRounds && options.settled(ratios)) {
      settled = true;
      break;
    }
  }
  if (sink === 0.123456789) process.stderr.write('');
  return {
    rounds,
    settled,
    reference: { cpuSeconds: referenceSeconds },
    cases: samples,
    wallSeconds: (performance.now() - startedAt) / 1000,
  };
}
