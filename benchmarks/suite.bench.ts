/**
 * Micro-benchmarks of the kernel's building blocks (tinybench): the event calendar, the random
 * streams (and seedrandom's other algorithms, to justify alea), every distribution, and the
 * streaming monitors. Each task runs a batch of operations per call, so timer overhead is
 * negligible; the table reports operations per second and nanoseconds per operation.
 *
 *   npx tsx benchmarks/suite.bench.ts                    # table
 *   npx tsx benchmarks/suite.bench.ts --json out.json    # table, and JSON written to out.json
 *   npx tsx benchmarks/suite.bench.ts --json             # JSON only, on stdout
 *   npx tsx benchmarks/suite.bench.ts --filter random --time 500
 *
 * `pnpm bench` (benchmarks/bench.ts) runs these with the standard workloads into one file.
 *
 * Not part of `pnpm test`: numbers vary from machine to machine and run to run.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import {
  bernoulli,
  binomial,
  categorical,
  type Distribution,
  deterministic,
  EventCalendar,
  empirical,
  erlang,
  exponential,
  gamma,
  Histogram,
  lognormal,
  mixture,
  normal,
  poisson,
  type RandomStream,
  RandomStreams,
  Simulation,
  Tally,
  TimeWeighted,
  triangular,
  uniform,
  weibull,
} from '@carepool/engine';
import { Bench } from 'tinybench';

/** seedrandom is the engine's dependency; load it from there rather than adding one here. */
interface SeedrandomPrng {
  (): number;
  int32(): number;
}
type SeedrandomFactory = (seed: string) => SeedrandomPrng;
const seedrandom = createRequire(new URL('../packages/engine/package.json', import.meta.url))(
  'seedrandom',
) as SeedrandomFactory & Record<string, SeedrandomFactory>;

const BATCH = 10_000;

interface Options {
  timeMs: number;
  json: string | true | undefined;
  filter: string | undefined;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { timeMs: 300, json: undefined, filter: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const next = argv[i + 1];
    if (flag === '--json') {
      if (next !== undefined && !next.startsWith('--')) {
        options.json = next;
        i++;
      } else options.json = true;
    } else if (flag === '--time' && next !== undefined) {
      options.timeMs = Number(next);
      i++;
      if (!(options.timeMs > 0)) throw new Error(`--time needs a number of milliseconds > 0; got '${next}'`);
    } else if (flag === '--filter' && next !== undefined) {
      options.filter = next;
      i++;
    } else {
      throw new Error(`unknown option '${flag}' (expected --json [file], --time ms, --filter text)`);
    }
  }
  return options;
}

/** A named batch of `opsPerCall` operations, in a group of the table. */
interface Case {
  group: string;
  name: string;
  opsPerCall: number;
  fn: () => void;
}

// Results are folded into a sink so the optimiser cannot drop the work.
const sink = { value: 0 };

/**
 * Compiles `body` into its own function (`new Function`), run BATCH times per call with `i` as
 * the index and `acc` as an accumulator. One function per case keeps every call site in the loop
 * monomorphic, as it is in real model code: closures made from one shared literal would share
 * type feedback, and the cases would measure V8's megamorphic dispatch instead of themselves.
 */
function batchLoop(body: string, context: Record<string, unknown>): () => void {
  const names = Object.keys(context);
  const make = new Function(
    ...names,
    'sink',
    `return function batch() { let acc = 0; for (let i = 0; i < ${BATCH}; i++) { ${body} } sink.value += acc; };`,
  ) as (...args: unknown[]) => () => void;
  return make(...names.map((n) => context[n]), sink);
}

