import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../platform/audit';
import { createTestMunicipality, createTestUser, testDatabase } from '../test/helpers';
import { type DatabaseHandles, type Tx, withReportingTenant, withTenant } from './database';

// ADR 0024: a report's transaction is read only on every database, so that a route that opts in to
// the reporting replica and writes (an audit row too) fails in its own tests, replica or not.

let db: DatabaseHandles;

beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

describe("a report's transaction (ADR 0024)", () => {
  it('is the app handle itself on PostgreSQL when no replica is configured, and its own on PGlite', () => {
    if (db.kind === 'postgres') expect(db.reports).toBe(db.app);
    else expect(db.reports).not.toBe(db.app);
    expect(db.replica).toBeUndefined();
  });

  it('reads its own municipality and refuses to write an audit row, as a standby would', async () => {
    const m = await createTestMunicipality(db);
    const user = await createTestUser(db, m.id, 'leader');
    const seen = await withReportingTenant(db, m.id, (trx) =>
      trx.selectFrom('app_user').select('municipality_id').execute(),
    );
    expect(seen.map((row) => row.municipality_id)).toEqual([m.id]);
    const actor = {
      userId: user.id,
      username: user.username,
      municipalityId: m.id,
      role: 'leader' as const,
      permissions: new Set<never>(),
      clientIp: null,
    };
    await expect(
      withReportingTenant(db, m.id, (trx) => audit(trx, actor, 'report.read', 'municipality', m.id)),
    ).rejects.toMatchObject({ code: '25006' });
  });
});

// ADR 0028: PGlite has one session. A report's transaction takes it per statement, so that the
// requests of other staff are answered while a report of a second computes.
describe.skipIf(Boolean(process.env.DATABASE_URL))("a report's transaction on PGlite (ADR 0028)", () => {
  /**
   * The order in which two statements of a transaction that `run` opens and another request's
   * transaction, begun between them, are answered.
   */
  async function orderAround(run: (m: string, fn: (trx: Tx) => Promise<void>) => Promise<void>) {
    const m = await createTestMunicipality(db);
    const order: string[] = [];
    let request: Promise<void> | undefined;
    await run(m.id, async (trx) => {
      await sql`select 1`.execute(trx);
      order.push('first statement');
      request = withTenant(db.app, m.id, async (t) => {
        await sql`select 1`.execute(t);
        order.push('request');
      });
      await sql`select 2`.execute(trx);
      order.push('second statement');
    });
    await request;
    return order;
  }

  it("lets another request's transaction run between two of the report's statements", async () => {
    expect(await orderAround((m, fn) => withReportingTenant(db, m, fn))).toEqual([
      'first statement',
      'request',
      'second statement',
    ]);
  });

  it('keeps the session from BEGIN to COMMIT for a transaction on the handle that is not read only', async () => {
    expect(await orderAround((m, fn) => withTenant(db.reports, m, fn))).toEqual([
      'first statement',
      'second statement',
      'request',
    ]);
  });

  it('binds every statement to its municipality, read only, and leaves no transaction open after a failed one', async () => {
    const m = await createTestMunicipality(db);
    const other = await createTestMunicipality(db);
    await createTestUser(db, other.id, 'leader');
    const user = await createTestUser(db, m.id, 'leader');
    const seen = await withReportingTenant(db, m.id, async (trx) => {
      await sql`select 1`.execute(trx);
      return trx.selectFrom('app_user').select('municipality_id').execute();
    });
    expect(seen.map((row) => row.municipality_id)).toEqual([m.id]);
    await expect(
      withReportingTenant(db, m.id, (trx) =>
        trx.updateTable('app_user').set({ display_name: 'Ændret' }).where('id', '=', user.id).execute(),
      ),
    ).rejects.toMatchObject({ code: '25006' });
    // The session is free and outside any transaction: an ordinary transaction begins and commits.
    const names = await withTenant(db.app, m.id, (t) =>
      t.selectFrom('app_user').select('display_name').where('id', '=', user.id).execute(),
    );
    expect(names[0]?.display_name).not.toBe('Ændret');
  });
});
