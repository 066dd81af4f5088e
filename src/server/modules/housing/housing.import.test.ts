import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandles } from '../../db/database';
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

function upload(s: Session, name: string, text: string, fields: Record<string, string>) {
  const boundary = `----hjemvej${Date.now()}`;
  const parts = [
    ...Object.entries(fields).map(
      ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    ),
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`,
  ];
  return app.inject({
    method: 'POST',
    url: '/api/housing/departments/import',
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: s.cookie,
      'x-csrf-token': s.csrfToken,
    },
    payload: Buffer.from(parts.join('')),
  });
}

const CSV = [
  'boligorganisation;afdelingsnummer;afdelingsnavn;adresse;familieboliger;ungdomsboliger;ældreboliger;skæve_boliger;fraflytningsprocent',
  'Importbo;1;Nord;Nordvej 1;300;0;20;0;7,5',
  'Importbo;2;Syd;;250;40;0;0;-1',
  'Andet Boligselskab;7;Øst;;120;0;0;0;9',
].join('\n');

describe('importing departments (issue 4 §8)', () => {
  it('names the line and field of a bad row and imports nothing from that file', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const s = users.allocation.session;
    const res = await upload(s, 'afdelinger.csv', CSV, { mode: 'all', dryRun: 'false' });
    expect(res.json()).toEqual({
      rows: 3,
      valid: 2,
      imported: 0,
      problems: [{ line: 3, field: 'turnoverPercent', code: 'too_small', value: '-1', expected: 'percent' }],
    });
    expect((await s.request({ method: 'GET', url: '/api/housing/departments' })).json().items).toEqual([]);
  });

  it('imports the valid rows when asked, creating unknown organisations, and refuses a number twice', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const s = users.allocation.session;
    const res = await upload(s, 'afdelinger.csv', CSV, { mode: 'valid_only', dryRun: 'false' });
    expect(res.json()).toMatchObject({ rows: 3, valid: 2, imported: 2 });
    const departments = (await s.request({ method: 'GET', url: '/api/housing/departments' })).json().items;
    expect(
      departments.map((d: { organisationName: string; number: string; turnoverPercent: number }) => [
        d.organisationName,
        d.number,
        d.turnoverPercent,
      ]),
    ).toEqual([
      ['Andet Boligselskab', '7', 9],
      ['Importbo', '1', 7.5],
    ]);
    const again = await upload(s, 'afdelinger.csv', CSV, { mode: 'all', dryRun: 'true' });
    expect(again.json().problems).toContainEqual({
      line: 2,
      field: 'number',
      code: 'number_taken',
      value: '1',
    });
  });
});
