import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandles, withTenant } from '../../db/database';
import { createTestMunicipality, testDatabase } from '../../test/helpers';
import { refreshFacts } from './prevention.repository';

/**
 * The facts each case carries (migration 0008), which the inbox orders by: `refreshFacts` recomputes
 * them for many cases in one statement after new notices or actions, and updates and deletes of
 * notices and actions recompute them by trigger; all as the app role, under row-level security.
 */

let db: DatabaseHandles;
let m: string;

beforeAll(async () => {
  db = await testDatabase();
  m = (await createTestMunicipality(db)).id;
});
afterAll(async () => {
  await db.close();
});

const facts = (caseId: string) =>
  withTenant(db.app, m, (trx) =>
    trx
      .selectFrom('eviction_case')
      .select(['bailiff_notice_on', 'eviction_date', 'last_action_on', 'help_given', 'children_under_18'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow(),
  );

let serial = 0;
async function newCase() {
  return withTenant(db.app, m, async (trx) => {
    const { id } = await trx
      .insertInto('eviction_case')
      .values({
        municipality_id: m,
        tenant_name: 'Lejer Facts',
        address: `Faktavej ${serial}`,
        tenancy_key: `facts|${serial++}`,
        opened_on: '2026-01-05',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  });
}

const notice = (caseId: string, over: Record<string, unknown>) => ({
  municipality_id: m,
  case_id: caseId,
  source: 'public_landlord' as const,
  received_on: '2026-01-05',
  arrears_amount: 1000,
  arrears_months: 1,
  children_under_18: false,
  reported_via: 'form' as const,
  ...over,
});

describe('the facts of a case (migration 0008)', () => {
  it('takes new notices of several cases in one statement: first bailiff notice, latest eviction date, children', async () => {
    const a = await newCase();
    const b = await newCase();
    await withTenant(db.app, m, async (trx) => {
      await trx
        .insertInto('eviction_notice')
        .values([
          notice(a, { source: 'bailiff_court', received_on: '2026-02-10', eviction_date: '2026-03-01' }),
          notice(a, { source: 'bailiff_court', received_on: '2026-02-03', eviction_date: '2026-02-20' }),
          notice(a, { received_on: '2026-01-20' }),
          notice(b, { children_under_18: true, eviction_date: '2026-04-01' }),
        ])
        .execute();
      await refreshFacts(trx, [a, b]);
    });
    expect(await facts(a)).toMatchObject({
      bailiff_notice_on: '2026-02-03',
      eviction_date: '2026-03-01',
      children_under_18: false,
    });
    expect(await facts(b)).toMatchObject({
      bailiff_notice_on: null,
      eviction_date: '2026-04-01',
      children_under_18: true,
    });
    // A later, calmer notice moves nothing back; children are never forgotten.
    await withTenant(db.app, m, async (trx) => {
      await trx
        .insertInto('eviction_notice')
        .values(
          notice(b, { source: 'bailiff_court', received_on: '2026-03-01', eviction_date: '2026-03-15' }),
        )
        .execute();
      await refreshFacts(trx, [b]);
    });
    expect(await facts(b)).toMatchObject({
      bailiff_notice_on: '2026-03-01',
      eviction_date: '2026-04-01',
      children_under_18: true,
    });
  });

  it('recomputes the facts when a notice is changed or removed', async () => {
    const a = await newCase();
    const ids = await withTenant(db.app, m, async (trx) => {
      const rows = await trx
        .insertInto('eviction_notice')
        .values([
          notice(a, { source: 'bailiff_court', received_on: '2026-02-03', eviction_date: '2026-02-20' }),
          notice(a, { source: 'bailiff_court', received_on: '2026-02-10' }),
        ])
        .returning('id')
        .execute();
      await refreshFacts(trx, [a]);
      return rows;
    });
    const [first, second] = ids.map((r) => r.id) as [string, string];
    await withTenant(db.app, m, (trx) =>
      trx.updateTable('eviction_notice').set({ source: 'public_landlord' }).where('id', '=', first).execute(),
    );
    expect(await facts(a)).toMatchObject({ bailiff_notice_on: '2026-02-10', eviction_date: '2026-02-20' });
    // Only the owner may delete; the facts follow all the same.
    await db.owner.deleteFrom('eviction_notice').where('id', 'in', [first, second]).execute();
    expect(await facts(a)).toMatchObject({ bailiff_notice_on: null, eviction_date: null });
  });

  it('takes actions: the latest action and whether help was given, also when one is changed or removed', async () => {
    const a = await newCase();
    const action = (kind: string, done_on: string) => ({
      municipality_id: m,
      case_id: a,
      kind: kind as 'contact_phone',
      done_on,
    });
    const ids = await withTenant(db.app, m, async (trx) => {
      const rows = await trx
        .insertInto('eviction_action')
        .values([action('contact_phone', '2026-02-05'), action('home_visit', '2026-02-01')])
        .returning('id')
        .execute();
      await refreshFacts(trx, [a]);
      return rows;
    });
    expect(await facts(a)).toMatchObject({ last_action_on: '2026-02-05', help_given: false });
    await withTenant(db.app, m, async (trx) => {
      await trx.insertInto('eviction_action').values(action('help_81a', '2026-01-30')).execute();
      await refreshFacts(trx, [a]);
    });
    expect(await facts(a)).toMatchObject({ last_action_on: '2026-02-05', help_given: true });
    await withTenant(db.app, m, (trx) =>
      trx
        .updateTable('eviction_action')
        .set({ kind: 'contact_letter' })
        .where('kind', '=', 'help_81a')
        .where('case_id', '=', a)
        .execute(),
    );
    expect(await facts(a)).toMatchObject({ last_action_on: '2026-02-05', help_given: false });
    await db.owner
      .deleteFrom('eviction_action')
      .where('id', '=', (ids[0] as { id: string }).id)
      .execute();
    expect(await facts(a)).toMatchObject({ last_action_on: '2026-02-01', help_given: false });
  });

  it('leaves every case of the municipality equal to its notices and actions recomputed from scratch', async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from eviction_case c
      where c.municipality_id = ${m} and (
        c.bailiff_notice_on is distinct from (select min(received_on) from eviction_notice n
          where n.case_id = c.id and n.source = 'bailiff_court')
        or c.eviction_date is distinct from (select max(eviction_date) from eviction_notice n where n.case_id = c.id)
        or c.last_action_on is distinct from (select max(done_on) from eviction_action a where a.case_id = c.id)
        or c.help_given <> exists (select from eviction_action a where a.case_id = c.id
          and a.kind in ('help_81', 'help_81a', 'payment_plan', 'deposit_loan')))`.execute(db.owner);
    expect(rows[0]?.n).toBe(0);
  });
});
