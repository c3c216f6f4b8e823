import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'docs/**/*.test.ts',
      'benchmarks/**/*.test.ts',
      'checks/**/*.test.ts',
    ],
    // Validation tests run many replications; keep each file's budget generous but bounded.
    testTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['./vitest.global-setup.ts'],
    // GitHub's workflow parser imports its JSON schema without an import attribute, which Node 20
    // refuses; let vite transform it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
