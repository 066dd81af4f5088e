import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';
import { type Cell, copyRows } from '../../src/server/db/copy';
import type { Db } from '../../src/server/db/database';
import { insertMunicipality, insertUser } from '../../src/server/modules/access/access.repository';
import { hashPassword } from '../../src/server/modules/access/password';
import { refreshCurrentState } from '../../src/server/modules/citizens/citizens.list.repository';
import type { Role } from '../../src/shared/permissions';
import { seedAllocation } from '../allocation-ranking';
import { dayNumber, isoDate, Random, Weighted } from '../lib/random';
import { type PreventionSeedResult, seedPrevention } from '../prevention';
import { MUNICIPALITIES, type MunicipalityInfo, TOTAL_POPULATION } from './municipalities';
import { addShelters, type ShelterCounts } from './shelters';
import { addSupport, type SupportCounts } from './support';
import { addYouth, type YouthCounts } from './youth';

/**
 * The national data set (issue 7): all 98 municipalities, each sized by its population, with ten
 * years of history. Deterministic for a seed, a scale and a date: every municipality draws from its
 * own generator (seeded by the seed and its place in the national list), so one municipality
 * generated alone (the import scratch database, the embedded run) holds exactly the rows it holds
 * in the national set.
 *
 * The module generators are reused as they are: `seedAllocation` (citizens with whereabouts and
 * contacts, housing organisations, applications, vacancies, offers, tenancies) and `seedPrevention`
 * (eviction cases, notices, actions and the tenants they register). On top come the ten-year
 * history the module benchmarks do not need — older whereabouts episodes, consents, framework
 * agreements with quotas, past vacancies and their offers — and the audit log with its hash chain,
 * computed here in JavaScript exactly as `audit_row_hash` does and loaded with COPY while the
 * chaining trigger is disabled in the same transaction.
 */

/** Sizes at scale 1 (the national totals the issue asks for). */
export const NATIONAL_TOTALS = {
  applications: 40_000,
  notices: 300_000,
  /** Past vacancies on top of the ones the allocation generator makes (their offers come with them). */
  historyVacancies: 56_000,
  auditRows: 3_000_000,
  /** Support enrollments (forløb) over the last three years, and their contacts. */
  enrollments: 25_000,
  contacts: 600_000,
  /** § 110 shelter stays over the last ten years (DST: about 7,000 people a year stay at a shelter). */
  shelterStays: 70_000,
};

/** The password of every generated user: a benchmark database holds fake people only. */
export const BENCH_PASSWORD = 'hjemvej-bench-national';

/** The users generated in each municipality, by the key the benchmark uses. */
export const BENCH_USERS = {
  caseworker: { role: 'caseworker', name: 'sagsbehandler', display: 'Sagsbehandler' },
  allocation: { role: 'allocation', name: 'anvisning', display: 'Boliganviser' },
  prevention: { role: 'prevention', name: 'forebyggelse', display: 'Forebyggelsesmedarbejder' },
  importer: { role: 'prevention', name: 'import', display: 'Import af underretninger' },
  partner: { role: 'partner_housing', name: 'boligselskab', display: 'Boligselskab' },
  leader: { role: 'leader', name: 'leder', display: 'Leder' },
  support: { role: 'support', name: 'stoette', display: 'Støttemedarbejder' },
  economy: { role: 'economy', name: 'okonomi', display: 'Økonomimedarbejder' },
  shelter: { role: 'partner_shelter', name: 'herberg', display: 'Herbergsmedarbejder' },
} as const satisfies Record<string, { role: Role; name: string; display: string }>;
export type BenchUser = keyof typeof BENCH_USERS;

export function benchUsername(code: string, user: BenchUser): string {
  return `k${code}.${BENCH_USERS[user].name}`;
}

/** What COPY is sent through: a pg.Client on PostgreSQL, a shim on PGlite (see embedded.ts). */
export type CopyClient = pg.Client;

export interface NationalOptions {
  owner: Db;
  copy: CopyClient;
  seed: number;
  /** 1 is the national size; 0.01 a smoke test. */
  scale: number;
  today: string;
  /** Only these municipality codes (default: all 98). */
  only?: readonly string[];
  log?: (line: string) => void;
}

