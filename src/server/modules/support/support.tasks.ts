import { addDays, today } from '../../../shared/dates';
import { addMonths, daysWithoutContact } from '../../../shared/support/rules';
import type { Task, TaskProvider } from '../../platform/tasks';
import { tenancyFacts } from '../allocation';
import { displayName } from '../citizens';
import { openNoticesOfCitizens } from '../prevention';
import * as repo from './support.repository';
import { loadSettings } from './support.service';

/** How long a notice to the support worker stays in "Mine opgaver" unless marked read. */
const NOTICE_DAYS = 30;

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
  const active = await repo.enrollments(trx, m, scope, { active: true, onDate });
  if (
    active.length === 0 &&
    (await repo.endedSince(trx, m, scope, addDays(onDate, -NOTICE_DAYS))).length === 0
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
  const byCitizen = new Map(active.map((e) => [e.citizen_id, e]));
  const since = addDays(onDate, -NOTICE_DAYS);
  for (const n of await openNoticesOfCitizens(trx, m, [...byCitizen.keys()])) {
    const e = n.citizen_id ? byCitizen.get(n.citizen_id) : undefined;
    if (!e || n.received_on < since) continue;
    tasks.push({
      id: `support_eviction_notice:${n.notice_id}:${e.id}`,
      kind: 'support_eviction_notice',
      titleKey: 'tasks.supportEvictionNotice',
      params: { name: displayName(e) ?? '', receivedOn: n.received_on },
      href: `/stoette/forloeb/${e.id}`,
      dueAt: null,
      severity: 'error',
      notice: true,
    });
  }
  const ended = await repo.endedSince(trx, m, scope, since);
  const tenancies = await tenancyFacts(
    trx,
    m,
    ended.map((e) => e.citizen_id),
  );
  for (const e of ended) {
    const endOn = e.end_on as string;
    const movedIn = tenancies
      .filter((t) => t.citizen_id === e.citizen_id && t.moved_in_on && t.moved_in_on <= endOn)
      .map((t) => t.moved_in_on as string)
      .sort()
      .at(-1);
    if (!movedIn || movedIn <= addMonths(endOn, -12)) continue;
    tasks.push({
      id: `support_ended_early:${e.id}`,
      kind: 'support_ended_early',
      titleKey: 'tasks.supportEndedEarly',
      params: { name: displayName(e) ?? '', endOn, movedInOn: movedIn },
      href: `/stoette/forloeb/${e.id}`,
      dueAt: null,
      severity: 'warning',
      notice: true,
    });
  }
  return tasks;
};
