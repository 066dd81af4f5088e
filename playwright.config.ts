import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3999);

/** `--workers N` / `-j N` as given on the command line (a whole number only), else undefined. */
function workersFlag(argv: readonly string[]): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value =
      /^(?:--workers|-j)=?(\d+)$/.exec(arg)?.[1] ?? (/^(--workers|-j)$/.test(arg) ? argv[i + 1] : undefined);
    if (value !== undefined && /^\d+$/.test(value)) return Number(value);
  }
  return undefined;
}

/**
 * Parallel workers, each with a server and database of its own (e2e/serve.ts), all started before
 * the first test: in CI one per two cores (a journey keeps a browser and a server busy; on two cores
 * two workers were measured slower than one: 209 s against 170 s for the same 18 journeys), at most
 * 4; elsewhere one (a run of one spec needs no more), unless E2E_WORKERS or `--workers` says
 * otherwise (`E2E_WORKERS=2 npm run test:e2e`).
 */
const WORKERS = Math.max(
  1,
  workersFlag(process.argv) ??
    Number(
      process.env.E2E_WORKERS ?? (process.env.CI ? Math.min(4, Math.floor(availableParallelism() / 2)) : 1),
    ),
);
// Workers inherit it: loading this file again, they read the same count.
process.env.E2E_WORKERS = String(WORKERS);

/**
 * Playwright loads this file again in each worker process, with the worker's slot in
 * TEST_PARALLEL_INDEX (0 … WORKERS − 1; a worker that replaces a failed one takes its slot): that
 * worker's journeys talk to that slot's server only.
 */
const SLOT = Number(process.env.TEST_PARALLEL_INDEX ?? 0);

/**
 * The languages whose journeys run (`E2E_LANGUAGES=da`, default every one): a journey that runs
 * once per language names it in its title as "(da)" or "(en)"; journeys without one always run.
 * `.ci/run` runs the English journeys on PGlite and the Danish ones on PostgreSQL (ADR 0013).
 */
const ALL_LANGUAGES = ['da', 'en'];
const LANGUAGES = (process.env.E2E_LANGUAGES ?? ALL_LANGUAGES.join(','))
  .split(',')
  .map((code) => code.trim());
for (const code of LANGUAGES)
  if (!ALL_LANGUAGES.includes(code))
    throw new Error(`E2E_LANGUAGES: unknown language "${code}" (known: ${ALL_LANGUAGES.join(', ')})`);
const SKIPPED_LANGUAGES = ALL_LANGUAGES.filter((code) => !LANGUAGES.includes(code));

/**
 * Browser journeys in Debian's Chromium (never a downloaded browser). Each worker's server runs on
 * a fresh database: a temporary PGlite directory, or, with DATABASE_URL, a fresh PostgreSQL
 * database of its own. Files run in parallel, the tests of one file in order.
 *
 * The time limits are caps against a hang, not budgets for speed: each step waits on what the page
 * shows, and on a machine busy with other work a journey must be slower, not red.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  ...(SKIPPED_LANGUAGES.length > 0
    ? { grepInvert: new RegExp(`\\((?:${SKIPPED_LANGUAGES.join('|')})\\)`) }
    : {}),
  workers: WORKERS,
  retries: 0,
  timeout: 30 * 60_000,
  expect: { timeout: 120_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT + SLOT}`,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node --disable-warning=ExperimentalWarning --import tsx e2e/serve.ts',
    // Ready when every worker's server has printed its ready line; serve.ts exits, failing the run at
    // once, if one of them exits first.
    wait: { stdout: /Hjemvej e2e servers ready/ },
    timeout: 30 * 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { E2E_PORT: String(PORT), E2E_WORKERS: String(WORKERS) },
  },
});
