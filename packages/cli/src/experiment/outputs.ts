/**
 * The experiment's folder (`--out DIR`): exactly these files, computed from the per-replication
 * records in (arm, replication) order and written all-or-nothing.
 */
import { existsSync, mkdtempSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  type DifferenceRow,
  dailyCsv,
  differencesCsv,
  histogramsCsv,
  MULTIPLE_COMPARISONS,
  type ReplicateResult,
  resultsCsv,
  type SummaryRow,
  seriesCsv,
  summaryCsv,
} from '@carepool/experiment';
import type { CareArmConfig } from '../care-model.js';
import { CliError } from '../errors.js';
import { SYSTEM_HEADLINES } from '../format.js';
import { writeFilesAtomically } from '../write-output.js';
import {
  finite,
  type ManifestInputs,
  manifestJson,
  resolvedScenarioYaml,
  SCHEMA_VERSION,
} from './manifest.js';
import { networkHeadlines } from './network-headlines.js';
import { summaryWideCsv } from './summary-wide.js';
import { type Headline, headlinesFrom } from './table.js';

/** Every file an experiment folder can hold; any of them left from an earlier run is replaced or removed. */
export const EXPERIMENT_FILES = [
  'results.csv',
  'summary.csv',
  'summary-wide.csv',
  'summary.json',
  'differences.csv',
  'daily.csv',
  'series.csv',
  'histograms.csv',
  'manifest.json',
  'scenario.resolved.yaml',
  'report.html',
] as const;

export interface OutputInputs extends Omit<ManifestInputs, 'outputs'> {
  summary: readonly SummaryRow[];
  differences: readonly DifferenceRow[];
  series: boolean;
}

/** The folder's files as (name, text), in a fixed order. */
export function outputFiles(o: OutputInputs): [string, string][] {
  const { result } = o;
  const files: [string, string][] = [
    ['results.csv', resultsCsv(result)],
    ['summary.csv', summaryCsv(result, o.summary)],
    ['summary-wide.csv', summaryWideCsv(result, o.summary, folderHeadlines(o.built))],
    ['summary.json', summaryJson(o)],
    ['differences.csv', differencesCsv(result, o.differences)],
    ['daily.csv', dailyCsv(result, o.confidence)],
  ];
  if (o.series) files.push(['series.csv', seriesCsv(result)]);
  files.push(
    ['histograms.csv', histogramsCsv(result)],
    ['scenario.resolved.yaml', resolvedScenarioYaml(o.built)],
  );
  const names = [...files.map(([n]) => n), 'manifest.json'];
  files.push(['manifest.json', manifestJson({ ...o, outputs: names })]);
  return files;
}

/** The headline outcomes of the folder's kind of scenario, the columns of summary-wide.csv. */
function folderHeadlines(built: OutputInputs['built']): Headline[] {
  return built.kind === 'system' ? headlinesFrom(SYSTEM_HEADLINES, 'ics') : networkHeadlines(built);
}

/** summary.json: the summary and differences as in their CSVs, plus how they were made. */
function summaryJson(o: OutputInputs): string {
  const result: ReplicateResult<CareArmConfig> = o.result;
  const arm = (i: number) => result.arms[i];
  const doc = {
    schemaVersion: SCHEMA_VERSION,
    provenance: {
      scenario: o.built.scenarios[0].given,
      scenarioHash: o.built.scenarios[0].loaded.hash,
      seed: o.seed,
      replicationsPerArm: result.replications,
      warmup: o.warmup,
      confidence: o.confidence,
      multipleComparisons: MULTIPLE_COMPARISONS,
      overrides: o.overrides,
    },
    arms: result.arms.map((a, i) => ({
      id: a.id,
      scenario: a.scenario,
      variant: a.variant,
      sweepPoint: a.sweepPoint,
      policy: a.policy,
      ...(result.failures.has(i) ? { failed: result.failures.get(i) } : {}),
    })),
    baseline: arm(0).id,
    ...(result.precision ? { precision: result.precision } : {}),
    summary: o.summary.map(({ arm: i, ...row }) => ({ arm: arm(i).id, ...row })),
    differences: o.differences.map(({ arm: i, baseline, ...row }) => ({
      arm: arm(i).id,
      baseline: arm(baseline).id,
      ...row,
    })),
  };
  return `${JSON.stringify(doc, finite, 2)}\n`;
}

/**
 * Checked before a long run, so its results are never lost at the end to an unwritable folder: the
 * nearest existing folder on the path must be a directory in which carepool can create one (probed
 * by making and removing an empty one, which also refuses /proc and /sys, where Node's recursive
 * mkdir would hang).
 */
export function checkOutputWritable(dir: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new CliError(`cannot write results to '${dir}': it exists and is not a directory`);
  }
  let probe = dir;
  while (!existsSync(probe) && dirname(probe) !== probe) probe = dirname(probe);
  if (!statSync(probe).isDirectory()) {
    throw new CliError(`cannot write results to '${dir}': '${probe}' is a file, not a folder`);
  }
  try {
    rmdirSync(mkdtempSync(join(probe, '.carepool-probe-')));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError(`cannot write results to '${dir}': cannot create a folder in '${probe}' (${code})`);
  }
}

export function writeExperimentDir(dir: string, files: readonly [string, string][]): void {
  writeFilesAtomically(dir, files, EXPERIMENT_FILES);
}
