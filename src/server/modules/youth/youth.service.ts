import { addDays, ageOn, monthsBefore, today } from '../../../shared/dates';
import type {
  DecisionOutcome,
  EducationStatus,
  KuiStatus,
  ServiceArea,
  YouthPlacementType,
  YouthSupportKind,
} from '../../../shared/youth/model';
import { YOUTH_MAX_AGE, YOUTH_MIN_AGE } from '../../../shared/youth/model';
import {
  decisionClockStart,
  decisionTiming,
  isYoungPerson,
  kuiCovers,
  leftCareAt18,
  pairingActive,
  periodProblem,
  placedOn,
  ungestoetteAvailable,
  ungestoettePeriod,
  ungestoetteProblems,
  youthSupportDeadline,
  youthUnitEligibility,
} from '../../../shared/youth/rules';
import type { Tx } from '../../db/database';
import { AppError, type ErrorCode } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit, logPersonalDataRead } from '../../platform/audit';
import { allocationSettings, openApplicationOf } from '../allocation';
import { displayName, whereaboutsFacts } from '../citizens';
import { supportWorkerUserIds } from '../support';
import { mayRead, seesAllYoungPeople } from './youth.policy';
import * as repo from './youth.repository';

function fieldError(code: ErrorCode, field: string, fieldCode = 'invalid'): AppError {
  return new AppError(code, { fields: [{ path: field, code: fieldCode }] });
}

/** The birth dates of the young people (aged 15–29) on a date, inclusive. */
export function youthBirthRange(onDate: string): { bornFrom: string; bornTo: string } {
  return {
    bornFrom: addDays(monthsBefore(onDate, (YOUTH_MAX_AGE + 1) * 12), 1),
    bornTo: monthsBefore(onDate, YOUTH_MIN_AGE * 12),
  };
}

/** The young person (a citizen aged 15–29 today) the actor may see; NOT_FOUND otherwise. */
async function youngPerson(trx: Tx, actor: Actor, citizenId: string) {
  const c = await repo.citizen(trx, actor.municipalityId, citizenId);
  if (!c) throw new AppError('NOT_FOUND');
  if (!seesAllYoungPeople(actor)) {
    const workers = await supportWorkerUserIds(trx, [citizenId]);
    // Outside the reader's need-to-know: not found, never forbidden (no existence leak).
    if (!mayRead(actor, workers.get(citizenId))) throw new AppError('NOT_FOUND');
  }
  return c;
}

async function youngPersonToWrite(trx: Tx, actor: Actor, citizenId: string) {
  const c = await youngPerson(trx, actor, citizenId);
  if (!isYoungPerson(c.birth_date, today())) throw new AppError('YOUTH_AGE_OUTSIDE');
  return c;
}

function lastSituation(
  episodes: { citizen_id: string; situation: string; from_date: string }[],
  onDate: string,
) {
  const out = new Map<string, string>();
  for (const e of episodes) if (e.from_date <= onDate) out.set(e.citizen_id, e.situation);
  return out;
}

type PairRow = {
  from_age: number | null;
  child_user_id: string | null;
  adult_user_id: string | null;
  child_name: string | null;
  adult_name: string | null;
};

function pairView(r: PairRow, birthDate: string, onDate: string) {
  if (!r.child_user_id || !r.adult_user_id || r.from_age === null) return null;
  return {
    childUserId: r.child_user_id,
    childName: r.child_name,
    adultUserId: r.adult_user_id,
    adultName: r.adult_name,
    fromAge: r.from_age,
    active: pairingActive(birthDate, r.from_age, onDate),
  };
}

const periodsOf = (rows: { from_date: string; to_date: string | null }[]) =>
  rows.map((p) => ({ fromDate: p.from_date, toDate: p.to_date }));

