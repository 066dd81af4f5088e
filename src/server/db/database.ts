import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type PostgresDialectConfig,
  PostgresDriver,
  type RawBuilder,
  sql,
  type Transaction,
  type TransactionSettings,
} from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import pg from 'pg';
import { type Cell, copyRows, copyStatement, identifier, parseCopyStatement } from './copy';
import { PGliteDialect, PGliteSession } from './pglite-dialect';
import { type ReplicaChange, ReplicaRouter, type ReplicaState, ReportingDialect } from './replica';
import type { Database } from './schema';

/** The extensions the migrations create, for every embedded database (trigram search, migration 0045's index). */
export const PGLITE_EXTENSIONS = { pg_trgm, btree_gin };

export type { ReplicaChange, ReplicaState } from './replica';
export { isDatabaseUnavailable } from './unavailable';

/** The role the application runs as; row-level security binds it. */
export const APP_ROLE = 'hjemvej_app';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything a repository can run a query on: the database or an open transaction. */
export type Executor = Db | Tx;

/**
 * Whether a statement failed on a unique index (SQLSTATE 23505), the same on PGlite and PostgreSQL:
 * where two requests race for one value, the index decides and the loser gets the module's
 * "taken" or conflict error instead of a server error.
 */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown })?.code === '23505';

/** The handles of one database: the bound application role, its reporting reads, and the owner. */
export interface DatabaseHandles {
  kind: 'pglite' | 'postgres';
  /** Runs as hjemvej_app: every tenant table is filtered by row-level security. */
  app: Db;
  /**
   * Runs as hjemvej_app like `app`, for the reports that opt in (`withReportingTenant`): on the
   * streaming replica of DATABASE_REPLICA_URL while it answers, else on the primary. Without a
   * replica it is `app` itself (ADR 0024).
   */
  reports: Db;
  /** The reporting replica's state, when one is configured. */
  replica?: { readonly state: ReplicaState; failedOnReplica(error: unknown): boolean };
  /** Runs as the owner: migrations, the CLI, the demo seed and the cross-tenant audit check. */
  owner: Db;
  close(): Promise<void>;
  /**
   * Takes the named lock for one run, if no one holds it: answers its release, or null when it is
   * held (by another process on PostgreSQL, by another run of this process on PGlite). On
   * PostgreSQL a session advisory lock on a connection of its own (ADR 0023), so that whatever the
   * run does on the pools, only one process runs it at a time.
   */
  tryLock(name: string): Promise<(() => Promise<void>) | null>;
  /** PGlite only: the whole database as a dump that `loadDataDir` starts another from (tests). */
  dumpDataDir?: (compression?: 'none' | 'gzip') => Promise<Blob>;
  /**
   * PostgreSQL only: listens for `NOTIFY` on `channel` on a connection of its own, which is opened
   * again (after 1 s, then up to 30 s apart) whenever PostgreSQL closes it. `onListening` is told
   * each time the listener is in place, `onLost` each time it is lost: notifications sent in
   * between are not delivered, so whoever keeps state by them must drop it. The function it gives
   * back stops listening; `close` stops every listener.
   */
  listen?: (channel: string, listener: NotificationListener) => () => Promise<void>;
}

/** What a `listen` on a channel is told. */
export interface NotificationListener {
  onNotify(payload: string): void;
  onListening(): void;
  onLost(): void;
}

/**
 * Keeps one listening connection to PostgreSQL per channel, reconnecting with a growing delay.
 * Runs as whoever `connectionString` names; LISTEN needs no privilege.
 */
