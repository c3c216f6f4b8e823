/**
 * Headless Chromium (Debian's `chromium`, driven by playwright-core) for the report's browser test
 * and for docs/images: opens report.html from disk, records every network request and console
 * error, and takes screenshots and a PDF.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export interface OpenedReport {
  page: Page;
  /** URLs the page asked for other than the report file itself. */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

export async function openReport(
  file: string,
  viewport = { width: 1280, height: 900 },
): Promise<OpenedReport> {
  const profile = mkdtempSync(join(tmpdir(), 'carepool-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const browser: Browser | null = context.browser();
  const page = context.pages()[0] ?? (await context.newPage());
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('body[data-rendered="true"]', { timeout: 30_000 });
  return {
    page,
    requests,
    errors,
    close: async () => {
      await context.close();
      await browser?.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Chooses an organisation (or the whole system) with the report's switch and waits for the redraw. */
export async function showScope(page: Page, scope: string): Promise<void> {
  await page.selectOption('#scope', scope);
  await page.waitForFunction(`document.body.dataset.scope === ${JSON.stringify(scope)}`);
}

/** The charts of the current view: id, whether drawn, and how many marks (paths, circles, rects) each holds. */
export async function chartStates(page: Page): Promise<{ id: string; state: string; marks: number }[]> {
  return page.$$eval('[data-chart]', (els) =>
    els.map((e) => ({
      id: (e as unknown as { dataset: Record<string, string> }).dataset.chart,
      state: (e as unknown as { dataset: Record<string, string> }).dataset.state ?? 'none',
      marks: e.querySelectorAll('svg path, svg circle, svg rect, svg line').length,
    })),
  );
}

/**
 * The report's first screen and one organisation's headline view as PNGs in `dir` (the docs'
 * images come from here, and so do the browser test's artifacts).
 */
export async function reportScreenshots(file: string, dir: string, organisation: string): Promise<string[]> {
  const opened = await openReport(file, { width: 1200, height: 860 });
  try {
    const first = join(dir, 'report-first-screen.png');
    await opened.page.screenshot({ path: first });
    await showScope(opened.page, organisation);
    await opened.page.locator('#headlines').scrollIntoViewIfNeeded();
    await opened.page.evaluate('document.querySelector("#headlines").scrollIntoView()');
    const org = join(dir, 'report-organisation.png');
    await opened.page.screenshot({ path: org });
    return [first, org];
  } finally {
    await opened.close();
  }
}

/** Pages in a PDF: its page objects (`/Type /Page`, not `/Pages`). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
