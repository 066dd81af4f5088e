import {
  cohortWindow,
  FIRST_TIME_LOOKBACK_MONTHS,
  RETENTION_MONTHS,
} from '../../../shared/insight/indicators';
import { addMonths } from '../../../shared/support/rules';
import type { Tx } from '../../db/database';
import { approvalToOfferDays, movedInBetween } from '../allocation';
import { homelessnessFacts, situationsOn } from '../citizens';
import { noticeOutcomeFigures } from '../prevention';
import { stayNightsBetween } from '../shelters';
import { caseloadOn } from '../support';
import { agreementSupply } from './insight.supply.repository';

/**
 * The facts of the outcome indicators (issue 18 §3). The insight module has no tables: each figure
 * is one set-based query of the module that owns the data, called through its public entry
 * (docs/ARCHITECTURE.md), so that a period costs the same few statements for a municipality of any
 * size. All in the one tenant transaction.
 */
export async function indicatorFacts(trx: Tx, m: string, from: string, to: string, caseloadOnDate: string) {
  const retentionWindow = cohortWindow(from, to, RETENTION_MONTHS);
  const [homeless, movedIn, waiting, units, evictions, stays, caseload] = await Promise.all([
    homelessnessFacts(trx, m, from, to, FIRST_TIME_LOOKBACK_MONTHS),
    movedInBetween(trx, m, retentionWindow.from, retentionWindow.to),
    approvalToOfferDays(trx, m, from, to),
    agreementSupply(trx, m, from, to),
    noticeOutcomeFigures(trx, m, from, to),
    stayNightsBetween(trx, m, from, to),
    caseloadOn(trx, m, caseloadOnDate),
  ]);
  // The whereabouts in force 12 months after each move-in (housing retention).
  const after = await situationsOn(
    trx,
    m,
    movedIn.map((t) => ({ citizenId: t.citizen_id, onDate: addMonths(t.moved_in_on, RETENTION_MONTHS) })),
  );
  return {
    homeless,
    retention: movedIn.map((t, i) => ({
      movedInOn: t.moved_in_on,
      situation: after[i]?.situation ?? null,
      fromDate: after[i]?.fromDate ?? null,
    })),
    waiting,
    units,
    evictions,
    stays,
    caseload,
  };
}
