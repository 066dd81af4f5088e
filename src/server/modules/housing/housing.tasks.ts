import { today } from '../../../shared/dates';
import { poolEndsSoon } from '../../../shared/housing/supply';
import type { TaskProvider } from '../tasks/tasks.service';

/** A rent-subsidy pool whose period ends within 90 days is a task for those who manage housing (issue 4 §5). */
export const poolEndingTasks: TaskProvider = async (trx, actor) => {
  if (!actor.permissions.has('housing.manage')) return [];
  const onDate = today();
  const pools = await trx
    .selectFrom('subsidy_pool')
    .select(['id', 'name', 'valid_to'])
    .where('municipality_id', '=', actor.municipalityId)
    .where('valid_to', '>=', onDate)
    .execute();
  return pools
    .filter((p) => poolEndsSoon(p.valid_to, onDate))
    .map((p) => ({
      id: `subsidy_pool_ending:${p.id}`,
      kind: 'subsidy_pool_ending',
      titleKey: 'tasks.subsidyPoolEnding',
      params: { name: p.name, validTo: p.valid_to ?? '' },
      href: '/boliger/puljer',
      dueAt: p.valid_to,
      severity: 'warning' as const,
    }));
};
