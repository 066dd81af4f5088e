import type { Generated, JSONColumnType, Selectable } from 'kysely';

/**
 * One audit entry. `id` is the order rows were written in. `seq`, `prev_hash` and `hash` are empty
 * until `audit_chain_pending` chains the committed row, within about a second (ADR 0009); the
 * table accepts only inserts and that one update.
 */
export interface AuditEventTable {
  id: Generated<string>;
  municipality_id: string;
  seq: Generated<number | null>;
  occurred_at: Generated<Date>;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  purpose: string | null;
  /** Truncated client address (IPv4 /24, IPv6 /48). */
  client_ip: string | null;
  /** Non-personal context (changed field names, counts). Never CPR, names or notes. */
  details: JSONColumnType<Record<string, unknown>>;
  prev_hash: Generated<string | null>;
  hash: Generated<string | null>;
  /** The keyed digest of the row's citizen (migration 0042, ADR 0021); null for rows without one and rows before it. */
  subject_digest: Generated<string | null>;
}

export interface AuditChainHeadTable {
  municipality_id: string;
  last_seq: number;
  last_hash: string;
}

export type AuditEventRow = Selectable<AuditEventTable>;

declare module '../../db/schema' {
  /** The audit module's tables. */
  interface Database {
    audit_event: AuditEventTable;
    audit_chain_head: AuditChainHeadTable;
  }
}
