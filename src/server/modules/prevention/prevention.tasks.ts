import { today } from '../../../shared/dates';
import type { Task, TaskProvider } from '../../platform/tasks';
import { dueDuties, dueFastTracks } from './prevention.repository';

/**
 * Retssikkerhedsloven § 5 a in "Mine opgaver" (issue 6 §3): for those who work with prevention,
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
  return tasks;
};
