import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationInput } from '../../../shared/count/api';
import { addDays, today } from '../../../shared/dates';
import type { ComparedMunicipality, Comparison, InsightSettings } from '../../../shared/insight/comparison';
import { monthStartBefore } from '../../../shared/insight/flow';
import { type DatabaseHandles, withTenant } from '../../db/database';
import { call, createCitizen, tenantWith } from '../../test/factories';
import { type Session, testApp, testDatabase } from '../../test/helpers';

/**
 * The suppression limit as a setting (issue 18 §6, rule 33) and the comparison across
 * municipalities (issue 18 §7): only suppressed figures of municipalities that opted in cross
 * tenants, and only to municipalities that opted in themselves. The row-level security of the one
 * path across tenants (`shared_indicator`) is proven on PostgreSQL at the end.
 */
const pgUrl = process.env.DATABASE_URL;

let db: DatabaseHandles;
let app: FastifyInstance;

beforeAll(async () => {
  db = await testDatabase();
  app = await testApp(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const now = today();
/** The last month end: the period of the shared by-name figure. */
const lastMonth = addDays(monthStartBefore(now, 0), -1).slice(0, 7);

/** A municipality with the roles of the comparison and `homeless` people on the street since last month. */
async function municipalityWith(homeless: number) {
  const t = await tenantWith(app, db, ['admin', 'leader', 'economy', 'caseworker']);
  for (let i = 0; i < homeless; i++)
    await createCitizen(t.users.caseworker.session, {
      firstEpisode: { situation: 'street', fromDate: monthStartBefore(now, 1) },
    });
  return {
    id: t.municipality.id,
    code: t.municipality.code,
    name: t.municipality.name,
    admin: t.users.admin.session,
    leader: t.users.leader.session,
    economy: t.users.economy.session,
    caseworker: t.users.caseworker.session,
  };
}

const share = (s: Session, inhabitants: number | null, sharing = true) =>
  call(s, 'PUT', '/api/insight/sharing', { sharing, inhabitants }) as Promise<InsightSettings>;
const comparisonOf = (s: Session) => call(s, 'GET', '/api/insight/comparison') as Promise<Comparison>;
const other = (c: Comparison, code: string): ComparedMunicipality | undefined =>
  c.others.find((o) => o.code === code);
const figure = (m: ComparedMunicipality | undefined, key: string) => m?.figures.find((f) => f.key === key);

const answers: Omit<RegistrationInput, 'citizenId' | 'initials' | 'birthDate'> = {
  sex: 'female',
  situation: 'street',
  duration: 'under_3_months',
  causes: [],
  onHousingList: 'unknown',
  hasActionPlan: 'no',
  supportReceived: 'unknown',
  incomeSource: 'cash_benefit',
  citizenship: 'danish',
  migrantWithoutResidence: false,
  units: [],
};

describe('the suppression limit (issue 18 §6, rule 33: a setting, default 5, never below 3)', () => {
  it('is 5 until the administrator sets it, and a limit below 3 is refused naming the field', async () => {
    const m = await municipalityWith(0);
    expect(await call(m.admin, 'GET', '/api/insight/settings')).toEqual({
      suppressionLimit: 5,
      inhabitants: null,
      sharing: false,
      sharingChangedBy: null,
      sharingChangedAt: null,
      publishedAt: null,
    });
    const low = await m.admin.request({
      method: 'PUT',
      url: '/api/insight/suppression-limit',
      payload: { suppressionLimit: 2 },
    });
    expect(low.statusCode).toBe(400);
    expect(low.json()).toMatchObject({
      code: 'INSIGHT_SUPPRESSION_LIMIT_TOO_LOW',
      fields: [{ path: 'suppressionLimit', code: 'too_small' }],
    });
    const set = (await call(m.admin, 'PUT', '/api/insight/suppression-limit', {
      suppressionLimit: 3,
    })) as InsightSettings;
    expect(set.suppressionLimit).toBe(3);
    const audited = await db.owner
      .selectFrom('audit_event')
      .select('details')
      .where('municipality_id', '=', m.id)
      .where('action', '=', 'insight.suppression_limit_update')
      .execute();
    expect(audited.map((a) => a.details)).toEqual([{ from: 5, to: 3 }]);
  });

  it('is the administrator’s alone to change, and the comparison is the leader’s, economy’s and administrator’s', async () => {
    const m = await municipalityWith(0);
    for (const s of [m.leader, m.economy, m.caseworker]) {
      const res = await s.request({
        method: 'PUT',
        url: '/api/insight/suppression-limit',
        payload: { suppressionLimit: 7 },
      });
      expect(res.statusCode).toBe(403);
      const opt = await s.request({
        method: 'PUT',
        url: '/api/insight/sharing',
        payload: { sharing: true, inhabitants: 10_000 },
      });
      expect(opt.statusCode).toBe(403);
    }
    for (const s of [m.leader, m.economy, m.admin]) await comparisonOf(s);
    const cw = await m.caseworker.request({ method: 'GET', url: '/api/insight/comparison' });
    expect(cw.statusCode).toBe(403);
  });

  it('suppresses the figures of the comparison at the municipality’s limit: 4 people are "<5" at 5 and 4 at 3', async () => {
    const m = await municipalityWith(4);
    expect(figure((await comparisonOf(m.leader)).own, 'flow.active')?.value).toBe('<5');
    await call(m.admin, 'PUT', '/api/insight/suppression-limit', { suppressionLimit: 3 });
    expect(figure((await comparisonOf(m.leader)).own, 'flow.active')?.value).toBe(4);
    await call(m.admin, 'PUT', '/api/insight/suppression-limit', { suppressionLimit: 8 });
    expect(figure((await comparisonOf(m.leader)).own, 'flow.active')).toMatchObject({
      value: '<8',
      ratePer10000: null,
    });
  });
});

describe('the comparison across municipalities (issue 18 §7)', () => {
  it('opting in needs the inhabitants, and records who decided and when', async () => {
    const m = await municipalityWith(0);
    const res = await m.admin.request({
      method: 'PUT',
      url: '/api/insight/sharing',
      payload: { sharing: true, inhabitants: null },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'INSIGHT_INHABITANTS_REQUIRED',
      fields: [{ path: 'inhabitants', code: 'required' }],
    });
    const publishFirst = await m.admin.request({ method: 'POST', url: '/api/insight/sharing/publish' });
    expect(publishFirst.statusCode).toBe(409);
    expect(publishFirst.json()).toMatchObject({ code: 'INSIGHT_NOT_SHARING' });

    const settings = await share(m.admin, 42_000);
    expect(settings).toMatchObject({
      sharing: true,
      inhabitants: 42_000,
      sharingChangedBy: expect.any(String),
    });
    expect(settings.sharingChangedAt).not.toBeNull();
    expect(settings.publishedAt).not.toBeNull();
    const audited = await db.owner
      .selectFrom('audit_event')
      .select('action')
      .where('municipality_id', '=', m.id)
      .where('action', 'like', 'insight.sharing%')
      .orderBy('seq')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['insight.sharing_update', 'insight.sharing_publish']);
  });

  it('shows a municipality that shares the others that share, per 10,000 inhabitants, and never one that does not', async () => {
    const a = await municipalityWith(6);
    const b = await municipalityWith(2);
    const c = await municipalityWith(7);
    await share(a.admin, 50_000);
    await share(b.admin, 20_000);
    // C decides on its inhabitants but does not share.
    await share(c.admin, 30_000, false);

    const seenByA = await comparisonOf(a.leader);
    expect(seenByA.sharing).toBe(true);
    expect(seenByA.own).toMatchObject({ code: a.code, inhabitants: 50_000, suppressionLimit: 5 });
    expect(figure(seenByA.own, 'flow.active')).toEqual({
      key: 'flow.active',
      period: lastMonth,
      value: 6,
      ratePer10000: 1.2,
    });
    // B's 2 leave B only as "<5", without a rate.
    expect(figure(other(seenByA, b.code), 'flow.active')).toEqual({
      key: 'flow.active',
      period: lastMonth,
      value: '<5',
      ratePer10000: null,
    });
    expect(other(seenByA, b.code)).toMatchObject({ name: b.name, inhabitants: 20_000 });
    expect(other(seenByA, a.code)).toBeUndefined();
    expect(other(seenByA, c.code)).toBeUndefined();
    expect(JSON.stringify(seenByA)).not.toContain(c.name);
    // The national count for context (rule 9): 5,989 in 2024 among 5,961,249 inhabitants.
    expect(seenByA.national).toEqual({
      year: 2024,
      total: 5_989,
      inhabitants: 5_961_249,
      ratePer10000: 10,
    });

    // C, which does not share, sees its own figures and no one else's.
    const seenByC = await comparisonOf(c.economy);
    expect(seenByC.sharing).toBe(false);
    expect(seenByC.others).toEqual([]);
    expect(figure(seenByC.own, 'flow.active')).toMatchObject({ value: 7, ratePer10000: 2.3 });
    expect(seenByC.own.publishedAt).toBeNull();

    // B opts out: its figures are withdrawn from A's comparison.
    await share(b.admin, 20_000, false);
    expect(other(await comparisonOf(a.admin), b.code)).toBeUndefined();
    expect(await comparisonOf(b.leader)).toMatchObject({ sharing: false, others: [] });
  });

  it('shares the latest closed week-6 count, suppressed, and publishes again on request', async () => {
    const a = await municipalityWith(0);
    const b = await municipalityWith(0);
    await share(a.admin, 10_000);
    await share(b.admin, 60_000);
    await call(b.caseworker, 'POST', '/api/counts', { year: 2024 }, 201);
    for (let i = 0; i < 6; i++)
      await call(
        b.caseworker,
        'POST',
        '/api/counts/2024/registrations',
        { initials: `K${String.fromCharCode(65 + i)}`, birthDate: `1980-01-0${i + 1}`, ...answers },
        201,
      );
    await call(b.caseworker, 'POST', '/api/counts/2024/close', undefined, 204);
    // Published at the opt-in, before the count was closed: nothing of it yet.
    expect(figure(other(await comparisonOf(a.leader), b.code), 'count.total')).toBeUndefined();
    await call(b.admin, 'POST', '/api/insight/sharing/publish');
    expect(figure(other(await comparisonOf(a.leader), b.code), 'count.total')).toEqual({
      key: 'count.total',
      period: '2024',
      value: 6,
      ratePer10000: 1,
    });
  });
});

describe.skipIf(!pgUrl)('the one path across tenants under row-level security (PostgreSQL)', () => {
  /** Figures written straight into `shared_indicator` as the tenant itself. */
  const write = (m: { id: string; code: string }, values: { key: string; value: string; limit?: number }[]) =>
    withTenant(db.app, m.id, (trx) =>
      trx
        .insertInto('shared_indicator')
        .values(
          values.map((v) => ({
            municipality_id: m.id,
            municipality_code: m.code,
            municipality_name: 'Direkte',
            key: v.key,
            period: '2026',
            value: v.value,
            suppression_limit: v.limit ?? 5,
            inhabitants: 10_000,
          })),
        )
        .execute(),
    );
  const seenBy = (viewer: string, owner: string) =>
    withTenant(db.app, viewer, (trx) =>
      trx
        .selectFrom('shared_indicator')
        .select(['key', 'value'])
        .where('municipality_id', '=', owner)
        .execute(),
    );

  it('shows no row of a municipality that has not opted in, even to a direct select without a filter', async () => {
    const a = await municipalityWith(0);
    const b = await municipalityWith(0);
    await share(b.admin, 10_000);
    // A has not opted in, yet its own rows are there (a tenant may write its own table).
    await write(a, [{ key: 'direct.unshared', value: '17' }]);
    expect(await seenBy(a.id, a.id)).toEqual([{ key: 'direct.unshared', value: '17' }]);
    expect(await seenBy(b.id, a.id)).toEqual([]);
    const everything = await withTenant(db.app, b.id, (trx) =>
      trx.selectFrom('shared_indicator').select('municipality_id').execute(),
    );
    expect(everything.some((r) => r.municipality_id === a.id)).toBe(false);
    // Nor does A, which does not share, see B's.
    expect(await seenBy(a.id, b.id)).toEqual([]);
    // Once A opts in its published figures replace what was there, and B sees them.
    await share(a.admin, 10_000);
    expect((await seenBy(b.id, a.id)).map((r) => r.key)).toEqual(['flow.active']);
  });

  it('refuses a row written for another municipality, and a value smaller than the limit', async () => {
    const a = await municipalityWith(0);
    const b = await municipalityWith(0);
    await expect(write(a, [{ key: 'direct.ok', value: '5' }])).resolves.toBeDefined();
    await expect(
      withTenant(db.app, b.id, (trx) =>
        trx
          .insertInto('shared_indicator')
          .values({
            municipality_id: a.id,
            municipality_code: a.code,
            municipality_name: 'Falsk',
            key: 'direct.planted',
            period: '2026',
            value: '9',
            suppression_limit: 5,
            inhabitants: 10_000,
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    for (const [value, limit] of [
      ['4', 5],
      ['1', 3],
      ['<3', 5],
      ['12 ', 5],
    ] as const)
      await expect(write(a, [{ key: 'direct.small', value, limit }])).rejects.toThrow(/check constraint/);
    await expect(write(a, [{ key: 'direct.at_three', value: '<3', limit: 3 }])).resolves.toBeDefined();
  });

  it('holds only suppressed values in every row a sharing municipality can read', async () => {
    const a = await municipalityWith(3);
    const b = await municipalityWith(8);
    await share(a.admin, 10_000);
    await share(b.admin, 10_000);
    const rows = await withTenant(db.app, a.id, (trx) =>
      trx.selectFrom('shared_indicator').select(['municipality_id', 'value', 'suppression_limit']).execute(),
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) {
      const small = /^[0-9]+$/.test(r.value) && Number(r.value) > 0 && Number(r.value) < r.suppression_limit;
      expect(small, JSON.stringify(r)).toBe(false);
      expect(r.value).toMatch(/^(x|0|<[0-9]+|[1-9][0-9]*)$/);
    }
    expect(rows.find((r) => r.municipality_id === a.id)?.value).toBe('<5');
    expect(rows.find((r) => r.municipality_id === b.id)?.value).toBe('8');
  });

  it('lets the app role change only its own municipality’s limit and inhabitants', async () => {
    const a = await municipalityWith(0);
    const b = await municipalityWith(0);
    const other = await withTenant(db.app, b.id, (trx) =>
      trx.updateTable('municipality').set({ suppression_limit: 9 }).where('id', '=', a.id).executeTakeFirst(),
    );
    expect(Number(other.numUpdatedRows)).toBe(0);
    await expect(
      withTenant(db.app, b.id, (trx) =>
        trx.updateTable('municipality').set({ name: 'Omdøbt' }).where('id', '=', b.id).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      withTenant(db.app, b.id, (trx) =>
        sql`update municipality set suppression_limit = 2 where id = ${b.id}`.execute(trx),
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
