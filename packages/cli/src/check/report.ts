/**
 * What `carepool check` shows: the table, the `--json` document, the JUnit XML file, and the exit
 * code the judgements give.
 */
import { ExitCode } from '../errors.js';
import { formatDifference } from '../experiment/table.js';
import { formatValue, renderTable } from '../format.js';
import type { ExpectationResult } from './evaluate.js';

/** What the reports say about the run besides the judgements. */
export interface CheckRun {
  scenario: string;
  seed: number | string;
  confidence: number;
  /** Replications per arm that were run. */
  replications: number;
  arms: string[];
  wallSeconds: number;
}

/** 1 when an arm failed, else 3 when any failed, else 4 when any is inconclusive, else 0. */
export function checkExitCode(results: readonly ExpectationResult[]): number {
  if (results.some((r) => r.outcome === 'error')) return ExitCode.failure;
  if (results.some((r) => r.outcome === 'fail')) return ExitCode.failed;
  if (results.some((r) => r.outcome === 'inconclusive')) return ExitCode.inconclusive;
  return ExitCode.ok;
}

const level = (confidence: number) => `${Number((confidence * 100).toPrecision(4))}%`;

function shown(r: ExpectationResult, value: number): string {
  return r.expectation.kind === 'diff' ? formatDifference(value, r.unit) : formatValue(value, r.unit);
}

function intervalText(r: ExpectationResult): string {
  if (!Number.isFinite(r.ciLow) || !Number.isFinite(r.ciHigh)) return '–';
  return `${shown(r, r.ciLow)} to ${shown(r, r.ciHigh)}`;
}

/** One line per counted outcome, e.g. `2 passed, 1 failed, 1 inconclusive`. */
export function tally(results: readonly ExpectationResult[]): string {
  const count = (o: string) => results.filter((r) => r.outcome === o).length;
  const parts = [
    `${count('pass')} passed`,
    `${count('fail')} failed`,
    `${count('inconclusive')} inconclusive`,
  ];
  if (count('error') > 0) parts.push(`${count('error')} not judged (an arm failed)`);
  return parts.join(', ');
}

/** The terminal table, then the notes on inconclusive and unjudged expectations and the tally. */
export function checkTable(results: readonly ExpectationResult[], run: CheckRun): string {
  const rows = results.map((r) => [
    r.expectation.text,
    r.arms.join(' − '),
    shown(r, r.estimate),
    intervalText(r),
    r.outcome === 'error' ? 'ERROR' : r.outcome === 'fail' ? 'FAIL' : r.outcome,
  ]);
  const table = renderTable(
    ['expectation', 'arm', 'estimate', `${level(run.confidence)} CI`, 'result'],
    rows,
  );
  const notes = results
    .filter((r) => r.outcome === 'inconclusive' || r.outcome === 'error')
    .map((r) => `  ${r.expectation.text}: ${r.reason}`);
  const exit = checkExitCode(results);
  return [
    table,
    ...(notes.length > 0 ? ['', ...notes] : []),
    '',
    `${tally(results)} (each judged on its own ${level(run.confidence)} interval; ${run.replications} replications per arm) — exit ${exit}`,
  ].join('\n');
}

/** The `--json` document. */
export function checkJson(results: readonly ExpectationResult[], run: CheckRun): string {
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  const doc = {
    command: 'check',
    scenario: run.scenario,
    seed: run.seed,
    confidence: run.confidence,
    replications: run.replications,
    arms: run.arms,
    exitCode: checkExitCode(results),
    expectations: results.map((r) => ({
      expectation: r.expectation.text,
      source: r.expectation.source,
      kind: r.expectation.kind,
      metric: r.expectation.ref.metric,
      statistic: r.expectation.ref.statistic,
      scope: r.expectation.ref.scope,
      arms: r.arms,
      op: r.expectation.op,
      threshold: r.expectation.threshold,
      n: r.n,
      estimate: finite(r.estimate),
      ciLow: finite(r.ciLow),
      ciHigh: finite(r.ciHigh),
      outcome: r.outcome,
      replicationsToSettle: finite(r.replicationsToSettle),
      reason: r.reason,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const xml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry at all.
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');

/**
 * JUnit XML: one test case per expectation; a failed one carries <failure>, an inconclusive one
 * <skipped> with its reason, one whose arm failed <error>. No timestamp, so the same run gives the
 * same bytes.
 */
export function junitXml(results: readonly ExpectationResult[], run: CheckRun): string {
  const count = (o: string) => results.filter((r) => r.outcome === o).length;
  const totals = `tests="${results.length}" failures="${count('fail')}" errors="${count('error')}" skipped="${count('inconclusive')}" time="${run.wallSeconds.toFixed(3)}"`;
  const suite = xml(`carepool check ${run.scenario}`);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="carepool check" ${totals}>`,
    `  <testsuite name="${suite}" ${totals}>`,
    '    <properties>',
    `      <property name="seed" value="${xml(String(run.seed))}"/>`,
    `      <property name="confidence" value="${run.confidence}"/>`,
    `      <property name="replications" value="${run.replications}"/>`,
    `      <property name="arms" value="${xml(run.arms.join(' '))}"/>`,
    '    </properties>',
  ];
  for (const r of results) {
    const detail = `${r.arms.join(' − ')}: estimate ${shown(r, r.estimate)}, ${level(run.confidence)} CI ${intervalText(r)} (n = ${r.n}); ${r.reason}`;
    lines.push(`    <testcase classname="${suite}" name="${xml(r.expectation.text)}" time="0">`);
    if (r.outcome === 'fail')
      lines.push(`      <failure message="${xml(detail)}" type="expectationFailed"/>`);
    if (r.outcome === 'inconclusive')
      lines.push(`      <skipped message="${xml(`inconclusive: ${detail}`)}"/>`);
    if (r.outcome === 'error') lines.push(`      <error message="${xml(detail)}" type="armFailed"/>`);
    lines.push(`      <system-out>${xml(detail)}</system-out>`, '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
