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
import { dayNumber, Random, Weighted } from '../lib/random';
import { type PreventionSeedResult, seedPrevention } from '../prevention';
import { addByNameHistory, type HistoryCounts } from './history';
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
 * The module generators are reused: `seedAllocation` (citizens, housing organisations, the open
 * applications of the waiting list, the open vacancies the ranking measures) and `seedPrevention`
 * (eviction cases, notices, actions and the tenants they register). Over them goes the ten-year
 * by-name history of history.ts (a micro-simulation of the homeless citizens' lives: whereabouts,
 * contacts, applications and their events, units let and given back, framework agreements whose
 * quotas are the simulated supply, Housing First support and § 110 stays, coherent with each other),
 * which replaces what the module generators drew of it for their own benchmarks. Then consents, the
 * other support, the shelters, youth, and the audit log with its hash chain, computed here in
 * JavaScript exactly as `audit_row_hash` does and loaded with COPY while the chaining trigger is
 * disabled in the same transaction.
 */

/** Sizes at scale 1 (the national totals the issue asks for). */
export const NATIONAL_TOTALS = {
  applications: 40_000,
  notices: 300_000,
  auditRows: 3_000_000,
  /**
   * Support enrollments (forløb) of the methods besides Housing First's (bostøtte, SKP, SPIR,
   * treatment) over three years, at that rate over ten (Housing First's come from the history), and
   * the contacts of the last three years.
   */
  enrollments: 12_000,
  contacts: 600_000,
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
  /** The by-name history's sizes and parameters (history.ts). */
  history?: HistoryCounts;
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
    share: p,
    approved: atLeast(3, (NATIONAL_TOTALS.applications * p) / 1.4),
    notices: atLeast(8, NATIONAL_TOTALS.notices * p),
    auditRows: atLeast(50, NATIONAL_TOTALS.auditRows * p),
    support: {
      enrollments: atLeast(4, NATIONAL_TOTALS.enrollments * p),
      contacts: atLeast(40, NATIONAL_TOTALS.contacts * p),
    },
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
  for (const [n, { m, index }] of chosen.entries()) {
    // The tables grow by millions of rows over the run: fresh statistics keep the generators'
    // statements (and refreshCurrentState's joins) on their indexes.
    if (n > 0 && n % 10 === 0)
      await sql`analyze citizen, whereabouts_episode, citizen_contact, allocation_application, vacancy, offer,
        tenancy, eviction_case, support_enrollment`.execute(o.owner);
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
  // Its own generator, so that the rows generated before and after stay as they were.
  const history = await addByNameHistory({
    owner: o.owner,
    copy: o.copy,
    municipalityId: m,
    code: info.code,
    random: new Random(seed + 31),
    share: size.share,
    today: o.today,
    officer: users.allocation.id,
    caseworker: users.caseworker.id,
  });
  // Statistics that have seen this municipality's new rows: without them the current-state refresh
  // of a large municipality is planned as if it had none, and takes a minute instead of seconds.
  if (history.counts.episodes > 20_000)
    await sql`analyze citizen, whereabouts_episode, citizen_contact`.execute(o.owner);
  await refreshCurrentState(o.owner, m);
  await addConsents(o.owner, m, o.today);
  step('history');
  // Its own generator, so that the rows generated before and after stay as they were.
  const support = await addSupport({
    owner: o.owner,
    copy: o.copy,
    municipalityId: m,
    name: info.name,
    code: info.code,
    random: new Random(seed + 37),
    sizes: size.support,
    housingFirst: history.support,
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
    stays: history.stays,
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

  const { rows: applicationRows } = await sql<{ n: number }>`
    select count(*)::int as n from allocation_application where municipality_id = ${m}`.execute(o.owner);
  const applicationCount = applicationRows[0]?.n ?? 0;
  const g = {
    code: info.code,
    name: info.name,
    id: m,
    vacancies: allocation.measured,
    organisationIds: history.organisationIds,
    counts: {
      applications: applicationCount,
      waiting: allocation.waiting,
      notices: prevention.notices,
      audit,
      vacancies: allocation.vacancies.open + history.counts.vacancies,
    },
    history: history.counts,
    support,
    shelters,
    youth,
  };
  return { g, seeded: prevention, steps };
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
