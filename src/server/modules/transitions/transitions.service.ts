import { ageOn, today } from '../../../shared/dates';
import type {
  ActionInput,
  MeetingInput,
  MeetingRecordInput,
  ParticipantInput,
  PlanOfferInput,
  TransitionPlanDetail,
  TransitionPlanInput,
  TransitionPlanSummary,
  TransitionStaff,
  YouthOffer,
  YouthOfferInput,
} from '../../../shared/transitions/api';
import { PARTICIPANT_KINDS } from '../../../shared/transitions/model';
import {
  actionOverdue,
  actionProblems,
  isYoungPerson,
  meetingRecordProblems,
  nextMeeting,
  offerActive,
  offerAgeProblems,
  oneParticipantProblems,
  participantProblems,
  pastDateProblems,
  planOfferProblems,
  type TransitionProblem,
} from '../../../shared/transitions/rules';
import type { Tx } from '../../db/database';
import { AppError, type ErrorCode } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit, logPersonalDataRead } from '../../platform/audit';
import { displayName } from '../citizens';
import { supportWorkerUserIds } from '../support';
import { assertCanRead, assertCanWrite, type TransitionAccess, transitionAccess } from './transitions.policy';
import * as repo from './transitions.repository';

/** One field's problem as the module's error code naming the field (the web shows both). */
function fieldError(code: ErrorCode, field: string, fieldCode = 'invalid'): AppError {
  return new AppError(code, { fields: [{ path: field, code: fieldCode }] });
}

/** The first rule's problem as the error, every problem on its field; nothing is saved. */
function assertNoProblems(problems: readonly TransitionProblem[]): void {
  const first = problems[0];
  if (first)
    throw new AppError(first.code, {
      fields: problems.map((p) => ({
        path: p.field,
        code: p.code.endsWith('REQUIRED') ? 'required' : 'invalid',
      })),
    });
}

export async function listStaff(trx: Tx, actor: Actor): Promise<TransitionStaff[]> {
  return (await repo.staff(trx, actor.municipalityId)).map((u) => ({
    id: u.id,
    displayName: u.display_name,
    role: u.role_code,
  }));
}

// ---- access ----

/** Whether the actor is a support worker of the citizen (the support module's caseload). */
async function isSupportWorkerOf(trx: Tx, actor: Actor, citizenId: string): Promise<boolean> {
  return ((await supportWorkerUserIds(trx, [citizenId])).get(citizenId) ?? []).includes(actor.userId);
}

async function accessTo(trx: Tx, actor: Actor, head: { id: string; citizen_id: string }) {
  if (actor.permissions.has('transitions.all'))
    return transitionAccess(actor.permissions, {
      participant: false,
      supportWorker: false,
    });
  const participant = (await repo.participantsOf(trx, actor.municipalityId, [head.id])).some(
    (p) => p.user_id === actor.userId,
  );
  const supportWorker = !participant && (await isSupportWorkerOf(trx, actor, head.citizen_id));
  return transitionAccess(actor.permissions, { participant, supportWorker });
}

/** The plan and what the actor may do with it (NOT_FOUND when it is not the actor's to see). */
async function loadPlan(trx: Tx, actor: Actor, planId: string) {
  const head = await repo.plan(trx, actor.municipalityId, planId);
  if (!head) throw new AppError('NOT_FOUND');
  const access = await accessTo(trx, actor, head);
  assertCanRead(access);
  return { head, access };
}

/** An open plan the actor may change, locked for the rest of the transaction. */
async function writablePlan(trx: Tx, actor: Actor, planId: string) {
  const { head, access } = await loadPlan(trx, actor, planId);
  assertCanWrite(access);
  if (head.closed_on !== null) throw new AppError('TRANSITION_PLAN_CLOSED');
  await repo.lockPlan(trx, actor.municipalityId, head.id);
  return head;
}

// ---- reading ----

type Participants = Awaited<ReturnType<typeof repo.participantsOf>>;

