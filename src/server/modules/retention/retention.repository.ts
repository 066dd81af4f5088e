import { type RawBuilder, sql } from 'kysely';
import type { TableCount } from '../../../shared/retention/api';
import type { Executor } from '../../db/database';
import type { OpenCase, PersonalDataTable } from '../../platform/personal-data';

/**
 * The retention module's SQL. Most statements are built from the modules' declarations of personal
 * data (tables and columns named in code, never from input; each name is checked to be a plain
 * identifier). Every statement filters by `municipality_id`: the deletion runs on the owner's
 * handle, which row-level security does not bind (ADR 0021).
 */

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A declared table or column name as SQL; anything but a plain lower-case identifier is a bug. */
function id(name: string): RawBuilder<unknown> {
  if (!IDENTIFIER.test(name)) throw new Error(`Not an identifier: ${name}`);
  return sql.raw(`"${name}"`);
}

const col = (table: string, column: string) => sql`${id(table)}.${id(column)}`;

export type TablesByName = ReadonlyMap<string, PersonalDataTable>;

function parentOf(tables: TablesByName, name: string): PersonalDataTable {
  const parent = tables.get(name);
  if (!parent) throw new Error(`Declared via an undeclared table: ${name}`);
  return parent;
}

/** `(id, citizen_id)` of a declared table's rows (a parent of `via` tables), in one municipality. */
function citizenOfRows(tables: TablesByName, t: PersonalDataTable, m: string): RawBuilder<unknown> {
  const c = t.citizen;
  if (typeof c === 'string') {
    return sql`select ${col(t.table, 'id')} as id, ${col(t.table, c)} as citizen_id from ${id(t.table)}
      where ${col(t.table, 'municipality_id')} = ${m}`;
  }
  if ('via' in c) {
    const parent = parentOf(tables, c.via);
    return sql`select ${col(t.table, 'id')} as id, p.citizen_id from ${id(t.table)}
      join (${citizenOfRows(tables, parent, m)}) p on p.id = ${col(t.table, c.column)}
      where ${col(t.table, 'municipality_id')} = ${m}`;
  }
  throw new Error(`A table with several citizen columns cannot be a parent: ${t.table}`);
}

/** The condition "this row of `t` is about one of `ids`" (a citizen and the citizens merged into it). */
function aboutCitizens(
  tables: TablesByName,
  t: PersonalDataTable,
  m: string,
  ids: readonly string[],
): RawBuilder<unknown> {
  const c = t.citizen;
  const list = sql`${[...ids]}::uuid[]`;
  if (typeof c === 'string') return sql`${col(t.table, c)} = any(${list})`;
  if ('via' in c) {
    const parent = parentOf(tables, c.via);
    return sql`${col(t.table, c.column)} in (select ${col(parent.table, 'id')} from ${id(parent.table)}
      where ${col(parent.table, 'municipality_id')} = ${m} and ${aboutCitizens(tables, parent, m, ids)})`;
  }
  const columns = c as readonly string[];
  return sql`(${sql.join(
    columns.map((name) => sql`${col(t.table, name)} = any(${list})`),
    sql` or `,
  )})`;
}

function openCase(t: PersonalDataTable, today: string): RawBuilder<unknown> {
  if (!t.open?.length) return sql`false`;
  const one = (o: OpenCase) => {
    const c = col(t.table, o.column);
    if ('in' in o) return sql`coalesce(${c} in (${sql.join([...o.in])}), false)`;
    return o.when === 'null' ? sql`${c} is null` : sql`(${c} is null or ${c} >= ${today}::date)`;
  };
  return sql`(${sql.join(t.open.map(one), sql` or `)})`;
}

/** One branch of the activity union: `(citizen_id, at, open)` of a declared table's rows. */
function activityRows(
  tables: TablesByName,
  t: PersonalDataTable,
  m: string,
  today: string,
): RawBuilder<unknown>[] {
  const at = t.activity?.length
    ? sql`greatest(${sql.join(t.activity.map((a) => sql`${col(t.table, a)}::date`))})`
    : sql`null::date`;
  const open = openCase(t, today);
  const where = sql`${col(t.table, 'municipality_id')} = ${m}`;
  const c = t.citizen;
  if (typeof c === 'string') {
    return [
      sql`select ${col(t.table, c)} as citizen_id, ${at} as at, ${open} as open from ${id(t.table)} where ${where}`,
    ];
  }
  if ('via' in c) {
    const parent = parentOf(tables, c.via);
    return [
      sql`select p.citizen_id, ${at} as at, ${open} as open from ${id(t.table)}
        join (${citizenOfRows(tables, parent, m)}) p on p.id = ${col(t.table, c.column)} where ${where}`,
    ];
  }
  return (c as readonly string[]).map(
    (name) =>
      sql`select ${col(t.table, name)} as citizen_id, ${at} as at, ${open} as open from ${id(t.table)} where ${where}`,
  );
}

