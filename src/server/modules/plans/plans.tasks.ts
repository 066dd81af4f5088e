import { today } from '../../../shared/dates';
import type { Task, TaskProvider } from '../../platform/tasks';
import { displayName } from '../citizens';
import { enrollmentAlertsOfCitizens, supportWorkerUserIds } from '../support';
import { openAlerts } from './plans.alerts.service';
import { coordinatedCitizens, overdueActionsOf, passedReviewsOf } from './plans.repository';

/**
 * The coherent plan in "Mine opgaver" (issue 15 §6–7):
 * - an action past its due date is a task for its owner until it is done;
 * - a review date passed without the review held is a task for the coordinator;
 * - a housed citizen's benefit sanction or stop, and a deposit-loan or § 81 case open longer than the
 *   fast-track limit while the citizen holds a live offer, are alerts for the coordinator and the
 *   citizen's support workers until acknowledged with a note (or the case decided);
 * - an eviction notice while the citizen is in a support enrollment, and an enrollment ended while
 *   the citizen had been housed less than 12 months, are notices for the coordinator (the support
 *   worker hears of them in the support module's tasks; a coordinator who is also the worker, once).
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
  const coordinated = await coordinatedCitizens(trx, m, actor.userId);
  if (coordinated.length > 0) {
    const alerts = await enrollmentAlertsOfCitizens(trx, m, onDate, coordinated);
    const workers = alerts.length > 0 ? await supportWorkerUserIds(trx, coordinated) : new Map();
    for (const alert of alerts) {
      if (alert.kind === 'eviction_notice' && workers.get(alert.citizenId)?.includes(actor.userId)) continue;
      tasks.push(
        alert.kind === 'eviction_notice'
          ? {
              id: `plan_eviction_notice:${alert.key}`,
              kind: 'plan_eviction_notice',
              titleKey: 'tasks.planEvictionNotice',
              params: { name: alert.name, receivedOn: alert.receivedOn },
              href: `/borgere/${alert.citizenId}/plan`,
              dueAt: null,
              severity: 'error',
              notice: true,
            }
          : {
              id: `plan_support_ended_early:${alert.key}`,
              kind: 'plan_support_ended_early',
              titleKey: 'tasks.planSupportEndedEarly',
              params: { name: alert.name, endOn: alert.endOn, movedInOn: alert.movedInOn },
              href: `/borgere/${alert.citizenId}/plan`,
              dueAt: null,
              severity: 'warning',
              notice: true,
            },
      );
    }
  }
  return tasks;
};
