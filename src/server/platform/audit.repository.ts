import { type Executor, escapeLiteral, sendWithCommit } from '../db/database';

export interface NewAuditEvent {
  municipalityId: string;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  purpose: string | null;
  clientIp: string | null;
  details: Record<string, unknown>;
}

const literal = (value: string | null) => (value === null ? 'null' : escapeLiteral(value));

/**
 * Appends one event; the audit module's job chains it once committed (ADR 0009). In a tenant
 * transaction on PostgreSQL the insert goes with the COMMIT, in its round trip (issue 21 §3): still
 * in the same transaction as the change it records, written after it.
 */
export async function insertAuditEvent(db: Executor, event: NewAuditEvent): Promise<void> {
  const statement = `insert into audit_event (municipality_id, actor_user_id, actor_username, action,
    entity_type, entity_id, purpose, client_ip, details) values (${[
      event.municipalityId,
      event.actorUserId,
      event.actorUsername,
      event.action,
      event.entityType,
      event.entityId,
      event.purpose,
      event.clientIp,
      JSON.stringify(event.details),
    ]
      .map(literal)
      .join(', ')})`;
  if (sendWithCommit(db, statement)) return;
  await db
    .insertInto('audit_event')
    .values({
      municipality_id: event.municipalityId,
      actor_user_id: event.actorUserId,
      actor_username: event.actorUsername,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      purpose: event.purpose,
      client_ip: event.clientIp,
      details: JSON.stringify(event.details),
    })
    .execute();
}
