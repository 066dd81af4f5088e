import type { TimelineItem, TimelineProvider } from '../citizens/citizens.timeline';

/** Notices, actions and the outcome of eviction cases on the citizen's timeline (issue 6 §2). */
export const preventionTimeline: TimelineProvider = async (trx, actor, citizenIds) => {
  if (citizenIds.length === 0) return [];
  const m = actor.municipalityId;
  const cases = await trx
    .selectFrom('eviction_case')
    .select(['id', 'address', 'outcome', 'outcome_on'])
    .where('municipality_id', '=', m)
    .where('citizen_id', 'in', [...citizenIds])
    .execute();
  if (cases.length === 0) return [];
  const ids = cases.map((c) => c.id);
  const items: TimelineItem[] = [];
  const address = new Map(cases.map((c) => [c.id, c.address]));
  const notices = await trx
    .selectFrom('eviction_notice')
    .select(['case_id', 'received_on'])
    .where('municipality_id', '=', m)
    .where('case_id', 'in', ids)
    .execute();
  for (const n of notices)
    items.push({
      date: n.received_on,
      kind: 'notice_received',
      params: { address: address.get(n.case_id) ?? '' },
    });
  const actions = await trx
    .selectFrom('eviction_action')
    .select(['kind', 'done_on'])
    .where('municipality_id', '=', m)
    .where('case_id', 'in', ids)
    .execute();
  for (const a of actions)
    items.push({ date: a.done_on, kind: 'eviction_action', params: { action: a.kind } });
  for (const c of cases)
    if (c.outcome && c.outcome_on)
      items.push({ date: c.outcome_on, kind: 'eviction_outcome', params: { outcome: c.outcome } });
  return items;
};
