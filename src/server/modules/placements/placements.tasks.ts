import { addDays, today } from '../../../shared/dates';
import { NEXT_STEP_HORIZON_DAYS } from '../../../shared/placements/rules';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import type { Task, TaskProvider } from '../../platform/tasks';
import { citizensWithOpenApplication, tenancyFacts } from '../allocation';
import { displayName } from '../citizens';
import * as repo from './placements.repository';

type Ending = { id: string; citizen_id: string; started_on: string | null };

/**
 * Of the stays ending, the ids of those whose citizen has a next step: a skæv bolig tenancy, an open
 * housing application or an allocated tenancy not yet moved into (or moved into since the stay
 * began), or another placement decided. Four statements for all of them, however many end.
 */
async function withNextStep(trx: Tx, m: string, ending: readonly Ending[]): Promise<Set<string>> {
  const citizens = [...new Set(ending.map((p) => p.citizen_id))];
  // One transaction is one connection: one statement after another.
  const withTenancy = await repo.citizensWithTenancy(trx, m, citizens);
  const openPlacements = await repo.openPlacementsOfCitizens(trx, m, citizens);
  const withApplication = await citizensWithOpenApplication(trx, m, citizens);
  const tenancies = await tenancyFacts(trx, m, citizens);
  const next = new Set<string>();
  for (const p of ending) {
    if (
      withTenancy.has(p.citizen_id) ||
      openPlacements.some((o) => o.citizen_id === p.citizen_id && o.id !== p.id) ||
      withApplication.has(p.citizen_id) ||
      tenancies.some(
        (t) =>
          t.citizen_id === p.citizen_id &&
          (t.moved_in_on === null || (p.started_on !== null && String(t.moved_in_on) >= p.started_on)),
      )
    )
      next.add(p.id);
  }
  return next;
}

/**
 * § 107 / § 108 placements in "Mine opgaver" (issue 16 §6), for the caseworkers who decide them:
 * a § 107 stay (temporary) planned to end within 30 days, or past its planned end, with no next
 * step in place; and a decision whose planned move-in date has passed without a start. Both are
 * queries over the data: the task goes when the next step, the start or the end is recorded.
 */
export const placementsTasks: TaskProvider = async (trx: Tx, actor: Actor) => {
  if (!actor.permissions.has('placements.manage')) return [];
  const m = actor.municipalityId;
  const onDate = today();
  const tasks: Task[] = [];
  const ending = await repo.temporaryEnding(trx, m, addDays(onDate, NEXT_STEP_HORIZON_DAYS));
  const next = await withNextStep(trx, m, ending);
  for (const p of ending) {
    if (next.has(p.id)) continue;
    const endOn = p.planned_end_on as string;
    tasks.push({
      id: `placement_next_step:${p.id}`,
      kind: 'placement_next_step',
      titleKey: 'tasks.placementNextStep',
      params: { name: displayName(p) ?? '', provider: p.provider, endOn },
      href: '/botilbud',
      dueAt: endOn,
      severity: endOn < onDate ? 'error' : 'warning',
    });
  }
  for (const p of await repo.moveInOverdue(trx, m, onDate))
    tasks.push({
      id: `placement_move_in:${p.id}`,
      kind: 'placement_move_in_overdue',
      titleKey: 'tasks.placementMoveInOverdue',
      params: { name: displayName(p) ?? '', provider: p.provider, moveInOn: p.planned_move_in_on },
      href: '/botilbud',
      dueAt: p.planned_move_in_on,
      severity: 'warning',
    });
  return tasks;
};