export interface DueRow {
  id: string;
  given_name: string | null;
  family_name: string | null;
  initials: string | null;
  birth_date: string;
  last_activity_on: string;
}

/**
 * The citizens due for deletion on `today`: a citizen's last activity is the latest date of any
 * declared activity column of any row about the citizen, or about a citizen merged into them (the
 * citizen's own registration, updates and contacts included); due when that date is before
 * `cutoff` and no row about them is an open case (`open` of the declarations). Merged citizens go
 * with the citizen they were merged into.
 */
export async function dueCitizens(
  db: Executor,
  m: string,
  tables: TablesByName,
  today: string,
  cutoff: string,
): Promise<DueRow[]> {
  const branches = [...tables.values()].flatMap((t) =>
    t.activity?.length || t.open?.length ? activityRows(tables, t, m, today) : [],
  );
  const { rows } = await sql<DueRow>`
    with activity(citizen_id, at, open) as (${sql.join(branches, sql` union all `)}),
    per_citizen as (
      select coalesce(c.merged_into, c.id) as root, max(a.at) as last_at, bool_or(a.open) as open
      from activity a join citizen c on c.id = a.citizen_id and c.municipality_id = ${m}
      group by 1
    )
    select c.id, c.given_name, c.family_name, c.initials, c.birth_date::text as birth_date,
      g.last_at::text as last_activity_on
    from per_citizen g join citizen c on c.id = g.root and c.municipality_id = ${m}
    where c.merged_into is null and not g.open and g.last_at < ${cutoff}::date
    order by g.last_at, c.id`.execute(db);
  return rows;
}

/** The ids of a citizen and of the citizens merged into them. */
export async function citizenGroup(db: Executor, m: string, citizenId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('citizen')
    .select('id')
    .where('municipality_id', '=', m)
    .where((eb) => eb.or([eb('id', '=', citizenId), eb('merged_into', '=', citizenId)]))
    .execute();
  return rows.map((r) => r.id);
}

