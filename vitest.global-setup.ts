/**
 * Builds the compiled `carepool` (packages/cli/dist) once before the tests: the worker threads of
 * parallel runs execute it, and building once avoids test files racing to rebuild it.
 */
export default async function setup(): Promise<void> {
  const { ensureBuilt } = (await import('./packages/cli/scripts/build.mjs')) as {
    ensureBuilt: () => Promise<void>;
  };
  await ensureBuilt();
}
