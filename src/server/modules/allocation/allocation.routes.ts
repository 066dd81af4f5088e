import type { FastifyInstance } from 'fastify';
import { applicationRoutes } from './allocation.applications.routes';
import { vacancyRoutes } from './allocation.vacancies.routes';

/**
 * Housing allocation: /api/allocation/* (applications, assessment, waiting list, snapshots,
 * vacancies, candidates, census, offers, tenancies, letters, settings) and /api/partner/* (the
 * housing organisations' own departments and vacancies). Each use case's routes are in
 * allocation.<use case>.routes.ts.
 */
export async function allocationRoutes(app: FastifyInstance) {
  await applicationRoutes(app);
  await vacancyRoutes(app);
}
