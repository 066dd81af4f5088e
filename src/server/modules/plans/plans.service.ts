import { today } from '../../../shared/dates';
import type {
  ActionInput,
  PlanCreateInput,
  PlanDetail,
  PlanSummary,
  StaffMember,
} from '../../../shared/plans/api';
import type { CloseReason, Department, ParticipationWay } from '../../../shared/plans/model';
import { actionProblems, closeProblems, isOverdue, reviewProblems } from '../../../shared/plans/rules';
import type { Tx } from '../../db/database';
import { AppError, type ErrorCode } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit, logPersonalDataRead } from '../../platform/audit';
import { displayName, requireConsent } from '../citizens';
import { alertsOfCitizen } from './plans.alerts.service';
import { assertCanRead, assertCanWrite, type PlanAccess, planAccess } from './plans.policy';
import * as repo from './plans.repository';
import { supportedCitizensOf, supportWorkersOf } from './plans.support';

/** The consent purpose that sharing a plan with another department rests on. */
export const SHARE_CONSENT_PURPOSE = 'cross_department';

/** One rule's problem: the module's error code naming the field (the web shows both). */
function fieldError(code: ErrorCode, field: string, fieldCode = 'invalid'): AppError {
  return new AppError(code, { fields: [{ path: field, code: fieldCode }] });
}

export async function listStaff(trx: Tx, actor: Actor): Promise<StaffMember[]> {
  const rows = await repo.staff(trx, actor.municipalityId);
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role_code }));
}

/** The plan and what the actor may do with it (NOT_FOUND when it is not the actor's to see). */
async function loadPlan(trx: Tx, actor: Actor, planId: string) {
  const m = actor.municipalityId;
  const head = await repo.planHead(trx, m, planId);
  if (!head) throw new AppError('NOT_FOUND');
  const access = await accessTo(trx, actor, head);
  return { head, access };
}

async function accessTo(
  trx: Tx,
  actor: Actor,
  head: { id: string; citizen_id: string; coordinator_id: string },
): Promise<PlanAccess> {
  const m = actor.municipalityId;
  const coordinator = head.coordinator_id === actor.userId;
  const actionOwner = !coordinator && (await repo.ownsActionOf(trx, m, head.id, actor.userId));
  const supportWorker =
    !coordinator &&
    !actionOwner &&
    ((await supportWorkersOf(trx, m, [head.citizen_id])).get(head.citizen_id) ?? []).includes(actor.userId);
  return planAccess(actor.permissions, { coordinator, actionOwner, supportWorker });
}

async function writablePlan(trx: Tx, actor: Actor, planId: string) {
  const { head, access } = await loadPlan(trx, actor, planId);
  assertCanWrite(access);
  if (head.status !== 'active') throw new AppError('PLAN_CLOSED');
  return head;
}

