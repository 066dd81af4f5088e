import { createHash } from 'node:crypto';
import { today } from '../../../shared/dates';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import type { TenantRunner } from '../../platform/tenant';
import { municipalityProfile } from '../access';
import { readKept, saveKept } from './insight.kept.repository';

/**
 * How long kept figures count as fresh: a dashboard's or committee report's figures are read from
 * every module and take about a second for the largest municipality, so the page says when they
 * were computed and offers to compute them now (ADR 0016). Older ones of the same day are still
 * served at once while they are computed again behind them (ADR 0026).
 */
export const KEPT_FRESH_MS = 5 * 60_000;

/** The transactions kept figures need: the report's (read-only, maybe the replica) and the primary's. */
export interface KeptTransactions {
  /** Computes the figures: a read-only report transaction (ADR 0024). */
  report: TenantRunner;
  /** Reads and keeps the computed figures: a transaction on the primary. */
  primary: TenantRunner;
  /** A computation behind the answer failed: it is logged, the kept figures stay. */
  onBackgroundError: (error: unknown) => void;
}

/**
 * Whether this process is computing figures behind an answer: one at a time, so that views of many
 * municipalities' older figures never pile computations of a second or more onto the database at
 * once (a view while one runs is answered from what is kept, and the next view after it starts the
 * next).
 */
let refreshing = false;

/**
 * Figures of a dashboard or committee report (`kind`, and `parts`: the period), kept in
 * `insight_kept_figures` for every process (ADR 0026) per municipality, date, small-number limit
 * (rule 33 applies a changed limit at once: a new key) and set of permissions:
 * - kept and younger than `KEPT_FRESH_MS`: served;
 * - kept from earlier today: served at once, and computed again behind the answer (the next view
 *   has the new figures; the page shows when they were computed);
 * - none today, or `refresh`: computed now and kept.
 */
export async function keptFigures<T extends object>(
  actor: Actor,
  tx: KeptTransactions,
  o: {
    kind: 'dashboard' | 'committee';
    parts?: readonly string[];
    refresh?: boolean;
    compute: (trx: Tx, c: { asOf: string; limit: number; computedAt: Date }) => Promise<T>;
  },
): Promise<{ figures: T; computedAt: Date }> {
  const asOf = today();
  const m = actor.municipalityId;
  const { limit, key, kept } = await tx.primary(actor, async (trx) => {
    const { suppression_limit: limit } = await municipalityProfile(trx, m);
    const key = keptKey(actor, o.kind, o.parts ?? [], asOf, limit);
    return { limit, key, kept: o.refresh ? undefined : await readKept<T>(trx, m, key) };
  });
  const compute = async () => {
    const computedAt = new Date();
    const figures = await tx.report(actor, (trx) => o.compute(trx, { asOf, limit, computedAt }));
    await tx.primary(actor, (trx) => saveKept(trx, m, key, asOf, computedAt, figures));
    return { figures, computedAt };
  };
  if (!kept) return compute();
  if (Date.now() - kept.computedAt.getTime() >= KEPT_FRESH_MS && !refreshing) {
    refreshing = true;
    compute()
      .catch(tx.onBackgroundError)
      .finally(() => {
        refreshing = false;
      });
  }
  return { figures: kept.body, computedAt: kept.computedAt };
}

/**
 * What kept figures depend on besides the data: what they are, the period, the date, the limit and
 * the set of permissions (as a SHA-256 of the sorted names, so the key stays short however many
 * there are).
 */
function keptKey(actor: Actor, kind: string, parts: readonly string[], asOf: string, limit: number): string {
  const permissions = createHash('sha256')
    .update([...actor.permissions].sort().join(','))
    .digest('hex');
  return [kind, ...parts, asOf, limit, permissions].join('|');
}
