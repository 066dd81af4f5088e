import { addDays, today } from '../../../shared/dates';
import type { Task, TaskProvider } from '../../platform/tasks';
import { displayName } from '../citizens';
import { getSettings } from './allocation.settings.service';
import * as repo from './allocation.tasks.repository';

const name = (c: { given_name: string | null; family_name: string | null; initials: string | null }) =>
  displayName(c) ?? '';

/**
 * Allocation's deadlines in "Mine opgaver" (issue 5 §10): for the officer, applications to assess,
 * pauses that have ended, offers whose reply deadline is near or passed, vacancies near their
 * naming deadline, leases and move-ins to record; for the caseworker who submitted, requests for
 * more information.
 */
export const allocationTasks: TaskProvider = async (trx, actor) => {
  const tasks: Task[] = [];
  const m = actor.municipalityId;
  const onDate = today();
  if (actor.permissions.has('allocation.apply')) {
    const rows = await repo.applicationsNeedingInfo(trx, m, actor.userId);
    for (const r of rows)
      tasks.push({
        id: `application_needs_info:${r.id}`,
        kind: 'application_needs_info',
        titleKey: 'tasks.applicationNeedsInfo',
        params: { name: name(r) },
        href: `/anvisning/ansoegninger/${r.id}`,
        dueAt: null,
        severity: 'warning',
      });
  }
  if (!actor.permissions.has('allocation.manage')) return tasks;
  const settings = await getSettings(trx, actor);

  const applications = await repo.applicationsToAssess(trx, m, onDate);
  for (const a of applications)
    tasks.push(
      a.status === 'submitted'
        ? {
            id: `application_to_assess:${a.id}`,
            kind: 'application_to_assess',
            titleKey: 'tasks.applicationToAssess',
            params: { name: name(a) },
            href: `/anvisning/ansoegninger/${a.id}`,
            dueAt: null,
            severity: 'info',
          }
        : {
            id: `application_pause_ended:${a.id}`,
            kind: 'application_pause_ended',
            titleKey: 'tasks.applicationPauseEnded',
            params: { name: name(a) },
            href: `/anvisning/ansoegninger/${a.id}`,
            dueAt: a.paused_until,
            severity: 'warning',
          },
    );

  const offers = await repo.openOffersDueBy(trx, m, addDays(onDate, settings.reminderDays));
  for (const o of offers) {
    const overdue = o.reply_by < onDate;
    tasks.push({
      id: `offer_reply:${o.id}`,
      kind: overdue ? 'offer_reply_overdue' : 'offer_reply_due',
      titleKey: overdue ? 'tasks.offerReplyOverdue' : 'tasks.offerReplyDue',
      params: { name: name(o), address: o.address, replyBy: o.reply_by },
      href: `/anvisning/boliger/${o.vacancy_id}`,
      dueAt: o.reply_by,
      severity: overdue ? 'error' : 'warning',
    });
  }

  const vacancies = await repo.openVacanciesDueBy(trx, m, addDays(onDate, 3));
  for (const v of vacancies) {
    const passed = v.deadline_on < onDate;
    tasks.push({
      id: `vacancy_deadline:${v.id}`,
      kind: passed ? 'vacancy_deadline_passed' : 'vacancy_deadline',
      titleKey: passed ? 'tasks.vacancyDeadlinePassed' : 'tasks.vacancyDeadline',
      params: { address: v.address, deadlineOn: v.deadline_on },
      href: `/anvisning/boliger/${v.id}`,
      dueAt: v.deadline_on,
      severity: passed ? 'error' : 'warning',
    });
  }

  const tenancies = await repo.tenanciesNotMovedIn(trx, m);
  for (const t of tenancies) {
    if (!t.lease_signed_on)
      tasks.push({
        id: `lease_missing:${t.id}`,
        kind: 'lease_missing',
        titleKey: 'tasks.leaseMissing',
        params: { name: name(t), address: t.address },
        href: `/anvisning/boliger/${t.vacancy_id}`,
        dueAt: t.planned_move_in_on,
        severity: 'info',
      });
    else if (t.planned_move_in_on && t.planned_move_in_on <= onDate)
      tasks.push({
        id: `move_in_due:${t.id}`,
        kind: 'move_in_due',
        titleKey: 'tasks.moveInDue',
        params: { name: name(t), address: t.address, date: t.planned_move_in_on },
        href: `/anvisning/boliger/${t.vacancy_id}`,
        dueAt: t.planned_move_in_on,
        severity: 'warning',
      });
  }
  return tasks;
};