/** The young people aged 15–29 today, youngest first, with status, placement, deadline and pair. */
export async function listYoungPeople(trx: Tx, actor: Actor) {
  const m = actor.municipalityId;
  const onDate = today();
  const { bornFrom, bornTo } = youthBirthRange(onDate);
  let rows = await repo.youngPeople(trx, m, bornFrom, bornTo, null);
  if (!seesAllYoungPeople(actor)) {
    const workers = await supportWorkerUserIds(
      trx,
      rows.map((r) => r.id),
    );
    rows = rows.filter((r) => mayRead(actor, workers.get(r.id)));
  }
  const ids = rows.map((r) => r.id);
  const [placements, decisions, episodes] = await Promise.all([
    repo.placementsOf(trx, m, ids),
    repo.decisionsOf(trx, m, ids),
    whereaboutsFacts(trx, m, ids),
  ]);
  const situations = lastSituation(episodes, onDate);
  const byCitizen = <T extends { citizen_id: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const x of list) map.set(x.citizen_id, [...(map.get(x.citizen_id) ?? []), x]);
    return map;
  };
  const placementsBy = byCitizen(placements);
  const decisionsBy = byCitizen(decisions);
  return {
    items: rows
      .filter((r) => isYoungPerson(r.birth_date, onDate))
      .map((r) => {
        const history = periodsOf(placementsBy.get(r.id) ?? []);
        const placedNow = placedOn(history, onDate);
        const age = ageOn(r.birth_date, onDate);
        const last = (decisionsBy.get(r.id) ?? []).at(-1);
        return {
          citizenId: r.id,
          name: displayName(r),
          birthDate: r.birth_date,
          age,
          situation: situations.get(r.id) ?? null,
          educationStatus: r.education_status,
          placedNow,
          formerlyPlaced: !placedNow && history.length > 0,
          decisionDeadline: placedNow && age < 18 ? youthSupportDeadline(r.birth_date) : null,
          decisionOutcome: last?.outcome ?? null,
          pair: pairView(r, r.birth_date, onDate),
        };
      }),
  };
}

/** One young person's youth profile with everything the rules derive from it. */
export async function getProfile(trx: Tx, actor: Actor, citizenId: string) {
  const m = actor.municipalityId;
  const c = await youngPerson(trx, actor, citizenId);
  const onDate = today();
  const [profile, placements, supports, decisions, pairs, application, settings] = await Promise.all([
    repo.profile(trx, m, citizenId),
    repo.placementsOf(trx, m, [citizenId]),
    repo.supportsOf(trx, m, [citizenId]),
    repo.decisionsOf(trx, m, [citizenId]),
    repo.youngPeople(trx, m, c.birth_date, c.birth_date, [citizenId]),
    openApplicationOf(trx, m, citizenId),
    allocationSettings(trx, actor),
  ]);
  await logPersonalDataRead(trx, actor, {
    entityType: 'youth_profile',
    entityId: citizenId,
    purpose: 'casework',
  });
  const history = periodsOf(placements);
  const period = ungestoettePeriod(c.birth_date);
  // Rule 26 with the municipality's own age limit (allocation settings), as the ranking uses it.
  const ageLimit = settings.youthAgeLimit;
  const pairRow = pairs[0];
  return {
    citizenId,
    name: displayName(c),
    birthDate: c.birth_date,
    age: ageOn(c.birth_date, onDate),
    profile: profile
      ? {
          educationStatus: profile.education_status,
          kuiStatus: profile.kui_status,
          specialNeed: profile.special_need,
          ownGoals: profile.own_goals,
          housingNote: profile.housing_note,
        }
      : null,
    placements: placements.map((p) => ({
      id: p.id,
      placementType: p.placement_type,
      fromDate: p.from_date,
      toDate: p.to_date,
      note: p.note,
    })),
    supports: supports.map((s) => ({
      id: s.id,
      kind: s.kind,
      fromDate: s.from_date,
      toDate: s.to_date,
      provider: s.provider,
      active: s.from_date <= onDate && (s.to_date === null || s.to_date >= onDate),
    })),
    decisions: decisions.map((d) => ({
      id: d.id,
      decidedOn: d.decided_on,
      outcome: d.outcome,
      note: d.note,
      timing: decisionTiming(c.birth_date, d.decided_on),
    })),
    placedNow: placedOn(history, onDate),
    leftCareAt18: leftCareAt18(c.birth_date, history),
    decisionDeadline: youthSupportDeadline(c.birth_date),
    decisionClockStart: decisionClockStart(c.birth_date),
    ungestoette: { ...period, availableNow: ungestoetteAvailable(c.birth_date, onDate) },
    kuiCovered: profile ? kuiCovers(c.birth_date, profile.education_status, onDate) : null,
    youthUnit: profile
      ? {
          ...youthUnitEligibility(
            c.birth_date,
            { education: profile.education_status, specialNeed: profile.special_need },
            onDate,
            ageLimit,
          ),
          ageLimit,
        }
      : null,
    housingApplicationId: application?.id ?? null,
    pair: pairRow ? pairView(pairRow, c.birth_date, onDate) : null,
  };
}

