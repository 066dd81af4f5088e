import type { Situation } from '../../../shared/citizens/whereabouts';
import { today } from '../../../shared/dates';
import type { DischargeDestination, ShelterKind } from '../../../shared/shelters/model';
import {
  type DischargeFacts,
  dischargeBlockers,
  notificationDeadline,
  notificationStatus,
} from '../../../shared/shelters/rules';
import { isUniqueViolation, type Tx } from '../../db/database';
import { AppError, type ErrorCode } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { tenancyFacts } from '../allocation';
import { addEpisode, type CitizenInput, createCitizen, displayName, existingCitizenOf } from '../citizens';
import { careDecisionOf } from '../placements';
import { citizensWithActivePlan } from '../plans';
import { citizensWithDecidedSupport } from '../support';
import * as repo from './shelters.repository';

function fieldError(code: ErrorCode, field: string, fieldCode = 'invalid'): AppError {
  return new AppError(code, { fields: [{ path: field, code: fieldCode }] });
}

const money = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));

// ---- shelters (the administrator) ----

export async function listShelters(trx: Tx, actor: Actor) {
  const rows = await repo.shelters(trx, actor.municipalityId, today());
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    places: s.places,
    onTilbudsportalen: s.on_tilbudsportalen,
    dailyRate: money(s.daily_rate),
    residents: Number(s.residents ?? 0),
  }));
}

export interface ShelterInput {
  name: string;
  kind: ShelterKind;
  places: number;
  onTilbudsportalen: boolean;
  dailyRate: number;
  rateFrom: string;
}

/** A new shelter with its first daily rate. */
export async function createShelter(trx: Tx, actor: Actor, input: ShelterInput) {
  const m = actor.municipalityId;
  // The name is unique in the municipality: a second shelter of that name is refused, naming the field.
  const { id } = await repo
    .insertShelter(trx, {
      municipality_id: m,
      name: input.name,
      kind: input.kind,
      places: input.places,
      on_tilbudsportalen: input.onTilbudsportalen,
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw new AppError('SHELTER_NAME_TAKEN', { fields: [{ path: 'name', code: 'taken' }] });
      throw error;
    });
  await repo.upsertRate(trx, {
    municipality_id: m,
    shelter_id: id,
    valid_from: input.rateFrom,
    daily_rate: input.dailyRate,
    created_by: actor.userId,
  });
  await audit(trx, actor, 'shelter.create', 'shelter', id, { kind: input.kind, places: input.places });
  return { id };
}

/** A daily rate (takst) from a date; the rates before it stay as history. */
export async function setRate(
  trx: Tx,
  actor: Actor,
  shelterId: string,
  rate: { validFrom: string; dailyRate: number },
) {
  const m = actor.municipalityId;
  if (!(await repo.shelter(trx, m, shelterId))) throw new AppError('NOT_FOUND');
  await repo.upsertRate(trx, {
    municipality_id: m,
    shelter_id: shelterId,
    valid_from: rate.validFrom,
    daily_rate: rate.dailyRate,
    created_by: actor.userId,
  });
  await audit(trx, actor, 'shelter.rate_set', 'shelter', shelterId, { validFrom: rate.validFrom });
}

/** The municipality's shelter users and the shelter each works at. */
export async function listShelterUsers(trx: Tx, actor: Actor) {
  const rows = await repo.shelterUsers(trx, actor.municipalityId);
  return rows.map((u) => ({
    id: u.id,
    displayName: u.display_name,
    username: u.username,
    shelterId: u.shelter_id,
  }));
}

/** Links a `partner_shelter` user to the shelter they work at (one shelter per user). */
export async function linkUser(trx: Tx, actor: Actor, shelterId: string, userId: string) {
  const m = actor.municipalityId;
  if (!(await repo.shelter(trx, m, shelterId))) throw new AppError('NOT_FOUND');
  if (!(await repo.isShelterUser(trx, m, userId))) throw fieldError('SHELTER_USER_UNLINKED', 'userId');
  await repo.linkUser(trx, m, userId, shelterId);
  await audit(trx, actor, 'shelter.user_link', 'shelter', shelterId, { userId });
}

// ---- the shelter's residents (the shelter's staff) ----