function participantName(p: Participants[number], youngName: string | null): string {
  if (p.kind === 'young_person') return youngName ?? '';
  return p.display_name ?? p.name ?? '';
}

async function detail(
  trx: Tx,
  actor: Actor,
  head: NonNullable<repo.PlanHead>,
  access: TransitionAccess,
): Promise<TransitionPlanDetail> {
  const m = actor.municipalityId;
  const onDate = today();
  const [participants, meetings, actions, offers] = await Promise.all([
    repo.participantsOf(trx, m, [head.id]),
    repo.meetingsOf(trx, m, [head.id]),
    repo.actionsOf(trx, m, [head.id]),
    repo.planOffersOf(trx, m, [head.id]),
  ]);
  const attendees = await repo.attendeesOf(
    trx,
    m,
    meetings.map((x) => x.id),
  );
  // The young person first, then by kind: the order of PARTICIPANT_KINDS.
  participants.sort((a, b) => PARTICIPANT_KINDS.indexOf(a.kind) - PARTICIPANT_KINDS.indexOf(b.kind));
  const name = displayName(head);
  const names = new Map(participants.map((p) => [p.id, participantName(p, name)]));
  const view: TransitionPlanDetail = {
    id: head.id,
    citizenId: head.citizen_id,
    citizenName: name,
    birthDate: head.birth_date,
    age: ageOn(head.birth_date, onDate),
    startedOn: head.started_on,
    closedOn: head.closed_on,
    wishes: head.wishes,
    goals: head.goals,
    participants: participants.map((p) => ({
      id: p.id,
      kind: p.kind,
      userId: p.user_id,
      name: names.get(p.id) ?? '',
      organisation: p.organisation,
    })),
    meetings: meetings.map((x) => ({
      id: x.id,
      heldOn: x.held_on,
      recorded: x.recorded_at !== null,
      youngPersonView: x.young_person_view,
      decisions: x.decisions,
      attendeeIds: attendees.filter((a) => a.meeting_id === x.id).map((a) => a.participant_id),
    })),
    actions: actions.map((a) => ({
      id: a.id,
      meetingId: a.meeting_id,
      description: a.description,
      responsibleId: a.responsible_id,
      responsibleName: names.get(a.responsible_id) ?? '',
      dueOn: a.due_on,
      doneOn: a.done_on,
      overdue: actionOverdue({ dueOn: a.due_on, doneOn: a.done_on }, onDate),
    })),
    offers: offers.map((o) => ({
      id: o.id,
      offerId: o.offer_id,
      kind: o.kind,
      name: o.name,
      provider: o.provider,
      fromDate: o.from_date,
      toDate: o.to_date,
      active: offerActive({ fromDate: o.from_date, toDate: o.to_date }, onDate),
    })),
    canWrite: access === 'write' && head.closed_on === null,
  };
  // Audit rows last (docs/ARCHITECTURE.md "Audit rows last").
  await logPersonalDataRead(trx, actor, {
    entityType: 'transition_plan',
    entityId: head.id,
    purpose: 'casework',
  });
  return view;
}

export async function getPlan(trx: Tx, actor: Actor, planId: string): Promise<TransitionPlanDetail> {
  const { head, access } = await loadPlan(trx, actor, planId);
  return detail(trx, actor, head, access);
}

