import type { TaskProvider } from '../../platform/tasks';
import { type AccessSettings, lockedUsers } from './access.service';

/** Administrators see every user of their municipality who is locked out after failed logins. */
export function lockedUserTasks(settings: AccessSettings): TaskProvider {
  return async (trx, actor) => {
    if (!actor.permissions.has('users.manage')) return [];
    const users = await lockedUsers(trx, settings, actor);
    return users.map((u) => ({
      id: `user_locked:${u.id}`,
      kind: 'user_locked',
      titleKey: 'tasks.userLocked',
      params: { username: u.username },
      href: '/admin/brugere',
      dueAt: u.lockedUntil,
      severity: 'warning' as const,
    }));
  };
}