export interface GeneratedMunicipality {
  code: string;
  name: string;
  id: string;
  /** Open vacancies the ranking benchmark measures (from the allocation generator). */
  vacancies: { udsat: string; normal: string };
  organisationIds: string[];
  counts: { applications: number; waiting: number; notices: number; audit: number; vacancies: number };
  /** Support teams, workers, enrollments (all and active), contacts and the bench user's caseload. */
  support: SupportCounts;
  /** § 110 shelters and their stays (all and open). */
  shelters: ShelterCounts;
  /** Youth profiles, the formerly placed, § 111 decisions and youth supports. */
  youth: YouthCounts;
}

export interface NationalSummary {
  seed: number;
  scale: number;
  today: string;
  seconds: number;
  municipalities: GeneratedMunicipality[];
  /** Rows per table after the load. */
  rows: Record<string, number>;
}

const share = (m: MunicipalityInfo) => m.population / TOTAL_POPULATION;
const atLeast = (min: number, n: number) => Math.max(min, Math.round(n));

/** The data of one municipality: sizes from its share of the population. */
export function sizesFor(m: MunicipalityInfo, scale: number) {
  const p = share(m) * scale;
  // The allocation generator adds 5 % paused, 5 % pending and 30 % closed to its approved ones.
  return {
    approved: atLeast(3, (NATIONAL_TOTALS.applications * p) / 1.4),
    notices: atLeast(8, NATIONAL_TOTALS.notices * p),
    historyVacancies: atLeast(4, NATIONAL_TOTALS.historyVacancies * p),
    auditRows: atLeast(50, NATIONAL_TOTALS.auditRows * p),
    support: {
      enrollments: atLeast(4, NATIONAL_TOTALS.enrollments * p),
      contacts: atLeast(40, NATIONAL_TOTALS.contacts * p),
    },
    shelterStays: atLeast(10, NATIONAL_TOTALS.shelterStays * p),
  };
}

export interface NationalData {
  summary: NationalSummary;
  /** What the prevention generator made per municipality code (the import benchmark builds on it). */
  prevention: Map<string, PreventionSeedResult>;
}

/** Generates the national set (or the municipalities of `only`) into a migrated, empty database. */
export async function generateNational(o: NationalOptions): Promise<NationalData> {
  const started = performance.now();
  const log = o.log ?? (() => {});
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const chosen = MUNICIPALITIES.map((m, index) => ({ m, index })).filter(
    ({ m }) => !o.only || o.only.includes(m.code),
  );
  if (o.only && chosen.length !== o.only.length)
    throw new Error(`Unknown municipality in ${o.only.join(', ')}`);
  const generated: GeneratedMunicipality[] = [];
  const prevention = new Map<string, PreventionSeedResult>();
  for (const { m, index } of chosen) {
    const t0 = performance.now();
    const { g, seeded, steps } = await generateMunicipality(o, m, index, passwordHash);
    generated.push(g);
    prevention.set(m.code, seeded);
    log(
      `${m.code} ${m.name}: ${g.counts.applications} applications, ${g.counts.notices} notices, ` +
        `${g.support.enrollments} enrollments (${g.support.active} active, ${g.support.benchCaseload} for ` +
        `the bench's support worker), ${g.support.contacts} contacts, ${g.shelters.stays} shelter stays, ${g.youth.profiles} youth profiles, ${g.counts.audit} audit rows in ${((performance.now() - t0) / 1000).toFixed(1)} s ` +
        `(${Object.entries(steps)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`,
    );
  }
  log('vacuum analyze');
  await sql`vacuum analyze`.execute(o.owner);
  const rows = await tableRows(o.owner);
  const summary = {
    seed: o.seed,
    scale: o.scale,
    today: o.today,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    municipalities: generated,
    rows,
  };
  return { summary, prevention };
}

