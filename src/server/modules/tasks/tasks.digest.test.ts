import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/dates';
import { moduleContext } from '../../app';
import { type Config, ConfigError, loadConfig } from '../../config';
import type { DatabaseHandles } from '../../db/database';
import { call, createApplication, createCitizen, fakeCpr, tenantWith } from '../../test/factories';
import { createTestUser, login, type Session, testApp, testConfig, testDatabase } from '../../test/helpers';
import { composeDigest, runDigest } from './tasks.digest';

/** A message the test's SMTP server accepted: its envelope recipients and the raw message. */
interface Received {
  to: string[];
  raw: string;
}

const PUBLIC_URL = 'https://hjemvej.test.invalid';
const unique = () => randomBytes(4).toString('hex');
const address = (who: string) => `${who}.${unique()}@test.invalid`;

/** The readable text of a raw message (headers and a quoted-printable or 8-bit body, soft breaks joined). */
const readable = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replaceAll('=', ''), 'hex').toString('utf8'));

let db: DatabaseHandles;
let app: FastifyInstance;
let smtp: SMTPServer;
let config: Config;
const received: Received[] = [];

const to = (email: string) => received.filter((m) => m.to.includes(email));

beforeAll(async () => {
  // A real SMTP server on a free port: no TLS, no login, and it refuses any address with "refuse".
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(rcpt, _session, callback) {
      if (rcpt.address.includes('refuse')) callback(new Error('550 mailbox unavailable'));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  const smtpEnv = {
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    SMTP_FROM: 'Hjemvej <hjemvej@test.invalid>',
    PUBLIC_URL,
  };
  config = testConfig(smtpEnv);
  db = await testDatabase();
  app = await testApp(db, smtpEnv);
});

afterAll(async () => {
  await app?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(resolve) : resolve()));
  await db?.close();
});

/** The day's digest over every municipality, with the providers of "Mine opgaver". */
const digest = (date = today(), overrides: Partial<Config> = {}, municipalityId?: string) =>
  runDigest(db, {
    config: { ...config, ...overrides },
    providers: moduleContext(config).taskProviders,
    date,
    ...(municipalityId ? { municipalityId } : {}),
  });

const optIn = (session: Session, email: string) =>
  call(session, 'PUT', '/api/tasks/digest', { enabled: true, email });

/** A citizen with a name, CPR number and address that no digest may show, and an application to assess. */
async function applicationToAssess(caseworker: Session) {
  const citizen = {
    cpr: fakeCpr(),
    givenName: `Vibeke${unique()}`,
    familyName: 'Postkassesen',
    address: `Digevej ${unique()}, 2630 Taastrup`,
  };
  const { id } = await createCitizen(caseworker, citizen);
  await createApplication(caseworker, { citizenId: id });
  return citizen;
}

