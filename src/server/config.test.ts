import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const base = { SESSION_SECRET: 'x'.repeat(32), DATA_DIR: 'data/test' };

describe('configuration', () => {
  it('has working defaults: port 3000, PGlite in ./data, 30 minutes of inactivity', () => {
    const config = loadConfig(base);
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SESSION_IDLE_MINUTES).toBe(30);
    expect(config.LOGIN_MAX_FAILURES).toBe(5);
  });

  it('runs as many server processes as the machine has cores unless WEB_CONCURRENCY says otherwise', () => {
    expect(loadConfig(base).WEB_CONCURRENCY).toBe(Math.min(64, availableParallelism()));
    expect(loadConfig({ ...base, WEB_CONCURRENCY: '3' }).WEB_CONCURRENCY).toBe(3);
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ ...base, PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'Invalid configuration: PORT must be at most 65535 (got "70000")'],
    [
      { DATABASE_URL: 'mysql://x' },
      'Invalid configuration: DATABASE_URL must start with postgres:// or postgresql:// (got "…")',
    ],
    [
      { SESSION_SECRET: 'short' },
      'Invalid configuration: SESSION_SECRET must be at least 32 characters (got "…")',
    ],
    [{ TRUST_PROXY: 'maybe' }, 'Invalid configuration: TRUST_PROXY must be true or false (got "maybe")'],
    [
      { DATABASE_REPLICA_URL: 'postgres://replica/hjemvej' },
      'Invalid configuration: DATABASE_REPLICA_URL needs DATABASE_URL (a replica serves a PostgreSQL primary; the embedded database has none)',
    ],
    [{ WEB_CONCURRENCY: '0' }, 'Invalid configuration: WEB_CONCURRENCY must be at least 1 (got "0")'],
    [{ WEB_CONCURRENCY: '65' }, 'Invalid configuration: WEB_CONCURRENCY must be at most 64 (got "65")'],
    [
      { WEB_CONCURRENCY: 'auto' },
      'Invalid configuration: WEB_CONCURRENCY must be a whole number from 1 to 64 (got "auto")',
    ],
  ])('rejects %o with one clear line', (env, line) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(new ConfigError(line));
  });

  it('requires SESSION_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: 'data/test' })).toThrow(
      'Invalid configuration: SESSION_SECRET is required when NODE_ENV=production',
    );
  });
});
