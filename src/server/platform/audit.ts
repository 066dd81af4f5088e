import type { Executor } from '../db/database';
import type { Actor } from './actor';
import { insertAuditEvent } from './audit.repository';

export interface AuditEntry {
  /** `<entity>.<verb>`, e.g. `user.create`, `citizen.read`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Why: required for reads of personal data, optional for changes. */
  purpose?: string | null;
  /** Non-personal context only: field names, counts, codes. Never CPR, names or notes. */
  details?: Record<string, unknown>;
}

/**
 * Records a change in the audit log. Call it with the transaction that makes the change, so that
 * the change and its audit entry commit or fail together.
 */
export async function recordAudit(
  trx: Executor,
  actor: Actor | null,
  municipalityId: string,
  entry: AuditEntry,
) {
  await insertAuditEvent(trx, {
    municipalityId,
    actorUserId: actor?.userId ?? null,
    actorUsername: actor?.username ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    purpose: entry.purpose ?? null,
    clientIp: actor?.clientIp ?? null,
    details: entry.details ?? {},
  });
}

/**
 * The one helper every module uses when it shows personal data: one audit row per read, with the
 * purpose the user gave (or the screen's standing purpose).
 */
export async function logPersonalDataRead(
  trx: Executor,
  actor: Actor,
  read: { entityType: string; entityId: string; purpose: string; details?: Record<string, unknown> },
): Promise<void> {
  await recordAudit(trx, actor, actor.municipalityId, {
    action: `${read.entityType}.read`,
    entityType: read.entityType,
    entityId: read.entityId,
    purpose: read.purpose,
    details: read.details ?? {},
  });
}

/** A change by the acting user in the actor's own municipality: `audit(trx, actor, 'vacancy.create', 'vacancy', id)`. */
export async function audit(
  trx: Executor,
  actor: Actor,
  action: string,
  entityType: string,
  entityId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(trx, actor, actor.municipalityId, { action, entityType, entityId, details });
}
