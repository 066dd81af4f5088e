import { sql } from 'kysely';
import type pg from 'pg';
import { type Cell, copyRows } from '../../src/server/db/copy';
import type { Db } from '../../src/server/db/database';
import type { DischargeDestination } from '../../src/shared/shelters/model';
import { byRank, FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from '../lib/danish-names';
import { dayNumber, isoDate, Random, Weighted } from '../lib/random';
import {
  type HfMethod,
  type LifeApplication,
  type LifeEpisode,
  type LifeSupport,
  type Person,
  simulateLives,
  type Unit,
} from './lives';

/**
 * Ten years of by-name history for one municipality of the national set (issue 19's backtest fits
 * eight years and checks the last two), written over what the module generators made:
 *
 * - the homeless citizens' lives (bench/national/lives.ts) over ten years and an eight-year run-in:
 *   whereabouts episodes, contacts, applications to the waiting list with their events, the units
 *   reported and let (vacancies, offers, tenancies), Housing First support and § 110 stays;
 * - the framework agreements, whose quotas are the supply the simulation lets from (so that the
 *   supply the planning model reads from the agreements is the one the history had), renegotiated
 *   with higher quotas in about two municipalities in three three years ago;
 * - the tenants of the prevention generator's eviction cases (its last three years): at risk from a
 *   case's opening, in their own home again when it closes, and about three in ten of the evicted
 *   homeless from the eviction on (they join the simulation).
 *
 * The open applications of the allocation generator (the waiting list the ranking benchmark ranks)
 * stay, with their ids and household facts: each is given to a simulated person waiting on the last
 * day (taking that person's dates), and those left over to tenants at risk (an approved application
 * while still in their home). Its closed applications, let and returned units are replaced by the
 * simulated ones. The seedCitizens citizens become simulated people (their names kept, their
 * histories replaced); more citizens are added where the simulation has more people.
 *
 * The eviction cases cover three years only; before them, their tenants are copied back three, six
 * and nine years as earlier tenants at risk (citizens without case records), so that the at-risk
 * compartment and its flows run over all ten years.
 */

/** National sizes at scale 1: new homeless people a month, and units for allocation a month. */
export const HISTORY_TOTALS = {
  /** New homeless people a month from outside the list (the middle of the ten years). */
  homelessInflow: 680,
  /** Units a month per new homeless person a month, before a renegotiation. */
  supplyPerInflow: 0.28,
  /** The share of the supply from rent-subsidy pools (outside the agreements). */
  poolShare: 0.15,
  /** The share of evicted tenants who become homeless. */
  evictedHomeless: 0.3,
};

/** Years simulated before the ten kept, so that the stocks are near their level when history starts. */
const RUN_IN_YEARS = 8;

export interface HistoryCounts {
  persons: number;
  newCitizens: number;
  episodes: number;
  contacts: number;
  applications: number;
  events: number;
  vacancies: number;
  lettings: number;
  /** New homeless people a month (middle of the ten years), its yearly trend, and the supply. */
  inflowPerMonth: number;
  trendPerYear: number;
  supplyPerMonth: { before: number; after: number; pool: number; renegotiatedOn: string | null };
}

/** A Housing First enrollment of the history, for support.ts. */
export interface HistorySupport {
  citizenId: string;
  method: HfMethod;
  start: number;
  end: number | null;
  reason: LifeSupport['reason'];
}

/** A § 110 stay of the history (a shelter episode), for shelters.ts. */
export interface HistoryStay {
  citizenId: string;
  admitted: number;
  discharged: number | null;
  to: DischargeDestination;
}

export interface HistoryResult {
  counts: HistoryCounts;
  support: HistorySupport[];
  stays: HistoryStay[];
  organisationIds: string[];
}

const FAMILY = new Weighted(FAMILY_NAMES);
const MALE = new Weighted(byRank(MALE_GIVEN_NAMES));
const FEMALE = new Weighted(byRank(FEMALE_GIVEN_NAMES));
const CHANNELS = new Weighted<string>([
  ['meeting', 45],
  ['phone', 30],
  ['outreach', 20],
  ['other', 5],
]);
const STREETS = ['Ringvej', 'Kirkevej', 'Stationsvej', 'Havnegade', 'Møllevej', 'Bakkevej', 'Skolegade'];
const PRIORITY_REASONS = {
  acute: 'Sover på gaden',
  high: 'Har boet på forsorgshjem i over et år',
  normal: 'Opfylder målgruppen',
};

const VACANCY_COLUMNS = [
  'id',
  'municipality_id',
  'department_id',
  'address',
  'unit_type',
  'rooms',
  'area_m2',
  'rent',
  'utilities',
  'deposit',
  'accessible',
  'available_on',
  'origin',
  'deadline_on',
  'status',
  'returned_on',
  'returned_reason',
  'reported_via',
  'reported_by',
  'created_at',
];
const OFFER_COLUMNS = [
  'id',
  'municipality_id',
  'vacancy_id',
  'application_id',
  'status',
  'offered_at',
  'offered_by',
  'reply_by',
  'responded_at',
  'responded_by',
  'decline_reason',
  'counts_as_refusal',
];
const TENANCY_COLUMNS = [
  'id',
  'municipality_id',
  'vacancy_id',
  'offer_id',
  'application_id',
  'citizen_id',
  'accepted_on',
  'lease_signed_on',
  'planned_move_in_on',
  'moved_in_on',
  'created_at',
];
const EPISODE_COLUMNS = [
  'municipality_id',
  'citizen_id',
  'situation',
  'from_date',
  'release_date',
  'housing_solution',
  'has_contract',
  'temporary',
  'because_of_homelessness',
  'recorded_at',
];
const EVENT_COLUMNS = [
  'municipality_id',
  'application_id',
  'action',
  'from_status',
  'to_status',
  'reason',
  'at',
  'by_user',
];

interface Line {
  departmentId: string;
  organisationId: string;
  unitType: 'family' | 'youth';
  units: number;
  turnover: number;
  base: number;
}

/** The quotas of `lines` that make `perMonth` units a month (within 0.01–100 %), and what they make. */
function quotasFor(lines: readonly Line[], perMonth: number) {
  const atBase = lines.reduce((sum, l) => sum + (l.units * l.turnover * l.base) / 10_000, 0) / 12;
  const factor = atBase > 0 ? perMonth / atBase : 0;
  const quotas = lines.map((l) => Math.min(100, Math.max(0.01, Math.round(l.base * factor * 100) / 100)));
  const perLine = lines.map((l, i) => (l.units * l.turnover * (quotas[i] as number)) / 10_000 / 12);
  return { quotas, perLine, total: perLine.reduce((a, b) => a + b, 0) };
}

/** The first 1 January at least 30 months before `day`: when renegotiated agreements take effect. */
function renegotiationDay(day: number): number {
  const year = Number(isoDate(day - 30 * 30.44).slice(0, 4));
  return dayNumber(`${year}-01-01`);
}

export async function addByNameHistory(o: {
  owner: Db;
  copy: pg.Client;
  municipalityId: string;
  code: string;
  random: Random;
  /** The municipality's share of the national size (population share × scale). */
  share: number;
  today: string;
  officer: string;
  caseworker: string;
}): Promise<HistoryResult> {
  const { random } = o;
  const m = o.municipalityId;
  const day = dayNumber(o.today);
  const tenYearsAgo = day - 3652;
  // Rows older than this are left out, but the episode in force then and the contacts that keep a
  // homeless citizen active are kept: the list as it stood ten years ago.
  const keepFrom = tenYearsAgo - 120;

  const [{ rows: departments }, { rows: citizens }, { rows: applications }, { rows: cases }] =
    await Promise.all([
      sql<{
        id: string;
        organisation_id: string;
        units_family: number;
        units_youth: number;
        turnover_percent: string;
      }>`select id, organisation_id, units_family, units_youth, turnover_percent::text
        from housing_department where municipality_id = ${m} order by organisation_id, number`.execute(
        o.owner,
      ),
      sql<{ id: string; tenant: boolean; merged_into: string | null; registered_on: string }>`
        select id, created_by is not null as tenant, merged_into, registered_on::text
        from citizen where municipality_id = ${m} order by id`.execute(o.owner),
      sql<{ id: string; citizen_id: string; status: string }>`
        select id, citizen_id, status from allocation_application where municipality_id = ${m}
        order by id`.execute(o.owner),
      sql<{ citizen_id: string; opened_on: string; outcome: string | null; outcome_on: string | null }>`
        select citizen_id, opened_on::text, outcome, outcome_on::text from eviction_case
        where municipality_id = ${m} and citizen_id is not null order by citizen_id, opened_on, id`.execute(
        o.owner,
      ),
    ]);

  // ---- the supply: agreements whose quotas give the simulated units ----
  const lines: Line[] = [];
  for (const d of departments) {
    const turnover = Number(d.turnover_percent);
    lines.push({
      departmentId: d.id,
      organisationId: d.organisation_id,
      unitType: 'family',
      units: d.units_family,
      turnover,
      base: random.int(20, 33),
    });
    if (d.units_youth > 0)
      lines.push({
        departmentId: d.id,
        organisationId: d.organisation_id,
        unitType: 'youth',
        units: d.units_youth,
        turnover,
        base: random.int(10, 25),
      });
  }
  const inflowMid = HISTORY_TOTALS.homelessInflow * o.share;
  const trend = random.next() * 0.07 - 0.05;
  const supply = inflowMid * HISTORY_TOTALS.supplyPerInflow;
  const before = quotasFor(lines, supply * (1 - HISTORY_TOTALS.poolShare));
  // What the agreements cannot give (quotas at most 100 %) comes from the pools.
  const pool = supply - before.total;
  const renegotiated = random.chance(0.65) ? renegotiationDay(day) : null;
  const raise = 1.15 + random.next() * 0.35;
  const after = renegotiated === null ? before : quotasFor(lines, before.total * raise);
  const organisationIds = [...new Set(lines.map((l) => l.organisationId))];
  await writeAgreements(
    o,
    lines,
    organisationIds,
    tenYearsAgo - 30,
    renegotiated,
    before.quotas,
    after.quotas,
  );

  // ---- the tenants of the eviction cases ----
  const tenantIds = new Set(citizens.filter((c) => c.tenant && c.merged_into === null).map((c) => c.id));
  const casesOf = new Map<string, typeof cases>();
  for (const c of cases)
    if (tenantIds.has(c.citizen_id)) casesOf.set(c.citizen_id, [...(casesOf.get(c.citizen_id) ?? []), c]);
  const registeredOn = new Map(citizens.map((c) => [c.id, c.registered_on]));
  const evicted: { citizenId: string; day: number }[] = [];
  const evictedCase = new Map<string, number>();
  for (const [citizenId, list] of casesOf) {
    const k = list.findIndex((c) => c.outcome === 'evicted' && c.outcome_on !== null);
    if (k < 0 || !random.chance(HISTORY_TOTALS.evictedHomeless)) continue;
    const on = Math.min(day, dayNumber(list[k]?.outcome_on as string) + random.int(0, 10));
    evicted.push({ citizenId, day: on });
    evictedCase.set(citizenId, k);
  }

  // ---- earlier tenants at risk: the eviction cases' pattern over the years before them ----
  // The prevention data covers its last three years only. Its tenants are copied back three, six
  // and nine years (new citizens without case records) so that the list holds tenants at risk over
  // all ten years, and the evicted among them become homeless at the same rate as the recent ones:
  // a model fitted on the first eight years then sees the at-risk flows it forecasts.
  const casesFrom = cases.reduce((min, c) => Math.min(min, dayNumber(c.opened_on)), day);
  const earlier: { citizenId: string; registered: number; spells: { from: number; to: number | null }[] }[] =
    [];
  for (const shift of [1095, 2190, 3285])
    for (const [citizenId, list] of casesOf) {
      const first = dayNumber(list[0]?.opened_on as string) - shift;
      if (first < tenYearsAgo - 365 || first >= casesFrom) continue;
      const copy = random.uuid();
      const spells: { from: number; to: number | null }[] = [];
      for (const c of list) {
        const from = dayNumber(c.opened_on) - shift;
        const to = c.outcome_on === null ? from + random.int(10, 150) : dayNumber(c.outcome_on) - shift;
        const evictedNow =
          c.outcome === 'evicted' && to >= keepFrom && random.chance(HISTORY_TOTALS.evictedHomeless);
        spells.push({ from, to: evictedNow ? null : to });
        if (evictedNow) {
          evicted.push({ citizenId: copy, day: to + random.int(0, 10) });
          break;
        }
      }
      const registered = dayNumber(registeredOn.get(citizenId) as string) - shift;
      earlier.push({ citizenId: copy, registered: Math.min(registered, first), spells });
    }

  // ---- the simulation ----
  const mid = tenYearsAgo + 1826;
  const lives = simulateLives({
    random: new Random(Math.floor(random.next() * 2 ** 31)),
    start: tenYearsAgo - RUN_IN_YEARS * 365,
    today: day,
    inflowOn: (d) => {
      const season = 1 + 0.1 * Math.cos((2 * Math.PI * (d - 14)) / 365.25);
      return Math.max(0, inflowMid * (1 + (trend * (d - mid)) / 365.25) * season);
    },
    supplyOn: (d) => ({
      lines: renegotiated !== null && d >= renegotiated ? after.perLine : before.perLine,
      pool,
    }),
    evicted,
  });

  // Who is in the history: everyone still on the list (not gone) when it starts.
  const persons = lives.persons.filter((p) => p.gone === null || p.gone.day >= keepFrom);
  for (const p of persons) clip(p, keepFrom, day);

  // ---- citizens: the open applications' holders first, then the rest ----
  const isOpen = (a: LifeApplication) => a.end === null || a.end.day > day;
  const openOf = (p: Person) => p.applications.find((a) => isOpen(a) && a.submitted <= day);
  const existingWaiting = applications.filter((a) => a.status === 'approved' || a.status === 'paused');
  const existingPending = applications.filter((a) => a.status === 'submitted' || a.status === 'needs_info');
  const applicationId = new Map<LifeApplication, string>();
  const citizenOf = new Map<Person, string>();
  const used = new Set<string>();
  for (const p of persons)
    if (p.citizenId) {
      citizenOf.set(p, p.citizenId);
      used.add(p.citizenId);
    }
  /** Existing open applications given to another citizen than their own: id → citizen. */
  const moved = new Map<string, string>();
  const take = (p: Person, existing: { id: string; citizen_id: string }, a: LifeApplication) => {
    applicationId.set(a, existing.id);
    const own = citizenOf.get(p);
    if (own) {
      if (own !== existing.citizen_id) moved.set(existing.id, own);
    } else if (!used.has(existing.citizen_id) && !tenantIds.has(existing.citizen_id)) {
      // (A tenant of the eviction cases keeps the history of its cases: the application moves.)
      citizenOf.set(p, existing.citizen_id);
      used.add(existing.citizen_id);
    }
  };
  const waitingNow = persons.filter((p) => openOf(p)?.approved != null);
  const pendingNow = persons.filter((p) => {
    const a = openOf(p);
    return a !== undefined && a.approved === null;
  });
  waitingNow.forEach((p, k) => {
    const existing = existingWaiting[k];
    if (existing) take(p, existing, openOf(p) as LifeApplication);
  });
  pendingNow.forEach((p, k) => {
    const existing = existingPending[k];
    if (existing) take(p, existing, openOf(p) as LifeApplication);
  });
  // The rest of the simulated people take the generated citizens left, then new ones.
  const pool_ = citizens
    .filter((c) => !c.tenant && c.merged_into === null && !used.has(c.id))
    .map((c) => c.id);
  let poolAt = 0;
  const added: string[] = [];
  for (const p of persons) {
    if (citizenOf.has(p)) continue;
    let id = pool_[poolAt++];
    while (id !== undefined && used.has(id)) id = pool_[poolAt++];
    if (id === undefined) {
      id = random.uuid();
      added.push(id);
    }
    citizenOf.set(p, id);
    used.add(id);
  }
  for (const e of earlier) {
    added.push(e.citizenId);
    used.add(e.citizenId);
  }
  // Applications whose holder became another simulated person's citizen follow that person.
  const applicationById = new Map(applications.map((a) => [a.id, a]));
  for (const [p, citizen] of citizenOf)
    for (const a of p.applications) {
      const id = applicationId.get(a);
      const existing = id ? applicationById.get(id) : undefined;
      if (existing && existing.citizen_id !== citizen) moved.set(existing.id, citizen);
    }

  // Open applications left over: tenants at risk (or in their home again) on the list for a home.
  const holders = new Set([...citizenOf.values()]);
  const leftovers = [
    ...existingWaiting.slice(waitingNow.length).map((a) => ({ a, waiting: true })),
    ...existingPending.slice(pendingNow.length).map((a) => ({ a, waiting: false })),
  ];
  const tenants = [...casesOf.keys()].filter((id) => !holders.has(id));
  // Open cases first: a tenant facing eviction applies for a cheaper home.
  tenants.sort(
    (x, y) => Number(isClosed(casesOf.get(x))) - Number(isClosed(casesOf.get(y))) || (x < y ? -1 : 1),
  );
  const leftoverDates = new Map<string, { submitted: number; approved: number | null }>();
  const freeHolders = persons.filter(
    (p) => openOf(p) === undefined && p.episodes.at(-1)?.situation === 'housed',
  );
  let tenantAt = 0;
  let freeAt = 0;
  const orphaned: string[] = [];
  for (const { a, waiting } of leftovers) {
    let citizen: string | undefined;
    let from: number;
    const tenant = tenants[tenantAt];
    if (tenant !== undefined) {
      tenantAt++;
      citizen = tenant;
      from = dayNumber(casesOf.get(tenant)?.[0]?.opened_on ?? o.today) + 14;
    } else {
      const p = freeHolders[freeAt++];
      if (!p) {
        // Nobody left to hold it (a smoke-test municipality): withdrawn, so that its citizen, now
        // someone else's history, holds no second open application.
        orphaned.push(a.id);
        continue;
      }
      citizen = citizenOf.get(p) as string;
      from = (p.episodes.at(-1) as LifeEpisode).day + 14;
    }
    from = Math.min(from, day - 20);
    const submitted = from + random.int(0, Math.max(0, day - 20 - from));
    leftoverDates.set(a.id, {
      submitted,
      approved: waiting ? Math.min(day - 1, submitted + random.int(10, 40)) : null,
    });
    if (citizen !== a.citizen_id) moved.set(a.id, citizen);
    used.add(citizen);
  }
  // Simulated open applications beyond the existing ones become new ones (small municipalities).
  const created: { app: LifeApplication; template: string }[] = [];
  const templates = existingWaiting.length > 0 ? existingWaiting : applications;
  for (const p of [
    ...waitingNow.slice(existingWaiting.length),
    ...pendingNow.slice(existingPending.length),
  ]) {
    const app = openOf(p) as LifeApplication;
    const id = random.uuid();
    applicationId.set(app, id);
    created.push({ app, template: random.pick(templates).id });
  }

  // ---- out with what the module generators made, in with the history ----
  // By the ids read above, each by an index: the tables grow by millions of rows over the national
  // run, and a join by municipality planned on statistics that have not seen this municipality's
  // rows yet can scan them once per row (minutes for the largest municipalities).
  const openStatuses = ['submitted', 'needs_info', 'approved', 'paused'];
  const allIds = applications.map((a) => a.id);
  const closedIds = applications.filter((a) => !openStatuses.includes(a.status)).map((a) => a.id);
  const { rows: openUnits } = await sql<{ id: string }>`
    select id from vacancy where municipality_id = ${m} and status = 'open'`.execute(o.owner);
  await sql`delete from tenancy where application_id = any(${allIds}::uuid[])`.execute(o.owner);
  await sql`delete from offer where application_id = any(${allIds}::uuid[])
    and (application_id = any(${closedIds}::uuid[]) or vacancy_id <> all(${openUnits.map((v) => v.id)}::uuid[]))`.execute(
    o.owner,
  );
  await sql`delete from vacancy where municipality_id = ${m} and status <> 'open'`.execute(o.owner);
  await sql`delete from allocation_application where id = any(${closedIds}::uuid[])`.execute(o.owner);
  await sql`delete from whereabouts_episode where municipality_id = ${m}`.execute(o.owner);
  await sql`delete from citizen_contact where citizen_id = any(${citizens.map((c) => c.id)}::uuid[])`.execute(
    o.owner,
  );

  // New citizens: names as seedCitizens draws them, without CPR numbers, aged 30–80 (so that the
  // youth data, drawn from the citizens aged 15–29, keeps its size).
  const registration = new Map<string, { registered: number; moved: number | null; died: number | null }>();
  for (const [p, id] of citizenOf)
    registration.set(id, {
      registered: Math.min(p.entry, p.episodes[0]?.day ?? p.entry),
      moved: p.gone && !p.gone.died ? p.gone.day : null,
      died: p.gone?.died ? p.gone.day : null,
    });
  // An earlier tenant is registered from before the first case, evicted or not.
  for (const e of earlier)
    registration.set(e.citizenId, { registered: e.registered, moved: null, died: null });
  const newRows: Cell[][] = added.map((id) => {
    const male = random.chance(0.78);
    const given = (male ? MALE : FEMALE).pick(random);
    const family = FAMILY.pick(random);
    const r = registration.get(id) as { registered: number; moved: number | null; died: number | null };
    const at = `${isoDate(r.registered)}T12:00:00Z`;
    return [
      id,
      m,
      isoDate(day - random.int(30 * 365, 80 * 365)),
      male ? 'male' : 'female',
      `${given[0]}${family[0]}`,
      given,
      family,
      o.code,
      isoDate(r.registered),
      r.moved === null ? null : isoDate(r.moved),
      r.died === null ? null : isoDate(r.died),
      at,
      at,
    ];
  });
  await o.copy.query('begin');
  try {
    for (let i = 0; i < newRows.length; i += 20_000)
      await copyRows(
        o.copy,
        'citizen',
        [
          'id',
          'municipality_id',
          'birth_date',
          'sex',
          'initials',
          'given_name',
          'family_name',
          'handlekommune',
          'registered_on',
          'moved_away_on',
          'died_on',
          'created_at',
          'updated_at',
        ],
        newRows.slice(i, i + 20_000),
      );
    await o.copy.query('commit');
  } catch (error) {
    await o.copy.query('rollback');
    throw error;
  }
  // The generated citizens now simulated: their registration, moving away and death as simulated;
  // those of them no simulated person took are known from an old episode in their own home.
  const existingIds = citizens.filter((c) => !c.tenant && c.merged_into === null).map((c) => c.id);
  const idle = existingIds.filter((id) => !registration.has(id) && !used.has(id));
  const simulated = existingIds.filter((id) => registration.has(id));
  await updateCitizens(o.owner, m, simulated, registration);
  await sql`update citizen c set moved_away_on = null, died_on = null
    where c.municipality_id = ${m} and c.id = any(${idle}::uuid[])`.execute(o.owner);

  // ---- rows of the simulated lives ----
  const episodes: Cell[][] = [];
  const contacts: Cell[][] = [];
  const support: HistorySupport[] = [];
  const stays: HistoryStay[] = [];
  const episode = (citizen: string, e: LifeEpisode, k: number) => {
    const s = e.situation;
    const institution = s === 'prison' || s === 'hospital';
    episodes.push([
      m,
      citizen,
      s,
      isoDate(e.day),
      institution && e.release !== undefined ? isoDate(e.release) : null,
      institution ? false : null,
      s === 'family_friends' ? false : s === 'housed' ? true : null,
      s === 'family_friends' ? true : null,
      s === 'hotel' ? true : null,
      `${isoDate(e.day)}T12:00:${String(k % 60).padStart(2, '0')}Z`,
    ]);
  };
  for (const [p, citizen] of citizenOf) {
    p.episodes.forEach((e, k) => {
      episode(citizen, e, k);
      if (e.situation !== 'shelter') return;
      const next = p.episodes[k + 1];
      // The stay ends with the next episode, or when the municipality lost contact or the person left.
      const lost = p.lost.find((d) => d > e.day);
      const ends = [next?.day, lost, p.gone?.day].filter((d): d is number => d !== undefined && d <= day);
      const end = ends.length > 0 ? Math.min(...ends) : null;
      stays.push({
        citizenId: citizen,
        admitted: e.day,
        discharged: end,
        to: end !== null && end === next?.day ? destination(next.situation) : 'unknown',
      });
    });
    for (const d of p.contacts)
      contacts.push([m, citizen, isoDate(d), CHANNELS.pick(random), `${isoDate(d)}T12:00:00Z`]);
    for (const s of p.support)
      support.push({
        citizenId: citizen,
        method: s.method,
        start: s.start,
        end: s.end,
        reason: s.end === null ? null : s.reason,
      });
  }
  // Tenants: at risk from each case's opening, in their home again when it closes; the evicted into
  // homelessness are simulated from the eviction.
  for (const [citizenId, list] of casesOf) {
    const registered = registeredOn.get(citizenId) as string;
    const first = list[0]?.opened_on as string;
    let k = 0;
    if (registered < first) episode(citizenId, { day: dayNumber(registered), situation: 'housed' }, k++);
    const stop = evictedCase.get(citizenId);
    for (const [n, c] of list.entries()) {
      episode(citizenId, { day: dayNumber(c.opened_on), situation: 'at_risk' }, k++);
      if (n === stop) break;
      if (c.outcome_on !== null)
        episode(citizenId, { day: dayNumber(c.outcome_on), situation: 'housed' }, k++);
    }
  }
  for (const e of earlier) {
    let k = 0;
    const first = e.spells[0] as { from: number };
    if (e.registered < first.from) episode(e.citizenId, { day: e.registered, situation: 'housed' }, k++);
    for (const spell of e.spells) {
      episode(e.citizenId, { day: spell.from, situation: 'at_risk' }, k++);
      if (spell.to !== null) episode(e.citizenId, { day: spell.to, situation: 'housed' }, k++);
    }
  }
  // Generated citizens no simulated person took (a smoke-test municipality): housed, long ago.
  for (const id of idle) episode(id, { day: tenYearsAgo + random.int(0, 3000), situation: 'housed' }, 0);

  // ---- applications, units, offers and tenancies ----
  const appRows: Cell[][] = [];
  const events: Cell[][] = [];
  const at = (d: number, time = '10:00') => `${isoDate(d)}T${time}:00Z`;
  const event = (id: string, action: string, from: string | null, to: string, d: number) =>
    events.push([m, id, action, from, to, null, at(d), o.officer]);
  const lifeEvents = (id: string, a: LifeApplication) => {
    event(id, 'submit', null, 'submitted', a.submitted);
    if (a.approved !== null) event(id, 'approve', 'submitted', 'approved', a.approved);
    if (!a.end || a.end.day > day) return;
    const from = a.approved !== null ? 'approved' : 'submitted';
    const action = { housed: 'house', removed: 'remove', withdrawn: 'withdraw', rejected: 'reject' }[
      a.end.status
    ];
    event(id, action, from, a.end.status, a.end.day);
  };
  const openUpdates: { id: string; submitted: number; approved: number | null; priority: string | null }[] =
    [];
  const createdApps = new Set(created.map((c) => c.app));
  for (const [p, citizen] of citizenOf)
    for (const a of p.applications) {
      if (a.submitted > day) continue;
      const existing = applicationId.get(a);
      if (existing && !createdApps.has(a)) {
        openUpdates.push({
          id: existing,
          submitted: a.submitted,
          approved: a.approved,
          priority: a.approved !== null ? a.priority : null,
        });
        lifeEvents(existing, a);
        continue;
      }
      const id = existing ?? random.uuid();
      applicationId.set(a, id);
      lifeEvents(id, a);
      if (createdApps.has(a)) continue;
      appRows.push([
        id,
        citizen,
        a.end && a.end.day <= day ? a.end.status : a.approved !== null ? 'approved' : 'submitted',
        a.approved !== null ? a.priority : null,
        a.approved !== null ? PRIORITY_REASONS[a.priority] : null,
        a.approved === null ? null : isoDate(a.approved),
        a.end?.status === 'rejected'
          ? 'Kan selv løse sit boligproblem'
          : a.approved !== null
            ? 'Opfylder målgruppen'
            : null,
        at(a.submitted, '09:30'),
        at(a.end && a.end.day <= day ? a.end.day : (a.approved ?? a.submitted)),
        random.pick(templates).id,
      ]);
    }
  for (const [id, dates] of leftoverDates) {
    openUpdates.push({ id, submitted: dates.submitted, approved: dates.approved, priority: null });
    event(id, 'submit', null, 'submitted', dates.submitted);
    if (dates.approved !== null) event(id, 'approve', 'submitted', 'approved', dates.approved);
  }
  for (const c of created)
    appRows.push([
      applicationId.get(c.app) as string,
      citizenOf.get(persons.find((p) => p.applications.includes(c.app)) as Person) as string,
      c.app.approved !== null ? 'approved' : 'submitted',
      c.app.approved !== null ? c.app.priority : null,
      c.app.approved !== null ? PRIORITY_REASONS[c.app.priority] : null,
      c.app.approved === null ? null : isoDate(c.app.approved),
      c.app.approved !== null ? 'Opfylder målgruppen' : null,
      at(c.app.submitted, '09:30'),
      at(c.app.approved ?? c.app.submitted),
      c.template,
    ]);

  // Existing open applications: moved to their holder (out of the open-per-citizen index while the
  // holders change, so that no two are open for one citizen in between), dated as simulated.
  await sql`update allocation_application set status = 'withdrawn', updated_at = ${`${o.today}T09:00:00Z`}
    where municipality_id = ${m} and id = any(${orphaned}::uuid[])`.execute(o.owner);
  const movedIds = [...moved.keys()];
  await sql`update allocation_application set status = 'rejected'
    where municipality_id = ${m} and id = any(${movedIds}::uuid[])`.execute(o.owner);
  await sql`update allocation_application a set citizen_id = u.citizen_id, status = u.status
    from unnest(${movedIds}::uuid[], ${movedIds.map((id) => moved.get(id) as string)}::uuid[],
      ${movedIds.map((id) => applicationById.get(id)?.status as string)}::text[]) as u(id, citizen_id, status)
    where a.municipality_id = ${m} and a.id = u.id`.execute(o.owner);
  await sql`update allocation_application a set
      waiting_since = u.approved, submitted_at = u.submitted, updated_at = coalesce(u.approved, u.submitted),
      priority = coalesce(u.priority, a.priority)
    from unnest(${openUpdates.map((u) => u.id)}::uuid[], ${openUpdates.map((u) => at(u.submitted, '09:30'))}::timestamptz[],
      ${openUpdates.map((u) => (u.approved === null ? null : isoDate(u.approved)))}::date[],
      ${openUpdates.map((u) => u.priority)}::text[]) as u(id, submitted, approved, priority)
    where a.municipality_id = ${m} and a.id = u.id`.execute(o.owner);
  // New applications take their household facts from an open one (a template), their own dates.
  for (let i = 0; i < appRows.length; i += 5000) {
    const rows = appRows.slice(i, i + 5000);
    const col = (k: number) => rows.map((r) => r[k] as string | null);
    await sql`
      insert into allocation_application (id, municipality_id, citizen_id, area, status, target_grounds,
        justification, rooms_min, rooms_max, monthly_income, fixed_costs, accessible_need, wished_department_ids,
        excluded_department_ids, youth_wish, in_education, education_planned, youth_special_need, members,
        household_size, priority, priority_reason, waiting_since, decision_reason, refusals, submitted_by,
        submitted_at, updated_at)
      select u.id, ${m}::uuid, u.citizen_id, t.area, u.status, t.target_grounds, t.justification, t.rooms_min,
        t.rooms_max, t.monthly_income, t.fixed_costs, t.accessible_need, '[]'::jsonb, '[]'::jsonb, t.youth_wish,
        t.in_education, t.education_planned, t.youth_special_need, t.members, t.household_size, u.priority,
        u.priority_reason, u.waiting_since, u.decision_reason, 0, ${o.caseworker}::uuid, u.submitted_at, u.updated_at
      from unnest(${col(0)}::uuid[], ${col(1)}::uuid[], ${col(2)}::text[], ${col(3)}::text[], ${col(4)}::text[],
        ${col(5)}::date[], ${col(6)}::text[], ${col(7)}::timestamptz[], ${col(8)}::timestamptz[], ${col(9)}::uuid[])
        as u(id, citizen_id, status, priority, priority_reason, waiting_since, decision_reason, submitted_at,
          updated_at, template)
      join allocation_application t on t.id = u.template`.execute(o.owner);
  }

  const { rows: role } = await o.copy.query<{ superuser: boolean }>(
    "select current_setting('is_superuser') = 'on' as superuser",
    [],
  );
  const superuser = role[0]?.superuser === true;
  const { vacancies, offers, tenancies } = unitRows(
    o,
    lives.units,
    keepFrom,
    day,
    lines,
    departments,
    (i, a) => {
      const p = lives.persons[i] as Person;
      const application = p.applications[a] as LifeApplication;
      return { application: applicationId.get(application), citizen: citizenOf.get(p) };
    },
  );

  const citizenIds = new Set([...citizens.map((c) => c.id), ...added]);
  const applicationIds = new Set([...applications.map((a) => a.id), ...appRows.map((r) => r[0] as string)]);
  const vacancyIds = new Set(vacancies.map((v) => v[0] as string));
  const offerIds = new Set(offers.map((f) => f[0] as string));
  checkReferences([
    { table: 'whereabouts_episode', rows: episodes, column: 1, known: citizenIds },
    { table: 'citizen_contact', rows: contacts, column: 1, known: citizenIds },
    { table: 'application_event', rows: events, column: 1, known: applicationIds },
    { table: 'offer', rows: offers, column: 2, known: vacancyIds },
    { table: 'offer', rows: offers, column: 3, known: applicationIds },
    { table: 'tenancy', rows: tenancies, column: 3, known: offerIds },
    { table: 'tenancy', rows: tenancies, column: 5, known: citizenIds },
  ]);
  await o.copy.query('begin');
  try {
    // The rows refer to citizens, applications and units made above: their foreign-key checks (a
    // lookup per row and key, most of the load's time) are left out for this transaction where the
    // role may (a superuser), the references having been checked above.
    if (superuser) await o.copy.query('set local session_replication_role = replica');
    for (let i = 0; i < episodes.length; i += 50_000)
      await copyRows(o.copy, 'whereabouts_episode', EPISODE_COLUMNS, episodes.slice(i, i + 50_000));
    for (let i = 0; i < contacts.length; i += 50_000)
      await copyRows(
        o.copy,
        'citizen_contact',
        ['municipality_id', 'citizen_id', 'contact_on', 'channel', 'recorded_at'],
        contacts.slice(i, i + 50_000),
      );
    for (let i = 0; i < events.length; i += 50_000)
      await copyRows(o.copy, 'application_event', EVENT_COLUMNS, events.slice(i, i + 50_000));
    await copyRows(o.copy, 'vacancy', VACANCY_COLUMNS, vacancies);
    await copyRows(o.copy, 'offer', OFFER_COLUMNS, offers);
    await copyRows(o.copy, 'tenancy', TENANCY_COLUMNS, tenancies);
    await o.copy.query('commit');
  } catch (error) {
    await o.copy.query('rollback');
    throw error;
  }
  // A merged record's registration counts for its survivor: it follows the survivor's.
  await sql`update citizen c set registered_on = s.registered_on from citizen s
    where c.municipality_id = ${m} and c.merged_into = s.id and c.registered_on < s.registered_on`.execute(
    o.owner,
  );

  return {
    counts: {
      persons: persons.length,
      newCitizens: added.length,
      episodes: episodes.length,
      contacts: contacts.length,
      applications: appRows.length + openUpdates.length,
      events: events.length,
      vacancies: vacancies.length,
      lettings: tenancies.length,
      inflowPerMonth: Math.round(inflowMid * 100) / 100,
      trendPerYear: Math.round(trend * 1000) / 1000,
      supplyPerMonth: {
        before: Math.round(before.total * 100) / 100,
        after: Math.round(after.total * 100) / 100,
        pool: Math.round(pool * 100) / 100,
        renegotiatedOn: renegotiated === null ? null : isoDate(renegotiated),
      },
    },
    support: support.filter((s) => s.start <= day),
    stays: stays.filter((s) => s.admitted <= day && s.admitted >= tenYearsAgo),
    organisationIds,
  };
}

/** Throws if a row to be loaded without its foreign-key checks would refer to nothing. */
function checkReferences(
  rows: { table: string; rows: readonly (readonly Cell[])[]; column: number; known: ReadonlySet<string> }[],
) {
  for (const r of rows)
    for (const row of r.rows)
      if (!r.known.has(row[r.column] as string))
        throw new Error(`The by-name history's ${r.table} row refers to nothing: ${row[r.column]}`);
}

function isClosed(list: readonly { outcome: string | null }[] | undefined): boolean {
  return list?.every((c) => c.outcome !== null) ?? true;
}

function destination(next: LifeEpisode['situation'] | undefined): HistoryStay['to'] {
  switch (next) {
    case 'housed':
      return 'own_home';
    case 'street':
    case 'night_shelter':
      return 'street';
    case 'family_friends':
      return 'family_friends';
    case 'prison':
    case 'hospital':
      return 'hospital_prison';
    case 'transitional':
      return 'care_107_108';
    case 'hotel':
    case 'other':
      return 'other_shelter';
    default:
      return 'unknown';
  }
}

/**
 * A person's history as the data set keeps it: episodes from the one in force at `keepFrom` (none
 * after `today`), contacts from 90 days before it (so that the status then is right), applications
 * and support still going then, and nothing after `today`.
 */
function clip(p: Person, keepFrom: number, today: number) {
  let first = 0;
  while (first + 1 < p.episodes.length && (p.episodes[first + 1]?.day ?? Infinity) <= keepFrom) first++;
  p.episodes = p.episodes.slice(first).filter((e) => e.day <= today);
  p.contacts = p.contacts.filter((d) => d >= keepFrom - 90 && d <= today);
  p.applications = p.applications.filter(
    (a) => a.submitted <= today && (a.end === null || a.end.day >= keepFrom - 30),
  );
  p.support = p.support.filter((s) => s.start <= today && (s.end === null || s.end >= keepFrom));
  for (const s of p.support)
    if (s.end !== null && s.end > today) {
      s.end = null;
      s.reason = null;
    }
  if (p.gone && p.gone.day > today) p.gone = null;
}

async function writeAgreements(
  o: { copy: pg.Client; municipalityId: string; random: Random },
  lines: readonly Line[],
  organisationIds: readonly string[],
  from: number,
  renegotiated: number | null,
  before: readonly number[],
  after: readonly number[],
) {
  const m = o.municipalityId;
  const agreements: Cell[][] = [];
  const quotas: Cell[][] = [];
  const periods =
    renegotiated === null
      ? [{ from, to: null, quotas: before }]
      : [
          { from, to: renegotiated - 1, quotas: before },
          { from: renegotiated, to: null, quotas: after },
        ];
  for (const period of periods) {
    const agreementOf = new Map<string, string>();
    for (const org of organisationIds) {
      const id = o.random.uuid();
      agreementOf.set(org, id);
      const name = `Rammeaftale om kommunal anvisning ${isoDate(period.from).slice(0, 4)}`;
      agreements.push([
        id,
        m,
        org,
        name,
        isoDate(period.from),
        period.to === null ? null : isoDate(period.to),
      ]);
    }
    lines.forEach((l, i) => {
      quotas.push([
        o.random.uuid(),
        m,
        agreementOf.get(l.organisationId) as string,
        l.departmentId,
        l.unitType,
        (period.quotas[i] as number).toFixed(2),
        l.unitType === 'family' ? o.random.int(0, 10) : 0,
      ]);
    });
  }
  await copyRows(
    o.copy,
    'framework_agreement',
    ['id', 'municipality_id', 'organisation_id', 'name', 'valid_from', 'valid_to'],
    agreements,
  );
  await copyRows(
    o.copy,
    'agreement_quota',
    [
      'id',
      'municipality_id',
      'agreement_id',
      'department_id',
      'unit_type',
      'quota_percent',
      'rehousing_percent',
    ],
    quotas,
  );
}

async function updateCitizens(
  owner: Db,
  m: string,
  ids: readonly string[],
  registration: Map<string, { registered: number; moved: number | null; died: number | null }>,
) {
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    const r = chunk.map(
      (id) => registration.get(id) as { registered: number; moved: number | null; died: number | null },
    );
    await sql`update citizen c set registered_on = u.registered, moved_away_on = u.moved, died_on = u.died,
        created_at = u.registered::timestamptz, updated_at = u.registered::timestamptz
      from unnest(${chunk}::uuid[], ${r.map((x) => isoDate(x.registered))}::date[],
        ${r.map((x) => (x.moved === null ? null : isoDate(x.moved)))}::date[],
        ${r.map((x) => (x.died === null ? null : isoDate(x.died)))}::date[]) as u(id, registered, moved, died)
      where c.municipality_id = ${m} and c.id = u.id`.execute(owner);
  }
}

