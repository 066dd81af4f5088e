import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandles } from '../../db/database';
import { createDepartment } from '../../test/factories';
import { type Session, tenantWith, testApp, testDatabase } from '../../test/helpers';

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

/** A dry run of a CSV file on one of the four import endpoints. */
async function check(session: Session, url: string, lines: string[]) {
  const boundary = `----hjemvej${Date.now()}`;
  const part = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = `${part('mode', 'all')}${part('dryRun', 'true')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="liste.csv"\r\nContent-Type: text/csv\r\n\r\n${lines.join('\n')}\r\n--${boundary}--\r\n`;
  const res = await session.request({
    method: 'POST',
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
  expect(res.statusCode).toBe(200);
  return res.json().problems as unknown[];
}

// Issue 14 §3: every import's report shows the value found and what the column allows, dates and
// numbers too ("Ugyldig værdi" alone did not say what to write), and a missing date is reported.
describe('the import report says what was found and what is allowed (issue 14 §3)', () => {
  it('names the format of a date, a municipality code and a CPR number in the citizens import, and a missing fra_dato beside a misspelt situation', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const problems = await check(users.caseworker.session, '/api/citizens/import', [
      'cpr;fødselsdato;initialer;efternavn;handlekommune;opholdssted;fra_dato',
      ';31.02.1990;AB;Datosen;;;',
      '0101655011;;;Kodesen;12;;',
      '3102655013;;;Cprsen;;;',
      '0202655021;;;Stedsen;;herbreg;',
    ]);
    expect(problems).toEqual([
      { line: 2, field: 'birthDate', code: 'date', value: '31.02.1990', expected: 'date' },
      { line: 3, field: 'handlekommune', code: 'invalid', value: '12', expected: 'kommunekode' },
      { line: 4, field: 'cpr', code: 'cpr_date', value: '3102655013', expected: 'cpr' },
      {
        line: 5,
        field: 'situation',
        code: 'invalid_enum',
        value: 'herbreg',
        allowed: expect.arrayContaining(['herberg', 'gadesovende']),
      },
      { line: 5, field: 'fromDate', code: 'required', expected: 'date' },
    ]);
  });

  it('names whole numbers and percentages in the department import', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const problems = await check(users.allocation.session, '/api/housing/departments/import', [
      'boligorganisation;afdelingsnummer;afdelingsnavn;familieboliger;fraflytningsprocent',
      'Talbo;1;Nord;1.000;7,5',
      'Talbo;2;Syd;10;',
    ]);
    expect(problems).toEqual([
      { line: 2, field: 'family', code: 'invalid', value: '1.000', expected: 'whole_number' },
      { line: 3, field: 'turnoverPercent', code: 'required', expected: 'percent' },
    ]);
  });

  it('names dates, whole numbers and amounts in the vacancy import, and a missing ledig_fra', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const s = users.allocation.session;
    const number = `M${Date.now() % 100000}`;
    await createDepartment(s, { number });
    const problems = await check(s, '/api/allocation/vacancies/import', [
      'afdeling;adresse;type;værelser;m2;husleje;ledig_fra',
      `${number};Parkvej 1;familiebolig;to;70;5200;`,
      `${number};Parkvej 2;familiebolig;3;70;gratis;01.13.2027`,
    ]);
    expect(problems).toEqual([
      { line: 2, field: 'rooms', code: 'invalid', value: 'to', expected: 'whole_number' },
      { line: 2, field: 'availableOn', code: 'required', expected: 'date' },
      { line: 3, field: 'rent', code: 'invalid', value: 'gratis', expected: 'amount' },
      { line: 3, field: 'availableOn', code: 'date', value: '01.13.2027', expected: 'date' },
    ]);
  });

  it('names dates, amounts and whole numbers in the notice import, and a missing modtaget', async () => {
    const { users } = await tenantWith(app, db, ['prevention']);
    const problems = await check(users.prevention.session, '/api/prevention/notices/import', [
      'kilde;modtaget;navn;adresse;restance;måneder;påkrav',
      'almen;32.01.2026;Anne Dato;Lindevej 1;mange;2;',
      'almen;;Bo Måned;Lindevej 2;1200;to;2026-02-30',
    ]);
    expect(problems).toEqual([
      { line: 2, field: 'receivedOn', code: 'date', value: '32.01.2026', expected: 'date' },
      { line: 2, field: 'arrearsAmount', code: 'invalid', value: 'mange', expected: 'amount' },
      { line: 3, field: 'receivedOn', code: 'required', expected: 'date' },
      { line: 3, field: 'arrearsMonths', code: 'invalid', value: 'to', expected: 'whole_number' },
      { line: 3, field: 'paakravOn', code: 'date', value: '2026-02-30', expected: 'date' },
    ]);
  });
});
