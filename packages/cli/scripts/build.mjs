/**
 * Builds the `carepool` command into packages/cli/dist as compiled JavaScript (esbuild, ~1 s): the
 * CLI entry, the experiment runner's worker-thread entry and the care model's entry for workers,
 * with the workspace packages and their npm dependencies bundled in. `ensureBuilt()`
 * rebuilds only when a source file is newer than the last build, so the command always runs what
 * the sources say and starts in well under a second.
 *
 *   node packages/cli/scripts/build.mjs          build now
 */
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const packagesDir = resolve(cliDir, '..');
const distDir = join(cliDir, 'dist');
const stampFile = join(distDir, '.build-stamp');

/** The newest modification time (ms) of any source or package.json of the workspace packages. */
function newestSourceMs() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const pkg of readdirSync(packagesDir)) {
    const src = join(packagesDir, pkg, 'src');
    if (existsSync(src)) walk(src);
    const manifest = join(packagesDir, pkg, 'package.json');
    if (existsSync(manifest)) newest = Math.max(newest, statSync(manifest).mtimeMs);
  }
  newest = Math.max(newest, statSync(fileURLToPath(import.meta.url)).mtimeMs);
  return newest;
}

/**
 * Left as imports: tinypool starts workers from its own files, tsx loads TypeScript policy modules and
 * esbuild is this builder. Everything else (ours and npm's) is bundled, so the command needs no
 * module resolution beyond packages/cli.
 */
const EXTERNAL = ['tinypool', 'tsx', 'tsx/*', 'esbuild'];

export async function build() {
  const esbuild = await import('esbuild');
  // Chunk names change with their content: clear the old ones so dist/ holds one build.
  rmSync(distDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: {
      bin: join(cliDir, 'src/bin.ts'),
      'care-model': join(cliDir, 'src/care-model.ts'),
      worker: join(packagesDir, 'experiment/src/worker.ts'),
    },
    outdir: distDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    outExtension: { '.js': '.js' },
    external: EXTERNAL,
    // CommonJS dependencies (seedrandom) call require(): give the ESM bundle one.
    banner: {
      js: "import { createRequire as __carepoolRequire } from 'node:module'; const require = __carepoolRequire(import.meta.url);",
    },
    // Errors are reported by the caller: one line from `carepool`, in full from this script.
    logLevel: 'silent',
  });
  writeFileSync(stampFile, `${new Date().toISOString()}\n`);
}

/** Builds when dist/ is missing or older than a source file. */
export async function ensureBuilt() {
  if (existsSync(stampFile) && statSync(stampFile).mtimeMs >= newestSourceMs()) return;
  await build();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await build();
  } catch (error) {
    for (const e of error.errors ?? [error]) {
      const where = e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : '';
      console.error(`${where}${e.text ?? e.message}`);
    }
    process.exit(1);
  }
}