function calendarCases(): Case[] {
  const cases: Case[] = [];
  // The "hold" model: pop the next event and schedule one a random time later, keeping the
  // number of pending events constant — the steady state of a queueing model.
  for (const pending of [16, 1_000, 100_000]) {
    const calendar = new EventCalendar();
    const s = new RandomStreams(1).stream('calendar');
    for (let i = 0; i < pending; i++) calendar.push(s.uniform() * 100, 0, 1, i);
    cases.push({
      group: 'calendar',
      name: `hold (pop + push), ${pending.toLocaleString('en')} pending`,
      opsPerCall: BATCH,
      fn: batchLoop(
        'const slot = calendar.pop(); acc += calendar.slotPayload[slot]; calendar.push(calendar.lastTime + s.uniform() * 100, 0, 1, i);',
        { calendar, s },
      ),
    });
  }
  {
    const calendar = new EventCalendar();
    const s = new RandomStreams(2).stream('calendar');
    cases.push({
      group: 'calendar',
      name: 'push 10,000 then pop all (per push + pop)',
      opsPerCall: BATCH,
      fn: batchLoop(
        'calendar.push(s.uniform() * 100, 0, 1, i); if (i === BATCH - 1) while (calendar.pop() >= 0) acc++;',
        {
          calendar,
          s,
          BATCH,
        },
      ),
    });
  }
  {
    // The whole kernel per event: run loop, dispatch to a registered handler, schedule.
    const sim = new Simulation();
    const s = new RandomStreams(3).stream('sim');
    const tick = sim.registerHandler((payload) => {
      sim.schedule(s.uniform() * 100, tick, payload);
    });
    for (let i = 0; i < 16; i++) sim.schedule(s.uniform() * 100, tick, i);
    // run(until) over a stretch holding about BATCH events (16 pending, mean gap 50 → 16/50 per unit).
    const span = (BATCH * 50) / 16;
    cases.push({
      group: 'calendar',
      name: 'Simulation: handler event (run + dispatch + schedule), 16 pending',
      opsPerCall: BATCH,
      fn: () => {
        sim.run(sim.now + span);
      },
    });
  }
  return cases;
}

function randomCases(): Case[] {
  const cases: Case[] = [];
  const stream = new RandomStreams(12345).stream('bench');
  cases.push({
    group: 'random',
    name: 'RandomStream.uniform (carepool: alea)',
    opsPerCall: BATCH,
    fn: batchLoop('acc += stream.uniform();', { stream }),
  });
  const algorithms: [string, SeedrandomPrng][] = [
    ['seedrandom alea', seedrandom.alea('bench')],
    ['seedrandom xor128', seedrandom.xor128('bench')],
    ['seedrandom xorwow', seedrandom.xorwow('bench')],
    ['seedrandom xorshift7', seedrandom.xorshift7('bench')],
    ['seedrandom xor4096', seedrandom.xor4096('bench')],
    ['seedrandom tychei', seedrandom.tychei('bench')],
    ['seedrandom default (ARC4)', seedrandom('bench')],
  ];
  for (const [name, prng] of algorithms) {
    cases.push({
      group: 'random',
      name: `${name} ()`,
      opsPerCall: BATCH,
      fn: batchLoop('acc += prng();', { prng }),
    });
  }
  cases.push({
    group: 'random',
    name: 'Math.random (reference only; not seedable)',
    opsPerCall: BATCH,
    fn: batchLoop('acc += Math.random();', {}),
  });
  return cases;
}

function distributionCases(): Case[] {
  const stream: RandomStream = new RandomStreams(7).stream('distributions');
  const list: [string, Distribution][] = [
    ['deterministic(5)', deterministic({ value: 5 })],
    ['uniform(0, 10)', uniform({ min: 0, max: 10 })],
    ['exponential(mean 60)', exponential({ mean: 60 })],
    ['triangular(1, 2, 6)', triangular({ min: 1, mode: 2, max: 6 })],
    ['normal(10, 2)', normal({ mean: 10, sd: 2 })],
    ['normal(10, 2) truncated to [8, 20]', normal({ mean: 10, sd: 2, min: 8, max: 20 })],
    ['lognormal(mean 120, sd 120)', lognormal({ mean: 120, sd: 120 })],
    ['gamma(shape 0.5, scale 2)', gamma({ shape: 0.5, scale: 2 })],
    ['gamma(shape 3, scale 2)', gamma({ shape: 3, scale: 2 })],
    ['weibull(shape 1.5, scale 10)', weibull({ shape: 1.5, scale: 10 })],
    ['erlang(k 3, mean 6)', erlang({ k: 3, mean: 6 })],
    ['poisson(mean 4)', poisson({ mean: 4 })],
    ['poisson(mean 400)', poisson({ mean: 400 })],
    ['bernoulli(0.35)', bernoulli({ p: 0.35 })],
    ['binomial(n 20, p 0.3)', binomial({ n: 20, p: 0.3 })],
    ['binomial(n 10000, p 0.3)', binomial({ n: 10_000, p: 0.3 })],
    ['categorical(8 weights)', categorical({ weights: [1, 2, 3, 4, 5, 6, 7, 8] })],
    [
      'empirical(1,000 values)',
      empirical({ sample: Array.from({ length: 1000 }, (_v, i) => (i * 7919) % 1000) }),
    ],
    [
      'mixture(2 exponentials)',
      mixture([
        { weight: 0.7, distribution: exponential({ mean: 30 }) },
        { weight: 0.3, distribution: exponential({ mean: 240 }) },
      ]),
    ],
  ];
  return list.map(([name, distribution]) => ({
    group: 'distributions',
    name,
    opsPerCall: BATCH,
    fn: batchLoop('acc += distribution.sample(stream);', { distribution, stream }),
  }));
}

