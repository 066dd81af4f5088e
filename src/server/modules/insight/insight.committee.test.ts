import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/dates';
import type { CommitteeReport } from '../../../shared/insight/committee';
import { defaultPeriod } from '../../../shared/insight/indicators';
import type { DatabaseHandles } from '../../db/database';
import { demoUsername, seedDemo } from '../../demo/seed';
import { flatText, loadWorkbook, sheetValues } from '../../test/documents';
import { call, createCitizen, tenantWith } from '../../test/factories';
import { login, testApp, testDatabase } from '../../test/helpers';

const PASSWORD = 'demo-password-long';
const onPostgres = Boolean(process.env.DATABASE_URL);
let db: DatabaseHandles;
let app: FastifyInstance;

beforeAll(async () => {
  db = await testDatabase();
  // The demo municipality has a fixed kommunekode: seeded on PGlite only (as the other demo tests).
  if (!onPostgres) await seedDemo(db, PASSWORD);
  app = await testApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('the committee report (issue 18 §5)', () => {
  it('is for the leader, the economy role and the administrator; case-working roles get 403', async () => {
    const { users } = await tenantWith(app, db, ['leader', 'economy', 'admin', 'caseworker', 'support']);
    for (const role of ['leader', 'economy', 'admin'] as const)
      await call(users[role].session, 'GET', '/api/insight/committee-report');
    for (const role of ['caseworker', 'support'] as const) {
      await call(users[role].session, 'GET', '/api/insight/committee-report', undefined, 403);
      await call(users[role].session, 'GET', '/api/insight/committee-report.pdf', undefined, 403);
    }
  });

  it('rule 33: three homeless people show as "<5" in the flow, and no count below 5 leaves in the JSON', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'leader']);
    for (let i = 0; i < 3; i++)
      await createCitizen(users.caseworker.session, {
        firstEpisode: { situation: 'street', fromDate: addDays(today(), -40) },
      });
    const report = (await call(
      users.leader.session,
      'GET',
      '/api/insight/committee-report',
    )) as CommitteeReport;
    expect(report.flow.at(-1)?.active).toBe('<5');
    const small: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 5) small.push(path);
      else if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
      } else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    };
    walk({ ...report, counts: report.counts.map(({ year: _, ...c }) => c) }, 'report');
    // Years, shares, medians and dwellings are not counts of people; every other figure is checked.
    expect(
      small.filter((p) => !/(year|Percent|agreed|received|used|returnedUnused|capacity|load)/.test(p)),
    ).toEqual([]);
  });

  it('keeps the introduction of a period, audited, with a clear error naming a too long text', async () => {
    const { municipality, users } = await tenantWith(app, db, ['leader']);
    const s = users.leader.session;
    const period = { from: '2026-01-01', to: '2026-06-30' };
    await call(
      s,
      'PUT',
      '/api/insight/committee-report/introduction',
      { ...period, text: 'Første udkast' },
      204,
    );
    await call(
      s,
      'PUT',
      '/api/insight/committee-report/introduction',
      { ...period, text: 'Status til mødet i juni' },
      204,
    );
    const report = (await call(
      s,
      'GET',
      `/api/insight/committee-report?from=${period.from}&to=${period.to}`,
    )) as CommitteeReport;
    expect(report.introduction.text).toBe('Status til mødet i juni');
    expect(report.introduction.updatedByName).not.toBeNull();
    // Another period has its own (empty) introduction.
    const other = (await call(s, 'GET', '/api/insight/committee-report')) as CommitteeReport;
    expect(other.introduction.text).toBe('');
    const tooLong = (await call(
      s,
      'PUT',
      '/api/insight/committee-report/introduction',
      { ...period, text: 'x'.repeat(8001) },
      400,
    )) as { fields: { path: string }[] };
    expect(tooLong.fields.map((f) => f.path)).toEqual(['text']);
    const audited = await db.owner
      .selectFrom('audit_event')
      .select('action')
      .where('municipality_id', '=', municipality.id)
      .where('action', '=', 'committee_report.introduction')
      .execute();
    expect(audited).toHaveLength(2);
  });
});

