import { type RawBuilder, sql } from 'kysely';
import type { CitizenStatus, InactiveReason } from '../../../shared/citizens/status';
import type { Situation } from '../../../shared/citizens/whereabouts';
import type { Executor } from '../../db/database';
import type { CitizenScope } from './citizens.policy';
import { inScope } from './citizens.repository';

// ---- the list: status derived in SQL, the same rules as shared/citizens/status.ts ----

export interface ListFilter {
  municipalityId: string;
  /**
   * Whose citizens: every one, or a user's caseload (need-to-know, issue 20 (d)). The registry's
   * routes always say; left out (the count's and the benchmark's calls) it is every citizen.
   */
  scope?: CitizenScope | undefined;
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

/**
 * On the list on `onDate`: registered by then, or with whereabouts from then or earlier (a list
 * imported later carries its earlier history), itself or a record merged into it. Mirrors `onListOn`
 * in shared/citizens/status.ts. Only a past date needs it: everyone is registered by today.
 */
const onListOn = (onDate: string) => sql`(c.registered_on <= ${onDate}::date
  or exists (select 1 from whereabouts_episode e
    where e.citizen_id = c.id and e.retracted_at is null and e.from_date <= ${onDate}::date)
  or exists (select 1 from citizen m where m.merged_into = c.id and (m.registered_on <= ${onDate}::date
    or exists (select 1 from whereabouts_episode e
      where e.citizen_id = m.id and e.retracted_at is null and e.from_date <= ${onDate}::date))))`;

/** The words of a name search, lower case; the longest finds the candidates (`listSource`). */
const searchWords = (q: string | undefined) => (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);

/**
 * Where the list's rows come from, as `c`: the tenant's citizens, or with a name search the tenant's
 * citizens whose name holds its longest word (`citizen_name_matches`, migration 0045: the
 * municipality's part of the trigram index, whole rows, so no second lookup per match).
 */
function listSource(f: ListFilter): RawBuilder<unknown> {
  const longest = searchWords(f.q).sort((a, b) => b.length - a.length)[0];
  return longest ? sql`citizen_name_matches(${longest}) c` : sql`citizen c`;
}

/** The WHERE conditions of the list on `listSource`, all usable by an index under row-level security. */
function listConditions(f: ListFilter & { today: string }): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`c.municipality_id = ${f.municipalityId}`];
  if (f.scope && !f.scope.all) where.push(inScope(f.scope, f.municipalityId, sql.ref('c.id')));
  // The list as it stood on a past date holds only the citizens it knew then.
  if (f.onDate < f.today) where.push(onListOn(f.onDate));
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
  for (const word of searchWords(f.q))
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
 * ever dated in the future, so it holds); for a past date it is derived from the history, and only
 * the citizens the list knew on that date are on it (counted in `total` accordingly). Without
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
      from ${listSource(f)} where ${where} ${page}
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
  }>`select count(*)::int as n from ${listSource(f)} where ${sql.join(listConditions(f), sql` and `)}`.execute(
    db,
  );
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
