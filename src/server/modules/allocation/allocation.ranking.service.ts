import type { Candidate, CandidateList } from '../../../shared/allocation/api';
import {
  type ApplicationFacts,
  type AreaStatusPeriod,
  areaStatusOn,
  assessCandidate,
  type Check,
  compareCandidates,
} from '../../../shared/allocation/eligibility';
import { type AllocationSettings, type Priority, WAITING_STATUSES } from '../../../shared/allocation/model';
import { today } from '../../../shared/dates';
import type { AreaStatus } from '../../../shared/housing/supply';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { BoundedMap } from '../../platform/bounded-map';
import * as censusRepo from './allocation.census.repository';
import { membersOf, nameOf } from './allocation.present';
import * as rankingRepo from './allocation.ranking.repository';
import { json, num } from './allocation.repository';
import { getSettings, settingsOf } from './allocation.settings.service';
import type { ApplicationRow } from './allocation.table';
import * as vacanciesRepo from './allocation.vacancies.repository';

/**
 * Candidate ranking (issue 5 §5; ADR 0006): every waiting application against one vacancy, rule
 * by rule, with the process caches that keep it fast, and the candidate list the officer reads.
 */

/** The columns of an application the rules test. */
type FactsRow = Pick<
  ApplicationRow,
  | 'status'
  | 'paused_until'
  | 'target_grounds'
  | 'rooms_min'
  | 'rooms_max'
  | 'monthly_income'
  | 'fixed_costs'
  | 'accessible_need'
  | 'wished_department_ids'
  | 'excluded_department_ids'
  | 'youth_wish'
  | 'in_education'
  | 'education_planned'
  | 'youth_special_need'
  | 'members'
> & { live_offers?: number | string | null };

function factsOf(r: FactsRow): ApplicationFacts {
  return {
    status: r.status,
    pausedUntil: r.paused_until,
    targetGrounds: json(r.target_grounds),
    roomsMin: r.rooms_min,
    roomsMax: r.rooms_max,
    monthlyIncome: num(r.monthly_income),
    fixedCosts: num(r.fixed_costs),
    accessibleNeed: r.accessible_need,
    wishedDepartmentIds: json(r.wished_department_ids),
    excludedDepartmentIds: json(r.excluded_department_ids),
    youthWish: r.youth_wish,
    inEducation: r.in_education,
    educationPlanned: r.education_planned,
    youthSpecialNeed: r.youth_special_need,
    members: membersOf(r),
    liveOffers: Number(r.live_offers ?? 0),
  };
}

type HeavyFacts = Omit<ApplicationFacts, 'status' | 'pausedUntil' | 'liveOffers'>;
type Outcome = ReturnType<typeof assessCandidate>;

/**
 * Process-local caches for the ranking (ADR 0006), one set per municipality, so nothing ever
 * crosses tenants. Household facts are kept per application and `row_version`, the number the
 * database draws from a sequence on every insert and update of the row (migration 0007): the
 * version is read in the ranking's own transaction, so a fact is used only for the very row
 * state that transaction sees, whichever app instance wrote it. A rule outcome is kept per
 * vacancy context (the date every rule is judged on, the vacancy's facts with its department's
 * area statuses, and the policy) × application version × live offers, the whole input of
 * `assessCandidate`. Other processes simply fill their own.
 */
interface TenantCaches {
  facts: BoundedMap<FactsEntry>;
  /** Per vacancy context: per application, the outcome for one version and live-offer count. */
  outcomes: BoundedMap<BoundedMap<OutcomeEntry>>;
}
interface FactsEntry {
  version: number;
  facts: HeavyFacts;
}
interface OutcomeEntry {
  version: number;
  liveOffers: number;
  result: Outcome;
}
/**
 * The last ranking per municipality × vacancy × date × vacancy context (the date, the vacancy's
 * facts with its area statuses, and the policy: anything not an application's own row or offers),
 * with the waiting list's version it was ranked at, the least recently used dropped first.
 *
 * The list version is written in the same commit as any change to the municipality's applications
 * or offers, drawn under a row lock so that it grows in commit order, and the commit records, per
 * application it touched, that version (allocation_list_change, migrations 0007 and 0010). So a
 * ranking at version v is exactly the committed state up to v: a transaction that sees v takes it
 * as it is, and one that sees a later version reads only the applications changed after v, in one
 * statement that also reads the version it brings the ranking to, and merges them in. A memo is
 * shared and never changed after it is stored.
 */
