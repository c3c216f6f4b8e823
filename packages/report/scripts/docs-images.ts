/**
 * docs/images/report-first-screen.png and report-organisation.png: the README's main command
 * (`carepool compare scenarios/ics-default.yaml --report`) run into a temporary folder, its report
 * opened in headless Chromium by the browser test's own helpers, and the first screen and one
 * trust's view taken. About a minute on two cores.
 *
 *   npx --yes pnpm@9.15.9 exec tsx packages/report/scripts/docs-images.ts [RESULTS_DIR]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportScreenshots } from '../test/browser.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
let results = process.argv[2];
if (results === undefined) {
  results = join(mkdtempSync(join(tmpdir(), 'carepool-docs-images-')), 'ics-default');
  const run = spawnSync(
    process.execPath,
    [
      join(repo, 'packages/cli/bin/carepool.mjs'),
      'compare',
      'scenarios/ics-default.yaml',
      '--report',
      '--out',
      results,
    ],
    { cwd: repo, stdio: 'inherit' },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
} else {
  const run = spawnSync(process.execPath, [join(repo, 'packages/cli/bin/carepool.mjs'), 'report', results], {
    cwd: repo,
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
const images = join(repo, 'docs/images');
mkdirSync(images, { recursive: true });
for (const file of await reportScreenshots(join(results, 'report.html'), images, 'trustA')) console.log(file);
