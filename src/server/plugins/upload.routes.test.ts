import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandles } from '../db/database';
import { tenantWith } from '../test/factories';
import { testApp, testDatabase } from '../test/helpers';

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

describe('a multipart body the parser cannot read (issue 20 §9, found by the fuzzer)', () => {
  it('is answered 400 naming the file, not a server error: no boundary, or a part broken off', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const noBoundary = await users.allocation.session.request({
      method: 'POST',
      url: '/api/allocation/vacancies/import',
      headers: { 'content-type': 'multipart/form-data' },
      payload: 'sEAe !"&x\'$32Gh"Y4k]&6w]}(0Xf1',
    });
    const brokenPart = await users.allocation.session.request({
      method: 'POST',
      url: '/api/allocation/vacancies/import',
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
      payload: '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nadresse;',
    });
    for (const res of [noBoundary, brokenPart]) {
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'V_VALIDATION', fields: [{ path: 'file', code: 'invalid' }] });
    }
  });
});