/** The open plans of the young people the actor has need-to-know of, with the next meeting and open actions. */
export async function listPlans(trx: Tx, actor: Actor): Promise<TransitionPlanSummary[]> {
  const m = actor.municipalityId;
  const onDate = today();
  let only: string[] | null = null;
  if (!actor.permissions.has('transitions.all')) {
    const citizens = await repo.openPlanCitizenIds(trx, m);
    const workers = await supportWorkerUserIds(trx, citizens);
    const caseload = citizens.filter((id) => (workers.get(id) ?? []).includes(actor.userId));
    only = [
      ...new Set([
        ...(await repo.openPlanIdsOfUser(trx, m, actor.userId)),
        ...(await repo.openPlanIdsOfCitizens(trx, m, caseload)),
      ]),
    ];
  }
  const plans = await repo.openPlans(trx, m, only);
  const ids = plans.map((p) => p.id);
  const [meetings, actions] = await Promise.all([repo.meetingsOf(trx, m, ids), repo.actionsOf(trx, m, ids)]);
  return plans.map((p) => {
    const mine = meetings
      .filter((x) => x.plan_id === p.id)
      .map((x) => ({ heldOn: x.held_on, recorded: x.recorded_at !== null }));
    const open = actions.filter((a) => a.plan_id === p.id && a.done_on === null);
    return {
      id: p.id,
      citizenId: p.citizen_id,
      citizenName: displayName(p),
      age: ageOn(p.birth_date, onDate),
      startedOn: p.started_on,
      nextMeetingOn: nextMeeting(mine, onDate)?.heldOn ?? null,
      openActions: open.length,
      overdueActions: open.filter((a) => actionOverdue({ dueOn: a.due_on, doneOn: a.done_on }, onDate))
        .length,
    };
  });
}

// ---- plans and participants ----

/** Checks the participants' rules and that every named user is active staff of the municipality. */
async function assertParticipants(
  trx: Tx,
  actor: Actor,
  participants: readonly ParticipantInput[],
  problems: TransitionProblem[],
  prefix: string,
) {
  assertNoProblems(problems);
  const userIds = participants.map((p) => p.userId).filter((id): id is string => Boolean(id));
  const known = await repo.staffIds(trx, actor.municipalityId, userIds);
  const unknown = participants.findIndex((p) => p.userId && !known.has(p.userId));
  if (unknown >= 0) throw fieldError('TRANSITION_PARTICIPANT_USER_UNKNOWN', `${prefix}.${unknown}.userId`);
}

function participantRow(m: string, planId: string, p: ParticipantInput) {
  const user = p.kind !== 'young_person' && p.userId ? p.userId : null;
  return {
    municipality_id: m,
    plan_id: planId,
    kind: p.kind,
    user_id: user,
    // The young person and a Hjemvej user are named by the registry and the user list.
    name: p.kind === 'young_person' || user ? null : (p.name?.trim() ?? null),
    organisation: p.kind === 'young_person' ? null : p.organisation?.trim() || null,
  };
}

/**
 * A young person's transition plan (issue 17 §4): for a citizen aged 15–29, one open plan each,
 * the young person's wishes and dreams first and the young person among the participants. Without
 * `transitions.all` the actor must be the young person's support worker. Nothing is saved on a
 * refusal.
 */
export async function createPlan(trx: Tx, actor: Actor, input: TransitionPlanInput) {
  const m = actor.municipalityId;
  const c = await repo.citizen(trx, m, input.citizenId);
  if (!c) throw new AppError('NOT_FOUND');
  if (!actor.permissions.has('transitions.all') && !(await isSupportWorkerOf(trx, actor, c.id)))
    throw new AppError('NOT_FOUND');
  if (input.startedOn > today()) throw fieldError('TRANSITION_DATE_IN_FUTURE', 'startedOn');
  if (!isYoungPerson(c.birth_date, input.startedOn))
    throw fieldError('TRANSITION_AGE_OUT_OF_RANGE', 'citizenId');
  await assertParticipants(
    trx,
    actor,
    input.participants,
    participantProblems(input.participants),
    'participants',
  );
  if (await repo.openPlanOf(trx, m, c.id)) throw fieldError('TRANSITION_PLAN_EXISTS', 'citizenId');
  const row = await repo.insertPlan(trx, {
    municipality_id: m,
    citizen_id: c.id,
    started_on: input.startedOn,
    wishes: input.wishes,
    goals: input.goals?.trim() || null,
    closed_on: null,
    created_by: actor.userId,
  });
  // Lost a race with a concurrent plan: the partial unique index decided.
  if (!row) throw fieldError('TRANSITION_PLAN_EXISTS', 'citizenId');
  await repo.insertParticipants(
    trx,
    input.participants.map((p) => participantRow(m, row.id, p)),
  );
  await audit(trx, actor, 'transition_plan.create', 'transition_plan', row.id, {
    participants: input.participants.map((p) => p.kind),
  });
  return { id: row.id };
}

