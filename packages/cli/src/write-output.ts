/**
 * Output files, written so that a failure never leaves a partial result: every file is first
 * written into a fresh temporary directory beside the target, and only when all are complete are
 * they moved into place (each move is an atomic rename on the same file system).
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './errors.js';
import { type RunResults, resultsJson, type TidyDailyRow, type TidyMetricRow } from './results.js';

/** The files `--out` can write; any of them left from an earlier run is replaced or removed. */
export const OUTPUT_FILES = ['results.json', 'metrics.csv', 'daily.csv'] as const;

/** Checks early (before a long run) that `dir` can become an output directory. */
export function checkOutputDir(dir: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new CliError(`cannot write results to '${dir}': it exists and is not a directory`);
  }
}

/** Writes results.json, metrics.csv and (when there is a daily series) daily.csv into `dir`. */
export function writeResultsDir(dir: string, results: RunResults): string[] {
  const files: [string, string][] = [
    ['results.json', resultsJson(results)],
    ['metrics.csv', metricsCsv(results.metrics)],
  ];
  if (results.daily.length > 0) files.push(['daily.csv', dailyCsv(results.daily)]);
  writeFilesAtomically(dir, files);
  return files.map(([name]) => join(dir, name));
}

/** Writes `files` (name, content) into `dir` all-or-nothing, and removes our other stale outputs there. */
export function writeFilesAtomically(dir: string, files: readonly [string, string][]): void {
  checkOutputDir(dir);
  const parent = dirname(dir);
  let staging: string;
  try {
    mkdirSync(parent, { recursive: true });
    staging = mkdtempSync(join(parent, `.${basename(dir)}.carepool-`));
  } catch (error) {
    throw new CliError(`cannot write results to '${dir}': ${(error as Error).message}`);
  }
  try {
    for (const [name, content] of files) writeFileSync(join(staging, name), content);
    if (!existsSync(dir)) {
      renameSync(staging, dir);
      return;
    }
    // The directory exists (perhaps with the user's own files): move ours in one by one.
    for (const [name] of files) renameSync(join(staging, name), join(dir, name));
    const written = new Set(files.map(([name]) => name));
    for (const stale of OUTPUT_FILES) if (!written.has(stale)) rmSync(join(dir, stale), { force: true });
    rmSync(staging, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new CliError(`cannot write results to '${dir}': ${(error as Error).message}`);
  }
}

/** Writes one file atomically (temporary file beside it, then rename). */
export function writeFileAtomically(file: string, content: string): void {
  const parent = dirname(file);
  try {
    mkdirSync(parent, { recursive: true });
    const staging = mkdtempSync(join(parent, `.${basename(file)}.carepool-`));
    try {
      writeFileSync(join(staging, basename(file)), content);
      renameSync(join(staging, basename(file)), file);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  } catch (error) {
    throw new CliError(`cannot write '${file}': ${(error as Error).message}`);
  }
}

/** Tidy metrics: scenario, policy, replication, metric, scope, statistic, value. */
export function metricsCsv(rows: readonly TidyMetricRow[]): string {
  const lines = ['scenario,policy,replication,metric,scope,statistic,value'];
  for (const r of rows) {
    lines.push(csvLine([r.scenario, r.policy, r.replication, r.metric, r.scope, r.statistic, r.value]));
  }
  return `${lines.join('\n')}\n`;
}

/** Tidy daily series: scenario, policy, replication, day, date, metric, scope, value. */
export function dailyCsv(rows: readonly TidyDailyRow[]): string {
  const lines = ['scenario,policy,replication,day,date,metric,scope,value'];
  for (const r of rows) {
    lines.push(csvLine([r.scenario, r.policy, r.replication, r.day, r.date, r.metric, r.scope, r.value]));
  }
  return `${lines.join('\n')}\n`;
}

function csvLine(cells: readonly (string | number)[]): string {
  return cells.map(csvCell).join(',');
}

/** RFC 4180 quoting; numbers at full precision; NaN (nothing observed) as an empty cell. */
function csvCell(cell: string | number): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
