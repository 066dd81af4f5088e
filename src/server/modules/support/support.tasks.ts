import { addDays, today } from '../../../shared/dates';
import { daysWithoutContact } from '../../../shared/support/rules';
import type { Task, TaskProvider } from '../../platform/tasks';
import { displayName } from '../citizens';
import { ENROLLMENT_ALERT_DAYS, enrollmentAlerts } from './support.alerts';
import * as repo from './support.repository';
import { loadSettings } from './support.service';

/**
 * "Mine opgaver" for a support worker (issue 15 §4, §7), over her own caseload only:
 * - an active enrollment without a real contact for the municipality's number of days (a dated
 *   setting, 14 by default) is a task until a contact is recorded; missed contacts do not count and
 *   never close the enrollment;
 * - an eviction notice for a citizen with an active enrollment (from the prevention module) is a
 *   notice;
 * - an enrollment ended while the citizen had been housed less than 12 months is a notice.
 */
export const supportTasks: TaskProvider = async (trx, actor) => {
  if (!actor.permissions.has('support.write')) return [];
  const m = actor.municipalityId;
  const onDate = today();
  const scope = { all: false, userId: actor.userId } as const;
  // A user who is no support worker (a caseworker, say) has no caseload of her own: nothing here.
  if (!(await repo.isWorker(trx, m, actor.userId))) return [];
  const active = await repo.enrollments(trx, m, scope, { active: true, onDate });
  if (
    active.length === 0 &&
    (await repo.endedSince(trx, m, scope, addDays(onDate, -ENROLLMENT_ALERT_DAYS))).length === 0
  )
    return [];
  const settings = await loadSettings(trx, m);
  const gap = settings.gapOn(onDate);
  const tasks: Task[] = [];
  for (const e of active) {
    if (e.start_on > onDate) continue;
    const days = daysWithoutContact(e.last_contact_on, e.start_on, onDate);
    if (days < gap) continue;
    tasks.push({
      id: `support_contact_gap:${e.id}`,
      kind: 'support_contact_gap',
      titleKey: 'tasks.supportContactGap',
      params: { name: displayName(e) ?? '', days },
      href: `/stoette/forloeb/${e.id}`,
      dueAt: addDays(
        e.last_contact_on && e.last_contact_on > e.start_on ? e.last_contact_on : e.start_on,
        gap,
      ),
      severity: days >= 2 * gap ? 'error' : 'warning',
    });
  }
  for (const alert of await enrollmentAlerts(trx, m, scope, onDate, { active }))
    tasks.push(
      alert.kind === 'eviction_notice'
        ? {
            id: `support_eviction_notice:${alert.key}`,
            kind: 'support_eviction_notice',
            titleKey: 'tasks.supportEvictionNotice',
            params: { name: alert.name, receivedOn: alert.receivedOn },
            href: `/stoette/forloeb/${alert.enrollmentId}`,
            dueAt: null,
            severity: 'error',
            notice: true,
          }
        : {
            id: `support_ended_early:${alert.key}`,
            kind: 'support_ended_early',
            titleKey: 'tasks.supportEndedEarly',
            params: { name: alert.name, endOn: alert.endOn, movedInOn: alert.movedInOn },
            href: `/stoette/forloeb/${alert.enrollmentId}`,
            dueAt: null,
            severity: 'warning',
            notice: true,
          },
    );
  return tasks;
};
