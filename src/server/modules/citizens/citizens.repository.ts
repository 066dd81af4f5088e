import { type RawBuilder, sql } from 'kysely';
import type { Cell } from '../../db/copy';
import { type Executor, rowsSource, type StagedColumn, type Tx } from '../../db/database';
import type { CitizenScope } from './citizens.policy';
import type {
  CitizenContactTable,
  CitizenCprChangeTable,
  CitizenMergeTable,
  CitizenRow,
  CitizenTable,
  ConsentTable,
  HouseholdMemberTable,
  WhereaboutsEpisodeTable,
} from './citizens.table';

type NewCitizen = Omit<
  CitizenTable,
  'id' | 'registered_on' | 'name_search' | 'created_at' | 'updated_at' | 'merged_into'
>;

export function insertCitizen(db: Executor, citizen: NewCitizen): Promise<CitizenRow> {
  return db.insertInto('citizen').values(citizen).returningAll().executeTakeFirstOrThrow();
}

/**
 * The need-to-know condition on a citizen id column (issue 20 (d)): true for every citizen, or the
 * id is in the user's caseload (`citizen_caseload`, migration 0039), itself or as the survivor of a
 * merged record.
 */
export function inScope(
  scope: CitizenScope,
  municipalityId: string,
  id: RawBuilder<unknown>,
): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  return sql<boolean>`${id} in (select citizen_caseload(${municipalityId}::uuid, ${scope.userId}::uuid))`;
}

/** A citizen by id, if the scope holds it: one outside the scope is the same as none. */
export function findCitizen(
  db: Executor,
  municipalityId: string,
  id: string,
  scope: CitizenScope,
): Promise<CitizenRow | undefined> {
  return db
    .selectFrom('citizen')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .$if(!scope.all, (q) =>
      q.where(
        sql<boolean>`(${inScope(scope, municipalityId, sql.ref('citizen.id'))}
          or ${inScope(scope, municipalityId, sql.ref('citizen.merged_into'))})`,
      ),
    )
    .executeTakeFirst();
}

