import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { type Cell, copyRows } from '../src/server/db/copy';
import { APP_ROLE, acceptStagedRows, type Db, openDatabase, withTenant } from '../src/server/db/database';
import type { Database } from '../src/server/db/schema';
import { migrate } from '../src/server/migrate';
import { createUser } from '../src/server/modules/access/access.service';
import { createMunicipality } from '../src/server/modules/access/municipality.service';
import { importNotices } from '../src/server/modules/prevention/prevention.import';
import * as repo from '../src/server/modules/prevention/prevention.repository';
import { listCases, tenancyKey } from '../src/server/modules/prevention/prevention.service';
import type { Actor } from '../src/server/platform/actor';
import { readTable } from '../src/server/platform/import/read';
import { MAX_UPLOAD_BYTES } from '../src/server/plugins/upload';
import { dropDatabase, recreateDatabase } from '../src/server/test/pg-admin';
import { parseCpr } from '../src/shared/citizens/cpr';
import { today } from '../src/shared/dates';
import type { ImportReport } from '../src/shared/import';
import type { Role } from '../src/shared/permissions';
import { type CasesPage, INBOX_PAGE_SIZE } from '../src/shared/prevention/api';
import type { ActionKind, NoticeSource, Outcome, ReportedVia } from '../src/shared/prevention/model';
import { byRank, FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from './lib/danish-names';
import { type HttpRequest, type LoadResult, loadFunction, loadHttp, TIMEOUT_SECONDS } from './lib/load';
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

/**
 * Eviction prevention (issue 6 "Done when"): the inbox (GET /api/prevention/cases) on one
 * municipality with 100,000 notices, and the notice import (POST /api/prevention/notices/import),
 * each measured through the whole application next to its raw baseline: the statements `listCases`
 * sends, run straight through a pg.Pool, and COPY of the imported rows into a scratch table.
 * Goals: inbox p95 < 50 ms; import ≥ 20,000 rows/s on PostgreSQL.
 */
export interface PreventionBenchOptions {
  /** Admin URL of the PostgreSQL server; the benchmark database is created next to it. */
  adminUrl: string;
  /** Name of the benchmark database (dropped and recreated). */
  database: string;
  /** Notices in the measured municipality (grouped into cases of ~1.3 notices). */
  notices: number;
  /** Notices of a second municipality, so that tenant filtering has rows to skip. */
  neighbourNotices: number;
  /** Rows of the imported CSV file(s). */
  importRows: number;
  /** Largest CSV file sent in one request; more rows are split over several files (the server takes 5 MiB). */
  maxFileBytes: number;
  /** Concurrent connections of the loaded runs; also the size of both connection pools. */
  connections: number;
  /** Seconds of each loaded run (app and raw, per case). */
  seconds: number;
  /** Seconds of unmeasured load before each run. */
  warmupSeconds: number;
  /** Seconds of each single-connection run (the inbox target); 0 skips them and the breakdown. */
  serialSeconds: number;
  /** Prevention workers logged in; inbox requests take their sessions in turn. */
  users: number;
  /** The inbox goal: single-connection p95 below this many milliseconds. */
  targetP95Ms: number;
  /** The import goal: at least this many rows per second, end to end. */
  targetRowsPerSecond: number;
  /** Keep the benchmark database afterwards. */
  keep: boolean;
  log: (line: string) => void;
}

export const DEFAULT_OPTIONS: Omit<PreventionBenchOptions, 'adminUrl'> = {
  database: 'hjemvej_bench',
  notices: 100_000,
  neighbourNotices: 10_000,
  importRows: 20_000,
  maxFileBytes: MAX_UPLOAD_BYTES,
  connections: 32,
  seconds: 10,
  warmupSeconds: 2,
  serialSeconds: 5,
  users: 4,
  targetP95Ms: 50,
  targetRowsPerSecond: 20_000,
  keep: false,
  log: () => {},
};

/** Rows given as objects, copied column by column in the order of the first row's keys. */
async function copyObjects(client: pg.Client, table: string, rows: Record<string, Cell>[]) {
  const first = rows[0];
  if (!first) return 0;
  const columns = Object.keys(first);
  return copyRows(
    client,
    table,
    columns,
    rows.map((r) => columns.map((c) => r[c] ?? null)),
  );
}

// ---- data ----

const FAMILY = new Weighted(FAMILY_NAMES);
const MALE = new Weighted(byRank(MALE_GIVEN_NAMES));
const FEMALE = new Weighted(byRank(FEMALE_GIVEN_NAMES));
const STREETS = [
  'Vestergade',
  'Nørregade',
  'Østergade',
  'Søndergade',
  'Skovvej',
  'Engvej',
  'Parkvej',
  'Birkevej',
  'Bøgevej',
  'Egevej',
  'Ahornvej',
  'Lindevej',
  'Kastanievej',
  'Rosenvej',
  'Tulipanvej',
  'Violvej',
  'Stationsvej',
  'Skolevej',
  'Kirkevej',
  'Møllevej',
  'Havnegade',
  'Strandvejen',
  'Toften',
  'Vængetvej',
  'Holmevej',
  'Bakkevej',
  'Solvej',
  'Granvej',
  'Fyrrevej',
  'Elmevej',
  'Kongevejen',
  'Jernbanegade',
  'Torvegade',
  'Åboulevarden',
  'Grønnegade',
  'Mejerivej',
  'Smedevej',
  'Markvej',
  'Agervej',
  'Rugvænget',
];
const NOTICES_PER_CASE = new Weighted<number>([
  [1, 76],
  [2, 19],
  [3, 4],
  [4, 1],
]);
const FIRST_SOURCE = new Weighted<NoticeSource>([
  ['public_landlord', 78],
  ['private_landlord', 14],
  ['bailiff_court', 8],
]);
const LATER_SOURCE = new Weighted<NoticeSource>([
  ['bailiff_court', 45],
  ['public_landlord', 45],
  ['private_landlord', 10],
]);
const OUTCOME = new Weighted<Outcome>([
  ['averted_paid', 38],
  ['averted_plan', 22],
  ['averted_help', 10],
  ['moved', 18],
  ['evicted', 12],
]);
const ACTION = new Weighted<ActionKind>([
  ['contact_letter', 25],
  ['contact_phone', 25],
  ['home_visit', 10],
  ['debt_advice', 12],
  ['payment_plan', 10],
  ['help_81a', 6],
  ['help_81', 3],
  ['deposit_loan', 2],
  ['fast_track', 7],
]);
const ACTIONS_CLOSED = new Weighted<number>([
  [0, 10],
  [1, 30],
  [2, 30],
  [3, 20],
  [4, 10],
]);
const ACTIONS_OPEN = new Weighted<number>([
  [0, 40],
  [1, 35],
  [2, 25],
]);
const RESULTS: Partial<Record<ActionKind, string[]>> = {
  contact_phone: ['Talt med lejer', 'Ingen svar, lagt besked', 'Lejer vil betale inden fristen'],
  contact_letter: ['Brev om tilbud om hjælp sendt'],
  home_visit: ['Lejer hjemme, aftalt møde', 'Ingen hjemme'],
  debt_advice: ['Henvist til gældsrådgivning'],
  payment_plan: ['Afdragsordning aftalt med udlejer'],
};
const OUTCOME_NOTES = ['Restancen betalt', 'Afdragsordning overholdes', 'Flyttet til mindre bolig', null];

/** The fraction of cases still open: a few thousand of 100,000 notices. */
const OPEN_SHARE = 0.04;
/** The cases whose tenant is named by CPR (and so linked to a citizen). */
const CPR_SHARE = 0.72;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The k-th fake CPR number of a municipality: DDMM + YY (60 for the measured municipality) + a
 * serial with 7th digit 5–8, which the century rule places in 1858–1899, so no living person
 * holds it (as in prevention.routes.test.ts).
 */
export function fakeCpr(k: number, yy: string): string {
  const serial = 5000 + Math.floor(k / 336);
  if (serial > 8999) throw new Error(`Too many fake CPR numbers (${k})`);
  return `${pad(1 + (k % 28))}${pad(1 + (Math.floor(k / 28) % 12))}${yy}${serial}`;
}

interface Tenant {
  cpr: string | null;
  name: string;
  address: string;
  sex: 'male' | 'female';
  given: string;
  family: string;
}

function tenant(random: Random, cpr: string | null, address: string): Tenant {
  const male = cpr ? Number(cpr[9]) % 2 === 1 : random.chance(0.55);
  const given = (male ? MALE : FEMALE).pick(random);
  const family = FAMILY.pick(random);
  return { cpr, name: `${given} ${family}`, address, sex: male ? 'male' : 'female', given, family };
}

function address(random: Random): string {
  const floor = random.int(0, 4);
  const side = random.pick(['tv.', 'th.', 'mf.']);
  return `${random.pick(STREETS)} ${random.int(1, 160)}, ${floor === 0 ? 'st.' : `${floor}.`} ${side}`;
}

export interface PreventionSeedOptions {
  municipalityId: string;
  municipalityCode: string;
  notices: number;
  seed: number;
  /** The date the data is generated around ('YYYY-MM-DD'); everything lies on or before it. */
  today: string;
  /** YY of the fake CPR numbers (a different one per municipality). */
  cprYear: string;
  /** Who recorded notices and actions: prevention workers, the importing user, a housing-organisation user. */
  workers: string[];
  importer: string;
  partner: string;
}

export interface PreventionSeedResult {
  notices: number;
  noticesBySource: Record<NoticeSource, number>;
  noticesByVia: Record<ReportedVia, number>;
  cases: { open: number; closed: number; withChildren: number; withCitizen: number; knownNeed: number };
  outcomes: Partial<Record<Outcome, number>>;
  actions: number;
  citizens: number;
  organisations: number;
  departments: number;
  /** Department numbers, for the import's `afdeling` column. */
  departmentNumbers: string[];
  /** Tenants of open cases (a new notice for them joins the case). */
  openTenants: Tenant[];
  /** Tenants with a CPR number whose cases are all closed (a new notice opens a new case). */
  closedTenants: Tenant[];
  /** The next unused fake-CPR index. */
  nextCpr: number;
}

/**
 * One municipality's eviction-prevention data over three years: housing organisations and
 * departments, cases of 1–4 notices (public and private landlords, the bailiff's court), children
 * in a quarter of them, actions, outcomes for the closed ones and a few thousand open ones,
 * tenants linked to citizens by CPR. Deterministic for a seed and a date; loaded with COPY as the
 * owner (no row-level security).
 */
export async function seedPrevention(
  client: pg.Client,
  o: PreventionSeedOptions,
): Promise<PreventionSeedResult> {
  const random = new Random(o.seed);
  const day = dayNumber(o.today);
  const m = o.municipalityId;
  const at = (d: number, time = '09:00') => `${isoDate(d)}T${time}:00Z`;

  // Housing: 3 organisations × 5 departments with unique numbers.
  const organisations: Record<string, Cell>[] = [];
  const departments: Record<string, Cell>[] = [];
  for (const [i, name] of ['Bench Boligselskab', 'Bench Boligforening', 'Bench Almene Boliger'].entries()) {
    const orgId = random.uuid();
    organisations.push({
      id: orgId,
      municipality_id: m,
      name,
      address: `${STREETS[i]} 1`,
      created_at: o.today,
    });
    for (let d = 1; d <= 5; d++)
      departments.push({
        id: random.uuid(),
        municipality_id: m,
        organisation_id: orgId,
        number: `${i + 1}0${d}`,
        name: `${STREETS[(i * 5 + d) % STREETS.length]}parken`,
        address: `${STREETS[(i * 5 + d) % STREETS.length]} ${d * 10}`,
        units_family: random.int(80, 400),
        units_youth: random.int(0, 40),
        units_elderly: random.int(0, 30),
        units_alternative: random.int(0, 5),
        turnover_percent: random.int(60, 140) / 10,
        created_at: o.today,
      });
  }

  const citizens: Record<string, Cell>[] = [];
  const cases: Record<string, Cell>[] = [];
  const notices: Record<string, Cell>[] = [];
  const actions: Record<string, Cell>[] = [];
  const result: PreventionSeedResult = {
    notices: 0,
    noticesBySource: { public_landlord: 0, private_landlord: 0, bailiff_court: 0 },
    noticesByVia: { form: 0, import: 0, partner: 0 },
    cases: { open: 0, closed: 0, withChildren: 0, withCitizen: 0, knownNeed: 0 },
    outcomes: {},
    actions: 0,
    citizens: 0,
    organisations: organisations.length,
    departments: departments.length,
    departmentNumbers: departments.map((d) => d.number as string),
    openTenants: [],
    closedTenants: [],
    nextCpr: 0,
  };
  const citizenOf = new Map<string, string>();
  // Tenants whose cases are all closed, who may come back with a new case at the same address.
  const returning: Tenant[] = [];
  const openKeys = new Set<string>();
  const first = day - 3 * 365;

  while (result.notices < o.notices) {
    const open = random.chance(OPEN_SHARE);
    let t: Tenant;
    const back = returning.length > 0 && random.chance(0.1);
    if (back) {
      const i = random.int(0, returning.length - 1);
      t = returning[i] as Tenant;
      if (open) returning.splice(i, 1);
    } else {
      const cpr = random.chance(CPR_SHARE) ? fakeCpr(result.nextCpr++, o.cprYear) : null;
      t = tenant(random, cpr, address(random));
    }
    let key = tenancyKey(t.cpr, t.name, t.address);
    // Only one open case per tenancy (the unique index): a new tenant at a taken address moves.
    while (open && openKeys.has(key)) {
      t = { ...t, address: address(random) };
      key = tenancyKey(t.cpr, t.name, t.address);
    }
    if (open) openKeys.add(key);

    const openedOn = open ? day - random.int(0, 100) : random.int(first, day - 20);
    const known = t.cpr !== null && random.chance(0.15);
    let citizenId: string | null = null;
    if (t.cpr) {
      citizenId = citizenOf.get(t.cpr) ?? null;
      if (!citizenId) {
        citizenId = random.uuid();
        citizenOf.set(t.cpr, citizenId);
        const parsed = parseCpr(t.cpr);
        if (!parsed.ok) throw new Error(`Bad fake CPR ${t.cpr}`);
        const registered = known ? openedOn - random.int(60, 1500) : openedOn;
        citizens.push({
          id: citizenId,
          municipality_id: m,
          cpr: t.cpr,
          birth_date: parsed.birthDate,
          sex: parsed.sex,
          initials: `${t.given[0]}${t.family[0]}`,
          given_name: t.given,
          family_name: t.family,
          address: t.address,
          handlekommune: o.municipalityCode,
          registered_on: isoDate(registered),
          created_at: at(registered),
          updated_at: at(registered),
          created_by: o.importer,
        });
      }
    }
    const children = random.chance(0.25);
    const caseId = random.uuid();
    const departmentRow = random.pick(departments);

    // The notices: the first opens the case, later ones follow it up the steps.
    const n = Math.min(NOTICES_PER_CASE.pick(random), o.notices - result.notices);
    let received = openedOn;
    const outcomeOn = open ? null : Math.min(day, openedOn + random.int(10, 150));
    const last = outcomeOn ?? day;
    let bailiff = false;
    // The facts the case carries (migration 0008): first bailiff's notice, latest eviction date, latest action.
    let bailiffOn: number | null = null;
    let latestEviction: number | null = null;
    let lastAction: number | null = null;
    let firstSource: NoticeSource = 'public_landlord';
    for (let k = 0; k < n; k++) {
      if (k > 0) received = Math.min(last, received + random.int(7, 60));
      const source = (k === 0 ? FIRST_SOURCE : LATER_SOURCE).pick(random);
      if (k === 0) firstSource = source;
      const months = random.int(1, 6);
      const court = source === 'bailiff_court';
      bailiff ||= court;
      const eviction = court && random.chance(0.7) ? received + random.int(14, 60) : null;
      if (court && (bailiffOn === null || received < bailiffOn)) bailiffOn = received;
      if (eviction !== null && (latestEviction === null || eviction > latestEviction))
        latestEviction = eviction;
      const via: ReportedVia =
        source === 'private_landlord'
          ? 'form'
          : court
            ? random.chance(0.6)
              ? 'import'
              : 'form'
            : random.pick<ReportedVia>(['import', 'import', 'import', 'partner', 'form']);
      notices.push({
        id: random.uuid(),
        municipality_id: m,
        case_id: caseId,
        source,
        received_on: isoDate(received),
        tenant_cpr: t.cpr,
        arrears_amount: months * random.int(30, 90) * 100 + random.int(0, 99),
        arrears_months: months,
        paakrav_on: isoDate(received - random.int(1, 10)),
        termination_on: k > 0 || court ? isoDate(received - random.int(0, 5)) : null,
        bailiff_filed_on: court ? isoDate(received - random.int(0, 7)) : null,
        eviction_date: eviction === null ? null : isoDate(eviction),
        children_under_18: children,
        reported_via: via,
        reported_by: via === 'import' ? o.importer : via === 'partner' ? o.partner : random.pick(o.workers),
        import_key: via === 'import' ? randomKey(random) : null,
        created_at: at(received, '10:00'),
      });
      result.notices++;
      result.noticesBySource[source]++;
      result.noticesByVia[via]++;
    }

    // Actions between the first notice and the outcome (or today).
    const kinds = (open ? ACTIONS_OPEN : ACTIONS_CLOSED).pick(random);
    let helped = false;
    for (let k = 0; k < kinds; k++) {
      const kind = ACTION.pick(random);
      const doneOn = Math.min(last, openedOn + random.int(0, Math.max(0, last - openedOn)));
      helped ||= ['help_81', 'help_81a', 'payment_plan', 'deposit_loan'].includes(kind);
      if (lastAction === null || doneOn > lastAction) lastAction = doneOn;
      const respondBy = kind === 'fast_track' ? doneOn + 5 : null;
      actions.push({
        id: random.uuid(),
        municipality_id: m,
        case_id: caseId,
        kind,
        done_on: isoDate(doneOn),
        result: random.pick(RESULTS[kind] ?? [null]),
        amount: ['help_81', 'help_81a', 'deposit_loan'].includes(kind) ? random.int(20, 300) * 100 : null,
        respond_by: respondBy === null ? null : isoDate(respondBy),
        responded_on:
          respondBy !== null && (!open || random.chance(0.5)) ? isoDate(Math.min(day, respondBy - 1)) : null,
        created_by: random.pick(o.workers),
        created_at: at(doneOn, '13:00'),
      });
      result.actions++;
    }
    const outcome = open ? null : OUTCOME.pick(random);
    const noHelp =
      bailiff && !helped && random.chance(0.5) ? Math.min(last, openedOn + random.int(1, 14)) : null;
    cases.push({
      id: caseId,
      municipality_id: m,
      citizen_id: citizenId,
      tenant_name: t.name,
      address: t.address,
      tenancy_key: key,
      department_id:
        firstSource === 'public_landlord' && random.chance(0.9) ? (departmentRow.id as string) : null,
      children_under_18: children,
      known_need: known,
      opened_on: isoDate(openedOn),
      status: open ? 'open' : 'closed',
      outcome,
      outcome_on: outcomeOn === null ? null : isoDate(outcomeOn),
      outcome_note: outcome ? random.pick(OUTCOME_NOTES) : null,
      no_help_decision_on: noHelp === null ? null : isoDate(noHelp),
      no_help_reason: noHelp === null ? null : 'Lejer har selv betalt restancen',
      bailiff_notice_on: bailiffOn === null ? null : isoDate(bailiffOn),
      eviction_date: latestEviction === null ? null : isoDate(latestEviction),
      last_action_on: lastAction === null ? null : isoDate(lastAction),
      help_given: helped,
      created_at: at(openedOn, '10:00'),
    });
    if (open) {
      result.cases.open++;
      result.openTenants.push(t);
    } else {
      result.cases.closed++;
      if (outcome) result.outcomes[outcome] = (result.outcomes[outcome] ?? 0) + 1;
      if (t.cpr && !back) returning.push(t);
    }
    if (children) result.cases.withChildren++;
    if (citizenId) result.cases.withCitizen++;
    if (known) result.cases.knownNeed++;
  }
  // Tenants of closed cases who have no open one now.
  const openCprs = new Set(result.openTenants.flatMap((t) => (t.cpr ? [t.cpr] : [])));
  result.closedTenants = returning.filter((t) => t.cpr && !openCprs.has(t.cpr));
  result.citizens = citizens.length;

  await client.query('begin');
  try {
    await copyObjects(client, 'housing_organisation', organisations);
    await copyObjects(client, 'housing_department', departments);
    await copyObjects(client, 'citizen', citizens);
    await copyObjects(client, 'eviction_case', cases);
    await copyObjects(client, 'eviction_notice', notices);
    await copyObjects(client, 'eviction_action', actions);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  return result;
}

/** A key shaped like an import key (43 characters of base64url, as a sha256 digest). */
function randomKey(random: Random): string {
  const bytes = Buffer.alloc(32);
  for (let i = 0; i < 32; i += 4) bytes.writeUInt32LE(Math.floor(random.next() * 2 ** 32), i);
  return bytes.toString('base64url');
}

// ---- the import file ----

/** The import file's columns (prevention.import.ts COLUMNS), in the order written. */
const IMPORT_HEADER = [
  'kilde',
  'modtaget',
  'cpr',
  'navn',
  'adresse',
  'afdeling',
  'restance',
  'maaneder',
  'paakrav',
  'ophaevelse',
  'fogedsag',
  'udsaettelse',
  'boern',
];

/** One notice of the import, normalised (what the server should make of the line). */
export interface ImportNotice {
  source: NoticeSource;
  receivedOn: string;
  cpr: string | null;
  name: string;
  address: string;
  department: string | null;
  amount: number;
  months: number;
  paakravOn: string | null;
  terminationOn: string | null;
  bailiffFiledOn: string | null;
  evictionDate: string | null;
  children: boolean;
  /** The line as written to the file (without the newline). */
  line: string;
}

export interface ImportFile {
  rows: ImportNotice[];
  /** The CSV lines (header first) as sent. */
  text: string;
  bytes: number;
}

export interface ImportMix {
  /** Rows for a tenant with an open case (the notice joins it). */
  joinOpen: number;
  /** Rows for a known citizen whose earlier cases are closed (a new case, linked). */
  returning: number;
  /** Rows with a CPR number the registry does not know (a new citizen is registered). */
  newCpr: number;
  /** Rows without CPR (the case is keyed by name and address). */
  noCpr: number;
  /** Rows that follow up an earlier row of the same file (same tenancy, a later step). */
  followUp: number;
}

const SOURCE_WORD: Record<NoticeSource, string[]> = {
  public_landlord: ['udlejer_almen', 'almen', 'public_landlord'],
  private_landlord: ['udlejer_privat', 'privat'],
  bailiff_court: ['fogedret', 'fogedretten'],
};

/**
 * `rows` new notices in the import's CSV format (semicolons, Danish words and number formats,
 * dates as YYYY-MM-DD or DD-MM-YYYY), received in the last 45 days: follow-ups of open cases,
 * returning tenants, new CPR numbers and tenants without one. CPR numbers start at index `cprFrom`.
 */
export function importNoticesFor(
  seed: PreventionSeedResult,
  options: { rows: number; seed: number; today: string; cprFrom: number; cprYear: string },
): { rows: ImportNotice[]; mix: ImportMix; nextCpr: number } {
  const random = new Random(options.seed);
  const day = dayNumber(options.today);
  const rows: ImportNotice[] = [];
  const mix: ImportMix = { joinOpen: 0, returning: 0, newCpr: 0, noCpr: 0, followUp: 0 };
  let nextCpr = options.cprFrom;
  const lines = new Set<string>();
  const earlier: { t: Tenant; received: number; department: string | null }[] = [];
  while (rows.length < options.rows) {
    let t: Tenant;
    let received = day - random.int(0, 45);
    let department: string | null = null;
    let later = false;
    const r = random.next();
    if (earlier.length > 0 && r < 0.1) {
      const e = random.pick(earlier);
      t = e.t;
      department = e.department;
      received = Math.min(day, e.received + random.int(1, 20));
      later = true;
      mix.followUp++;
    } else if (r < 0.18 && seed.openTenants.length > 0) {
      t = random.pick(seed.openTenants);
      later = true;
      mix.joinOpen++;
    } else if (r < 0.33 && seed.closedTenants.length > 0) {
      t = random.pick(seed.closedTenants);
      mix.returning++;
    } else if (r < 0.75) {
      t = tenant(random, fakeCpr(nextCpr++, options.cprYear), address(random));
      mix.newCpr++;
    } else {
      t = tenant(random, null, address(random));
      mix.noCpr++;
    }
    const source = (later ? LATER_SOURCE : FIRST_SOURCE).pick(random);
    const court = source === 'bailiff_court';
    if (source === 'public_landlord' && !later && random.chance(0.7))
      department = random.pick(seed.departmentNumbers);
    const months = random.int(1, 6);
    const notice: Omit<ImportNotice, 'line'> = {
      source,
      receivedOn: isoDate(received),
      cpr: t.cpr,
      name: t.name,
      address: t.address,
      department: source === 'public_landlord' ? department : null,
      amount: months * random.int(30, 90) * 100 + (random.chance(0.3) ? random.int(1, 99) / 100 : 0),
      months,
      paakravOn: isoDate(received - random.int(1, 10)),
      terminationOn: later || court ? isoDate(received - random.int(0, 5)) : null,
      bailiffFiledOn: court ? isoDate(received - random.int(0, 7)) : null,
      evictionDate: court && random.chance(0.7) ? isoDate(received + random.int(14, 60)) : null,
      children: random.chance(0.25),
    };
    const line = csvLine(notice, random);
    // Identical lines would be one line to the import (same import key); none are made.
    if (lines.has(line)) continue;
    lines.add(line);
    rows.push({ ...notice, line });
    if (!later) earlier.push({ t, received, department: notice.department });
  }
  return { rows, mix, nextCpr };
}

/** The CSV line of a notice, in one of the ways a landlord's or the court's system might write it. */
function csvLine(n: Omit<ImportNotice, 'line'>, random: Random): string {
  const danish = random.chance(0.3);
  const date = (d: string | null) =>
    d === null ? '' : danish ? `${d.slice(8)}-${d.slice(5, 7)}-${d.slice(0, 4)}` : d;
  const whole = Math.floor(n.amount);
  const ore = Math.round((n.amount - whole) * 100);
  const thousands = random.chance(0.5) ? String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.') : String(whole);
  const amount = ore ? `${thousands},${pad(ore)}` : thousands;
  const cpr = n.cpr ? (random.chance(0.5) ? `${n.cpr.slice(0, 6)}-${n.cpr.slice(6)}` : n.cpr) : '';
  return [
    random.pick(SOURCE_WORD[n.source]),
    date(n.receivedOn),
    cpr,
    n.name,
    n.address,
    n.department ?? '',
    amount,
    String(n.months),
    date(n.paakravOn),
    date(n.terminationOn),
    date(n.bailiffFiledOn),
    date(n.evictionDate),
    n.children ? 'ja' : 'nej',
  ].join(';');
}

/** The rows as CSV files of at most `maxBytes` each, every one with the header line. */
export function importFiles(rows: ImportNotice[], maxBytes: number): ImportFile[] {
  const header = `${IMPORT_HEADER.join(';')}\n`;
  const files: ImportFile[] = [];
  let current: { rows: ImportNotice[]; lines: string[]; bytes: number } | undefined;
  const flush = () => {
    if (!current) return;
    const text = header + current.lines.join('');
    files.push({ rows: current.rows, text, bytes: Buffer.byteLength(text) });
    current = undefined;
  };
  for (const row of rows) {
    const line = `${row.line}\n`;
    const bytes = Buffer.byteLength(line);
    if (current && current.bytes + bytes > maxBytes) flush();
    current ??= { rows: [], lines: [], bytes: Buffer.byteLength(header) };
    if (current.bytes + bytes > maxBytes) throw new Error(`maxFileBytes ${maxBytes} is less than one line`);
    current.rows.push(row);
    current.lines.push(line);
    current.bytes += bytes;
  }
  flush();
  return files;
}

/**
 * What `recordNotices` writes for `rows`, done with COPY: the registry and the open cases are looked
 * up by CPR and tenancy key, citizens are registered for unknown CPR numbers, one case is opened
 * per new tenancy and every notice is inserted with its import key. Runs in a transaction as the
 * owner (no row-level security) and is rolled back, so the import proper still finds the rows new.
 */
export async function copyImportWrites(client: pg.Client, m: string, importer: string, rows: ImportNotice[]) {
  const started = performance.now();
  await client.query('begin');
  try {
    const departments = new Map(
      (
        await client.query<{ number: string; id: string }>(
          'select number, id from housing_department where municipality_id = $1',
          [m],
        )
      ).rows.map((r) => [r.number, r.id]),
    );
    const cprs = [...new Set(rows.flatMap((r) => (r.cpr ? [r.cpr] : [])))];
    const registry = new Map(
      (
        await client.query<{ cpr: string; id: string }>(
          'select cpr, coalesce(merged_into, id) as id from citizen where municipality_id = $1 and cpr = any($2)',
          [m, cprs],
        )
      ).rows.map((r) => [r.cpr, r.id]),
    );
    const keyOf = (r: ImportNotice) => tenancyKey(r.cpr, r.name, r.address);
    const keys = [...new Set(rows.map(keyOf))];
    const open = new Map(
      (
        await client.query<{ tenancy_key: string; id: string }>(
          `select tenancy_key, id from eviction_case
           where municipality_id = $1 and status = 'open' and tenancy_key = any($2)`,
          [m, keys],
        )
      ).rows.map((r) => [r.tenancy_key, r.id]),
    );
    const lookedUp = performance.now();
    const known = new Set(registry.keys());
    const firstOf = new Map<string, ImportNotice>();
    for (const r of rows) if (r.cpr && !firstOf.has(r.cpr)) firstOf.set(r.cpr, r);
    const citizens: Cell[][] = [];
    for (const cpr of cprs) {
      if (registry.has(cpr)) continue;
      const r = firstOf.get(cpr) as ImportNotice;
      const parsed = parseCpr(cpr);
      const words = r.name.split(' ');
      const id = randomUUID();
      registry.set(cpr, id);
      citizens.push([
        id,
        m,
        cpr,
        parsed.ok ? parsed.birthDate : '1900-01-01',
        parsed.ok ? parsed.sex : 'male',
        words.slice(0, -1).join(' ') || null,
        words.at(-1) ?? null,
        r.address,
        importer,
      ]);
    }
    const cases = new Map<string, Cell[]>();
    for (const r of rows) {
      const key = keyOf(r);
      if (open.has(key)) continue;
      const bailiffOn = r.source === 'bailiff_court' ? r.receivedOn : null;
      const c = cases.get(key);
      if (c) {
        if (r.receivedOn < (c[8] as string)) c[8] = r.receivedOn;
        if (r.children) c[6] = true;
        // The facts a case carries (migration 0008): the first bailiff's notice, the latest eviction date.
        if (bailiffOn && (c[10] === null || bailiffOn < (c[10] as string))) c[10] = bailiffOn;
        if (r.evictionDate && (c[11] === null || r.evictionDate > (c[11] as string))) c[11] = r.evictionDate;
        continue;
      }
      cases.set(key, [
        randomUUID(),
        m,
        r.cpr ? (registry.get(r.cpr) ?? null) : null,
        r.name,
        r.address,
        key,
        r.children,
        r.cpr !== null && known.has(r.cpr),
        r.receivedOn,
        r.department ? (departments.get(r.department) ?? null) : null,
        bailiffOn,
        r.evictionDate,
      ]);
    }
    const notices = rows.map((r) => {
      const key = keyOf(r);
      return [
        m,
        open.get(key) ?? (cases.get(key)?.[0] as string),
        r.source,
        r.receivedOn,
        r.cpr,
        r.amount,
        r.months,
        r.paakravOn,
        r.terminationOn,
        r.bailiffFiledOn,
        r.evictionDate,
        r.children,
        'import',
        importer,
        createHash('sha256').update(r.line.split(';').join('\u001f')).digest('base64url'),
      ];
    });
    const built = performance.now();
    await copyRows(
      client,
      'citizen',
      [
        'id',
        'municipality_id',
        'cpr',
        'birth_date',
        'sex',
        'given_name',
        'family_name',
        'address',
        'created_by',
      ],
      citizens,
    );
    const citizensDone = performance.now();
    await copyRows(
      client,
      'eviction_case',
      [
        'id',
        'municipality_id',
        'citizen_id',
        'tenant_name',
        'address',
        'tenancy_key',
        'children_under_18',
        'known_need',
        'opened_on',
        'department_id',
        'bailiff_notice_on',
        'eviction_date',
      ],
      [...cases.values()],
    );
    const casesDone = performance.now();
    await copyRows(
      client,
      'eviction_notice',
      [
        'municipality_id',
        'case_id',
        'source',
        'received_on',
        'tenant_cpr',
        'arrears_amount',
        'arrears_months',
        'paakrav_on',
        'termination_on',
        'bailiff_filed_on',
        'eviction_date',
        'children_under_18',
        'reported_via',
        'reported_by',
        'import_key',
      ],
      notices,
    );
    // As the import: the open cases that got notices learn their facts (migration 0008).
    await client.query('select eviction_case_refresh_facts($1::uuid[])', [[...new Set(open.values())]]);
    const done = performance.now();
    const seconds = (done - started) / 1000;
    return {
      rows: rows.length,
      citizens: citizens.length,
      cases: cases.size,
      seconds: round(seconds, 3),
      rowsPerSecond: Math.round(rows.length / seconds),
      ms: {
        lookups: round(lookedUp - started),
        build: round(built - lookedUp),
        citizens: round(citizensDone - built),
        cases: round(casesDone - citizensDone),
        notices: round(done - casesDone),
      },
    };
  } finally {
    await client.query('rollback');
  }
}

// ---- results ----

export interface InboxCaseResult {
  name: string;
  description: string;
  path: string;
  /** Cases listed through the app and loaded raw; they must agree. */
  matched: { app: number; raw: number };
  /** Notices and actions of those cases (raw). */
  notices: number;
  actions: number;
  /** Cases of the page with an overdue duty. */
  overdue: number;
  /** The answer's counts over all pages: cases of the status, of them with an overdue duty. */
  total: number;
  overdueTotal: number;
  pageSize: number;
  responseBytes: number;
  app: LoadResult;
  raw: LoadResult;
  /** One connection at a time: what a single worker sees on an idle server (the target). */
  serial?: { app: LoadResult; raw: LoadResult } | undefined;
  /** `listCases` in a tenant transaction without HTTP (its SQL, the summaries and the audit row), and JSON.stringify of its answer. */
  breakdown?: { service: LoadResult; stringify: LoadResult } | undefined;
  /** EXPLAIN (ANALYZE, BUFFERS) of the three statements, after the runs (warm cache). */
  plans: { cases: Explained; notices: Explained; actions: Explained };
  meetsTarget: boolean | undefined;
}

export interface ImportRun {
  requests: number;
  rows: number;
  valid: number;
  imported: number;
  problems: number;
  seconds: number;
  rowsPerSecond: number;
}

export interface ImportStep {
  step: string;
  statements: number;
  ms: number;
}

export interface ImportResult {
  rows: number;
  mix: ImportMix;
  files: { rows: number; bytes: number }[];
  /** Dry run over HTTP: upload, parse and validation, no writes. */
  dryRun: ImportRun;
  /** The import (mode all, dryRun false): what the target is about. */
  first: ImportRun;
  /** The same file(s) again: must import nothing. */
  second: ImportRun;
  /** What the first import did to the database. */
  effect: { notices: number; cases: number; citizens: number };
  /** COPY of the same rows (normalised) into a scratch table with typed columns. */
  copy: { rows: number; seconds: number; rowsPerSecond: number };
  /**
   * The same writes the import makes (new citizens, new cases, every notice), looked up and
   * grouped the same way but sent with COPY into the real tables as the owner (indexes, foreign
   * keys and checks; no row-level security), then rolled back.
   */
  copyTables: {
    rows: number;
    citizens: number;
    cases: number;
    seconds: number;
    rowsPerSecond: number;
    /** Milliseconds of each part: the three lookups, building the rows in JavaScript, each COPY. */
    ms: { lookups: number; build: number; citizens: number; cases: number; notices: number };
  };
  /**
   * Where the time goes: `importNotices` in process (no HTTP) on another file of the same size and
   * mix, every statement timed; `readTable` alone on the first file.
   */
  breakdown: {
    rows: number;
    readTableMs: number;
    dryRunMs: number;
    importMs: number;
    statements: ImportStep[];
  };
  meetsTarget: boolean;
}

export interface PreventionReport {
  suite: 'prevention';
  date: string;
  machine: MachineInfo;
  settings: Omit<PreventionBenchOptions, 'adminUrl' | 'log' | 'keep'>;
  data: {
    measured: Omit<PreventionSeedResult, 'openTenants' | 'closedTenants' | 'departmentNumbers' | 'nextCpr'>;
    neighbour: { notices: number; cases: number };
    loadSeconds: number;
  };
  /** The machine's 1-minute load average when the run started and when it ended (other work distorts the numbers). */
  loadAverage: { start: number; end: number };
  inbox: InboxCaseResult[];
  import: ImportResult;
}

// ---- running ----

interface Session {
  cookie: string;
  csrf: string;
}

async function login(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/session/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('hjemvej_session='));
  if (res.status !== 200 || !session) throw new Error(`Login failed: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: session.split(';')[0] ?? '', csrf: csrfToken };
}

async function upload(base: string, s: Session, file: ImportFile, dryRun: boolean): Promise<ImportReport> {
  const form = new FormData();
  form.append('mode', 'all');
  form.append('dryRun', String(dryRun));
  form.append('file', new Blob([file.text], { type: 'text/csv' }), 'underretninger.csv');
  const res = await fetch(`${base}/api/prevention/notices/import`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: form,
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`Import: HTTP ${res.status} ${body.slice(0, 500)}`);
  return JSON.parse(body) as ImportReport;
}

/** Every file in turn over HTTP, timed as a whole. */
async function importAll(base: string, s: Session, files: ImportFile[], dryRun: boolean): Promise<ImportRun> {
  const run: ImportRun = {
    requests: files.length,
    rows: 0,
    valid: 0,
    imported: 0,
    problems: 0,
    seconds: 0,
    rowsPerSecond: 0,
  };
  const started = performance.now();
  for (const file of files) {
    const r = await upload(base, s, file, dryRun);
    run.rows += r.rows;
    run.valid += r.valid;
    run.imported += r.imported;
    run.problems += r.problems.length;
    if (r.problems.length) throw new Error(`Import problems: ${JSON.stringify(r.problems.slice(0, 5))}`);
  }
  run.seconds = round((performance.now() - started) / 1000, 3);
  run.rowsPerSecond = Math.round(run.rows / run.seconds);
  return run;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A plan with its long lists of ids shortened to their count (`'{<1000 ids>}'`). */
function compactPlan(plan: Explained): Explained {
  const text = plan.text.replace(/'\{((?:[0-9a-f-]{36},)*[0-9a-f-]{36})\}'/g, (_, list: string) =>
    list.length > 200 ? `'{<${list.split(',').length} ids>}'` : `'{${list}}'`,
  );
  return { ...plan, text };
}

/** Statements of the import by what they do (the repository function that sends them). */
function stepOf(statement: string): string {
  const s = statement.replace(/\s+/g, ' ').trim().replace(/"/g, '').slice(0, 200);
  if (s.includes('set_config')) return 'tenant binding';
  if (/^select .* from housing_department\b/.test(s)) return 'departments';
  if (/^select .* from citizen\b/.test(s)) return 'citizensByCpr';
  if (s.startsWith('insert into citizen ')) return 'insertCitizens';
  if (/^select .* from eviction_case\b/.test(s)) return 'openCasesByKey';
  if (s.startsWith('insert into eviction_case ')) return 'insertCases';
  if (/^select import_key from eviction_notice\b/.test(s)) return 'importedKeys';
  if (s.startsWith('insert into eviction_notice ')) return 'insertNotices';
  if (s.startsWith('update eviction_case')) return 'markChildren';
  if (s.includes('audit')) return 'audit row';
  const staged = /^(create temp table|copy) stage_([a-z]+)_\d+/.exec(s);
  if (staged) return `stage ${staged[2]} rows (${staged[1] === 'copy' ? 'COPY' : 'temporary table'})`;
  if (s.includes('pg_advisory_xact_lock')) return 'import lock';
  if (s.startsWith('with new as')) return 'flagLikelyDuplicates (duplicate review)';
  return s.split(' ').slice(0, 3).join(' ');
}

function timedPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  acceptStagedRows(pool);
  return pool;
}

/**
 * A second handle on the application role, like the app's own (role hjemvej_app, JIT off), that
 * times every statement it sends.
 */
function timedAppDb(url: string, statements: { sql: string; ms: number }[]): Db {
  return new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: timedPool(url),
      onCreateConnection: async (connection) => {
        await connection.executeQuery(CompiledQuery.raw(`set role ${APP_ROLE}; set jit = off`));
      },
    }),
    log: (event) => {
      if (event.level === 'query') statements.push({ sql: event.query.sql, ms: event.queryDurationMillis });
    },
  });
}

/**
 * Waits (up to 5 s) until every session of `database` has gone, so that dropping it does not make
 * the server end a pool's connections under it.
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

export async function runPreventionBench(
  options: Partial<PreventionBenchOptions> & { adminUrl: string },
): Promise<PreventionReport> {
  const o: PreventionBenchOptions = { ...DEFAULT_OPTIONS, ...options };
  if (!/^hjemvej_bench[a-z0-9_]*$/.test(o.database))
    throw new Error(`The benchmark database must be named hjemvej_bench…, not ${o.database}`);
  const log = o.log;
  const onDate = today();
  const loadAtStart = os.loadavg()[0] ?? Number.NaN;

  log(`Creating database ${o.database}`);
  const url = await recreateDatabase(o.adminUrl, o.database);
  const db = await openDatabase({ url, poolSize: o.connections });
  const loader = new pg.Client({ connectionString: url });
  let pool: pg.Pool | undefined;
  let timed: Db | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  // The server may end the loader's connection (a database dropped under it); the query fails, the process lives.
  loader.on('error', () => {});
  try {
    await loader.connect();
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
    const m = municipality.id;

    const password = randomBytes(18).toString('base64url');
    const user = (municipalityId: string, username: string, displayName: string, role: Role) =>
      withTenant(db.owner, municipalityId, (trx) =>
        createUser(trx, null, municipalityId, { username, displayName, role, password }),
      );
    const workers: { id: string; username: string }[] = [];
    for (let i = 1; i <= o.users; i++)
      workers.push(await user(m, `bench.prevention${i}`, `Forebyggelsesmedarbejder ${i}`, 'prevention'));
    const importer = await user(m, 'bench.import', 'Import af underretninger', 'prevention');
    const partner = await user(m, 'bench.boligselskab', 'Boligselskabet', 'partner_housing');
    const neighbourWorker = await user(
      neighbour.id,
      'bench.naboen',
      'Nabokommunens medarbejder',
      'prevention',
    );
    const neighbourPartner = await user(
      neighbour.id,
      'bench.naboen.bolig',
      'Naboens boligselskab',
      'partner_housing',
    );

    log(`Loading ${o.notices} + ${o.neighbourNotices} notices with their cases, actions and citizens`);
    const loadStart = performance.now();
    const measured = await seedPrevention(loader, {
      municipalityId: m,
      municipalityCode: municipality.code,
      notices: o.notices,
      seed: 6,
      today: onDate,
      cprYear: '60',
      workers: workers.map((w) => w.id),
      importer: importer.id,
      partner: partner.id,
    });
    const neighbourSeed = await seedPrevention(loader, {
      municipalityId: neighbour.id,
      municipalityCode: neighbour.code,
      notices: o.neighbourNotices,
      seed: 12,
      today: onDate,
      cprYear: '61',
      workers: [neighbourWorker.id],
      importer: neighbourWorker.id,
      partner: neighbourPartner.id,
    });
    // The facts each case carries (migration 0008) must be those of its notices and actions.
    const { rows: wrongFacts } = await sql<{ n: number }>`
      select count(*)::int as n from eviction_case c
      left join lateral (select min(received_on) filter (where source = 'bailiff_court') as bailiff_on,
          max(eviction_date) as eviction_date from eviction_notice n where n.case_id = c.id) n on true
      left join lateral (select max(done_on) as last_on,
          coalesce(bool_or(kind in ('help_81', 'help_81a', 'payment_plan', 'deposit_loan')), false) as helped
          from eviction_action a where a.case_id = c.id) a on true
      where c.bailiff_notice_on is distinct from n.bailiff_on or c.eviction_date is distinct from n.eviction_date
        or c.last_action_on is distinct from a.last_on or c.help_given <> a.helped`.execute(db.owner);
    if (wrongFacts[0]?.n)
      throw new Error(`${wrongFacts[0].n} seeded cases carry facts their notices contradict`);
    await sql`vacuum analyze citizen, eviction_case, eviction_notice, eviction_action, housing_department,
      housing_organisation, app_user`.execute(db.owner);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    log(
      `Loaded ${measured.notices} notices in ${measured.cases.open + measured.cases.closed} cases ` +
        `(${measured.cases.open} open), ${measured.actions} actions, ${measured.citizens} citizens ` +
        `(+${neighbourSeed.notices} notices next door) in ${loadSeconds.toFixed(1)} s`,
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
    const sessions: Session[] = [];
    for (const w of workers) sessions.push(await login(base, w.username, password));

    pool = await rawPool(url, o.connections, m);
    // A connection the server ends while idle must not take the process down.
    pool.on('error', () => {});
    const rawPoolRef = pool;

    // ---- the inbox ----
    const inbox: InboxCaseResult[] = [];
    const inboxCases: { name: string; description: string; status: 'open' | 'closed'; path: string }[] = [
      {
        name: 'open inbox',
        description: 'the default inbox: open cases by urgency (the target)',
        status: 'open',
        path: '/api/prevention/cases',
      },
      {
        name: 'closed cases',
        description: 'the latest closed cases',
        status: 'closed',
        path: '/api/prevention/cases?status=closed',
      },
    ];
    const workerActor = await withTenant(db.owner, m, async (trx) => {
      const row = await trx
        .selectFrom('app_user')
        .select(['id', 'username'])
        .where('id', '=', (workers[0] as { id: string }).id)
        .executeTakeFirstOrThrow();
      return row;
    });
    const actor: Actor = {
      userId: workerActor.id,
      username: workerActor.username,
      municipalityId: m,
      role: 'prevention',
      permissions: new Set(['prevention.read', 'prevention.manage']),
      clientIp: null,
    };
    for (const c of inboxCases) {
      // The statements listCases sends: the first page of cases (ordered and counted over all of
      // them), then the page's notices and actions.
      const [first] = await compile((d) => repo.inboxPage(d, m, c.status, onDate, INBOX_PAGE_SIZE, 0));
      const firstRows = (
        await rawPoolRef.query<{ id: string }>(first?.sql ?? '', first?.parameters as unknown[])
      ).rows;
      const ids = firstRows.map((r) => r.id);
      const [, noticesQuery, actionsQuery] = await compile(async (d) => {
        await repo.inboxPage(d, m, c.status, onDate, INBOX_PAGE_SIZE, 0);
        await repo.notices(d, m, ids);
        await repo.actions(d, m, ids);
      });
      if (!first || !noticesQuery || !actionsQuery)
        throw new Error(`${c.name}: listCases sent other statements`);
      for (const q of [noticesQuery, actionsQuery])
        if (q.parameters.length !== ids.length + 1 || q.parameters[0] !== m || q.parameters[1] !== ids[0])
          throw new Error(`${c.name}: unexpected parameters of ${q.sql}`);
      const withIds = (list: string[]) => [m, ...list];
      const rawCall = async () => {
        const cases = await rawPoolRef.query<{ id: string }>(first.sql, first.parameters as unknown[]);
        const list = cases.rows.map((r) => r.id);
        if (list.length === 0) return [cases];
        const n = await rawPoolRef.query(noticesQuery.sql, withIds(list));
        const a = await rawPoolRef.query(actionsQuery.sql, withIds(list));
        return [cases, n, a];
      };
      let turn = 0;
      const nextHttp = (): HttpRequest => ({
        path: c.path,
        headers: { cookie: sessions[turn++ % sessions.length]?.cookie ?? '' },
      });

      const res = await fetch(`${base}${c.path}`, { headers: { cookie: sessions[0]?.cookie ?? '' } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${c.name}: HTTP ${res.status} ${body.slice(0, 500)}`);
      const answer0 = JSON.parse(body) as CasesPage;
      const items = answer0.items;
      const rawResults = await rawCall();
      const matched = { app: items.length, raw: rawResults[0]?.rows.length ?? 0 };
      if (matched.app !== matched.raw)
        throw new Error(`${c.name}: the app listed ${matched.app} cases, the raw SQL loaded ${matched.raw}`);
      const noticeCount = rawResults[1]?.rows.length ?? 0;
      const appNotices = items.reduce((sum, i) => sum + i.notices, 0);
      if (appNotices !== noticeCount)
        throw new Error(
          `${c.name}: the app counted ${appNotices} notices, the raw SQL loaded ${noticeCount}`,
        );
      log(`${c.name}: ${items.length} cases, ${noticeCount} notices, ${body.length} bytes`);

      const http = async (connections: number, seconds: number) => {
        await waitForIdle(db.owner);
        return loadHttp({ url: base, connections, seconds, next: nextHttp });
      };
      const raw = async (connections: number, seconds: number) => {
        await waitForIdle(db.owner);
        return loadFunction({ connections, seconds, call: rawCall });
      };
      let serial: InboxCaseResult['serial'];
      let breakdown: InboxCaseResult['breakdown'];
      if (o.serialSeconds > 0) {
        log(`${c.name}: one connection`);
        if (o.warmupSeconds > 0) await http(1, o.warmupSeconds);
        const serialApp = await http(1, o.serialSeconds);
        if (o.warmupSeconds > 0) await raw(1, o.warmupSeconds);
        serial = { app: serialApp, raw: await raw(1, o.serialSeconds) };
        log(`${c.name}: where the time goes`);
        const seconds = Math.min(2, o.serialSeconds / 2);
        const answer = await withTenant(db.app, m, (trx) => listCases(trx, actor, c.status));
        await waitForIdle(db.owner);
        breakdown = {
          service: await loadFunction({
            connections: 1,
            seconds,
            call: () => withTenant(db.app, m, (trx) => listCases(trx, actor, c.status)),
          }),
          stringify: await loadFunction({
            connections: 1,
            seconds,
            call: async () => JSON.stringify({ items: answer }),
          }),
        };
      }
      log(`${c.name}: app, ${o.connections} connections`);
      if (o.warmupSeconds > 0) await http(o.connections, o.warmupSeconds);
      const appResult = await http(o.connections, o.seconds);
      log(`${c.name}: raw SQL, ${o.connections} connections`);
      if (o.warmupSeconds > 0) await raw(o.connections, o.warmupSeconds);
      const rawResult = await raw(o.connections, o.seconds);
      await waitForIdle(db.owner);
      const listed = (await rawCall())[0]?.rows.map((r) => r.id) ?? ids;
      const plans = {
        cases: compactPlan(await explain(url, m, first)),
        notices: compactPlan(await explain(url, m, { ...noticesQuery, parameters: withIds(listed) })),
        actions: compactPlan(await explain(url, m, { ...actionsQuery, parameters: withIds(listed) })),
      };
      inbox.push({
        name: c.name,
        description: c.description,
        path: c.path,
        matched,
        notices: noticeCount,
        actions: rawResults[2]?.rows.length ?? 0,
        overdue: items.filter((i) => i.overdue).length,
        total: answer0.total,
        overdueTotal: answer0.overdue,
        pageSize: answer0.pageSize,
        responseBytes: Buffer.byteLength(body),
        app: appResult,
        raw: rawResult,
        serial,
        breakdown,
        plans,
        meetsTarget:
          c.status === 'open' && serial
            ? serial.app.requests > 0 && serial.app.p95 < o.targetP95Ms
            : undefined,
      });
    }

    // ---- the import ----
    const generated = importNoticesFor(measured, {
      rows: o.importRows,
      seed: 21,
      today: onDate,
      cprFrom: measured.nextCpr,
      cprYear: '60',
    });
    const files = importFiles(generated.rows, o.maxFileBytes);
    log(
      `Import: ${generated.rows.length} rows in ${files.length} file(s) of ${files.map((f) => `${(f.bytes / 1024).toFixed(0)} kB`).join(', ')}`,
    );
    const importer0 = await login(base, importer.username, password);
    const counts = async () => {
      const { rows } = await sql<{ notices: number; cases: number; citizens: number }>`
        select (select count(*)::int from eviction_notice where municipality_id = ${m}) as notices,
          (select count(*)::int from eviction_case where municipality_id = ${m}) as cases,
          (select count(*)::int from citizen where municipality_id = ${m}) as citizens`.execute(db.owner);
      return rows[0] as { notices: number; cases: number; citizens: number };
    };
    await waitForIdle(db.owner);
    log('Import: COPY of the same writes into the real tables (rolled back)');
    await waitForIdle(db.owner);
    const copyTables = await copyImportWrites(loader, m, importer.id, generated.rows);
    log('Import: dry run');
    const dryRun = await importAll(base, importer0, files, true);
    const before = await counts();
    log('Import: the rows');
    const firstImport = await importAll(base, importer0, files, false);
    const after = await counts();
    if (firstImport.imported !== generated.rows.length)
      throw new Error(`Import: ${firstImport.imported} of ${generated.rows.length} rows imported`);
    log('Import: the same file(s) again');
    const secondImport = await importAll(base, importer0, files, false);
    if (secondImport.imported !== 0)
      throw new Error(`Import: the second import imported ${secondImport.imported}`);

    log('Import: COPY of the same rows into a scratch table');
    await loader.query(`drop table if exists bench_notice_copy;
      create table bench_notice_copy (
        source text not null, received_on date not null, tenant_cpr text, tenant_name text not null,
        address text not null, department text, arrears_amount numeric(12, 2) not null,
        arrears_months int not null, paakrav_on date, termination_on date, bailiff_filed_on date,
        eviction_date date, children_under_18 boolean not null)`);
    const copyStart = performance.now();
    const copied = await copyRows(
      loader,
      'bench_notice_copy',
      [
        'source',
        'received_on',
        'tenant_cpr',
        'tenant_name',
        'address',
        'department',
        'arrears_amount',
        'arrears_months',
        'paakrav_on',
        'termination_on',
        'bailiff_filed_on',
        'eviction_date',
        'children_under_18',
      ],
      generated.rows.map((r) => [
        r.source,
        r.receivedOn,
        r.cpr,
        r.name,
        r.address,
        r.department,
        r.amount,
        r.months,
        r.paakravOn,
        r.terminationOn,
        r.bailiffFiledOn,
        r.evictionDate,
        r.children,
      ]),
    );
    const copySeconds = (performance.now() - copyStart) / 1000;
    await loader.query('drop table bench_notice_copy');

    log('Import: where the time goes (in process, another file of the same size)');
    const readStart = performance.now();
    for (const f of files) await readTable('underretninger.csv', Buffer.from(f.text));
    const readTableMs = performance.now() - readStart;
    const other = importNoticesFor(measured, {
      rows: o.importRows,
      seed: 31,
      today: onDate,
      cprFrom: generated.nextCpr,
      cprYear: '60',
    });
    const otherFiles = importFiles(other.rows, o.maxFileBytes);
    const statements: { sql: string; ms: number }[] = [];
    timed = timedAppDb(url, statements);
    const importerActor: Actor = { ...actor, userId: importer.id, username: importer.username };
    const dryStart = performance.now();
    for (const f of otherFiles)
      await importNotices(
        timed,
        importerActor,
        { filename: 'underretninger.csv', data: Buffer.from(f.text) },
        {
          mode: 'all',
          dryRun: true,
        },
      );
    const dryRunMs = performance.now() - dryStart;
    statements.length = 0;
    await waitForIdle(db.owner);
    const importStart = performance.now();
    let inProcessImported = 0;
    for (const f of otherFiles)
      inProcessImported += (
        await importNotices(
          timed,
          importerActor,
          { filename: 'underretninger.csv', data: Buffer.from(f.text) },
          {
            mode: 'all',
            dryRun: false,
          },
        )
      ).imported;
    const importMs = performance.now() - importStart;
    if (inProcessImported !== other.rows.length)
      throw new Error(`In-process import: ${inProcessImported} of ${other.rows.length} rows`);
    const steps = new Map<string, ImportStep>();
    for (const s of statements) {
      const step = stepOf(s.sql);
      const entry = steps.get(step) ?? { step, statements: 0, ms: 0 };
      entry.statements++;
      entry.ms += s.ms;
      steps.set(step, entry);
    }

    const importResult: ImportResult = {
      rows: generated.rows.length,
      mix: generated.mix,
      files: files.map((f) => ({ rows: f.rows.length, bytes: f.bytes })),
      dryRun,
      first: firstImport,
      second: secondImport,
      effect: {
        notices: after.notices - before.notices,
        cases: after.cases - before.cases,
        citizens: after.citizens - before.citizens,
      },
      copy: { rows: copied, seconds: round(copySeconds, 3), rowsPerSecond: Math.round(copied / copySeconds) },
      copyTables,
      breakdown: {
        rows: other.rows.length,
        readTableMs: round(readTableMs),
        dryRunMs: round(dryRunMs),
        importMs: round(importMs),
        statements: [...steps.values()].map((s) => ({ ...s, ms: round(s.ms) })),
      },
      meetsTarget: firstImport.rowsPerSecond >= o.targetRowsPerSecond,
    };
    log(
      `Import: ${firstImport.rowsPerSecond} rows/s (dry run ${dryRun.rowsPerSecond}, COPY ${importResult.copy.rowsPerSecond})`,
    );

    const { log: _log, keep: _keep, adminUrl: _url, ...settings } = o;
    const {
      openTenants: _open,
      closedTenants: _closed,
      departmentNumbers: _numbers,
      nextCpr: _next,
      ...measuredData
    } = measured;
    return {
      suite: 'prevention',
      date: new Date().toISOString(),
      machine: await machineInfo(db.owner),
      settings,
      data: {
        measured: measuredData,
        neighbour: {
          notices: neighbourSeed.notices,
          cases: neighbourSeed.cases.open + neighbourSeed.cases.closed,
        },
        loadSeconds: round(loadSeconds),
      },
      loadAverage: { start: round(loadAtStart, 2), end: round(os.loadavg()[0] ?? Number.NaN, 2) },
      inbox,
      import: importResult,
    };
  } finally {
    await app?.close();
    await pool?.end();
    await timed?.destroy();
    await loader.end().catch(() => {});
    await db.close();
    if (o.keep) log(`Kept database ${o.database}`);
    else {
      await disconnected(o.adminUrl, o.database);
      await dropDatabase(o.adminUrl, o.database);
    }
  }
}