function notificationListeners(connectionString: string, onError: (error: Error) => void) {
  const stops = new Set<() => Promise<void>>();
  function listen(channel: string, listener: NotificationListener): () => Promise<void> {
    let stopped = false;
    let client: pg.Client | undefined;
    let timer: NodeJS.Timeout | undefined;
    const connect = (delayMs: number) => {
      const current = new pg.Client({ connectionString });
      client = current;
      let lost = false;
      const lose = (error?: Error) => {
        if (lost) return;
        lost = true;
        if (error && !stopped) onError(error);
        listener.onLost();
        void current.end().catch(() => {});
        if (stopped) return;
        timer = setTimeout(() => connect(Math.min(delayMs * 2, 30_000)), delayMs);
        timer.unref();
      };
      current.on('error', lose);
      current.on('end', () => lose());
      current.on('notification', (message) => {
        if (message.channel === channel) listener.onNotify(message.payload ?? '');
      });
      current
        .connect()
        .then(() => current.query(`listen ${pg.escapeIdentifier(channel)}`))
        .then(() => {
          if (!lost && !stopped) listener.onListening();
        })
        .catch((error: Error) => lose(error));
    };
    connect(1_000);
    const stop = async () => {
      stopped = true;
      stops.delete(stop);
      clearTimeout(timer);
      await client?.end().catch(() => {});
    };
    stops.add(stop);
    return stop;
  }
  return {
    listen,
    async close() {
      await Promise.all([...stops].map((stop) => stop()));
    },
  };
}

export interface DatabaseOptions {
  /** PostgreSQL URL; absent means PGlite. */
  url?: string | undefined;
  /** Owner URL for migrations; defaults to `url`. */
  ownerUrl?: string | undefined;
  /** PostgreSQL URL of a streaming replica the reports read from (`reports`); needs `url`. */
  replicaUrl?: string | undefined;
  /** After the replica failed, reads stay on the primary this long before one tries it again (default 30 s). */
  replicaRetryMs?: number | undefined;
  /** Told once when the replica becomes unavailable and once when it answers again; defaults to one line on stderr. */
  onReplicaChange?: ((change: ReplicaChange) => void) | undefined;
  /** PGlite data directory, or `memory://` for an in-memory database. */
  dataDir?: string;
  /** PGlite only: start from this dump of a data directory (`dumpDataDir`; the tests' migrated snapshot). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
  /**
   * Told when PostgreSQL closes a pooled connection, idle or checked out (a restart, a failover,
   * pg_terminate_backend). The pool drops that connection and opens a new one on the next query;
   * without a listener the error would end the process. Defaults to one line on stderr.
   */
  onIdleError?: (error: Error) => void;
}

const reportIdleError = (error: Error) =>
  process.stderr.write(
    `Hjemvej: PostgreSQL closed a database connection (${error.message}); the next query opens a new one.\n`,
  );

const INT8 = 20;
const DATE = 1082;

