import type { FastifyInstance } from 'fastify';
import { type Tx, withTenant } from '../db/database';
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
