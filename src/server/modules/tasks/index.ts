import type { ServerModule } from '../../platform/module';
import { tasksRoutes } from './tasks.routes';

/** "Mine opgaver": every module's task providers, merged for the logged-in user. */
export const module: ServerModule = {
  name: 'tasks',
  routes: (app, { taskProviders }) => tasksRoutes(app, { providers: taskProviders }),
};
