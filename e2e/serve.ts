import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { recreateDatabase } from '../src/server/test/pg-admin';

/**
 * Starts Hjemvej for the browser journeys on a database of its own, seeded with the demo
 * municipality: with DATABASE_URL a freshly created `hjemvej_e2e` next to it, else a temporary
 * PGlite directory.
 */
const base = process.env.DATABASE_URL;
if (base) process.env.DATABASE_URL = await recreateDatabase(base, 'hjemvej_e2e');
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'hjemvej-e2e-'));
process.env.PORT = process.env.E2E_PORT ?? '3999';
process.env.HOST = '127.0.0.1';
process.env.DEMO_SEED = 'true';
process.env.LOGIN_RATE_PER_MINUTE = '1000';
process.env.LOG_LEVEL = 'warn';
process.env.SESSION_SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e';
await import('../src/server/main');
