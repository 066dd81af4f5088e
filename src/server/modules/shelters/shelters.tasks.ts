import { today } from '../../../shared/dates';
import { notificationDeadline, notificationStatus } from '../../../shared/shelters/rules';
import type { Task, TaskProvider } from '../../platform/tasks';
import { displayName } from '../citizens';
import { shelterOfUser, unnotifiedStays } from './shelters.repository';

/**
 * § 110 stays in "Mine opgaver" (issue 16 §3): an admission whose handlekommune has not been
 * notified is a task for the shelter's staff, due 3 working days after the admission decision
 * (§ 110 stk. 6) and an error once overdue, until the notification is recorded.
 */
export const sheltersTasks: TaskProvider = async (trx, actor) => {
  if (!actor.permissions.has('shelters.stays')) return [];
  const m = actor.municipalityId;
  const shelterId = await shelterOfUser(trx, m, actor.userId);
  if (!shelterId) return [];
  const onDate = today();
  const tasks: Task[] = [];
  for (const s of await unnotifiedStays(trx, m, shelterId)) {
    const dueAt = notificationDeadline(s.admission_decided_on);
    tasks.push({
      id: `shelter_notify:${s.id}`,
      kind: 'shelter_notification_due',
      titleKey: 'tasks.shelterNotificationDue',
      params: { name: displayName(s) ?? '', handlekommune: s.handlekommune, dueOn: dueAt },
      href: '/herberg',
      dueAt,
      severity: notificationStatus(s.admission_decided_on, null, onDate) === 'overdue' ? 'error' : 'warning',
    });
  }
  return tasks;
};
