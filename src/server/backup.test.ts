import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { cliDatabase } from './test/cli-database';
import { PROCESS_TEST_CAP_MS, tempDataDir } from './test/process';

/** Backup and restore run against their own database: a temp PGlite directory, or a fresh PostgreSQL database. */
const { env, cli, withDb } = cliDatabase('hjemvej_backup');
const backups = tempDataDir();

const codes = () =>
  withDb(async (db) =>
    (await db.owner.selectFrom('municipality').select('code').orderBy('code').execute()).map((r) => r.code),
  );

describe('backup and restore (issue 20 §7)', { timeout: PROCESS_TEST_CAP_MS }, () => {
  it('round-trips a populated database: what came after the backup is gone and the audit chain verifies', async () => {
    expect(
      (await cli('municipality:create', '--code', '461', '--name', 'Odense', '--authority', 'Odense Kommune'))
        .code,
    ).toBe(0);
    const user = await cli(
      'user:create',
      '--municipality',
      '461',
      '--username',
      'ode.admin',
      '--name',
      'Ole Admin',
      '--role',
      'admin',
      '--password',
      'blå-cykel-ved-havnen',
    );
    expect(user.code).toBe(0);
    const file = path.join(backups, 'hjemvej.backup');
    const backup = await cli('backup', '--file', file);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(1000);

    expect(
      (await cli('municipality:create', '--code', '751', '--name', 'Aarhus', '--authority', 'Aarhus Kommune'))
        .code,
    ).toBe(0);
    expect(await codes()).toEqual(['461', '751']);

    // A restore replaces everything: without --yes it only says so.
    const unconfirmed = await cli('restore', '--file', file);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('--yes');
    expect(await codes()).toEqual(['461', '751']);

    const restore = await cli('restore', '--file', file, '--yes');
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('Revisionsloggens hash-kæde er intakt i alle kommuner.');
    expect(await codes()).toEqual(['461']);
    const users = await withDb((db) =>
      db.owner.selectFrom('app_user').select('username').where('username', '=', 'ode.admin').execute(),
    );
    expect(users).toHaveLength(1);
    if (!env().DATABASE_URL) {
      // The embedded data directory that was replaced is kept beside the new one.
      const kept = restore.stdout.match(/gemt i (\S+)/)?.[1];
      expect(kept && existsSync(kept)).toBe(true);
    }
  });

  it('says when a restored backup’s audit chain is broken, with exit code 2', async () => {
    await withDb(async (db) => {
      await db.owner.transaction().execute(async (trx) => {
        await sql`alter table audit_event disable trigger audit_event_append_only`.execute(trx);
        await sql`update audit_event set action = 'user.nothing' where seq = 1`.execute(trx);
        await sql`alter table audit_event enable trigger audit_event_append_only`.execute(trx);
      });
    });
    const file = path.join(backups, 'tampered.backup');
    expect((await cli('backup', '--file', file)).code).toBe(0);
    const restore = await cli('restore', '--file', file, '--yes');
    expect(restore.code).toBe(2);
    expect(restore.stderr).toContain('Revisionsloggen er BRUDT i kommune(rne) 461');
  });

  it('refuses a file that is not there, naming it', async () => {
    const restore = await cli('restore', '--file', path.join(backups, 'findes-ikke.backup'), '--yes');
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('findes-ikke.backup');
  });
});
