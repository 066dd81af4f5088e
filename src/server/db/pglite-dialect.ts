import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { type Cell, parseCopyStatement } from './copy';

/**
 * The one PGlite session, shared by every Kysely instance on it. PGlite is a single session, so
 * the session hands out its one connection to one caller at a time, in the order they asked; a
 * transaction keeps it until commit or rollback, exactly as a pooled PostgreSQL connection would.
 * A report's statements (ADR 0028) ask as `later`: they have it only when no one else waits, so a
 * report of a second delays a request by the statement running when it came, not by the report.
 */
export class PGliteSession {
  /** The role the session currently runs as (`null`: the owner it connected as). */
  currentRole: string | null = null;
  #busy = false;
  readonly #waiting: (() => void)[] = [];
  readonly #waitingLater: (() => void)[] = [];

  constructor(readonly pglite: PGlite) {}

  /** Takes the session, waiting for it if it is held; answers the function that gives it back. */
  async take(later = false): Promise<() => void> {
    // Statements run synchronously in PGlite's WebAssembly: a report's statements, one after the
    // other, would follow each other in the same turn of the event loop. Each waits for the next
    // turn, after the process has read what came in meanwhile, so that a request that came while
    // the last one ran asks first.
    if (later) await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.#busy) {
      await new Promise<void>((resolve) => (later ? this.#waitingLater : this.#waiting).push(resolve));
    }
    this.#busy = true;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const next = this.#waiting.shift();
      if (next) next();
      else if (this.#waitingLater.length === 0) this.#busy = false;
      // Statements run synchronously in PGlite's WebAssembly, and a report's next one would follow
      // in the same turn of the event loop: it waits for the next turn, after the process has read
      // what came in meanwhile, so that a request that came while the last one ran asks first.
      else setImmediate(() => this.#handOn());
    };
  }

  #handOn(): void {
    const next = this.#waiting.shift() ?? this.#waitingLater.shift();
    if (next) next();
    else this.#busy = false;
  }
}

/**
 * Kysely dialect for embedded PGlite. `role` makes every use of the connection run as that
 * PostgreSQL role (`set role`), so the application is bound by row-level security here as on a
 * server; without it the connection runs as the owner (migrations, CLI).
 */
export class PGliteDialect implements Dialect {
  constructor(
    private readonly session: PGliteSession,
    private readonly role: string | null = null,
    /**
     * Transactions by statement (ADR 0028): given, it is asked at each BEGIN for the SQL that opens
     * one statement's transaction (say `begin read only; select set_config(…)`), and every statement
     * of the transaction then runs in a transaction of its own so opened, taking the session only
     * for that statement; null keeps the whole transaction on the session, as usual.
     */
    private readonly statementBegin?: () => string | null,
  ) {}

  createDriver(): Driver {
    const driver = new PGliteDriver(this.session, this.role);
    return this.statementBegin ? new PGliteStatementDriver(driver, this.statementBegin) : driver;
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }
  // biome-ignore lint/suspicious/noExplicitAny: the Dialect interface prescribes Kysely<any>
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;

  constructor(
    private readonly session: PGliteSession,
    private readonly role: string | null,
  ) {
    this.connection = new PGliteConnection(session.pglite);
  }

  async init(): Promise<void> {
    await this.session.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return this.take(false);
  }

  /** The connection, after every ordinary waiter (a report's statement, ADR 0028). */
  async acquireLater(): Promise<DatabaseConnection> {
    return this.take(true);
  }

