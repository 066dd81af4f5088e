import type { ServerModule } from '../../platform/module';
import * as m0014 from './migrations/2026-12-03-0014-tasks-notices';
import * as m0015 from './migrations/2026-12-03-0015-tasks-digest';
import { digestJob } from './tasks.digest';
import { digestRoutes } from './tasks.digest.routes';
import { tasksRoutes } from './tasks.routes';

/** "Mine opgaver": every module's task providers, merged for the logged-in user. */
export const module: ServerModule = {
  name: 'tasks',
  routes: async (app, { taskProviders, config }) => {
    await tasksRoutes(app, { providers: taskProviders });
    await digestRoutes(app, { config, providers: taskProviders });
  },
  migrations: { '2026-12-03-0014-tasks-notices': m0014, '2026-12-03-0015-tasks-digest': m0015 },
  jobs: (db, log, context) => [digestJob(db, log, context)],
};
