import { WAITING_STATUSES } from '../../../shared/allocation/model';
import type { Executor } from '../../db/database';
import { type WaitingFacts, waitingFacts } from './allocation.waiting-spells.repository';

/** A citizen's time on the waiting list: from its waiting-list date to the day it left (null: still on it). */
export interface WaitingSpell {
  citizenId: string;
  from: string;
  to: string | null;
}

/**
 * One application's spell on the waiting list, or null when the day it ended cannot be told. It starts
 * on the waiting-list date and ends on the first status change after it that leaves the waiting
 * statuses (approved, paused), else on the day a home was accepted; an application still waiting
 * has an open spell, and one that has left without a dated change or a letting is not counted.
 */
export function waitingSpellOf(facts: WaitingFacts): WaitingSpell | null {
  const from = facts.waitingSince;
  const left = facts.events.find((e) => e.on >= from && !WAITING_STATUSES.includes(e.to))?.on;
  const let_ = facts.letOn !== null && facts.letOn >= from ? facts.letOn : undefined;
  const to = left ?? let_ ?? (WAITING_STATUSES.includes(facts.status) ? null : undefined);
  return to === undefined ? null : { citizenId: facts.citizenId, from, to };
}

/**
 * Every spell on the waiting list that had begun by `upTo`, for other modules (planning: who was
 * waiting for a home at each month end).
 */
export async function waitingSpells(db: Executor, m: string, upTo: string): Promise<WaitingSpell[]> {
  return (await waitingFacts(db, m, upTo)).flatMap((facts) => waitingSpellOf(facts) ?? []);
}
