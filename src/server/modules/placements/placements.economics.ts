import type { PlacementKind } from '../../../shared/placements/model';
import type { Tx } from '../../db/database';
import * as repo from './placements.repository';

/** A citizen's § 107/§ 108 decision as rule 12 reads it. */
export interface CareDecision {
  kind: PlacementKind;
  decidedOn: string;
  /** The day of the move-in: the recorded start, or else the planned move-in date. */
  moveInOn: string;
}

/**
 * The citizen's latest § 107/§ 108 decision that has not ended, or null (the shelters module's
 * municipal discharge, § 110 stk. 5 / rule 12: "a § 107/108 decision whose move-in date has been
 * reached"). The move-in date is the recorded start when the citizen has moved in, else the
 * planned move-in date of the decision.
 */
export async function careDecisionOf(
  trx: Tx,
  municipalityId: string,
  citizenId: string,
): Promise<CareDecision | null> {
  const row = await repo.latestOpenDecision(trx, municipalityId, citizenId);
  if (!row) return null;
  return {
    kind: row.kind,
    decidedOn: row.decided_on,
    moveInOn: row.started_on ?? row.planned_move_in_on,
  };
}

/** A started placement as the economics module reads it. */
export interface PlacementForEconomics {
  id: string;
  citizenId: string;
  kind: PlacementKind;
  decidedOn: string;
  /** The first day of the stay (the move-in). */
  start: string;
  /** The last day of the stay (the move-out), or null while it goes on. */
  end: string | null;
  /** Kroner per month. */
  monthlyCost: number;
}

/**
 * The placements whose stay overlaps [from, until) — started before `until` and not ended before
 * `from` — for the economics module's costs and the § 176 a stk. 2 refund (a § 107 stay after a
 * § 110 stay, decided before the discharge). Decisions not yet moved into cost nothing and are left
 * out. `end` is the last day of the stay, inclusive.
 */
export async function placementsForEconomics(
  trx: Tx,
  municipalityId: string,
  from: string,
  until: string,
): Promise<PlacementForEconomics[]> {
  const rows = await repo.placementsOverlapping(trx, municipalityId, from, until);
  return rows.map((r) => ({
    id: r.id,
    citizenId: r.citizen_id,
    kind: r.kind,
    decidedOn: r.decided_on,
    start: r.started_on as string,
    end: r.ended_on,
    monthlyCost: Number(r.monthly_cost),
  }));
}
