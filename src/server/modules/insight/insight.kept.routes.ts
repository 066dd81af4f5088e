import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { reportTransactions, tenantTransactions } from '../../platform/tenant';
import type { KeptTransactions } from './insight.kept.service';

/** `refresh=true` computes kept figures now instead of serving those computed minutes ago (ADR 0026). */
export const refreshParam = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

/**
 * The transactions of kept figures (ADR 0026): computed in a report's transaction, on the reporting
 * replica when one is configured (ADR 0024), and kept on the primary for every process; a failure
 * behind an answer is logged under `what`.
 */
export function keptTransactions(app: FastifyInstance, what: string): KeptTransactions {
  return {
    report: reportTransactions(app),
    primary: tenantTransactions(app),
    onBackgroundError: (err) => app.log.error({ err }, `${what}: computing behind the answer failed`),
  };
}
