import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import type { DatabaseHandles } from './db/database';
import {
  createTestMunicipality,
  createTestUser,
  TEST_PASSWORD,
  testConfig,
  testDatabase,
} from './test/helpers';

let db: DatabaseHandles;

beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('logs', () => {
  it('never contain CPR numbers from query strings, passwords, usernames from bodies, cookies or CSRF tokens', async () => {
    const lines: string[] = [];
    const app = await buildApp({
      config: testConfig({ LOG_LEVEL: 'trace' }),
      db,
      logStream: { write: (line) => lines.push(line) },
    });
    await app.ready();
    const m = await createTestMunicipality(db);
    const user = await createTestUser(db, m.id, 'caseworker');
    const res = await app.inject({
      method: 'POST',
      url: '/api/session/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    // The session's cookie by name (the login also clears the second step's pending-login cookie).
    const session = res.cookies.find((c) => c.name === 'hjemvej_session')?.value ?? '';
    expect(session).not.toBe('');
    const cookie = `hjemvej_session=${session}`;
    const csrf = res.json().csrfToken as string;
    await app.inject({
      method: 'GET',
      url: '/api/tasks?cpr=0101901234&navn=Jens+Hansen',
      headers: { cookie },
    });
    await app.inject({ method: 'GET', url: '/api/nothing?cpr=010190-1234', headers: { cookie } });
    await app.inject({
      method: 'POST',
      url: '/api/session/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    await app.inject({
      method: 'POST',
      url: '/api/session/login',
      payload: { username: 'jens.hansen', password: 'hemmelig-kode' },
    });
    await app.close();

    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(log).toContain('/api/tasks');
    for (const secret of [
      '0101901234',
      '010190-1234',
      'Jens',
      TEST_PASSWORD,
      'hemmelig-kode',
      'jens.hansen',
      user.username,
      csrf,
      session,
    ]) {
      expect(log, secret).not.toContain(secret);
    }
  });
});
