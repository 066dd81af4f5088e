import { today } from '../../../shared/dates';
import { poolEndsSoon } from '../../../shared/housing/supply';
import type { TaskProvider } from '../../platform/tasks';
import { canHousing } from './housing.policy';
import { poolsEndingFrom } from './housing.repository';

/** A rent-subsidy pool whose period ends within 90 days is a task for those who manage housing (issue 4 §5). */
export const poolEndingTasks: TaskProvider = async (trx, actor) => {
  if (!canHousing(actor, 'see_pool_tasks')) return [];
  const onDate = today();
  const pools = await poolsEndingFrom(trx, actor.municipalityId, onDate);
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
