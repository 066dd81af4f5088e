import { type RawBuilder, sql } from 'kysely';
import type { CitizenStatus, InactiveReason } from '../../../shared/citizens/status';
import type { Situation } from '../../../shared/citizens/whereabouts';
import type { Cell } from '../../db/copy';
import { type Executor, rowsSource, type StagedColumn, type Tx } from '../../db/database';
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

export function findCitizen(
  db: Executor,
  municipalityId: string,
  id: string,
): Promise<CitizenRow | undefined> {
  return db
    .selectFrom('citizen')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
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

// ---- the list: status derived in SQL, the same rules as shared/citizens/status.ts ----

export interface ListFilter {
  municipalityId: string;
  /** The date the status is wanted for; from `today` on, the kept current state answers. */
  onDate: string;
  /** Only these citizens (e.g. the two sides of a duplicate pair). */
  ids?: string[] | undefined;
  q?: string | undefined;
  cprPrefix?: string | undefined;
  status?: CitizenStatus | undefined;
  situation?: Situation | undefined;
  minAge?: number | undefined;
  maxAge?: number | undefined;
  sex?: 'male' | 'female' | undefined;
  limit: number;
  offset: number;
  noContactDays: number;
  institutionDays: number;
}

export interface ListRow {
  id: string;
  cpr: string | null;
  given_name: string | null;
  family_name: string | null;
  initials: string | null;
  birth_date: string;
  sex: 'male' | 'female' | null;
  age: number;
  status: CitizenStatus;
  situation: Situation;
  inactive_reason: InactiveReason | null;
}

/** The next string after every string starting with `prefix` (for an index range on a prefix). */
const prefixEnd = (prefix: string) =>
  `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;

/** The WHERE conditions of the list on `citizen c`, all usable by an index under row-level security. */
function listConditions(f: ListFilter): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`c.municipality_id = ${f.municipalityId}`];
  if (!f.ids) where.push(sql`c.merged_into is null`);
  if (f.ids) where.push(f.ids.length ? sql`c.id in (${sql.join(f.ids)})` : sql`false`);
  if (f.cprPrefix) {
    // ~>=~ / ~<~ are leakproof, so the prefix range uses the index even under row-level security.
    const [lo, hi] = [f.cprPrefix, prefixEnd(f.cprPrefix)];
    where.push(sql`c.id in (
      select x.id from citizen x where x.municipality_id = ${f.municipalityId} and x.cpr ~>=~ ${lo} and x.cpr ~<~ ${hi}
      union select h.citizen_id from citizen_cpr_change h
        where h.municipality_id = ${f.municipalityId} and h.old_cpr ~>=~ ${lo} and h.old_cpr ~<~ ${hi}
      union select m.merged_into from citizen m
        where m.municipality_id = ${f.municipalityId} and m.merged_into is not null and m.cpr ~>=~ ${lo} and m.cpr ~<~ ${hi})`);
  }
  const words = (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const longest = [...words].sort((a, b) => b.length - a.length)[0];
  if (longest) where.push(sql`c.id in (select citizen_name_search(${longest}))`);
  for (const word of words)
    where.push(sql`c.name_search like ${`%${word.replaceAll(/[%_\\]/g, (ch) => `\\${ch}`)}%`}`);
  if (f.sex) where.push(sql`c.sex = ${f.sex}`);
  if (f.minAge !== undefined)
    where.push(sql`c.birth_date <= (${f.onDate}::date - make_interval(years => ${f.minAge}))::date`);
  if (f.maxAge !== undefined)
    where.push(sql`c.birth_date > (${f.onDate}::date - make_interval(years => ${f.maxAge + 1}))::date`);
  return where;
}

const NAME_ORDER = sql`lower(coalesce(c.family_name, '')), lower(coalesce(c.given_name, '')), c.initials, c.id`;

/**
 * One page of a municipality's by-name list with each citizen's status on `onDate`, and the total.
 * The status expression mirrors `statusOn` in shared/citizens/status.ts; a test compares the two.
 *
 * From today on, the status comes from the citizen's kept current state (no episode or contact is
 * ever dated in the future, so it holds); for a past date it is derived from the history. Without
 * a status or situation filter the page is chosen first and only its rows are derived.
 */
export async function listCitizens(
  db: Executor,
  f: ListFilter & { today: string },
): Promise<{ rows: ListRow[]; total: number }> {
  const where = sql.join(listConditions(f), sql` and `);
  const current = f.onDate >= f.today;
  const pageFirst = !f.status && !f.situation;
  const state = current
    ? sql`c.cur_situation as raw_situation, c.cur_from_date as ep_from, c.cur_release_date as release_date,
        c.cur_housing_solution as housing_solution, c.last_contact_on as contact_on`
    : sql`ep.situation as raw_situation, ep.from_date as ep_from, ep.release_date, ep.housing_solution, lc.contact_on`;
  const history = current
    ? sql``
    : sql`left join lateral (
        select e.situation, e.from_date, e.release_date, e.housing_solution
        from (select c.id as cid union all select m.id from citizen m where m.merged_into = c.id) ids
        cross join lateral (
          select e.situation, e.from_date, e.release_date, e.housing_solution, e.recorded_at
          from whereabouts_episode e
          where e.citizen_id = ids.cid and e.retracted_at is null and e.from_date <= ${f.onDate}::date
          order by e.from_date desc, e.recorded_at desc
          limit 1
        ) e
        order by e.from_date desc, e.recorded_at desc
        limit 1
      ) ep on true
      left join lateral (
        select max(k.contact_on) as contact_on
        from (select c.id as cid union all select m.id from citizen m where m.merged_into = c.id) ids
        cross join lateral (
          select max(ct.contact_on) as contact_on from citizen_contact ct
          where ct.citizen_id = ids.cid and ct.contact_on <= ${f.onDate}::date
        ) k
      ) lc on true`;
  const page = pageFirst ? sql`order by ${NAME_ORDER} limit ${f.limit} offset ${f.offset}` : sql``;
  const outer: RawBuilder<unknown>[] = [sql`true`];
  if (f.status) outer.push(sql`status = ${f.status}`);
  if (f.situation) outer.push(sql`situation = ${f.situation}`);

  const { rows } = await sql<ListRow & { total: number }>`
    with picked as (
      select c.*, ${pageFirst ? sql`count(*) over ()` : sql`0`}::int as picked_total
      from citizen c where ${where} ${page}
    ),
    base as (
      select c.*, ${state}
      from picked c ${history}
    ),
    classified as (
      select base.*,
        case
          when raw_situation in ('prison', 'hospital') and (housing_solution or release_date is null
            or ${f.onDate}::date < (release_date - interval '1 month')::date) then 'institution'
          else coalesce(raw_situation, 'unknown')
        end as situation,
        greatest(case when registered_on <= ${f.onDate}::date then registered_on end, contact_on,
          case when ep_from <= ${f.onDate}::date then ep_from end) as last_contact
      from base
    ),
    derived as (
      select classified.*,
        case
          when died_on <= ${f.onDate}::date then 'died'
          when moved_away_on <= ${f.onDate}::date then 'moved_away'
          when situation in ('housed', 'at_risk') then null
          when situation = 'institution' then
            case when ${f.onDate}::date - ep_from > ${f.institutionDays} then 'institution' end
          when ${f.onDate}::date - last_contact > ${f.noContactDays} then 'no_contact'
        end as inactive_reason
      from classified
    ),
    statused as (
      select derived.*,
        case
          when inactive_reason is not null then 'inactive'
          when situation = 'housed' then 'housed'
          when situation = 'at_risk' then 'at_risk'
          else 'homeless'
        end as status
      from derived
    )
    select id, cpr, given_name, family_name, initials, birth_date, sex,
      date_part('year', age(${f.onDate}::date, birth_date))::int as age,
      status, situation, inactive_reason, ${pageFirst ? sql`picked_total` : sql`count(*) over ()::int`} as total
    from statused c
    where ${sql.join(outer, sql` and `)}
    order by ${NAME_ORDER}
    ${pageFirst ? sql`` : sql`limit ${f.limit} offset ${f.offset}`}`.execute(db);
  // A page past the end has no row to carry the total: count separately then.
  return { rows, total: rows[0]?.total ?? (f.offset > 0 ? await countCitizens(db, f) : 0) };
}

async function countCitizens(db: Executor, f: ListFilter & { today: string }): Promise<number> {
  if (f.status || f.situation) return (await listCitizens(db, { ...f, limit: 1, offset: 0 })).total;
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from citizen c where ${sql.join(listConditions(f), sql` and `)}`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * Recomputes a citizen's kept current state from its history (and the records merged into it).
 * Call it in the transaction of every change to episodes, contacts or merges; without a citizen id
 * it recomputes the whole municipality (bulk loads).
 */
export async function refreshCurrentState(
  db: Executor,
  municipalityId: string,
  citizenId?: string,
): Promise<void> {
  await sql`
    with ids as (
      select c.id, coalesce(c.merged_into, c.id) as owner_id
      from citizen c
      where c.municipality_id = ${municipalityId}
        ${citizenId ? sql`and (c.id = ${citizenId} or c.merged_into = ${citizenId})` : sql``}
    ),
    latest as (
      select distinct on (ids.owner_id) ids.owner_id, e.situation, e.from_date, e.release_date, e.housing_solution
      from ids join whereabouts_episode e on e.citizen_id = ids.id
      where e.retracted_at is null
      order by ids.owner_id, e.from_date desc, e.recorded_at desc
    ),
    contacts as (
      select ids.owner_id, max(ct.contact_on) as contact_on
      from ids join citizen_contact ct on ct.citizen_id = ids.id
      group by ids.owner_id
    ),
    owners as (select distinct owner_id from ids)
    update citizen c set
      cur_situation = l.situation, cur_from_date = l.from_date, cur_release_date = l.release_date,
      cur_housing_solution = l.housing_solution, last_contact_on = k.contact_on
    from owners o
    left join latest l on l.owner_id = o.owner_id
    left join contacts k on k.owner_id = o.owner_id
    where c.id = o.owner_id`.execute(db);
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

/** Consents that have expired (and were not withdrawn or renewed for the same purpose). */
export async function expiredConsents(db: Executor, municipalityId: string, onDate: string, limit: number) {
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
    where k.municipality_id = ${municipalityId} and k.withdrawn_on is null and k.expires_on < ${onDate}::date
      and c.merged_into is null and c.died_on is null
      and not exists (
        select 1 from consent n where n.citizen_id = k.citizen_id and n.purpose = k.purpose
          and n.withdrawn_on is null and n.given_on >= k.given_on and n.id <> k.id
          and (n.expires_on is null or n.expires_on >= ${onDate}::date))
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