/** The acting shelter user's shelter; SHELTER_USER_UNLINKED until the administrator links them. */
async function ownShelter(trx: Tx, actor: Actor): Promise<string> {
  const id = await repo.shelterOfUser(trx, actor.municipalityId, actor.userId);
  if (!id) throw new AppError('SHELTER_USER_UNLINKED');
  return id;
}

type StayRow = NonNullable<Awaited<ReturnType<typeof repo.stayOfShelter>>>;

function stayView(s: StayRow, onDate: string, known: ReadonlySet<string>) {
  return {
    id: s.id,
    citizenId: s.citizen_id,
    name: displayName(s),
    birthDate: s.birth_date,
    admittedOn: s.admitted_on,
    admissionDecidedOn: s.admission_decided_on,
    handlekommune: s.handlekommune,
    handlekommuneInDeployment: known.has(s.handlekommune),
    notifyBy: notificationDeadline(s.admission_decided_on),
    notifiedOn: s.notified_on,
    notification: notificationStatus(s.admission_decided_on, s.notified_on, onDate),
    dischargedOn: s.discharged_on,
    dischargedTo: s.discharged_to,
    dischargeReason: s.discharge_reason,
    municipalDischarge: s.municipal_discharge,
  };
}

/** The shelter's residents now, and its last discharges. */
export async function myResidents(trx: Tx, actor: Actor) {
  const m = actor.municipalityId;
  const shelterId = await ownShelter(trx, actor);
  const onDate = today();
  const [shelter, open, ended] = await Promise.all([
    repo.shelter(trx, m, shelterId),
    repo.staysOfShelter(trx, m, shelterId, true),
    repo.staysOfShelter(trx, m, shelterId, false),
  ]);
  const last = ended.slice(0, 50);
  const known = await repo.knownHandlekommuner(
    trx,
    [...open, ...last].map((s) => s.handlekommune),
  );
  return {
    shelter: { id: shelterId, name: shelter?.name ?? '', places: shelter?.places ?? 0 },
    residents: open.map((s) => stayView(s, onDate, known)),
    discharged: last.map((s) => stayView(s, onDate, known)),
  };
}

export interface AdmissionInput {
  cpr?: string | undefined;
  birthDate?: string | undefined;
  initials?: string | undefined;
  givenName?: string | undefined;
  familyName?: string | undefined;
  admittedOn: string;
  admissionDecidedOn: string;
  handlekommune: string;
}

/**
 * Registers an admission (§ 110 stk. 3–4): the citizen by CPR number, or by birth date and
 * initials; a citizen not yet in the by-name list is registered, and the stay becomes the citizen's
 * whereabouts (herberg/forsorgshjem). One open stay per citizen and shelter.
 */
export async function admit(trx: Tx, actor: Actor, input: AdmissionInput) {
  const m = actor.municipalityId;
  const shelterId = await ownShelter(trx, actor);
  const onDate = today();
  if (!input.cpr && !(input.birthDate && input.initials))
    throw new AppError('STAY_CITIZEN_REQUIRED', {
      fields: [
        { path: 'cpr', code: 'required' },
        { path: 'birthDate', code: 'required' },
        { path: 'initials', code: 'required' },
      ],
    });
  if (!input.handlekommune) throw fieldError('STAY_HANDLEKOMMUNE_REQUIRED', 'handlekommune', 'required');
  if (input.admittedOn > onDate) throw fieldError('STAY_DATE_IN_FUTURE', 'admittedOn');
  if (input.admissionDecidedOn > input.admittedOn)
    throw fieldError('STAY_DECISION_AFTER_ADMISSION', 'admissionDecidedOn');
  const citizen: CitizenInput = {
    ...(input.cpr ? { cpr: input.cpr } : { birthDate: input.birthDate, initials: input.initials }),
    ...(input.givenName ? { givenName: input.givenName } : {}),
    ...(input.familyName ? { familyName: input.familyName } : {}),
    ...(input.cpr && input.initials ? { initials: input.initials } : {}),
    firstEpisode: { situation: 'shelter', fromDate: input.admittedOn },
  } as CitizenInput;
  let citizenId: string;
  try {
    citizenId = (await createCitizen(trx, actor, citizen)).id;
  } catch (error) {
    // Known by CPR number already: the stay is the citizen's new whereabouts.
    const known = existingCitizenOf(error);
    if (known === null) throw error;
    citizenId = known;
    await addEpisode(trx, actor, citizenId, { situation: 'shelter', fromDate: input.admittedOn, note: null });
  }
  const row = await repo.insertStay(trx, {
    municipality_id: m,
    shelter_id: shelterId,
    citizen_id: citizenId,
    admitted_on: input.admittedOn,
    admission_decided_on: input.admissionDecidedOn,
    handlekommune: input.handlekommune,
    notified_on: null,
    discharged_on: null,
    discharged_to: null,
    discharge_reason: null,
    created_by: actor.userId,
  });
  if (!row) throw new AppError('STAY_ALREADY_OPEN');
  await audit(trx, actor, 'shelter_stay.admit', 'shelter_stay', row.id, {
    handlekommune: input.handlekommune,
  });
  return { id: row.id, citizenId };
}

