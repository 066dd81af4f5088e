import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { recreateDatabase } from '../src/server/test/pg-admin';

/**
 * Starts Hjemvej for the browser journeys: one server per Playwright worker (E2E_WORKERS), each on
 * its own port (E2E_PORT + the worker's index) and its own database seeded with the demo
 * municipality — with DATABASE_URL a freshly created `<E2E_DATABASE>_<index>` next to it (default
 * `hjemvej_e2e_<index>`), else a temporary PGlite directory — all serving the one web build in
 * WEB_DIR. So parallel workers share nothing but the build, and no journey meets another worker's
 * data.
 *
 * Run as the web server command it starts the servers side by side and prints SERVERS_READY once
 * every one of them has printed its own ready line (Playwright waits on that line, not on a clock);
 * it exits at once, with the server's output, if any of them exits first.
 */
const SERVERS_READY = 'Hjemvej e2e servers ready'; // playwright.config.ts waits on this line
const SERVER_READY = 'Stop med Ctrl+C';

const basePort = Number(process.env.E2E_PORT ?? 3999);
const index = process.env.E2E_SERVER_INDEX;

if (index === undefined) {
  const count = Math.max(1, Number(process.env.E2E_WORKERS ?? 1));
  let ready = 0;
  const children = Array.from({ length: count }, (_, i) => {
    const child = spawn(process.execPath, process.execArgv.concat(process.argv.slice(1)), {
      env: { ...process.env, E2E_SERVER_INDEX: String(i) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let started = false;
    child.stdout?.on('data', (d: Buffer) => {
      out = (out + d).slice(-20_000);
      if (started || !out.includes(SERVER_READY)) return;
      started = true;
      if (++ready === count) console.log(`${SERVERS_READY}: ports ${basePort}–${basePort + count - 1}`);
    });
    child.on('exit', (code, signal) => {
      console.error(`e2e server ${i} (port ${basePort + i}) exited (${signal ?? code})\n${out}`);
      for (const other of children) if (other !== child) other.kill('SIGKILL');
      process.exit(1);
    });
    return child;
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      for (const child of children) child.kill('SIGKILL');
      process.exit(0);
    });
} else {
  const base = process.env.DATABASE_URL;
  const database = `${process.env.E2E_DATABASE ?? 'hjemvej_e2e'}_${index}`;
  if (base) process.env.DATABASE_URL = await recreateDatabase(base, database);
  process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), `hjemvej-e2e-${index}-`));
  process.env.PORT = String(basePort + Number(index));
  process.env.HOST = '127.0.0.1';
  process.env.DEMO_SEED = 'true';
  process.env.LOGIN_RATE_PER_MINUTE = '1000';
  // One process per server: the journeys' servers already run side by side (ADR 0023).
  process.env.WEB_CONCURRENCY = '1';
  process.env.LOG_LEVEL = 'warn';
  // The journeys set today's date with a cookie (ADR 0011).
  process.env.HJEMVEJ_TEST_CLOCK = 'true';
  process.env.SESSION_SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e';
  await import('../src/server/main');
}
