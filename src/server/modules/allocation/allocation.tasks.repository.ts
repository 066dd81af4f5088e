import { sql } from 'kysely';
import type { Executor } from '../../db/database';

/**
 * Midnight at the start of `since` (the session's time zone, Europe/Copenhagen) as a timestamptz: a
 * timestamptz compared with a timestamptz is leakproof, so row-level security lets the index
 * (migration 0046) use it; compared with a date it is not, and every row of the tenant is read.
 */
const sinceMidnight = (since: string) => sql<Date>`${since}::date::timestamptz`;

/** The queries behind allocation's deadlines in "Mine opgaver" (allocation.tasks.ts). */

/** Applications the given caseworker submitted that the officer has asked more information for. */
export function applicationsNeedingInfo(db: Executor, m: string, submittedBy: string) {
  return db
    .selectFrom('allocation_application as a')
    .innerJoin('citizen as c', 'c.id', 'a.citizen_id')
    .select(['a.id', 'a.updated_at', 'c.given_name', 'c.family_name', 'c.initials'])
    .where('a.municipality_id', '=', m)
    .where('a.status', '=', 'needs_info')
    .where('a.submitted_by', '=', submittedBy)
    .execute();
}

/** Applications to assess, and paused ones whose pause has ended by `onDate`; the oldest first. */
export function applicationsToAssess(db: Executor, m: string, onDate: string) {
  return db
    .selectFrom('allocation_application as a')
    .innerJoin('citizen as c', 'c.id', 'a.citizen_id')
    .select([
      'a.id',
      'a.status',
      'a.paused_until',
      'a.submitted_at',
      'c.given_name',
      'c.family_name',
      'c.initials',
    ])
    .where('a.municipality_id', '=', m)
    .where((eb) =>
      eb.or([
        eb('a.status', '=', 'submitted'),
        eb.and([eb('a.status', '=', 'paused'), eb('a.paused_until', '<=', onDate)]),
      ]),
    )
    .orderBy('a.submitted_at')
    .limit(200)
    .execute();
}

/** Open offers whose reply deadline is on or before `replyBy`. */
export function openOffersDueBy(db: Executor, m: string, replyBy: string) {
  return db
    .selectFrom('offer as f')
    .innerJoin('vacancy as v', 'v.id', 'f.vacancy_id')
    .innerJoin('allocation_application as a', 'a.id', 'f.application_id')
    .innerJoin('citizen as c', 'c.id', 'a.citizen_id')
    .select([
      'f.id',
      'f.reply_by',
      'f.vacancy_id',
      'v.address',
      'c.given_name',
      'c.family_name',
      'c.initials',
    ])
    .where('f.municipality_id', '=', m)
    .where('f.status', '=', 'open')
    .where('f.reply_by', '<=', replyBy)
    .execute();
}

/**
 * Open vacancies that wait for an offer (issue 14 §1): none of their offers is open, so the
 * officers must name a tenant; the nearest naming deadline first.
 */
export function vacanciesWithoutOpenOffer(db: Executor, m: string) {
  return db
    .selectFrom('vacancy as v')
    .select(['v.id', 'v.address', 'v.deadline_on', 'v.reported_via'])
    .where('v.municipality_id', '=', m)
    .where('v.status', '=', 'open')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('offer as f')
            .select('f.id')
            .whereRef('f.vacancy_id', '=', 'v.id')
            .where('f.municipality_id', '=', m)
            .where('f.status', '=', 'open'),
        ),
      ),
    )
    .orderBy('v.deadline_on')
    .orderBy('v.id')
    .limit(200)
    .execute();
}

/**
 * Offers to applicants the given caseworker submitted, made or answered (accepted, declined or
 * expired) on or after `since`: the caseworker's notices.
 */
export function offerEventsForCaseworker(db: Executor, m: string, submittedBy: string, since: string) {
  return db
    .selectFrom('offer as f')
    .innerJoin('vacancy as v', 'v.id', 'f.vacancy_id')
    .innerJoin('allocation_application as a', 'a.id', 'f.application_id')
    .innerJoin('citizen as c', 'c.id', 'a.citizen_id')
    .select([
      'f.id',
      'f.status',
      'f.reply_by',
      'f.application_id',
      'v.address',
      'c.given_name',
      'c.family_name',
      'c.initials',
      sql<boolean>`f.offered_at >= ${since}::date`.as('offered_recently'),
      sql<boolean>`coalesce(f.responded_at >= ${since}::date, false)`.as('answered_recently'),
    ])
    .where('f.municipality_id', '=', m)
    .where('a.submitted_by', '=', submittedBy)
    .where((eb) =>
      eb.or([
        eb('f.offered_at', '>=', sinceMidnight(since)),
        eb.and([
          eb('f.status', 'in', ['accepted', 'declined', 'expired']),
          eb('f.responded_at', '>=', sinceMidnight(since)),
        ]),
      ]),
    )
    .limit(200)
    .execute();
}

/** Approvals and rejections since `since` of applications the given caseworker submitted. */
export function decisionsForCaseworker(db: Executor, m: string, submittedBy: string, since: string) {
  return db
    .selectFrom('application_event as e')
    .innerJoin('allocation_application as a', 'a.id', 'e.application_id')
    .innerJoin('citizen as c', 'c.id', 'a.citizen_id')
    .select(['e.id', 'e.application_id', 'e.to_status', 'c.given_name', 'c.family_name', 'c.initials'])
    .where('e.municipality_id', '=', m)
    .where('a.submitted_by', '=', submittedBy)
    .where('e.action', 'in', ['approve', 'reject'])
    .where('e.at', '>=', sinceMidnight(since))
    .limit(200)
    .execute();
}

/** Tenancies whose move-in is not recorded yet. */
export function tenanciesNotMovedIn(db: Executor, m: string) {
  return db
    .selectFrom('tenancy as t')
    .innerJoin('vacancy as v', 'v.id', 't.vacancy_id')
    .innerJoin('citizen as c', 'c.id', 't.citizen_id')
    .select([
      't.id',
      't.vacancy_id',
      't.lease_signed_on',
      't.planned_move_in_on',
      'v.address',
      'c.given_name',
      'c.family_name',
      'c.initials',
    ])
    .where('t.municipality_id', '=', m)
    .where('t.moved_in_on', 'is', null)
    .execute();
}