/** Exact row counts of the tables that carry data. */
export async function tableRows(owner: Db): Promise<Record<string, number>> {
  const tables = [
    'municipality',
    'app_user',
    'citizen',
    'whereabouts_episode',
    'citizen_contact',
    'consent',
    'housing_organisation',
    'housing_department',
    'framework_agreement',
    'agreement_quota',
    'allocation_application',
    'vacancy',
    'offer',
    'tenancy',
    'eviction_case',
    'eviction_notice',
    'eviction_action',
    'support_team',
    'support_worker',
    'support_enrollment',
    'support_phase_change',
    'support_contact',
    'shelter',
    'shelter_rate',
    'shelter_stay',
    'youth_profile',
    'youth_placement',
    'youth_support',
    'youth_decision',
    'audit_event',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(owner);
    out[t] = rows[0]?.n ?? 0;
  }
  return out;
}

async function generateMunicipality(
  o: NationalOptions,
  info: MunicipalityInfo,
  index: number,
  passwordHash: string,
): Promise<{ g: GeneratedMunicipality; seeded: PreventionSeedResult; steps: Record<string, number> }> {
  // Far apart, so that no two generators (municipalities, module seeders) share a seed.
  const seed = o.seed * 1_000_003 + index * 101;
  const random = new Random(seed);
  const size = sizesFor(info, o.scale);
  const day = dayNumber(o.today);
  const tenYearsAgo = day - 3652;

  const municipality = await insertMunicipality(o.owner, {
    code: info.code,
    name: `${info.name} Kommune`,
    authority: `${info.name} Kommune, Socialforvaltningen`,
    inhabitants: info.population * 1_000,
  });
  const m = municipality.id;
  const users = {} as Record<BenchUser, { id: string; username: string }>;
  for (const key of Object.keys(BENCH_USERS) as BenchUser[]) {
    const u = BENCH_USERS[key];
    const row = await insertUser(o.owner, {
      municipalityId: m,
      username: benchUsername(info.code, key),
      displayName: `${u.display} (${info.name})`,
      role: u.role,
      passwordHash,
    });
    users[key] = { id: row.id, username: row.username };
  }

  const steps: Record<string, number> = {};
  let mark = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round((now - mark) / 100) / 10;
    mark = now;
  };
  step('users');
  // Prevention first (its organisations take the name prefix "Bench" that allocation's use too).
  const prevention = await seedPrevention(o.copy, {
    municipalityId: m,
    municipalityCode: info.code,
    notices: size.notices,
    seed: seed + 11,
    today: o.today,
    cprYear: String(58 + (index % 42)),
    workers: [users.prevention.id],
    importer: users.importer.id,
    partner: users.partner.id,
  });
  await sql`update housing_organisation set name = replace(name, 'Bench', ${`${info.name} Syd`})
    where municipality_id = ${m}`.execute(o.owner);
  step('prevention');
  const allocation = await seedAllocation(o.owner, {
    municipalityId: m,
    municipalityCode: info.code,
    applications: size.approved,
    seed: seed + 23,
    today: o.today,
    submittedBy: users.caseworker.id,
    officer: users.allocation.id,
  });
  // Department numbers are unique within the municipality (the notice import names departments by them).
  await sql`update housing_department set number = '4' || number
    where municipality_id = ${m} and organisation_id in (select id from housing_organisation
      where municipality_id = ${m} and name like 'Bench%')`.execute(o.owner);
  await sql`update housing_organisation set name = replace(name, 'Bench', ${info.name})
    where municipality_id = ${m} and name like 'Bench%'`.execute(o.owner);

  step('allocation');
  await extendWhereabouts(o.owner, m, o.today);
  await refreshCurrentState(o.owner, m);
  await addConsents(o.owner, m, o.today);
  const organisationIds = await addAgreements(o, m, random, tenYearsAgo);
  step('history');
  const history = await addVacancyHistory(o, m, random, size.historyVacancies, day, users.allocation.id);
  step('vacancies');
  // Its own generator, so that the rows generated before and after stay as they were.
  const support = await addSupport({
    owner: o.owner,
    copy: o.copy,
    municipalityId: m,
    name: info.name,
    code: info.code,
    random: new Random(seed + 37),
    sizes: size.support,
    today: o.today,
    benchUser: users.support.id,
    createdBy: users.caseworker.id,
    passwordHash,
  });
  step('support');
  const { rows: citizenRows } = await sql<{ id: string; birth_date: string }>`
    select id, birth_date from citizen where municipality_id = ${m} and merged_into is null and died_on is null
    order by id`.execute(o.owner);
  const shelters = await addShelters({
    copy: o.copy,
    municipalityId: m,
    name: info.name,
    code: info.code,
    random: new Random(seed + 41),
    stays: size.shelterStays,
    citizenIds: citizenRows.map((c) => c.id),
    today: o.today,
    createdBy: users.caseworker.id,
    benchUser: users.shelter.id,
  });
  step('shelters');
  const youth = await addYouth({
    copy: o.copy,
    municipalityId: m,
    random: new Random(seed + 43),
    citizens: citizenRows,
    today: o.today,
    createdBy: users.caseworker.id,
  });
  step('youth');
  const audit = await addAudit(o, m, random, size.auditRows, tenYearsAgo, day, users);
  step('audit');

  const applications = Object.values(allocation.applications).reduce((a, b) => a + (b ?? 0), 0);
  const g = {
    code: info.code,
    name: info.name,
    id: m,
    vacancies: allocation.measured,
    organisationIds,
    counts: {
      applications,
      waiting: allocation.waiting,
      notices: prevention.notices,
      audit,
      vacancies:
        allocation.vacancies.open + allocation.vacancies.let + allocation.vacancies.returned + history,
    },
    support,
    shelters,
    youth,
  };
  return { g, seeded: prevention, steps };
}

