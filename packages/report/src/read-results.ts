/**
 * Reads a results folder written by `carepool compare/sweep/run --out DIR`: summary.json (arms,
 * baseline, provenance, summary and difference rows), manifest.json, scenario.resolved.yaml, and the
 * daily and histogram CSVs (parsed with csv-parse). Nothing is recomputed here: the report shows
 * what the runner wrote.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DifferenceRow, SummaryRow } from '@carepool/experiment';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';

/** The report's own error: a folder that is not a results folder, or a file that cannot be read. */
export class ReportError extends Error {
  override name = 'ReportError';
}

export interface ArmInfo {
  id: string;
  scenario: string;
  variant: string;
  sweepPoint: string;
  policy: string;
  failed?: { replication: number; message: string };
}

/** One arm's outcome across replications, as in summary.json: the runner's row, the arm by id. */
export type SummaryRecord = SummaryRow<string>;

/** One arm's paired difference from the baseline, as in summary.json (the verdict's vocabulary is the runner's). */
export type DifferenceRecord = DifferenceRow<string>;

/** One day of one series of one arm (daily.csv): the mean over replications and its interval. */
export interface DailyRecord {
  arm: string;
  day: number;
  date: string;
  metric: string;
  scope: string;
  mean: number;
  ciLow: number;
  ciHigh: number;
}

/** One bin of a wait histogram (histograms.csv), counts summed over replications. */
export interface HistogramRecord {
  arm: string;
  metric: string;
  scope: string;
  binLow: number;
  binHigh: number;
  count: number;
}

export interface ResultsFolder {
  dir: string;
  provenance: {
    scenario: string;
    scenarioHash: string;
    seed: number | string;
    replicationsPerArm: number;
    warmup: { method: string; days: number };
    confidence: number;
    multipleComparisons: string;
    overrides: string[];
  };
  arms: ArmInfo[];
  baseline: string;
  summary: SummaryRecord[];
  differences: DifferenceRecord[];
  daily: DailyRecord[];
  histograms: HistogramRecord[];
  /** manifest.json as written (its fields are documented in docs/cli.md). */
  manifest: Record<string, unknown>;
  /** scenario.resolved.yaml, parsed. */
  scenario: Record<string, unknown>;
}

/** JSON's null (a value no replication could observe) read back as NaN, so every field is a number. */
function num(value: unknown): number {
  if (value === null || value === undefined || value === '') return Number.NaN;
  return Number(value);
}

function readText(dir: string, name: string): string {
  const file = join(dir, name);
  if (!existsSync(file)) {
    throw new ReportError(
      `'${dir}' has no ${name}: give a results folder written by compare, sweep or run --out`,
    );
  }
  return readFileSync(file, 'utf8');
}

/** The rows of a CSV file as records; with `keep`, only the records it accepts are kept while parsing. */
function readCsv(
  dir: string,
  name: string,
  keep?: (record: Record<string, string>) => boolean,
): Record<string, string>[] {
  try {
    return parseCsv(readText(dir, name), {
      columns: true,
      skip_empty_lines: true,
      on_record: keep === undefined ? undefined : (record) => (keep(record) ? record : null),
    }) as Record<string, string>[];
  } catch (error) {
    if (error instanceof ReportError) throw error;
    throw new ReportError(`cannot read ${join(dir, name)}: ${(error as Error).message}`);
  }
}

function readJson(dir: string, name: string): Record<string, unknown> {
  try {
    return JSON.parse(readText(dir, name)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ReportError) throw error;
    throw new ReportError(`cannot read ${join(dir, name)}: ${(error as Error).message}`);
  }
}

/**
 * What an arm is called on the page: with no sweep, its policy when every arm runs the base scenario
 * (`systemBank`, not `base/systemBank`), its variant when every arm runs one policy; else its id.
 */
export function armLabel(folder: ResultsFolder, id: string): string {
  const arm = folder.arms.find((a) => a.id === id);
  if (arm === undefined || folder.arms.some((a) => a.sweepPoint !== 'base')) return id;
  if (folder.arms.every((a) => a.variant === 'base')) return arm.policy;
  // Variants under one policy: the variant says it all.
  if (folder.arms.every((a) => a.policy === arm.policy)) return arm.variant;
  return id;
}

export interface ReadOptions {
  /**
   * The daily series to keep (by metric id); default all. daily.csv holds every series of every
   * arm, day by day, so a report that draws a few keeps only those: its memory then follows the
   * series it shows, not all the runner wrote (a year of the default ICS: 50 MB of CSV).
   */
  dailyMetrics?: ReadonlySet<string>;
}

export function readResultsFolder(dir: string, options: ReadOptions = {}): ResultsFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ReportError(
      `'${dir}' is not a folder: give a results folder written by compare, sweep or run --out`,
    );
  }
  const doc = readJson(dir, 'summary.json');
  if (doc.schemaVersion !== 1) {
    throw new ReportError(
      `${join(dir, 'summary.json')}: schemaVersion ${String(doc.schemaVersion)}; expected 1`,
    );
  }
  const arms = doc.arms as ArmInfo[];
  const armOf = new Map(arms.map((a) => [`${a.variant}\u0000${a.sweepPoint}\u0000${a.policy}`, a.id]));
  const arm = (r: Record<string, string>): string => {
    const id = armOf.get(`${r.variant}\u0000${r.sweepPoint}\u0000${r.policy}`);
    if (id === undefined) throw new ReportError(`${dir}: a CSV row names an arm summary.json does not list`);
    return id;
  };
  const numbers = <T>(rows: unknown, fields: readonly string[]): T[] =>
    (rows as Record<string, unknown>[]).map((r) => {
      const out: Record<string, unknown> = { ...r };
      for (const f of fields) out[f] = num(r[f]);
      return out as T;
    });
  const wanted = options.dailyMetrics;
  const keepDaily = wanted === undefined ? undefined : (r: Record<string, string>) => wanted.has(r.metric);
  const daily = readCsv(dir, 'daily.csv', keepDaily).map(
    (r): DailyRecord => ({
      arm: arm(r),
      day: num(r.day),
      date: r.date,
      metric: r.metric,
      scope: r.scope,
      mean: num(r.mean),
      ciLow: num(r.ciLow),
      ciHigh: num(r.ciHigh),
    }),
  );
  const histograms = readCsv(dir, 'histograms.csv').map(
    (r): HistogramRecord => ({
      arm: arm(r),
      metric: r.metric,
      scope: r.scope,
      binLow: num(r.binLow),
      binHigh: num(r.binHigh),
      count: num(r.count),
    }),
  );
  let scenario: Record<string, unknown>;
  try {
    scenario = parseYaml(readText(dir, 'scenario.resolved.yaml')) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ReportError) throw error;
    throw new ReportError(`cannot read ${join(dir, 'scenario.resolved.yaml')}: ${(error as Error).message}`);
  }
  return {
    dir,
    provenance: doc.provenance as ResultsFolder['provenance'],
    arms,
    baseline: String(doc.baseline),
    summary: numbers<SummaryRecord>(doc.summary, ['n', 'mean', 'sd', 'ciLow', 'ciHigh', 'confidence']),
    differences: numbers<DifferenceRecord>(doc.differences, [
      'n',
      'meanDiff',
      'ciLow',
      'ciHigh',
      'pairedHalfWidth',
      'unpairedHalfWidth',
      'pValue',
      'adjustedPValue',
      'replicationsToTell',
    ]),
    daily,
    histograms,
    manifest: readJson(dir, 'manifest.json'),
    scenario,
  };
}
