import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  type CompiledQuery,
  type DatabaseConnection,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  sql,
} from 'kysely';
import pg from 'pg';

import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { type Db, type Executor, openDatabase, withTenant } from '../src/server/db/database';
import type { Database } from '../src/server/db/schema';
import { migrate } from '../src/server/migrate';
import { createUser } from '../src/server/modules/access/access.service';
import { createMunicipality } from '../src/server/modules/access/municipality.service';
import * as repo from '../src/server/modules/allocation/allocation.ranking.repository';
import { rankCandidates, rankingReads } from '../src/server/modules/allocation/allocation.ranking.service';
import { findVacancy } from '../src/server/modules/allocation/allocation.vacancies.repository';
import { dropDatabase, recreateDatabase } from '../src/server/test/pg-admin';
import type { CandidateList, MemberInput } from '../src/shared/allocation/api';
import {
  type ApplicationStatus,
  type Benefit,
  type Citizenship,
  DEFAULT_ALLOCATION_SETTINGS,
  type Priority,
  type TargetGround,
} from '../src/shared/allocation/model';
import { today } from '../src/shared/dates';
import type { AreaStatus } from '../src/shared/housing/supply';
import { byRank, FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from './lib/danish-names';
import {
  type HttpRequest,
  type LoadResult,
  loadFunction,
  loadHttp,
  summarize,
  TIMEOUT_SECONDS,
} from './lib/load';
import { type MachineInfo, machineInfo } from './lib/machine';
import { dayNumber, isoDate, Random, Weighted } from './lib/random';
import { compile, type Explained, explain, rawPool, waitForIdle } from './lib/raw-sql';
import {
  APP_RAW_HEADER,
  appRawCells,
  count,
  latency,
  machineLine,
  markdownTable,
  ms,
  ratio,
} from './lib/report';
import { seedCitizens } from './lib/seed-citizens';

/**
 * Candidate ranking (issue 5): GET /api/allocation/vacancies/:id/candidates for one vacancy
 * against 2,000 waiting applications, measured through the whole application and, as the
 * baseline, the very SQL the repository sends to load the same rows, run straight through a
 * pg.Pool. The goal is a single-connection p95 below 25 ms on PostgreSQL.
 */
export interface AllocationBenchOptions {
  /** Admin URL of the PostgreSQL server; the benchmark database is created next to it. */
  adminUrl: string;
  /** Name of the benchmark database (dropped and recreated). */
  database: string;
  /** Approved (active) applications in the measured municipality. */
  applications: number;
  /** Approved applications of a second municipality, so that tenant filtering has rows to skip. */
  neighbourApplications: number;
  /** Concurrent connections of the loaded runs; also the size of both connection pools. */
  connections: number;
  /** Seconds of each loaded run (app and raw, per case). */
  seconds: number;
  /** Seconds of unmeasured load before each run. */
  warmupSeconds: number;
  /** Seconds of each single-connection run (the target); 0 skips them and the breakdown. */
  serialSeconds: number;
  /** Allocation officers logged in; requests take their sessions in turn. */
  users: number;
  /** The goal: single-connection p95 below this many milliseconds. */
  targetP95Ms: number;
  /** Keep the benchmark database afterwards. */
  keep: boolean;
  log: (line: string) => void;
}

export const DEFAULT_OPTIONS: Omit<AllocationBenchOptions, 'adminUrl'> = {
  database: 'hjemvej_bench',
  applications: 2_000,
  neighbourApplications: 500,
  connections: 32,
  seconds: 10,
  warmupSeconds: 2,
  serialSeconds: 5,
  users: 4,
  targetP95Ms: 25,
  keep: false,
  log: () => {},
};

/** Single-connection timings of the parts of one ranking, in process (no HTTP). */
export interface Breakdown {
  /** `rankCandidates` in a tenant transaction, its caches warm: its SQL and the rules, no census, audit or JSON. */
  rank: LoadResult;
  /** `rankCandidates` after every waiting application changed (new versions): facts re-read, every rule re-run. */
  rankCold: LoadResult;
  /** `rankCandidates` on rows already loaded (no database), its caches warm. */
  memory: LoadResult;
  /** JSON.stringify of the answer as the first request got it (Fastify serialises it the same way). */
  stringify: LoadResult;
}

export interface CaseResult {
  name: string;
  description: string;
  vacancyId: string;
  areaStatus: AreaStatus | null;
  /** Applications ranked (eligible + excluded) through the app and rows loaded raw; they must agree. */
  matched: { app: number; raw: number };
  eligible: number;
  excluded: number;
  /** Bytes of the JSON answer. */
  responseBytes: number;
  app: LoadResult;
  raw: LoadResult;
  /**
   * One connection at a time: the latency a single officer sees on an otherwise idle server (the
   * target). `changed`: each request right after one waiting application changed (the waiting
   * list has a new version: the changed application is read, its rules run and it is merged into
   * the kept ranking). `cold`: each request right after every waiting application changed (the
   * process's ranking caches miss; `rawCold` adds the read of every household's facts to the raw
   * statements).
   */
  serial?:
    | {
        app: LoadResult;
        raw: LoadResult;
        changed: LoadResult;
        cold: LoadResult;
        rawCold: LoadResult;
        /** How the rankings of the 1 changed and cold runs were answered (`rankingReads`): memo, changes, full. */
        changedReads?: Reads | undefined;
        coldReads?: Reads | undefined;
      }
    | undefined;
  breakdown?: Breakdown | undefined;
  /** EXPLAIN (ANALYZE, BUFFERS) of the ranking's list query (`rankingHeads`), after the runs (warm cache). */
  plan: Explained;
  /** EXPLAIN (ANALYZE, BUFFERS) of the household facts of every waiting application (`rankingFacts`, cold caches). */
  factsPlan: Explained;
  /** EXPLAIN (ANALYZE, BUFFERS) of the vacancy query. */
  vacancyPlan: Explained;
  /** Single-connection p95 under the target; undefined when the single-connection runs were skipped. */
  meetsTarget: boolean | undefined;
}

export interface AllocationReport {
  suite: 'allocation-ranking';
  date: string;
  machine: MachineInfo;
  settings: Omit<AllocationBenchOptions, 'adminUrl' | 'log' | 'keep'>;
  data: {
    measured: AllocationSeedResult;
    neighbour: AllocationSeedResult;
    loadSeconds: number;
  };
  cases: CaseResult[];
}

// ---- data ----

export interface AllocationSeedOptions {
  municipalityId: string;
  municipalityCode: string;
  /** Approved applications (the waiting list without the paused ones). */
  applications: number;
  seed: number;
  /** The date the data is generated around ('YYYY-MM-DD'). */
  today: string;
  /** The caseworker who submitted every application. */
  submittedBy: string;
  /** The officer who made and answered the offers. */
  officer: string;
}

export interface AllocationSeedResult {
  citizens: number;
  applications: Partial<Record<ApplicationStatus, number>>;
  /** Waiting applications (approved and paused): the rows every ranking reads. */
  waiting: number;
  departments: number;
  /** The date from which the vulnerable and prevention areas hold their status (the last 1 December). */
  areaStatusFrom: string;
  vacancies: { open: number; let: number; returned: number };
  offers: { open: number; closed: number };
  tenancies: number;
  /** The open vacancies the cases rank for. */
  measured: { udsat: string; normal: string };
}

/** The allocation policy the data is made for: each adult keeps 3,000 kr. a month, each child 1,500. */
const BENCH_SETTINGS = { ...DEFAULT_ALLOCATION_SETTINGS, disposablePerAdult: 3000, disposablePerChild: 1500 };

const HOUSEHOLD_SIZE = new Weighted<number>([
  [1, 60],
  [2, 18],
  [3, 12],
  [4, 7],
  [5, 3],
]);
const CITIZENSHIP = new Weighted<Citizenship>([
  ['danish', 84],
  ['eu_eea_ch', 8],
  ['other', 8],
]);
const PRIORITY = new Weighted<Priority>([
  ['acute', 6],
  ['high', 22],
  ['normal', 72],
]);
const CLOSED = new Weighted<ApplicationStatus>([
  ['rejected', 35],
  ['housed', 35],
  ['withdrawn', 20],
  ['removed', 10],
]);
const PRIORITY_REASONS: Record<Priority, string[]> = {
  acute: ['Sover på gaden, udskrives fra hospital', 'Akut udsættelse, børn i husstanden'],
  high: ['Har boet på forsorgshjem i over et år', 'Løsladt uden bolig', 'Sofasurfer med mindreårige børn'],
  normal: ['Bor midlertidigt hos venner', 'Bor på forsorgshjem, stabil', 'Opfylder målgruppen'],
};
const STREETS = [
  'Vestergade',
  'Nørregade',
  'Skovvej',
  'Engvej',
  'Parkvej',
  'Søndergade',
  'Birkevej',
  'Toften',
];
const FAMILY = new Weighted(FAMILY_NAMES);
const MALE = new Weighted(byRank(MALE_GIVEN_NAMES));
const FEMALE = new Weighted(byRank(FEMALE_GIVEN_NAMES));

type Member = MemberInput & { id: string };
type Row = Record<string, unknown>;

/** The last 1 December on or before `date`: the day the national lists of areas take effect. */
export function lastFirstDecember(date: string): string {
  const year = Number(date.slice(0, 4));
  return date >= `${year}-12-01` ? `${year}-12-01` : `${year - 1}-12-01`;
}

/**
 * Inserts rows given as objects, one statement per batch: json_populate_recordset turns one JSON
 * parameter into typed rows (jsonb columns take nested JSON as is). Runs as the owner (no RLS).
 */
async function insertRows(owner: Executor, table: keyof Database & string, rows: Row[], batchSize = 2000) {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const list = sql.join(columns.map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = JSON.stringify(rows.slice(i, i + batchSize));
    await sql`insert into ${sql.table(table)} (${list})
      select ${list} from json_populate_recordset(null::${sql.table(table)}, ${batch}::json)`.execute(owner);
  }
}

/** One household member with the facts § 59 stk. 6 and 7 test. */
function member(
  random: Random,
  day: number,
  role: MemberInput['role'],
  age: number,
  name: string,
  citizenship: Citizenship,
): Member {
  const adult = age >= 18;
  const benefits: MemberInput['benefits'] = [];
  const period = (benefit: Benefit, from: number, to: number | null) =>
    benefits.push({ benefit, from: isoDate(from), to: to === null ? null : isoDate(to) });
  if (adult) {
    // Most applicants live on transfer income; an ongoing period of ≥ 6 months meets § 59 stk. 6 nr. 5–7.
    const r = random.next();
    if (r < 0.4) period('kontanthjaelp', day - random.int(20, 1500), null);
    else if (r < 0.48)
      period(age < 30 ? 'uddannelseshjaelp' : 'kontanthjaelp', day - random.int(20, 900), null);
    else if (r < 0.58) period('foertidspension', day - random.int(100, 3000), null);
    else if (r < 0.63) period('sygedagpenge', day - random.int(20, 400), null);
    else if (r < 0.66) period('dagpenge', day - random.int(400, 900), day - random.int(30, 300));
    else if (r < 0.69) period('ressourceforloeb', day - random.int(60, 700), null);
    if (random.chance(0.15)) {
      const to = day - random.int(400, 1200);
      period('kontanthjaelp', to - random.int(60, 700), to);
    }
  }
  return {
    id: random.uuid(),
    role,
    name,
    birthDate: isoDate(day - age * 365 - random.int(0, 364)),
    citizenship,
    student: adult && random.chance(age < 30 ? 0.15 : 0.02),
    prisonReleasedOn: adult && random.chance(0.07) ? isoDate(day - random.int(5, 600)) : null,
    youthInstitutionReleasedOn:
      age >= 15 && age < 18 && random.chance(0.05) ? isoDate(day - random.int(10, 300)) : null,
    leaseTerminatedMisconductOn: adult && random.chance(0.03) ? isoDate(day - random.int(10, 500)) : null,
    partnerSince: role === 'partner' ? isoDate(day - random.int(100, 3000)) : null,
    benefits,
  };
}

interface CitizenRef {
  id: string;
  given_name: string | null;
  family_name: string | null;
  birth_date: string;
}

/** A household of 1–5 with the applicant first, and the application's housing needs. */
function household(random: Random, day: number, citizen: CitizenRef) {
  const size = HOUSEHOLD_SIZE.pick(random);
  const family = citizen.family_name ?? FAMILY.pick(random);
  const name = (given: string | null, surname = family) =>
    `${given ?? (random.chance(0.5) ? MALE : FEMALE).pick(random)} ${surname}`;
  // The citizen's own birth date when it is a plausible one (half the generated citizens are 125+).
  const citizenAge = Math.floor((day - dayNumber(citizen.birth_date)) / 365.25);
  const children =
    size === 1 ? 0 : size === 2 ? (random.chance(0.5) ? 1 : 0) : size - (random.chance(0.7) ? 2 : 1);
  const withChildren = children > 0;
  const applicantAge =
    citizenAge >= 18 && citizenAge <= 80 && (!withChildren || citizenAge <= 55)
      ? citizenAge
      : withChildren
        ? random.int(20, 55)
        : random.pick([random.int(18, 29), random.int(30, 49), random.int(30, 49), random.int(50, 75)]);
  const citizenship = CITIZENSHIP.pick(random);
  const members: Member[] = [
    member(random, day, 'applicant', applicantAge, name(citizen.given_name), citizenship),
  ];
  for (let adults = size - children - 1; adults > 0; adults--) {
    const role = members.length === 1 ? (random.chance(0.5) ? 'spouse' : 'partner') : 'other_adult';
    const age = Math.max(18, applicantAge + random.int(-8, 8));
    members.push(
      member(
        random,
        day,
        role,
        age,
        name(null),
        random.chance(0.85) ? citizenship : CITIZENSHIP.pick(random),
      ),
    );
  }
  for (let n = 0; n < children; n++) {
    const age = random.int(0, Math.min(17, Math.max(0, applicantAge - 18)));
    members.push(member(random, day, 'child', age, name(null), citizenship));
  }
  const adults = size - children;
  const roomsMin = size === 1 ? 1 : size <= 3 ? 2 : 3;
  return {
    members,
    size,
    applicantAge,
    withChildren,
    roomsMin,
    roomsMax: random.chance(0.2) ? null : roomsMin + (size === 1 ? 1 : 2),
    monthlyIncome:
      Array.from({ length: adults }, () => random.int(180, 340) * 50).reduce((a, b) => a + b, 0) +
      children * 1500,
    fixedCosts: random.int(6, 50) * 50,
  };
}

/**
 * One municipality's housing and allocation data: three organisations with four departments
 * each (one vulnerable, one prevention area, one that left the list), `applications` approved
 * applications plus paused, pending and closed ones, past vacancies with their offers and
 * tenancies, open vacancies with live offers, and the two measured vacancies. Deterministic for
 * a seed and a date; loaded with set-based inserts as the owner.
 */
export async function seedAllocation(owner: Db, o: AllocationSeedOptions): Promise<AllocationSeedResult> {
  const random = new Random(o.seed);
  const day = dayNumber(o.today);
  const m = o.municipalityId;
  const n = o.applications;
  const paused = Math.ceil(n * 0.05);
  const pending = Math.ceil(n * 0.05);
  const closed = Math.ceil(n * 0.3);
  const open = n + paused + pending;

  // Citizens: one per open application, some more whose only applications are closed ones.
  await seedCitizens(owner, {
    municipalityId: m,
    municipalityCode: o.municipalityCode,
    citizens: Math.ceil(open * 1.05 + closed / 2) + 10,
    seed: o.seed + 1,
    today: o.today,
  });
  const citizens = (
    await sql<CitizenRef>`
      select id, given_name, family_name, birth_date from citizen
      where municipality_id = ${m} and merged_into is null and died_on is null order by id`.execute(owner)
  ).rows;
  if (citizens.length < open)
    throw new Error(`Too few citizens: ${citizens.length} for ${open} applications`);

  // Housing: 3 organisations × 4 departments; area status since the last 1 December.
  const areaStatusFrom = lastFirstDecember(o.today);
  const earlier = `${Number(areaStatusFrom.slice(0, 4)) - 2}-12-01`;
  const organisations: Row[] = [];
  const departments: (Row & { id: string })[] = [];
  const statuses: Row[] = [];
  for (const [i, org] of ['Bench Boligselskab', 'Bench Boligforening', 'Bench Almene Boliger'].entries()) {
    const orgId = random.uuid();
    organisations.push({
      id: orgId,
      municipality_id: m,
      name: org,
      address: `${STREETS[i]} 1`,
      created_at: o.today,
    });
    for (let d = 1; d <= 4; d++) {
      departments.push({
        id: random.uuid(),
        municipality_id: m,
        organisation_id: orgId,
        number: `${i + 1}0${d}`,
        name: `${STREETS[(i * 4 + d) % STREETS.length]}parken`,
        address: `${STREETS[(i * 4 + d) % STREETS.length]} ${d * 10}`,
        units_family: random.int(80, 400),
        units_youth: random.int(0, 40),
        units_elderly: random.int(0, 30),
        units_alternative: random.int(0, 5),
        turnover_percent: random.int(60, 140) / 10,
        created_at: o.today,
      });
    }
  }
  const dept = (i: number) => departments[i] as Row & { id: string };
  const areaStatus = (i: number, status: AreaStatus, from: string) =>
    statuses.push({
      id: random.uuid(),
      municipality_id: m,
      department_id: dept(i).id,
      status,
      valid_from: from,
      combined_letting: false,
      section_51c: false,
      recorded_at: from,
    });
  areaStatus(0, 'udsat', earlier);
  areaStatus(0, 'udsat', areaStatusFrom);
  areaStatus(1, 'forebyggelse', areaStatusFrom);
  areaStatus(2, 'udsat', earlier);
  areaStatus(2, 'normal', areaStatusFrom);
  areaStatus(4, 'normal', areaStatusFrom);
  const udsatDept = dept(0).id;
  const normalDept = dept(4).id;

  // Applications.
  const applications: Row[] = [];
  const counts: Partial<Record<ApplicationStatus, number>> = {};
  const approvedIds: string[] = [];
  const housed: { id: string; citizenId: string; waitingSince: string }[] = [];
  const pickDepartments = (k: number) =>
    [...new Set(Array.from({ length: k }, () => random.pick(departments).id))] as string[];
  const application = (citizen: CitizenRef, status: ApplicationStatus) => {
    const h = household(random, day, citizen);
    const grounds: TargetGround[] = random.chance(0.05)
      ? ['special_social', 'reduced_function']
      : random.chance(h.applicantAge >= 50 ? 0.3 : 0.08)
        ? ['reduced_function']
        : ['special_social'];
    const listed =
      status === 'approved' || status === 'paused' || status === 'housed' || status === 'removed';
    const priority = listed ? PRIORITY.pick(random) : null;
    const waitingSince = listed ? day - random.int(0, 3 * 365) : null;
    const submitted = (waitingSince ?? day - random.int(0, 60)) - random.int(3, 60);
    const youthWish = h.applicantAge < 30 && random.chance(0.6);
    const wished = random.chance(0.35) ? pickDepartments(random.int(1, 3)) : [];
    const excluded = random.chance(0.1) ? pickDepartments(1).filter((id) => !wished.includes(id)) : [];
    const id = random.uuid();
    applications.push({
      id,
      municipality_id: m,
      citizen_id: citizen.id,
      area: h.withChildren && random.chance(0.6) ? 'child' : 'adult',
      status,
      target_grounds: grounds,
      justification:
        'Kan ikke selv løse sit boligproblem: uden bolig, ingen opsparing, afvist på venteliste.',
      rooms_min: h.roomsMin,
      rooms_max: h.roomsMax,
      monthly_income: h.monthlyIncome,
      fixed_costs: h.fixedCosts,
      accessible_need: random.chance(grounds.includes('reduced_function') ? 0.5 : 0.04),
      wished_department_ids: wished,
      excluded_department_ids: excluded,
      youth_wish: youthWish,
      in_education: youthWish && random.chance(0.4),
      education_planned: youthWish && random.chance(0.3),
      youth_special_need: youthWish && random.chance(0.15),
      members: h.members,
      household_size: h.size,
      priority,
      priority_reason: priority ? random.pick(PRIORITY_REASONS[priority]) : null,
      waiting_since: waitingSince === null ? null : isoDate(waitingSince),
      decision_reason:
        status === 'rejected' ? 'Kan selv løse sit boligproblem' : priority ? 'Opfylder målgruppen' : null,
      info_request: status === 'needs_info' ? 'Indkomstoplysninger mangler' : null,
      paused_until: status === 'paused' ? isoDate(day + random.int(5, 90)) : null,
      refusals: status === 'approved' && random.chance(0.08) ? 1 : 0,
      submitted_by: o.submittedBy,
      submitted_at: `${isoDate(submitted)}T09:30:00Z`,
      updated_at: `${isoDate(waitingSince ?? submitted)}T10:00:00Z`,
    });
    counts[status] = (counts[status] ?? 0) + 1;
    if (status === 'approved') approvedIds.push(id);
    if (status === 'housed')
      housed.push({ id, citizenId: citizen.id, waitingSince: isoDate(waitingSince ?? submitted) });
  };
  // Open applications: at most one per citizen (the unique index).
  for (let i = 0; i < open; i++)
    application(
      citizens[i] as CitizenRef,
      i < n ? 'approved' : i < n + paused ? 'paused' : random.chance(0.5) ? 'submitted' : 'needs_info',
    );
  // Closed ones: half on citizens who applied again, half on citizens without an open application.
  for (let i = 0; i < closed; i++) {
    const citizen =
      i % 2 === 0
        ? random.pick(citizens.slice(0, open))
        : (citizens[open + (i >> 1)] ?? random.pick(citizens));
    application(citizen, CLOSED.pick(random));
  }

  // Vacancies, offers and tenancies.
  const vacancies: Row[] = [];
  const offers: Row[] = [];
  const tenancies: Row[] = [];
  const vacancyCounts = { open: 0, let: 0, returned: 0 };
  let houseNumber = 1;
  const vacancy = (
    departmentId: string,
    availableOn: number,
    status: 'open' | 'let' | 'returned',
    fields: Partial<Row> = {},
  ) => {
    const id = random.uuid();
    const rooms = (fields.rooms as number | undefined) ?? random.int(1, 4);
    vacancies.push({
      id,
      municipality_id: m,
      department_id: departmentId,
      address: `${random.pick(STREETS)} ${houseNumber++}, ${random.int(0, 4)}. tv.`,
      unit_type: 'family',
      rooms,
      area_m2: 30 + rooms * 18 + random.int(0, 15),
      rent: 2800 + rooms * 1100 + random.int(0, 20) * 25,
      utilities: 300 + rooms * 120,
      deposit: 3 * (2800 + rooms * 1100),
      accessible: random.chance(0.15),
      available_on: isoDate(availableOn),
      origin: 'agreement_quota',
      deadline_on: isoDate(availableOn + 14),
      status,
      returned_on: status === 'returned' ? isoDate(availableOn + 14) : null,
      returned_reason:
        status === 'returned' ? random.pick(['no_candidate', 'declined_by_all', 'deadline_passed']) : null,
      returned_note: null,
      reported_via: random.chance(0.7) ? 'partner' : 'officer',
      reported_by: o.officer,
      import_key: null,
      created_at: `${isoDate(availableOn - random.int(10, 40))}T08:00:00Z`,
      ...fields,
    });
    vacancyCounts[status]++;
    return id;
  };
  const offer = (vacancyId: string, applicationId: string, offeredOn: number, status: string) => {
    const id = random.uuid();
    const answered = status !== 'open';
    const decline =
      status === 'declined' ? random.pick(['personal', 'size', 'area', 'too_expensive', 'no_reason']) : null;
    offers.push({
      id,
      municipality_id: m,
      vacancy_id: vacancyId,
      application_id: applicationId,
      status,
      offered_at: `${isoDate(offeredOn)}T10:00:00Z`,
      offered_by: o.officer,
      reply_by: isoDate(offeredOn + 7),
      responded_at: answered ? `${isoDate(offeredOn + random.int(1, 7))}T12:00:00Z` : null,
      responded_by: answered ? o.officer : null,
      decline_reason: decline,
      counts_as_refusal: status === 'expired' || decline === 'personal' || decline === 'no_reason',
      note: null,
    });
    return id;
  };
  const ordinary = departments.slice(2).map((d) => d.id);
  // Every housed application was let a unit, often after others declined it.
  for (const h of housed) {
    const letOn = Math.max(dayNumber(h.waitingSince) + random.int(20, 400), day - 3 * 365);
    const available = Math.min(letOn, day - 30);
    const v = vacancy(random.pick(ordinary), available, 'let');
    for (let k = random.chance(0.4) ? random.int(1, 2) : 0; k > 0; k--)
      offer(v, random.pick(approvedIds), available - 7 * k, random.chance(0.8) ? 'declined' : 'expired');
    const accepted = offer(v, h.id, available, 'accepted');
    tenancies.push({
      id: random.uuid(),
      municipality_id: m,
      vacancy_id: v,
      offer_id: accepted,
      application_id: h.id,
      citizen_id: h.citizenId,
      accepted_on: isoDate(available + 3),
      lease_signed_on: isoDate(available + 5),
      planned_move_in_on: isoDate(available + 14),
      moved_in_on: isoDate(available + 14),
      created_at: `${isoDate(available + 3)}T12:00:00Z`,
    });
  }
  // Units given back unused, most after declines.
  for (let i = Math.ceil(n * 0.015); i > 0; i--) {
    const available = day - random.int(30, 3 * 365);
    const v = vacancy(random.pick(departments).id, available, 'returned');
    for (let k = random.int(0, 3); k > 0; k--)
      offer(v, random.pick(approvedIds), available + 2 * k, random.chance(0.7) ? 'declined' : 'expired');
  }
  // Open units with a live offer: their applicants hold an offer and are excluded from other rankings.
  const holders = new Set<string>();
  while (holders.size < Math.min(approvedIds.length, Math.ceil(n * 0.01)))
    holders.add(random.pick(approvedIds));
  for (const holder of holders) {
    const available = day + random.int(3, 30);
    offer(vacancy(random.pick(ordinary), available, 'open'), holder, day - random.int(0, 6), 'open');
  }
  // Open units nobody has been offered yet: the two measured ones and a few more.
  const udsat = vacancy(udsatDept, day + 14, 'open', {
    rooms: 2,
    area_m2: 62,
    rent: 5200,
    utilities: 650,
    deposit: 15600,
    accessible: false,
  });
  const normal = vacancy(normalDept, day + 7, 'open', {
    rooms: 3,
    area_m2: 81,
    rent: 6900,
    utilities: 850,
    deposit: 20700,
    accessible: true,
  });
  vacancy(dept(1).id, day + 10, 'open', { unit_type: 'youth', rooms: 1, origin: 'youth_quota' });
  vacancy(random.pick(ordinary), day + 21, 'open', { unit_type: 'elderly', rooms: 2, accessible: true });

  await owner.transaction().execute(async (trx) => {
    await insertRows(trx, 'allocation_settings', [
      { municipality_id: m, settings: BENCH_SETTINGS, updated_at: o.today, updated_by: null },
    ]);
    await insertRows(trx, 'housing_organisation', organisations);
    await insertRows(trx, 'housing_department', departments);
    await insertRows(trx, 'department_area_status', statuses);
    await insertRows(trx, 'allocation_application', applications, 1000);
    await insertRows(trx, 'vacancy', vacancies);
    await insertRows(trx, 'offer', offers);
    await insertRows(trx, 'tenancy', tenancies);
  });

  const openOffers = offers.filter((f) => f.status === 'open').length;
  return {
    citizens: citizens.length,
    applications: counts,
    waiting: (counts.approved ?? 0) + (counts.paused ?? 0),
    departments: departments.length,
    areaStatusFrom,
    vacancies: vacancyCounts,
    offers: { open: openOffers, closed: offers.length - openOffers },
    tenancies: tenancies.length,
    measured: { udsat, normal },
  };
}

// ---- measurement helpers ----

/**
 * A database that answers from rows loaded before: `rankCandidates` run on it measures the rules
 * and the sort alone. Queries on allocation_settings get `settings`, those on
 * allocation_application get `applications`, everything else no rows.
 */
function cannedDb(rows: { settings: unknown[]; applications: unknown[] }): Db {
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const from = query.sql.includes('from "allocation_settings"')
        ? rows.settings
        : query.sql.includes('from "allocation_application"')
          ? rows.applications
          : [];
      return { rows: from as R[] };
    },
    // biome-ignore lint/correctness/useYield: never streamed
    async *streamQuery() {
      throw new Error('Not supported');
    },
  };
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => ({
        init: async () => {},
        acquireConnection: async () => connection,
        beginTransaction: async () => {},
        commitTransaction: async () => {},
        rollbackTransaction: async () => {},
        releaseConnection: async () => {},
        destroy: async () => {},
      }),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

