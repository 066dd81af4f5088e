import type { FastifyInstance } from 'fastify';
import { type Tx, withReportingTenant, withTenant } from '../db/database';
import type { Actor } from './actor';

/** Runs a use case in one transaction bound to the actor's municipality (row-level security). */
export type TenantRunner = <T>(
  actor: Pick<Actor, 'municipalityId'>,
  fn: (trx: Tx) => Promise<T>,
) => Promise<T>;

/**
 * The tenant transaction every route handler opens: one service call is one transaction, bound to
 * the acting user's municipality on the app role.
 */
export function tenantTransactions(app: FastifyInstance): TenantRunner {
  return (actor, fn) => withTenant(app.db.app, actor.municipalityId, fn);
}

/**
 * The read-only tenant transaction of a report, dashboard or export that reads aggregates and
 * writes nothing (no audit row either): on the reporting replica while one is configured and
 * answers, else on the primary (ADR 0024). A route opts in by using it instead of
 * `tenantTransactions`; a write in it fails on every database, replica or not.
 */
export function reportTransactions(app: FastifyInstance): TenantRunner {
  return (actor, fn) => withReportingTenant(app.db, actor.municipalityId, fn);
}