/**
 * Same values from both engines: int8 as number (counts and sequence numbers stay far below 2^53),
 * date as 'YYYY-MM-DD' (a calendar date has no time zone).
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (value: string) => Number(value);
    if (oid === DATE) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** Opens the database named by the options, without migrating it. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandles> {
  if (options.replicaUrl && !options.url)
    throw new Error('A reporting replica needs a PostgreSQL primary (DATABASE_URL)');
  if (options.url) {
    const ownerPool = new pg.Pool({
      connectionString: options.ownerUrl ?? options.url,
      max: 2,
      types: pgTypes,
    });
    const appPool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: pgTypes,
      // No JIT compilation for the application's statements: at a municipality's size compiling
      // costs more than it saves (the outcome indicators' statement: about 90 ms of JIT for a
      // 0.4 s statement, national benchmark, ADR 0016).
      options: '-c jit=off',
    });
    for (const pool of [ownerPool, appPool]) {
      const onError = options.onIdleError ?? reportIdleError;
      pool.on('error', onError);
      // The pool listens for errors of idle connections only. A connection checked out when
      // PostgreSQL goes away (a restart, a failover) emits 'error' too, and without a listener that
      // ends the process: its query fails (the request answers DATABASE_UNAVAILABLE) and the pool
      // drops the connection when it comes back.
      pool.on('connect', (client) => client.on('error', onError));
      acceptStagedRows(pool);
    }
    const owner = new Kysely<Database>({ dialect: new PostgresDialect({ pool: ownerPool }) });
    const onCreateConnection = async (connection: DatabaseConnection) => {
      // JIT costs more than it saves on short OLTP queries (measured in bench/: 0.5–0.9 s per query).
      await connection.executeQuery(CompiledQuery.raw(`set role ${APP_ROLE}; set jit = off`));
    };
    const app = new Kysely<Database>({
      dialect: new TenantPostgresDialect({ pool: appPool, onCreateConnection }),
    });
    const listeners = notificationListeners(options.url, options.onIdleError ?? reportIdleError);
    const locks = new RunLocks(options.url, options.onIdleError ?? reportIdleError);
    if (!options.replicaUrl) {
      return {
        kind: 'postgres',
        app,
        reports: app,
        owner,
        tryLock: (name) => locks.tryLock(name),
        async close() {
          await listeners.close();
          await locks.close();
          await app.destroy();
          await owner.destroy();
        },
        listen: listeners.listen,
      };
    }
    const replicaPool = new pg.Pool({
      connectionString: options.replicaUrl,
      max: options.poolSize ?? 10,
      types: pgTypes,
      options: '-c jit=off',
      // An unreachable replica host costs a report at most this long before it reads the primary.
      connectionTimeoutMillis: 3000,
    });
    const onError = options.onIdleError ?? reportIdleError;
    replicaPool.on('error', onError);
    replicaPool.on('connect', (client) => client.on('error', onError));
    const router = new ReplicaRouter({ retryMs: options.replicaRetryMs, onChange: options.onReplicaChange });
    const replicaConfig = { pool: replicaPool, onCreateConnection };
    const reports = new Kysely<Database>({
      dialect: new ReportingDialect(
        new TenantPostgresDialect(replicaConfig),
        new TenantPostgresDialect({ pool: appPool, onCreateConnection }),
        router,
        replicaConfig,
      ),
    });
    return {
      kind: 'postgres',
      app,
      reports,
      replica: router,
      owner,
      tryLock: (name) => locks.tryLock(name),
      async close() {
        await listeners.close();
        await reports.destroy();
        await locks.close();
        await app.destroy();
        await owner.destroy();
      },
      listen: listeners.listen,
    };
  }
  const dataDir = options.dataDir ?? './data/pglite';
  const unlock = dataDir.startsWith('memory://') ? () => {} : lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir, {
      parsers: { [DATE]: (value: string) => value },
      extensions: PGLITE_EXTENSIONS,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const session = new PGliteSession(pglite);
  const owner = new Kysely<Database>({ dialect: new PGliteDialect(session) });
  const app = new Kysely<Database>({ dialect: new PGliteDialect(session, APP_ROLE) });
  // A report's read-only transaction takes PGlite's one session per statement, not for the whole
  // report, so that other requests are answered while it computes (ADR 0028).
  const reports = new Kysely<Database>({
    dialect: new PGliteDialect(session, APP_ROLE, readOnlyStatementBegin),
  });
  // One process has the embedded database: a lock is this process's.
  const held = new Set<string>();
  return {
    kind: 'pglite',
    app,
    reports,
    owner,
    async tryLock(name) {
      if (held.has(name)) return null;
      held.add(name);
      return async () => {
        held.delete(name);
      };
    },
    async close() {
      await reports.destroy();
      await app.destroy();
      await owner.destroy();
      if (!pglite.closed) await pglite.close();
      unlock();
    },
    dumpDataDir: (compression = 'none') => pglite.dumpDataDir(compression),
  };
}

/** The advisory lock's key of a named run (the same hashing as the import and digest locks). */
const RUN_LOCK = 'select pg_try_advisory_lock(hashtextextended($1, 0)) as locked';
const RUN_UNLOCK = 'select pg_advisory_unlock(hashtextextended($1, 0))';

/**
 * The named runs' session advisory locks, all on one connection of their own, opened at the first
 * lock and again after PostgreSQL closed it. A lock lives as long as that connection: if it is
 * lost (a restart), so is the lock, and another process may start the run while this one finishes
 * it — the jobs tolerate that (each run only fills in what is missing, under its own row locks).
 */
class RunLocks {
  #client: Promise<pg.Client> | null = null;
  /** The names this process holds. */
  readonly #held = new Set<string>();
  /** The connection's statements, one at a time (a pg client takes one query at a time). */
  #queue: Promise<unknown> = Promise.resolve();
  readonly #url: string;
  readonly #onError: (error: Error) => void;

  constructor(url: string, onError: (error: Error) => void) {
    this.#url = url;
    this.#onError = onError;
  }

