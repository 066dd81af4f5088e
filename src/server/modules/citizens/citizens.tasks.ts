import { addDays, today } from '../../../shared/dates';
import type { TaskProvider } from '../../platform/tasks';
import { citizenScope } from './citizens.policy';
import * as repo from './citizens.repository';
import { displayName } from './citizens.service';

/** A consent that expires within this many days is a task before it lapses (issue 14 §1). */
export const CONSENT_EXPIRY_DAYS = 30;

/**
 * Consents that have expired (issue 3 §2) or expire within 30 days (issue 14 §1) are tasks for
 * those who keep citizens' records: the model has no responsible caseworker per citizen, so every
 * user with `citizens.write` gets them, a support worker those of her caseload (issue 20 (d)). A
 * renewed consent ends the task.
 */
export const expiredConsentTasks: TaskProvider = async (trx, actor) => {
  if (!actor.permissions.has('citizens.write')) return [];
  const onDate = today();
  const ending = await repo.consentsEndingBy(
    trx,
    actor.municipalityId,
    addDays(onDate, CONSENT_EXPIRY_DAYS),
    200,
    citizenScope(actor),
  );
  const expired = ending.filter((r) => r.expires_on < onDate);
  const expiring = ending.filter((r) => r.expires_on >= onDate);
  return [
    ...expired.map((r) => ({
      id: `consent_expired:${r.id}`,
      kind: 'consent_expired',
      titleKey: 'tasks.consentExpired',
      params: { name: displayName(r) ?? '', purpose: r.purpose },
      href: `/borgere/${r.citizen_id}`,
      dueAt: r.expires_on,
      severity: 'warning' as const,
    })),
    ...expiring.map((r) => ({
      id: `consent_expiring:${r.id}`,
      kind: 'consent_expiring',
      titleKey: 'tasks.consentExpiring',
      params: { name: displayName(r) ?? '', purpose: r.purpose, expiresOn: r.expires_on },
      href: `/borgere/${r.citizen_id}`,
      dueAt: r.expires_on,
      severity: 'info' as const,
    })),
  ];
};
