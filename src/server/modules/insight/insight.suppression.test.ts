/**
 * Domain rule 33 across the whole API: every aggregate that leaves the case-working roles is
 * suppressed at the municipality's own limit. The limit is set to an unusual value (7) through the
 * administrator's route; then every GET route the leader and the economy role may call is called,
 * and every count in every answer is checked: a suppressed mark reads "<7" (the setting is used, not
 * the default "<5") and no count of 1 to 6 is shown.
 *
 * Which fields are counts is read from the routes' response schemas: a field whose schema admits the
 * suppressed mark (the shared `reportedCount` of src/server/platform/reported.ts) is a count. Every
 * other number must be a measure named in MEASURES (kroner, days, shares, …): an unclassified number
 * fails the test, and so does a route these roles can reach that ROUTES does not classify.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/permissions';
import type { DatabaseHandles } from '../../db/database';
import { demoUsername, seedDemo } from '../../demo/seed';
import { pdfText } from '../../test/documents';
import { call, createCitizen, createNotice, createOrganisation, tenantWith } from '../../test/factories';
import { login, type Session, testApp, testDatabase } from '../../test/helpers';

const PASSWORD = 'demo-password-long';
const onPostgres = Boolean(process.env.DATABASE_URL);
/** An unusual limit, so that a figure suppressed at the default (5) is told apart. */
const LIMIT = 7;
const MARK = `<${LIMIT}`;
const HIDDEN = 'x';
const YEAR = new Date().getFullYear();
/** A count year (rule 5: even years from 2022) before this one. */
const COUNT_YEAR = YEAR % 2 === 0 ? YEAR - 2 : YEAR - 1;

let db: DatabaseHandles;
let app: FastifyInstance;
let admin: Session;
const sessions = {} as Record<'leader' | 'economy', Session>;

beforeAll(async () => {
  db = await testDatabase();
  app = await testApp(db);
  if (!onPostgres) {
    // The demo municipality (ten years of data, small cells everywhere) has a fixed kommunekode, so
    // it is seeded on PGlite only, as the other demo tests do.
    await seedDemo(db, PASSWORD);
    admin = await login(app, demoUsername('admin'), PASSWORD);
    sessions.leader = await login(app, demoUsername('leader'), PASSWORD);
    sessions.economy = await login(app, demoUsername('economy'), PASSWORD);
  } else {
    // A municipality of its own with a few small figures: three people on the street, two notices.
    const { users } = await tenantWith(app, db, ['admin', 'caseworker', 'prevention', 'leader', 'economy']);
    admin = users.admin.session;
    sessions.leader = users.leader.session;
    sessions.economy = users.economy.session;
    for (let i = 0; i < 3; i++)
      await createCitizen(users.caseworker.session, {
        firstEpisode: { situation: 'street', fromDate: `${YEAR - 1}-11-01` },
      });
    for (let i = 0; i < 2; i++) await createNotice(users.prevention.session);
    // An organisation and a count, so that the routes with an id or a year have one to call.
    await createOrganisation(admin);
    await call(users.caseworker.session, 'POST', '/api/counts', { year: COUNT_YEAR }, 201);
    // A scenario, so that the planning routes have one to read.
    await call(
      users.leader.session,
      'POST',
      '/api/planning/scenarios',
      { name: 'Basis', scenario: { years: 1 }, draws: 100 },
      202,
    );
  }
  await call(admin, 'PUT', '/api/insight/suppression-limit', { suppressionLimit: LIMIT });
});

afterAll(async () => {
  // Back to the default, so that nothing after this file sees the unusual limit.
  if (admin) await call(admin, 'PUT', '/api/insight/suppression-limit', { suppressionLimit: 5 });
  await app?.close();
  await db?.close();
});

/**
 * Numbers that are not counts, by field name, with what they measure. A number in an answer whose
 * schema does not admit the suppressed mark must be one of these (or of its route's `measures`).
 */
