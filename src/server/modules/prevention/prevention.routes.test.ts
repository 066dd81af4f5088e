import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/dates';
import { compareUrgency, urgency } from '../../../shared/prevention/clocks';
import type { DatabaseHandles } from '../../db/database';
import {
  call,
  createCitizen,
  createDepartment,
  createNotice,
  fakeCpr,
  noticeInput,
  tenantWith,
} from '../../test/factories';
import { type Session, testApp, testDatabase } from '../../test/helpers';

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

/** Uploads a notice list (CSV) and imports it (mode all). */
const upload = (s: Session, csv: string) => {
  const boundary = 'n-boundary';
  const part = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = `${part('mode', 'all')}${part('dryRun', 'false')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="underretninger.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  return s.request({
    method: 'POST',
    url: '/api/prevention/notices/import',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
};

describe('notices, linking and the inbox (issue 6 §1–3)', () => {
  it('links a notice to the registry by CPR, groups repeated notices and puts a bailiff notice with children on top', async () => {
    const { users } = await tenantWith(app, db, ['prevention']);
    const s = users.prevention.session;
    const cpr = fakeCpr();
    const first = await createNotice(s, { tenantCpr: cpr, address: 'Lindevej 4, st.' });
    expect(first).toMatchObject({ citizenCreated: true, joinedCase: false });
    expect(first.citizenId).toBeTruthy();
    const again = await createNotice(s, {
      tenantCpr: cpr,
      address: 'lindevej 4 st',
      source: 'bailiff_court',
      bailiffFiledOn: today(),
      evictionDate: addDays(today(), 21),
    });
    expect(again).toMatchObject({
      caseId: first.caseId,
      citizenId: first.citizenId,
      citizenCreated: false,
      joinedCase: true,
    });
    const urgent = await createNotice(s, {
      source: 'bailiff_court',
      tenantName: 'Familie Hansen',
      childrenUnder18: true,
      evictionDate: addDays(today(), 30),
    });
    const inbox = await call(s, 'GET', '/api/prevention/cases');
    expect(inbox.items[0]).toMatchObject({ id: urgent.caseId, childrenUnder18: true });
    expect(inbox.items[0].duties.map((d: { kind: string }) => d.kind)).toContain('act_at_once');
    const grouped = inbox.items.find((c: { id: string }) => c.id === first.caseId);
    expect(grouped).toMatchObject({ notices: 2, step: 'udsaettelse' });
    const tasks = await call(s, 'GET', '/api/tasks');
    expect(tasks.items.map((t: { kind: string }) => t.kind)).toContain('eviction_act_at_once');
    const person = await call(s, 'GET', `/api/citizens/${first.citizenId}?purpose=prevention`);
    expect(person.timeline.map((t: { kind: string }) => t.kind)).toContain('notice_received');
  });

  it('lists every due § 5 a duty in "Mine opgaver", however many, and the no-help decision from the day it falls due', async () => {
    const { users } = await tenantWith(app, db, ['prevention']);
    const s = users.prevention.session;
    const header = 'kilde;modtaget;cpr;navn;adresse;restance;maaneder;boern';
    const day = (n: number) => addDays(today(), n);
    // More bailiff notices with children than any page or limit: each is a duty to act at once.
    const families = Array.from(
      { length: 520 },
      (_, i) => `fogedret;${day(-(i % 10))};;Familie ${i};Børnevej ${i};8000;2;ja`,
    );
    // Retssikkerhedsloven § 5 a, stk. 2: a decision that no help is given is due 14 days after the
    // bailiff's notice; 20 days ago is overdue, 3 days ago is not due yet.
    const late = `fogedret;${day(-20)};;Sen Sørensen;Sidevej 1;6000;1;nej`;
    const early = `fogedret;${day(-3)};;Tidlig Thomsen;Sidevej 2;6000;1;nej`;
    const res = await upload(s, [header, ...families, late, early].join('\n'));
    expect(res.statusCode, res.body).toBe(200);
    const tasks = (await call(s, 'GET', '/api/tasks')).items as {
      kind: string;
      params: { name: string };
      severity: string;
      dueAt: string;
    }[];
    const actNow = tasks.filter((t) => t.kind === 'eviction_act_at_once');
    expect(new Set(actNow.map((t) => t.params.name)).size).toBe(520);
    expect(actNow.every((t) => t.severity === 'error')).toBe(true);
    const decide = tasks.filter((t) => t.kind === 'eviction_decide_no_help');
    expect(decide.map((t) => t.params.name)).toContain('Sen Sørensen');
    expect(decide.find((t) => t.params.name === 'Sen Sørensen')).toMatchObject({
      severity: 'error',
      dueAt: day(-6),
    });
    expect(decide.map((t) => t.params.name)).not.toContain('Tidlig Thomsen');
  });

  it('pages through every open case in the order of the shared § 5 a urgency rule, with the counts of all pages', async () => {
    const { users } = await tenantWith(app, db, ['prevention']);
    const s = users.prevention.session;
    const header = 'kilde;modtaget;cpr;navn;adresse;restance;maaneder;boern;fogedsag;udsaettelse';
    const day = (n: number) => addDays(today(), n);
    // 55 calm cases, older than the urgent ones: the urgent must not hide behind them on page 2.
    const calm = Array.from(
      { length: 55 },
      (_, i) => `udlejer_almen;${day(-60 + (i % 30))};;Rolig ${i};Stillevej ${i};4000;1;nej;;`,
    );
    const urgent = [
      // Overdue duty to act at once (children) and to decide: the most urgent.
      `fogedret;${day(-20)};;Haster Børn;Travlvej 1;9000;3;ja;${day(-21)};${day(30)}`,
      // Overdue decision only (no children, no known need).
      `fogedret;${day(-16)};;Haster Voksen;Travlvej 2;9000;3;nej;${day(-17)};`,
      // Bailiff notice today with children: act at once is due today, not yet overdue.
      `fogedret;${day(0)};;Frist Idag;Travlvej 3;9000;3;ja;${day(-1)};${day(10)}`,
      // Children, no bailiff notice, an eviction date.
      `udlejer_privat;${day(-3)};;Børn Dato;Travlvej 4;9000;3;ja;;${day(5)}`,
      // A bailiff notice that will be met by help (no decision due) and a contact.
      `fogedret;${day(-18)};;Hjulpet Familie;Travlvej 5;9000;3;ja;${day(-19)};${day(40)}`,
      // Its first notice is calm; a bailiff notice joins it later and makes it overdue.
      `udlejer_almen;${day(-50)};;Senere Foged;Travlvej 6;9000;3;nej;;`,
    ];
    expect((await upload(s, [header, ...calm, ...urgent].join('\n'))).json()).toMatchObject({ imported: 61 });
    await createNotice(s, {
      source: 'bailiff_court',
      tenantName: 'Senere Foged',
      address: 'Travlvej 6',
      receivedOn: day(-15),
      bailiffFiledOn: day(-16),
    });
    const first = await call(s, 'GET', '/api/prevention/cases');
    const helped = first.items.find((c: { tenantName: string }) => c.tenantName === 'Hjulpet Familie');
    for (const kind of ['contact_phone', 'help_81a'])
      await call(s, 'POST', `/api/prevention/cases/${helped.id}/actions`, {
        kind,
        doneOn: today(),
        result: null,
        amount: kind === 'help_81a' ? 3000 : null,
        respondBy: null,
      });

    const page1 = await call(s, 'GET', '/api/prevention/cases');
    const page2 = await call(s, 'GET', '/api/prevention/cases?page=2');
    expect(page1).toMatchObject({ page: 1, pageSize: 50, total: 61, overdue: 3 });
    expect(page2).toMatchObject({ page: 2, total: 61, overdue: 3 });
    expect(page1.items).toHaveLength(50);
    expect(page2.items).toHaveLength(11);
    const all = [...page1.items, ...page2.items];
    expect(new Set(all.map((c: { id: string }) => c.id)).size).toBe(61);
    expect(all.slice(0, 5).map((c: { tenantName: string }) => c.tenantName)).toEqual([
      'Haster Børn',
      'Haster Voksen',
      'Senere Foged',
      'Frist Idag',
      'Børn Dato',
    ]);
    expect(all.find((c: { tenantName: string }) => c.tenantName === 'Hjulpet Familie').duties).toEqual([]);
    // The database's order is the shared rule's order, across the page boundary.
    type Item = {
      duties: Parameters<typeof urgency>[0];
      childrenUnder18: boolean;
      evictionDate: string | null;
    };
    const keys = all.map((c: Item) => urgency(c.duties, c.childrenUnder18, c.evictionDate));
    for (let i = 1; i < keys.length; i++)
      expect(
        compareUrgency(keys[i - 1] as (typeof keys)[0], keys[i] as (typeof keys)[0]),
      ).toBeLessThanOrEqual(0);
    expect(all.filter((c: { overdue: boolean }) => c.overdue)).toHaveLength(3);
    // Only what the list shows is sent.
    expect(Object.keys(page1.items[0]).sort()).toEqual(
      [
        'address',
        'arrearsAmount',
        'childrenUnder18',
        'departmentName',
        'duties',
        'evictionDate',
        'id',
        'knownNeed',
        'notices',
        'organisationName',
        'outcome',
        'overdue',
        'status',
        'step',
        'tenantName',
      ].sort(),
    );
    // A page past the end is empty and still counts.
    expect(await call(s, 'GET', '/api/prevention/cases?page=9')).toMatchObject({
      items: [],
      total: 61,
      overdue: 3,
    });
  });

  it('sends a tenant the list knows without a CPR number to the duplicate review, from the form and from an import', async () => {
    const { users } = await tenantWith(app, db, ['prevention', 'caseworker']);
    const worker = users.prevention.session;
    const caseworker = users.caseworker.session;
    // Known by name and birth date only (the fake CPR numbers below are of people born 1 January 1860).
    for (const [givenName, familyName, initials] of [
      ['Karen', 'Mikkelsen', 'KM'],
      ['Ole', 'Frandsen', 'OF'],
    ])
      await createCitizen(caseworker, { birthDate: '1860-01-01', givenName, familyName, initials });
    const created = await createNotice(worker, { tenantCpr: fakeCpr(), tenantName: 'Karen Mikkelsen' });
    const header = 'kilde;modtaget;cpr;navn;adresse;restance';
    const lines = [
      `almen;${today()};${fakeCpr()};Ole Frandsen;Skovvej 9;4000`,
      `almen;${today()};${fakeCpr()};Helt Anden;Skovvej 10;4000`,
    ];
    expect((await upload(worker, [header, ...lines].join('\n'))).json()).toMatchObject({ imported: 2 });
    const queue = (await call(caseworker, 'GET', '/api/citizens/duplicates')).items as unknown[];
    expect(queue).toHaveLength(2);
    expect(JSON.stringify(queue)).toContain(created.citizenId);
  });

  it('names a bad CPR and a future date, and saves nothing', async () => {
    const { users } = await tenantWith(app, db, ['prevention']);
    const s = users.prevention.session;
    const res = await s.request({
      method: 'POST',
      url: '/api/prevention/notices',
      payload: noticeInput({ tenantCpr: '3102601234', receivedOn: addDays(today(), 2) }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      { path: 'tenantCpr', code: 'cpr_date' },
      { path: 'receivedOn', code: 'future_date' },
    ]);
    expect((await call(s, 'GET', '/api/prevention/cases')).items).toEqual([]);
  });

  it('keeps cases inside the municipality: another municipality gets "not found"', async () => {
    const a = await tenantWith(app, db, ['prevention']);
    const b = await tenantWith(app, db, ['prevention']);
    const { caseId } = await createNotice(a.users.prevention.session);
    expect(
      (await b.users.prevention.session.request({ method: 'GET', url: `/api/prevention/cases/${caseId}` }))
        .statusCode,
    ).toBe(404);
    expect((await call(b.users.prevention.session, 'GET', '/api/prevention/cases')).items).toEqual([]);
  });
});

describe('actions, outcome and monitoring (issue 6 §4–7)', () => {
  it('records a contact and § 81 a help, closes the case as averted and monitoring counts it', async () => {
    const { users } = await tenantWith(app, db, ['prevention', 'leader']);
    const s = users.prevention.session;
    const { caseId, citizenId } = await createNotice(s, {
      tenantCpr: fakeCpr(),
      source: 'bailiff_court',
      childrenUnder18: true,
    });
    await call(s, 'POST', `/api/prevention/cases/${caseId}/actions`, {
      kind: 'contact_phone',
      doneOn: today(),
      result: 'Talt med lejer',
      amount: null,
      respondBy: null,
    });
    const helped = await call(s, 'POST', `/api/prevention/cases/${caseId}/actions`, {
      kind: 'help_81a',
      doneOn: today(),
      result: null,
      amount: 4_000,
      respondBy: null,
    });
    expect(helped.duties).toEqual([]);
    const closed = await call(s, 'POST', `/api/prevention/cases/${caseId}/outcome`, {
      outcome: 'averted_help',
      outcomeOn: today(),
      note: null,
    });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'averted_help', daysToOutcome: 0 });
    const again = await s.request({
      method: 'POST',
      url: `/api/prevention/cases/${caseId}/actions`,
      payload: { kind: 'home_visit', doneOn: today(), result: null, amount: null, respondBy: null },
    });
    expect(again.json().code).toBe('CASE_CLOSED');
    const person = await call(s, 'GET', `/api/citizens/${citizenId}?purpose=prevention`);
    expect(person.status).toBe('housed');
    // Case work sees the monitoring exactly.
    const report = await call(s, 'GET', '/api/prevention/monitoring');
    expect(report.totals).toMatchObject({ notices: 1, cases: 1, withChildren: 1, averted: 1, evicted: 0 });
    expect(report.shareWithChildren).toBe(1);
    expect(report.months.at(-1)).toMatchObject({ notices: 1, withChildren: 1, averted: 1 });
    // Rule 33: the leader's figures leave case work, so a count of 1 is "<5" (the default limit)
    // and neither the share nor the median tells it.
    const reported = await call(users.leader.session, 'GET', '/api/prevention/monitoring');
    expect(reported.totals).toMatchObject({ notices: '<5', cases: '<5', withChildren: '<5', evicted: 0 });
    expect(reported.totals.averted).toBe('<5');
    expect(reported.shareWithChildren).toBeNull();
    expect(reported.medianDaysToOutcome).toBeNull();
    expect(reported.months.at(-1)).toMatchObject({ notices: '<5', withChildren: '<5', averted: '<5' });
    const xlsx = await users.leader.session.request({
      method: 'GET',
      url: '/api/prevention/monitoring.xlsx',
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    // A leader sees aggregates, not cases.
    expect(
      (await users.leader.session.request({ method: 'GET', url: `/api/prevention/cases/${caseId}` }))
        .statusCode,
    ).toBe(403);
    const letter = await s.request({ method: 'GET', url: `/api/prevention/cases/${caseId}/letter` });
    expect(letter.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('records the § 5 a decision that no help is given, which ends the duty', async () => {
    const { users } = await tenantWith(app, db, ['prevention']);
    const s = users.prevention.session;
    const { caseId } = await createNotice(s, { source: 'bailiff_court', receivedOn: addDays(today(), -20) });
    const before = await call(s, 'GET', `/api/prevention/cases/${caseId}`);
    expect(before.duties).toEqual([expect.objectContaining({ kind: 'decide_no_help', overdue: true })]);
    const after = await call(s, 'POST', `/api/prevention/cases/${caseId}/decision`, {
      decidedOn: today(),
      reason: 'Lejer har selv betalt.',
    });
    expect(after.duties).toEqual([]);
  });
});

describe('the partner view (issue 6 §1)', () => {
  it("lets a housing-organisation user report notices only for the organisation's own departments", async () => {
    const { users } = await tenantWith(app, db, ['allocation', 'partner_housing', 'prevention']);
    const own = await createDepartment(users.allocation.session);
    const other = await createDepartment(users.allocation.session);
    await call(users.allocation.session, 'PUT', `/api/housing/organisations/${own.orgId}/contacts`, {
      userIds: [users.partner_housing.id],
    });
    const partner = users.partner_housing.session;
    const refused = await partner.request({
      method: 'POST',
      url: '/api/partner/notices',
      payload: noticeInput({ departmentId: other.deptId }),
    });
    expect(refused.json().fields).toEqual([{ path: 'departmentId', code: 'unknown_department' }]);
    const ok = await createNotice(
      partner,
      { departmentId: own.deptId, tenantCpr: fakeCpr(), source: 'private_landlord' },
      '/api/partner/notices',
    );
    expect(ok.citizenId).toBeNull();
    const mine = await call(partner, 'GET', '/api/partner/notices');
    expect(mine.items).toHaveLength(1);
    const c = await call(users.prevention.session, 'GET', `/api/prevention/cases/${ok.caseId}`);
    expect(c.sources).toEqual(['public_landlord']);
    expect((await partner.request({ method: 'GET', url: '/api/prevention/cases' })).statusCode).toBe(403);
  });
});

describe('notice import (issue 6 "Done when")', () => {
  it('imports nothing of a file with one bad row, naming line and field; the same file twice creates no duplicates', async () => {
    const { users } = await tenantWith(app, db, ['prevention']);
    const s = users.prevention.session;
    const header = 'kilde;modtaget;cpr;navn;adresse;restance;maaneder;boern';
    const day = today();
    const good = [
      `fogedret;${day};${fakeCpr()};Anna Berg;Skovvej 1;9.500;2;ja`,
      `udlejer_almen;${day};;Bo Lund;Skovvej 2;4000;1;nej`,
    ];
    const bad = `udlejer_privat;${day};${fakeCpr()};Carl Dahl;Skovvej 3;-5;1;nej`;
    const rejected = (await upload(s, [header, ...good, bad].join('\n'))).json();
    expect(rejected).toMatchObject({
      rows: 3,
      valid: 2,
      imported: 0,
      problems: [{ line: 4, field: 'arrearsAmount', code: 'too_small' }],
    });
    expect((await call(s, 'GET', '/api/prevention/cases')).items).toEqual([]);
    const file = [header, ...good].join('\n');
    expect((await upload(s, file)).json()).toMatchObject({ rows: 2, imported: 2 });
    expect((await upload(s, file)).json()).toMatchObject({ rows: 2, imported: 0 });
    const inbox = (await call(s, 'GET', '/api/prevention/cases')).items;
    expect(inbox).toHaveLength(2);
    expect(inbox[0]).toMatchObject({ tenantName: 'Anna Berg', childrenUnder18: true, arrearsAmount: 9500 });
  });

  it('imports a large file in one go: new citizens, one case per tenancy, repeated notices grouped, and once only when sent twice at the same time', async () => {
    const { municipality, users } = await tenantWith(app, db, ['prevention']);
    const s = users.prevention.session;
    const header = 'kilde;modtaget;cpr;navn;adresse;restance;maaneder;fogedsag;boern';
    const day = today();
    const earlier = addDays(day, -10);
    // Enough rows that citizens, cases and notices all go the bulk way (STAGE_FROM).
    const withCpr = Array.from({ length: 300 }, (_, i) => ({
      cpr: fakeCpr(),
      name: `Lejer Nr${i}`,
      address: `Bulkvej ${i}`,
    }));
    const lines = [
      ...withCpr.map((t) => `udlejer_almen;${earlier};${t.cpr};${t.name};${t.address};8.000;2;;nej`),
      ...Array.from(
        { length: 100 },
        (_, i) => `udlejer_privat;${earlier};;Uden Cpr${i};Tomvej ${i};3000;1;;nej`,
      ),
      // The bailiff's court about 50 of the same tenancies, with children: grouped into their cases.
      ...withCpr.slice(0, 50).map((t) => `fogedret;${day};${t.cpr};${t.name};${t.address};9.000;3;${day};ja`),
    ];
    const file = [header, ...lines].join('\n');
    expect((await upload(s, file)).json()).toMatchObject({
      rows: 450,
      valid: 450,
      imported: 450,
      problems: [],
    });
    const counts = async () => {
      const { rows } = await sql<{
        cases: number;
        notices: number;
        citizens: number;
        grouped: number;
        children: number;
      }>`
        select (select count(*)::int from eviction_case where municipality_id = ${municipality.id}) as cases,
          (select count(*)::int from eviction_notice where municipality_id = ${municipality.id}) as notices,
          (select count(*)::int from citizen where municipality_id = ${municipality.id}) as citizens,
          (select count(*)::int from (select case_id from eviction_notice where municipality_id = ${municipality.id}
            group by case_id having count(*) = 2) g) as grouped,
          (select count(*)::int from eviction_case where municipality_id = ${municipality.id}
            and children_under_18 and bailiff_notice_on = ${day}) as children`.execute(db.owner);
      return rows[0];
    };
    expect(await counts()).toEqual({ cases: 400, notices: 450, citizens: 300, grouped: 50, children: 50 });
    expect((await call(s, 'GET', '/api/prevention/cases')).total).toBe(400);

    // The same file again, and a new one sent twice at once: nothing twice.
    expect((await upload(s, file)).json()).toMatchObject({ rows: 450, imported: 0 });
    const next = [
      header,
      ...Array.from({ length: 300 }, (_, i) => `privat;${day};;Ny Lejer${i};Nyvej ${i};1000;1;;nej`),
    ].join('\n');
    const both = await Promise.all([upload(s, next), upload(s, next)]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(both.map((r) => r.json().imported).sort()).toEqual([0, 300]);
    expect(await counts()).toMatchObject({ cases: 700, notices: 750, citizens: 300 });
  });
});
