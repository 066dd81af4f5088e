import { today } from '../../../shared/dates';
import type { Task, TaskProvider } from '../../platform/tasks';
import { displayName } from '../citizens';
import { openAlerts } from './plans.alerts.service';
import { overdueActionsOf, passedReviewsOf } from './plans.repository';

/**
 * The coherent plan in "Mine opgaver" (issue 15 §6–7):
 * - an action past its due date is a task for its owner until it is done;
 * - a review date passed without the review held is a task for the coordinator;
 * - a housed citizen's benefit sanction or stop, and a deposit-loan or § 81 case open longer than the
 *   fast-track limit while the citizen holds a live offer, are alerts for the coordinator and the
 *   citizen's support workers until acknowledged with a note (or the case decided).
 */
export const plansTasks: TaskProvider = async (trx, actor) => {
  if (!actor.permissions.has('plans.read')) return [];
  const m = actor.municipalityId;
  const onDate = today();
  const tasks: Task[] = [];
  for (const a of await overdueActionsOf(trx, m, actor.userId, onDate))
    tasks.push({
      id: `plan_action:${a.id}`,
      kind: 'plan_action_overdue',
      titleKey: 'tasks.planActionOverdue',
      params: { name: displayName(a) ?? '', action: a.description, dueOn: a.due_on },
      href: `/borgere/${a.citizen_id}/plan`,
      dueAt: a.due_on,
      severity: 'error',
    });
  for (const r of await passedReviewsOf(trx, m, actor.userId, onDate))
    tasks.push({
      id: `plan_review:${r.id}`,
      kind: 'plan_review_due',
      titleKey: 'tasks.planReviewDue',
      params: { name: displayName(r) ?? '', dueOn: r.review_on },
      href: `/borgere/${r.citizen_id}/plan`,
      dueAt: r.review_on,
      severity: 'warning',
    });
  for (const alert of await openAlerts(trx, m, onDate)) {
    if (!alert.recipients.includes(actor.userId)) continue;
    if (alert.kind === 'sanction')
      tasks.push({
        id: `benefit_sanction:${alert.id}`,
        kind: 'plan_sanction_alert',
        titleKey: alert.subKind === 'stop' ? 'tasks.planBenefitStop' : 'tasks.planBenefitSanction',
        params: { name: alert.citizenName ?? '', dueOn: alert.date },
        href: `/borgere/${alert.citizenId}/plan`,
        dueAt: alert.date,
        severity: 'error',
      });
    else
      tasks.push({
        id: `deposit_case:${alert.id}`,
        kind: 'plan_deposit_alert',
        titleKey: 'tasks.planDepositWaiting',
        params: { name: alert.citizenName ?? '', dueOn: alert.date },
        href: `/borgere/${alert.citizenId}/plan`,
        dueAt: alert.date,
        severity: 'error',
      });
  }
  return tasks;
};