interface Memo {
  listVersion: number;
  ranking: Ranking;
}
/** Rankings kept per process. */
const RANKINGS_LIMIT = 256;
/** Applications' facts, or outcomes per vacancy context, kept per municipality. */
const CACHE_LIMIT = 200_000;
/** Municipalities, and vacancy contexts per municipality, kept per process. */
const CONTEXT_LIMIT = 1000;

const caches = new BoundedMap<TenantCaches>(CONTEXT_LIMIT);
const rankings = new BoundedMap<Memo>(RANKINGS_LIMIT);

/**
 * How the process's rankings were answered: from a memo as it was (`memo`), from a memo and the
 * applications changed since (`changes`), or from the whole waiting list (`full`). For tests and
 * the benchmark, which check that the path they measure is the one taken.
 */
export const rankingReads = { memo: 0, changes: 0, full: 0 };

function cachesOf(municipalityId: string): TenantCaches {
  let c = caches.get(municipalityId);
  if (!c) {
    c = {
      facts: new BoundedMap<FactsEntry>(CACHE_LIMIT),
      outcomes: new BoundedMap<BoundedMap<OutcomeEntry>>(CONTEXT_LIMIT),
    };
    caches.set(municipalityId, c);
  }
  return c;
}

function outcomesOf(cache: TenantCaches, context: string) {
  let outcomes = cache.outcomes.get(context);
  if (!outcomes) {
    outcomes = new BoundedMap<OutcomeEntry>(CACHE_LIMIT);
    cache.outcomes.set(context, outcomes);
  }
  return outcomes;
}

function heavyOf(r: rankingRepo.RankingFactsRow): HeavyFacts {
  const {
    status: _s,
    pausedUntil: _p,
    liveOffers: _l,
    ...facts
  } = factsOf({ ...r, status: 'approved', paused_until: null });
  return facts;
}

function rememberFacts(cache: TenantCaches['facts'], r: rankingRepo.RankingFactsRow) {
  const entry = { version: r.row_version, facts: heavyOf(r) };
  cache.set(r.id, entry);
  return entry;
}

/**
 * Household facts of the given applications, each with the version it belongs to: from the cache
 * when it holds the wanted version, otherwise read. A row read can be newer than the version
 * wanted (it changed after the heads were read, in a later statement); the caller sees that by
 * the version.
 */
async function heavyFacts(
  trx: Tx,
  municipalityId: string,
  cache: TenantCaches['facts'],
  wanted: readonly rankingRepo.RankingHead[],
) {
  const found = new Map<string, FactsEntry>();
  const stale: string[] = [];
  for (const h of wanted) {
    const hit = cache.get(h.id);
    if (hit?.version === h.row_version) found.set(h.id, hit);
    else stale.push(h.id);
  }
  if (stale.length > 0)
    for (const r of await rankingRepo.rankingFacts(trx, municipalityId, stale))
      found.set(r.id, rememberFacts(cache, r));
  return found;
}

/** Days since 1970-01-01 of an åååå-mm-dd date (integer arithmetic, no parsing). */
const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** One waiting application as the ranking places it: the order, the outcome and every rule's result. */
export interface RankedApplication {
  /** The application. */
  id: string;
  priority: Priority | null;
  waitingSince: string | null;
  waitingDays: number;
  /** 1-based rank among the eligible; null for the excluded. */
  rank: number | null;
  eligible: boolean;
  checks: Check[];
}