async function detail(
  trx: Tx,
  actor: Actor,
  head: NonNullable<repo.PlanHead>,
  access: PlanAccess,
): Promise<PlanDetail> {
  const m = actor.municipalityId;
  const onDate = today();
  const [goals, actions, reviews, participation, shares, alerts] = await Promise.all([
    repo.goalsOf(trx, m, head.id),
    repo.actionsOf(trx, m, head.id),
    repo.reviewsOf(trx, m, head.id),
    repo.participationOf(trx, m, head.id),
    repo.sharesOf(trx, m, head.id),
    alertsOfCitizen(trx, m, head.citizen_id),
  ]);
  const view: PlanDetail = {
    id: head.id,
    citizenId: head.citizen_id,
    citizenName: displayName(head),
    coordinatorId: head.coordinator_id,
    coordinatorName: head.coordinator_name,
    startedOn: head.started_on,
    status: head.status,
    goals: goals.map((g) => ({ id: g.id, text: g.text, createdOn: g.created_on, achievedOn: g.achieved_on })),
    actions: actions.map((a) => ({
      id: a.id,
      goalId: a.goal_id,
      department: a.department,
      description: a.description,
      ownerUserId: a.owner_user_id,
      ownerName: a.owner_name,
      dueOn: a.due_on,
      doneOn: a.done_on,
      overdue: isOverdue({ dueOn: a.due_on, doneOn: a.done_on }, onDate),
    })),
    reviews: reviews.map((r) => ({ id: r.id, reviewOn: r.review_on, heldOn: r.held_on, note: r.note })),
    participation: participation.map((p) => ({
      id: p.id,
      participatedOn: p.participated_on,
      how: p.how,
      note: p.note,
    })),
    shares: shares.map((s) => ({
      id: s.id,
      department: s.department,
      sharedOn: s.shared_on,
      sharedBy: s.shared_by_name ?? '',
    })),
    sanctions: alerts.sanctions,
    depositCases: alerts.depositCases,
    closedOn: head.closed_on,
    closedReason: head.closed_reason,
    closedNote: head.closed_note,
    canWrite: access === 'write' && head.status === 'active',
  };
  // Audit rows last (docs/ARCHITECTURE.md "Audit rows last").
  await logPersonalDataRead(trx, actor, {
    entityType: 'coherent_plan',
    entityId: head.id,
    purpose: 'casework',
  });
  return view;
}

export async function getPlan(trx: Tx, actor: Actor, planId: string): Promise<PlanDetail> {
  const { head, access } = await loadPlan(trx, actor, planId);
  assertCanRead(access);
  return detail(trx, actor, head, access);
}

/** The citizen's active plan, or null when there is none; NOT_FOUND when it is not the actor's to see. */
export async function planOfCitizen(trx: Tx, actor: Actor, citizenId: string): Promise<PlanDetail | null> {
  const m = actor.municipalityId;
  if (!(await repo.citizen(trx, m, citizenId))) throw new AppError('NOT_FOUND');
  const head = await repo.activePlanOf(trx, m, citizenId);
  if (!head) return null;
  const access = await accessTo(trx, actor, head);
  assertCanRead(access);
  return detail(trx, actor, head, access);
}

/** The active plans the actor coordinates or has need-to-know of (every plan for `plans.all` when asked). */
export async function listPlans(trx: Tx, actor: Actor, scope: 'mine' | 'all'): Promise<PlanSummary[]> {
  const m = actor.municipalityId;
  const onDate = today();
  const everyPlan = scope === 'all' && actor.permissions.has('plans.all');
  let rows: Awaited<ReturnType<typeof repo.planSummaries>>;
  if (everyPlan) rows = await repo.planSummaries(trx, m, onDate, { all: true });
  else {
    // A support worker's citizens come from the support module; their plans are the worker's too.
    const ids = await repo.planIdsOf(trx, m, actor.userId, await supportCitizensOf(trx, actor));
    rows = await repo.planSummaries(trx, m, onDate, { ids });
  }
  return rows.map((r) => ({
    id: r.id,
    citizenId: r.citizen_id,
    citizenName: displayName(r),
    coordinatorName: r.coordinator_name,
    startedOn: r.started_on,
    actions: Number(r.actions ?? 0),
    overdueActions: Number(r.overdue_actions ?? 0),
    nextReviewOn: r.next_review_on ? String(r.next_review_on) : null,
  }));
}

/** The citizens whose support worker the actor is (through the support module). */
function supportCitizensOf(trx: Tx, actor: Actor): Promise<string[]> {
  return supportedCitizensOf(trx, actor.municipalityId, actor.userId);
}

