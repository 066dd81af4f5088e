import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { testDatabase } from '../test/helpers';
import { tempDataDir } from '../test/process';
import type { Cell } from './copy';
import {
  DataDirLockedError,
  openDatabase,
  rowsSource,
  STAGE_FROM,
  type StagedColumn,
  stageRows,
} from './database';

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

describe('rows staged for a bulk write', () => {
  const columns: StagedColumn[] = [
    ['id', 'uuid'],
    ['name', 'text'],
    ['on_date', 'date'],
    ['amount', 'numeric'],
    ['months', 'int'],
    ['flag', 'boolean'],
  ];
  // Everything CSV must quote: the delimiter, quotes, line breaks, an empty text that is not null.
  const tricky: Cell[][] = [
    ['6f1c2a9e-8a4b-4c47-9d3e-3f0c1b2a4d5e', 'Søren "Søs" Ærø, 2. tv', '2026-02-28', 1234.5, 3, true],
    ['0b7e4f1d-2c3a-4b5c-8d6e-7f8091a2b3c4', 'linje 1\nlinje 2\r\n', null, 0, 0, false],
    ['1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d', '', '2024-02-29', null, null, null],
  ];
  const many: Cell[][] = Array.from({ length: STAGE_FROM + 5 }, (_, i) => [
    `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    `navn ${i}, "${i}"`,
    '2026-12-01',
    i / 4,
    i,
    i % 2 === 0,
  ]);

  async function readBack(rows: Cell[][]) {
    const db = await testDatabase();
    try {
      return await db.app.transaction().execute(async (trx) => {
        const source = await rowsSource(trx, 'test', columns, rows);
        const { rows: back } = await sql<Record<string, unknown>>`
          select t.id, t.name, t.on_date, t.amount::text as amount, t.months, t.flag from ${source}
          order by t.id`.execute(trx);
        return back.map((r) => [
          r.id,
          r.name,
          r.on_date,
          r.amount === null ? null : Number(r.amount),
          r.months,
          r.flag,
        ]);
      });
    } finally {
      await db.close();
    }
  }
  const sorted = (rows: Cell[][]) => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  it('come back exactly as given, quotes, line breaks, empty text and nulls included, when few', async () => {
    expect(await readBack(tricky)).toEqual(sorted(tricky));
  });

  it('come back exactly as given when many enough to be staged in a temporary table', async () => {
    const rows = [...tricky, ...many];
    expect(await readBack(rows)).toEqual(sorted(rows));
  });

  it('live only until the transaction ends, and a bad value fails the transaction with the reason', async () => {
    const db = await testDatabase();
    try {
      const name = await db.app.transaction().execute((trx) => stageRows(trx, 'gone', columns, many));
      await expect(sql`select count(*) from ${sql.table(name)}`.execute(db.app)).rejects.toThrow(
        /does not exist/,
      );
      const bad = [
        ...many,
        ['6f1c2a9e-8a4b-4c47-9d3e-3f0c1b2a4d5e', 'x', '2026-02-30', 1, 1, true] as Cell[],
      ];
      await expect(
        db.app.transaction().execute((trx) => stageRows(trx, 'bad', columns, bad)),
      ).rejects.toThrow(/date/);
      // The connection that failed is usable again.
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db.app);
      expect(rows[0]?.one).toBe(1);
    } finally {
      await db.close();
    }
  });
});
