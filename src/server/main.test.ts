import { describe, expect, it } from 'vitest';
import { openDatabase } from './db/database';
import { runServerScript, spawnServerScript, tempDataDir } from './test/process';

// The server process builds, migrates and seeds before it answers: slow on a busy machine.
describe('starting and stopping the server', { timeout: 180_000 }, () => {
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
      let stdout = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start: ${stdout}`)), 40_000);
        child.stdout?.on('data', (d) => {
          stdout += d;
          if (stdout.includes('Stop med Ctrl+C')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('exit', () => reject(new Error(`exited early: ${stdout}`)));
      });
      expect(stdout).toContain(`Hjemvej kører på http://localhost:${port}`);
      expect(stdout).toContain('demo.admin');
      expect(stdout).toContain('demo.auditor');
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok' });

      const exitCode = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      expect(await exitCode).toBe(0);

      const db = await openDatabase({ dataDir: `${dataDir}/pglite` });
      const users = await db.owner.selectFrom('app_user').select('username').execute();
      await db.close();
      expect(users).toHaveLength(10);
    },
    // Migrating and seeding a fresh PGlite directory takes a while on a busy machine.
    90_000,
  );
});