const MEASURES: Record<string, string> = {
  // Time.
  year: 'a year',
  months: 'a number of months asked for',
  days: 'a limit in days',
  daysWithoutRate: 'days without a rate (a data-quality figure of the settings)',
  institutionDays: 'a setting of the inactivity policy, in days',
  noContactDays: 'a setting of the inactivity policy, in days',
  medianNights: 'a median of nights (shown only over at least the limit of stays)',
  meanNights: 'a mean of nights (shown only over at least the limit of stays)',
  medianDaysToOutcome: 'a median of days (shown only over at least the limit of cases)',
  beyondDays: 'days beyond the stay limit (shown only over at least the limit of citizens)',
  refundedDays: 'days refunded (shown only over at least the limit of citizens)',
  monthsWithRefund: 'months of Housing First the lost refund would buy',
  // Kroner.
  shelter: 'kroner',
  support: 'kroner',
  placements: 'kroner',
  stayRefund: 'kroner',
  supportRefund: 'kroner',
  careRefund: 'kroner',
  costs: 'kroner',
  refunds: 'kroner',
  net: 'kroner',
  beyondNet: 'kroner',
  refundedMunicipal: 'kroner',
  lostRefund: 'kroner',
  supportMonthly: 'kroner a month',
  housingMonthly: 'kroner a month',
  housingMonthlyCost: 'kroner a month (a setting)',
  ownPaymentPerDay: 'kroner a day (a setting)',
  // Shares, rates and capacities.
  refundSharePercent: 'a per cent (a setting)',
  shareWithChildren: 'a share (shown only where both its parts are shown)',
  formerlyPlacedPercent: 'a per cent (shown only where both its parts are shown)',
  ratePer10000: 'a rate per 10,000 inhabitants',
  fte: 'full-time equivalents of a worker or team',
  load: 'a caseload against the norm (a ratio)',
  capacity: 'places by the norm × FTE',
  places: "a shelter's places",
  // Not the municipality's persons.
  national: 'a national total (Danmarks Statistik)',
  age18to24: 'a national count (Danmarks Statistik)',
  age25to29: 'a national count (Danmarks Statistik)',
  inhabitants: 'inhabitants of a municipality',
  suppressionLimit: 'the limit itself',
  // Dwellings, not persons (as the indicators count agreement units: AMOUNT_UNITS).
  agreed: 'dwellings agreed',
  received: 'dwellings received',
  used: 'dwellings used',
  returnedUnused: 'dwellings returned unused',
};

/**
 * The housing module's figures are about dwellings, rents and quotas, not persons: rule 33 protects
 * persons, and the indicators already report agreement units unsuppressed (AMOUNT_UNITS).
 */
const DWELLINGS: Record<string, string> = {
  quotaPercent: 'a quota in per cent',
  rehousingPercent: 'a quota in per cent',
  turnoverPercent: 'a turnover in per cent',
  allocationPercent: 'a share of allocation in per cent',
  family: 'expected dwellings a year',
  youth: 'expected dwellings a year',
  elderly: 'expected dwellings a year',
  alternative: 'expected dwellings a year',
  pipeline: 'dwellings being built',
  units: 'dwellings',
  unitCount: 'dwellings',
  unitsElderly: 'dwellings for the elderly',
  totalElderly: 'dwellings for the elderly',
  perYear: 'expected dwellings a year',
  perQuarter: 'expected dwellings a quarter',
  expected: 'expected dwellings',
  emptyDays: 'days a dwelling stood empty',
  emptyRent: 'kroner of empty rent',
  budget: 'kroner',
  amountPerUnit: 'kroner',
  monthlyReduction: 'kroner',
  rentMin: 'kroner',
  rentMax: 'kroner',
  rent: 'kroner',
  remaining: 'kroner',
};

/**
 * The planning module's figures: the model's expectations and their bands, not counts of persons (ADR
 * 0018), its settings and the supply in dwellings. The past it is fitted on is counted (suppressed).
 */
