import { section5aDuties } from '../../../shared/prevention/clocks';
import { today } from '../citizens/citizens.service';
import type { Task, TaskProvider } from '../tasks/tasks.service';

/**
 * Retssikkerhedsloven § 5 a in "Mine opgaver" (issue 6 §3): for those who work with prevention,
 * open cases with a bailiff notice whose duty to act at once, or to decide if no help is given, is
 * due; and fast-track requests whose answer is due. Red when overdue.
 */
export const preventionTasks: TaskProvider = async (trx, actor) => {
  if (!actor.permissions.has('prevention.manage')) return [];
  const m = actor.municipalityId;
  const onDate = today();
  const cases = await trx
    .selectFrom('eviction_case as c')
    .innerJoin('eviction_notice as n', (j) =>
      j.onRef('n.case_id', '=', 'c.id').on('n.source', '=', 'bailiff_court'),
    )
    .select([
      'c.id',
      'c.tenant_name',
      'c.address',
      'c.children_under_18',
      'c.known_need',
      'c.no_help_decision_on',
    ])
    .select((eb) => eb.fn.min('n.received_on').as('bailiff_on'))
    .where('c.municipality_id', '=', m)
    .where('c.status', '=', 'open')
    .groupBy([
      'c.id',
      'c.tenant_name',
      'c.address',
      'c.children_under_18',
      'c.known_need',
      'c.no_help_decision_on',
    ])
    .limit(500)
    .execute();
  const ids = cases.map((c) => c.id);
  const actions = ids.length
    ? await trx
        .selectFrom('eviction_action')
        .select(['case_id', 'kind', 'done_on', 'respond_by', 'responded_on', 'id'])
        .where('municipality_id', '=', m)
        .where('case_id', 'in', ids)
        .execute()
    : [];
  const tasks: Task[] = [];
  for (const c of cases) {
    const duties = section5aDuties(
      {
        bailiffNoticeOn: c.bailiff_on as string,
        childrenUnder18: c.children_under_18,
        knownNeed: c.known_need,
        actions: actions.filter((a) => a.case_id === c.id).map((a) => ({ kind: a.kind, doneOn: a.done_on })),
        noHelpDecisionOn: c.no_help_decision_on,
        eviction: { date: null },
        closed: false,
      },
      onDate,
    );
    for (const d of duties) {
      if (d.kind === 'decide_no_help' && !d.overdue && d.dueOn > onDate) continue;
      tasks.push({
        id: `eviction_${d.kind}:${c.id}`,
        kind: `eviction_${d.kind}`,
        titleKey: d.kind === 'act_at_once' ? 'tasks.evictionActAtOnce' : 'tasks.evictionDecideNoHelp',
        params: { name: c.tenant_name, address: c.address, dueOn: d.dueOn },
        href: `/udsaettelser/${c.id}`,
        dueAt: d.dueOn,
        severity: d.overdue || d.kind === 'act_at_once' ? 'error' : 'warning',
      });
    }
  }
  const fastTracks = await trx
    .selectFrom('eviction_action as a')
    .innerJoin('eviction_case as c', 'c.id', 'a.case_id')
    .select(['a.id', 'a.case_id', 'a.respond_by', 'c.tenant_name'])
    .where('a.municipality_id', '=', m)
    .where('a.kind', '=', 'fast_track')
    .where('a.responded_on', 'is', null)
    .where('c.status', '=', 'open')
    .where('a.respond_by', '<=', onDate)
    .limit(200)
    .execute();
  for (const f of fastTracks)
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
