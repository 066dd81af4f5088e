import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommitteeReport } from '../../shared/insight/committee';
import { migrate } from '../migrate';
import { call } from '../test/factories';
import { tenantWith, testApp } from '../test/helpers';
import { postgresBinDir, startThrowawayCluster, type ThrowawayCluster } from '../test/pg-cluster';
import { PROCESS_TEST_CAP_MS } from '../test/process';
import { assertAppRoleIsBound, type DatabaseHandles, openDatabase, type ReplicaChange } from './database';

// Issue 21 §6: reports read from a streaming replica (DATABASE_REPLICA_URL), everything else from
// the primary, and the reports keep answering from the primary while the replica is down. A primary
// and a standby of its own (pg_basebackup) run on this machine; both log every statement, so the
// test reads in the servers' own logs which of them ran the report's statement.

const bin = postgresBinDir();
let primary: ThrowawayCluster | undefined;
let db: DatabaseHandles | undefined;
let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  await db?.close();
  await primary?.remove();
  app = undefined;
  db = undefined;
  primary = undefined;
}, 120_000); // closing waits for every pooled connection: one kept checked out would hang it

/** Waits until `check` holds, asking again after each short pause (a condition, not a clock). */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** One value of a one-row query on a server of the test's own (not through the app). */
async function askServer<T>(url: string, query: string): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(query);
    return rows[0]?.value as T;
  } finally {
    await client.end();
  }
}

/** Waits until the standby has replayed everything the primary has written so far. */
async function replayed(source: ThrowawayCluster, standby: ThrowawayCluster): Promise<void> {
  const written = await askServer<string>(source.url, 'select pg_current_wal_lsn()::text as value');
  await until(() =>
    askServer<boolean>(standby.url, `select pg_last_wal_replay_lsn() >= '${written}'::pg_lsn as value`),
  );
}

/** The report's own statement, as the servers log it. */
const INTRODUCTION_READ = 'from "committee_introduction"';

describe('a reporting replica (issue 21 §6)', { timeout: PROCESS_TEST_CAP_MS }, () => {
  it.skipIf(!process.env.DATABASE_URL || bin === null)(
    'serves the committee report from the standby, from the primary while the standby is down (told once), and from the standby again when it is back',
    async () => {
      primary = await startThrowawayCluster(bin as string, {
        settings: { wal_level: 'replica', log_statement: 'all' },
      });
      const standby = await primary.startStandby({ log_statement: 'all' });
      expect(await askServer<boolean>(standby.url, 'select pg_is_in_recovery() as value')).toBe(true);
      const changes: ReplicaChange['state'][] = [];
      db = await openDatabase({
        url: primary.url,
        replicaUrl: standby.url,
        poolSize: 4,
        replicaRetryMs: 100,
        onReplicaChange: (change) => changes.push(change.state),
        onIdleError: () => {},
      });
      // Before the migrations no server has the app role: a connection whose role cannot be set
      // serves nothing, goes back to its pool and is set up again when next handed out (closing the
      // pools at the end would wait for ever for one kept checked out).
      await expect(assertAppRoleIsBound(db.app)).rejects.toThrow('role "hjemvej_app" does not exist');
      await migrate(db.owner);
      await assertAppRoleIsBound(db.app);
      // The standby has the role once it has replayed the migrations, not before.
      await replayed(primary, standby);
      await assertAppRoleIsBound(db.reports);
      app = await testApp(db);
      const { users } = await tenantWith(app, db, ['leader']);
      const leader = users.leader.session;
      const period = { from: '2026-01-01', to: '2026-06-30' };
      const reportUrl = `/api/insight/committee-report?from=${period.from}&to=${period.to}`;
      const read = async () => ((await call(leader, 'GET', reportUrl)) as CommitteeReport).introduction.text;
      /** Runs `act` and answers which servers ran the report's statement meanwhile. */
      const servedBy = async <T>(act: () => Promise<T>) => {
        const [p, s] = [primary?.log().length ?? 0, standby.log().length];
        const value = await act();
        return {
          value,
          primary: (primary?.log() ?? '').slice(p).includes(INTRODUCTION_READ),
          standby: standby.log().slice(s).includes(INTRODUCTION_READ),
        };
      };

      // Written through the app on the primary, replayed by the standby, read there.
      await call(
        leader,
        'PUT',
        '/api/insight/committee-report/introduction',
        { ...period, text: 'Fra primæren' },
        204,
      );
      await replayed(primary, standby);
      expect(await servedBy(read)).toEqual({ value: 'Fra primæren', primary: false, standby: true });
      expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({
        status: 'ok',
        replica: 'up',
      });
      // What is not a report reads and writes the primary: the introduction itself.
      const write = await servedBy(() =>
        call(leader, 'PUT', '/api/insight/committee-report/introduction', { ...period, text: 'Rettet' }, 204),
      );
      expect(standby.log()).not.toContain('insert into "committee_introduction"');
      expect(write.standby).toBe(false);
      await replayed(primary, standby);
      expect(changes).toEqual([]);

      // The standby is down: the same report answers from the primary, and the outage is told once,
      // however many reports (and retries of the standby) it lasts.
      await standby.stop();
      expect(await servedBy(read)).toEqual({ value: 'Rettet', primary: true, standby: false });
      for (let i = 0; i < 3; i++) expect(await read()).toBe('Rettet');
      expect(changes).toEqual(['down']);
      expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({
        status: 'ok',
        replica: 'down',
      });

      // Back: after its retry interval a report tries the standby again, and reports read there.
      await standby.start();
      await until(async () => {
        await read();
        return db?.replica?.state === 'up';
      });
      expect(changes).toEqual(['down', 'up']);
      expect(await servedBy(read)).toEqual({ value: 'Rettet', primary: false, standby: true });
    },
  );
});
