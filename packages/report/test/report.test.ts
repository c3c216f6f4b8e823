/**
 * The report in a real browser: a small results folder made by the compiled `carepool compare
 * --report` on the mini ICS, opened from disk in headless Chromium (Debian's chromium through
 * playwright-core). Every chart must be drawn with data, the page must make no network request and
 * log no console error, the organisation switch must redraw, and the print layout must give a
 * handful of A4 pages. Screenshots and the PDF are kept in test/artifacts/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResultsFolder } from '../src/index.js';
import {
  chartStates,
  chromiumAvailable,
  openReport,
  pdfPageCount,
  reportScreenshots,
  showScope,
} from './browser.js';

const here = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(here, '../../..');
const ARTIFACTS = join(here, 'artifacts');
const BIN = join(REPO, 'packages/cli/bin/carepool.mjs');

let dir = '';
let report = '';

beforeAll(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'carepool-report-')), 'results');
  const run = spawnSync(
    process.execPath,
    [
      BIN,
      'compare',
      'scenarios/test/mini-ics.yaml',
      '--set',
      'durationDays=20',
      '--reps',
      '3',
      '--policies',
      'siloed,systemBank',
      '--workers',
      '1',
      '--out',
      dir,
      '--report',
      '--quiet',
    ],
    { cwd: REPO, encoding: 'utf8' },
  );
  expect(run.stderr).toContain('report.html');
  expect(run.status).toBe(0);
  report = join(dir, 'report.html');
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);

describe('the results folder', () => {
  it('has summary-wide.csv: one row per arm, each headline with its bounds', () => {
    const rows = parse(readFileSync(join(dir, 'summary-wide.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => r.policy)).toEqual(['siloed', 'systemBank']);
    const folder = readResultsFolder(dir);
    const four = folder.summary.find(
      (s) => s.arm === 'base/siloed' && s.metric === 'ed.fourHourShare' && s.scope === 'ics',
    )!;
    expect(Number(rows[0]['ed.fourHourShare'])).toBe(four.mean);
    expect(Number(rows[0]['ed.fourHourShare ciLow'])).toBe(four.ciLow);
    expect(Number(rows[0]['ed.fourHourShare ciHigh'])).toBe(four.ciHigh);
    expect(Object.keys(rows[0])).toContain('ed.timeInDepartmentMinutes:p95 ciHigh');
  });

  it('keeps only the daily series asked for, as they are in the file', () => {
    const all = readResultsFolder(dir);
    const some = readResultsFolder(dir, { dailyMetrics: new Set(['ed.patientsInDepartmentCount']) });
    expect(some.daily.length).toBeGreaterThan(0);
    expect(some.daily).toEqual(all.daily.filter((r) => r.metric === 'ed.patientsInDepartmentCount'));
  });

  it('has the daily ED occupancy the report draws: its days average to the period’s time-weighted mean', () => {
    const folder = readResultsFolder(dir);
    for (const arm of ['base/siloed', 'base/systemBank']) {
      const days = folder.daily.filter(
        (r) => r.arm === arm && r.metric === 'ed.patientsInDepartmentCount' && r.scope === 'ics',
      );
      expect(days).toHaveLength(20);
      const period = folder.summary.find(
        (s) =>
          s.arm === arm &&
          s.metric === 'ed.patientsInDepartmentCount' &&
          s.scope === 'ics' &&
          s.statistic === 'mean',
      )!;
      expect(days.reduce((sum, r) => sum + r.mean, 0) / days.length).toBeCloseTo(period.mean, 9);
    }
  });

  it('carepool report on a folder that is not a results folder: one line, exit 1', () => {
    const run = spawnSync(process.execPath, [BIN, 'report', 'scenarios'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      "carepool: 'scenarios' has no summary.json: give a results folder written by compare, sweep or run --out",
    );
  });

  it('writes a self-contained report.html: no external script, style, font or image', () => {
    const html = readFileSync(report, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/url\(\s*['"]?https?:/i);
    expect(html).toContain('The answer');
    // The answer names each policy against the baseline, and says what three replications cannot tell.
    expect(html).toMatch(
      /<strong>systemBank<\/strong> against siloed: [^<]*too small to tell apart from noise at 3 replications/,
    );
    expect(html).toContain('78% interim target');
  });
});

const browserMissing = !chromiumAvailable();
if (browserMissing && process.env.CI === 'true') {
  // In CI the browser is installed by .ci/run: its absence is a failure, not a skip.
  describe('the report in Chromium', () => {
    it('needs /usr/bin/chromium (apt-get install chromium)', () => {
      throw new Error('/usr/bin/chromium is missing in CI: .ci/run should have installed Debian’s chromium');
    });
  });
} else {
  if (browserMissing) {
    console.warn(
      'skipping the report’s browser test: /usr/bin/chromium is missing (apt-get install -y chromium)',
    );
  }
  describe.skipIf(browserMissing)('the report in Chromium', () => {
    it('draws every chart with data, requests nothing, logs no error; the switch redraws', async () => {
      const opened = await openReport(report);
      try {
        const whole = await chartStates(opened.page);
        expect(whole.length).toBeGreaterThanOrEqual(12);
        for (const c of whole)
          expect({ ...c, drawn: c.state === 'drawn' && c.marks > 0 }).toMatchObject({ drawn: true });
        await opened.page.screenshot({ path: join(ARTIFACTS, 'report-full.png'), fullPage: true });

        await showScope(opened.page, 'trustA');
        expect(await opened.page.isVisible('.scoped[data-scope="trustA"] table.headline')).toBe(true);
        expect(await opened.page.isVisible('.scoped[data-scope="ics"]')).toBe(false);
        const trust = await chartStates(opened.page);
        // A trust has no care-package queue: that chart says so instead of drawing.
        expect(trust.find((c) => c.id === 'wait-carePackage.waitDays')?.state).toBe('empty');
        expect(trust.filter((c) => c.state === 'drawn' && c.marks > 0).length).toBeGreaterThanOrEqual(10);
        for (const alt of await opened.page.$$eval('[data-state="drawn"]', (els) =>
          els.map((e) => e.getAttribute('aria-label') ?? ''),
        )) {
          expect(alt.length).toBeGreaterThan(20);
        }

        await opened.page.emulateMedia({ media: 'print' });
        expect(await opened.page.isVisible('details.data')).toBe(false);
        const pdf = await opened.page.pdf({ format: 'A4', preferCSSPageSize: true });
        writeFileSync(join(ARTIFACTS, 'report.pdf'), pdf);
        const pages = pdfPageCount(pdf);
        expect(pages).toBeGreaterThanOrEqual(3);
        expect(pages).toBeLessThanOrEqual(16);

        expect(opened.requests).toEqual([]);
        expect(opened.errors).toEqual([]);
      } finally {
        await opened.close();
      }
    }, 90_000);

    it('takes the first-screen and per-organisation screenshots', async () => {
      const files = await reportScreenshots(report, ARTIFACTS, 'trustA');
      for (const f of files) expect(existsSync(f) && readFileSync(f).length > 10_000).toBe(true);
    }, 90_000);
  });
}
