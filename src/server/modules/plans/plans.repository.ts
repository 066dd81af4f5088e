import { type Insertable, sql } from 'kysely';
import type { CloseReason } from '../../../shared/plans/model';
import type { Executor } from '../../db/database';
import type {
  BenefitSanctionTable,
  CoherentPlanTable,
  DepositCaseTable,
  PlanActionTable,
  PlanGoalTable,
  PlanParticipationTable,
  PlanReviewTable,
  PlanShareTable,
} from './plans.table';

/** The roles that may coordinate a plan or own one of its actions (municipal staff, not partners). */
const STAFF_ROLES = ['caseworker', 'support', 'prevention', 'allocation', 'leader', 'admin'] as const;

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

/** One active staff user of the municipality, or undefined. */
export function staffMember(db: Executor, m: string, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('municipality_id', '=', m)
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .where('role_code', 'in', STAFF_ROLES)
    .executeTakeFirst();
}

/** A citizen of the municipality (not merged away), with the name columns; undefined if none. */
export function citizen(db: Executor, m: string, citizenId: string) {
  return db
    .selectFrom('citizen')
    .select(['id', 'given_name', 'family_name', 'initials'])
    .select(sql<string | null>`cur_situation`.as('cur_situation'))
    .where('municipality_id', '=', m)
    .where('id', '=', citizenId)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
}

// ---- plans ----

export function insertPlan(db: Executor, values: Insertable<CoherentPlanTable>) {
  return db.insertInto('coherent_plan').values(values).returning('id').executeTakeFirstOrThrow();
}

const planWithNames = (db: Executor, m: string) =>
  db
    .selectFrom('coherent_plan as p')
    .innerJoin('citizen as c', 'c.id', 'p.citizen_id')
    .innerJoin('app_user as u', 'u.id', 'p.coordinator_id')
    .select([
      'p.id',
      'p.citizen_id',
      'p.coordinator_id',
      'p.started_on',
      'p.status',
      'p.closed_on',
      'p.closed_reason',
      'p.closed_note',
      'c.given_name',
      'c.family_name',
      'c.initials',
      'u.display_name as coordinator_name',
    ])
    .where('p.municipality_id', '=', m);

export type PlanHead = Awaited<ReturnType<typeof planHead>>;

/** A plan with its citizen's and coordinator's names. */
export function planHead(db: Executor, m: string, planId: string) {
  return planWithNames(db, m).where('p.id', '=', planId).executeTakeFirst();
}

/** The citizen's active plan, if any. */
export function activePlanOf(db: Executor, m: string, citizenId: string) {
  return planWithNames(db, m)
    .where('p.citizen_id', '=', citizenId)
    .where('p.status', '=', 'active')
    .executeTakeFirst();
}