async function ownStay(trx: Tx, actor: Actor, stayId: string) {
  const shelterId = await ownShelter(trx, actor);
  const stay = await repo.stayOfShelter(trx, actor.municipalityId, shelterId, stayId);
  // Another shelter's resident is not found, never forbidden.
  if (!stay) throw new AppError('NOT_FOUND');
  return stay;
}

/**
 * Records that the handlekommune was notified (§ 110 stk. 6), on a day from the decision to today.
 * When the handlekommune is a municipality of this deployment (the shelter's own included), the
 * notification, only its facts, lands in that municipality's inbox; otherwise the shelter sends the
 * notification letter (`notificationLetter`). Answers whether it went to an inbox.
 */
export async function notify(trx: Tx, actor: Actor, stayId: string, notifiedOn: string) {
  const stay = await ownStay(trx, actor, stayId);
  if (notifiedOn > today()) throw fieldError('STAY_DATE_IN_FUTURE', 'notifiedOn');
  if (notifiedOn < stay.admission_decided_on) throw fieldError('STAY_DECISION_AFTER_ADMISSION', 'notifiedOn');
  if (!(await repo.markNotified(trx, actor.municipalityId, stay.id, notifiedOn)))
    throw new AppError('STAY_ALREADY_NOTIFIED');
  const sent = await repo.sendNotification(trx, stay.id, notifiedOn);
  await audit(trx, actor, 'shelter_stay.notify', 'shelter_stay', stay.id, {
    status: notificationStatus(stay.admission_decided_on, notifiedOn, today()),
    inbox: sent !== null,
  });
  return { inbox: sent !== null };
}

/**
 * What the notification letter to a handlekommune outside this deployment says (§ 110 stk. 6):
 * the shelter and its municipality, the citizen's CPR number (or birth date and initials) and name,
 * and the dates. The download is audited.
 */
export async function notificationLetterData(trx: Tx, actor: Actor, stayId: string) {
  const stay = await ownStay(trx, actor, stayId);
  const [shelter, cpr] = await Promise.all([
    repo.shelter(trx, actor.municipalityId, stay.shelter_id),
    repo.cprOfCitizen(trx, actor.municipalityId, stay.citizen_id),
  ]);
  await audit(trx, actor, 'shelter_stay.notification_letter', 'shelter_stay', stay.id);
  return {
    shelterName: shelter?.name ?? '',
    handlekommune: stay.handlekommune,
    citizen: {
      name: [stay.given_name, stay.family_name].filter(Boolean).join(' ') || null,
      cpr,
      birthDate: cpr ? null : stay.birth_date,
      initials: cpr ? null : stay.initials,
    },
    admittedOn: stay.admitted_on,
    admissionDecidedOn: stay.admission_decided_on,
    notifiedOn: stay.notified_on,
  };
}

/**
 * The whereabouts a discharge leads to (the VIVE situations of src/shared/citizens/whereabouts.ts).
 * Family or friends is the couch-surfing situation (temporary, without a contract as far as is
 * known). Hospital or prison is an institution: the VIVE situations `hospital` and `prison` need
 * the release date and whether housing is arranged (rule 2), which a discharge does not tell, and
 * without them the whereabouts model reads such a stay as an institution (`classifyOn`).
 */
export const SITUATION_AFTER: Record<DischargeDestination, Situation> = {
  own_home: 'housed',
  care_107_108: 'institution',
  other_shelter: 'shelter',
  street: 'street',
  hospital_prison: 'institution',
  family_friends: 'family_friends',
  unknown: 'unknown',
};

