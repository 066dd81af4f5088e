import type { Executor } from '../db/database';

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

/** Appends one event; the database trigger numbers and chains it. */
export async function insertAuditEvent(db: Executor, event: NewAuditEvent): Promise<void> {
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