const PLANNING: Record<string, string> = {
  ...DWELLINGS,
  mean: "a forecast's mean over its draws (a modelled expectation)",
  low: "a forecast band's 10th percentile",
  high: "a forecast band's 90th percentile",
  fitMonths: 'months of history the model is fitted on',
  years: 'years ahead asked for',
  year: 'a forecast year',
  draws: 'draws of the Monte Carlo run',
  seed: 'the random seed',
  progress: 'the share of a run done',
  agreementsPerYear: 'expected dwellings a year',
  otherPerYear: 'expected dwellings a year',
  usedShare: 'a share of dwellings',
  acceptanceShare: 'a share of offers',
  fte: 'full-time equivalents',
  caseloadNorm: 'clients per worker (a setting)',
  capacity: 'support places by FTE × norm',
  cti: 'kroner a month, or support places by FTE × norm',
  icm: 'kroner a month, or support places by FTE × norm',
  act: 'kroner a month, or support places by FTE × norm',
  shelterStayMonths: 'months (a rate of the model or a lever)',
  preventionSuccessPercent: 'a per cent (a rate of the model or a lever)',
  inflowPerMonth: 'a modelled rate of inflow',
  netPerShelterDay: 'kroner a day',
  shelterRefundShare: 'a share',
  supportRefundShare: 'a share',
  lettings: "a forecast year's expected lettings (a modelled expectation)",
  shelterDays: "a forecast year's expected shelter days",
  shelterNet: 'kroner',
  shelterRefund: 'kroner',
  supportCost: 'kroner',
  supportRefund: 'kroner',
  netCost: 'kroner',
  supportRefused: "a forecast year's expected support starts refused for lack of places",
};

const PERIOD = `?from=${YEAR - 1}-01-01&to=${YEAR - 1}-12-31`;

/**
 * Every GET route the leader or the economy role may call, classified. An aggregate is called (with
 * the URL given, when the route needs parameters) and its counts checked; a file is read back and
 * its cells checked; a route that is not an aggregate says why. Adding a route reachable by these
 * roles needs an entry here.
 */
type Entry =
  | { kind: 'aggregate'; url?: string; measures?: Record<string, string> }
  | { kind: 'xlsx'; url?: string; dwellings?: true }
  | { kind: 'pdf'; url?: string; reason: string }
  | { kind: 'not an aggregate'; reason: string };