/**
 * The shelter manager's discharge (§ 110 stk. 4): date (not before the admission, not ahead),
 * where to and why; the destination becomes the citizen's whereabouts from that day.
 */
export async function dischargeStay(
  trx: Tx,
  actor: Actor,
  stayId: string,
  input: { dischargedOn: string; dischargedTo: DischargeDestination; reason?: string | null | undefined },
) {
  const stay = await ownStay(trx, actor, stayId);
  if (stay.discharged_on !== null) throw new AppError('STAY_CLOSED');
  if (input.dischargedOn < stay.admitted_on)
    throw fieldError('STAY_DISCHARGE_BEFORE_ADMISSION', 'dischargedOn');
  if (input.dischargedOn > today()) throw fieldError('STAY_DATE_IN_FUTURE', 'dischargedOn');
  const ended = await repo.discharge(trx, actor.municipalityId, stay.id, {
    discharged_on: input.dischargedOn,
    discharged_to: input.dischargedTo,
    discharge_reason: input.reason?.trim() || null,
    municipal_discharge: false,
  });
  if (!ended) throw new AppError('STAY_CLOSED');
  await addEpisode(trx, actor, stay.citizen_id, {
    situation: SITUATION_AFTER[input.dischargedTo],
    fromDate: input.dischargedOn,
    note: null,
  });
  await audit(trx, actor, 'shelter_stay.discharge', 'shelter_stay', stay.id, { to: input.dischargedTo });
}

// ---- the handlekommune's caseworkers ----

export type PlanStatus = 'action_plan' | 'coherent_plan' | 'missing';

/**
 * The citizens in the municipality's shelters it is handlekommune for, each with the action plan
 * every § 110 resident needs (rule 11): a recorded § 141/§ 142 plan, an active coherent plan
 * (a coordinated plan), or missing.
 */
export async function handlekommuneResidents(trx: Tx, actor: Actor) {
  const m = actor.municipalityId;
  const code = await repo.municipalityCode(trx, m);
  const rows = await repo.staysOfHandlekommune(trx, m, code);
  const planned = await citizensWithActivePlan(
    trx,
    m,
    rows.map((r) => r.citizen_id),
  );
  return rows.map((r) => ({
    id: r.id,
    citizenId: r.citizen_id,
    name: displayName(r),
    shelterName: r.shelter_name,
    admittedOn: r.admitted_on,
    notifiedOn: r.notified_on,
    actionPlanOn: r.action_plan_on,
    plan: (r.action_plan_on
      ? 'action_plan'
      : planned.has(r.citizen_id)
        ? 'coherent_plan'
        : 'missing') as PlanStatus,
  }));
}

/** Records the day the resident's § 141/§ 142 action plan was made (not ahead of today). */
export async function recordActionPlan(trx: Tx, actor: Actor, stayId: string, madeOn: string) {
  const m = actor.municipalityId;
  const stay = await repo.stayOfHandlekommune(trx, m, await repo.municipalityCode(trx, m), stayId);
  if (!stay) throw new AppError('NOT_FOUND');
  if (stay.discharged_on !== null) throw new AppError('STAY_CLOSED');
  if (madeOn > today()) throw fieldError('STAY_DATE_IN_FUTURE', 'madeOn');
  await repo.setActionPlan(trx, m, stay.id, madeOn);
  await audit(trx, actor, 'shelter_stay.action_plan', 'shelter_stay', stay.id);
}

// ---- the municipal discharge (§ 110 stk. 5, rule 12) ----

/**
 * What rule 12 reads for a municipal discharge of the stay on a day, gathered from the data: the
 * plan (the stay's § 141/§ 142 action plan, or an active coherent plan); the tenancy from the
 * allocation module (allocated, lease signed, move-in or planned move-in on or before the day) that
 * is not a home left before the stay; support decided and not ended (the support module); and a
 * § 107/108 decision with its move-in date (the placements module).
 */
