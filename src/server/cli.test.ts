import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { cliDatabase } from './test/cli-database';
import { PROCESS_TEST_CAP_MS } from './test/process';

/** The CLI runs against its own database: a temp PGlite directory, or a fresh PostgreSQL database. */
const { cli, withDb } = cliDatabase('hjemvej_cli');

// Each test starts several processes, each of which opens and migrates a database: on a busy
// machine that takes minutes, not seconds. Each step waits on the process's exit, with only a cap
// against a hang.
describe('the hjemvej CLI', { timeout: PROCESS_TEST_CAP_MS }, () => {
  it('sets up a municipality and its first administrator, then verifies the audit chain', async () => {
    const m = await cli(
      'municipality:create',
      '--code',
      '101',
      '--name',
      'København',
      '--authority',
      'Københavns Kommune, SUF',
    );
    expect(m.stderr).toBe('');
    expect(m.code).toBe(0);
    expect(m.stdout).toContain('Kommune oprettet: 101 København');

    const u = await cli(
      'user:create',
      '--municipality',
      '101',
      '--username',
      'kbh.admin',
      '--name',
      'Karen Admin',
      '--role',
      'admin',
    );
    expect(u.code).toBe(0);
    expect(u.stdout).toMatch(/Midlertidig adgangskode: \S{12,}/);

    const r = await cli('user:set-role', '--username', 'kbh.admin', '--role', 'auditor');
    expect(r.stdout).toContain('kbh.admin: rolle auditor, aktiv');

    const v = await cli('audit:verify');
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/Kommune 101: OK, 3 rækker, hoved [0-9a-f]{64}/);
  });

  it('exits with code 2 and names the row when the audit log was tampered with', async () => {
    await withDb(async (db) => {
      await db.owner.transaction().execute(async (trx) => {
        await sql`alter table audit_event disable trigger audit_event_append_only`.execute(trx);
        await sql`update audit_event set action = 'user.nothing' where seq = 2`.execute(trx);
        await sql`alter table audit_event enable trigger audit_event_append_only`.execute(trx);
      });
    });
    const v = await cli('audit:verify');
    expect(v.code).toBe(2);
    expect(v.stdout).toContain('Kommune 101: BRUDT ved række 2 (hash_mismatch) efter 1 gyldige rækker');
  });

  it('explains a missing option and an unknown role in Danish and exits 1', async () => {
    const missing = await cli('municipality:create', '--code', '102');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('Mangler --name');
    const role = await cli('user:set-role', '--username', 'kbh.admin', '--role', 'king');
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('Ukendt rolle "king"');
  });
});
