import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database';
import type {
  TransitionActionTable,
  TransitionMeetingTable,
  TransitionOfferTable,
  TransitionParticipantTable,
  TransitionPlanOfferTable,
  TransitionPlanTable,
} from './transitions.table';

/** The roles whose users may take part in a plan as Hjemvej users (municipal staff, not partners). */
const STAFF_ROLES = ['caseworker', 'support', 'prevention', 'allocation', 'leader', 'admin'] as const;

const citizenColumns = ['c.given_name', 'c.family_name', 'c.initials', 'c.birth_date'] as const;

// ---- citizens and users ----

/** A citizen of the municipality (not merged away) with name and birth date; undefined if none. */
export function citizen(db: Executor, m: string, citizenId: string) {
  return db
    .selectFrom('citizen as c')
    .select(['c.id', ...citizenColumns])
    .where('c.municipality_id', '=', m)
    .where('c.id', '=', citizenId)
    .where('c.merged_into', 'is', null)
    .executeTakeFirst();
}

/** Citizens born between `bornFrom` and `bornTo` (both included), by name: the young people. */
export function citizensBornBetween(db: Executor, m: string, bornFrom: string, bornTo: string) {
  return db
    .selectFrom('citizen as c')
    .select(['c.id', ...citizenColumns])
    .where('c.municipality_id', '=', m)
    .where('c.merged_into', 'is', null)
    .where('c.birth_date', '>=', bornFrom)
    .where('c.birth_date', '<=', bornTo)
    .orderBy('c.family_name')
    .orderBy('c.given_name')
    .orderBy('c.id')
    .execute();
}

/** The municipality's active staff users, by name. */
export function staff(db: Executor, m: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'role_code'])
    .where('municipality_id', '=', m)
    .where('disabled_at', 'is', null)
    .where('role_code', 'in', STAFF_ROLES)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
}

/** Of the given user ids, those that are active staff users of the municipality. */
export async function staffIds(db: Executor, m: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('municipality_id', '=', m)
    .where('id', 'in', [...ids])
    .where('disabled_at', 'is', null)
    .where('role_code', 'in', STAFF_ROLES)
    .execute();
  return new Set(rows.map((r) => r.id));
}

// ---- plans ----

const planColumns = ['p.id', 'p.citizen_id', 'p.started_on', 'p.wishes', 'p.goals', 'p.closed_on'] as const;

export function plan(db: Executor, m: string, planId: string) {
  return db
    .selectFrom('transition_plan as p')
    .innerJoin('citizen as c', 'c.id', 'p.citizen_id')
    .select([...planColumns, ...citizenColumns])
    .where('p.municipality_id', '=', m)
    .where('p.id', '=', planId)
    .executeTakeFirst();
}
export type PlanHead = Awaited<ReturnType<typeof plan>>;

/** Locks the plan's row for the rest of the transaction (changes to one plan queue). */
export async function lockPlan(db: Executor, m: string, planId: string): Promise<void> {
  await db
    .selectFrom('transition_plan')
    .select('id')
    .where('municipality_id', '=', m)
    .where('id', '=', planId)
    .forUpdate()
    .execute();
}

/**
 * The open plans, with the citizen (all of them, or those of the given ids), by the young person's
 * name.
 */
export function openPlans(db: Executor, m: string, only: readonly string[] | null) {
  let q = db
    .selectFrom('transition_plan as p')
    .innerJoin('citizen as c', 'c.id', 'p.citizen_id')
    .select([...planColumns, ...citizenColumns])
    .where('p.municipality_id', '=', m)
    .where('p.closed_on', 'is', null);
  if (only !== null) {
    if (only.length === 0) return Promise.resolve([]);
    q = q.where('p.id', 'in', [...only]);
  }
  return q.orderBy('c.family_name').orderBy('c.given_name').orderBy('p.id').limit(1000).execute();
}

/** The open plan of a citizen, if any. */
export function openPlanOf(db: Executor, m: string, citizenId: string) {
  return db
    .selectFrom('transition_plan')
    .select('id')
    .where('municipality_id', '=', m)
    .where('citizen_id', '=', citizenId)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
}