// ---- report ----

const both = (run: LoadResult | undefined) => (run ? `${latency(run, 'p50')} / ${latency(run, 'p95')}` : '–');
const perSecond = (n: number) => `${count(n)}/s`;

/** The results as Markdown: data, the inbox (one connection and under load), the import, plans of misses. */
export function preventionMarkdown(r: PreventionReport): string {
  const s = r.settings;
  const d = r.data.measured;
  const im = r.import;
  const out: string[] = [];
  out.push(`# Eviction prevention benchmark, ${r.date.slice(0, 10)}`, '');
  out.push(
    `Machine: ${machineLine(r.machine)}. Load average (1 min) at the start and end of the run: ` +
      `${r.loadAverage.start} / ${r.loadAverage.end}${r.loadAverage.start > r.machine.cpus / 2 ? ' (other work was running: the numbers are pessimistic)' : ''}.`,
    '',
  );
  const cases = d.cases.open + d.cases.closed;
  const outcomes = Object.entries(d.outcomes)
    .map(([k, n]) => `${count(n ?? 0)} ${k}`)
    .join(', ');
  out.push(
    `Data: ${count(d.notices)} notices (${count(d.noticesBySource.public_landlord)} from public landlords, ` +
      `${count(d.noticesBySource.private_landlord)} private, ${count(d.noticesBySource.bailiff_court)} from the ` +
      `bailiff's court; ${count(d.noticesByVia.import)} imported, ${count(d.noticesByVia.partner)} from housing ` +
      `organisations, ${count(d.noticesByVia.form)} by form) over three years in ${count(cases)} cases ` +
      `(${(d.notices / cases).toFixed(2)} notices per case): ${count(d.cases.open)} open, ${count(d.cases.closed)} ` +
      `closed (${outcomes}); ${count(d.cases.withChildren)} with children, ${count(d.cases.withCitizen)} linked by ` +
      `CPR to ${count(d.citizens)} citizens (fake CPR numbers from 1860), ${count(d.cases.knownNeed)} with a known ` +
      `need; ${count(d.actions)} actions; ${d.organisations} housing organisations with ${d.departments} departments. ` +
      `A second municipality has ${count(r.data.neighbour.notices)} notices in ${count(r.data.neighbour.cases)} ` +
      `cases. Generated, loaded (COPY) and analysed in ${r.data.loadSeconds} s.`,
    '',
  );
  out.push(
    `Targets (issue 6): inbox p95 < ${s.targetP95Ms} ms on one connection; import ≥ ` +
      `${count(s.targetRowsPerSecond)} rows/s end to end.`,
    '',
  );
  out.push('## Summary', '');
  const open = r.inbox.find((c) => c.name === 'open inbox');
  out.push(
    markdownTable(
      ['goal', 'measured', 'target', 'met'],
      [
        [
          'inbox p95, one connection',
          open?.serial ? `${latency(open.serial.app, 'p95')} ms` : '–',
          `< ${s.targetP95Ms} ms`,
          open?.meetsTarget === undefined ? '–' : open.meetsTarget ? 'yes' : '**no**',
        ],
        [
          `inbox p95, ${s.connections} connections`,
          open ? `${latency(open.app, 'p95')} ms at ${count(open.app.rps)} req/s` : '–',
          '(for comparison)',
          '',
        ],
        [
          `import, ${count(im.rows)} rows`,
          perSecond(im.first.rowsPerSecond),
          `≥ ${perSecond(s.targetRowsPerSecond)}`,
          im.meetsTarget ? 'yes' : '**no**',
        ],
      ],
      ['l', 'r', 'r', 'l'],
    ),
    '',
  );

  out.push('## Inbox', '');
  out.push(
    `Runs: ${s.serialSeconds} s on one connection, then ${s.seconds} s at ${s.connections} connections (closed ` +
      `loop), each after ${s.warmupSeconds} s warm-up. The app's pool and the raw pool have ${s.connections} ` +
      `connections each; ${s.users} prevention workers' sessions take turns. Latencies in milliseconds.`,
    '',
  );
  if (r.inbox.some((c) => c.serial)) {
    out.push('### One connection (a worker on an idle server; the target)', '');
    out.push(
      markdownTable(
        [
          'case',
          'cases',
          'notices',
          'answer',
          'p50',
          'p95',
          'p99',
          'req/s',
          'raw p50',
          'raw p95',
          'raw p99',
          'app÷raw p95',
          `p95 < ${s.targetP95Ms} ms`,
        ],
        r.inbox.map((c) => [
          c.name,
          count(c.matched.app),
          count(c.notices),
          `${(c.responseBytes / 1024).toFixed(0)} kB`,
          latency(c.serial?.app, 'p50'),
          latency(c.serial?.app, 'p95'),
          latency(c.serial?.app, 'p99'),
          count(c.serial?.app.rps ?? 0),
          latency(c.serial?.raw, 'p50'),
          latency(c.serial?.raw, 'p95'),
          latency(c.serial?.raw, 'p99'),
          ratio(c.serial?.app.p95 ?? Number.NaN, c.serial?.raw.p95 ?? 0),
          c.meetsTarget === undefined ? '–' : c.meetsTarget ? 'yes' : '**no**',
        ]),
      ),
      '',
    );
  }
  out.push(`### Under load (${s.connections} connections)`, '');
  out.push(
    markdownTable(
      ['case', ...APP_RAW_HEADER, 'app÷raw p95'],
      r.inbox.map((c) => [c.name, ...appRawCells(c.app, c.raw), ratio(c.app.p95, c.raw.p95)]),
    ),
    '',
  );
  if (r.inbox.some((c) => c.breakdown)) {
    out.push('### Where the time goes (one connection, p50 / p95)', '');
    out.push(
      markdownTable(
        [
          'case',
          'raw SQL (3 statements)',
          'EXPLAIN ANALYZE cases / notices / actions',
          'listCases (SQL + summaries + audit)',
          'JSON.stringify',
          'whole request',
        ],
        r.inbox.map((c) => [
          c.name,
          both(c.serial?.raw),
          `${ms(c.plans.cases.executionMs)} / ${ms(c.plans.notices.executionMs)} / ${ms(c.plans.actions.executionMs)}`,
          both(c.breakdown?.service),
          both(c.breakdown?.stringify),
          both(c.serial?.app),
        ]),
      ),
      '',
    );
  }
  const problems = r.inbox.flatMap((c) => {
    const runs: [string, LoadResult | undefined][] = [
      ['app', c.app],
      ['raw', c.raw],
      ['app, one connection', c.serial?.app],
      ['raw, one connection', c.serial?.raw],
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
  for (const c of r.inbox)
    out.push(
      `- **${c.name}**: \`GET ${c.path}\`, ${c.description}: page 1, ${count(c.matched.app)} cases ` +
        `(${count(c.pageSize)} a page) of ${count(c.total)}, ordered and counted over all of them, with ` +
        `${count(c.notices)} notices and ${count(c.actions)} actions; ${count(c.overdue)} of the page and ` +
        `${count(c.overdueTotal)} of all with an overdue duty.`,
    );
  out.push(
    '- **app**: the whole request over HTTP on localhost: Fastify, the session cookie (`auth_session_touch`, ' +
      'user and permissions), `listCases` (one page of cases by § 5 a urgency computed in SQL from the facts ' +
      "each case carries (migration 0008), with the counts of all pages; the page's notices and actions), " +
      "§ 5 a duties of the page's cases from the shared rules, the audit row (hash chain) and the JSON " +
      'answer, in one transaction bound to the tenant.',
    '- **raw**: the three statements `listCases` sends (the page of cases; notices and actions of those ' +
      'cases, by id), ' +
      'compiled once and run in turn through a `pg.Pool` whose connections are bound to `hjemvej_app` and ' +
      'the tenant at start-up, row-level security included.',
    '- **listCases** runs the service function in a tenant transaction without HTTP; **JSON.stringify** ' +
      'serialises its answer; **EXPLAIN ANALYZE** is the execution time PostgreSQL reports on a warm cache.',
    '',
  );

  out.push('## Import', '');
  const mix = im.mix;
  out.push(
    `The file: ${count(im.rows)} new notices in the documented columns (\`${IMPORT_HEADER.join(';')}\`), ` +
      `received in the last 45 days, Danish words and number formats, dates as YYYY-MM-DD or DD-MM-YYYY: ` +
      `${count(mix.joinOpen)} for tenants with an open case, ${count(mix.returning)} for known citizens whose ` +
      `cases are closed, ${count(mix.newCpr)} with a CPR number new to the registry, ${count(mix.noCpr)} without ` +
      `CPR, ${count(mix.followUp)} following up an earlier line of the file. ` +
      (im.files.length === 1
        ? `One file of ${((im.files[0]?.bytes ?? 0) / 1024 / 1024).toFixed(2)} MiB (the server takes up to ${(MAX_UPLOAD_BYTES / 1024 / 1024).toFixed(0)} MiB per upload), one request.`
        : `Split into ${im.files.length} files of at most ${(s.maxFileBytes / 1024 / 1024).toFixed(2)} MiB ` +
          `(the server takes 5 MiB per upload), sent one after the other; the times and rows are summed.`),
    '',
  );
  const runRow = (name: string, x: ImportRun) => [
    name,
    String(x.requests),
    count(x.rows),
    count(x.valid),
    count(x.imported),
    `${x.seconds.toFixed(2)} s`,
    perSecond(x.rowsPerSecond),
  ];
  out.push(
    markdownTable(
      ['run', 'requests', 'rows', 'valid', 'imported', 'time', 'rows/s'],
      [
        runRow('dry run (upload, parse, validate)', im.dryRun),
        runRow('**import** (mode all)', im.first),
        runRow('the same file(s) again', im.second),
        [
          'COPY of the same rows into a scratch table',
          '1',
          count(im.copy.rows),
          '–',
          count(im.copy.rows),
          `${im.copy.seconds.toFixed(2)} s`,
          perSecond(im.copy.rowsPerSecond),
        ],
        [
          'COPY of the same writes into the real tables (rolled back)',
          '1',
          count(im.copyTables.rows),
          '–',
          count(im.copyTables.rows),
          `${im.copyTables.seconds.toFixed(2)} s`,
          perSecond(im.copyTables.rowsPerSecond),
        ],
      ],
    ),
    '',
  );
  out.push(
    `The import added ${count(im.effect.notices)} notices, ${count(im.effect.cases)} cases and registered ` +
      `${count(im.effect.citizens)} new citizens; the second import of the same file(s) imported ` +
      `${count(im.second.imported)}.`,
    '',
    "- **COPY into a scratch table**: the rows, already normalised, into a table of the CSV's columns typed " +
      '(dates, numeric, boolean) without indexes: what the database takes in at the most. Import ÷ COPY: ' +
      `${ratio(im.first.rowsPerSecond, im.copy.rowsPerSecond)}.`,
    '- **COPY into the real tables**: the writes the import makes, done the fastest way the schema allows: ' +
      'the registry and the open cases looked up by CPR and tenancy key (one statement each), ' +
      `${count(im.copyTables.citizens)} citizens, ${count(im.copyTables.cases)} cases and ` +
      `${count(im.copyTables.rows)} notices sent with COPY as the owner (every index, foreign key and check; ` +
      'no row-level security), then rolled back before the import ran. Import ÷ this: ' +
      `${ratio(im.first.rowsPerSecond, im.copyTables.rowsPerSecond)}. Its parts: lookups ` +
      `${ms(im.copyTables.ms.lookups)} ms, building the rows ${ms(im.copyTables.ms.build)} ms, COPY citizens ` +
      `${ms(im.copyTables.ms.citizens)} ms, cases ${ms(im.copyTables.ms.cases)} ms, notices ` +
      `${ms(im.copyTables.ms.notices)} ms.`,
    '',
  );
  const b = im.breakdown;
  const sqlMs = b.statements.reduce((sum, x) => sum + x.ms, 0);
  out.push("### Where the import's time goes", '');
  out.push(
    `\`importNotices\` in process (no HTTP) on another ${count(b.rows)} rows of the same mix, every statement ` +
      `timed: ${(b.importMs / 1000).toFixed(2)} s (${perSecond((b.rows / b.importMs) * 1000)}); its dry run ` +
      `(parse and validate, one query for the departments) ${(b.dryRunMs / 1000).toFixed(2)} s, of which ` +
      `\`readTable\` (CSV parse) ${(b.readTableMs / 1000).toFixed(2)} s. SQL ${(sqlMs / 1000).toFixed(2)} s, ` +
      `the rest (${((b.importMs - b.dryRunMs - sqlMs) / 1000).toFixed(2)} s) is JavaScript between the ` +
      'statements (grouping, building the column arrays of the inserts, reading their results).',
    '',
  );
  out.push(
    markdownTable(
      ['step', 'statements', 'ms', 'share of the import'],
      [
        [
          'readTable (CSV parse)',
          '–',
          ms(b.readTableMs),
          `${((b.readTableMs / b.importMs) * 100).toFixed(0)} %`,
        ],
        [
          'validation (dry run − parse − departments)',
          '–',
          ms(b.dryRunMs - b.readTableMs),
          `${(((b.dryRunMs - b.readTableMs) / b.importMs) * 100).toFixed(0)} %`,
        ],
        ...b.statements
          .toSorted((x, y) => y.ms - x.ms)
          .map((x) => [
            x.step,
            String(x.statements),
            ms(x.ms),
            `${((x.ms / b.importMs) * 100).toFixed(0)} %`,
          ]),
        [
          'other JavaScript (between the statements)',
          '–',
          ms(b.importMs - b.dryRunMs - sqlMs),
          `${(((b.importMs - b.dryRunMs - sqlMs) / b.importMs) * 100).toFixed(0)} %`,
        ],
      ],
    ),
    '',
  );
  const misses = r.inbox.filter((c) => c.meetsTarget === false);
  if (misses.length) {
    out.push(`## Query plans of the inbox over ${s.targetP95Ms} ms`, '');
    for (const c of misses) {
      out.push(`### ${c.name}: the cases`, '', '```text', c.plans.cases.text, '```', '');
      out.push(`### ${c.name}: their notices`, '', '```text', c.plans.notices.text, '```', '');
      out.push(`### ${c.name}: their actions`, '', '```text', c.plans.actions.text, '```', '');
    }
  }
  return out.join('\n');
}
