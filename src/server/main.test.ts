import { afterEach, describe, expect, it } from 'vitest';
import { ROLES } from '../shared/permissions';
import { openDatabase } from './db/database';
import {
  exitOf,
  killChildren,
  PROCESS_TEST_CAP_MS,
  runServerScript,
  spawnServerScript,
  tempDataDir,
  waitForOutput,
} from './test/process';

afterEach(killChildren);

// The server builds, migrates and seeds before it answers, slowly on a busy machine: each step
// waits on the process's own signal (its exit, its "Stop med Ctrl+C" line), with only a cap
// against a hang.
describe('starting and stopping the server', { timeout: PROCESS_TEST_CAP_MS }, () => {
  it('prints one clear line and exits 1 on a bad setting', async () => {
    const res = await runServerScript('main.ts', [], { PORT: 'abc', DATA_DIR: tempDataDir() });
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe(
      'Invalid configuration: PORT must be a whole number from 1 to 65535 (got "abc")',
    );
  });

  it.skipIf(Boolean(process.env.DATABASE_URL))(
    'seeds the demo municipality on PGlite, serves, and closes the data directory cleanly on Ctrl-C',
    async () => {
      const dataDir = tempDataDir();
      const port = String(20000 + Math.floor(Math.random() * 20000));
      const child = spawnServerScript('main.ts', [], { DATA_DIR: dataDir, PORT: port, LOG_LEVEL: 'warn' });
      const stdout = await waitForOutput(child, 'Stop med Ctrl+C');
      expect(stdout).toContain(`Hjemvej kører på http://localhost:${port}`);
      expect(stdout).toContain('demo.admin');
      expect(stdout).toContain('demo.auditor');
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok', replica: 'none' });

      const exitCode = exitOf(child);
      child.kill('SIGINT');
      expect(await exitCode).toBe(0);

      const db = await openDatabase({ dataDir: `${dataDir}/pglite` });
      const users = await db.owner.selectFrom('app_user').select('username').execute();
      await db.close();
      // One demo user per role, who can log in with the printed password, and the support team's
      // colleagues (issue 15), who cannot.
      const names = users.map((u) => u.username);
      for (const role of ROLES) expect(names).toContain(`demo.${role}`);
      expect(names.filter((name) => !name.startsWith('demo.'))).toEqual([]);
    },
  );
});
