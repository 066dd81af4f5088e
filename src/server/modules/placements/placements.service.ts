import { today } from '../../../shared/dates';
import type { PlacementKind, SituationAfter } from '../../../shared/placements/model';
import {
  moveInOverdue,
  needsNextStep,
  overlappingPlacements,
  placementDateProblems,
  unitFreeFrom,
} from '../../../shared/placements/rules';
import type { Tx } from '../../db/database';
import { AppError, type ErrorCode } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { addEpisode, displayName } from '../citizens';
import * as repo from './placements.repository';

function fieldError(code: ErrorCode, field: string, fieldCode = 'invalid'): AppError {
  return new AppError(code, { fields: [{ path: field, code: fieldCode }] });
}

async function requireCitizen(trx: Tx, actor: Actor, citizenId: string) {
  // A citizen of another municipality (or none) is not found, never forbidden.
  if (!(await repo.citizenExists(trx, actor.municipalityId, citizenId))) throw new AppError('NOT_FOUND');
}

// ---- skæve boliger (almenboligloven § 149 a) ----

/** The municipality's skæve boliger, vacant units first, and the last ended tenancies. */
export async function listUnits(trx: Tx, actor: Actor) {
  const m = actor.municipalityId;
  const [rows, ended] = await Promise.all([repo.units(trx, m), repo.endedTenancies(trx, m, 50)]);
  const units = rows.map((u) => ({
    id: u.id,
    name: u.name,
    address: u.address,
    project: u.project,
    rooms: u.rooms,
    monthlyRent: Number(u.monthly_rent),
    socialCaretaker: u.social_caretaker,
    tenancy:
      u.tenancy_id && u.citizen_id && u.from_date
        ? {
            id: u.tenancy_id,
            citizenId: u.citizen_id,
            name: displayName(u),
            fromDate: u.from_date,
          }
        : null,
  }));
  // Vacant units first (they are the ones to let), each group in the register's order.
  units.sort((a, b) => Number(a.tenancy !== null) - Number(b.tenancy !== null));
  return {
    units,
    ended: ended.map((t) => ({
      id: t.id,
      unitId: t.unit_id,
      unitName: t.unit_name,
      citizenId: t.citizen_id,
      name: displayName(t),
      fromDate: t.from_date,
      toDate: t.to_date as string,
      endReason: t.end_reason,
    })),
  };
}

export interface UnitInput {
  name: string;
  address: string;
  project: string;
  rooms: number;
  monthlyRent: number;
  socialCaretaker: boolean;
}

/** A new skæv bolig in the register (unit names are unique in the municipality). */
export async function createUnit(trx: Tx, actor: Actor, input: UnitInput) {
  const row = await repo.insertUnit(trx, {
    municipality_id: actor.municipalityId,
    name: input.name,
    address: input.address,
    project: input.project,
    rooms: input.rooms,
    monthly_rent: String(input.monthlyRent),
    social_caretaker: input.socialCaretaker,
  });
  if (!row) throw fieldError('SKAEV_UNIT_NAME_TAKEN', 'name');
  await audit(trx, actor, 'skaev_bolig.create', 'skaev_bolig', row.id, { project: input.project });
  return { id: row.id };
}

/**
 * Lets a skæv bolig to a citizen from a date (not ahead of today): one tenant per unit at a time,
 * one open tenancy per citizen. The citizen's whereabouts become own home (housed) from that day.
 */
export async function startTenancy(
  trx: Tx,
  actor: Actor,
  unitId: string,
  input: { citizenId: string; fromDate: string },
) {
  const m = actor.municipalityId;
  if (!(await repo.unit(trx, m, unitId))) throw new AppError('NOT_FOUND');
  await requireCitizen(trx, actor, input.citizenId);
  if (input.fromDate > today()) throw fieldError('PLACEMENT_DATE_IN_FUTURE', 'fromDate');
  const tenancies = await repo.tenanciesOfUnit(trx, m, unitId);
  if (
    !unitFreeFrom(
      tenancies.map((t) => ({ fromDate: t.from_date, toDate: t.to_date })),
      input.fromDate,
    )
  )
    throw new AppError('SKAEV_UNIT_LET');
  if (await repo.openTenancyOfCitizen(trx, m, input.citizenId))
    throw fieldError('SKAEV_CITIZEN_HAS_TENANCY', 'citizenId');
  const row = await repo.insertTenancy(trx, {
    municipality_id: m,
    unit_id: unitId,
    citizen_id: input.citizenId,
    from_date: input.fromDate,
    to_date: null,
    end_reason: null,
    created_by: actor.userId,
  });
  // Lost a race with a concurrent start: the partial unique indexes decided.
  if (!row) throw new AppError('SKAEV_UNIT_LET');
  await addEpisode(trx, actor, input.citizenId, {
    situation: 'housed',
    fromDate: input.fromDate,
    note: null,
  });
  await audit(trx, actor, 'skaev_tenancy.start', 'skaev_tenancy', row.id, { unitId });
  return { id: row.id };
}