function monitorCases(): Case[] {
  const stream = new RandomStreams(9).stream('monitors');
  const values = Float64Array.from({ length: BATCH }, () => -Math.log(stream.uniform()) * 60);
  const tally = new Tally();
  const histogram = new Histogram();
  const level = new TimeWeighted();
  const clock = { minutes: 0 };
  return [
    {
      group: 'monitors',
      name: 'Tally.record',
      opsPerCall: BATCH,
      fn: batchLoop('tally.record(values[i]);', { tally, values }),
    },
    {
      group: 'monitors',
      name: 'Histogram.record',
      opsPerCall: BATCH,
      fn: batchLoop('histogram.record(values[i]);', { histogram, values }),
    },
    {
      group: 'monitors',
      name: 'TimeWeighted.update',
      opsPerCall: BATCH,
      fn: batchLoop('clock.minutes += values[i]; level.update(clock.minutes, i & 15);', {
        level,
        values,
        clock,
      }),
    },
  ];
}

/** One row of the results. */
export interface SuiteRow {
  group: string;
  name: string;
  /** Mean operations per second. */
  opsPerSecond: number;
  /** Mean nanoseconds per operation. */
  nsPerOp: number;
  /** Relative margin of error of the mean (95%), in percent. */
  rmePercent: number;
  /** Calls of the batch function that were timed. */
  samples: number;
}

/** Runs the tinybench suites (those matching `filter`, if given), each task for `timeMs`. */
export async function runSuites(timeMs: number, filter?: string): Promise<SuiteRow[]> {
  const options = { timeMs, filter };
  const all = [...calendarCases(), ...randomCases(), ...distributionCases(), ...monitorCases()];
  const cases = all.filter(
    (c) =>
      options.filter === undefined ||
      `${c.group} ${c.name}`.toLowerCase().includes(options.filter.toLowerCase()),
  );
  if (cases.length === 0) throw new Error(`no benchmark matches --filter '${options.filter}'`);
  const bench = new Bench({ time: options.timeMs, warmupTime: Math.min(100, options.timeMs) });
  for (const c of cases) bench.add(`${c.group}: ${c.name}`, c.fn);
  await bench.run();

  const rows: SuiteRow[] = bench.tasks.map((task, i) => {
    const c = cases[i];
    const result = task.result;
    if (result.state !== 'completed')
      throw new Error(`benchmark '${task.name}' did not complete (${result.state})`);
    const msPerCall = result.latency.mean;
    return {
      group: c.group,
      name: c.name,
      opsPerSecond: (c.opsPerCall * 1000) / msPerCall,
      nsPerOp: (msPerCall * 1e6) / c.opsPerCall,
      rmePercent: result.latency.rme,
      samples: result.latency.samplesCount,
    };
  });
  if (sink.value === 0.123456789) console.error('(sink)');
  return rows;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const rows = await runSuites(options.timeMs, options.filter);
  const machine = {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: (await import('node:os')).cpus().length,
  };
  const report = { generatedAt: new Date().toISOString(), machine, timeMsPerTask: options.timeMs, rows };
  if (options.json !== true) printTable(rows);
  if (typeof options.json === 'string') writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
  if (options.json === true) console.log(JSON.stringify(report, null, 2));
}

function printTable(rows: SuiteRow[]): void {
  const fmtOps = (x: number): string =>
    x >= 1e6
      ? `${(x / 1e6).toFixed(1)} M/s`
      : x >= 1e3
        ? `${(x / 1e3).toFixed(1)} k/s`
        : `${x.toFixed(0)} /s`;
  const width = Math.max(...rows.map((r) => r.group.length + r.name.length + 2));
  console.log(
    `${'benchmark'.padEnd(width)}  ${'ops/s'.padStart(10)}  ${'ns/op'.padStart(8)}  ${'±%'.padStart(6)}`,
  );
  for (const r of rows) {
    console.log(
      `${`${r.group}: ${r.name}`.padEnd(width)}  ${fmtOps(r.opsPerSecond).padStart(10)}  ${r.nsPerOp.toFixed(1).padStart(8)}  ${r.rmePercent.toFixed(1).padStart(6)}`,
    );
  }
}

// Run directly (`tsx benchmarks/suite.bench.ts`): the suites alone; `pnpm bench` imports runSuites.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