export interface ProfileInput {
  educationStatus: EducationStatus;
  kuiStatus: KuiStatus;
  specialNeed: boolean;
  ownGoals?: string | undefined;
  housingNote?: string | undefined;
}

/** Records the youth profile of a young person aged 15–29 (the newest replaces it). */
export async function saveProfile(trx: Tx, actor: Actor, citizenId: string, input: ProfileInput) {
  await youngPersonToWrite(trx, actor, citizenId);
  const row = await repo.upsertProfile(trx, {
    municipality_id: actor.municipalityId,
    citizen_id: citizenId,
    education_status: input.educationStatus,
    kui_status: input.kuiStatus,
    special_need: input.specialNeed,
    own_goals: input.ownGoals ?? null,
    housing_note: input.housingNote ?? null,
    updated_by: actor.userId,
  });
  await audit(trx, actor, 'youth_profile.save', 'youth_profile', row.id, { citizenId });
  return { id: row.id };
}

/** Records a placement outside the home: it cannot end before it starts, nor start in the future. */
export async function addPlacement(
  trx: Tx,
  actor: Actor,
  citizenId: string,
  input: {
    placementType: YouthPlacementType;
    fromDate: string;
    toDate?: string | undefined;
    note?: string | undefined;
  },
) {
  await youngPersonToWrite(trx, actor, citizenId);
  if (periodProblem(input.fromDate, input.toDate ?? null))
    throw fieldError('YOUTH_PLACEMENT_END_BEFORE_START', 'toDate', 'before_start');
  if (input.fromDate > today()) throw fieldError('YOUTH_DATE_IN_FUTURE', 'fromDate');
  const row = await repo.insertPlacement(trx, {
    municipality_id: actor.municipalityId,
    citizen_id: citizenId,
    placement_type: input.placementType,
    from_date: input.fromDate,
    to_date: input.toDate ?? null,
    note: input.note ?? null,
    created_by: actor.userId,
  });
  await audit(trx, actor, 'youth_placement.create', 'youth_placement', row.id, { citizenId });
  return { id: row.id };
}

/**
 * Records a support of a young person. Ungestøtte (rule 31) runs only from the 18th birthday to
 * the day before the 23rd; a period cannot end before it starts.
 */