const ROUTES: Record<string, Entry> = {
  // Aggregates.
  'GET /api/insight/flow': { kind: 'aggregate' },
  'GET /api/insight/indicators': { kind: 'aggregate', url: `/api/insight/indicators${PERIOD}` },
  'GET /api/insight/comparison': {
    kind: 'aggregate',
    measures: { total: "the national count's total (Danmarks Statistik), the comparison's context" },
  },
  'GET /api/insight/committee-report': {
    kind: 'aggregate',
    url: `/api/insight/committee-report${PERIOD}`,
    measures: PLANNING,
  },
  'GET /api/counts': { kind: 'aggregate' },
  'GET /api/counts/:year/report': { kind: 'aggregate', url: '/api/counts/{latestCount}/report' },
  'GET /api/economics': { kind: 'aggregate', url: `/api/economics?year=${YEAR - 1}` },
  'GET /api/youth/indicators': { kind: 'aggregate' },
  'GET /api/support/fidelity': { kind: 'aggregate' },
  'GET /api/support/retention': { kind: 'aggregate' },
  'GET /api/shelters/stay-lengths': { kind: 'aggregate' },
  'GET /api/allocation/waiting-list/counts': { kind: 'aggregate' },
  'GET /api/allocation/snapshots': { kind: 'aggregate' },
  'GET /api/prevention/monitoring': { kind: 'aggregate', url: `/api/prevention/monitoring${PERIOD}` },
  // Files.
  'GET /api/insight/committee-report.xlsx': {
    kind: 'xlsx',
    url: `/api/insight/committee-report.xlsx${PERIOD}`,
  },
  'GET /api/prevention/monitoring.xlsx': { kind: 'xlsx', url: `/api/prevention/monitoring.xlsx${PERIOD}` },
  'GET /api/insight/committee-report.pdf': {
    kind: 'pdf',
    url: `/api/insight/committee-report.pdf${PERIOD}`,
    reason: 'drawn from the same committee report as the JSON and the XLSX: its marks are checked',
  },
  'GET /api/insight/dashboard': { kind: 'aggregate' },
  'GET /api/planning/baseline': { kind: 'aggregate', measures: PLANNING },
  'GET /api/planning/scenarios': { kind: 'aggregate', measures: PLANNING },
  'GET /api/planning/scenarios/:id': {
    kind: 'aggregate',
    url: '/api/planning/scenarios/{planningScenario}',
    measures: PLANNING,
  },
  'GET /api/housing/area-status': { kind: 'aggregate', measures: DWELLINGS },
  'GET /api/housing/agreements': { kind: 'aggregate', measures: DWELLINGS },
  'GET /api/housing/expected': { kind: 'aggregate', measures: DWELLINGS },
  'GET /api/housing/organisations/:id/report': {
    kind: 'aggregate',
    url: `/api/housing/organisations/{organisation}/report${PERIOD}`,
    measures: DWELLINGS,
  },
  'GET /api/housing/pools': { kind: 'aggregate', measures: DWELLINGS },
  'GET /api/housing/pipeline': { kind: 'aggregate', measures: DWELLINGS },
  'GET /api/housing/elderly': { kind: 'aggregate', measures: DWELLINGS },
  'GET /api/housing/organisations/:id/report.xlsx': {
    kind: 'xlsx',
    url: `/api/housing/organisations/{organisation}/report.xlsx${PERIOD}`,
    dwellings: true,
  },
  'GET /api/housing/export.xlsx': { kind: 'xlsx', dwellings: true },
  'GET /api/housing/organisations/:id/report.pdf': {
    kind: 'pdf',
    url: `/api/housing/organisations/{organisation}/report.pdf${PERIOD}`,
    reason: 'dwellings, drawn from the same organisation report as the JSON: its marks are checked',
  },
  // Not aggregates.
  'GET /api/housing/organisations': { kind: 'not an aggregate', reason: 'the housing organisations' },
  'GET /api/housing/organisations/:id/contacts': {
    kind: 'not an aggregate',
    reason: "an organisation's contact people",
  },
  'GET /api/housing/departments': {
    kind: 'not an aggregate',
    reason: 'the departments (estates) of the organisations',
  },
  'GET /api/housing/departments/:id': { kind: 'not an aggregate', reason: 'one department (estate)' },
  'GET /api/citizens': {
    kind: 'not an aggregate',
    reason: 'the by-name list: case records the leader may read (logged), not figures',
  },
  'GET /api/citizens/:id': { kind: 'not an aggregate', reason: "one citizen's case record (logged)" },
  'GET /api/citizens/:id/export': { kind: 'not an aggregate', reason: "one citizen's data (logged)" },
  'GET /api/roles': { kind: 'not an aggregate', reason: 'the roles and their permissions' },
  'GET /api/settings/inactivity-policy': { kind: 'not an aggregate', reason: 'a setting' },
  'GET /api/support/catalogue': {
    kind: 'not an aggregate',
    reason: 'the support methods and their settings',
  },
  'GET /api/tasks/digest': { kind: 'not an aggregate', reason: "the user's own task digest" },
  'GET /api/session': { kind: 'not an aggregate', reason: "the user's own session" },
  'GET /api/account/second-factor': { kind: 'not an aggregate', reason: "the user's own second factor" },
  'GET /api/tasks': { kind: 'not an aggregate', reason: "the user's own tasks" },
  'GET /api/insight/settings': { kind: 'not an aggregate', reason: 'the limit and the decision on sharing' },
  'GET /api/economics/settings': { kind: 'not an aggregate', reason: 'rates and limits, no counts' },
};

/** Count fields whose values are nonetheless measures (the indicators' values share one schema). */
const MEASURES_IN_COUNTS = /^(median|mean|load|capacity|.*Share)$/;

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  const?: unknown;
  $ref?: string;
};

