/**
 * Shared pieces of the standard workloads' scripts: argument parsing and the clocks. The workloads
 * themselves live in packages/cli/src/bench (so `carepool bench` runs the same code).
 */

/** Command-line options of `bench:workload`, after the workload name. */
export interface WorkloadArgs {
  /** `callback` (registered handlers + the Resource callback API) or `process` (generators). */
  style: string;
  /** W1: customers to complete. */
  customers: number;
  /** W2 / ics: simulated years. */
  years: number;
  /** W2: ward beds. */
  beds: number;
  /** Master seed of the random streams. */
  seed: number;
}

/** Parses `--name value` pairs; unknown names are an error so a typo cannot silently use a default. */
export function parseWorkloadArgs(argv: string[]): WorkloadArgs {
  const args: WorkloadArgs = { style: 'callback', customers: 1_000_000, years: 50, beds: 90, seed: 12345 };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined) {
      throw new Error(`expected '--name value' pairs; got '${argv.slice(i).join(' ')}'`);
    }
    const name = flag.slice(2);
    if (name === 'style') {
      args.style = value;
      continue;
    }
    if (!(name in args)) throw new Error(`unknown option '${flag}'`);
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0)
      throw new Error(`option '${flag}' needs a non-negative number; got '${value}'`);
    (args as unknown as Record<string, number>)[name] = n;
  }
  return args;
}

/** Wall-clock seconds since `startedNs` (from `process.hrtime.bigint()`). */
export function secondsSince(startedNs: bigint): number {
  return Number(process.hrtime.bigint() - startedNs) / 1e9;
}

/** CPU seconds (user + system, all threads) since `started` (from `process.cpuUsage()`). */
export function cpuSecondsSince(started: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
}

/** The median of repeated measurements (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Starts both clocks; the function returned reads the wall and CPU seconds since then. */
export function startClocks(): () => { wallSeconds: number; cpuSeconds: number } {
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  return () => ({ wallSeconds: secondsSince(started), cpuSeconds: cpuSecondsSince(cpuStarted) });
}

/** What every workload line reports, in this order: the run's counts, its times and the peak memory. */
export interface MeasuredLine {
  customers: number;
  events: number;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

/** Runs a workload between the clocks: its result, and the line's counts, times and memory. */
export function measured<R extends { customers: number; events: number }>(
  run: () => R,
): { result: R; line: MeasuredLine } {
  const clocks = startClocks();
  const result = run();
  const { wallSeconds, cpuSeconds } = clocks();
  const line = { customers: result.customers, events: result.events, wallSeconds, cpuSeconds };
  return { result, line: { ...line, peakRssMb: peakRssMb() } };
}
