import { danishDateOf } from '../../../shared/dates';
import type { TimelineItem, TimelineProvider } from '../../platform/timeline';
import * as repo from './plans.repository';

const dateOf = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : danishDateOf(d));

/**
 * Each step of the coherent plan on the citizen's timeline: the plan made (with its coordinator),
 * actions set and done, reviews held, the citizen's participation, sharing with a department;
 * benefit sanctions and stops; deposit-loan and § 81 cases opened and decided.
 */
export const plansTimeline: TimelineProvider = async (trx, actor, citizenIds) => {
  if (citizenIds.length === 0) return [];
  const m = actor.municipalityId;
  const items: TimelineItem[] = [];
  const plans = await repo.timelinePlans(trx, m, citizenIds);
  for (const p of plans) {
    items.push({ date: p.started_on, kind: 'plan_created', params: { coordinator: p.coordinator_name } });
    if (p.closed_on) items.push({ date: p.closed_on, kind: 'plan_closed', params: {} });
  }
  const ids = plans.map((p) => p.id);
  if (ids.length) {
    for (const a of await repo.timelineActions(trx, m, ids)) {
      items.push({
        date: dateOf(a.created_at),
        kind: 'plan_action_added',
        params: { department: a.department, text: a.description },
      });
      if (a.done_on)
        items.push({
          date: a.done_on,
          kind: 'plan_action_done',
          params: { department: a.department, text: a.description },
        });
    }
    for (const r of await repo.timelineReviews(trx, m, ids))
      if (r.held_on) items.push({ date: r.held_on, kind: 'plan_review_held', params: {} });
    for (const p of await repo.timelineParticipation(trx, m, ids))
      items.push({ date: p.participated_on, kind: 'plan_participation', params: {} });
    for (const s of await repo.timelineShares(trx, m, ids))
      items.push({ date: s.shared_on, kind: 'plan_shared', params: { department: s.department } });
  }
  for (const s of await repo.timelineSanctions(trx, m, citizenIds))
    items.push({
      date: s.effective_on,
      kind: s.kind === 'stop' ? 'benefit_stop' : 'benefit_sanction',
      params: {},
    });
  for (const d of await repo.timelineDepositCases(trx, m, citizenIds)) {
    items.push({ date: d.opened_on, kind: `${d.kind}_opened`, params: {} });
    if (d.decided_on && d.outcome)
      items.push({ date: d.decided_on, kind: `${d.kind}_${d.outcome}`, params: {} });
  }
  return items;
};
