import type { TimelineItem, TimelineProvider } from '../../platform/timeline';
import { scopeOf } from './support.policy';
import { enrollmentSteps, phaseChanges } from './support.repository';

/**
 * Each step of an enrollment on the citizen's timeline (issue 15 §9): start, CTI phase changes and
 * end. Only for users who may read enrollments, and only those of their caseload (need-to-know).
 */
export const supportTimeline: TimelineProvider = async (trx, actor, citizenIds) => {
  if (citizenIds.length === 0 || !actor.permissions.has('support.read')) return [];
  const m = actor.municipalityId;
  const rows = await enrollmentSteps(trx, m, scopeOf(actor), citizenIds);
  if (rows.length === 0) return [];
  const method = new Map(rows.map((r) => [r.id, r.method]));
  const items: TimelineItem[] = [];
  for (const r of rows) {
    // The method is part of the kind: the timeline translates codes only for parameters it knows.
    items.push({ date: r.start_on, kind: `support_started_${r.method}`, params: {} });
    if (r.end_on) items.push({ date: r.end_on, kind: `support_ended_${r.method}`, params: {} });
  }
  for (const p of await phaseChanges(
    trx,
    m,
    rows.map((r) => r.id),
  ))
    if (p.phase !== 'contact_building')
      items.push({
        date: p.from_on,
        kind: `support_${method.get(p.enrollment_id) ?? 'cti'}_${p.phase}`,
        params: {},
      });
  return items;
};
