import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import type { Role } from '../../shared/permissions';
import { buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import { type DatabaseHandles, openDatabase, withTenant } from '../db/database';
import { AppError } from '../errors';
import { migrate } from '../migrate';
import {
  base32Decode,
  createMunicipality,
  createUser,
  hotp,
  type MunicipalityRow,
  seedSecondFactor,
  TOTP_STEP_SECONDS,
  timeStep,
} from '../modules/access';
import { TEST_SESSION_SECRET, TEST_TOTP_SECRET } from './demo-password';

/** The password every test user gets. */
export const TEST_PASSWORD = 'correct-horse-battery';

/**
 * A migrated database: this run's PostgreSQL database, or a fresh in-memory PGlite started from the
 * run's migrated snapshot (global-setup.ts). `migrate` then finds nothing to do, or applies what
 * the snapshot lacks.
 */
export async function testDatabase({
  poolSize = 4,
  demo = false,
}: {
  poolSize?: number;
  /** On PGlite: start from the dump with the demo seeded (`seededDemo`). */
  demo?: boolean;
} = {}): Promise<DatabaseHandles> {
  const url = inject('pgTestUrl');
  const snapshot = demo ? inject('pgliteDemoSnapshot') : inject('pgliteSnapshot');
  const db = url
    ? await openDatabase({ url, poolSize })
    : await openDatabase({
        dataDir: 'memory://',
        loadDataDir: snapshot ? new Blob([readFileSync(snapshot)]) : undefined,
      });
  await migrate(db.owner);
  return db;
}

/** Test configuration: generous login rate, fixed secret, no demo seed. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: TEST_SESSION_SECRET,
    LOGIN_RATE_PER_MINUTE: '10000',
    DEMO_SEED: 'false',
    DATA_DIR: 'data/test',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
}

export async function testApp(
  db: DatabaseHandles,
  overrides: Record<string, string> = {},
): Promise<FastifyInstance> {
  const app = await buildApp({ config: testConfig(overrides), db, logger: false });
  await app.ready();
  return app;
}

const unique = () => randomBytes(5).toString('hex');

/** A new municipality with a free three-digit code (retries on a taken code). */
export async function createTestMunicipality(
  db: DatabaseHandles,
  name = 'Testkommune',
): Promise<MunicipalityRow> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = String(100 + Math.floor(Math.random() * 900));
    try {
      return await createMunicipality(db.owner, {
        code,
        name: `${name} ${unique()}`,
        authority: `${name}, Socialforvaltningen`,
      });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'MUNICIPALITY_CODE_TAKEN')) throw error;
    }
  }
  throw new Error('No free municipality code');
}

/** The roles a new municipality requires a second factor of (migration 0040's default). */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['admin', 'auditor'];

/**
 * A user of the given role with TEST_PASSWORD and a unique username. A user of a role that must
 * use a second factor is enrolled with TEST_TOTP_SECRET (`login` answers the second step), unless
 * `secondFactor: false`.
 */
export async function createTestUser(
  db: DatabaseHandles,
  municipalityId: string,
  role: Role,
  { secondFactor = SECOND_FACTOR_ROLES.includes(role) }: { secondFactor?: boolean } = {},
) {
  return withTenant(db.owner, municipalityId, async (trx) => {
    const user = await createUser(trx, null, municipalityId, {
      username: `t.${role.replace('_', '-')}.${unique()}`,
      displayName: `Test ${role}`,
      role,
      password: TEST_PASSWORD,
    });
    if (secondFactor)
      await seedSecondFactor(trx, TEST_SESSION_SECRET, { id: user.id, municipalityId }, TEST_TOTP_SECRET);
    return user;
  });
}

/** The TOTP secret of each user `login` enrolled on the way (the others have TEST_TOTP_SECRET). */
const totpSecrets = new Map<string, string>();
/** The last time step `login` used per user: the server never accepts a step twice (RFC 6238 §5.2). */
const usedSteps = new Map<string, number>();

/**
 * A TOTP code for the user that the server has not yet seen: of the current step or the next
 * (the server accepts one step either side), else — a third login within one step — of the next
 * step once it has begun.
 */
export async function nextTotpCode(username: string, secret = totpSecrets.get(username) ?? TEST_TOTP_SECRET) {
  const now = timeStep(Date.now());
  const step = Math.max(now, (usedSteps.get(username) ?? Number.NEGATIVE_INFINITY) + 1);
  const wait = (step - 1) * TOTP_STEP_SECONDS * 1000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 50));
  usedSteps.set(username, step);
  return hotp(base32Decode(secret), step);
}

/**
 * Answers the login's second step as its user would: with a TOTP code, or — a role that must use
 * a second factor, not yet enrolled — by enrolling with the secret the server shows.
 */
async function secondStep(app: FastifyInstance, username: string, first: LightMyRequestResponse) {
  const pending = first.cookies.find((c) => c.name === 'hjemvej_login_pending');
  if (!pending) throw new Error('no pending-login cookie');
  const headers = { cookie: `hjemvej_login_pending=${pending.value}` };
  const step = (first.json() as { secondStep: 'totp' | 'enrol' }).secondStep;
  if (step === 'totp')
    return app.inject({
      method: 'POST',
      url: '/api/session/second-factor',
      headers,
      payload: { code: await nextTotpCode(username) },
    });
  const start = await app.inject({ method: 'POST', url: '/api/session/enrolment', headers });
  if (start.statusCode !== 200) throw new Error(`enrolment failed: ${start.statusCode} ${start.body}`);
  const { secret } = start.json() as { secret: string };
  totpSecrets.set(username, secret);
  usedSteps.delete(username);
  return app.inject({
    method: 'POST',
    url: '/api/session/enrolment/confirm',
    headers,
    payload: { code: await nextTotpCode(username, secret) },
  });
}

/** A logged-in client: injects with the session cookie and CSRF token. */
export interface Session {
  cookie: string;
  csrfToken: string;
  request(options: {
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    url: string;
    payload?: unknown;
    headers?: Record<string, string>;
  }): Promise<LightMyRequestResponse>;
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  let res = await app.inject({
    method: 'POST',
    url: '/api/session/login',
    payload: { username, password },
  });
  if (res.statusCode === 202) res = await secondStep(app, username, res);
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'hjemvej_session');
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  const cookieHeader = `hjemvej_session=${cookie.value}`;
  return {
    cookie: cookieHeader,
    csrfToken,
    request: ({ method, url, payload, headers }) =>
      app.inject({
        method,
        url,
        headers: {
          ...headers,
          cookie: cookieHeader,
          ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
        },
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      }),
  };
}

/** A municipality with one logged-in user per requested role. */
export async function tenantWith<R extends Role>(
  app: FastifyInstance,
  db: DatabaseHandles,
  roles: readonly R[],
) {
  const municipality = await createTestMunicipality(db);
  const users = {} as Record<R, { id: string; username: string; session: Session }>;
  for (const role of roles) {
    const user = await createTestUser(db, municipality.id, role);
    users[role] = { id: user.id, username: user.username, session: await login(app, user.username) };
  }
  return { municipality, users };
}
