import { addDays, today } from '../../../shared/dates';
import type { Task, TaskProvider } from '../../platform/tasks';
import { displayName } from '../citizens';
import { getSettings } from './allocation.settings.service';
import * as repo from './allocation.tasks.repository';

const name = (c: { given_name: string | null; family_name: string | null; initials: string | null }) =>
  displayName(c) ?? '';

/** A vacancy without an offer this many days before its naming deadline raises a stall alert (issue 14 §1). */
export const VACANCY_STALL_DAYS = 7;
/** Notices (offers made or answered, applications decided) show for this many days unless read first. */
export const NOTICE_DAYS = 30;

const applicationHref = (id: string) => `/anvisning/ansoegninger/${id}`;
const vacancyHref = (id: string) => `/anvisning/boliger/${id}`;

/**
 * The caseworker who submitted an application (issue 5 §10, issue 14 §1): requests for more
 * information (a task, done when resubmitted), and notices of its decision and of every offer made,
 * accepted, declined or expired (read marks make them disappear).
 */
async function caseworkerTasks(trx: Parameters<TaskProvider>[0], m: string, userId: string, onDate: string) {
  const tasks: Task[] = [];
  for (const r of await repo.applicationsNeedingInfo(trx, m, userId))
    tasks.push({
      id: `application_needs_info:${r.id}`,
      kind: 'application_needs_info',
      titleKey: 'tasks.applicationNeedsInfo',
      params: { name: name(r) },
      href: applicationHref(r.id),
      dueAt: null,
      severity: 'warning',
    });
  const since = addDays(onDate, -NOTICE_DAYS);
  for (const d of await repo.decisionsForCaseworker(trx, m, userId, since)) {
    const approved = d.to_status === 'approved';
    tasks.push({
      id: `application_${approved ? 'approved' : 'rejected'}:${d.id}`,
      kind: approved ? 'application_approved' : 'application_rejected',
      titleKey: approved ? 'tasks.applicationApproved' : 'tasks.applicationRejected',
      params: { name: name(d) },
      href: applicationHref(d.application_id),
      dueAt: null,
      severity: 'info',
      notice: true,
    });
  }
  for (const o of await repo.offerEventsForCaseworker(trx, m, userId, since)) {
    const params = { name: name(o), address: o.address, replyBy: o.reply_by };
    if (o.offered_recently)
      tasks.push({
        id: `offer_made:${o.id}`,
        kind: 'offer_made',
        titleKey: 'tasks.offerMade',
        params,
        href: applicationHref(o.application_id),
        dueAt: o.status === 'open' ? o.reply_by : null,
        severity: 'info',
        notice: true,
      });
    if (o.answered_recently && (o.status === 'accepted' || o.status === 'declined' || o.status === 'expired'))
      tasks.push({
        id: `offer_${o.status}:${o.id}`,
        kind: `offer_${o.status}`,
        titleKey: `tasks.offer${o.status.charAt(0).toUpperCase()}${o.status.slice(1)}`,
        params,
        href: applicationHref(o.application_id),
        dueAt: null,
        severity: o.status === 'accepted' ? 'info' : 'warning',
        notice: true,
      });
  }
  return tasks;
}

/**
 * Allocation's deadlines in "Mine opgaver" (issue 5 §10, issue 14 §1). For the officer: applications
 * to assess, pauses that have ended, offers whose reply deadline is near or passed (a stall alert
 * once passed unanswered), every open vacancy without an open offer (reported by a partner,
 * imported or entered) due by its naming deadline, with a stall alert from 7 days before it, and
 * accepted offers without a lease and leases without a move-in. For the caseworker who submitted
 * an application: see `caseworkerTasks`.
 */
export const allocationTasks: TaskProvider = async (trx, actor) => {
  const m = actor.municipalityId;
  const onDate = today();
  const tasks: Task[] = actor.permissions.has('allocation.apply')
    ? await caseworkerTasks(trx, m, actor.userId, onDate)
    : [];
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
            href: applicationHref(a.id),
            dueAt: null,
            severity: 'info',
          }
        : {
            id: `application_pause_ended:${a.id}`,
            kind: 'application_pause_ended',
            titleKey: 'tasks.applicationPauseEnded',
            params: { name: name(a) },
            href: applicationHref(a.id),
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
      href: vacancyHref(o.vacancy_id),
      dueAt: o.reply_by,
      severity: overdue ? 'error' : 'warning',
    });
  }

  const stallFrom = addDays(onDate, VACANCY_STALL_DAYS);
  for (const v of await repo.vacanciesWithoutOpenOffer(trx, m)) {
    const kind =
      v.deadline_on < onDate
        ? 'vacancy_deadline_passed'
        : v.deadline_on <= stallFrom
          ? 'vacancy_stalled'
          : 'vacancy_new';
    tasks.push({
      id: `vacancy_deadline:${v.id}`,
      kind,
      titleKey:
        kind === 'vacancy_deadline_passed'
          ? 'tasks.vacancyDeadlinePassed'
          : kind === 'vacancy_stalled'
            ? 'tasks.vacancyStalled'
            : 'tasks.vacancyNew',
      params: { address: v.address, deadlineOn: v.deadline_on },
      href: vacancyHref(v.id),
      dueAt: v.deadline_on,
      severity: kind === 'vacancy_new' ? 'info' : 'error',
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
        href: vacancyHref(t.vacancy_id),
        dueAt: t.planned_move_in_on,
        severity: t.planned_move_in_on && t.planned_move_in_on <= onDate ? 'warning' : 'info',
      });
    else
      tasks.push({
        id: `move_in_due:${t.id}`,
        kind: 'move_in_due',
        titleKey: t.planned_move_in_on ? 'tasks.moveInDue' : 'tasks.moveInMissing',
        params: { name: name(t), address: t.address, date: t.planned_move_in_on ?? '' },
        href: vacancyHref(t.vacancy_id),
        dueAt: t.planned_move_in_on,
        severity: t.planned_move_in_on && t.planned_move_in_on <= onDate ? 'warning' : 'info',
      });
  }
  return tasks;
};
