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
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
