import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { AuditEventRow } from './audit.table';

export interface AuditFilter {
  municipalityId: string;
  from?: string | undefined;
  to?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  limit: number;
  offset: number;
}

/** One page of a municipality's audit log, newest written first, with the total count. */
export async function searchAuditEvents(
  db: Executor,
  filter: AuditFilter,
): Promise<{ rows: AuditEventRow[]; total: number }> {
  let query = db.selectFrom('audit_event').where('municipality_id', '=', filter.municipalityId);
  // Dates are calendar days in Danish time: 'to' includes the whole day.
  if (filter.from)
    query = query.where(
      'occurred_at',
      '>=',
      sql<Date>`(${filter.from}::date)::timestamp at time zone 'Europe/Copenhagen'`,
    );
  if (filter.to)
    query = query.where(
      'occurred_at',
      '<',
      sql<Date>`(${filter.to}::date + 1)::timestamp at time zone 'Europe/Copenhagen'`,
    );
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actor) query = query.where('actor_username', '=', filter.actor.toLowerCase());
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export interface ChainLink {
  seq: number;
  hash: string;
  prev_hash: string;
  expected_hash: string;
}

/**
 * A batch of chain links after `afterSeq`, each with the hash the row's content should have: over
 * the clear subject for rows written before migration 0042, over the keyed subject digest after it
 * (a clear subject must match its digest; a pseudonymised one is outside the hash; ADR 0021).
 */
export async function chainBatch(
  db: Executor,
  municipalityId: string,
  afterSeq: number,
  limit: number,
): Promise<ChainLink[]> {
  const { rows } = await sql<ChainLink>`
    select seq, hash, prev_hash, audit_expected_hash(e) as expected_hash
    from audit_event e
    where municipality_id = ${municipalityId} and seq > ${afterSeq}
    order by seq
    limit ${limit}`.execute(db);
  return rows;
}

/** The chain head of a municipality, or undefined before its first event. */
export function chainHead(db: Executor, municipalityId: string) {
  return db
    .selectFrom('audit_chain_head')
    .select(['last_seq', 'last_hash'])
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

/** Ids of every municipality with an audit chain (owner handle: crosses tenants). */
export async function chainedMunicipalities(db: Executor): Promise<{ id: string; code: string }[]> {
  return db.selectFrom('municipality').select(['id', 'code']).orderBy('code').execute();
}

/**
 * Chains the committed rows not yet in a chain, of one municipality or of all (ADR 0009), and
 * answers how many it chained. Safe to call from several processes at once: chaining takes the
 * chain head's row lock.
 */
export async function chainPending(db: Executor, municipalityId: string | null = null): Promise<number> {
  const { rows } = await sql<{ chained: number }>`
    select audit_chain_pending(${municipalityId}::uuid) as chained`.execute(db);
  return Number(rows[0]?.chained ?? 0);
}