interface Findings {
  leaks: string[];
  wrongMarks: string[];
  unclassified: string[];
  marks: number;
}

const branches = (s: JsonSchema) => s.anyOf ?? s.oneOf ?? [];
/** A count: its schema admits the suppressed mark at the limit. */
const isCount = (s: JsonSchema) =>
  branches(s).some((b) => b.type === 'string' && b.pattern !== undefined && new RegExp(b.pattern).test(MARK));
const typesOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

function checkCount(value: unknown, path: string, name: string, f: Findings) {
  if (typeof value === 'string') {
    f.marks++;
    if (value !== MARK && value !== HIDDEN) f.wrongMarks.push(`${path} = ${JSON.stringify(value)}`);
  } else if (typeof value === 'number' && !MEASURES_IN_COUNTS.test(name)) {
    if (value >= 1 && value < LIMIT) f.leaks.push(`${path} = ${value}`);
  }
}

/** Walks an answer alongside its schema, checking every count and classifying every other number. */
function walk(
  value: unknown,
  schema: JsonSchema,
  path: string,
  name: string,
  f: Findings,
  measures: Record<string, string> = {},
): void {
  if (value === null || value === undefined) return;
  if (isCount(schema)) {
    checkCount(value, path, name, f);
    return;
  }
  if (schema.allOf) {
    for (const s of schema.allOf) walk(value, s, path, name, f, measures);
    return;
  }
  const options = branches(schema);
  if (options.length > 0) {
    const kind = Array.isArray(value) ? 'array' : typeof value;
    const fits = options.filter((b) => {
      const types = typesOf(b);
      if (types.length === 0) return isCount(b) || Boolean(b.properties || b.anyOf);
      return types.some((t) => t === kind || (t === 'integer' && kind === 'number'));
    });
    for (const b of fits.slice(0, 1)) walk(value, b, path, name, f, measures);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      walk(v, schema.items ?? {}, `${path}[${i}]`, name, f, measures);
    });
    return;
  }
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    // An indicator counted in dwellings (agreement units): amounts of dwellings, not persons.
    if (object.unit === 'units' && 'values' in object) return;
    for (const [key, v] of Object.entries(object)) {
      const own = schema.properties?.[key];
      const s = own ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {});
      // A record keyed by ids: its values are what the record's name says they are.
      const byId = !own && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(key);
      walk(v, s, `${path}.${key}`, byId ? name : key, f, measures);
    }
    return;
  }
  if (typeof value === 'number' && !(name in MEASURES) && !(name in measures))
    f.unclassified.push(`${path} = ${value}`);
}

/** The OpenAPI path of a Fastify route: /api/counts/:year/report → /api/counts/{year}/report. */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

