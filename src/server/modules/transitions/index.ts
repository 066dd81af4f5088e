import '../../../shared/transitions/errors';
import '../../../shared/transitions/permissions';
import type { ServerModule } from '../../platform/module';
import * as m0029 from './migrations/2026-12-05-0029-transitions';
import { transitionsPersonalData } from './transitions.personal-data';
import { transitionsRoutes } from './transitions.routes';
import { seedDemoTransitions } from './transitions.seed';
import { transitionsTasks } from './transitions.tasks';

/**
 * Transitions into adult life (issue 17 §4–5): one transition plan per young person aged 15–29
 * with the young person's wishes and dreams first, participants across the child and adult areas,
 * meetings with decisions and actions (in "Mine opgaver"), and the catalogue of youth offers with
 * the offers each young person has.
 */
export const module: ServerModule = {
  name: 'transitions',
  personalData: transitionsPersonalData,
  routes: (app) => transitionsRoutes(app),
  tasks: () => [transitionsTasks],
  migrations: { '2026-12-05-0029-transitions': m0029 },
  // The catalogue of youth offers and a few plans for young people of the by-name list.
  seedDemo: seedDemoTransitions,
};