describe('the daily task digest by e-mail (issue 14 §2)', () => {
  it('sends one message per user with new tasks and none to a user without, nor to one who has not opted in', async () => {
    const { municipality, users } = await tenantWith(app, db, [
      'caseworker',
      'allocation',
      'auditor',
    ] as const);
    // A second allocation officer, with the same tasks, who has not opted in.
    const colleague = await createTestUser(db, municipality.id, 'allocation');
    const officer = address('officer');
    const auditor = address('auditor');
    await optIn(users.allocation.session, officer);
    await optIn(users.auditor.session, auditor);
    await applicationToAssess(users.caseworker.session);
    await applicationToAssess(users.caseworker.session);
    const colleagueTasks = await call(await login(app, colleague.username), 'GET', '/api/tasks');
    expect(colleagueTasks.items).toHaveLength(2);
    const before = received.length;

    const run = await digest(today(), {}, municipality.id);

    // The two who opted in had their digest; one message went, to the officer alone.
    expect(run).toEqual({ users: 2, messages: 1, tasks: 2, failed: 0 });
    expect(received.slice(before)).toHaveLength(1);
    expect(to(officer)).toHaveLength(1);
    expect(to(officer)[0]?.to).toEqual([officer]);
    expect(to(auditor)).toHaveLength(0); // opted in, but nothing waits for an auditor
    const text = readable(to(officer)[0]?.raw ?? '');
    expect(text).toContain('Subject: Hjemvej: 2 nye opgaver');
    expect(text).toContain('- Indstillinger, der skal vurderes: 2');
    expect(text).toContain('I alt venter 2 opgaver på dig.');
    expect(text).toContain(`"Mine opgaver": ${PUBLIC_URL}/`);
  });

  it('holds only counts and a link: no name, CPR number or address of a citizen', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'allocation'] as const);
    const officer = address('officer');
    await optIn(users.allocation.session, officer);
    const citizen = await applicationToAssess(users.caseworker.session);
    const tasks = await call(users.allocation.session, 'GET', '/api/tasks');
    // The task in the app names the citizen; the e-mail must not.
    expect(JSON.stringify(tasks)).toContain(citizen.givenName);

    await digest();

    const [message] = to(officer);
    const text = readable(message?.raw ?? '');
    expect(text).toContain('1 ny opgave');
    for (const personal of [
      citizen.givenName,
      citizen.familyName,
      citizen.cpr,
      citizen.cpr.slice(0, 6),
      citizen.address,
      citizen.address.split(',')[0] ?? '',
    ])
      expect(text).not.toContain(personal);
    // The only link is "Mine opgaver": no task's own address (with its ids) is given away.
    expect(text.match(/https?:\/\/\S+/g)).toEqual([`${PUBLIC_URL}/`]);
  });

  it('sends no second message for the same tasks the next day, and only the new ones after that', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'allocation'] as const);
    const officer = address('officer');
    await optIn(users.allocation.session, officer);
    await applicationToAssess(users.caseworker.session);
    await applicationToAssess(users.caseworker.session);
    const day = today();

    await digest(day);
    expect(to(officer)).toHaveLength(1);

    // The same day again (another process, a restart): the day is taken.
    await digest(day);
    // The next day, the same two tasks still wait: they are not new.
    await digest(addDays(day, 1));
    expect(to(officer)).toHaveLength(1);

    await applicationToAssess(users.caseworker.session);
    await digest(addDays(day, 2));
    expect(to(officer)).toHaveLength(2);
    const text = readable(to(officer)[1]?.raw ?? '');
    expect(text).toContain('Subject: Hjemvej: 1 ny opgave');
    expect(text).toContain('- Indstillinger, der skal vurderes: 1');
    expect(text).toContain('I alt venter 3 opgaver på dig.');
  });

  it('sends nothing to a user who has turned the digest off', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'allocation'] as const);
    const officer = address('officer');
    await optIn(users.allocation.session, officer);
    await call(users.allocation.session, 'PUT', '/api/tasks/digest', { enabled: false, email: officer });
    await applicationToAssess(users.caseworker.session);

    await digest();

    expect(to(officer)).toHaveLength(0);
  });

  it('keeps the tasks new when the message cannot be sent, so the next run the same day sends them', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'allocation'] as const);
    const refused = address('refuse');
    await optIn(users.allocation.session, refused);
    await applicationToAssess(users.caseworker.session);

    const first = await digest();
    expect(first.failed).toBeGreaterThanOrEqual(1);
    expect(to(refused)).toHaveLength(0);

    const fixed = address('officer');
    await optIn(users.allocation.session, fixed);
    await digest();
    expect(to(fixed)).toHaveLength(1);
    expect(readable(to(fixed)[0]?.raw ?? '')).toContain('- Indstillinger, der skal vurderes: 1');
  });

  it('is off while SMTP_URL is unset', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'allocation'] as const);
    const officer = address('officer');
    await optIn(users.allocation.session, officer);
    await applicationToAssess(users.caseworker.session);

    const run = await digest(today(), { SMTP_URL: undefined });

    expect(run).toEqual({ users: 0, messages: 0, tasks: 0, failed: 0 });
    expect(to(officer)).toHaveLength(0);
  });

  it('counts kinds it has no heading for as "Andre opgaver", after the known ones', () => {
    const message = composeDigest(
      [{ kind: 'something_new' }, { kind: 'lease_missing' }, { kind: 'lease_missing' }],
      5,
      `${PUBLIC_URL}/`,
    );
    expect(message.subject).toBe('Hjemvej: 3 nye opgaver');
    expect(message.text).toContain(
      '- Lejekontrakter, der skal registreres: 2\n- Andre opgaver: 1\n\nI alt venter 5 opgaver på dig.',
    );
    expect(message.text).toContain(`"Mine opgaver": ${PUBLIC_URL}/\n`);
  });
});