export async function addSupport(
  trx: Tx,
  actor: Actor,
  citizenId: string,
  input: {
    kind: YouthSupportKind;
    fromDate: string;
    toDate?: string | undefined;
    provider?: string | undefined;
  },
) {
  const c = await youngPersonToWrite(trx, actor, citizenId);
  if (periodProblem(input.fromDate, input.toDate ?? null))
    throw fieldError('YOUTH_SUPPORT_END_BEFORE_START', 'toDate', 'before_start');
  if (input.kind === 'ungestoette') {
    const [problem] = ungestoetteProblems(c.birth_date, input.fromDate, input.toDate ?? null);
    if (problem) throw fieldError('YOUTH_UNGESTOETTE_AGE', problem);
  }
  const row = await repo.insertSupport(trx, {
    municipality_id: actor.municipalityId,
    citizen_id: citizenId,
    kind: input.kind,
    from_date: input.fromDate,
    to_date: input.toDate ?? null,
    provider: input.provider ?? null,
    created_by: actor.userId,
  });
  await audit(trx, actor, 'youth_support.create', 'youth_support', row.id, { citizenId, kind: input.kind });
  return { id: row.id };
}

/**
 * Records the decision on youth support (Barnets Lov § 111). A decision after the deadline or
 * after the 18th birthday is accepted and flagged (`timing`), never refused; one in the future is.
 */
export async function addDecision(
  trx: Tx,
  actor: Actor,
  citizenId: string,
  input: { decidedOn: string; outcome: DecisionOutcome; note?: string | undefined },
) {
  const c = await youngPersonToWrite(trx, actor, citizenId);
  if (input.decidedOn > today()) throw fieldError('YOUTH_DATE_IN_FUTURE', 'decidedOn');
  const row = await repo.insertDecision(trx, {
    municipality_id: actor.municipalityId,
    citizen_id: citizenId,
    decided_on: input.decidedOn,
    outcome: input.outcome,
    note: input.note ?? null,
    created_by: actor.userId,
  });
  const timing = decisionTiming(c.birth_date, input.decidedOn);
  await audit(trx, actor, 'youth_decision.create', 'youth_decision', row.id, { citizenId, timing });
  return { id: row.id, timing };
}

/**
 * Pairs a child/youth-area and an adult-area caseworker (parløb) around a young person from a
 * chosen age: each must be an active caseworker of the municipality in the right service area.
 */
export async function setPairing(
  trx: Tx,
  actor: Actor,
  citizenId: string,
  input: { childUserId: string; adultUserId: string; fromAge: number },
) {
  await youngPersonToWrite(trx, actor, citizenId);
  const users = await repo.usersWithArea(trx, actor.municipalityId, [input.childUserId, input.adultUserId]);
  const inArea = (id: string, area: ServiceArea) =>
    users.some((u) => u.id === id && u.role_code === 'caseworker' && u.service_area === area);
  if (!inArea(input.childUserId, 'born_unge')) throw fieldError('YOUTH_PAIRING_AREA', 'childUserId');
  if (!inArea(input.adultUserId, 'voksen')) throw fieldError('YOUTH_PAIRING_AREA', 'adultUserId');
  const row = await repo.upsertPairing(trx, {
    municipality_id: actor.municipalityId,
    citizen_id: citizenId,
    child_user_id: input.childUserId,
    adult_user_id: input.adultUserId,
    from_age: input.fromAge,
    updated_by: actor.userId,
  });
  await audit(trx, actor, 'youth_pairing.save', 'youth_pairing', row.id, {
    citizenId,
    fromAge: input.fromAge,
  });
  return { id: row.id };
}

/** The municipality's caseworkers with their service area (to choose a pair). */
export async function listCaseworkers(trx: Tx, actor: Actor) {
  return (await repo.caseworkers(trx, actor.municipalityId)).map((u) => ({
    id: u.id,
    name: u.display_name,
    serviceArea: u.service_area,
  }));
}

/** Sets a user's service area, child/youth or adult (the administrator, users.manage). */
export async function setServiceArea(trx: Tx, actor: Actor, userId: string, area: ServiceArea | null) {
  if (!(await repo.setServiceArea(trx, actor.municipalityId, userId, area))) throw new AppError('NOT_FOUND');
  await audit(trx, actor, 'user.service_area', 'app_user', userId, { serviceArea: area });
}
