import { type Kysely, sql } from 'kysely';

/**
 * Action plans for § 110 residents (issue 16 §4, rule 11): the day the handlekommune's § 141/§ 142
 * action plan for the resident was made, recorded by its caseworkers (`shelters.casework`), who
 * also see the municipality's citizens in shelters.
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw('alter table shelter_stay add column action_plan_on date;').execute(db);
  await db
    .insertInto('role_permission')
    .values({ role_code: 'caseworker', permission: 'shelters.casework' })
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission = 'shelters.casework'`.execute(db);
  await sql.raw('alter table shelter_stay drop column action_plan_on;').execute(db);
}
