import { defineConfig } from 'vitest/config';

/**
 * Unit and route tests. On PGlite (default) each test file gets its own in-memory database; with
 * DATABASE_URL set, the global setup makes one fresh database for the run and every file uses it,
 * isolating its data by municipality.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/server/test/global-setup.ts'],
    // Caps against a hang, not budgets for speed: on a machine busy with other work an embedded
    // database takes many times longer to open and migrate, and a test must then be slower, not red.
    // Tests that start processes wait on the processes' own signals (src/server/test/process.ts).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
