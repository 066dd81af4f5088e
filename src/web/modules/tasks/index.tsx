import { RequireAuth } from '../../components/require-auth';
import type { WebModule } from '../module';
import { HomePage } from './tasks.page';

/** "Mine opgaver", the start page. */
export const tasksModule: WebModule = {
  name: 'tasks',
  routes: [
    {
      element: <RequireAuth />,
      children: [{ index: true, element: <HomePage /> }],
    },
  ],
  nav: [{ to: '/', labelKey: 'nav.tasks', permission: 'tasks.read' }],
};

// What other modules may use (they import this folder, never its files).
export { PageTasks } from './page-tasks';
export { TASKS_KEY } from './tasks.api';