/**
 * Ten years of whereabouts: each citizen with episodes gets 0–3 older ones before the first, none
 * earlier than ten years back. Set-based; the pseudo-random numbers come from hashes of the
 * (deterministic) citizen ids, so the rows are the same on every run.
 */
async function extendWhereabouts(owner: Db, m: string, today: string) {
  // A third of the tenants the prevention generator registered are recorded as at risk of homelessness.
  await sql`
    insert into whereabouts_episode (municipality_id, citizen_id, situation, from_date, recorded_at)
    select c.municipality_id, c.id, 'at_risk', c.registered_on, c.registered_on + time '12:00'
    from citizen c
    where c.municipality_id = ${m} and abs(hashtext(c.id::text || 'r')) % 3 = 0
      and not exists (select 1 from whereabouts_episode w
        where w.municipality_id = ${m} and w.citizen_id = c.id)`.execute(owner);
  await sql`
    with first as (
      select citizen_id, min(from_date) as first from whereabouts_episode
      where municipality_id = ${m} group by citizen_id
    ), extra as (
      select f.citizen_id, k,
        (f.first - k * (45 + abs(hashtext(f.citizen_id::text || k)) % 330))::date as from_date,
        (array['street', 'night_shelter', 'shelter', 'family_friends', 'transitional', 'prison', 'hospital',
          'housed', 'shelter', 'at_risk'])[1 + abs(hashtext(f.citizen_id::text || 's' || k)) % 10] as situation
      from first f cross join lateral generate_series(1, abs(hashtext(f.citizen_id::text)) % 4) k
    )
    insert into whereabouts_episode (municipality_id, citizen_id, situation, from_date, release_date,
      housing_solution, has_contract, temporary, recorded_at)
    select ${m}::uuid, e.citizen_id, e.situation, e.from_date,
      case when e.situation in ('prison', 'hospital') then e.from_date + 30 end,
      case when e.situation in ('prison', 'hospital') then false end,
      case when e.situation = 'family_friends' then false when e.situation = 'housed' then true end,
      case when e.situation = 'family_friends' then true end,
      e.from_date + time '12:00'
    from extra e where e.from_date > ${today}::date - 3652`.execute(owner);
  await sql`
    update citizen c set registered_on = f.first
    from (select citizen_id, min(from_date) as first from whereabouts_episode
      where municipality_id = ${m} group by citizen_id) f
    where c.id = f.citizen_id and c.municipality_id = ${m} and f.first < c.registered_on`.execute(owner);
}

