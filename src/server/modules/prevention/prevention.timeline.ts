import type { TimelineItem, TimelineProvider } from '../../platform/timeline';
import { timelineActions, timelineNotices, timelineRows } from './prevention.repository';

/** Notices, actions and the outcome of eviction cases on the citizen's timeline (issue 6 §2). */
export const preventionTimeline: TimelineProvider = async (trx, actor, citizenIds) => {
  if (citizenIds.length === 0) return [];
  const m = actor.municipalityId;
  const cases = await timelineRows(trx, m, citizenIds);
  if (cases.length === 0) return [];
  const ids = cases.map((c) => c.id);
  const items: TimelineItem[] = [];
  const address = new Map(cases.map((c) => [c.id, c.address]));
  const notices = await timelineNotices(trx, m, ids);
  for (const n of notices)
    items.push({
      date: n.received_on,
      kind: 'notice_received',
      params: { address: address.get(n.case_id) ?? '' },
    });
  const actions = await timelineActions(trx, m, ids);
  for (const a of actions)
    items.push({ date: a.done_on, kind: 'eviction_action', params: { action: a.kind } });
  for (const c of cases)
    if (c.outcome && c.outcome_on)
      items.push({ date: c.outcome_on, kind: 'eviction_outcome', params: { outcome: c.outcome } });
  return items;
};
