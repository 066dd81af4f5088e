import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandles } from '../../db/database';
import { type Session, tenantWith, testApp, testDatabase } from '../../test/helpers';
import { rowToInput } from './citizens.import';

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

/** A multipart/form-data body with one file and text fields. */
function multipart(file: { name: string; data: Buffer }, fields: Record<string, string>) {
  const boundary = `----hjemvej${Date.now()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(session: Session, name: string, data: Buffer, fields: Record<string, string>) {
  const body = multipart({ name, data }, fields);
  return app.inject({
    method: 'POST',
    url: '/api/citizens/import',
    headers: { ...body.headers, cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    payload: body.payload,
  });
}

const count = async (session: Session, q: string) =>
  (await session.request({ method: 'GET', url: `/api/citizens?q=${q}` })).json().total as number;

const CSV = [
  'cpr;fornavn;efternavn;opholdssted;fra_dato;fødselsdato;initialer',
  '0101655011;Anna;Importsen;herberg;01.02.2026;;',
  '3102655013;Bent;Importsen;gadesovende;2026-02-01;;', // line 3: 31 February
  ';Carl;Importsen;familie/venner;2026-02-03;12.05.1990;CI',
  ';Dorte;Importsen;hotel;2026-02-03;;DI', // line 5: no birth date, and hotel without the homelessness answer
].join('\n');

describe('importing a list (issue 3 §7)', () => {
  it('reports each bad row by line and field, with the value as written, and imports nothing from a file with a bad row', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const res = await upload(s, 'liste.csv', Buffer.from(CSV), { mode: 'all', dryRun: 'false' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      rows: 4,
      valid: 2,
      imported: 0,
      problems: [
        { line: 3, field: 'cpr', code: 'cpr_date', value: '3102655013', expected: 'cpr' },
        { line: 5, field: 'birthDate', code: 'required', expected: 'date' },
        {
          line: 5,
          field: 'becauseOfHomelessness',
          code: 'hotel_not_homelessness',
          allowed: ['ja', 'nej'],
        },
      ],
    });
    expect(await count(s, 'importsen')).toBe(0);
  });

  it('imports only the valid rows when asked, with their first whereabouts', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const res = await upload(s, 'liste.csv', Buffer.from(CSV), { mode: 'valid_only', dryRun: 'false' });
    expect(res.json()).toMatchObject({ rows: 4, valid: 2, imported: 2 });
    const list = (await s.request({ method: 'GET', url: '/api/citizens?q=importsen' })).json().items;
    expect(list.map((i: { name: string; situation: string }) => [i.name, i.situation]).sort()).toEqual([
      ['Anna Importsen', 'shelter'],
      ['Carl Importsen', 'family_friends'],
    ]);
  });

  it('checks without importing on a dry run, and refuses CPR numbers twice in the file or already registered', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    await s.request({
      method: 'POST',
      url: '/api/citizens',
      payload: { cpr: '0202655021', familyName: 'Findes' },
    });
    const csv = ['cpr,efternavn', '0202655021,Findes', '0303655031,Dobbelt', '0303655031,Dobbelt'].join('\n');
    const res = await upload(s, 'a.csv', Buffer.from(csv), { mode: 'all', dryRun: 'true' });
    expect(res.json()).toEqual({
      rows: 3,
      valid: 1,
      imported: 0,
      problems: [
        { line: 2, field: 'cpr', code: 'cpr_exists', value: '0202655021' },
        { line: 4, field: 'cpr', code: 'duplicate_cpr', value: '0303655031' },
      ],
    });
  });

  it('reports a person without CPR number already registered as existing on a second import, and registers nobody twice (domain.md rule 6: one person counted once)', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const csv = [
      'cpr;fødselsdato;initialer;fornavn;efternavn;opholdssted;fra_dato',
      '0505655051;;;Åse;Genimport;herberg;01.02.2026',
      ';12.05.1990;GI;Gert;Genimport;gadesovende;01.02.2026',
      ';13.05.1990;HG;;;natvarmestue;01.02.2026',
    ].join('\n');
    const first = await upload(s, 'liste.csv', Buffer.from(csv), { mode: 'all', dryRun: 'false' });
    expect(first.json()).toMatchObject({ rows: 3, valid: 3, imported: 3, problems: [] });
    expect(await count(s, 'genimport')).toBe(2);

    const again = await upload(s, 'liste.csv', Buffer.from(csv), { mode: 'valid_only', dryRun: 'false' });
    expect(again.json()).toEqual({
      rows: 3,
      valid: 0,
      imported: 0,
      problems: [
        { line: 2, field: 'cpr', code: 'cpr_exists', value: '0505655051' },
        { line: 3, field: 'initials', code: 'citizen_exists', value: 'GI' },
        { line: 4, field: 'initials', code: 'citizen_exists', value: 'HG' },
      ],
    });
    expect(await count(s, 'genimport')).toBe(2);
    const byInitials = (await s.request({ method: 'GET', url: '/api/citizens?q=hg' })).json();
    expect(byInitials.total).toBe(1);
  });

  it('finds a person without CPR number by birth date and a name alike when the initials differ', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    await s.request({
      method: 'POST',
      url: '/api/citizens',
      payload: { birthDate: '1971-03-04', initials: 'KL', givenName: 'Karl', familyName: 'Lignesen' },
    });
    const csv = ['fødselsdato;initialer;fornavn;efternavn', '04.03.1971;KAL;Karl;Lignesen'].join('\n');
    const res = await upload(s, 'a.csv', Buffer.from(csv), { mode: 'all', dryRun: 'true' });
    expect(res.json().problems).toEqual([
      { line: 2, field: 'initials', code: 'citizen_exists', value: 'KAL' },
    ]);
  });

  it('refuses the same person without CPR number twice in one file, by birth date and initials or a name alike', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const csv = [
      'fødselsdato;initialer;fornavn;efternavn',
      '01.01.1980;DP;Dorit;Dobbeltperson',
      '1980-01-01;dp;;',
      '01.01.1980;DOP;Dorit;Dobbeltperson',
      '01.01.1980;XY;Xenia;Ypsilon',
    ].join('\n');
    const res = await upload(s, 'a.csv', Buffer.from(csv), { mode: 'valid_only', dryRun: 'false' });
    expect(res.json()).toEqual({
      rows: 4,
      valid: 2,
      imported: 2,
      problems: [
        { line: 3, field: 'initials', code: 'duplicate_person', value: 'dp' },
        { line: 4, field: 'initials', code: 'duplicate_person', value: 'DOP' },
      ],
    });
  });

  it('reports a missing fra_dato also beside a misspelt situation, a date without a situation, and a date after today', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const csv = [
      'cpr;efternavn;opholdssted;fra_dato;løsladelsesdato',
      '0606655061;Mangel;herbreg;;',
      '0707655071;Mangel;;01.02.2026;',
      '0808655081;Mangel;herberg;01.02.2999;',
      '0909655091;Mangel;;;01.05.2026',
    ].join('\n');
    const res = await upload(s, 'a.csv', Buffer.from(csv), { mode: 'all', dryRun: 'true' });
    expect(res.json().problems).toEqual([
      {
        line: 2,
        field: 'situation',
        code: 'invalid_enum',
        value: 'herbreg',
        allowed: expect.arrayContaining(['herberg']),
      },
      { line: 2, field: 'fromDate', code: 'required', expected: 'date' },
      { line: 3, field: 'situation', code: 'required', allowed: expect.arrayContaining(['herberg']) },
      { line: 4, field: 'fromDate', code: 'future_date', value: '01.02.2999' },
      { line: 5, field: 'situation', code: 'required', allowed: expect.arrayContaining(['herberg']) },
    ]);
  });

  it('reads XLSX files the same way', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Liste');
    sheet.addRow(['CPR', 'Fornavn', 'Efternavn', 'Opholdssted', 'Fra_dato']);
    sheet.addRow(['0404655041', 'Eva', 'Excelsen', 'natvarmestue', new Date(Date.UTC(2026, 1, 1))]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(s, 'liste.xlsx', data, { mode: 'all', dryRun: 'false' });
    expect(res.json()).toMatchObject({ rows: 1, valid: 1, imported: 1, problems: [] });
    const item = (await s.request({ method: 'GET', url: '/api/citizens?q=excelsen' })).json().items[0];
    expect(item).toMatchObject({ name: 'Eva Excelsen', situation: 'night_shelter' });
  });

  it('refuses unknown columns, empty files and other file types as a whole', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    expect(
      (await upload(s, 'x.csv', Buffer.from('cpr,skostørrelse\n0101655011,44'), { mode: 'all' })).json()
        .problems,
    ).toEqual([{ line: 1, field: 'skostørrelse', code: 'unknown_column' }]);
    expect(
      (await upload(s, 'x.csv', Buffer.from('cpr,efternavn\n'), { mode: 'all' })).json().problems,
    ).toEqual([{ line: 0, field: 'file', code: 'no_rows' }]);
    expect((await upload(s, 'x.pdf', Buffer.from('%PDF'), { mode: 'all' })).json().problems).toEqual([
      { line: 0, field: 'file', code: 'file_type' },
    ]);
  });

  it('is only for roles with the import permission', async () => {
    const { users } = await tenantWith(app, db, ['leader']);
    const res = await upload(users.leader.session, 'liste.csv', Buffer.from(CSV), { mode: 'all' });
    expect(res.statusCode).toBe(403);
  });
});

describe('rowToInput', () => {
  it('accepts Danish dates, ja/nej answers and Danish situation words', () => {
    const { input, problems } = rowToInput({
      cpr: '0101655011',
      familyName: 'Test',
      situation: 'fængsel',
      fromDate: '01.01.2026',
      releaseDate: '15.03.2026',
      housingSolution: 'nej',
    });
    expect(problems).toEqual([]);
    expect(input?.firstEpisode).toMatchObject({
      situation: 'prison',
      fromDate: '2026-01-01',
      releaseDate: '2026-03-15',
      housingSolution: false,
    });
  });
});
