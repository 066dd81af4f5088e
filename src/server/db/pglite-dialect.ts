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
 * the session hands out its one connection to one caller at a time (a FIFO mutex); a transaction
 * keeps it until commit or rollback, exactly as a pooled PostgreSQL connection would.
 */
export class PGliteSession {
  queue: Promise<void> = Promise.resolve();
  /** The role the session currently runs as (`null`: the owner it connected as). */
  currentRole: string | null = null;
  constructor(readonly pglite: PGlite) {}
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
  ) {}

  createDriver(): Driver {
    return new PGliteDriver(this.session, this.role);
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
    let release!: () => void;
    const previous = this.session.queue;
    this.session.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
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
    // The session outlives its dialects; whoever created the PGlite closes it.
    await this.session.queue;
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
