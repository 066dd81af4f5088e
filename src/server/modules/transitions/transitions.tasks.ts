import { today } from '../../../shared/dates';
import { actionOverdue } from '../../../shared/transitions/rules';
import type { Task, TaskProvider } from '../../platform/tasks';
import { displayName } from '../citizens';
import * as repo from './transitions.repository';

/**
 * Transition plans in "Mine opgaver" (issue 17 §4): every open action of an open plan whose
 * responsible participant is the user is a task until it is marked done; one past its due date is
 * flagged overdue. A query over the data: the task goes when the action is done or the plan closed.
 */
export const transitionsTasks: TaskProvider = async (trx, actor) => {
  if (!actor.permissions.has('transitions.read')) return [];
  const onDate = today();
  const tasks: Task[] = [];
  for (const a of await repo.openActionsOfUser(trx, actor.municipalityId, actor.userId)) {
    const overdue = actionOverdue({ dueOn: a.due_on, doneOn: null }, onDate);
    tasks.push({
      id: `transition_action:${a.id}`,
      kind: overdue ? 'transition_action_overdue' : 'transition_action',
      titleKey: overdue ? 'tasks.transitionActionOverdue' : 'tasks.transitionAction',
      params: { name: displayName(a) ?? '', action: a.description, dueOn: a.due_on },
      href: `/overgange/${a.plan_id}`,
      dueAt: a.due_on,
      severity: overdue ? 'error' : 'info',
    });
  }
  return tasks;
};