describe("the committee report's figures, kept for every process (ADR 0026)", () => {
  it('are served as kept within five minutes, with the introduction read at every view, and computed now on refresh', async () => {
    const { municipality, users } = await tenantWith(app, db, ['caseworker', 'leader']);
    const s = users.leader.session;
    const first = (await call(s, 'GET', '/api/insight/committee-report')) as CommitteeReport;
    expect(first.flow.at(-1)?.active).toBe(0);
    const kept = await sql<{ key: string }>`select key from insight_kept_figures
      where municipality_id = ${municipality.id}`.execute(db.owner);
    expect(kept.rows.map((r) => r.key.split('|')[0])).toEqual(['committee']);
    for (let i = 0; i < 6; i++)
      await createCitizen(users.caseworker.session, {
        firstEpisode: { situation: 'street', fromDate: addDays(today(), -40) },
      });
    await call(
      s,
      'PUT',
      '/api/insight/committee-report/introduction',
      { from: first.from, to: first.to, text: 'Skrevet efter beregningen' },
      204,
    );
    const again = (await call(s, 'GET', '/api/insight/committee-report')) as CommitteeReport;
    expect(again.flow).toEqual(first.flow);
    expect(again.computedAt).toBe(first.computedAt);
    expect(again.introduction.text).toBe('Skrevet efter beregningen');
    const now = (await call(s, 'GET', '/api/insight/committee-report?refresh=true')) as CommitteeReport;
    expect(now.flow.at(-1)?.active).toBe(6);
    expect(Date.parse(now.computedAt)).toBeGreaterThan(Date.parse(first.computedAt));
    const after = (await call(s, 'GET', '/api/insight/committee-report')) as CommitteeReport;
    expect(after).toEqual(now);
  });
});

describe.skipIf(onPostgres)('the demo committee report (issue 18 §5)', () => {
  it('holds the headings, the introduction, the counts 84 and 67 and the indicators in the PDF, and the numbers in the XLSX', async () => {
    const leader = await login(app, demoUsername('leader'), PASSWORD);
    const { from, to } = { from: '2019-01-01', to: defaultPeriod(today()).to };
    await call(
      leader,
      'PUT',
      '/api/insight/committee-report/introduction',
      {
        from,
        to,
        text: 'Hjemløsheden er faldet siden 2019.',
      },
      204,
    );
    const report = (await call(
      leader,
      'GET',
      `/api/insight/committee-report?from=${from}&to=${to}`,
    )) as CommitteeReport;
    expect(report.counts.map((c) => [c.year, c.total, c.youth18to29])).toEqual([
      [2019, 84, 22],
      [2022, 67, 20],
    ]);
    expect(report.flow.length).toBeGreaterThan(24);
    expect(report.youth.length).toBeGreaterThan(0);

    const pdf = await leader.request({
      method: 'GET',
      url: `/api/insight/committee-report.pdf?from=${from}&to=${to}`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = flatText(pdf.rawPayload);
    for (const heading of [
      'Status på hjemløsheden til Socialudvalget',
      'Indledning',
      'Hjemløshedsindikatorer',
      'Hjemløsetællingerne i uge 6',
      'Initiativ 1: Unges overgang til voksenlivet',
      'Initiativ 2: Forebyggelse af udsættelser',
      'Initiativ 3: Boligforsyning og den boligsociale venteliste',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('Hjemløsheden er faldet siden 2019.');
    expect(text).toMatch(/2019 84 22 6\.431/);
    expect(text).toMatch(/2022 67 20 5\.789/);
    expect(text).toContain('Dage i hjemløshed, median');
    // Issue 19 §4: the demo's two planning scenarios are in the report, each with its five years.
    expect(report.planning.map((p) => [p.name, p.years.length])).toEqual([
      ['Basis', 5],
      ['Flere boliger: højere kvote og nybyggeri', 5],
    ]);
    expect(text).toContain('Planlægning: fremskrivninger');
    expect(text).toContain('Basis: 5 år frem fra');
    expect(text).toContain('ingen ændringer (basis)');
    expect(text).toMatch(/nye boliger klar \d\d\.\d\d\.\d{4} \(25 % til kommunen\)/);

    const xlsx = await leader.request({
      method: 'GET',
      url: `/api/insight/committee-report.xlsx?from=${from}&to=${to}`,
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = await loadWorkbook(xlsx.rawPayload);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Indledning',
      'Indikatorer',
      'Flow',
      'Tællinger',
      'Unge',
      'Udsættelser',
      'Venteliste',
      'Planlægning',
    ]);
    const counts = sheetValues(workbook.getWorksheet('Tællinger')).filter((r) => typeof r?.[0] === 'number');
    expect(counts.map((r) => r.slice(0, 3))).toEqual([
      [2019, 84, 22],
      [2022, 67, 20],
    ]);
    const planning = sheetValues(workbook.getWorksheet('Planlægning')).filter(
      (r) => typeof r?.[3] === 'number',
    );
    expect(planning.map((r) => [r[0], r[1]])).toEqual(
      ['Basis', 'Flere boliger: højere kvote og nybyggeri'].flatMap((name) =>
        [1, 2, 3, 4, 5].map((y) => [name, `År ${y}`]),
      ),
    );
  });
});