async function dischargeConditions(
  trx: Tx,
  m: string,
  stay: { citizen_id: string; admitted_on: string; action_plan_on: string | null },
  onDate: string,
) {
  const c = stay.citizen_id;
  const [planned, tenancies, supported, care] = await Promise.all([
    citizensWithActivePlan(trx, m, [c]),
    tenancyFacts(trx, m, [c]),
    citizensWithDecidedSupport(trx, m, [c], onDate),
    careDecisionOf(trx, m, c),
  ]);
  const plan: PlanStatus =
    stay.action_plan_on !== null && stay.action_plan_on <= onDate
      ? 'action_plan'
      : planned.has(c)
        ? 'coherent_plan'
        : 'missing';
  const tenancy = tenancies.filter((t) => t.moved_in_on === null || t.moved_in_on >= stay.admitted_on).at(-1);
  const moveInOn = tenancy ? (tenancy.moved_in_on ?? tenancy.planned_move_in_on) : null;
  const facts: DischargeFacts = {
    hasPlan: plan !== 'missing',
    housingAllocated: tenancy !== undefined,
    supportDecided: supported.has(c),
    leaseSigned:
      tenancy?.lease_signed_on !== null &&
      tenancy?.lease_signed_on !== undefined &&
      tenancy.lease_signed_on <= onDate,
    canMoveIn: moveInOn !== null && moveInOn <= onDate,
    careDecision: care ? { moveInOn: care.moveInOn } : null,
  };
  return {
    onDate,
    plan,
    housingAllocated: facts.housingAllocated,
    supportDecided: facts.supportDecided,
    leaseSignedOn: tenancy?.lease_signed_on ?? null,
    leaseSigned: facts.leaseSigned,
    moveInOn,
    canMoveIn: facts.canMoveIn,
    careDecision: care ? { kind: care.kind, decidedOn: care.decidedOn, moveInOn: care.moveInOn } : null,
    blockers: dischargeBlockers(facts, onDate),
  };
}

/** The handlekommune's own open stay (the stay lives in the shelter's tenant: its own shelters). */
async function handlekommuneStay(trx: Tx, actor: Actor, stayId: string) {
  const m = actor.municipalityId;
  const stay = await repo.stayForDischarge(trx, m, await repo.municipalityCode(trx, m), stayId);
  if (!stay) throw new AppError('NOT_FOUND');
  return stay;
}

/** The conditions of a municipal discharge today, and what is missing (rule 12). */
export async function municipalDischargeConditions(trx: Tx, actor: Actor, stayId: string) {
  const stay = await handlekommuneStay(trx, actor, stayId);
  if (stay.discharged_on !== null) throw new AppError('STAY_CLOSED');
  return dischargeConditions(trx, actor.municipalityId, stay, today());
}

/**
 * The municipality's discharge of a resident it is handlekommune for (§ 110 stk. 5): recorded only
 * when every condition holds on the discharge day (rule 12), else refused with what is missing
 * (`params.blockers`, comma-separated) and nothing saved. The destination becomes the citizen's
 * whereabouts, as at the shelter's own discharge.
 */
export async function municipalDischarge(
  trx: Tx,
  actor: Actor,
  stayId: string,
  input: { dischargedOn: string; dischargedTo: DischargeDestination; reason?: string | null | undefined },
) {
  const m = actor.municipalityId;
  const stay = await handlekommuneStay(trx, actor, stayId);
  if (stay.discharged_on !== null) throw new AppError('STAY_CLOSED');
  if (input.dischargedOn < stay.admitted_on)
    throw fieldError('STAY_DISCHARGE_BEFORE_ADMISSION', 'dischargedOn');
  if (input.dischargedOn > today()) throw fieldError('STAY_DATE_IN_FUTURE', 'dischargedOn');
  const { blockers } = await dischargeConditions(trx, m, stay, input.dischargedOn);
  if (blockers.length > 0)
    throw new AppError('STAY_DISCHARGE_CONDITIONS', { params: { blockers: blockers.join(',') } });
  const ended = await repo.discharge(trx, m, stay.id, {
    discharged_on: input.dischargedOn,
    discharged_to: input.dischargedTo,
    discharge_reason: input.reason?.trim() || null,
    municipal_discharge: true,
  });
  if (!ended) throw new AppError('STAY_CLOSED');
  await addEpisode(trx, actor, stay.citizen_id, {
    situation: SITUATION_AFTER[input.dischargedTo],
    fromDate: input.dischargedOn,
    note: null,
  });
  await audit(trx, actor, 'shelter_stay.municipal_discharge', 'shelter_stay', stay.id, {
    to: input.dischargedTo,
  });
}