/** A consent for every fifth registered citizen, given in the last four years for two years. */
async function addConsents(owner: Db, m: string, today: string) {
  await sql`
    insert into consent (municipality_id, citizen_id, purpose, given_on, expires_on, recorded_at)
    select c.municipality_id, c.id,
      (array['share_housing_org', 'cross_department', 'share_shelter'])[1 + abs(hashtext(c.id::text || 'p')) % 3],
      g.given_on, g.given_on + 730, g.given_on + time '11:00'
    from citizen c
    cross join lateral (select (${today}::date - abs(hashtext(c.id::text || 'g')) % 1460) as given_on) g
    where c.municipality_id = ${m} and c.cur_situation is not null and abs(hashtext(c.id::text)) % 5 = 0`.execute(
    owner,
  );
}

/** One framework agreement per organisation, in force for ten years, with quotas per department. */
async function addAgreements(o: NationalOptions, m: string, random: Random, from: number) {
  const { rows: departments } = await sql<{
    id: string;
    organisation_id: string;
    units_youth: number;
  }>`select id, organisation_id, units_youth from housing_department where municipality_id = ${m}
    order by organisation_id, number`.execute(o.owner);
  const organisations = [...new Set(departments.map((d) => d.organisation_id))];
  const agreements: Cell[][] = [];
  const quotas: Cell[][] = [];
  const agreementOf = new Map<string, string>();
  for (const org of organisations) {
    const id = random.uuid();
    agreementOf.set(org, id);
    agreements.push([id, m, org, 'Rammeaftale om kommunal anvisning', isoDate(from), null]);
  }
  for (const d of departments) {
    const agreement = agreementOf.get(d.organisation_id) ?? '';
    quotas.push([random.uuid(), m, agreement, d.id, 'family', random.int(20, 33), random.int(0, 10)]);
    if (d.units_youth > 0) quotas.push([random.uuid(), m, agreement, d.id, 'youth', random.int(10, 25), 0]);
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
  return organisations;
}

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
const UNIT_TYPE = new Weighted<string>([
  ['family', 80],
  ['youth', 12],
  ['elderly', 6],
  ['alternative', 2],
]);
const STREETS = ['Ringvej', 'Kirkevej', 'Stationsvej', 'Havnegade', 'Møllevej', 'Bakkevej', 'Skolegade'];

/**
 * Ten years of vacancies before the last three (which the allocation generator covers): two in
 * three let after 0–3 declined or expired offers (the tenancy goes to a housed application), the
 * rest given back unused.
 */
async function addVacancyHistory(
  o: NationalOptions,
  m: string,
  random: Random,
  count: number,
  day: number,
  officer: string,
): Promise<number> {
  const { rows: departments } = await sql<{ id: string }>`
    select id from housing_department where municipality_id = ${m} order by id`.execute(o.owner);
  const { rows: applications } = await sql<{ id: string; citizen_id: string; status: string }>`
    select id, citizen_id, status from allocation_application where municipality_id = ${m} order by id`.execute(
    o.owner,
  );
  const housed = applications.filter((a) => a.status === 'housed');
  const vacancies: Cell[][] = [];
  const offers: Cell[][] = [];
  const tenancies: Cell[][] = [];
  const at = (d: number, time: string) => `${isoDate(d)}T${time}:00Z`;
  for (let i = 0; i < count; i++) {
    const id = random.uuid();
    const available = day - random.int(3 * 365, 3652);
    const rooms = random.int(1, 4);
    const rent = 2600 + rooms * 1000 + random.int(0, 20) * 25;
    const tenant = housed.length > 0 && random.chance(0.65) ? random.pick(housed) : undefined;
    const status = tenant ? 'let' : 'returned';
    vacancies.push([
      id,
      m,
      random.pick(departments).id,
      `${random.pick(STREETS)} ${random.int(1, 200)}, ${random.int(0, 4)}. tv.`,
      UNIT_TYPE.pick(random),
      rooms,
      30 + rooms * 18 + random.int(0, 15),
      rent,
      300 + rooms * 120,
      3 * rent,
      random.chance(0.15),
      isoDate(available),
      random.chance(0.85) ? 'agreement_quota' : 'rehousing',
      isoDate(available + 14),
      status,
      status === 'returned' ? isoDate(available + 14) : null,
      status === 'returned' ? random.pick(['no_candidate', 'declined_by_all', 'deadline_passed']) : null,
      random.chance(0.7) ? 'partner' : 'officer',
      officer,
      at(available - random.int(10, 40), '08:00'),
    ]);
    let offered = available - 21;
    for (let k = random.int(0, 3); k > 0; k--) {
      const declined = random.chance(0.75);
      const reason = declined
        ? random.pick(['personal', 'size', 'area', 'too_expensive', 'no_reason'])
        : null;
      offers.push([
        random.uuid(),
        m,
        id,
        random.pick(applications).id,
        declined ? 'declined' : 'expired',
        at(offered, '10:00'),
        officer,
        isoDate(offered + 7),
        at(offered + random.int(1, 7), '12:00'),
        officer,
        reason,
        !declined || reason === 'personal' || reason === 'no_reason',
      ]);
      offered += 7;
    }
    if (tenant) {
      const offerId = random.uuid();
      offers.push([
        offerId,
        m,
        id,
        tenant.id,
        'accepted',
        at(offered, '10:00'),
        officer,
        isoDate(offered + 7),
        at(offered + 2, '12:00'),
        officer,
        null,
        false,
      ]);
      tenancies.push([
        random.uuid(),
        m,
        id,
        offerId,
        tenant.id,
        tenant.citizen_id,
        isoDate(offered + 2),
        isoDate(offered + 5),
        isoDate(available + 14),
        isoDate(available + 14),
        at(offered + 2, '12:00'),
      ]);
    }
  }
  await o.copy.query('begin');
  try {
    await copyRows(o.copy, 'vacancy', VACANCY_COLUMNS, vacancies);
    await copyRows(o.copy, 'offer', OFFER_COLUMNS, offers);
    await copyRows(o.copy, 'tenancy', TENANCY_COLUMNS, tenancies);
    await o.copy.query('commit');
  } catch (error) {
    await o.copy.query('rollback');
    throw error;
  }
  return vacancies.length;
}

// ---- the audit log ----

const AUDIT_COLUMNS = [
  'municipality_id',
  'seq',
  'occurred_at',
  'actor_user_id',
  'actor_username',
  'action',
  'entity_type',
  'entity_id',
  'purpose',
  'client_ip',
  'details',
  'prev_hash',
  'hash',
];

/** What the users of a municipality do over ten years, by how often the log records it. */
const AUDIT_ACTIONS = new Weighted<{ action: string; entity: string; user: BenchUser }>([
  [{ action: 'citizen.read', entity: 'citizen', user: 'caseworker' }, 30],
  [{ action: 'citizen.search', entity: 'citizen', user: 'caseworker' }, 18],
  [{ action: 'citizen.update', entity: 'citizen', user: 'caseworker' }, 6],
  [{ action: 'citizen.episode_add', entity: 'citizen', user: 'caseworker' }, 6],
  [{ action: 'citizen.contact_add', entity: 'citizen', user: 'caseworker' }, 8],
  [{ action: 'auth.login', entity: 'app_user', user: 'caseworker' }, 8],
  [{ action: 'allocation.waiting_list_read', entity: 'allocation_application', user: 'allocation' }, 5],
  [{ action: 'prevention.inbox_read', entity: 'eviction_case', user: 'prevention' }, 10],
  [{ action: 'prevention.action_add', entity: 'eviction_case', user: 'prevention' }, 5],
  [{ action: 'housing.report', entity: 'housing_organisation', user: 'leader' }, 1],
]);
const SEARCHES = ['jensen', 'nielsen', 'hansen', 'pedersen', 'andersen', 'larsen', 'sørensen', 'møller'];
const ZERO_HASH = '0'.repeat(64);

/** The text of a flat jsonb object as PostgreSQL prints it: keys by length, then bytes. */
export function jsonbText(value: Record<string, string | number>): string {
  const keys = Object.keys(value).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(value[k])}`).join(', ')}}`;
}

