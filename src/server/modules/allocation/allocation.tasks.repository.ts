import type { Executor } from '../../db/database';

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

/** Open vacancies whose deadline to name a tenant is on or before `deadlineOn`. */
export function openVacanciesDueBy(db: Executor, m: string, deadlineOn: string) {
  return db
    .selectFrom('vacancy')
    .select(['id', 'address', 'deadline_on'])
    .where('municipality_id', '=', m)
    .where('status', '=', 'open')
    .where('deadline_on', '<=', deadlineOn)
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
