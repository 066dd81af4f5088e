import type { Insertable } from 'kysely';
import type { PlacementKind } from '../../../shared/placements/model';
import type { Executor } from '../../db/database';
import type { CarePlacementTable, SkaevBoligTable, SkaevTenancyTable } from './placements.table';

const citizenColumns = ['c.given_name', 'c.family_name', 'c.initials', 'c.birth_date'] as const;

// ---- skæve boliger ----

/** The municipality's skæve boliger, each with its open tenancy and tenant (if let). */
export function units(db: Executor, m: string) {
  return db
    .selectFrom('skaev_bolig as u')
    .leftJoin('skaev_tenancy as t', (j) => j.onRef('t.unit_id', '=', 'u.id').on('t.to_date', 'is', null))
    .leftJoin('citizen as c', 'c.id', 't.citizen_id')
    .select([
      'u.id',
      'u.name',
      'u.address',
      'u.project',
      'u.rooms',
      'u.monthly_rent',
      'u.social_caretaker',
      't.id as tenancy_id',
      't.citizen_id',
      't.from_date',
      ...citizenColumns,
    ])
    .where('u.municipality_id', '=', m)
    .orderBy('u.project')
    .orderBy('u.name')
    .execute();
}

export function unit(db: Executor, m: string, id: string) {
  return db
    .selectFrom('skaev_bolig')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A new unit; undefined when the municipality has a unit of that name already. */
export function insertUnit(db: Executor, values: Insertable<SkaevBoligTable>) {
  return db
    .insertInto('skaev_bolig')
    .values(values)
    .onConflict((oc) => oc.columns(['municipality_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** The ended tenancies of the municipality's units, newest first. */
export function endedTenancies(db: Executor, m: string, limit: number) {
  return db
    .selectFrom('skaev_tenancy as t')
    .innerJoin('skaev_bolig as u', 'u.id', 't.unit_id')
    .innerJoin('citizen as c', 'c.id', 't.citizen_id')
    .select([
      't.id',
      't.unit_id',
      'u.name as unit_name',
      't.citizen_id',
      't.from_date',
      't.to_date',
      't.end_reason',
      ...citizenColumns,
    ])
    .where('t.municipality_id', '=', m)
    .where('t.to_date', 'is not', null)
    .orderBy('t.to_date', 'desc')
    .limit(limit)
    .execute();
}

/** The citizen's open tenancy of a skæv bolig, if any. */
export function openTenancyOfCitizen(db: Executor, m: string, citizenId: string) {
  return db
    .selectFrom('skaev_tenancy')
    .select(['id', 'unit_id'])
    .where('municipality_id', '=', m)
    .where('citizen_id', '=', citizenId)
    .where('to_date', 'is', null)
    .executeTakeFirst();
}

/**
 * A new tenancy; undefined when the unit is let or the citizen has an open tenancy already (the
 * two partial unique indexes of migration 0025 decide, so two concurrent starts cannot both win).
 */
export function insertTenancy(db: Executor, values: Insertable<SkaevTenancyTable>) {
  return db
    .insertInto('skaev_tenancy')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function tenancy(db: Executor, m: string, id: string) {
  return db
    .selectFrom('skaev_tenancy')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Ends an open tenancy; false when it had ended already. */
export async function endTenancy(
  db: Executor,
  m: string,
  id: string,
  values: { to_date: string; end_reason: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable('skaev_tenancy')
    .set(values)
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('to_date', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---- § 107 / § 108 placements ----

const placementColumns = [
  'p.id',
  'p.citizen_id',
  'p.kind',
  'p.provider',
  'p.decided_on',
  'p.planned_move_in_on',
  'p.planned_end_on',
  'p.started_on',
  'p.ended_on',
  'p.end_reason',
  'p.monthly_cost',
] as const;

/** The municipality's placements: not ended (`active`, decided or started) or ended, newest first. */
export function placements(db: Executor, m: string, state: 'active' | 'ended') {
  let q = db
    .selectFrom('care_placement as p')
    .innerJoin('citizen as c', 'c.id', 'p.citizen_id')
    .select([...placementColumns, ...citizenColumns])
    .where('p.municipality_id', '=', m);
  q = state === 'active' ? q.where('p.ended_on', 'is', null) : q.where('p.ended_on', 'is not', null);
  return q
    .orderBy(state === 'active' ? 'p.decided_on' : 'p.ended_on', 'desc')
    .limit(1000)
    .execute();
}

export function placement(db: Executor, m: string, id: string) {
  return db
    .selectFrom('care_placement as p')
    .select([...placementColumns])
    .where('p.municipality_id', '=', m)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** A citizen's placements (for the overlap rule), oldest first. */
export function placementsOfCitizen(db: Executor, m: string, citizenId: string) {
  return db
    .selectFrom('care_placement as p')
    .select([...placementColumns])
    .where('p.municipality_id', '=', m)
    .where('p.citizen_id', '=', citizenId)
    .orderBy('p.decided_on')
    .execute();
}

/** The placements not yet ended of the given citizens (a next step for one ending). */
export function openPlacementsOfCitizens(db: Executor, m: string, citizenIds: readonly string[]) {
  if (citizenIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('care_placement as p')
    .select(['p.id', 'p.citizen_id'])
    .where('p.municipality_id', '=', m)
    .where('p.citizen_id', 'in', [...citizenIds])
    .where('p.ended_on', 'is', null)
    .execute();
}

/**
 * Locks the citizen's placements for the rest of the transaction, so two concurrent decisions for
 * one citizen cannot both pass the overlap check.
 */
export async function lockCitizen(db: Executor, m: string, citizenId: string): Promise<boolean> {
  const row = await db
    .selectFrom('citizen')
    .select('id')
    .where('municipality_id', '=', m)
    .where('id', '=', citizenId)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

export function insertPlacement(db: Executor, values: Insertable<CarePlacementTable>) {
  return db.insertInto('care_placement').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Records the move-in; false when the placement had started already. */
export async function startPlacement(db: Executor, m: string, id: string, startedOn: string) {
  const r = await db
    .updateTable('care_placement')
    .set({ started_on: startedOn })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('started_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Ends a placement (or withdraws a decision not started); false when it had ended already. */
export async function endPlacement(
  db: Executor,
  m: string,
  id: string,
  values: { ended_on: string; end_reason: string | null },
) {
  const r = await db
    .updateTable('care_placement')
    .set(values)
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The citizen's latest § 107/108 decision that has not ended (rule 12 reads its move-in date). */
export function latestOpenDecision(db: Executor, m: string, citizenId: string) {
  return db
    .selectFrom('care_placement')
    .select(['kind', 'decided_on', 'planned_move_in_on', 'started_on'])
    .where('municipality_id', '=', m)
    .where('citizen_id', '=', citizenId)
    .where('ended_on', 'is', null)
    .orderBy('decided_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Started placements whose period [started_on, ended_on] overlaps [from, until): started before
 * `until` and not ended before `from`.
 */
export function placementsOverlapping(db: Executor, m: string, from: string, until: string) {
  return db
    .selectFrom('care_placement')
    .select(['id', 'citizen_id', 'kind', 'decided_on', 'started_on', 'ended_on', 'monthly_cost'])
    .where('municipality_id', '=', m)
    .where('started_on', 'is not', null)
    .where('started_on', '<', until)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', from)]))
    .orderBy('started_on')
    .execute();
}

// ---- tasks ----

/** Started § 107 placements planned to end by `by`, not yet ended, with the citizen. */
export function temporaryEnding(db: Executor, m: string, by: string) {
  return db
    .selectFrom('care_placement as p')
    .innerJoin('citizen as c', 'c.id', 'p.citizen_id')
    .select([...placementColumns, ...citizenColumns])
    .where('p.municipality_id', '=', m)
    .where('p.kind', '=', 's107' satisfies PlacementKind)
    .where('p.started_on', 'is not', null)
    .where('p.ended_on', 'is', null)
    .where('p.planned_end_on', '<=', by)
    .orderBy('p.planned_end_on')
    .execute();
}

/** Placements decided whose planned move-in is before `onDate` and that have not started. */
export function moveInOverdue(db: Executor, m: string, onDate: string) {
  return db
    .selectFrom('care_placement as p')
    .innerJoin('citizen as c', 'c.id', 'p.citizen_id')
    .select([...placementColumns, ...citizenColumns])
    .where('p.municipality_id', '=', m)
    .where('p.started_on', 'is', null)
    .where('p.ended_on', 'is', null)
    .where('p.planned_move_in_on', '<', onDate)
    .orderBy('p.planned_move_in_on')
    .execute();
}

/** Of the given citizens, those with an open skæv bolig tenancy. */
export async function citizensWithTenancy(db: Executor, m: string, citizenIds: readonly string[]) {
  if (citizenIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('skaev_tenancy')
    .select('citizen_id')
    .where('municipality_id', '=', m)
    .where('citizen_id', 'in', [...citizenIds])
    .where('to_date', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.citizen_id));
}

// ---- citizens ----

/** Whether the citizen is in the municipality's by-name list (and not merged into another record). */
export async function citizenExists(db: Executor, m: string, citizenId: string): Promise<boolean> {
  const row = await db
    .selectFrom('citizen')
    .select('id')
    .where('municipality_id', '=', m)
    .where('id', '=', citizenId)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** A unit's tenancies (for the one-tenant-at-a-time rule). */
export function tenanciesOfUnit(db: Executor, m: string, unitId: string) {
  return db
    .selectFrom('skaev_tenancy')
    .select(['id', 'from_date', 'to_date'])
    .where('municipality_id', '=', m)
    .where('unit_id', '=', unitId)
    .execute();
}