/** The hash `audit_row_hash` computes (migration 0001), for one row. */
export function auditHash(r: {
  municipalityId: string;
  seq: number;
  occurredAtMs: number;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  purpose: string | null;
  clientIp: string | null;
  details: string;
  prevHash: string;
}): string {
  const text = [
    r.municipalityId,
    String(r.seq),
    `${r.occurredAtMs}000`,
    r.actorUserId ?? '',
    r.actorUsername ?? '',
    r.action,
    r.entityType,
    r.entityId ?? '',
    r.purpose ?? '',
    r.clientIp ?? '',
    r.details,
    r.prevHash,
  ].join('|');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * `count` audit rows over the last ten years, seq 1 (the municipality's creation) upwards, each
 * linked to the one before, and the chain head. COPY in batches inside one transaction with the
 * chaining trigger disabled (the hashes are already right), so nothing else can write in between.
 */
async function addAudit(
  o: NationalOptions,
  m: string,
  random: Random,
  count: number,
  from: number,
  day: number,
  users: Record<BenchUser, { id: string; username: string }>,
): Promise<number> {
  const { rows: citizens } = await sql<{ id: string }>`
    select id from citizen where municipality_id = ${m} order by id`.execute(o.owner);
  const { rows: cases } = await sql<{ id: string }>`
    select id from eviction_case where municipality_id = ${m} order by id limit 5000`.execute(o.owner);
  const { rows: orgs } = await sql<{ id: string }>`
    select id from housing_organisation where municipality_id = ${m} order by id`.execute(o.owner);
  const startMs = from * 86_400_000;
  const stepMs = Math.floor(((day - from) * 86_400_000) / count);
  let prevHash = ZERO_HASH;
  let batch: Cell[][] = [];
  const ip = () => `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
  await o.copy.query('begin');
  try {
    await o.copy.query('alter table audit_event disable trigger audit_event_chain');
    for (let seq = 1; seq <= count; seq++) {
      const occurredAtMs = startMs + (seq - 1) * stepMs + random.int(0, Math.max(0, stepMs - 1));
      let actor: { id: string; username: string } | null = null;
      let action = 'municipality.create';
      let entityType = 'municipality';
      let entityId: string | null = m;
      let details = '{}';
      if (seq > 1) {
        const a = AUDIT_ACTIONS.pick(random);
        actor = users[a.user];
        action = a.action;
        entityType = a.entity;
        if (a.entity === 'citizen')
          entityId = a.action === 'citizen.search' ? null : (random.pick(citizens)?.id ?? null);
        else if (a.entity === 'eviction_case')
          entityId =
            a.action === 'prevention.inbox_read' || cases.length === 0 ? null : random.pick(cases).id;
        else if (a.entity === 'app_user') entityId = actor.id;
        else if (a.entity === 'housing_organisation') entityId = random.pick(orgs).id;
        else entityId = null;
        if (a.action === 'citizen.search') details = jsonbText({ q: random.pick(SEARCHES) });
      }
      const clientIp = actor ? ip() : null;
      const hash = auditHash({
        municipalityId: m,
        seq,
        occurredAtMs,
        actorUserId: actor?.id ?? null,
        actorUsername: actor?.username ?? null,
        action,
        entityType,
        entityId,
        purpose: null,
        clientIp,
        details,
        prevHash,
      });
      batch.push([
        m,
        seq,
        new Date(occurredAtMs).toISOString(),
        actor?.id ?? null,
        actor?.username ?? null,
        action,
        entityType,
        entityId,
        null,
        clientIp,
        details,
        prevHash,
        hash,
      ]);
      prevHash = hash;
      if (batch.length >= 20_000 || seq === count) {
        await copyRows(o.copy, 'audit_event', AUDIT_COLUMNS, batch);
        batch = [];
      }
    }
    await o.copy.query(
      `insert into audit_chain_head (municipality_id, last_seq, last_hash) values ('${m}', ${count}, '${prevHash}')`,
    );
    await o.copy.query('alter table audit_event enable trigger audit_event_chain');
    await o.copy.query('commit');
  } catch (error) {
    await o.copy.query('rollback');
    throw error;
  }
  return count;
}