export interface Ranking {
  vacancyId: string;
  /** The one date every rule was judged on. */
  onDate: string;
  /** The department's area status on `onDate`. */
  areaStatus: AreaStatus | null;
  eligibleCount: number;
  excludedCount: number;
  eligible: RankedApplication[];
  excluded: RankedApplication[];
}

/**
 * The ranking of applications in `compareCandidates` order: the eligible numbered from 1, the
 * excluded after them. An entry whose rank is already right is kept as it is (a memo's entries are
 * shared); others are copied.
 */
function rankingOf(
  v: vacanciesRepo.VacancyWithDepartment,
  onDate: string,
  areaStatus: AreaStatus | null,
  ordered: readonly RankedApplication[],
) {
  const eligible: RankedApplication[] = [];
  const excluded: RankedApplication[] = [];
  for (const c of ordered) {
    if (c.eligible) {
      const rank = eligible.length + 1;
      eligible.push(c.rank === rank ? c : { ...c, rank });
    } else excluded.push(c.rank === null ? c : { ...c, rank: null });
  }
  const ranking: Ranking = {
    vacancyId: v.id,
    onDate,
    areaStatus,
    eligibleCount: eligible.length,
    excludedCount: excluded.length,
    eligible,
    excluded,
  };
  return ranking;
}

/**
 * A ranking with the changed applications taken out and their new places merged in: both lists
 * are in `compareCandidates` order (a total order: ids break ties), so the result is the order a
 * full sort gives.
 */
function mergeChanges(before: Ranking, changed: ReadonlySet<string>, fresh: RankedApplication[]) {
  fresh.sort(compareCandidates);
  const ordered: RankedApplication[] = [];
  let j = 0;
  for (const list of [before.eligible, before.excluded])
    for (const c of list) {
      if (changed.has(c.id)) continue;
      while (j < fresh.length && compareCandidates(fresh[j] as RankedApplication, c) < 0)
        ordered.push(fresh[j++] as RankedApplication);
      ordered.push(c);
    }
  while (j < fresh.length) ordered.push(fresh[j++] as RankedApplication);
  return ordered;
}

/** Keeps a ranking unless a later one of the same key is already kept. */
function remember(key: string, listVersion: number, ranking: Ranking) {
  const kept = rankings.get(key);
  if (kept && kept.listVersion > listVersion) return;
  rankings.touch(key, { listVersion, ranking });
}

/**
 * Every waiting application against one vacancy, rule by rule, ranked (issue 5 §5), every rule on
 * one date: today, the date an offer made from this ranking is made (issue 14 §3: § 59 stk. 6/7
 * forbid the allocation, so the household's facts and the department's area status are both judged
 * on the offer's date — not the facts on one date and the area status on the available date).
 */
