/**
 * The standard workloads (../../shared/benchmarks/WORKLOADS.md), one run per invocation:
 *
 *   pnpm -s bench:workload w1 --style callback|process --customers N [--seed S]
 *   pnpm -s bench:workload w2 --style callback|process --years N [--beds 90] [--seed S]
 *   pnpm -s bench:workload ics --years N [--seed S]
 *
 * Prints ONE JSON line. `wallSeconds` covers the simulation only (model construction and run),
 * not Node/tsx start-up or module loading; `cpuSeconds` is the process's CPU time (user + system,
 * all threads) over the same span — steadier than wall time on a shared, busy machine;
 * `peakRssMb` is the process's peak resident set.
 *
 * `ics` runs the care model through `runIcsBenchmark` from @carepool/model, once that package
 * exports it: `runIcsBenchmark({ years, seed })` (sync or async) runs the default system for
 * `years` simulated years and returns a plain object of what it measured (ideally including
 * `events`); this script adds the timing and memory figures.
 */

import { runW1, W1_ERLANG_C_WAIT_HOURS } from '../packages/cli/src/bench/w1.js';
import { runW2 } from '../packages/cli/src/bench/w2.js';
import { measured, parseWorkloadArgs, peakRssMb, startClocks } from './common.js';

type Style = 'callback' | 'process';

function styleOf(style: string): Style {
  if (style !== 'callback' && style !== 'process') {
    throw new Error(`--style must be 'callback' or 'process'; got '${style}'`);
  }
  return style;
}

async function main(argv: string[]): Promise<number> {
  const [workload, ...rest] = argv;
  const args = parseWorkloadArgs(rest);
  let line: Record<string, unknown>;
  if (workload === 'w1') {
    const style = styleOf(args.style);
    const { result, line: measuredLine } = measured(() => runW1(style, args.customers, args.seed));
    line = {
      workload: 'w1',
      style,
      ...measuredLine,
      meanWaitHours: result.meanWaitHours,
      erlangCWaitHours: W1_ERLANG_C_WAIT_HOURS,
    };
  } else if (workload === 'w2') {
    const style = styleOf(args.style);
    const { result, line: measuredLine } = measured(() => runW2(style, args.years, args.beds, args.seed));
    line = {
      workload: 'w2',
      style,
      years: args.years,
      beds: args.beds,
      ...measuredLine,
      meanEdTimeInSystemHours: result.meanEdTimeInSystemHours,
      inEdAtEnd: result.inEdAtEnd,
    };
  } else if (workload === 'ics') {
    // Resolved at run time so the workloads run before the care model exists.
    const modelPackage = '@carepool/model';
    const model: Record<string, unknown> = await import(modelPackage).catch(() => ({}));
    const run = model.runIcsBenchmark;
    if (typeof run !== 'function') {
      console.error(
        "bench:workload ics: not available yet — @carepool/model does not export 'runIcsBenchmark({ years, seed })'",
      );
      return 1;
    }
    const clocks = startClocks();
    const result = (await run({ years: args.years, seed: args.seed })) as Record<string, unknown>;
    const { wallSeconds, cpuSeconds } = clocks();
    // The model reports `eventsExecuted`; `events` keeps the line comparable with W1/W2.
    const events = result.events ?? result.eventsExecuted;
    // simYears counts every simulated day, the warm-up included, since all of them cost time.
    const simYears = Number(result.simulatedDays) / 365;
    line = {
      workload: 'ics',
      years: args.years,
      events,
      ...result,
      simYears,
      wallSeconds,
      cpuSeconds,
      secondsPerSimYear: wallSeconds / simYears,
      eventsPerSecond: Number(events) / wallSeconds,
      peakRssMb: peakRssMb(),
    };
  } else {
    console.error(
      `usage: bench:workload w1|w2|ics [--style callback|process] [--customers N] [--years N] [--beds N] [--seed S]; got '${workload ?? ''}'`,
    );
    return 1;
  }
  console.log(JSON.stringify(line));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