export async function createPlan(trx: Tx, actor: Actor, input: PlanCreateInput): Promise<{ id: string }> {
  const m = actor.municipalityId;
  if (!(await repo.citizen(trx, m, input.citizenId))) throw new AppError('NOT_FOUND');
  if (!(await repo.staffMember(trx, m, input.coordinatorId)))
    throw fieldError('PLAN_COORDINATOR_UNKNOWN', 'coordinatorId');
  if (await repo.activePlanOf(trx, m, input.citizenId)) throw new AppError('PLAN_EXISTS');
  const { id } = await repo.insertPlan(trx, {
    municipality_id: m,
    citizen_id: input.citizenId,
    coordinator_id: input.coordinatorId,
    started_on: input.startedOn,
    closed_on: null,
    created_by: actor.userId,
  });
  for (const text of input.goals)
    await repo.insertGoal(trx, {
      municipality_id: m,
      plan_id: id,
      text,
      created_on: input.startedOn,
      achieved_on: null,
      created_by: actor.userId,
    });
  await audit(trx, actor, 'coherent_plan.create', 'coherent_plan', id, { goals: input.goals.length });
  return { id };
}

export async function addGoal(trx: Tx, actor: Actor, planId: string, text: string) {
  const head = await writablePlan(trx, actor, planId);
  const { id } = await repo.insertGoal(trx, {
    municipality_id: actor.municipalityId,
    plan_id: head.id,
    text,
    created_on: today(),
    achieved_on: null,
    created_by: actor.userId,
  });
  await audit(trx, actor, 'plan_goal.create', 'plan_goal', id);
  return { id };
}

export async function addAction(trx: Tx, actor: Actor, planId: string, input: ActionInput) {
  const m = actor.municipalityId;
  const head = await writablePlan(trx, actor, planId);
  const problems = actionProblems(input, head.started_on);
  const first = problems[0];
  if (first)
    throw new AppError(first.code, {
      fields: problems.map((p) => ({
        path: p.field,
        code: p.code.endsWith('REQUIRED') ? 'required' : 'invalid',
      })),
    });
  let ownerName = input.ownerName?.trim() ?? '';
  if (input.ownerUserId) {
    const owner = await repo.staffMember(trx, m, input.ownerUserId);
    if (!owner) throw fieldError('PLAN_ACTION_OWNER_REQUIRED', 'ownerUserId', 'unknown');
    if (!ownerName) ownerName = owner.display_name;
  }
  if (input.goalId && !(await repo.goalOf(trx, m, head.id, input.goalId)))
    throw fieldError('PLAN_GOAL_UNKNOWN', 'goalId', 'unknown');
  const { id } = await repo.insertAction(trx, {
    municipality_id: m,
    plan_id: head.id,
    goal_id: input.goalId ?? null,
    department: input.department,
    description: input.description,
    owner_user_id: input.ownerUserId ?? null,
    owner_name: ownerName,
    due_on: input.dueOn as string,
    done_on: null,
    created_by: actor.userId,
  });
  await audit(trx, actor, 'plan_action.create', 'plan_action', id, { department: input.department });
  return { id };
}

export async function completeAction(
  trx: Tx,
  actor: Actor,
  planId: string,
  actionId: string,
  doneOn: string,
) {
  const head = await writablePlan(trx, actor, planId);
  if (doneOn < head.started_on) throw fieldError('PLAN_DATE_BEFORE_START', 'doneOn');
  if (!(await repo.markActionDone(trx, actor.municipalityId, head.id, actionId, doneOn)))
    throw new AppError('NOT_FOUND');
  await audit(trx, actor, 'plan_action.done', 'plan_action', actionId);
}

export async function addReview(trx: Tx, actor: Actor, planId: string, reviewOn: string) {
  const head = await writablePlan(trx, actor, planId);
  const problem = reviewProblems(reviewOn, head.started_on)[0];
  if (problem) throw fieldError(problem.code, problem.field);
  const { id } = await repo.insertReview(trx, {
    municipality_id: actor.municipalityId,
    plan_id: head.id,
    review_on: reviewOn,
    held_on: null,
    note: null,
    created_by: actor.userId,
  });
  await audit(trx, actor, 'plan_review.create', 'plan_review', id);
  return { id };
}

