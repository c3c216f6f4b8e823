// One timed run of the default ICS as the product runs it: the compiled care model
// (packages/cli/dist/care-model.js, as the CLI's workers import it), replications of one year after
// the 60-day warm-up, daily series on, policy siloed. Build first: `pnpm -s build:cli`.
//   node benchmarks/ics-replication.mjs [--reps 3] [--seed 1] [--days 365]
// Prints one JSON line: seconds per replication (wall, and CPU of this process), events, peak RSS.
// `--days 0` builds the system and runs one day without warm-up: the start-up to subtract when
// counting instructions (docs/performance.md, "Counting work instead of timing it").
import { readFileSync } from 'node:fs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const reps = Number(arg('reps', 3));
const seed = arg('seed', '1');
const { careModel } = await import(new URL('../packages/cli/dist/care-model.js', import.meta.url).href);
const config = JSON.parse(
  readFileSync(new URL('../packages/model/src/default-ics.json', import.meta.url), 'utf8'),
);
const days = Number(arg('days', config.durationDays));
if (days === 0) {
  config.warmupDays = 0;
  config.durationDays = 1;
} else config.durationDays = days;
// The first replication pays JIT warm-up, as each worker's first does; it is timed like the others.
const wall0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
let events = 0;
for (let r = 0; r < reps; r++)
  events += (await careModel({ kind: 'system', config }, r, seed)).eventsExecuted;
const cpu = process.cpuUsage(cpu0);
const wallSeconds = Number(process.hrtime.bigint() - wall0) / 1e9;
console.log(
  JSON.stringify({
    workload: 'ics-replication',
    reps,
    events,
    secondsPerReplication: wallSeconds / reps,
    cpuSecondsPerReplication: (cpu.user + cpu.system) / 1e6 / reps,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
