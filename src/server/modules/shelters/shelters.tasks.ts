import { today } from '../../../shared/dates';
import { notificationDeadline, notificationStatus } from '../../../shared/shelters/rules';
import type { Task, TaskProvider } from '../../platform/tasks';
import { displayName } from '../citizens';
import { unacknowledgedNotifications } from './shelters.notifications.service';
import { shelterOfUser, unnotifiedStays } from './shelters.repository';
import { handlekommuneResidents } from './shelters.service';

/**
 * § 110 stays in "Mine opgaver" (issue 16 §3): an admission whose handlekommune has not been
 * notified is a task for the shelter's staff, due 3 working days after the admission decision
 * (§ 110 stk. 6) and an error once overdue, until the notification is recorded; a notified resident
 * without an action plan (rule 11) is a task for the handlekommune's caseworkers.
 */
export const sheltersTasks: TaskProvider = async (trx, actor) => {
  const tasks: Task[] = [];
  // The handlekommune's caseworkers: every notification in the inbox until acknowledged.
  if (actor.permissions.has('shelters.casework'))
    for (const n of await unacknowledgedNotifications(trx, actor))
      tasks.push({
        id: `shelter_notification:${n.id}`,
        kind: 'shelter_notification_received',
        titleKey: 'tasks.shelterNotificationReceived',
        params: {
          name: displayName(n) ?? '',
          shelter: n.shelter_name,
          municipality: n.from_municipality_name,
        },
        href: '/herberg/underretninger',
        dueAt: null,
        severity: 'warning',
      });
  // The handlekommune's caseworkers: every notified resident without an action plan (rule 11).
  if (actor.permissions.has('shelters.casework'))
    for (const r of await handlekommuneResidents(trx, actor))
      if (r.plan === 'missing' && r.notifiedOn !== null)
        tasks.push({
          id: `shelter_action_plan:${r.id}`,
          kind: 'shelter_action_plan_missing',
          titleKey: 'tasks.shelterActionPlanMissing',
          params: { name: r.name ?? '', shelter: r.shelterName },
          href: '/herberg/borgere',
          dueAt: null,
          severity: 'warning',
        });
  if (!actor.permissions.has('shelters.stays')) return tasks;
  const m = actor.municipalityId;
  const shelterId = await shelterOfUser(trx, m, actor.userId);
  if (!shelterId) return tasks;
  const onDate = today();
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