/**
 * One connection, `seconds` long: `prepare` (not timed), then `call` (timed), again and again — for
 * runs in which every request must find something changed first.
 */
async function timedAfter(
  seconds: number,
  prepare: () => Promise<unknown>,
  call: () => Promise<unknown>,
): Promise<LoadResult> {
  const samples: number[] = [];
  let errors = 0;
  let firstError: unknown;
  let timed = 0;
  while (timed < seconds * 1000) {
    await prepare();
    const t0 = performance.now();
    try {
      await call();
      samples.push(performance.now() - t0);
    } catch (error) {
      errors++;
      firstError ??= error;
    }
    timed += performance.now() - t0;
  }
  if (errors > 0 && samples.length === 0) throw firstError;
  // Throughput over the timed part only: the preparation is not the server's work.
  return summarize(samples, timed / 1000, { errors, timeouts: 0 }, 1);
}

type Reads = typeof rankingReads;
const readsSince = (before: Reads): Reads => ({
  memo: rankingReads.memo - before.memo,
  changes: rankingReads.changes - before.changes,
  full: rankingReads.full - before.full,
});

interface BenchCase {
  name: string;
  description: string;
  vacancyId: string;
}

export async function runAllocationBench(
  options: Partial<AllocationBenchOptions> & { adminUrl: string },
): Promise<AllocationReport> {
  const o: AllocationBenchOptions = { ...DEFAULT_OPTIONS, ...options };
  if (!/^hjemvej_bench[a-z0-9_]*$/.test(o.database))
    throw new Error(`The benchmark database must be named hjemvej_bench…, not ${o.database}`);
  const log = o.log;
  const onDate = today();

  log(`Creating database ${o.database}`);
  const url = await recreateDatabase(o.adminUrl, o.database);
  const db = await openDatabase({ url, poolSize: o.connections });
  let pool: pg.Pool | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await migrate(db.owner);
    const municipality = await createMunicipality(db.owner, {
      code: '901',
      name: 'Benchkommune',
      authority: 'Benchkommune, Socialforvaltningen',
    });
    const neighbour = await createMunicipality(db.owner, {
      code: '902',
      name: 'Nabokommune',
      authority: 'Nabokommune, Socialforvaltningen',
    });

    const password = randomBytes(18).toString('base64url');
    const user = (
      municipalityId: string,
      username: string,
      displayName: string,
      role: 'caseworker' | 'allocation',
    ) =>
      withTenant(db.owner, municipalityId, (trx) =>
        createUser(trx, null, municipalityId, { username, displayName, role, password }),
      );
    const usernames: string[] = [];
    const officers: string[] = [];
    for (let i = 1; i <= o.users; i++) {
      const officer = await user(
        municipality.id,
        `bench.officer${i}`,
        `Boligsocial medarbejder ${i}`,
        'allocation',
      );
      usernames.push(officer.username);
      officers.push(officer.id);
    }
    const caseworker = await user(municipality.id, 'bench.caseworker', 'Sagsbehandler', 'caseworker');
    const neighbourCaseworker = await user(
      neighbour.id,
      'bench.naboen',
      'Sagsbehandler i nabokommunen',
      'caseworker',
    );
    const neighbourOfficer = await user(
      neighbour.id,
      'bench.naboen.anvisning',
      'Anviser i nabokommunen',
      'allocation',
    );

    log(`Loading ${o.applications} + ${o.neighbourApplications} approved applications with their households`);
    const loadStart = performance.now();
    const measured = await seedAllocation(db.owner, {
      municipalityId: municipality.id,
      municipalityCode: municipality.code,
      applications: o.applications,
      seed: 5,
      today: onDate,
      submittedBy: caseworker.id,
      officer: officers[0] as string,
    });
    const neighbourSeed = await seedAllocation(db.owner, {
      municipalityId: neighbour.id,
      municipalityCode: neighbour.code,
      applications: o.neighbourApplications,
      seed: 11,
      today: onDate,
      submittedBy: neighbourCaseworker.id,
      officer: neighbourOfficer.id,
    });
    await sql`vacuum analyze citizen, allocation_application, allocation_settings, vacancy, offer, tenancy,
      housing_department, housing_organisation, department_area_status, census_run, census_entry`.execute(
      db.owner,
    );
    const loadSeconds = (performance.now() - loadStart) / 1000;
    log(
      `Loaded ${measured.waiting} waiting applications of ${measured.citizens} citizens ` +
        `(+${neighbourSeed.waiting} next door) in ${loadSeconds.toFixed(1)} s`,
    );

    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: String(o.connections),
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'silent',
      DEMO_SEED: 'false',
      LOGIN_RATE_PER_MINUTE: '10000',
    });
    app = await buildApp({ config, db, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const cookies: string[] = [];
    for (const username of usernames) {
      const res = await fetch(`${base}/api/session/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      const session = res.headers.getSetCookie().find((c) => c.startsWith('hjemvej_session='));
      if (res.status !== 200 || !session) throw new Error(`Login failed: ${res.status}`);
      cookies.push(session.split(';')[0] ?? '');
    }

    pool = await rawPool(url, o.connections, municipality.id);
    // A connection the server ends while idle must not take the process down.
    pool.on('error', () => {});
    const rawPoolRef = pool;
    const m = municipality.id;
    const results: CaseResult[] = [];
    const cases: BenchCase[] = [
      {
        name: 'udsat area',
        description: `a 2-room family unit in a department listed as udsat since ${measured.areaStatusFrom} (§ 59 stk. 6 tested for every household member)`,
        vacancyId: measured.measured.udsat,
      },
      {
        name: 'normal area',
        description: 'a 3-room accessible family unit in a department with no area status',
        vacancyId: measured.measured.normal,
      },
    ];

    for (const c of cases) {
      const path = `/api/allocation/vacancies/${c.vacancyId}/candidates`;
      // The first call of the day stores the census (one row per eligible candidate); every later call reads only.
      const first = await fetch(`${base}${path}`, { headers: { cookie: cookies[0] ?? '' } });
      const body = await first.text();
      if (first.status !== 200) throw new Error(`${c.name}: HTTP ${first.status} ${body}`);
      const list = JSON.parse(body) as CandidateList;
      // The reads behind one answer, as the repository sends them once the process's caches are warm:
      // the vacancy with its area status, the policy and the census flag; the waiting list's small
      // columns with live offers; the cards (citizen, name, household) of the candidates shown.
      const shown = [...list.eligible, ...list.excluded].map((x) => x.applicationId);
      const compiled = await compile(async (db) => {
        await repo.findVacancyToRank(db, m, c.vacancyId, onDate);
        await repo.rankingHeads(db, m, c.vacancyId);
        await repo.rankingDetails(db, m, shown);
      });
      const waitingIds = (
        await sql<{ id: string }>`select id from allocation_application
          where municipality_id = ${m} and status in ('approved', 'paused')`.execute(db.owner)
      ).rows.map((r) => r.id);
      // With cold caches the ranking also reads every waiting household's facts.
      const [factsQuery] = await compile((db) => repo.rankingFacts(db, m, waitingIds));
      let appTurn = 0;
      const nextHttp = (): HttpRequest => ({
        path,
        headers: { cookie: cookies[appTurn++ % cookies.length] ?? '' },
      });
      const rawCall = async () => {
        const results = [];
        for (const query of compiled)
          results.push(await rawPoolRef.query(query.sql, query.parameters as unknown[]));
        return results;
      };

      const census = await sql<{ n: number }>`
        select count(*)::int as n from census_run where vacancy_id = ${c.vacancyId} and census_date = ${onDate}`.execute(
        db.owner,
      );
      if (census.rows[0]?.n !== 1) throw new Error(`${c.name}: the first call stored no census`);
      const rawRows = (await rawCall())[1]?.rows.length ?? 0;
      const matched = { app: list.eligibleCount + list.excludedCount, raw: rawRows };
      if (matched.app !== matched.raw)
        throw new Error(
          `${c.name}: the app ranked ${matched.app} applications, the raw SQL loaded ${matched.raw}`,
        );
      if (list.eligible.length === 0) throw new Error(`${c.name}: nobody is eligible`);

      const http = async (connections: number, seconds: number) => {
        await waitForIdle(db.owner);
        return loadHttp({ url: base, connections, seconds, next: nextHttp });
      };
      const raw = async (connections: number, seconds: number) => {
        await waitForIdle(db.owner);
        return loadFunction({ connections, seconds, call: rawCall });
      };
      // Every waiting application gets a new version (as any change to it does), so the next ranking
      // finds nothing of it in the process's caches.
      const changeAll = () =>
        sql`update allocation_application set updated_at = updated_at + interval '1 millisecond'
          where municipality_id = ${m} and status in ('approved', 'paused')`.execute(db.owner);
      const cold = async (seconds: number, call: () => Promise<unknown>) => {
        await waitForIdle(db.owner);
        return timedAfter(seconds, changeAll, call);
      };
      // One waiting application after the other gets a new version, as an officer's or a caseworker's step does.
      let turn = 0;
      const changeOne = () =>
        sql`update allocation_application set updated_at = updated_at + interval '1 millisecond'
          where id = ${waitingIds[turn++ % waitingIds.length] as string}`.execute(db.owner);
      const getAnswer = async () => {
        const res = await fetch(`${base}${path}`, { headers: { cookie: cookies[0] ?? '' } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      };
      const rawColdCall = async () => {
        const results = await rawCall();
        const query = factsQuery as CompiledQuery;
        await rawPoolRef.query(query.sql, query.parameters as unknown[]);
        return results;
      };

      log(`${c.name}: ${list.eligibleCount} eligible, ${list.excludedCount} excluded, ${body.length} bytes`);
      let serial: CaseResult['serial'];
      let breakdown: Breakdown | undefined;
      if (o.serialSeconds > 0) {
        log(`${c.name}: one connection`);
        if (o.warmupSeconds > 0) await http(1, o.warmupSeconds);
        const serialApp = await http(1, o.serialSeconds);
        if (o.warmupSeconds > 0) await raw(1, o.warmupSeconds);
        const serialRaw = await raw(1, o.serialSeconds);
        log(`${c.name}: one connection, one application changed before each request`);
        await waitForIdle(db.owner);
        let reads = { ...rankingReads };
        const changedApp = await timedAfter(o.serialSeconds, changeOne, getAnswer);
        const changedReads = readsSince(reads);
        log(`${c.name}: one connection, every application changed before each request`);
        reads = { ...rankingReads };
        const coldApp = await cold(o.serialSeconds, getAnswer);
        const coldReads = readsSince(reads);
        await waitForIdle(db.owner);
        const coldRaw = await loadFunction({ connections: 1, seconds: o.serialSeconds, call: rawColdCall });
        serial = {
          app: serialApp,
          raw: serialRaw,
          changed: changedApp,
          cold: coldApp,
          rawCold: coldRaw,
          changedReads,
          coldReads,
        };
        // The cold runs left dead row versions behind: the breakdown starts from a clean table, as the runs did.
        await sql`vacuum analyze allocation_application`.execute(db.owner);

        log(`${c.name}: where the time goes`);
        const seconds = Math.min(2, o.serialSeconds / 2);
        const vacancy = await withTenant(db.app, m, (trx) => findVacancy(trx, m, c.vacancyId));
        if (!vacancy) throw new Error(`${c.name}: vacancy not found`);
        const actor = { municipalityId: m };
        // Warm the caches for the current versions, then answer every query from rows read once.
        await withTenant(db.app, m, (trx) => rankCandidates(trx, actor, vacancy));
        const loaded = await withTenant(db.app, m, async (trx) => ({
          settings: await trx
            .selectFrom('allocation_settings')
            .select('settings')
            .where('municipality_id', '=', m)
            .execute(),
          // The rows as the heads statement returns them: each with the list version it belongs to.
          applications: await repo
            .rankingHeads(trx, m, c.vacancyId)
            .then(({ listVersion, heads }) => heads.map((h) => ({ ...h, list_version: listVersion }))),
        }));
        const canned = cannedDb(loaded);
        await waitForIdle(db.owner);
        breakdown = {
          rank: await loadFunction({
            connections: 1,
            seconds,
            call: () => withTenant(db.app, m, (trx) => rankCandidates(trx, actor, vacancy)),
          }),
          memory: await loadFunction({
            connections: 1,
            seconds,
            call: () => canned.transaction().execute((trx) => rankCandidates(trx, actor, vacancy)),
          }),
          stringify: await loadFunction({
            connections: 1,
            seconds,
            call: async () => JSON.stringify(list),
          }),
          // Last: it changes every application, so the rows the in-memory run answers with are outdated after it.
          rankCold: await cold(seconds, () =>
            withTenant(db.app, m, (trx) => rankCandidates(trx, actor, vacancy)),
          ),
        };
        await canned.destroy();
        // The cold runs left dead row versions behind; the loaded runs start from a clean table and warm caches.
        await sql`vacuum analyze allocation_application`.execute(db.owner);
        await fetch(`${base}${path}`, { headers: { cookie: cookies[0] ?? '' } }).then((r) => r.arrayBuffer());
      }

      log(`${c.name}: app, ${o.connections} connections`);
      if (o.warmupSeconds > 0) await http(o.connections, o.warmupSeconds);
      const appResult = await http(o.connections, o.seconds);
      log(`${c.name}: raw SQL, ${o.connections} connections`);
      if (o.warmupSeconds > 0) await raw(o.connections, o.warmupSeconds);
      const rawResult = await raw(o.connections, o.seconds);

      await waitForIdle(db.owner);
      const plan = await explain(url, m, compiled[1] as CompiledQuery);
      const factsPlan = await explain(url, m, factsQuery as CompiledQuery);
      const vacancyPlan = await explain(url, m, compiled[0] as CompiledQuery);
      results.push({
        name: c.name,
        description: c.description,
        vacancyId: c.vacancyId,
        areaStatus: list.areaStatus,
        matched,
        eligible: list.eligibleCount,
        excluded: list.excludedCount,
        responseBytes: Buffer.byteLength(body),
        app: appResult,
        raw: rawResult,
        serial,
        breakdown,
        plan,
        factsPlan,
        vacancyPlan,
        // Met only when the unchanged list and the list with one change before each request both meet it.
        meetsTarget: serial
          ? [serial.app, serial.changed].every((run) => run.requests > 0 && run.p95 < o.targetP95Ms)
          : undefined,
      });
    }

    const { log: _log, keep: _keep, adminUrl: _url, ...settings } = o;
    return {
      suite: 'allocation-ranking',
      date: new Date().toISOString(),
      machine: await machineInfo(db.owner),
      settings,
      data: { measured, neighbour: neighbourSeed, loadSeconds: Math.round(loadSeconds * 10) / 10 },
      cases: results,
    };
  } finally {
    await app?.close();
    await pool?.end();
    await db.close();
    if (o.keep) log(`Kept database ${o.database}`);
    else {
      await disconnected(o.adminUrl, o.database);
      await dropDatabase(o.adminUrl, o.database);
    }
  }
}

/**
 * Waits (up to 5 s) until every session of `database` has gone. A pg.Pool's end() resolves before
 * its connections have closed; dropping the database `with (force)` in that moment makes the
 * server terminate them, and the pool emits an unhandled error.
 */
async function disconnected(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const giveUp = performance.now() + 5000;
    while (performance.now() < giveUp) {
      const { rows } = await client.query<{ n: number }>(
        'select count(*)::int as n from pg_stat_activity where datname = $1',
        [database],
      );
      if (rows[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}

// ---- report ----

const both = (run: LoadResult | undefined) => (run ? `${latency(run, 'p50')} / ${latency(run, 'p95')}` : '–');

/** The results as Markdown: data, the single-connection (target) and loaded tables, the breakdown. */
export function allocationMarkdown(r: AllocationReport): string {
  const s = r.settings;
  const d = r.data.measured;
  const nb = r.data.neighbour;
  const target = `p95 < ${s.targetP95Ms} ms`;
  const out: string[] = [];
  out.push(`# Allocation candidate ranking benchmark, ${r.date.slice(0, 10)}`, '');
  out.push(`Machine: ${machineLine(r.machine)}.`, '');
  const others = Object.entries(d.applications)
    .filter(([status]) => status !== 'approved')
    .map(([status, n]) => `${count(n ?? 0)} ${status}`)
    .join(', ');
  out.push(
    `Data: ${count(d.applications.approved ?? 0)} approved applications (and ${others}) of ` +
      `${count(d.citizens)} citizens in one municipality, so every ranking reads ${count(d.waiting)} ` +
      `waiting applications (approved and paused); households of 1–5 with benefit periods, prison ` +
      `releases, terminated leases and citizenships for § 59 stk. 6–7; ${d.departments} departments, one ` +
      `udsat and one forebyggelse since ${d.areaStatusFrom}; ${count(d.vacancies.let)} let and ` +
      `${count(d.vacancies.returned)} returned vacancies, ${count(d.vacancies.open)} open ones, ` +
      `${count(d.offers.closed + d.offers.open)} offers (${d.offers.open} live) and ` +
      `${count(d.tenancies)} tenancies. A second municipality has ${count(nb.waiting)} waiting ` +
      `applications of its own. Generated, loaded and analysed in ${r.data.loadSeconds} s.`,
    '',
  );
  out.push(
    `Runs: ${s.serialSeconds} s on one connection, then ${s.seconds} s at ${s.connections} connections ` +
      `(closed loop), each after ${s.warmupSeconds} s warm-up; the census of the day was stored by a call ` +
      `before any run. The app's pool and the raw pool have ${s.connections} connections each; ${s.users} ` +
      `allocation officers' sessions take turns. The ranking keeps whole rankings per waiting-list version, ` +
      `and household facts and rule outcomes per application version, in the process, so the runs measure ` +
      `warm caches; the **1 changed** runs change one waiting application before each request (a new list ` +
      `version: the changed application is read and merged into the kept ranking), the **cold** runs change ` +
      `every waiting application. ` +
      `The target is met when both the unchanged and the 1 changed p95 are under it. Latencies in milliseconds.`,
    '',
  );
  if (r.cases.some((c) => c.serial)) {
    out.push('## One connection (an officer on an idle server; the target)', '');
    out.push(
      markdownTable(
        [
          'case',
          'ranked',
          'eligible',
          'answer',
          'p50',
          'p95',
          'p99',
          'req/s',
          'raw p50',
          'raw p95',
          'raw p99',
          'app÷raw p95',
          'EXPLAIN ANALYZE',
          '1 changed p50',
          '1 changed p95',
          target,
          'cold p50',
          'cold p95',
          'cold raw p50',
          'cold raw p95',
        ],
        r.cases.map((c) => [
          c.name,
          count(c.matched.app),
          count(c.eligible),
          `${(c.responseBytes / 1024).toFixed(0)} kB`,
          latency(c.serial?.app, 'p50'),
          latency(c.serial?.app, 'p95'),
          latency(c.serial?.app, 'p99'),
          count(c.serial?.app.rps ?? 0),
          latency(c.serial?.raw, 'p50'),
          latency(c.serial?.raw, 'p95'),
          latency(c.serial?.raw, 'p99'),
          ratio(c.serial?.app.p95 ?? Number.NaN, c.serial?.raw.p95 ?? 0),
          ms(c.plan.executionMs),
          latency(c.serial?.changed, 'p50'),
          latency(c.serial?.changed, 'p95'),
          c.meetsTarget === undefined ? '–' : c.meetsTarget ? 'yes' : '**no**',
          latency(c.serial?.cold, 'p50'),
          latency(c.serial?.cold, 'p95'),
          latency(c.serial?.rawCold, 'p50'),
          latency(c.serial?.rawCold, 'p95'),
        ]),
      ),
      '',
    );
    const paths = (x: Reads | undefined) =>
      x
        ? `${count(x.changes)} from the changes, ${count(x.full)} in full, ${count(x.memo)} from the memo`
        : '–';
    out.push(
      'How the rankings were made (`rankingReads`): ' +
        r.cases
          .map(
            (c) =>
              `${c.name}: 1 changed ${paths(c.serial?.changedReads)}; cold ${paths(c.serial?.coldReads)}`,
          )
          .join('; ') +
        '.',
      '',
    );
  }
  out.push(`## Under load (${s.connections} connections)`, '');
  out.push(
    markdownTable(
      ['case', ...APP_RAW_HEADER, 'app÷raw p95'],
      r.cases.map((c) => [c.name, ...appRawCells(c.app, c.raw), ratio(c.app.p95, c.raw.p95)]),
    ),
    '',
  );
  if (r.cases.some((c) => c.breakdown)) {
    out.push('## Where the time goes (one connection, p50 / p95)', '');
    out.push(
      markdownTable(
        [
          'case',
          'raw SQL',
          'rankCandidates',
          'in memory',
          'JSON.stringify',
          'whole request',
          'cold raw SQL',
          'cold rankCandidates',
          'cold request',
        ],
        r.cases.map((c) => [
          c.name,
          both(c.serial?.raw),
          both(c.breakdown?.rank),
          both(c.breakdown?.memory),
          both(c.breakdown?.stringify),
          both(c.serial?.app),
          both(c.serial?.rawCold),
          both(c.breakdown?.rankCold),
          both(c.serial?.cold),
        ]),
      ),
      '',
    );
  }
  const problems = r.cases.flatMap((c) => {
    const runs: [string, LoadResult | undefined][] = [
      ['app', c.app],
      ['raw', c.raw],
      ['app, one connection', c.serial?.app],
      ['app, one connection, one changed', c.serial?.changed],
      ['raw, one connection', c.serial?.raw],
      ['app, one connection, cold', c.serial?.cold],
    ];
    return runs.flatMap(([label, x]) => {
      if (!x || (x.errors === 0 && x.requests > 0)) return [];
      const timeouts = x.timeouts ? ` (${x.timeouts} timed out after ${TIMEOUT_SECONDS} s)` : '';
      return [`${c.name} (${label}): ${x.requests} answered, ${x.errors} failed${timeouts}`];
    });
  });
  out.push(
    problems.length
      ? `**Failed or unanswered requests** (“> N s” in a table: no request of that run was answered within its N seconds): ${problems.join('; ')}.`
      : 'Every request was answered, none failed.',
    '',
  );
  out.push('## What is measured', '');
  for (const c of r.cases)
    out.push(`- **${c.name}**: \`GET /api/allocation/vacancies/:id/candidates\` for ${c.description}.`);
  out.push(
    '',
    '- **app**: the whole request over HTTP on localhost: Fastify, the session cookie ' +
      '(`auth_session_touch`, user and permissions), `findVacancyToRank` (the vacancy with its area status, ' +
      "the policy, the census flag and the waiting list's version in one statement); the ranking from the " +
      "process's memo while the list's version is unchanged; when it moved, `rankingChanges` (the " +
      'applications changed since the memo, with their facts and live offers, and the new version, in one ' +
      'statement) merged into the memo; with no memo, `rankingHeads` (every waiting ' +
      "application's small columns and live offers), the household facts and rule " +
      "outcomes from the process's caches and the sort; `rankingDetails` (citizen, name and household of the candidates shown), " +
      'the audit row (hash chain) and the JSON answer (the first page of the eligible and of the excluded, ' +
      'with both counts), in one transaction bound to the tenant.',
    '- **raw**: the three statements a warm answer reads with (`findVacancyToRank`, `rankingHeads`, ' +
      '`rankingDetails`), compiled once and run in turn through a `pg.Pool` whose connections are bound to ' +
      '`hjemvej_app` and the tenant at start-up, row-level security included. **cold raw** adds ' +
      '`rankingFacts` for every waiting application.',
    '- **1 changed**: before each request (not timed) one waiting application gets a new version (and ' +
      'with it the waiting list), so the request reads `rankingChanges`: only the changed application, its ' +
      'facts and its rules, merged into the last ranking.',
    '- **cold**: before each request (not timed) every waiting application gets a new version, so the ' +
      "ranking reads every household's facts again and runs every rule.",
    '- **raw** is what a request reads when it ranks the whole list (no memo); an unchanged list is not ' +
      'read at all, a changed one only where it changed.',
    '- **rankCandidates** runs the service function (without the memo of whole rankings) in a tenant ' +
      'transaction without HTTP, census or audit; ' +
      '**in memory** runs it on rows read before (no database); **JSON.stringify** serialises the answer ' +
      '(as Fastify does: the route has no response schema to run).',
    '- **app÷raw** compares the app with the raw SQL; **EXPLAIN ANALYZE** is the execution time PostgreSQL ' +
      'reports for `rankingHeads` on a warm cache.',
    '',
  );
  const misses = r.cases.filter((c) => c.meetsTarget === false);
  if (misses.length) {
    out.push(`## Query plans of the cases over ${s.targetP95Ms} ms`, '');
    for (const c of misses) {
      out.push(`### ${c.name}: the waiting list (rankingHeads)`, '', '```text', c.plan.text, '```', '');
      out.push(
        `### ${c.name}: every household's facts (rankingFacts, cold)`,
        '',
        '```text',
        c.factsPlan.text,
        '```',
        '',
      );
      out.push(`### ${c.name}: the vacancy`, '', '```text', c.vacancyPlan.text, '```', '');
    }
  }
  return out.join('\n');
}