/** The open plans of the given citizens (a support worker's caseload). */
export async function openPlanIdsOfCitizens(db: Executor, m: string, citizenIds: readonly string[]) {
  if (citizenIds.length === 0) return [];
  const rows = await db
    .selectFrom('transition_plan')
    .select('id')
    .where('municipality_id', '=', m)
    .where('citizen_id', 'in', [...citizenIds])
    .where('closed_on', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** The open plans in which the user takes part as a Hjemvej user. */
export async function openPlanIdsOfUser(db: Executor, m: string, userId: string) {
  const rows = await db
    .selectFrom('transition_participant as t')
    .innerJoin('transition_plan as p', 'p.id', 't.plan_id')
    .select('p.id')
    .distinct()
    .where('t.municipality_id', '=', m)
    .where('t.user_id', '=', userId)
    .where('p.closed_on', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** The citizens of the municipality's open plans. */
export async function openPlanCitizenIds(db: Executor, m: string) {
  const rows = await db
    .selectFrom('transition_plan')
    .select('citizen_id')
    .where('municipality_id', '=', m)
    .where('closed_on', 'is', null)
    .execute();
  return rows.map((r) => r.citizen_id);
}

/** A new plan; undefined when the young person has an open plan already (the partial unique index decides). */
export function insertPlan(db: Executor, values: Insertable<TransitionPlanTable>) {
  return db
    .insertInto('transition_plan')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** Closes an open plan; false when it was closed already. */
export async function closePlan(db: Executor, m: string, planId: string, closedOn: string) {
  const r = await db
    .updateTable('transition_plan')
    .set({ closed_on: closedOn })
    .where('municipality_id', '=', m)
    .where('id', '=', planId)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---- participants ----

/** A plan's participants with the name of a Hjemvej user, in the order they were added. */
export function participantsOf(db: Executor, m: string, planIds: readonly string[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('transition_participant as t')
    .leftJoin('app_user as u', 'u.id', 't.user_id')
    .select(['t.id', 't.plan_id', 't.kind', 't.user_id', 't.name', 't.organisation', 'u.display_name'])
    .where('t.municipality_id', '=', m)
    .where('t.plan_id', 'in', [...planIds])
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
}

export function insertParticipants(db: Executor, values: Insertable<TransitionParticipantTable>[]) {
  return db.insertInto('transition_participant').values(values).returning('id').execute();
}

// ---- meetings ----

export function meetingsOf(db: Executor, m: string, planIds: readonly string[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('transition_meeting')
    .select(['id', 'plan_id', 'held_on', 'young_person_view', 'decisions', 'recorded_at'])
    .where('municipality_id', '=', m)
    .where('plan_id', 'in', [...planIds])
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export function meeting(db: Executor, m: string, meetingId: string) {
  return db
    .selectFrom('transition_meeting')
    .select(['id', 'plan_id', 'held_on', 'recorded_at'])
    .where('municipality_id', '=', m)
    .where('id', '=', meetingId)
    .executeTakeFirst();
}

export function attendeesOf(db: Executor, m: string, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('transition_meeting_attendee')
    .select(['meeting_id', 'participant_id'])
    .where('municipality_id', '=', m)
    .where('meeting_id', 'in', [...meetingIds])
    .execute();
}

export function insertMeeting(db: Executor, values: Insertable<TransitionMeetingTable>) {
  return db.insertInto('transition_meeting').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Records a planned meeting; false when it had been recorded already. */
export async function recordMeeting(
  db: Executor,
  m: string,
  meetingId: string,
  values: { young_person_view: string; decisions: string | null; recorded_by: string },
) {
  const r = await db
    .updateTable('transition_meeting')
    .set({ ...values, recorded_at: sql<Date>`now()` })
    .where('municipality_id', '=', m)
    .where('id', '=', meetingId)
    .where('recorded_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertAttendees(db: Executor, m: string, meetingId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  await db
    .insertInto('transition_meeting_attendee')
    .values(ids.map((participant_id) => ({ municipality_id: m, meeting_id: meetingId, participant_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

// ---- actions ----

export function actionsOf(db: Executor, m: string, planIds: readonly string[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('transition_action')
    .select(['id', 'plan_id', 'meeting_id', 'description', 'responsible_id', 'due_on', 'done_on'])
    .where('municipality_id', '=', m)
    .where('plan_id', 'in', [...planIds])
    .orderBy('due_on')
    .orderBy('created_at')
    .execute();
}

export function action(db: Executor, m: string, actionId: string) {
  return db
    .selectFrom('transition_action')
    .select(['id', 'plan_id', 'done_on'])
    .where('municipality_id', '=', m)
    .where('id', '=', actionId)
    .executeTakeFirst();
}

export function insertActions(db: Executor, values: Insertable<TransitionActionTable>[]) {
  if (values.length === 0) return Promise.resolve([]);
  return db.insertInto('transition_action').values(values).returning('id').execute();
}

/** Marks an action done; false when it had been done already. */
export async function markActionDone(db: Executor, m: string, actionId: string, doneOn: string) {
  const r = await db
    .updateTable('transition_action')
    .set({ done_on: doneOn })
    .where('municipality_id', '=', m)
    .where('id', '=', actionId)
    .where('done_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The open actions of open plans for which the user is the responsible participant, with the young person. */
export function openActionsOfUser(db: Executor, m: string, userId: string) {
  return db
    .selectFrom('transition_action as a')
    .innerJoin('transition_participant as t', 't.id', 'a.responsible_id')
    .innerJoin('transition_plan as p', 'p.id', 'a.plan_id')
    .innerJoin('citizen as c', 'c.id', 'p.citizen_id')
    .select(['a.id', 'a.plan_id', 'a.description', 'a.due_on', ...citizenColumns])
    .where('a.municipality_id', '=', m)
    .where('t.user_id', '=', userId)
    .where('a.done_on', 'is', null)
    .where('p.closed_on', 'is', null)
    .orderBy('a.due_on')
    .execute();
}

// ---- the catalogue of youth offers ----

const offerColumns = [
  'id',
  'kind',
  'name',
  'provider',
  'min_age',
  'max_age',
  'contact',
  'description',
] as const;

export function offers(db: Executor, m: string) {
  return db
    .selectFrom('transition_offer')
    .select([...offerColumns])
    .where('municipality_id', '=', m)
    .orderBy('kind')
    .orderBy('name')
    .execute();
}

export function offer(db: Executor, m: string, offerId: string) {
  return db
    .selectFrom('transition_offer')
    .select([...offerColumns])
    .where('municipality_id', '=', m)
    .where('id', '=', offerId)
    .executeTakeFirst();
}

/** A new offer; undefined when the municipality has an offer of that name already. */
export function insertOffer(db: Executor, values: Insertable<TransitionOfferTable>) {
  return db
    .insertInto('transition_offer')
    .values(values)
    .onConflict((oc) => oc.columns(['municipality_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** Changes an offer; 'missing' when there is none, 'taken' when another offer has the name. */
export async function updateOffer(
  db: Executor,
  m: string,
  offerId: string,
  values: Omit<Insertable<TransitionOfferTable>, 'municipality_id' | 'id'>,
): Promise<'ok' | 'missing' | 'taken'> {
  const clash = await db
    .selectFrom('transition_offer')
    .select('id')
    .where('municipality_id', '=', m)
    .where('name', '=', values.name)
    .where('id', '<>', offerId)
    .executeTakeFirst();
  if (clash) return 'taken';
  const r = await db
    .updateTable('transition_offer')
    .set(values)
    .where('municipality_id', '=', m)
    .where('id', '=', offerId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0 ? 'ok' : 'missing';
}

/** The offers the plans' young people have, with the catalogue's name and provider. */
export function planOffersOf(db: Executor, m: string, planIds: readonly string[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('transition_plan_offer as po')
    .innerJoin('transition_offer as o', 'o.id', 'po.offer_id')
    .select([
      'po.id',
      'po.plan_id',
      'po.offer_id',
      'o.kind',
      'o.name',
      'o.provider',
      'po.from_date',
      'po.to_date',
    ])
    .where('po.municipality_id', '=', m)
    .where('po.plan_id', 'in', [...planIds])
    .orderBy('po.from_date', 'desc')
    .execute();
}

export function planOffer(db: Executor, m: string, id: string) {
  return db
    .selectFrom('transition_plan_offer')
    .select(['id', 'plan_id', 'from_date', 'to_date'])
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertPlanOffer(db: Executor, values: Insertable<TransitionPlanOfferTable>) {
  return db.insertInto('transition_plan_offer').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Ends an offer the young person has; false when it had an end already. */
export async function endPlanOffer(db: Executor, m: string, id: string, toDate: string) {
  const r = await db
    .updateTable('transition_plan_offer')
    .set({ to_date: toDate })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('to_date', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