/** Another participant joins the plan (the young person is there from the start). */
export async function addParticipant(trx: Tx, actor: Actor, planId: string, input: ParticipantInput) {
  const head = await writablePlan(trx, actor, planId);
  if (input.kind === 'young_person') throw fieldError('TRANSITION_YOUNG_PERSON_TWICE', 'kind');
  const problems = oneParticipantProblems(input, 'participant').map((p) => ({
    ...p,
    field: p.field.replace(/^participant\./, ''),
  }));
  assertNoProblems(problems);
  if (input.userId && !(await repo.staffIds(trx, actor.municipalityId, [input.userId])).has(input.userId))
    throw fieldError('TRANSITION_PARTICIPANT_USER_UNKNOWN', 'userId');
  const [row] = await repo.insertParticipants(trx, [participantRow(actor.municipalityId, head.id, input)]);
  const id = (row as { id: string }).id;
  await audit(trx, actor, 'transition_participant.create', 'transition_participant', id, {
    planId: head.id,
    kind: input.kind,
  });
  return { id };
}

/** Closes the plan on a day from its start to today. */
export async function closePlan(trx: Tx, actor: Actor, planId: string, closedOn: string) {
  const head = await writablePlan(trx, actor, planId);
  assertNoProblems(pastDateProblems(closedOn, 'closedOn', head.started_on, today()));
  if (!(await repo.closePlan(trx, actor.municipalityId, head.id, closedOn)))
    throw new AppError('TRANSITION_PLAN_CLOSED');
  await audit(trx, actor, 'transition_plan.close', 'transition_plan', head.id);
}

// ---- meetings and actions ----

/** The plan's participant ids (attendees and responsible persons must be among them). */
async function participantIdsOf(trx: Tx, actor: Actor, planId: string) {
  return new Set((await repo.participantsOf(trx, actor.municipalityId, [planId])).map((p) => p.id));
}

function assertAttendees(ids: readonly string[], participants: Set<string>) {
  const bad = ids.findIndex((id) => !participants.has(id));
  if (bad >= 0) throw fieldError('TRANSITION_ATTENDEE_UNKNOWN', `attendeeIds.${bad}`);
}

/** The actions' rules; `list` names the list they are in (`actions.`), null for one action alone. */
function actionsProblems(actions: readonly ActionInput[], participants: Set<string>, list: string | null) {
  const at = (i: number) => (list === null ? '' : `${list}${i}.`);
  assertNoProblems(actions.flatMap((a, i) => actionProblems(a, at(i))));
  const bad = actions.findIndex((a) => !participants.has(a.responsibleId as string));
  if (bad >= 0) throw fieldError('TRANSITION_RESPONSIBLE_UNKNOWN', `${at(bad)}responsibleId`);
}

async function insertActions(
  trx: Tx,
  actor: Actor,
  planId: string,
  meetingId: string | null,
  actions: readonly ActionInput[],
) {
  const rows = await repo.insertActions(
    trx,
    actions.map((a) => ({
      municipality_id: actor.municipalityId,
      plan_id: planId,
      meeting_id: meetingId,
      description: a.description,
      responsible_id: a.responsibleId as string,
      due_on: a.dueOn as string,
      done_on: null,
      created_by: actor.userId,
    })),
  );
  return rows.map((r) => r.id);
}

/**
 * A meeting: planned for any day (no record), or recorded at once — who attended, the young
 * person's own view first, the decisions and the actions agreed — for a meeting held today or
 * earlier.
 */