/** Whether the user owns an action of the plan. */
export async function ownsActionOf(db: Executor, m: string, planId: string, userId: string) {
  const r = await db
    .selectFrom('plan_action')
    .select('id')
    .where('municipality_id', '=', m)
    .where('plan_id', '=', planId)
    .where('owner_user_id', '=', userId)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

export function goalsOf(db: Executor, m: string, planId: string) {
  return db
    .selectFrom('plan_goal')
    .select(['id', 'text', 'created_on', 'achieved_on'])
    .where('municipality_id', '=', m)
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function actionsOf(db: Executor, m: string, planId: string) {
  return db
    .selectFrom('plan_action')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('plan_id', '=', planId)
    .orderBy('due_on')
    .orderBy('id')
    .execute();
}

export function reviewsOf(db: Executor, m: string, planId: string) {
  return db
    .selectFrom('plan_review')
    .select(['id', 'review_on', 'held_on', 'note'])
    .where('municipality_id', '=', m)
    .where('plan_id', '=', planId)
    .orderBy('review_on')
    .orderBy('id')
    .execute();
}

export function participationOf(db: Executor, m: string, planId: string) {
  return db
    .selectFrom('plan_participation')
    .select(['id', 'participated_on', 'how', 'note'])
    .where('municipality_id', '=', m)
    .where('plan_id', '=', planId)
    .orderBy('participated_on', 'desc')
    .orderBy('id')
    .execute();
}

export function sharesOf(db: Executor, m: string, planId: string) {
  return db
    .selectFrom('plan_share as s')
    .leftJoin('app_user as u', 'u.id', 's.shared_by')
    .select(['s.id', 's.department', 's.shared_on', 'u.display_name as shared_by_name'])
    .where('s.municipality_id', '=', m)
    .where('s.plan_id', '=', planId)
    .orderBy('s.shared_on')
    .orderBy('s.id')
    .execute();
}

export function insertGoal(db: Executor, values: Insertable<PlanGoalTable>) {
  return db.insertInto('plan_goal').values(values).returning('id').executeTakeFirstOrThrow();
}

export function goalOf(db: Executor, m: string, planId: string, goalId: string) {
  return db
    .selectFrom('plan_goal')
    .select('id')
    .where('municipality_id', '=', m)
    .where('plan_id', '=', planId)
    .where('id', '=', goalId)
    .executeTakeFirst();
}

export function insertAction(db: Executor, values: Insertable<PlanActionTable>) {
  return db.insertInto('plan_action').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Marks an open action done; false when it was not an open action of the plan. */
export async function markActionDone(
  db: Executor,
  m: string,
  planId: string,
  actionId: string,
  doneOn: string,
) {
  const r = await db
    .updateTable('plan_action')
    .set({ done_on: doneOn })
    .where('municipality_id', '=', m)
    .where('plan_id', '=', planId)
    .where('id', '=', actionId)
    .where('done_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function insertReview(db: Executor, values: Insertable<PlanReviewTable>) {
  return db.insertInto('plan_review').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Records a planned review as held; false when it was not an open review of the plan. */
export async function markReviewHeld(
  db: Executor,
  m: string,
  planId: string,
  reviewId: string,
  heldOn: string,
  note: string | null,
) {
  const r = await db
    .updateTable('plan_review')
    .set({ held_on: heldOn, note })
    .where('municipality_id', '=', m)
    .where('plan_id', '=', planId)
    .where('id', '=', reviewId)
    .where('held_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function insertParticipation(db: Executor, values: Insertable<PlanParticipationTable>) {
  return db.insertInto('plan_participation').values(values).returning('id').executeTakeFirstOrThrow();
}

export function insertShare(db: Executor, values: Insertable<PlanShareTable>) {
  return db
    .insertInto('plan_share')
    .values(values)
    .onConflict((oc) => oc.columns(['plan_id', 'department']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function closePlan(
  db: Executor,
  m: string,
  planId: string,
  close: { closedOn: string; reason: CloseReason; note: string | null },
) {
  return db
    .updateTable('coherent_plan')
    .set({
      status: 'closed',
      closed_on: close.closedOn,
      closed_reason: close.reason,
      closed_note: close.note,
    })
    .where('municipality_id', '=', m)
    .where('id', '=', planId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** Active plans and their figures: every plan (`all`), or those of the given ids. */
export function planSummaries(
  db: Executor,
  m: string,
  onDate: string,
  only: { all: true } | { ids: string[] },
) {
  let q = db
    .selectFrom('coherent_plan as p')
    .innerJoin('citizen as c', 'c.id', 'p.citizen_id')
    .innerJoin('app_user as u', 'u.id', 'p.coordinator_id')
    .select([
      'p.id',
      'p.citizen_id',
      'p.started_on',
      'c.given_name',
      'c.family_name',
      'c.initials',
      'u.display_name as coordinator_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('plan_action as a')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('a.plan_id', '=', 'p.id')
        .as('actions'),
      eb
        .selectFrom('plan_action as a')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('a.plan_id', '=', 'p.id')
        .where('a.done_on', 'is', null)
        .where('a.due_on', '<', onDate)
        .as('overdue_actions'),
      eb
        .selectFrom('plan_review as r')
        .select((e) => e.fn.min('r.review_on').as('d'))
        .whereRef('r.plan_id', '=', 'p.id')
        .where('r.held_on', 'is', null)
        .as('next_review_on'),
    ])
    .where('p.municipality_id', '=', m)
    .where('p.status', '=', 'active');
  if ('ids' in only) {
    if (only.ids.length === 0) return Promise.resolve([]);
    q = q.where('p.id', 'in', only.ids);
  }
  return q.orderBy('p.started_on', 'desc').orderBy('p.id').limit(1000).execute();
}

/** The active plans the user coordinates, owns an action of, or (support) whose citizen is among the given. */
export async function planIdsOf(db: Executor, m: string, userId: string, citizenIds: readonly string[]) {
  const rows = await db
    .selectFrom('coherent_plan as p')
    .select('p.id')
    .where('p.municipality_id', '=', m)
    .where('p.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('p.coordinator_id', '=', userId),
        eb.exists(
          eb
            .selectFrom('plan_action as a')
            .select('a.id')
            .whereRef('a.plan_id', '=', 'p.id')
            .where('a.owner_user_id', '=', userId),
        ),
        ...(citizenIds.length ? [eb('p.citizen_id', 'in', [...citizenIds])] : []),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** The active plans' citizens and coordinators (for alerts). */
export function activePlansOfCitizens(db: Executor, m: string, citizenIds: readonly string[]) {
  if (citizenIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('coherent_plan')
    .select(['id', 'citizen_id', 'coordinator_id'])
    .where('municipality_id', '=', m)
    .where('status', '=', 'active')
    .where('citizen_id', 'in', [...citizenIds])
    .execute();
}

// ---- tasks ----

/** The citizens of the active plans the user coordinates. */
export async function coordinatedCitizens(db: Executor, m: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('coherent_plan')
    .select('citizen_id')
    .where('municipality_id', '=', m)
    .where('status', '=', 'active')
    .where('coordinator_id', '=', userId)
    .execute();
  return rows.map((r) => r.citizen_id);
}

/** Open actions of active plans owned by the user and due before the date. */
export function overdueActionsOf(db: Executor, m: string, userId: string, onDate: string) {
  return db
    .selectFrom('plan_action as a')
    .innerJoin('coherent_plan as p', 'p.id', 'a.plan_id')
    .innerJoin('citizen as c', 'c.id', 'p.citizen_id')
    .select([
      'a.id',
      'a.department',
      'a.description',
      'a.due_on',
      'p.citizen_id',
      'c.given_name',
      'c.family_name',
      'c.initials',
    ])
    .where('a.municipality_id', '=', m)
    .where('a.owner_user_id', '=', userId)
    .where('a.done_on', 'is', null)
    .where('a.due_on', '<', onDate)
    .where('p.status', '=', 'active')
    .orderBy('a.due_on')
    .execute();
}

/** Planned reviews of the user's active plans whose date has passed without the review being held. */
export function passedReviewsOf(db: Executor, m: string, coordinatorId: string, onDate: string) {
  return db
    .selectFrom('plan_review as r')
    .innerJoin('coherent_plan as p', 'p.id', 'r.plan_id')
    .innerJoin('citizen as c', 'c.id', 'p.citizen_id')
    .select(['r.id', 'r.review_on', 'p.citizen_id', 'c.given_name', 'c.family_name', 'c.initials'])
    .where('r.municipality_id', '=', m)
    .where('p.coordinator_id', '=', coordinatorId)
    .where('p.status', '=', 'active')
    .where('r.held_on', 'is', null)
    .where('r.review_on', '<', onDate)
    .orderBy('r.review_on')
    .execute();
}

/**
 * Unhandled sanctions and stops of housed citizens with an active plan: the alerts of their
 * coordinators (and support workers).
 */
export function sanctionAlerts(db: Executor, m: string) {
  return db
    .selectFrom('benefit_sanction as s')
    .innerJoin('citizen as c', 'c.id', 's.citizen_id')
    .innerJoin('coherent_plan as p', (j) =>
      j.onRef('p.citizen_id', '=', 's.citizen_id').on('p.status', '=', 'active'),
    )
    .select([
      's.id',
      's.kind',
      's.effective_on',
      's.citizen_id',
      'p.coordinator_id',
      'c.given_name',
      'c.family_name',
      'c.initials',
    ])
    .where('s.municipality_id', '=', m)
    .where('s.handled_on', 'is', null)
    .where(sql<string>`c.cur_situation`, '=', 'housed')
    .orderBy('s.effective_on')
    .execute();
}

/** Undecided, unhandled deposit-loan and § 81 cases of citizens with an active plan. */
export function depositAlertCandidates(db: Executor, m: string) {
  return db
    .selectFrom('deposit_case as d')
    .innerJoin('citizen as c', 'c.id', 'd.citizen_id')
    .innerJoin('coherent_plan as p', (j) =>
      j.onRef('p.citizen_id', '=', 'd.citizen_id').on('p.status', '=', 'active'),
    )
    .select([
      'd.id',
      'd.kind',
      'd.opened_on',
      'd.citizen_id',
      'p.coordinator_id',
      'c.given_name',
      'c.family_name',
      'c.initials',
    ])
    .where('d.municipality_id', '=', m)
    .where('d.decided_on', 'is', null)
    .where('d.handled_on', 'is', null)
    .orderBy('d.opened_on')
    .execute();
}

// ---- sanctions ----

export function insertSanctions(db: Executor, rows: Insertable<BenefitSanctionTable>[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return db
    .insertInto('benefit_sanction')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'import_key']).where('import_key', 'is not', null).doNothing(),
    )
    .returning(['id', 'citizen_id', 'kind', 'effective_on'])
    .execute();
}

/** The import keys among the given that were imported before. */
export async function importedSanctionKeys(db: Executor, m: string, keys: readonly string[]) {
  if (keys.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('benefit_sanction')
    .select('import_key')
    .where('municipality_id', '=', m)
    .where('import_key', 'in', [...keys])
    .execute();
  return new Set(rows.map((r) => r.import_key as string));
}

const sanctionsWithNames = (db: Executor, m: string) =>
  db
    .selectFrom('benefit_sanction as s')
    .innerJoin('citizen as c', 'c.id', 's.citizen_id')
    .select([
      's.id',
      's.citizen_id',
      's.kind',
      's.effective_on',
      's.note',
      's.source',
      's.recorded_on',
      's.handled_on',
      's.handled_note',
      'c.given_name',
      'c.family_name',
      'c.initials',
    ])
    .where('s.municipality_id', '=', m);

export function sanctions(db: Executor, m: string, open: boolean) {
  let q = sanctionsWithNames(db, m);
  q = open ? q.where('s.handled_on', 'is', null) : q.where('s.handled_on', 'is not', null);
  return q.orderBy('s.effective_on', 'desc').orderBy('s.id').limit(500).execute();
}

export function sanctionsOfCitizen(db: Executor, m: string, citizenId: string) {
  return sanctionsWithNames(db, m)
    .where('s.citizen_id', '=', citizenId)
    .orderBy('s.effective_on', 'desc')
    .orderBy('s.id')
    .limit(100)
    .execute();
}

export function sanction(db: Executor, m: string, id: string) {
  return sanctionsWithNames(db, m).where('s.id', '=', id).executeTakeFirst();
}

/** Handles an unhandled sanction; false when it was handled already. */
export async function handleSanction(
  db: Executor,
  m: string,
  id: string,
  userId: string,
  onDate: string,
  note: string,
) {
  const r = await db
    .updateTable('benefit_sanction')
    .set({ handled_on: onDate, handled_by: userId, handled_note: note })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('handled_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- deposit-loan and § 81 cases ----

export function insertDepositCase(db: Executor, values: Insertable<DepositCaseTable>) {
  return db.insertInto('deposit_case').values(values).returning('id').executeTakeFirstOrThrow();
}

const depositWithNames = (db: Executor, m: string) =>
  db
    .selectFrom('deposit_case as d')
    .innerJoin('citizen as c', 'c.id', 'd.citizen_id')
    .select([
      'd.id',
      'd.citizen_id',
      'd.kind',
      'd.opened_on',
      'd.decided_on',
      'd.outcome',
      'd.handled_on',
      'd.handled_note',
      'c.given_name',
      'c.family_name',
      'c.initials',
    ])
    .where('d.municipality_id', '=', m);

export function depositCases(db: Executor, m: string, open: boolean) {
  let q = depositWithNames(db, m);
  q = open ? q.where('d.decided_on', 'is', null) : q.where('d.decided_on', 'is not', null);
  return q
    .orderBy('d.opened_on', open ? 'asc' : 'desc')
    .orderBy('d.id')
    .limit(500)
    .execute();
}

export function depositCasesOfCitizen(db: Executor, m: string, citizenId: string) {
  return depositWithNames(db, m)
    .where('d.citizen_id', '=', citizenId)
    .orderBy('d.opened_on', 'desc')
    .orderBy('d.id')
    .limit(100)
    .execute();
}

export function depositCase(db: Executor, m: string, id: string) {
  return depositWithNames(db, m).where('d.id', '=', id).executeTakeFirst();
}

export async function decideDepositCase(
  db: Executor,
  m: string,
  id: string,
  decision: { decided_on: string; outcome: 'granted' | 'refused' },
) {
  const r = await db
    .updateTable('deposit_case')
    .set(decision)
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('decided_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function handleDepositCase(
  db: Executor,
  m: string,
  id: string,
  userId: string,
  onDate: string,
  note: string,
) {
  const r = await db
    .updateTable('deposit_case')
    .set({ handled_on: onDate, handled_by: userId, handled_note: note })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('handled_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function fastTrackLimits(db: Executor, m: string) {
  const rows = await db
    .selectFrom('plans_fast_track_limit')
    .select(['valid_from', 'working_days'])
    .where('municipality_id', '=', m)
    .orderBy('valid_from')
    .execute();
  return rows.map((r) => ({ validFrom: r.valid_from, workingDays: r.working_days }));
}

export function upsertFastTrackLimit(
  db: Executor,
  m: string,
  validFrom: string,
  workingDays: number,
  userId: string,
) {
  return db
    .insertInto('plans_fast_track_limit')
    .values({ municipality_id: m, valid_from: validFrom, working_days: workingDays, updated_by: userId })
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'valid_from']).doUpdateSet({
        working_days: workingDays,
        updated_by: userId,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

// ---- timeline ----

export function timelinePlans(db: Executor, m: string, citizenIds: readonly string[]) {
  return db
    .selectFrom('coherent_plan as p')
    .innerJoin('app_user as u', 'u.id', 'p.coordinator_id')
    .select(['p.id', 'p.started_on', 'p.closed_on', 'u.display_name as coordinator_name'])
    .where('p.municipality_id', '=', m)
    .where('p.citizen_id', 'in', [...citizenIds])
    .execute();
}

export function timelineActions(db: Executor, m: string, planIds: readonly string[]) {
  return db
    .selectFrom('plan_action')
    .select(['department', 'description', 'created_at', 'done_on'])
    .where('municipality_id', '=', m)
    .where('plan_id', 'in', [...planIds])
    .execute();
}

export function timelineReviews(db: Executor, m: string, planIds: readonly string[]) {
  return db
    .selectFrom('plan_review')
    .select(['held_on'])
    .where('municipality_id', '=', m)
    .where('plan_id', 'in', [...planIds])
    .where('held_on', 'is not', null)
    .execute();
}

export function timelineParticipation(db: Executor, m: string, planIds: readonly string[]) {
  return db
    .selectFrom('plan_participation')
    .select(['participated_on', 'how'])
    .where('municipality_id', '=', m)
    .where('plan_id', 'in', [...planIds])
    .execute();
}

export function timelineShares(db: Executor, m: string, planIds: readonly string[]) {
  return db
    .selectFrom('plan_share')
    .select(['shared_on', 'department'])
    .where('municipality_id', '=', m)
    .where('plan_id', 'in', [...planIds])
    .execute();
}

export function timelineSanctions(db: Executor, m: string, citizenIds: readonly string[]) {
  return db
    .selectFrom('benefit_sanction')
    .select(['kind', 'effective_on'])
    .where('municipality_id', '=', m)
    .where('citizen_id', 'in', [...citizenIds])
    .execute();
}

export function timelineDepositCases(db: Executor, m: string, citizenIds: readonly string[]) {
  return db
    .selectFrom('deposit_case')
    .select(['kind', 'opened_on', 'decided_on', 'outcome'])
    .where('municipality_id', '=', m)
    .where('citizen_id', 'in', [...citizenIds])
    .execute();
}

// ---- demo ----

/** The demo's citizens to give plans: housed ones first, by name (deterministic). */
export function demoCitizens(db: Executor, m: string) {
  return db
    .selectFrom('citizen')
    .select(['id'])
    .select(sql<string | null>`cur_situation`.as('cur_situation'))
    .where('municipality_id', '=', m)
    .where('merged_into', 'is', null)
    .where('died_on', 'is', null)
    .orderBy(sql`cur_situation = 'housed'`, 'desc')
    .orderBy('family_name')
    .orderBy('id')
    .limit(2000)
    .execute();
}

/** The citizens of the municipality's active plans. */
export async function activePlanCitizenIds(db: Executor, m: string) {
  const rows = await db
    .selectFrom('coherent_plan')
    .select('citizen_id')
    .where('municipality_id', '=', m)
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.citizen_id);
}