export async function rankCandidates(
  trx: Tx,
  actor: Pick<Actor, 'municipalityId'>,
  v: vacanciesRepo.VacancyWithDepartment & { area_statuses?: AreaStatusPeriod[] | string },
  opts: {
    /** The policy, when the caller has read it already. */
    policy?: AllocationSettings | undefined;
    /**
     * The waiting list's version (`allocation_list_version`) as this transaction sees it, given
     * only while the transaction has written nothing, so that it sees only committed rows: then
     * the ranking may come from, and go to, the process's memo of rankings.
     */
    listVersion?: number | null | undefined;
  } = {},
): Promise<Ranking> {
  const onDate = today();
  const m = actor.municipalityId;
  const settings = opts.policy ?? (await getSettings(trx, actor));
  const cache = cachesOf(m);
  const areaStatuses =
    v.area_statuses === undefined
      ? await vacanciesRepo.departmentAreaStatuses(trx, m, v.department_id)
      : json<AreaStatusPeriod[]>(v.area_statuses);
  const vacancy = {
    departmentId: v.department_id,
    unitType: v.unit_type,
    rooms: v.rooms,
    rent: num(v.rent),
    utilities: num(v.utilities),
    accessible: v.accessible,
    areaStatuses,
  };
  const areaStatus = areaStatusOn(areaStatuses, onDate);
  // Everything a ranking depends on besides the applications and their offers: the date every rule
  // is judged on, the vacancy's facts (its department's area statuses among them) and the policy
  // (live offers on the vacancy itself do not count; waiting days run to the same date).
  const context = JSON.stringify([onDate, vacancy, settings]);
  const memoKey =
    opts.listVersion === null || opts.listVersion === undefined ? null : `${m}|${v.id}|${onDate}|${context}`;
  const memo = memoKey === null ? undefined : rankings.get(memoKey);
  if (memo && memo.listVersion === opts.listVersion) {
    rankings.touch(memoKey as string, memo);
    rankingReads.memo++;
    return memo.ranking;
  }
  const outcomes = outcomesOf(cache, context);
  const today0 = dayNumber(onDate);
  const placed = (r: rankingRepo.RankingHead, result: Outcome): RankedApplication => ({
    id: r.id,
    priority: r.priority,
    waitingSince: r.waiting_since,
    waitingDays: r.waiting_since ? Math.max(0, today0 - dayNumber(r.waiting_since)) : 0,
    rank: null,
    eligible: result.eligible,
    checks: result.checks,
  });
  const cachedOutcome = (r: rankingRepo.RankingHead) => {
    const cached = outcomes.get(r.id);
    return cached && cached.version === r.row_version && cached.liveOffers === Number(r.live_offers ?? 0)
      ? cached.result
      : undefined;
  };
  const assess = (r: rankingRepo.RankingHead, facts: HeavyFacts, keep: boolean) => {
    const liveOffers = Number(r.live_offers ?? 0);
    const result = assessCandidate(
      { ...facts, status: r.status, pausedUntil: r.paused_until, liveOffers },
      vacancy,
      settings,
      onDate,
    );
    if (keep) outcomes.set(r.id, { version: r.row_version, liveOffers, result });
    return result;
  };

  if (memo && memoKey !== null) {
    // The list moved on since the memo: read what changed after it, with the version it brings.
    const { listVersion, changes } = await rankingRepo.rankingChanges(trx, m, v.id, memo.listVersion);
    // (A snapshot older than the memo's, which a clean transaction does not see, ranks in full below.)
    if (listVersion >= memo.listVersion) {
      rankingReads.changes++;
      if (changes.length === 0) {
        remember(memoKey, listVersion, memo.ranking);
        return memo.ranking;
      }
      const changed = new Set<string>();
      const fresh: RankedApplication[] = [];
      for (const r of changes) {
        changed.add(r.id);
        // Left the waiting list, or no longer there at all: it is only taken out.
        if (r.status === null || !WAITING_STATUSES.includes(r.status)) continue;
        // The facts came in the same row, from the same snapshot as the head.
        const known = cache.facts.get(r.id);
        const facts = known?.version === r.row_version ? known.facts : rememberFacts(cache.facts, r).facts;
        fresh.push(placed(r, cachedOutcome(r) ?? assess(r, facts, true)));
      }
      const ranking = rankingOf(v, onDate, areaStatus, mergeChanges(memo.ranking, changed, fresh));
      remember(memoKey, listVersion, ranking);
      return ranking;
    }
  }

  rankingReads.full++;
  const { listVersion, heads } = await rankingRepo.rankingHeads(trx, m, v.id);
  const ordered: RankedApplication[] = [];
  const unassessed: rankingRepo.RankingHead[] = [];
  for (const r of heads) {
    const result = cachedOutcome(r);
    if (result) ordered.push(placed(r, result));
    else unassessed.push(r);
  }
  // Whether every outcome belongs to the one state the heads were read in.
  let consistent = true;
  if (unassessed.length > 0) {
    const facts = await heavyFacts(trx, m, cache.facts, unassessed);
    for (const r of unassessed) {
      const f = facts.get(r.id);
      // Changed (or gone) since the heads were read, by a commit in between: ranked on what it is
      // now, but neither that outcome nor this ranking is kept.
      if (f?.version !== r.row_version) consistent = false;
      if (f) ordered.push(placed(r, assess(r, f.facts, f.version === r.row_version)));
    }
  }
  ordered.sort(compareCandidates);
  const ranking = rankingOf(v, onDate, areaStatus, ordered);
  if (memoKey !== null && consistent) remember(memoKey, listVersion, ranking);
  return ranking;
}