  #connect(): Promise<pg.Client> {
    if (this.#client) return this.#client;
    const client = new pg.Client({ connectionString: this.#url });
    const connecting: Promise<pg.Client> = client.connect().then(
      () => client,
      (error: unknown) => {
        dropped();
        throw error;
      },
    );
    const dropped = () => {
      if (this.#client === connecting) this.#client = null;
    };
    client.on('error', (error) => {
      dropped();
      this.#onError(error);
    });
    client.on('end', dropped);
    this.#client = connecting;
    return connecting;
  }

  #query<R extends pg.QueryResultRow>(client: pg.Client, text: string, values: unknown[]) {
    const result = this.#queue.then(() => client.query<R>(text, values));
    this.#queue = result.catch(() => {});
    return result;
  }

  async tryLock(name: string): Promise<(() => Promise<void>) | null> {
    // A session's advisory locks are re-entrant: this process's own runs are kept apart here.
    if (this.#held.has(name)) return null;
    this.#held.add(name);
    const key = `hjemvej.run.${name}`;
    try {
      const client = await this.#connect();
      const { rows } = await this.#query<{ locked: boolean }>(client, RUN_LOCK, [key]);
      if (!rows[0]?.locked) {
        this.#held.delete(name);
        return null;
      }
      return async () => {
        // A connection lost since took its locks with it.
        await this.#query(client, RUN_UNLOCK, [key]).catch(() => {});
        this.#held.delete(name);
      };
    } catch (error) {
      this.#held.delete(name);
      throw error;
    }
  }

  async close(): Promise<void> {
    const connecting = this.#client;
    this.#client = null;
    const client = await connecting?.catch(() => null);
    await client?.end().catch(() => {});
  }
}

/**
 * Lets the pool's clients take the statement `stageRows` sends — `copyStatement(…)` with the rows
 * as its one parameter — and answer it with COPY FROM STDIN on the same connection (so inside the
 * same transaction). Every other call goes to pg unchanged. Every pool a Kysely instance of the app's
 * schema runs on needs it (openDatabase's do; so does the benchmark's timed one).
 */
export function acceptStagedRows(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [text, values] = args;
      const copy =
        typeof text === 'string' && Array.isArray(values) && values.length === 1 && args.length === 2
          ? parseCopyStatement(text)
          : null;
      if (!copy) return query(...args);
      const rows = (values as unknown[])[0] as Cell[][];
      return copyRows(client, copy.table, copy.columns, rows).then((rowCount) => ({
        command: 'COPY',
        rowCount,
        rows: [],
        fields: [],
      }));
    };
  });
}

/** Thrown when another process has the embedded database open. */
export class DataDirLockedError extends Error {}

/**
 * PGlite is one process's database: a second process on the same directory would corrupt it.
 * A lock file with the owner's pid keeps the server and the CLI apart; a stale lock (its process
 * is gone) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'hjemvej.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockFile, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(
          `The embedded database in ${dataDir} is in use by process ${pid}; stop it first (PGlite allows one process)`,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirLockedError(`Cannot lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs every pending migration of the given set as the owner, in name order; throws with the failing
 * migration's name. `migrate` in ../migrate.ts passes the platform's and every module's migrations.
 */