describe('the digest settings route: each user their own opt-in', () => {
  it('shows and changes only the logged-in user’s own setting', async () => {
    const { users } = await tenantWith(app, db, ['allocation', 'caseworker'] as const);
    const own = address('own');
    expect(await call(users.allocation.session, 'GET', '/api/tasks/digest')).toEqual({
      available: true,
      enabled: false,
      email: null,
    });

    expect(await optIn(users.allocation.session, own)).toEqual({
      available: true,
      enabled: true,
      email: own,
    });

    // A colleague sees their own (empty) setting, and saving theirs leaves the first user's alone.
    expect(await call(users.caseworker.session, 'GET', '/api/tasks/digest')).toMatchObject({
      enabled: false,
      email: null,
    });
    await call(users.caseworker.session, 'PUT', '/api/tasks/digest', { enabled: false, email: '' });
    expect(await call(users.allocation.session, 'GET', '/api/tasks/digest')).toMatchObject({
      enabled: true,
      email: own,
    });
    // No user can be named: the body takes no user id.
    const res = await users.caseworker.session.request({
      method: 'PUT',
      url: '/api/tasks/digest',
      payload: { enabled: false, email: '', userId: users.allocation.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'userId', code: 'unknown' }]);
    // Nor through another municipality: its users see nothing of this one.
    const other = await tenantWith(app, db, ['allocation'] as const);
    expect(await call(other.users.allocation.session, 'GET', '/api/tasks/digest')).toMatchObject({
      enabled: false,
      email: null,
    });
  });

  it('turning off without an address removes the address', async () => {
    const { users } = await tenantWith(app, db, ['allocation'] as const);
    await optIn(users.allocation.session, address('gone'));
    expect(
      await call(users.allocation.session, 'PUT', '/api/tasks/digest', { enabled: false, email: '' }),
    ).toEqual({ available: true, enabled: false, email: null });
  });

  it.each([
    [{ enabled: true, email: '' }, 'email'],
    [{ enabled: true, email: 'not an address' }, 'email'],
  ])('refuses %o, naming the field', async (body, field) => {
    const { users } = await tenantWith(app, db, ['allocation'] as const);
    const res = await users.allocation.session.request({
      method: 'PUT',
      url: '/api/tasks/digest',
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'V_VALIDATION', fields: [{ path: field }] });
  });

  it('records the change in the audit log without the address', async () => {
    const { municipality, users } = await tenantWith(app, db, ['allocation'] as const);
    const own = address('audited');
    await optIn(users.allocation.session, own);
    const rows = await db.owner
      .selectFrom('audit_event')
      .select(['action', 'entity_id', 'details'])
      .where('municipality_id', '=', municipality.id)
      .where('action', '=', 'tasks.digest_settings')
      .execute();
    expect(rows).toEqual([
      { action: 'tasks.digest_settings', entity_id: users.allocation.id, details: { enabled: true } },
    ]);
    expect(JSON.stringify(rows)).not.toContain(own);
  });

  it('says the digest is not available on a server without SMTP', async () => {
    const plain = await testApp(db);
    try {
      const { users } = await tenantWith(plain, db, ['allocation'] as const);
      expect(await call(users.allocation.session, 'GET', '/api/tasks/digest')).toMatchObject({
        available: false,
      });
    } finally {
      await plain.close();
    }
  });

  it('lets an administrator send the municipality’s digest now, and nobody else', async () => {
    const { users } = await tenantWith(app, db, ['admin', 'caseworker', 'allocation'] as const);
    const officer = address('officer');
    await optIn(users.allocation.session, officer);
    await applicationToAssess(users.caseworker.session);

    await call(users.caseworker.session, 'POST', '/api/tasks/digest/run', undefined, 403);
    expect(await call(users.admin.session, 'POST', '/api/tasks/digest/run')).toEqual({
      users: 1,
      messages: 1,
      tasks: 1,
      failed: 0,
    });
    expect(to(officer)).toHaveLength(1);
  });
});

describe('the digest configuration', () => {
  const base = { SESSION_SECRET: 'x'.repeat(32), DATA_DIR: 'data/test' };

  it('is off by default', () => {
    expect(loadConfig(base).SMTP_URL).toBeUndefined();
    expect(loadConfig(base).DIGEST_HOUR).toBe(7);
  });

  it.each([
    [
      { SMTP_URL: 'smtp://mail.test.invalid' },
      'Invalid configuration: SMTP_FROM is required when SMTP_URL is set',
    ],
    [
      { SMTP_URL: 'smtp://mail.test.invalid', SMTP_FROM: 'hjemvej@test.invalid' },
      'Invalid configuration: PUBLIC_URL is required when SMTP_URL is set',
    ],
    [
      { SMTP_URL: 'mail.test.invalid' },
      'Invalid configuration: SMTP_URL must start with smtp:// or smtps:// and name a host (got "…")',
    ],
    [{ DIGEST_HOUR: '24' }, 'Invalid configuration: DIGEST_HOUR must be at most 23 (got "24")'],
  ])('rejects %o with one clear line', (env, line) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(new ConfigError(line));
  });
});
