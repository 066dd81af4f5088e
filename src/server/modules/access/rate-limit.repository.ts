import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import './access.table';

/**
 * Counts one request of `clientKey` on `route` in one statement (atomic across processes): a new
 * window when there was none or the last one has ended, else one more in it. Returns the count in
 * the window and the milliseconds left of it.
 */
export async function countRequest(
  db: Executor,
  route: string,
  clientKey: string,
  windowMs: number,
): Promise<{ hits: number; ttlMs: number }> {
  const { rows } = await sql<{ hits: number; ttl_ms: number }>`
    insert into rate_limit as r (route, client_key, window_start, window_ms, hits)
    values (${route}, ${clientKey}, statement_timestamp(), ${windowMs}, 1)
    on conflict (route, client_key) do update set
      window_start = case when r.window_start + make_interval(secs => r.window_ms / 1000.0) <= statement_timestamp()
        then statement_timestamp() else r.window_start end,
      window_ms = excluded.window_ms,
      hits = case when r.window_start + make_interval(secs => r.window_ms / 1000.0) <= statement_timestamp()
        then 1 else r.hits + 1 end
    returning hits, greatest(0, ceil(extract(epoch from
      r.window_start + make_interval(secs => r.window_ms / 1000.0) - statement_timestamp()) * 1000))::int as ttl_ms`.execute(
    db,
  );
  const row = rows[0];
  if (!row) throw new Error('rate_limit upsert returned no row');
  return { hits: row.hits, ttlMs: row.ttl_ms };
}

/** Removes the windows that have ended; answers how many. */
export async function removeEndedWindows(db: Executor): Promise<number> {
  const result = await db
    .deleteFrom('rate_limit')
    .where(sql<boolean>`window_start + make_interval(secs => window_ms / 1000.0) <= statement_timestamp()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