/** Ends a tenancy (not before its start, not ahead of today); the citizen's whereabouts become the chosen situation. */
export async function endTenancy(
  trx: Tx,
  actor: Actor,
  tenancyId: string,
  input: { toDate: string; situationAfter: SituationAfter; reason?: string | undefined },
) {
  const m = actor.municipalityId;
  const t = await repo.tenancy(trx, m, tenancyId);
  if (!t) throw new AppError('NOT_FOUND');
  if (t.to_date !== null) throw new AppError('SKAEV_TENANCY_ENDED');
  if (input.toDate < t.from_date) throw fieldError('SKAEV_END_BEFORE_START', 'toDate');
  if (input.toDate > today()) throw fieldError('PLACEMENT_DATE_IN_FUTURE', 'toDate');
  if (!(await repo.endTenancy(trx, m, t.id, { to_date: input.toDate, end_reason: input.reason ?? null })))
    throw new AppError('SKAEV_TENANCY_ENDED');
  await addEpisode(trx, actor, t.citizen_id, {
    situation: input.situationAfter,
    fromDate: input.toDate,
    note: null,
  });
  await audit(trx, actor, 'skaev_tenancy.end', 'skaev_tenancy', t.id, { to: input.situationAfter });
}

// ---- § 107 / § 108 placements (serviceloven) ----

type PlacementRow = Awaited<ReturnType<typeof repo.placements>>[number];

function placementView(p: PlacementRow, onDate: string) {
  const facts = {
    kind: p.kind,
    startedOn: p.started_on,
    endedOn: p.ended_on,
    plannedEndOn: p.planned_end_on,
    plannedMoveInOn: p.planned_move_in_on,
  };
  return {
    id: p.id,
    citizenId: p.citizen_id,
    name: displayName(p),
    birthDate: p.birth_date,
    kind: p.kind,
    provider: p.provider,
    decidedOn: p.decided_on,
    plannedMoveInOn: p.planned_move_in_on,
    plannedEndOn: p.planned_end_on,
    startedOn: p.started_on,
    endedOn: p.ended_on,
    endReason: p.end_reason,
    monthlyCost: Number(p.monthly_cost),
    needsNextStep: needsNextStep(facts, onDate),
    moveInOverdue: moveInOverdue(facts, onDate),
  };
}

/** The municipality's placements: active (decided or started) or ended. */
export async function listPlacements(trx: Tx, actor: Actor, state: 'active' | 'ended') {
  const onDate = today();
  return (await repo.placements(trx, actor.municipalityId, state)).map((p) => placementView(p, onDate));
}

type Existing = Awaited<ReturnType<typeof repo.placementsOfCitizen>>[number];
const datesOf = (p: Existing) => ({
  id: p.id,
  decidedOn: p.decided_on,
  plannedMoveInOn: p.planned_move_in_on,
  plannedEndOn: p.planned_end_on,
  startedOn: p.started_on,
  endedOn: p.ended_on,
});

function assertDates(dates: Parameters<typeof placementDateProblems>[0]) {
  const problems = placementDateProblems(dates, today());
  const first = problems[0];
  if (first)
    throw new AppError(first.code, { fields: problems.map((p) => ({ path: p.field, code: 'invalid' })) });
}

/** The overlap rule against the citizen's other placements (their rows locked by the caller). */
async function assertNoOverlap(
  trx: Tx,
  actor: Actor,
  citizenId: string,
  candidate: Parameters<typeof overlappingPlacements>[0],
  field: string,
) {
  const others = (await repo.placementsOfCitizen(trx, actor.municipalityId, citizenId)).map(datesOf);
  if (overlappingPlacements(candidate, others).length > 0) throw fieldError('PLACEMENT_OVERLAP', field);
}