/** Locks a citizen row for the rest of the transaction (merges and CPR changes). */
export function lockCitizen(
  db: Executor,
  municipalityId: string,
  id: string,
): Promise<CitizenRow | undefined> {
  return db
    .selectFrom('citizen')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function findByCpr(db: Executor, municipalityId: string, cpr: string) {
  return db
    .selectFrom('citizen')
    .select(['id', 'merged_into'])
    .where('municipality_id', '=', municipalityId)
    .where('cpr', '=', cpr)
    .executeTakeFirst();
}

export function updateCitizen(
  db: Executor,
  municipalityId: string,
  id: string,
  changes: Partial<NewCitizen> & { merged_into?: string | null },
) {
  return db
    .updateTable('citizen')
    .set({ ...changes, updated_at: new Date() })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Ids of the records merged into a citizen (their histories belong to the survivor's view). */
export async function mergedIds(db: Executor, municipalityId: string, survivorId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('citizen')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('merged_into', '=', survivorId)
    .execute();
  return rows.map((r) => r.id);
}

export function cprHistory(db: Executor, ids: string[]) {
  return db
    .selectFrom('citizen_cpr_change')
    .selectAll()
    .where('citizen_id', 'in', ids)
    .orderBy('changed_on')
    .execute();
}

export function episodes(db: Executor, ids: string[]) {
  return db
    .selectFrom('whereabouts_episode')
    .selectAll()
    .where('citizen_id', 'in', ids)
    .orderBy('from_date', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

export function contacts(db: Executor, ids: string[]) {
  return db
    .selectFrom('citizen_contact')
    .selectAll()
    .where('citizen_id', 'in', ids)
    .orderBy('contact_on', 'desc')
    .execute();
}

export function consents(db: Executor, ids: string[]) {
  return db
    .selectFrom('consent')
    .selectAll()
    .where('citizen_id', 'in', ids)
    .orderBy('given_on', 'desc')
    .execute();
}

export function household(db: Executor, ids: string[]) {
  return db
    .selectFrom('household_member')
    .selectAll()
    .where('citizen_id', 'in', ids)
    .orderBy('birth_date')
    .execute();
}

export function sensitive(db: Executor, ids: string[]) {
  return db.selectFrom('citizen_sensitive').selectAll().where('citizen_id', 'in', ids).execute();
}

export function merges(db: Executor, survivorId: string) {
  return db
    .selectFrom('citizen_merge as m')
    .innerJoin('citizen as c', 'c.id', 'm.merged_id')
    .select([
      'm.id',
      'm.merged_id',
      'm.merged_at',
      'm.undone_at',
      'c.given_name',
      'c.family_name',
      'c.initials',
      'c.birth_date',
    ])
    .where('m.survivor_id', '=', survivorId)
    .orderBy('m.merged_at')
    .execute();
}

/** Sets the municipality's inactivity policy (one row per municipality). */
export async function savePolicy(
  db: Executor,
  municipalityId: string,
  policy: { noContactDays: number; institutionDays: number },
) {
  await db
    .insertInto('citizen_policy')
    .values({
      municipality_id: municipalityId,
      no_contact_days: policy.noContactDays,
      institution_days: policy.institutionDays,
    })
    .onConflict((oc) =>
      oc
        .column('municipality_id')
        .doUpdateSet({ no_contact_days: policy.noContactDays, institution_days: policy.institutionDays }),
    )
    .execute();
}

export async function policy(db: Executor, municipalityId: string) {
  const row = await db
    .selectFrom('citizen_policy')
    .select(['no_contact_days', 'institution_days'])
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return { noContactDays: row?.no_contact_days ?? 90, institutionDays: row?.institution_days ?? 90 };
}

// ---- duplicates ----

/** Citizens with the same birth date and a similar name (trigram similarity) or the same initials. */
/**
 * Flags likely duplicates of the given (new) citizens for review, in one statement however many:
 * the same birth date, not merged away, no conflicting CPR numbers, and names alike (trigram
 * similarity) or the same initials, scoring at least `threshold`. Each pair is flagged once; the
 * pairs found come back best first.
 */
export async function flagLikelyDuplicates(
  db: Executor,
  municipalityId: string,
  ids: readonly string[],
  threshold: number,
) {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ citizen_id: string; other_id: string; score: number }>`
    with new as (
      select id, cpr, birth_date, name_search, initials from citizen
      where municipality_id = ${municipalityId} and id = any(${[...ids]}::uuid[])
    ), pairs as (
      -- Two live records never share a CPR number (citizen_cpr_key): one with a number can only be
      -- a duplicate of one without (citizen_no_cpr_birth_idx, migration 0011).
      select n.*, c.id as other_id, c.name_search as other_name, c.initials as other_initials
      from new n join citizen c on c.municipality_id = ${municipalityId} and c.birth_date = n.birth_date
        and c.cpr is null and c.merged_into is null and c.id <> n.id
      where n.cpr is not null
      union all
      select n.*, c.id, c.name_search, c.initials
      from new n join citizen c on c.municipality_id = ${municipalityId} and c.birth_date = n.birth_date
        and c.merged_into is null and c.id <> n.id
      where n.cpr is null
    ), found as (
      select id as citizen_id, other_id, greatest(
          similarity(other_name, name_search),
          case when other_initials is not null and lower(other_initials) = lower(initials) then 0.9 else 0 end
        )::real as score
      from pairs
    ), likely as (
      select * from found where score >= ${threshold}
    ), flagged as (
      insert into duplicate_candidate (municipality_id, citizen_a, citizen_b, score)
      select distinct on (least(citizen_id, other_id), greatest(citizen_id, other_id))
        ${municipalityId}::uuid, least(citizen_id, other_id), greatest(citizen_id, other_id), score
      from likely
      order by least(citizen_id, other_id), greatest(citizen_id, other_id), score desc
      on conflict (citizen_a, citizen_b) do nothing
    )
    select citizen_id, other_id, score from likely order by score desc, other_id`.execute(db);
  return rows;
}

/** One valid line of an import file, as the check for people already known sees it. */
export interface ImportedPerson {
  line: number;
  /** Without hyphen; null for a person without a CPR number. */
  cpr: string | null;
  birthDate: string;
  initials: string | null;
  /** As `citizen.name_search` makes it: lower(given || ' ' || family || ' ' || initials). */
  nameSearch: string;
}

/** Why a line of an import file is a person already known. */
export type KnownPerson = 'cpr_exists' | 'citizen_exists' | 'duplicate_person';

/**
 * The lines of an import file that name a person already known (domain.md rule 6: one person is
 * counted once; CPR first, else birth date plus initials or name), in one statement for the whole
 * file: a CPR number the registry has (`cpr_exists`); without a CPR number, a live citizen with the
 * same birth date and the same initials or a name alike by at least `threshold`, as
 * flagLikelyDuplicates pairs them (`citizen_exists`), or else an earlier line of the file alike in
 * the same way (`duplicate_person`). One reason per line, in that order.
 */
export async function knownPeople(
  db: Executor,
  municipalityId: string,
  people: readonly ImportedPerson[],
  threshold: number,
): Promise<{ line: number; reason: KnownPerson }[]> {
  if (people.length === 0) return [];
  const { rows } = await sql<{ line: number; reason: KnownPerson }>`
    with f as (
      select * from unnest(
        ${people.map((p) => p.line)}::int[], ${people.map((p) => p.cpr)}::text[],
        ${people.map((p) => p.birthDate)}::date[], ${people.map((p) => p.initials)}::text[],
        ${people.map((p) => p.nameSearch)}::text[]
      ) as f(line, cpr, birth_date, initials, name_search)
    ), found as (
      select f.line, 'cpr_exists' as reason, 1 as rank from f
      where f.cpr is not null and exists (
        select 1 from citizen c where c.municipality_id = ${municipalityId} and c.cpr = f.cpr)
      union all
      select f.line, 'citizen_exists', 2 from f
      where f.cpr is null and exists (
        select 1 from citizen c
        where c.municipality_id = ${municipalityId} and c.birth_date = f.birth_date and c.merged_into is null
          and ((c.initials is not null and lower(c.initials) = lower(f.initials))
            or similarity(c.name_search, f.name_search) >= ${threshold}))
      union all
      select f.line, 'duplicate_person', 3 from f
      where f.cpr is null and exists (
        select 1 from f g
        where g.line < f.line and g.birth_date = f.birth_date
          and ((g.initials is not null and lower(g.initials) = lower(f.initials))
            or similarity(g.name_search, f.name_search) >= ${threshold}))
    )
    select distinct on (line) line, reason from found order by line, rank`.execute(db);
  return rows;
}

export function openCandidates(db: Executor, municipalityId: string) {
  return db
    .selectFrom('duplicate_candidate')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .execute();
}

export function findCandidate(db: Executor, municipalityId: string, id: string) {
  return db
    .selectFrom('duplicate_candidate')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

// ---- consent tasks ----

/**
 * Consents that end on or before `toDate` (expired ones among them), not withdrawn, and not renewed
 * by a later consent to the same purpose that lasts beyond them (issue 3 §2, issue 14 §1).
 */
export async function consentsEndingBy(
  db: Executor,
  municipalityId: string,
  toDate: string,
  limit: number,
  scope: CitizenScope,
) {
  const { rows } = await sql<{
    id: string;
    citizen_id: string;
    purpose: string;
    expires_on: string;
    given_name: string | null;
    family_name: string | null;
    initials: string | null;
  }>`
    select k.id, k.citizen_id, k.purpose, k.expires_on, c.given_name, c.family_name, c.initials
    from consent k join citizen c on c.id = k.citizen_id
    where k.municipality_id = ${municipalityId} and k.withdrawn_on is null and k.expires_on <= ${toDate}::date
      and c.merged_into is null and c.died_on is null and ${inScope(scope, municipalityId, sql.ref('c.id'))}
      and not exists (
        select 1 from consent n where n.citizen_id = k.citizen_id and n.purpose = k.purpose
          and n.withdrawn_on is null and n.given_on >= k.given_on and n.id <> k.id
          and (n.expires_on is null or n.expires_on > k.expires_on))
    order by k.expires_on
    limit ${limit}`.execute(db);
  return rows;
}

// ---- the citizen's history: CPR changes, sensitive flags, household, episodes, contacts, consents ----

type New<T> = Omit<T, 'id' | 'recorded_at'>;

export async function insertCprChange(db: Executor, change: New<CitizenCprChangeTable>): Promise<void> {
  await db.insertInto('citizen_cpr_change').values(change).execute();
}

/** Sets a citizen's sensitive flags (one row per citizen). */
export async function upsertSensitive(
  db: Executor,
  row: {
    citizen_id: string;
    municipality_id: string;
    mental_illness: boolean;
    substance_abuse: boolean;
    formerly_placed: boolean;
    updated_by: string;
  },
): Promise<void> {
  await db
    .insertInto('citizen_sensitive')
    .values(row)
    .onConflict((oc) =>
      oc.column('citizen_id').doUpdateSet({
        mental_illness: row.mental_illness,
        substance_abuse: row.substance_abuse,
        formerly_placed: row.formerly_placed,
        updated_at: new Date(),
        updated_by: row.updated_by,
      }),
    )
    .execute();
}

export async function insertHouseholdMember(
  db: Executor,
  member: Omit<HouseholdMemberTable, 'id' | 'added_on' | 'ended_on'>,
): Promise<string> {
  const row = await db
    .insertInto('household_member')
    .values(member)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Ends a current household membership; false when there is none with that id. */
export async function endHouseholdMember(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  memberId: string,
  endedOn: string,
): Promise<boolean> {
  const updated = await db
    .updateTable('household_member')
    .set({ ended_on: endedOn })
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', memberId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return Boolean(updated.numUpdatedRows);
}

export function insertEpisode(
  db: Executor,
  episode: Omit<
    WhereaboutsEpisodeTable,
    'id' | 'recorded_at' | 'retracted_at' | 'retracted_by' | 'retract_reason'
  >,
) {
  return db.insertInto('whereabouts_episode').values(episode).returning('id').executeTakeFirstOrThrow();
}

/** Marks a live episode of the given records as recorded in error; false when there is none. */
export async function retractEpisode(
  db: Executor,
  municipalityId: string,
  citizenIds: readonly string[],
  episodeId: string,
  retractedBy: string,
  reason: string,
): Promise<boolean> {
  const updated = await db
    .updateTable('whereabouts_episode')
    .set({ retracted_at: new Date(), retracted_by: retractedBy, retract_reason: reason })
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', 'in', [...citizenIds])
    .where('id', '=', episodeId)
    .where('retracted_at', 'is', null)
    .executeTakeFirst();
  return Boolean(updated.numUpdatedRows);
}

export async function insertContact(db: Executor, contact: New<CitizenContactTable>): Promise<string> {
  const row = await db
    .insertInto('citizen_contact')
    .values(contact)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertConsent(
  db: Executor,
  consent: Omit<ConsentTable, 'id' | 'recorded_at' | 'withdrawn_on'>,
): Promise<string> {
  const row = await db.insertInto('consent').values(consent).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A consent of one of the given records (the citizen and the records merged into it). */
export function findConsent(
  db: Executor,
  municipalityId: string,
  consentId: string,
  citizenIds: readonly string[],
) {
  return db
    .selectFrom('consent')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', consentId)
    .where('citizen_id', 'in', [...citizenIds])
    .executeTakeFirst();
}

export async function withdrawConsent(db: Executor, consentId: string, withdrawnOn: string): Promise<void> {
  await db.updateTable('consent').set({ withdrawn_on: withdrawnOn }).where('id', '=', consentId).execute();
}

/** An active consent of the citizen for the purpose on the date, if any. */
export function activeConsent(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  purpose: string,
  onDate: string,
) {
  return db
    .selectFrom('consent')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('purpose', '=', purpose)
    .where('given_on', '<=', onDate)
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', onDate)]))
    .where((eb) => eb.or([eb('withdrawn_on', 'is', null), eb('withdrawn_on', '>', onDate)]))
    .executeTakeFirst();
}

// ---- merges ----

export async function insertMerge(
  db: Executor,
  merge: Omit<CitizenMergeTable, 'id' | 'merged_at' | 'undone_at' | 'undone_by'>,
): Promise<string> {
  const row = await db.insertInto('citizen_merge').values(merge).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Locks a merge for the rest of the transaction (undo). */
export function lockMerge(db: Executor, municipalityId: string, mergeId: string) {
  return db
    .selectFrom('citizen_merge')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', mergeId)
    .forUpdate()
    .executeTakeFirst();
}

export async function markMergeUndone(db: Executor, mergeId: string, undoneBy: string): Promise<void> {
  await db
    .updateTable('citizen_merge')
    .set({ undone_at: new Date(), undone_by: undoneBy })
    .where('id', '=', mergeId)
    .execute();
}

/** Resolves a duplicate pair (merged or dismissed) by the user. */
export async function resolveCandidate(
  db: Executor,
  candidateId: string,
  status: 'merged' | 'dismissed',
  resolvedBy: string,
): Promise<void> {
  await db
    .updateTable('duplicate_candidate')
    .set({ status, resolved_at: new Date(), resolved_by: resolvedBy })
    .where('id', '=', candidateId)
    .execute();
}

/** Puts a pair back in the review queue (its merge was undone). */
export async function reopenCandidate(db: Executor, candidateId: string): Promise<void> {
  await db
    .updateTable('duplicate_candidate')
    .set({ status: 'open', resolved_at: null, resolved_by: null })
    .where('id', '=', candidateId)
    .execute();
}

// ---- tenants registered from eviction notices (called by prevention through the module's index) ----

/** Live citizens by current CPR number: a merged record answers with its survivor. */
export async function idsByCpr(db: Executor, municipalityId: string, cprs: readonly string[]) {
  const found = new Map<string, string>();
  if (cprs.length === 0) return found;
  const { rows } = await sql<{ cpr: string; id: string }>`
    select cpr, coalesce(merged_into, id) as id from citizen
    where municipality_id = ${municipalityId} and cpr = any(${[...cprs]}::text[])`.execute(db);
  for (const r of rows) found.set(r.cpr, r.id);
  return found;
}

/** A citizen registered from a notice: what the notice says of the tenant. */
export interface NoticeCitizen {
  cpr: string;
  birth_date: string;
  sex: 'male' | 'female';
  given_name: string | null;
  family_name: string | null;
  address: string;
}

const NOTICE_CITIZEN_COLUMNS: readonly StagedColumn[] = [
  ['cpr', 'text'],
  ['birth_date', 'date'],
  ['sex', 'text'],
  ['given_name', 'text'],
  ['family_name', 'text'],
  ['address', 'text'],
];

/**
 * Inserts citizens in one statement however many (`rowsSource`: a few as `unnest` arrays, an
 * import's thousands staged with COPY) and returns their ids by CPR number.
 */
export async function insertNoticeCitizens(
  trx: Tx,
  municipalityId: string,
  rows: readonly NoticeCitizen[],
  createdBy: string,
) {
  const out = new Map<string, string>();
  if (rows.length === 0) return out;
  const cells = rows.map((r) =>
    NOTICE_CITIZEN_COLUMNS.map(([name]) => (r as unknown as Record<string, Cell | undefined>)[name] ?? null),
  );
  const source = await rowsSource(trx, 'citizen', NOTICE_CITIZEN_COLUMNS, cells);
  const { rows: inserted } = await sql<{ id: string; cpr: string }>`
    insert into citizen (municipality_id, created_by, cpr, birth_date, sex, given_name, family_name, address)
    select ${municipalityId}, ${createdBy}, t.* from ${source}
    returning id, cpr`.execute(trx);
  for (const r of inserted) out.set(r.cpr, r.id);
  return out;
}
