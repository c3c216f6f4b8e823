/**
 * Calibration of the default ICS against the published figures of docs/calibration.md: runs
 * replications of `defaultIcsConfig()` (one year after the warm-up, default policy) and prints each
 * measure's mean and 95% confidence interval (Student t) beside the published figure.
 *
 *   npx tsx packages/model/scripts/calibrate.ts [replications=30] [seed=calibration]
 *   npx tsx packages/model/scripts/calibrate.ts N --json [--seed S] [--days D] [--warmup W]
 *
 * Markdown by default; with --json only the JSON array goes to stdout (progress to stderr). --days
 * and --warmup shorten the run (for tests); the published figures are for a full year.
 */
import { defaultIcsConfig } from '../src/default-ics.js';
import { runSystem } from '../src/run.js';
import { calibrationRows, MEASURES, markdownTable } from './calibration-table.js';

interface Options {
  replications: number;
  seed: string;
  json: boolean;
  days?: number;
  warmup?: number;
}

function parseArgs(argv: readonly string[]): Options {
  const positional: string[] = [];
  const options: Options = { replications: 30, seed: 'calibration', json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') options.json = true;
    else if (a === '--seed') options.seed = argv[++i];
    else if (a === '--days') options.days = Number(argv[++i]);
    else if (a === '--warmup') options.warmup = Number(argv[++i]);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else positional.push(a);
  }
  if (positional[0] !== undefined) options.replications = Number(positional[0]);
  if (positional[1] !== undefined) options.seed = positional[1];
  if (!(Number.isInteger(options.replications) && options.replications >= 1))
    throw new Error(`replications must be a whole number ≥ 1; got ${positional[0]}`);
  return options;
}

/** Runs the replications and returns the table's output text (markdown or JSON). */
export function calibrate(argv: readonly string[], progress: (line: string) => void = () => {}): string {
  const o = parseArgs(argv);
  const config = defaultIcsConfig();
  if (o.days !== undefined) config.durationDays = o.days;
  if (o.warmup !== undefined) config.warmupDays = o.warmup;
  const values = MEASURES.map(() => [] as number[]);
  const started = performance.now();
  for (let rep = 0; rep < o.replications; rep++) {
    const result = runSystem(config, { seed: o.seed, replication: rep, dailySeries: true });
    MEASURES.forEach((m, i) => {
      values[i].push(m.value(result));
    });
    progress(`replication ${rep + 1}/${o.replications}\r`);
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = calibrationRows(values);
  if (o.json) return JSON.stringify(rows, null, 2);
  return [
    `Default ICS, ${o.replications} replications (seed \`${o.seed}\`), each ${config.durationDays} days after a ${config.warmupDays}-day warm-up, default policy (\`${config.workforce.policy}\`). ${seconds.toFixed(0)} s in total.`,
    '',
    markdownTable(rows),
  ].join('\n');
}

if (process.argv[1] !== undefined && /calibrate\.ts$/.test(process.argv[1])) {
  console.log(calibrate(process.argv.slice(2), (line) => process.stderr.write(line)));
}
