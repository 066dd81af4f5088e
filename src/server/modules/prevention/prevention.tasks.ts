import { today } from '../../../shared/dates';
import { paakravDeadline, stepOf } from '../../../shared/prevention/clocks';
import type { Tx } from '../../db/database';
import type { Task, TaskProvider } from '../../platform/tasks';
import { dueDuties, dueFastTracks } from './prevention.repository';
import { openCaseDeadlines } from './prevention.tasks.repository';

const NOTICE_TITLES = {
  paakrav: 'tasks.evictionNoticePaakrav',
  ophaevelse: 'tasks.evictionNoticeOphaevelse',
  fogedsag: 'tasks.evictionNoticeFogedsag',
  udsaettelse: 'tasks.evictionNoticeUdsaettelse',
} as const;

/**
 * A notice received is handed to the prevention team (issue 14 §1) until someone acts on it (an
 * action recorded on or after its receipt) or the case closes, due by the date it carries: the
 * påkrav's pay-by date (påkrav + 14 days, lejeloven § 182 / almenlejeloven § 90), the ophævelse
 * date or the eviction date. A household with children under 18 or a known need comes first
 * (severity error), as does a passed date. A bailiff's notice for such a household is § 5 a's
 * "act at once" already and is not listed twice. After the notice is taken up, an eviction date
 * stays a task until the case closes.
 */
async function noticeTasks(trx: Tx, m: string, onDate: string): Promise<Task[]> {
  const tasks: Task[] = [];
  for (const c of await openCaseDeadlines(trx, m)) {
    const urgent = c.children_under_18 || c.known_need;
    const step = stepOf({
      paakravOn: c.paakrav_on,
      terminationOn: c.termination_on,
      bailiffFiledOn: c.bailiff_filed_on,
      evictionDate: c.eviction_date,
      source: c.source,
    });
    const covered = c.source === 'bailiff_court' && urgent;
    if (c.unhandled && !covered) {
      const dueOn =
        step === 'paakrav'
          ? c.paakrav_on && paakravDeadline(c.paakrav_on)
          : step === 'ophaevelse'
            ? c.termination_on
            : c.eviction_date;
      tasks.push({
        id: `eviction_notice:${c.notice_id}`,
        kind: `eviction_notice_${step}`,
        titleKey: dueOn ? NOTICE_TITLES[step] : 'tasks.evictionNotice',
        params: { name: c.tenant_name, address: c.address, dueOn: dueOn ?? '' },
        href: `/udsaettelser/${c.case_id}`,
        dueAt: dueOn ?? null,
        severity: urgent || (dueOn !== null && dueOn < onDate) ? 'error' : 'warning',
      });
    } else if (c.case_eviction_date)
      tasks.push({
        id: `eviction_date:${c.case_id}`,
        kind: 'eviction_date',
        titleKey: c.case_eviction_date < onDate ? 'tasks.evictionDatePassed' : 'tasks.evictionDate',
        params: { name: c.tenant_name, address: c.address, dueOn: c.case_eviction_date },
        href: `/udsaettelser/${c.case_id}`,
        dueAt: c.case_eviction_date,
        severity: urgent || c.case_eviction_date < onDate ? 'error' : 'warning',
      });
  }
  return tasks;
}

/**
 * Retssikkerhedsloven § 5 a in "Mine opgaver" (issue 6 §3), and every notice received with its
 * dates (issue 14 §1, `noticeTasks`): for those who work with prevention,
 * open cases with a bailiff notice whose duty to act at once, or to decide if no help is given, is
 * due; and fast-track requests whose answer is due. Red when overdue. Every due duty is listed: the
 * repository orders them and never cuts the list off.
 */
export const preventionTasks: TaskProvider = async (trx, actor) => {
  if (!actor.permissions.has('prevention.manage')) return [];
  const m = actor.municipalityId;
  const onDate = today();
  const tasks: Task[] = [];
  for (const c of await dueDuties(trx, m, onDate)) {
    const duties = [
      { kind: 'act_at_once', dueOn: c.act_due, titleKey: 'tasks.evictionActAtOnce' },
      { kind: 'decide_no_help', dueOn: c.decide_due, titleKey: 'tasks.evictionDecideNoHelp' },
    ] as const;
    for (const d of duties) {
      // The decision is a task from the day it falls due; acting at once is due from the notice.
      if (d.dueOn === null || (d.kind === 'decide_no_help' && d.dueOn > onDate)) continue;
      const overdue = d.dueOn < onDate;
      tasks.push({
        id: `eviction_${d.kind}:${c.id}`,
        kind: `eviction_${d.kind}`,
        titleKey: d.titleKey,
        params: { name: c.tenant_name, address: c.address, dueOn: d.dueOn },
        href: `/udsaettelser/${c.id}`,
        dueAt: d.dueOn,
        severity: overdue || d.kind === 'act_at_once' ? 'error' : 'warning',
      });
    }
  }
  for (const f of await dueFastTracks(trx, m, onDate))
    tasks.push({
      id: `eviction_fast_track:${f.id}`,
      kind: 'eviction_fast_track',
      titleKey: 'tasks.evictionFastTrackDue',
      params: { name: f.tenant_name, dueOn: f.respond_by ?? '' },
      href: `/udsaettelser/${f.case_id}`,
      dueAt: f.respond_by,
      severity: (f.respond_by ?? '') < onDate ? 'error' : 'warning',
    });
  tasks.push(...(await noticeTasks(trx, m, onDate)));
  return tasks;
};
