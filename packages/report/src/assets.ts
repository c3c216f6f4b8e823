/**
 * The files inlined into report.html: the charting library (Observable Plot and the d3 it runs on,
 * their minified UMD builds) and the report's own client script and stylesheet. They are read at
 * run time from the report package's folder — found through module resolution from here, or, in
 * the compiled CLI bundle where this file's own location is packages/cli/dist, through the CLI's
 * dependency on @carepool/report — so the bundle needs no copy of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ReportError } from './read-results.js';

/** The report package's folder (the one holding its package.json). */
function reportPackageDir(): string {
  const here = createRequire(import.meta.url);
  return dirname(here.resolve('@carepool/report/package.json'));
}

/** A dependency's folder, found from its entry point (its package.json is not exported). */
function dependencyDir(name: string, from: string): string {
  let dir = dirname(createRequire(join(from, 'package.json')).resolve(name));
  while (
    !existsSync(join(dir, 'package.json')) ||
    !readFileSync(join(dir, 'package.json'), 'utf8').includes(`"name": "${name}"`)
  ) {
    const parent = dirname(dir);
    if (parent === dir) throw new ReportError(`cannot find the folder of ${name}`);
    dir = parent;
  }
  return dir;
}

export interface ReportAssets {
  d3: string;
  plot: string;
  client: string;
  css: string;
  /** Versions of the inlined libraries, named in the report's footer. */
  versions: { d3: string; plot: string };
}

let cached: ReportAssets | undefined;

export function reportAssets(): ReportAssets {
  if (cached) return cached;
  const pkg = reportPackageDir();
  const d3Dir = dependencyDir('d3', pkg);
  const plotDir = dependencyDir('@observablehq/plot', pkg);
  const version = (dir: string) =>
    (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  cached = {
    d3: readFileSync(join(d3Dir, 'dist/d3.min.js'), 'utf8'),
    plot: readFileSync(join(plotDir, 'dist/plot.umd.min.js'), 'utf8'),
    client: readFileSync(join(pkg, 'client/report.js'), 'utf8'),
    css: readFileSync(join(pkg, 'client/report.css'), 'utf8'),
    versions: { d3: version(d3Dir), plot: version(plotDir) },
  };
  return cached;
}