  private async take(later: boolean): Promise<DatabaseConnection> {
    const release = await this.session.take(later);
    this.connection.release = release;
    if (this.session.currentRole !== this.role) {
      try {
        await this.session.pglite.exec(this.role ? `set role ${this.role}` : 'reset role');
      } catch (error) {
        release();
        throw error;
      }
      this.session.currentRole = this.role;
    }
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const mode = [
      settings.isolationLevel ? `isolation level ${settings.isolationLevel}` : '',
      settings.accessMode ?? '',
    ]
      .filter(Boolean)
      .join(' ');
    await connection.executeQuery(CompiledQuery.raw(mode ? `begin transaction ${mode}` : 'begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PGliteConnection).release();
  }

  async destroy(): Promise<void> {
    // The session outlives its dialects; whoever created the PGlite closes it once it is free.
    (await this.session.take())();
  }
}

/**
 * PGlite has one session, and a transaction holds it from BEGIN to COMMIT: a report's transaction
 * of half a second (a year's figures of every module) keeps every other request of the process
 * waiting that long. This driver runs each statement of a transaction that `statementBegin` opens
 * in a transaction of its own (`begin` + the statement + `commit`), so the session is taken and
 * given back per statement and other requests' statements run in between. Each statement sees the
 * data committed when it starts, not when the transaction began (ADR 0028): meant for read-only
 * reports only, whose sections are aggregates in their own right.
 */
class PGliteStatementDriver implements Driver {
  constructor(
    private readonly driver: PGliteDriver,
    private readonly statementBegin: () => string | null,
  ) {}

  async init(): Promise<void> {
    await this.driver.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PGliteStatementConnection(this.driver);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as PGliteStatementConnection;
    c.begin = this.statementBegin();
    if (c.begin !== null) return;
    c.held = await this.driver.acquireConnection();
    try {
      await this.driver.beginTransaction(c.held, settings);
    } catch (error) {
      await this.let(c);
      throw error;
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.end(connection as PGliteStatementConnection, (held) => this.driver.commitTransaction(held));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.end(connection as PGliteStatementConnection, (held) => this.driver.rollbackTransaction(held));
  }

  /** Ends a transaction: nothing to send for one by statement, else `finish` and the session given back. */
  private async end(
    c: PGliteStatementConnection,
    finish: (held: DatabaseConnection) => Promise<void>,
  ): Promise<void> {
    c.begin = null;
    if (!c.held) return;
    try {
      await finish(c.held);
    } finally {
      await this.let(c);
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.let(connection as PGliteStatementConnection);
  }

  async destroy(): Promise<void> {
    await this.driver.destroy();
  }

  /** Gives back the session a transaction that does not go by statement held. */
  private async let(c: PGliteStatementConnection): Promise<void> {
    const held = c.held;
    c.held = undefined;
    if (held) await this.driver.releaseConnection(held);
  }
}

class PGliteStatementConnection implements DatabaseConnection {
  /** The SQL opening each statement's transaction, while in a transaction that goes by statement. */
  begin: string | null = null;
  /** The session, while in a transaction that keeps it from BEGIN to COMMIT. */
  held: DatabaseConnection | undefined;

  constructor(private readonly driver: PGliteDriver) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    if (this.held) return this.held.executeQuery(compiledQuery);
    const connection = await this.driver.acquireLater();
    try {
      if (this.begin === null) return await connection.executeQuery(compiledQuery);
      try {
        await connection.executeQuery(CompiledQuery.raw(this.begin));
        const result = await connection.executeQuery<R>(compiledQuery);
        await connection.executeQuery(CompiledQuery.raw('commit'));
        return result;
      } catch (error) {
        // The session goes back with no transaction open, whichever statement failed.
        await connection.executeQuery(CompiledQuery.raw('rollback'));
        throw error;
      }
    } finally {
      await this.driver.releaseConnection(connection);
    }
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors; streaming is not offered
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not support streaming queries');
  }
}

class PGliteConnection implements DatabaseConnection {
  release: () => void = () => {};

  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const copy = compiledQuery.parameters.length === 1 ? parseCopyStatement(compiledQuery.sql) : null;
    if (copy) return this.stage(copy.table, copy.columns, compiledQuery.parameters[0] as Cell[][]);
    const result =
      compiledQuery.parameters.length === 0 && isMultiStatement(compiledQuery.sql)
        ? ((await this.pglite.exec(compiledQuery.sql)).at(-1) ?? { rows: [], affectedRows: 0, fields: [] })
        : await this.pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    const affected = result.affectedRows ?? 0;
    const isWrite = /^\s*(insert|update|delete|merge)/i.test(compiledQuery.sql);
    const rows = result.rows as R[];
    return isWrite ? { rows, numAffectedRows: BigInt(affected) } : { rows };
  }

  /**
   * The staged rows of `stageRows`: PGlite's COPY FROM reads only server files (a privilege the
   * application role must not hold), so the rows go as one JSON parameter, typed by the table.
   */
  private async stage<R>(table: string, columns: string[], rows: Cell[][]): Promise<QueryResult<R>> {
    const records = rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null])));
    const list = columns.join(', ');
    const result = await this.pglite.query(
      `insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, $1::json)`,
      [JSON.stringify(records)],
    );
    return { rows: [], numAffectedRows: BigInt(result.affectedRows ?? 0) };
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors; streaming is not offered
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not support streaming queries');
  }
}

/** PGlite's extended protocol takes one statement; raw migration scripts with several go through exec. */
function isMultiStatement(sqlText: string): boolean {
  return sqlText.trim().replace(/;\s*$/, '').includes(';');
}