export async function addMeeting(trx: Tx, actor: Actor, planId: string, input: MeetingInput) {
  const head = await writablePlan(trx, actor, planId);
  const participants = await participantIdsOf(trx, actor, head.id);
  const view = input.youngPersonView?.trim() || null;
  const decisions = input.decisions?.trim() || null;
  const actions = input.actions ?? [];
  const problems = meetingRecordProblems({ heldOn: input.heldOn, youngPersonView: view, decisions }, today());
  if (!view && !decisions && actions.length > 0)
    problems.push({ field: 'youngPersonView', code: 'TRANSITION_YOUNG_PERSON_VIEW_REQUIRED' });
  assertNoProblems(problems);
  assertAttendees(input.attendeeIds ?? [], participants);
  actionsProblems(actions, participants, 'actions.');
  const recorded = view !== null;
  const { id } = await repo.insertMeeting(trx, {
    municipality_id: actor.municipalityId,
    plan_id: head.id,
    held_on: input.heldOn,
    young_person_view: view,
    decisions: recorded ? decisions : null,
    recorded_by: recorded ? actor.userId : null,
    recorded_at: recorded ? new Date() : null,
    created_by: actor.userId,
  });
  await repo.insertAttendees(trx, actor.municipalityId, id, input.attendeeIds ?? []);
  const actionIds = await insertActions(trx, actor, head.id, id, actions);
  await audit(
    trx,
    actor,
    recorded ? 'transition_meeting.record' : 'transition_meeting.plan',
    'transition_meeting',
    id,
    {
      planId: head.id,
      actions: actionIds.length,
    },
  );
  return { id };
}

/** Records a planned meeting once it has been held: attendees, the young person's view, decisions, actions. */
export async function recordMeeting(trx: Tx, actor: Actor, meetingId: string, input: MeetingRecordInput) {
  const m = actor.municipalityId;
  const meeting = await repo.meeting(trx, m, meetingId);
  if (!meeting) throw new AppError('NOT_FOUND');
  const head = await writablePlan(trx, actor, meeting.plan_id);
  if (meeting.recorded_at !== null) throw new AppError('TRANSITION_MEETING_RECORDED');
  const participants = await participantIdsOf(trx, actor, head.id);
  const actions = input.actions ?? [];
  assertNoProblems(
    meetingRecordProblems(
      { heldOn: meeting.held_on, youngPersonView: input.youngPersonView, decisions: input.decisions },
      today(),
    ),
  );
  assertAttendees(input.attendeeIds, participants);
  actionsProblems(actions, participants, 'actions.');
  if (
    !(await repo.recordMeeting(trx, m, meeting.id, {
      young_person_view: input.youngPersonView.trim(),
      decisions: input.decisions?.trim() || null,
      recorded_by: actor.userId,
    }))
  )
    throw new AppError('TRANSITION_MEETING_RECORDED');
  await repo.insertAttendees(trx, m, meeting.id, input.attendeeIds);
  const actionIds = await insertActions(trx, actor, head.id, meeting.id, actions);
  await audit(trx, actor, 'transition_meeting.record', 'transition_meeting', meeting.id, {
    planId: head.id,
    actions: actionIds.length,
  });
}

/** An action outside a meeting: who does what by when. */
export async function addAction(trx: Tx, actor: Actor, planId: string, input: ActionInput) {
  const head = await writablePlan(trx, actor, planId);
  actionsProblems([input], await participantIdsOf(trx, actor, head.id), null);
  const [id] = await insertActions(trx, actor, head.id, null, [input]);
  await audit(trx, actor, 'transition_action.create', 'transition_action', id as string, { planId: head.id });
  return { id: id as string };
}

/** Marks an action done, on a day from the plan's start to today. */
export async function markActionDone(trx: Tx, actor: Actor, actionId: string, doneOn: string) {
  const m = actor.municipalityId;
  const a = await repo.action(trx, m, actionId);
  if (!a) throw new AppError('NOT_FOUND');
  const head = await writablePlan(trx, actor, a.plan_id);
  if (a.done_on !== null) throw new AppError('TRANSITION_ACTION_DONE');
  assertNoProblems(pastDateProblems(doneOn, 'doneOn', head.started_on, today()));
  if (!(await repo.markActionDone(trx, m, a.id, doneOn))) throw new AppError('TRANSITION_ACTION_DONE');
  await audit(trx, actor, 'transition_action.done', 'transition_action', a.id, { planId: head.id });
}

