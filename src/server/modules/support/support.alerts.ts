import { addDays } from '../../../shared/dates';
import { addMonths } from '../../../shared/support/rules';
import type { Tx } from '../../db/database';
import { tenancyFacts } from '../allocation';
import { displayName } from '../citizens';
import { openNoticesOfCitizens } from '../prevention';
import * as repo from './support.repository';

/** How long an alert about an enrollment stays in "Mine opgaver" unless marked read. */
export const ENROLLMENT_ALERT_DAYS = 30;

/**
 * Something that happened to a citizen in an enrollment that the people around the citizen must
 * know (issue 15 §7): an eviction notice while the enrollment is active, or the enrollment ended
 * while the citizen had been in the home less than 12 months.
 */
export type EnrollmentAlert =
  | {
      kind: 'eviction_notice';
      /** Stable across requests: the notice and the enrollment. */
      key: string;
      citizenId: string;
      enrollmentId: string;
      name: string;
      receivedOn: string;
    }
  | {
      kind: 'ended_early';
      key: string;
      citizenId: string;
      enrollmentId: string;
      name: string;
      endOn: string;
      movedInOn: string;
    };

/**
 * The alerts of the enrollments in a scope (a worker's caseload, or all of the municipality's)
 * from the last {@link ENROLLMENT_ALERT_DAYS} days, optionally only for some citizens; `active`:
 * the scope's active enrollments when the caller has read them already.
 */
export async function enrollmentAlerts(
  trx: Tx,
  m: string,
  scope: repo.Scope,
  onDate: string,
  {
    citizenIds,
    active: known,
  }: { citizenIds?: readonly string[]; active?: readonly repo.EnrollmentRow[] } = {},
): Promise<EnrollmentAlert[]> {
  if (citizenIds?.length === 0) return [];
  const since = addDays(onDate, -ENROLLMENT_ALERT_DAYS);
  const active =
    known ??
    (await repo.enrollments(trx, m, scope, { active: true, onDate, ...(citizenIds ? { citizenIds } : {}) }));
  const alerts: EnrollmentAlert[] = [];
  const byCitizen = new Map(active.map((e) => [e.citizen_id, e]));
  for (const n of await openNoticesOfCitizens(trx, m, [...byCitizen.keys()])) {
    const e = n.citizen_id ? byCitizen.get(n.citizen_id) : undefined;
    if (!e || n.received_on < since) continue;
    alerts.push({
      kind: 'eviction_notice',
      key: `${n.notice_id}:${e.id}`,
      citizenId: e.citizen_id,
      enrollmentId: e.id,
      name: displayName(e) ?? '',
      receivedOn: n.received_on,
    });
  }
  const wanted = citizenIds ? new Set(citizenIds) : null;
  const ended = (await repo.endedSince(trx, m, scope, since)).filter(
    (e) => !wanted || wanted.has(e.citizen_id),
  );
  const tenancies = await tenancyFacts(
    trx,
    m,
    ended.map((e) => e.citizen_id),
  );
  for (const e of ended) {
    const endOn = e.end_on as string;
    const movedIn = tenancies
      .filter((t) => t.citizen_id === e.citizen_id && t.moved_in_on && t.moved_in_on <= endOn)
      .map((t) => t.moved_in_on as string)
      .sort()
      .at(-1);
    if (!movedIn || movedIn <= addMonths(endOn, -12)) continue;
    alerts.push({
      kind: 'ended_early',
      key: e.id,
      citizenId: e.citizen_id,
      enrollmentId: e.id,
      name: displayName(e) ?? '',
      endOn,
      movedInOn: movedIn,
    });
  }
  return alerts;
}

/**
 * For other modules (plans: the coordinator hears of them too): the enrollment alerts of the given
 * citizens, across the municipality of the transaction.
 */
export function enrollmentAlertsOfCitizens(
  trx: Tx,
  m: string,
  onDate: string,
  citizenIds: readonly string[],
): Promise<EnrollmentAlert[]> {
  return enrollmentAlerts(trx, m, { all: true }, onDate, { citizenIds });
}