/** The units of the history as vacancies, their offers and the tenancies of those let. */
function unitRows(
  o: { municipalityId: string; random: Random; officer: string },
  units: readonly Unit[],
  keepFrom: number,
  today: number,
  lines: readonly Line[],
  departments: readonly { id: string }[],
  holder: (
    person: number,
    application: number,
  ) => { application: string | undefined; citizen: string | undefined },
) {
  const { random } = o;
  const m = o.municipalityId;
  const vacancies: Cell[][] = [];
  const offers: Cell[][] = [];
  const tenancies: Cell[][] = [];
  const at = (d: number, time: string) => `${isoDate(d)}T${time}:00Z`;
  for (const u of units) {
    if (u.available < keepFrom) continue;
    const id = random.uuid();
    const line = u.source === 'pool' ? undefined : lines[u.source.line];
    const rooms = line?.unitType === 'youth' ? 1 : random.int(1, 4);
    const rent = 2600 + rooms * 1000 + random.int(0, 20) * 25;
    const letting = u.letting
      ? holder(u.letting.person, (u.offers.at(-1) as Unit['offers'][number]).application)
      : undefined;
    const let_ = u.letting !== null && letting?.application !== undefined && letting.citizen !== undefined;
    vacancies.push([
      id,
      m,
      line?.departmentId ?? random.pick(departments).id,
      `${random.pick(STREETS)} ${random.int(1, 200)}, ${random.int(0, 4)}. tv.`,
      line?.unitType ?? 'family',
      rooms,
      30 + rooms * 18 + random.int(0, 15),
      rent,
      300 + rooms * 120,
      3 * rent,
      random.chance(0.15),
      isoDate(u.available),
      line === undefined ? 'subsidy_pool' : line.unitType === 'youth' ? 'youth_quota' : 'agreement_quota',
      isoDate(u.available + 14),
      let_ ? 'let' : 'returned',
      let_ ? null : isoDate(u.available + 14),
      let_ ? null : u.offers.length === 0 ? 'no_candidate' : 'declined_by_all',
      random.chance(0.7) ? 'partner' : 'officer',
      o.officer,
      at(u.available - random.int(10, 40), '08:00'),
    ]);
    for (const f of u.offers) {
      const h = holder(f.person, f.application);
      if (h.application === undefined || (f.status === 'accepted' && !let_)) continue;
      const offerId = random.uuid();
      const accepted = f.status === 'accepted';
      const reason =
        f.status === 'declined'
          ? random.pick(['personal', 'size', 'area', 'too_expensive', 'no_reason'])
          : null;
      offers.push([
        offerId,
        m,
        id,
        h.application,
        f.status,
        at(f.day, '10:00'),
        o.officer,
        isoDate(f.day + 7),
        at(accepted && u.letting ? u.letting.accepted : f.day + random.int(1, 7), '12:00'),
        o.officer,
        reason,
        f.status === 'expired' || reason === 'personal' || reason === 'no_reason',
      ]);
      if (accepted && u.letting && let_)
        tenancies.push([
          random.uuid(),
          m,
          id,
          offerId,
          h.application,
          letting?.citizen as string,
          isoDate(u.letting.accepted),
          isoDate(u.letting.accepted + 3),
          isoDate(u.letting.movedIn),
          u.letting.movedIn <= today ? isoDate(u.letting.movedIn) : null,
          at(u.letting.accepted, '12:00'),
        ]);
    }
  }
  return { vacancies, offers, tenancies };
}