export interface PlacementInput {
  citizenId: string;
  kind: PlacementKind;
  provider: string;
  decidedOn: string;
  plannedMoveInOn: string;
  plannedEndOn?: string | undefined;
  startedOn?: string | undefined;
  monthlyCost: number;
}

/**
 * A § 107 / § 108 decision, started at once when `startedOn` is given: dates in order, no other
 * placement of the citizen in the same period. A start makes the citizen's whereabouts
 * 'institution' from that day.
 */
export async function createPlacement(trx: Tx, actor: Actor, input: PlacementInput) {
  const m = actor.municipalityId;
  assertDates(input);
  // Serialises decisions for one citizen so the overlap check holds under concurrency.
  if (!(await repo.lockCitizen(trx, m, input.citizenId))) throw new AppError('NOT_FOUND');
  await requireCitizen(trx, actor, input.citizenId);
  await assertNoOverlap(trx, actor, input.citizenId, input, 'plannedMoveInOn');
  const { id } = await repo.insertPlacement(trx, {
    municipality_id: m,
    citizen_id: input.citizenId,
    kind: input.kind,
    provider: input.provider,
    decided_on: input.decidedOn,
    planned_move_in_on: input.plannedMoveInOn,
    planned_end_on: input.plannedEndOn ?? null,
    started_on: input.startedOn ?? null,
    ended_on: null,
    end_reason: null,
    monthly_cost: String(input.monthlyCost),
    created_by: actor.userId,
  });
  if (input.startedOn)
    await addEpisode(trx, actor, input.citizenId, {
      situation: 'institution',
      fromDate: input.startedOn,
      note: null,
    });
  await audit(trx, actor, 'care_placement.create', 'care_placement', id, {
    kind: input.kind,
    started: Boolean(input.startedOn),
  });
  return { id };
}

async function placementOf(trx: Tx, actor: Actor, id: string) {
  const p = await repo.placement(trx, actor.municipalityId, id);
  if (!p) throw new AppError('NOT_FOUND');
  return p;
}

/** The move-in: on or after the decision, not ahead of today; whereabouts 'institution' from then. */
export async function startPlacement(trx: Tx, actor: Actor, id: string, startedOn: string) {
  const m = actor.municipalityId;
  const p = await placementOf(trx, actor, id);
  if (p.ended_on !== null) throw new AppError('PLACEMENT_ENDED');
  if (p.started_on !== null) throw new AppError('PLACEMENT_STARTED');
  const dates = { ...datesOf(p), startedOn };
  assertDates(dates);
  await repo.lockCitizen(trx, m, p.citizen_id);
  await assertNoOverlap(trx, actor, p.citizen_id, dates, 'startedOn');
  if (!(await repo.startPlacement(trx, m, p.id, startedOn))) throw new AppError('PLACEMENT_STARTED');
  await addEpisode(trx, actor, p.citizen_id, { situation: 'institution', fromDate: startedOn, note: null });
  await audit(trx, actor, 'care_placement.start', 'care_placement', p.id);
}

/**
 * Ends a placement: the move-out (on or after the start, not ahead of today) with the situation the
 * citizen moves to, which becomes their whereabouts; or, before any start, the decision withdrawn
 * (the whereabouts stay as they are).
 */
export async function endPlacement(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { endedOn: string; situationAfter: SituationAfter; reason?: string | undefined },
) {
  const m = actor.municipalityId;
  const p = await placementOf(trx, actor, id);
  if (p.ended_on !== null) throw new AppError('PLACEMENT_ENDED');
  assertDates({ ...datesOf(p), endedOn: input.endedOn });
  if (!(await repo.endPlacement(trx, m, p.id, { ended_on: input.endedOn, end_reason: input.reason ?? null })))
    throw new AppError('PLACEMENT_ENDED');
  if (p.started_on !== null)
    await addEpisode(trx, actor, p.citizen_id, {
      situation: input.situationAfter,
      fromDate: input.endedOn,
      note: null,
    });
  await audit(trx, actor, 'care_placement.end', 'care_placement', p.id, {
    to: p.started_on !== null ? input.situationAfter : 'withdrawn',
  });
}
