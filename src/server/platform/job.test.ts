import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DatabaseHandles } from '../db/database';
import { testDatabase } from '../test/helpers';
import { intervalJob, runAlone } from './job';

let db: DatabaseHandles;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

/**
 * Another holder of the named run's lock: on PostgreSQL a session of its own (another process's
 * connection, as far as the database can tell), on PGlite — one process — another run of this one.
 */
async function holdLock(name: string): Promise<() => Promise<void>> {
  const url = db.kind === 'postgres' ? inject('pgTestUrl') : '';
  if (!url) {
    const release = await db.tryLock(name);
    if (!release) throw new Error(`${name} is held already`);
    return release;
  }
  const other = new pg.Client({ connectionString: url });
  await other.connect();
  const { rows } = await other.query<{ locked: boolean }>(
    'select pg_try_advisory_lock(hashtextextended($1, 0)) as locked',
    [`hjemvej.run.${name}`],
  );
  if (!rows[0]?.locked) throw new Error(`${name} is held already`);
  return () => other.end();
}

describe('jobs in one process at a time (ADR 0023)', () => {
  it('skips a run quietly while another holder has its lock, and runs it once the lock is free', async () => {
    let runs = 0;
    const run = async () => {
      runs++;
    };
    const release = await holdLock('test.skips');
    expect(await runAlone(db, 'test.skips', run)).toBe(false);
    expect(runs).toBe(0);
    await release();
    expect(await runAlone(db, 'test.skips', run)).toBe(true);
    expect(runs).toBe(1);
  });

  it('lets only one of two runs started together do the work, and frees the lock after a run that failed', async () => {
    let inside = 0;
    let most = 0;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const run = async () => {
      inside++;
      most = Math.max(most, inside);
      await held;
      inside--;
    };
    const first = runAlone(db, 'test.together', run);
    // The second asks while the first holds the lock (the first's run waits on `held`).
    while (inside === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(await runAlone(db, 'test.together', run)).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(most).toBe(1);

    await expect(
      runAlone(db, 'test.together', async () => {
        throw new Error('the run failed');
      }),
    ).rejects.toThrow('the run failed');
    expect(await runAlone(db, 'test.together', async () => {})).toBe(true);
  });

  it("makes an interval job's tick a no-op while another holder has the job's lock", async () => {
    let runs = 0;
    const job = () =>
      intervalJob({
        everyMs: 60_000,
        alone: { name: 'test.interval', db },
        run: async () => {
          runs++;
        },
        onError: (error) => {
          throw error;
        },
      });
    const release = await holdLock('test.interval');
    const skipped = job();
    skipped.start();
    await skipped.stop();
    expect(runs).toBe(0);
    await release();
    const ran = job();
    ran.start();
    await ran.stop();
    expect(runs).toBe(1);
  });
});
