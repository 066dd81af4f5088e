import type { Executor } from '../../db/database';

/**
 * The allocation module's shared SQL: value helpers every repository of the module uses, the
 * municipality's allocation policy and the housing departments the module reads. The use cases'
 * queries are in allocation.<use case>.repository.ts; only repositories talk to Kysely.
 */

export const num = (v: string | number | null) => (v === null ? 0 : Number(v));
/** jsonb arrives parsed from both engines; a string means it came back as text. */
export const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

// ---- settings ----

export async function settings(db: Executor, m: string): Promise<Record<string, unknown> | null> {
  const row = await db
    .selectFrom('allocation_settings')
    .select('settings')
    .where('municipality_id', '=', m)
    .executeTakeFirst();
  return row ? json(row.settings) : null;
}

export async function saveSettings(db: Executor, m: string, value: object, userId: string) {
  await db
    .insertInto('allocation_settings')
    .values({ municipality_id: m, settings: JSON.stringify(value), updated_by: userId })
    .onConflict((oc) =>
      oc.column('municipality_id').doUpdateSet({
        settings: JSON.stringify(value),
        updated_by: userId,
        updated_at: new Date(),
      }),
    )
    .execute();
}

// ---- housing departments ----

/** Organisations the user acts for (a housing-organisation partner's row check). */
export const partnerOrganisations = (db: Executor, userId: string) =>
  db.selectFrom('housing_organisation_contact').select('organisation_id').where('user_id', '=', userId);

/** Departments a partner user may report vacancies for. */
export function partnerDepartments(db: Executor, m: string, userId: string) {
  return db
    .selectFrom('housing_department as d')
    .innerJoin('housing_organisation as o', 'o.id', 'd.organisation_id')
    .select(['d.id', 'o.name as organisation_name', 'd.number', 'd.name', 'd.address'])
    .where('d.municipality_id', '=', m)
    .where('d.organisation_id', 'in', partnerOrganisations(db, userId))
    .orderBy('o.name')
    .orderBy('d.number')
    .execute();
}

export function findDepartment(db: Executor, m: string, id: string) {
  return db
    .selectFrom('housing_department')
    .select(['id', 'organisation_id'])
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function departmentsByNumber(db: Executor, m: string) {
  return db
    .selectFrom('housing_department as d')
    .innerJoin('housing_organisation as o', 'o.id', 'd.organisation_id')
    .select(['d.id', 'd.number', 'o.name as organisation_name'])
    .where('d.municipality_id', '=', m)
    .execute();
}