// ---- offers ----

function offerView(o: Awaited<ReturnType<typeof repo.offers>>[number]): YouthOffer {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    provider: o.provider,
    minAge: o.min_age,
    maxAge: o.max_age,
    contact: o.contact,
    description: o.description,
  };
}

/** The municipality's catalogue of youth offers, by kind and name. */
export async function listOffers(trx: Tx, actor: Actor): Promise<YouthOffer[]> {
  return (await repo.offers(trx, actor.municipalityId)).map(offerView);
}

function offerValues(input: YouthOfferInput) {
  return {
    kind: input.kind,
    name: input.name,
    provider: input.provider,
    min_age: input.minAge,
    max_age: input.maxAge,
    contact: input.contact,
    description: input.description?.trim() || null,
  };
}

/** A new offer in the catalogue (names are unique in the municipality). */
export async function createOffer(trx: Tx, actor: Actor, input: YouthOfferInput) {
  assertNoProblems(offerAgeProblems(input.minAge, input.maxAge));
  const row = await repo.insertOffer(trx, { municipality_id: actor.municipalityId, ...offerValues(input) });
  if (!row) throw fieldError('TRANSITION_OFFER_NAME_TAKEN', 'name');
  await audit(trx, actor, 'transition_offer.create', 'transition_offer', row.id, { kind: input.kind });
  return { id: row.id };
}

/** Changes an offer of the catalogue. */
export async function updateOffer(trx: Tx, actor: Actor, offerId: string, input: YouthOfferInput) {
  assertNoProblems(offerAgeProblems(input.minAge, input.maxAge));
  const result = await repo.updateOffer(trx, actor.municipalityId, offerId, offerValues(input));
  if (result === 'missing') throw new AppError('NOT_FOUND');
  if (result === 'taken') throw fieldError('TRANSITION_OFFER_NAME_TAKEN', 'name');
  await audit(trx, actor, 'transition_offer.update', 'transition_offer', offerId, { kind: input.kind });
}

/** An offer of the catalogue the young person has, from a date to an optional end. */
export async function addPlanOffer(trx: Tx, actor: Actor, planId: string, input: PlanOfferInput) {
  const head = await writablePlan(trx, actor, planId);
  assertNoProblems(planOfferProblems(input.fromDate, input.toDate));
  if (!(await repo.offer(trx, actor.municipalityId, input.offerId)))
    throw fieldError('TRANSITION_OFFER_UNKNOWN', 'offerId');
  const { id } = await repo.insertPlanOffer(trx, {
    municipality_id: actor.municipalityId,
    plan_id: head.id,
    offer_id: input.offerId,
    from_date: input.fromDate,
    to_date: input.toDate ?? null,
    created_by: actor.userId,
  });
  await audit(trx, actor, 'transition_plan_offer.create', 'transition_plan_offer', id, { planId: head.id });
  return { id };
}

/** The end of an offer the young person has. */
export async function endPlanOffer(trx: Tx, actor: Actor, planOfferId: string, toDate: string) {
  const m = actor.municipalityId;
  const po = await repo.planOffer(trx, m, planOfferId);
  if (!po) throw new AppError('NOT_FOUND');
  const head = await writablePlan(trx, actor, po.plan_id);
  if (po.to_date !== null) throw new AppError('TRANSITION_OFFER_ENDED');
  assertNoProblems(planOfferProblems(po.from_date, toDate));
  if (!(await repo.endPlanOffer(trx, m, po.id, toDate))) throw new AppError('TRANSITION_OFFER_ENDED');
  await audit(trx, actor, 'transition_plan_offer.end', 'transition_plan_offer', po.id, { planId: head.id });
}
