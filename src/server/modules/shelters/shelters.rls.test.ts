import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/dates';
import { type DatabaseHandles, withTenant } from '../../db/database';
import { call, fakeCpr, tenantWith } from '../../test/factories';
import { testApp, testDatabase } from '../../test/helpers';

/**
 * The cross-tenant inbox under row-level security (issue 16 §3, migration 0024), proven with the
 * app role `hjemvej_app` on PostgreSQL: a municipality sees only the notifications addressed to it
 * and none of the sender's stays or citizens; the sender sees none of what it sent to others, cannot
 * write into another inbox but through `shelter_notification_send` (which copies only its own
 * stay's facts), and the recipient may change only its own columns.
 */
const pgUrl = process.env.DATABASE_URL;

let db: DatabaseHandles;
let app: FastifyInstance;

beforeAll(async () => {
  if (!pgUrl) return;
  db = await testDatabase();
  app = await testApp(db);
});
afterAll(async () => {
  if (!pgUrl) return;
  await app.close();
  await db.close();
});

/** Municipality A with a shelter and its staff, municipalities B and C with a caseworker each. */
async function threeMunicipalities() {
  const a = await tenantWith(app, db, ['admin', 'partner_shelter', 'caseworker']);
  const b = await tenantWith(app, db, ['caseworker']);
  const c = await tenantWith(app, db, ['caseworker']);
  const { id: shelterId } = await call(
    a.users.admin.session,
    'POST',
    '/api/shelters',
    {
      name: 'Herberget Midt',
      kind: 'independent',
      places: 10,
      onTilbudsportalen: true,
      dailyRate: 1_000,
      rateFrom: '2026-01-01',
    },
    201,
  );
  await call(
    a.users.admin.session,
    'PUT',
    `/api/shelters/${shelterId}/users`,
    { userId: a.users.partner_shelter.id },
    204,
  );
  const staff = a.users.partner_shelter.session;
  const admitted = addDays(today(), -2);
  const admit = async (handlekommune: string) => {
    const stay = await call(
      staff,
      'POST',
      '/api/shelters/stays',
      {
        cpr: fakeCpr(),
        givenName: 'Rikke',
        familyName: 'Række',
        admittedOn: admitted,
        admissionDecidedOn: admitted,
        handlekommune,
      },
      201,
    );
    await call(staff, 'POST', `/api/shelters/stays/${stay.id}/notify`, { notifiedOn: today() });
    return stay as { id: string; citizenId: string };
  };
  const toB = await admit(b.municipality.code);
  const toC = await admit(c.municipality.code);
  const toA = await admit(a.municipality.code);
  return { a: a.municipality.id, b: b.municipality.id, c: c.municipality.id, toA, toB, toC };
}

describe.skipIf(!pgUrl)('the shelter notification inbox under row-level security (PostgreSQL)', () => {
  it('shows the recipient only the rows addressed to it, and none of the sender’s stays or citizens', async () => {
    const t = await threeMunicipalities();
    const seen = await withTenant(db.app, t.b, async (trx) => ({
      inbox: await trx.selectFrom('shelter_notification').select(['municipality_id', 'stay_id']).execute(),
      stays: await trx
        .selectFrom('shelter_stay')
        .select('id')
        .where('id', 'in', [t.toB.id, t.toA.id])
        .execute(),
      citizens: await trx.selectFrom('citizen').select('id').where('id', '=', t.toB.citizenId).execute(),
      shelters: await trx.selectFrom('shelter').select('id').where('municipality_id', '=', t.a).execute(),
    }));
    expect(seen.inbox).toEqual([{ municipality_id: t.b, stay_id: t.toB.id }]);
    expect(seen.stays).toEqual([]);
    expect(seen.citizens).toEqual([]);
    expect(seen.shelters).toEqual([]);
  });

  it('shows the sender none of the rows it sent to other municipalities, only its own inbox', async () => {
    const t = await threeMunicipalities();
    const rows = await withTenant(db.app, t.a, (trx) =>
      trx.selectFrom('shelter_notification').select(['municipality_id', 'stay_id']).execute(),
    );
    expect(rows).toEqual([{ municipality_id: t.a, stay_id: t.toA.id }]);
  });

  it('refuses the sender a row written straight into another inbox', async () => {
    const t = await threeMunicipalities();
    await expect(
      withTenant(db.app, t.a, (trx) =>
        trx
          .insertInto('shelter_notification')
          .values({
            municipality_id: t.b,
            from_municipality_id: t.a,
            stay_id: t.toB.id,
            shelter_name: 'Falsk',
            from_municipality_name: 'Falsk',
            cpr: fakeCpr(),
            admitted_on: today(),
            admission_decided_on: today(),
            notified_on: today(),
          })
          .execute(),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it("sends nothing for another municipality's stay through the send function", async () => {
    const t = await threeMunicipalities();
    const sent = await withTenant(db.app, t.b, async (trx) => {
      const { rows } = await sql<{ id: string | null }>`
        select shelter_notification_send(${t.toC.id}::uuid, ${today()}::date) as id`.execute(trx);
      return rows[0]?.id;
    });
    expect(sent).toBeNull();
    const cInbox = await withTenant(db.app, t.c, (trx) =>
      trx.selectFrom('shelter_notification').select('stay_id').execute(),
    );
    expect(cInbox).toEqual([{ stay_id: t.toC.id }]);
  });

  it('lets the recipient acknowledge but not rewrite the notified facts, and the sender change nothing', async () => {
    const t = await threeMunicipalities();
    await expect(
      withTenant(db.app, t.b, (trx) =>
        trx.updateTable('shelter_notification').set({ shelter_name: 'Omskrevet' }).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
    const bySender = await withTenant(db.app, t.a, (trx) =>
      trx
        .updateTable('shelter_notification')
        .set({ acknowledged_on: today(), acknowledged_by: null })
        .where('stay_id', '=', t.toB.id)
        .executeTakeFirst(),
    );
    expect(Number(bySender.numUpdatedRows)).toBe(0);
    const cw = await withTenant(db.app, t.b, (trx) =>
      trx.selectFrom('app_user').select('id').where('role_code', '=', 'caseworker').executeTakeFirstOrThrow(),
    );
    const byRecipient = await withTenant(db.app, t.b, (trx) =>
      trx
        .updateTable('shelter_notification')
        .set({ acknowledged_on: today(), acknowledged_by: cw.id })
        .where('stay_id', '=', t.toB.id)
        .executeTakeFirst(),
    );
    expect(Number(byRecipient.numUpdatedRows)).toBe(1);
  });

  it('tells which kommunekoder are in the deployment and nothing else', async () => {
    const t = await threeMunicipalities();
    const codes = await withTenant(db.app, t.a, async (trx) => {
      const own = await trx.selectFrom('municipality').select('code').execute();
      const { rows } = await sql<{ code: string }>`
        select shelter_handlekommune_known(array['099', ${own[0]?.code ?? ''}]) as code`.execute(trx);
      return { own: own.length, known: rows.map((r) => r.code) };
    });
    expect(codes.own).toBe(1);
    expect(codes.known).toHaveLength(1);
  });
});
