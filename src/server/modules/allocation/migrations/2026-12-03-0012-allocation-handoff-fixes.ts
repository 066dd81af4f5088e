import { type Kysely, sql } from 'kysely';

/**
 * Defects found in the trial (issue 14 §3):
 * - a housing organisation may withdraw a reported vacancy, with a reason, or correct it, until the
 *   municipality has made an offer on it: the status `withdrawn` with its date and reason, and the
 *   time of the last correction;
 * - the rådighedsbeløb shipped as 0 kr., so the rent check passed a rent up to the household's whole
 *   income after fixed costs. A municipality whose stored policy holds 0 kr. per adult or per child
 *   gets the shipped default (3 600 kr. per adult, 1 300 kr. per child; docs/allocation-settings.md)
 *   unless it explicitly confirmed 0 — which nobody could before this migration. Municipalities
 *   without a stored policy read the new default from the code.
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
alter table vacancy drop constraint vacancy_status_check;
alter table vacancy add constraint vacancy_status_check
  check (status in ('open', 'let', 'returned', 'withdrawn'));
alter table vacancy add column withdrawn_on date;
alter table vacancy add column withdrawn_reason text check (length(withdrawn_reason) between 1 and 2000);
alter table vacancy add column corrected_at timestamptz;
alter table vacancy add constraint vacancy_withdrawn_reason
  check ((status = 'withdrawn') = (withdrawn_on is not null and withdrawn_reason is not null));
`)
    .execute(db);
  await disposableDefault(db);
}

/** Stored rådighedsbeløb of 0 kr. (not explicitly confirmed) become the default; run by up(), and by its test. */
// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function disposableDefault(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
update allocation_settings
set settings = settings
  || case when (settings->>'disposablePerAdult')::numeric = 0
       then '{"disposablePerAdult": 3600}'::jsonb else '{}'::jsonb end
  || case when (settings->>'disposablePerChild')::numeric = 0
       then '{"disposablePerChild": 1300}'::jsonb else '{}'::jsonb end
where jsonb_typeof(settings) = 'object'
  and coalesce((settings->>'disposableZeroConfirmed')::boolean, false) = false
  and ((settings->>'disposablePerAdult')::numeric = 0 or (settings->>'disposablePerChild')::numeric = 0);
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
alter table vacancy drop constraint vacancy_withdrawn_reason;
alter table vacancy drop column corrected_at;
alter table vacancy drop column withdrawn_reason;
alter table vacancy drop column withdrawn_on;
alter table vacancy drop constraint vacancy_status_check;
alter table vacancy add constraint vacancy_status_check check (status in ('open', 'let', 'returned'));
`)
    .execute(db);
}