export async function runMigrations(owner: Db, migrations: Record<string, Migration>): Promise<string[]> {
  const migrator = new Migrator({ db: owner, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Refuses to run if the application role could read across tenants: it must be neither superuser
 * nor exempt from row-level security.
 */
export async function assertAppRoleIsBound(app: Db): Promise<void> {
  const { rows } = await sql<{ rolsuper: boolean; rolbypassrls: boolean; current_user: string }>`
    select r.rolsuper, r.rolbypassrls, current_user from pg_roles r where r.rolname = current_user`.execute(
    app,
  );
  const role = rows[0];
  if (!role || role.rolsuper || role.rolbypassrls) {
    throw new Error(`The application role ${role?.current_user ?? '?'} bypasses row-level security`);
  }
}

interface TenantTransaction {
  municipalityId: string;
  /** Whether the transaction is read only (a report's: it may run on a standby). */
  readOnly: boolean;
  /** Whether the driver bound the tenant in the BEGIN's round trip. */
  bound: boolean;
  /** Literal statements to send in the COMMIT's round trip, in order. */
  atCommit: string[];
}

/** The tenant transaction being begun or committed, for the driver that saves it round trips. */
const current = new AsyncLocalStorage<TenantTransaction>();
/** Tenant transactions whose driver sends their last writes with the COMMIT. */
const merging = new WeakMap<Tx, TenantTransaction>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * PostgreSQL's driver, saving a tenant transaction two round trips (issue 21 §3): its BEGIN and the
 * binding of its tenant go as one simple query (`begin; select set_config(…)`), and statements
 * queued with `sendWithCommit` go with the COMMIT (`insert …; commit`). Each round trip on the app's
 * connections costs the Node process a socket write, which was 40 % of its time in the national
 * benchmark's profile. The tenant is a UUID checked by its pattern, so it can stand in the statement
 * as a literal; anything else is bound the ordinary way by `withTenant`.
 */
/** Kysely's connection of a pooled client (its class is not exported; acquireConnection declares the interface). */
type PooledConnection = Parameters<PostgresDriver['releaseConnection']>[0];

class TenantPostgresDriver extends PostgresDriver {
  /** Connections whose setup (`onCreateConnection`: the app role) has run. */
  readonly #ready = new WeakSet<PooledConnection>();
  readonly #setup: PostgresDialectConfig['onCreateConnection'];

  constructor({ onCreateConnection, ...config }: PostgresDialectConfig) {
    super(config);
    this.#setup = onCreateConnection;
  }

  /**
   * A pooled connection, set up once. Kysely's own hook keeps a connection whose setup failed (a
   * standby that has not yet replayed the app role, a connection lost during `set role`) checked out
   * for ever, so the pool shrinks and closing it waits for ever. Here it goes back to the pool and is
   * set up again the next time it is handed out: no connection serves a query without its role.
   */
  override async acquireConnection(options?: Parameters<PostgresDriver['acquireConnection']>[0]) {
    const connection = (await super.acquireConnection(options)) as PooledConnection;
    if (!this.#setup || this.#ready.has(connection)) return connection;
    try {
      await this.#setup(connection, options);
    } catch (error) {
      await this.releaseConnection(connection);
      throw error;
    }
    this.#ready.add(connection);
    return connection;
  }

  override async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    const tenant = current.getStore();
    if (
      !tenant ||
      tenant.bound ||
      !UUID.test(tenant.municipalityId) ||
      settings.isolationLevel ||
      settings.accessMode
    )
      return super.beginTransaction(connection, settings);
    await connection.executeQuery(
      CompiledQuery.raw(
        `begin${tenant.readOnly ? ' read only' : ''}; select set_config('hjemvej.municipality_id', '${tenant.municipalityId}', true)`,
      ),
    );
    tenant.bound = true;
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const tenant = current.getStore();
    if (!tenant || tenant.atCommit.length === 0) return super.commitTransaction(connection);
    const statements = tenant.atCommit.splice(0);
    // In an aborted transaction the first statement fails, so the error surfaces and Kysely rolls
    // back; a failing deferred constraint fails the COMMIT itself, as it would alone.
    await connection.executeQuery(CompiledQuery.raw(`${statements.join(';\n')};\ncommit`));
  }
}

class TenantPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;
  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new TenantPostgresDriver(this.#config);
  }
}

/**
 * For PGlite's reports (ADR 0028): the SQL that opens each statement's transaction of the read-only
 * tenant transaction being begun (`begin read only` and its tenant); null for
 * any other transaction, which keeps the session from BEGIN to COMMIT.
 */
function readOnlyStatementBegin(): string | null {
  const tenant = current.getStore();
  if (!tenant?.readOnly || !UUID.test(tenant.municipalityId)) return null;
  // The tenant stays unbound, so `withTenant` binds it again (a statement's transaction of its own,
  // harmless) and `sendWithCommit` queues nothing: a write the report tried would fail at once.
  return `begin read only; select set_config('hjemvej.municipality_id', '${tenant.municipalityId}', true)`;
}

/**
 * Queues a write to go with the transaction's COMMIT, in the same round trip, when `trx` is a
 * tenant transaction on PostgreSQL; answers false otherwise (the caller then runs it at once). The
 * statement must be complete SQL with its values as escaped literals (`escapeLiteral`): a simple
 * query has no parameters. It commits or rolls back with the transaction, after everything else
 * the transaction did.
 */
export function sendWithCommit(trx: Executor, statement: string): boolean {
  const tenant = merging.get(trx as Tx);
  if (!tenant) return false;
  tenant.atCommit.push(statement);
  return true;
}

/** A value as a PostgreSQL string literal for `sendWithCommit`. */
export const escapeLiteral = (value: string) => pg.escapeLiteral(value);

/**
 * Runs `fn` in one transaction bound to a municipality: row-level security shows and accepts only
 * that tenant's rows for its whole duration. One service call = one transaction. `readOnly` makes
 * the transaction refuse every write, as a standby would (the reports' transactions).
 */
export async function withTenant<T>(
  db: Db,
  municipalityId: string,
  fn: (trx: Tx) => Promise<T>,
  { readOnly = false }: { readOnly?: boolean } = {},
): Promise<T> {
  const tenant: TenantTransaction = { municipalityId, readOnly, bound: false, atCommit: [] };
  return current.run(tenant, () =>
    db.transaction().execute(async (trx) => {
      if (tenant.bound) merging.set(trx, tenant);
      else {
        await sql`select set_config('hjemvej.municipality_id', ${municipalityId}, true)`.execute(trx);
        if (readOnly) await sql`set transaction read only`.execute(trx);
      }
      try {
        return await current.exit(() => fn(trx));
      } finally {
        merging.delete(trx);
      }
    }),
  );
}

/**
 * Runs a report's read-only tenant transaction on the reporting handle (ADR 0024): on the replica
 * while it answers, else on the primary. A read the replica failed midway (it went away, or a
 * standby cancelled it for a conflict with recovery) runs again on the primary, once: it only reads.
 */
export async function withReportingTenant<T>(
  db: DatabaseHandles,
  municipalityId: string,
  fn: (trx: Tx) => Promise<T>,
): Promise<T> {
  try {
    return await withTenant(db.reports, municipalityId, fn, { readOnly: true });
  } catch (error) {
    if (!db.replica?.failedOnReplica(error)) throw error;
    return withTenant(db.app, municipalityId, fn, { readOnly: true });
  }
}

/** A column of staged rows: its name and SQL type (`uuid`, `text`, `date`, `numeric`, `int`, `boolean`). */
export type StagedColumn = readonly [
  name: string,
  type: 'uuid' | 'text' | 'date' | 'numeric' | 'int' | 'boolean',
];

/** From this many rows on, `rowsSource` stages the rows with COPY instead of array parameters. */
export const STAGE_FROM = 256;

let staged = 0;

/**
 * Puts `rows` into a new temporary table of the transaction (dropped at commit) and returns its
 * name: COPY on PostgreSQL, one JSON parameter on PGlite (whose COPY FROM reads only server files).
 * Row-level security forbids COPY into the real tables, so bulk writes go `insert … select` from
 * here, with every check, index and policy of the target.
 */
export async function stageRows(
  trx: Tx,
  name: string,
  columns: readonly StagedColumn[],
  rows: readonly (readonly Cell[])[],
): Promise<string> {
  staged += 1;
  const table = identifier(`stage_${name}_${staged}`);
  const definition = columns.map(([column, type]) => `${identifier(column)} ${type}`).join(', ');
  await sql.raw(`create temp table ${table} (${definition}) on commit drop`).execute(trx);
  const names = columns.map(([column]) => column);
  await trx.executeQuery(CompiledQuery.raw(copyStatement(table, names), [rows]));
  return table;
}

/**
 * `rows` as a relation `t` with the named, typed `columns`, for `insert … select … from ${source}`:
 * a few rows as one array parameter per column through `unnest` (no table to create), from
 * `STAGE_FROM` rows on staged with `stageRows` (measured in bench/prevention.ts: the arrays of
 * 20,000 notices took longer to serialise and parse than to insert).
 */
export async function rowsSource(
  trx: Tx,
  name: string,
  columns: readonly StagedColumn[],
  rows: readonly (readonly Cell[])[],
): Promise<RawBuilder<unknown>> {
  const names = sql.raw(columns.map(([column]) => identifier(column)).join(', '));
  if (rows.length >= STAGE_FROM) {
    const table = await stageRows(trx, name, columns, rows);
    return sql`${sql.table(table)} as t (${names})`;
  }
  const arrays = columns.map(([, type], i) => sql`${rows.map((row) => row[i] ?? null)}::${sql.raw(type)}[]`);
  return sql`unnest(${sql.join(arrays)}) as t (${names})`;
}
