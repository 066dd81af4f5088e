import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { tempDataDir } from '../test/process';
import { DataDirLockedError, openDatabase } from './database';

describe('the embedded database directory', () => {
  it('refuses a second process while one has it open', async () => {
    const dir = path.join(tempDataDir(), 'pglite');
    mkdirSync(dir, { recursive: true });
    const other = spawn('sleep', ['30']);
    try {
      writeFileSync(path.join(dir, 'hjemvej.lock'), String(other.pid));
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirLockedError);
    } finally {
      other.kill();
    }
  });

  it('takes over a stale lock whose process is gone, and releases it on close', async () => {
    const dir = path.join(tempDataDir(), 'pglite');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'hjemvej.lock'), '2147483646');
    const db = await openDatabase({ dataDir: dir });
    await db.close();
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });
});

describe('the PostgreSQL pools', () => {
  const url = inject('pgTestUrl');
  it.skipIf(!url)(
    'survive PostgreSQL closing their idle connections: the error is reported and the next query runs',
    async () => {
      const reported: Error[] = [];
      const db = await openDatabase({ url, onIdleError: (error) => reported.push(error) });
      try {
        const pid = async () =>
          (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db.app)).rows[0]?.pid;
        const before = await pid();
        // Another session ends the pooled connection while it is idle, as a restart or failover would.
        const admin = await openDatabase({ url });
        try {
          await sql`select pg_terminate_backend(${before}::int)`.execute(admin.owner);
        } finally {
          await admin.close();
        }
        for (let i = 0; i < 100 && reported.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
        expect(reported.length).toBeGreaterThan(0);
        const after = await pid();
        expect(after).toBeTypeOf('number');
        expect(after).not.toBe(before);
      } finally {
        await db.close();
      }
    },
  );
});
