import { type Kysely, sql } from 'kysely';

/**
 * Request rate limits shared by every server process (issue 21 §2, ADR 0023): one row per limited
 * route and client key (an HMAC of the client's address, so the table names no address), counting
 * the requests of the current window. UNLOGGED: a crash of PostgreSQL empties it, which only
 * restarts the windows. Not tenant data (a login has no municipality yet), like `login_throttle`:
 * no row-level security, and the app role may read and write it. Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create unlogged table rate_limit (
  route text not null,
  client_key text not null,
  window_start timestamptz not null,
  window_ms int not null check (window_ms > 0),
  hits int not null,
  primary key (route, client_key)
);
grant select, insert, update, delete on rate_limit to hjemvej_app;`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop table rate_limit;').execute(db);
}