function responseSchema(url: string): JsonSchema {
  const doc = app.swagger() as {
    paths: Record<
      string,
      { get?: { responses?: Record<string, { content?: Record<string, { schema: JsonSchema }> }> } }
    >;
  };
  const schema = doc.paths[openApiPath(url)]?.get?.responses?.['200']?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${url} has no response schema`);
  return schema;
}

/** The GET routes of the API a role may call: its permissions against each route's `config.access`. */
async function reachable(session: Session): Promise<string[]> {
  const { user } = (await call(session, 'GET', '/api/session')) as { user: { permissions: string[] } };
  const permissions = new Set(user.permissions);
  return app
    .routeAccess()
    .filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
    .filter((r) => r.access === 'authenticated' || (r.access !== undefined && permissions.has(r.access)))
    .map((r) => `${r.method} ${r.url}`);
}

async function urlOf(session: Session, route: string, entry: { url?: string }): Promise<string> {
  let url = entry.url ?? route.slice('GET '.length);
  if (url.includes('{organisation}')) {
    const organisations = (await call(session, 'GET', '/api/housing/organisations')) as
      | { id: string }[]
      | { items: { id: string }[] };
    const list = Array.isArray(organisations) ? organisations : organisations.items;
    url = url.replace('{organisation}', list[0]?.id ?? '');
  }
  if (url.includes('{planningScenario}')) {
    const { scenarios } = (await call(session, 'GET', '/api/planning/scenarios')) as {
      scenarios: { id: string }[];
    };
    url = url.replace('{planningScenario}', scenarios[0]?.id ?? '');
  }
  if (url.includes('{latestCount}')) {
    const counts = (await call(session, 'GET', '/api/counts')) as { year: number }[];
    url = url.replace('{latestCount}', String(counts[0]?.year ?? YEAR));
  }
  return url;
}

/**
 * The cells of a workbook: every suppressed mark, and whole numbers 1–6 (a count shown) unless the
 * workbook is of dwellings (the housing module's: rule 33 protects persons) or the cell is formatted
 * as a share, an amount or a date.
 */
async function checkWorkbook(body: Buffer, where: string, f: Findings, dwellings: boolean) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        const at = `${where} ${sheet.name}!R${r}C${c}`;
        const v = cell.value;
        if (typeof v === 'string' && /^<\d+$/.test(v)) {
          f.marks++;
          if (v !== MARK) f.wrongMarks.push(`${at} = ${v}`);
        } else if (!dwellings && typeof v === 'number' && Number.isInteger(v) && v >= 1 && v < LIMIT) {
          // A whole number 1–6 in a workbook of counts: a count shown, unless its format says it is a
          // share, an amount or a date.
          const numFmt = cell.numFmt ?? '';
          if (!/%|kr|d|m|y|0[.,]0/.test(numFmt)) f.leaks.push(`${at} = ${v}`);
        }
      });
    });
  });
}

/**
 * The suppressed marks a PDF draws ("<7"). Its numbers are drawn as text among labels, dates and
 * amounts, so they cannot be told from counts here: the JSON the PDF is drawn from is checked.
 */
function checkPdfMarks(body: Buffer, where: string, f: Findings) {
  for (const [mark] of pdfText(body).matchAll(/<\s?\d+/g)) {
    f.marks++;
    if (mark.replace(/\s/g, '') !== MARK) f.wrongMarks.push(`${where}: ${mark}`);
  }
}

describe('small-number suppression at the municipality limit across the API (domain rule 33)', () => {
  for (const role of ['leader', 'economy'] as const satisfies readonly Role[]) {
    it(`every aggregate the ${role} can read is suppressed at the municipality's limit: marks read "<7" and no count of 1–6 is shown`, async () => {
      const session = sessions[role];
      const routes = await reachable(session);
      expect(routes.length).toBeGreaterThan(3);
      // A route these roles can reach must be classified, so that a new one is looked at.
      expect(
        routes.filter((r) => !(r in ROUTES)),
        'routes to classify in ROUTES',
      ).toEqual([]);

      const f: Findings = { leaks: [], wrongMarks: [], unclassified: [], marks: 0 };
      const checked: string[] = [];
      const failed: string[] = [];
      for (const route of routes) {
        const entry = ROUTES[route] as Entry;
        if (entry.kind === 'not an aggregate') continue;
        const url = await urlOf(session, route, entry);
        const res = await session.request({ method: 'GET', url });
        if (res.statusCode !== 200) {
          failed.push(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          continue;
        }
        if (entry.kind === 'aggregate')
          walk(res.json(), responseSchema(route.slice('GET '.length)), route, '', f, entry.measures);
        else if (entry.kind === 'xlsx')
          await checkWorkbook(res.rawPayload, route, f, entry.dwellings ?? false);
        else checkPdfMarks(res.rawPayload, route, f);
        checked.push(route);
      }
      expect(failed, 'routes that did not answer 200').toEqual([]);
      expect(checked.length).toBeGreaterThan(0);
      expect(f.unclassified, 'numbers that are neither counts nor named measures').toEqual([]);
      expect(f.wrongMarks, 'suppressed marks not at the municipality limit').toEqual([]);
      expect(f.leaks, 'counts of 1 to limit − 1 shown').toEqual([]);
      // The municipality's figures have small cells: the limit must have been applied somewhere.
      expect(f.marks).toBeGreaterThan(0);
    });
  }
});