export async function storeCensus(trx: Tx, municipalityId: string, list: Ranking, date: string) {
  await censusRepo.insertCensus(
    trx,
    municipalityId,
    { vacancyId: list.vacancyId, date, excludedCount: list.excludedCount },
    list.eligible.map((c) => ({
      applicationId: c.id,
      rank: c.rank ?? 0,
      priority: c.priority,
      waitingDays: c.waitingDays,
    })),
  );
}

/** How much of each list an answer shows (the web asks for more as the officer reads on). */
export const CANDIDATE_PAGE = 25;

/**
 * The candidate list of a vacancy: both counts, the first `eligibleLimit` of the eligible with
 * every rule, and the first `excludedLimit` of the excluded with the rules they fail ("why not").
 */
export async function candidates(
  trx: Tx,
  actor: Actor,
  vacancyId: string,
  limits: { eligibleLimit?: number; excludedLimit?: number } = {},
): Promise<CandidateList> {
  const m = actor.municipalityId;
  const date = today();
  const v = await rankingRepo.findVacancyToRank(trx, m, vacancyId, date);
  if (!v) throw new AppError('NOT_FOUND');
  // A let, returned or withdrawn unit is offered to no one: its page shows the tenancy or the
  // return instead, and no applicant's data is read for it (issue 14 §3).
  if (v.status !== 'open') throw new AppError('VACANCY_NOT_OPEN');
  const list = await rankCandidates(trx, actor, v, {
    policy: settingsOf(v.stored_settings === null ? null : json(v.stored_settings)),
    listVersion: v.list_clean ? Number(v.list_version) : null,
  });
  if (!v.census_taken) await storeCensus(trx, m, list, date);
  const eligible = list.eligible.slice(0, limits.eligibleLimit ?? CANDIDATE_PAGE);
  const excluded = list.excluded.slice(0, limits.excludedLimit ?? CANDIDATE_PAGE);
  const details = await rankingRepo.rankingDetails(trx, m, [
    ...eligible.map((c) => c.id),
    ...excluded.map((c) => c.id),
  ]);
  const card = (c: RankedApplication, checks: Check[]): Candidate => {
    const d = details.get(c.id);
    return {
      applicationId: c.id,
      citizenId: d?.citizen_id ?? '',
      citizenName: d ? nameOf(d) : '',
      priority: c.priority,
      priorityReason: d?.priority_reason ?? null,
      waitingSince: c.waitingSince,
      waitingDays: c.waitingDays,
      householdSize: d?.household_size ?? 0,
      rank: c.rank,
      eligible: c.eligible,
      checks,
    };
  };
  // Last, so that the municipality's audit chain is held only until the commit that follows.
  await audit(trx, actor, 'allocation.candidates_read', 'vacancy', vacancyId, {
    eligible: list.eligibleCount,
  });
  return {
    vacancyId: list.vacancyId,
    onDate: list.onDate,
    areaStatus: list.areaStatus,
    eligibleCount: list.eligibleCount,
    excludedCount: list.excludedCount,
    eligible: eligible.map((c) => card(c, c.checks)),
    // "Why not": the excluded carry the rules they fail; the rules they pass add nothing to the answer.
    excluded: excluded.map((c) =>
      card(
        c,
        c.checks.filter((k) => k.outcome === 'fail'),
      ),
    ),
  };
}

/** Today's census for every open vacancy that has none yet (run by the daily job and on demand). */