export async function holdReview(
  trx: Tx,
  actor: Actor,
  planId: string,
  reviewId: string,
  heldOn: string,
  note: string | null,
) {
  const head = await writablePlan(trx, actor, planId);
  if (heldOn < head.started_on) throw fieldError('PLAN_DATE_BEFORE_START', 'heldOn');
  if (!(await repo.markReviewHeld(trx, actor.municipalityId, head.id, reviewId, heldOn, note)))
    throw new AppError('NOT_FOUND');
  await audit(trx, actor, 'plan_review.held', 'plan_review', reviewId);
}

export async function recordParticipation(
  trx: Tx,
  actor: Actor,
  planId: string,
  input: { participatedOn: string; how: ParticipationWay; note?: string | null | undefined },
) {
  const head = await writablePlan(trx, actor, planId);
  if (input.participatedOn < head.started_on) throw fieldError('PLAN_DATE_BEFORE_START', 'participatedOn');
  const { id } = await repo.insertParticipation(trx, {
    municipality_id: actor.municipalityId,
    plan_id: head.id,
    participated_on: input.participatedOn,
    how: input.how,
    note: input.note ?? null,
    recorded_by: actor.userId,
  });
  await audit(trx, actor, 'plan_participation.create', 'plan_participation', id, { how: input.how });
  return { id };
}

/**
 * Shares the plan with another department: only under the citizen's valid consent to share across
 * departments (databeskyttelsesforordningen art. 6/9; domain.md "Data protection"), checked on the
 * day of sharing. Without it, CONSENT_REQUIRED and nothing is recorded.
 */
export async function sharePlan(trx: Tx, actor: Actor, planId: string, department: Department) {
  const m = actor.municipalityId;
  const head = await writablePlan(trx, actor, planId);
  const onDate = today();
  await requireConsent(trx, m, head.citizen_id, SHARE_CONSENT_PURPOSE, onDate);
  const row = await repo.insertShare(trx, {
    municipality_id: m,
    plan_id: head.id,
    department,
    shared_on: onDate,
    consent_purpose: SHARE_CONSENT_PURPOSE,
    shared_by: actor.userId,
  });
  if (!row) throw new AppError('PLAN_ALREADY_SHARED');
  await audit(trx, actor, 'coherent_plan.share', 'coherent_plan', head.id, {
    department,
    consentPurpose: SHARE_CONSENT_PURPOSE,
  });
  return { id: row.id };
}

/**
 * Closes the plan (issue 15 §6) on a date from its start to today, with the reason (`other` with a
 * note). Open actions stay as they were, and leave the owners' "Mine opgaver" with the plan; the
 * citizen can get a new plan afterwards. Audited with the reason and how many actions were open.
 */
export async function closePlan(
  trx: Tx,
  actor: Actor,
  planId: string,
  input: { closedOn: string; reason: CloseReason; note?: string | null | undefined },
) {
  const head = await writablePlan(trx, actor, planId);
  const note = input.note?.trim() || null;
  const problems = closeProblems(
    { closedOn: input.closedOn, reason: input.reason, note },
    head.started_on,
    today(),
  );
  const first = problems[0];
  if (first)
    throw new AppError(first.code, {
      fields: problems.map((p) => ({
        path: p.field,
        code: p.code.endsWith('REQUIRED') ? 'required' : 'invalid',
      })),
    });
  const openActions = (await repo.actionsOf(trx, actor.municipalityId, head.id)).filter(
    (a) => !a.done_on,
  ).length;
  await repo.closePlan(trx, actor.municipalityId, head.id, {
    closedOn: input.closedOn,
    reason: input.reason,
    note,
  });
  await audit(trx, actor, 'coherent_plan.close', 'coherent_plan', head.id, {
    reason: input.reason,
    openActions,
  });
}

/** Which of the citizens have an active coherent plan (a coordinated plan; the shelters module's rule 11). */
export async function citizensWithActivePlan(trx: Tx, municipalityId: string, citizenIds: readonly string[]) {
  return new Set(
    (await repo.activePlansOfCitizens(trx, municipalityId, citizenIds)).map((p) => p.citizen_id),
  );
}
