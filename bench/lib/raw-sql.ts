import {
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';
import pg from 'pg';
import { APP_ROLE, type Db } from '../../src/server/db/database';
import type { Database } from '../../src/server/db/schema';

/**
 * The raw SQL baseline: the exact statement a repository function sends, run without the
 * application around it.
 */

/**
 * The SQL and parameters a repository function sends, captured without a database (Kysely's
 * dummy driver compiles the query and answers with no rows).
 */
export async function compile(run: (db: Db) => Promise<unknown>): Promise<CompiledQuery[]> {
  const captured: CompiledQuery[] = [];
  const compiler = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      captured.push(event.query);
    },
  });
  try {
    await run(compiler);
  } finally {
    await compiler.destroy();
  }
  if (captured.length === 0) throw new Error('No query was sent');
  return captured;
}

/**
 * Startup options that bind a connection as the app binds a transaction: role hjemvej_app (so
 * row-level security applies) and one tenant, for the connection's whole lifetime.
 */
function tenantOptions(municipalityId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(municipalityId)) throw new Error(`Bad municipality id ${municipalityId}`);
  return `-c role=${APP_ROLE} -c hjemvej.municipality_id=${municipalityId}`;
}

/** A pool whose every query is one round trip: no transaction, no tenant setup per query. */
export async function rawPool(url: string, size: number, municipalityId: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: size, options: tenantOptions(municipalityId) });
  const { rows } = await pool.query<{ role: string; tenant: string }>(
    `select current_user as role, current_setting('hjemvej.municipality_id') as tenant`,
  );
  if (rows[0]?.role !== APP_ROLE || rows[0]?.tenant !== municipalityId) {
    await pool.end();
    throw new Error(`The raw pool is not bound: ${JSON.stringify(rows[0])}`);
  }
  return pool;
}

export interface Explained {
  planningMs: number;
  executionMs: number;
  /** EXPLAIN (ANALYZE, BUFFERS) output. */
  text: string;
}

/** Runs a compiled query once under EXPLAIN (ANALYZE, BUFFERS), bound like the raw pool. */
export async function explain(url: string, municipalityId: string, query: CompiledQuery): Promise<Explained> {
  const client = new pg.Client({ connectionString: url, options: tenantOptions(municipalityId) });
  await client.connect();
  try {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${query.sql}`,
      query.parameters as unknown[],
    );
    const text = rows.map((r) => r['QUERY PLAN']).join('\n');
    const ms = (label: string) => Number(new RegExp(`${label}: ([\\d.]+) ms`).exec(text)?.[1] ?? Number.NaN);
    return { planningMs: ms('Planning Time'), executionMs: ms('Execution Time'), text };
  } finally {
    await client.end();
  }
}

/**
 * Waits until no other session of this database is running a query (seen idle three times in a
 * row), so that requests left over from one run (autocannon drops them at the end, the server
 * still answers them) do not load the next. Gives up after `maxSeconds`.
 */
export async function waitForIdle(owner: Db, maxSeconds = 60): Promise<void> {
  const giveUp = performance.now() + maxSeconds * 1000;
  let quiet = 0;
  while (quiet < 3 && performance.now() < giveUp) {
    const { rows } = await sql<{ busy: number }>`
      select count(*)::int as busy from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
        and state <> 'idle'`.execute(owner);
    quiet = rows[0]?.busy === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