/** How many rows of a declared table are about the given citizens. */
export async function countRowsAbout(
  db: Executor,
  m: string,
  tables: TablesByName,
  t: PersonalDataTable,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${id(t.table)}
    where ${col(t.table, 'municipality_id')} = ${m} and ${aboutCitizens(tables, t, m, ids)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Deletes, or anonymises as declared, a declared table's rows about the given citizens. */
export async function eraseRowsAbout(
  db: Executor,
  m: string,
  tables: TablesByName,
  t: PersonalDataTable,
  ids: readonly string[],
): Promise<number> {
  const where = sql`${col(t.table, 'municipality_id')} = ${m} and ${aboutCitizens(tables, t, m, ids)}`;
  if (t.erase === 'delete') {
    const r = await sql`delete from ${id(t.table)} where ${where}`.execute(db);
    return Number(r.numAffectedRows ?? 0);
  }
  const sets = Object.entries(t.erase.anonymise).map(([column, how]) => {
    const value =
      how === 'null' ? sql`null` : how === 'dash' ? sql`'–'` : sql`date_trunc('year', ${id(column)})::date`;
    return sql`${id(column)} = ${value}`;
  });
  const r = await sql`update ${id(t.table)} set ${sql.join(sets)} where ${where}`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** Foreign keys among the given tables: `child` references `parent` (self-references left out). */
export async function foreignKeysAmong(db: Executor, names: readonly string[]) {
  const { rows } = await sql<{ child: string; parent: string }>`
    select distinct c.relname as child, p.relname as parent
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
    where k.contype = 'f' and c.relname = any(${[...names]}::text[]) and p.relname = any(${[...names]}::text[])
      and c.oid <> p.oid`.execute(db);
  return rows;
}

/** Tables with a `citizen_id` column, and tables with a foreign key into one of `declared`. */
export async function tablesHoldingCitizens(db: Executor, declared: readonly string[]) {
  const { rows } = await sql<{ table: string }>`
    select c.table_name as "table" from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() and c.column_name = 'citizen_id'
    union
    select ch.relname from pg_constraint k
    join pg_class ch on ch.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = ch.relnamespace and n.nspname = current_schema()
    where k.contype = 'f' and p.relname = any(${[...declared]}::text[])
    order by 1`.execute(db);
  return rows.map((r) => r.table);
}

/**
 * Replaces the citizens' ids in their audit rows by their pseudonyms (ADR 0021): the clear subject of
 * rows with a subject digest (chained over the digest, so the chain still verifies). Rows from before
 * migration 0042 hash the clear id and keep it; they are counted.
 */
export async function pseudonymiseAuditSubjects(db: Executor, m: string, ids: readonly string[]) {
  const list = sql`${[...ids]}::uuid[]`;
  const subject = sql`(case when entity_type = 'citizen' then entity_id else details->>'citizenId' end)`;
  const updated = await sql`
    update audit_event set
      entity_id = case when entity_type = 'citizen' then 'pseudonym:' || left(subject_digest, 16) else entity_id end,
      details = case when details ? 'citizenId'
        then details || jsonb_build_object('citizenId', 'pseudonym:' || left(subject_digest, 16)) else details end
    where municipality_id = ${m} and subject_digest is not null and ${subject} = any(${list}::text[])`.execute(
    db,
  );
  const { rows } = await sql<{ n: string }>`select count(*) as n from audit_event
    where municipality_id = ${m} and subject_digest is null and ${subject} = any(${list}::text[])`.execute(
    db,
  );
  return { pseudonymised: Number(updated.numAffectedRows ?? 0), keptClear: Number(rows[0]?.n ?? 0) };
}

// Policy and runs.

export function policyRow(db: Executor, m: string) {
  return db.selectFrom('retention_policy').selectAll().where('municipality_id', '=', m).executeTakeFirst();
}

export async function savePolicyRow(db: Executor, m: string, years: number, userId: string) {
  return db
    .insertInto('retention_policy')
    .values({ municipality_id: m, years, updated_by: userId })
    .onConflict((oc) =>
      oc.column('municipality_id').doUpdateSet({ years, updated_by: userId, updated_at: sql`now()` }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface NewRun {
  municipalityId: string;
  kind: 'dry_run' | 'deletion';
  ranBy: string;
  years: number;
  cutoff: string;
  citizens: number;
  tables: TableCount[];
  candidates: string[] | null;
}

export function insertRun(db: Executor, run: NewRun) {
  return db
    .insertInto('retention_run')
    .values({
      municipality_id: run.municipalityId,
      kind: run.kind,
      ran_by: run.ranBy,
      years: run.years,
      cutoff: run.cutoff,
      citizens: run.citizens,
      tables: JSON.stringify(run.tables),
      candidates: run.candidates,
      finished_at: run.kind === 'dry_run' ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function finishRun(
  db: Executor,
  m: string,
  runId: string,
  result: {
    citizens: number;
    failed: number;
    auditPseudonymised: number;
    auditKeptClear: number;
    tables: TableCount[];
  },
) {
  return db
    .updateTable('retention_run')
    .set({
      citizens: result.citizens,
      failed: result.failed,
      audit_pseudonymised: result.auditPseudonymised,
      audit_kept_clear: result.auditKeptClear,
      tables: JSON.stringify(result.tables),
      finished_at: sql`now()`,
    })
    .where('municipality_id', '=', m)
    .where('id', '=', runId)
    .execute();
}

/** Marks a dry run confirmed by a deletion run and forgets its citizens' ids; false when it was used. */
export async function confirmDryRun(db: Executor, m: string, dryRunId: string, deletionRunId: string) {
  const r = await db
    .updateTable('retention_run')
    .set({ confirmed_by: deletionRunId, candidates: null })
    .where('municipality_id', '=', m)
    .where('id', '=', dryRunId)
    .where('confirmed_by', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function runRow(db: Executor, m: string, runId: string) {
  return db
    .selectFrom('retention_run')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('id', '=', runId)
    .executeTakeFirst();
}

export function runRows(db: Executor, m: string, limit = 50) {
  return db
    .selectFrom('retention_run as r')
    .leftJoin('app_user as u', 'u.id', 'r.ran_by')
    .selectAll('r')
    .select('u.username')
    .where('r.municipality_id', '=', m)
    .orderBy('r.ran_at', 'desc')
    .limit(limit)
    .execute();
}

/** Citizens by id, for the review list of a dry run. */
export function citizensByIds(db: Executor, m: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('citizen')
    .select(['id', 'given_name', 'family_name', 'initials', 'birth_date'])
    .where('municipality_id', '=', m)
    .where('id', 'in', ids)
    .execute();
}
