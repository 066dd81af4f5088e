import { today } from '../../../shared/dates';
import type { TaskProvider } from '../../platform/tasks';
import * as repo from './citizens.repository';
import { displayName } from './citizens.service';

/** Expired consents become tasks for those who keep citizens' records (issue 3 §2). */
export const expiredConsentTasks: TaskProvider = async (trx, actor) => {
  if (!actor.permissions.has('citizens.write')) return [];
  const rows = await repo.expiredConsents(trx, actor.municipalityId, today(), 100);
  return rows.map((r) => ({
    id: `consent_expired:${r.id}`,
    kind: 'consent_expired',
    titleKey: 'tasks.consentExpired',
    params: { name: displayName(r) ?? '', purpose: r.purpose },
    href: `/borgere/${r.citizen_id}`,
    dueAt: r.expires_on,
    severity: 'warning' as const,
  }));
};
