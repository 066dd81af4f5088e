import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../platform/audit';
import { createTestMunicipality, createTestUser, testDatabase } from '../test/helpers';
import { type DatabaseHandles, withReportingTenant } from './database';

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
  it('is the app handle itself when no replica is configured', () => {
    expect(db.reports).toBe(db.app);
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
