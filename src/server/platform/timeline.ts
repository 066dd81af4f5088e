import type { Tx } from '../db/database';
import type { Actor } from './actor';

/** One thing that happened to a citizen. The web translates `timeline.<kind>` with `params`. */
export interface TimelineItem {
  date: string;
  kind: string;
  params: Record<string, string | number | null>;
}

/**
 * A later module's contribution to a citizen's timeline (offers, notices, stays…): events about
 * the given citizen ids (the citizen and any records merged into it), in the actor's tenant.
 */
export type TimelineProvider = (
  trx: Tx,
  actor: Actor,
  citizenIds: readonly string[],
) => Promise<TimelineItem[]>;
