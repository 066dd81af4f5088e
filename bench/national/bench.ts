import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { type DatabaseHandles, escapeLiteral, openDatabase } from '../../src/server/db/database';
import { migrate } from '../../src/server/migrate';
import { auditChainJob } from '../../src/server/modules/audit';
import { MAX_UPLOAD_BYTES } from '../../src/server/plugins/upload';
import { dropDatabase, siblingUrl } from '../../src/server/test/pg-admin';
import { today } from '../../src/shared/dates';
import type { ImportReport } from '../../src/shared/import';
import { CapturePlugin, readStatements } from '../lib/capture';
import {
  type HttpRequest,
  type LoadResult,
  loadFunction,
  loadHttpApart,
  percentile,
  TIMEOUT_SECONDS,
} from '../lib/load';
import { loadAverageNow, type MachineInfo, machineInfo } from '../lib/machine';
import { type Explained, explain, rawPool, waitForIdle } from '../lib/raw-sql';
import {
  APP_RAW_HEADER,
  appRawCells,
  count,
  latency,
  markdownTable,
  ms,
  ratio,
  reportHead,
} from '../lib/report';
import { copyImportWrites, importFiles, importNoticesFor } from '../prevention';
import { buildNationalDatabase, databaseName, readSummary } from './data';
import { embeddedMunicipality } from './embedded';
import {
  BENCH_PASSWORD,
  type BenchUser,
  benchUsername,
  type GeneratedMunicipality,
  type NationalSummary,
} from './generate';
import { LARGEST, MID_SIZED, MUNICIPALITIES } from './municipalities';

/**
 * The national benchmark (issue 7): the main read paths of every module, measured through the
 * whole application at 32 connections against the national data set, each next to its raw
 * baseline (the very read statements the request sent, replayed through a pg.Pool bound to
 * hjemvej_app and the tenant); the notice import against COPY of the same rows (in a scratch
 * database holding the largest municipality only); and the same paths on embedded PGlite for one
 * mid-sized municipality.
 */
export interface NationalBenchOptions {
  /** URL of the generated national database (`npm run bench:data`). */
  url: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Sessions per user: requests take them in turn. */
  sessions: number;
  importRows: number;
  /** Seconds per path of the embedded run (0 skips it). */
  embeddedSeconds: number;
  /** Seconds per path of the one-connection run (what one user sees on an idle server; 0 skips it). */
  serialSeconds: number;
  /** Only the paths of these names (default: all). */
  paths?: string[] | undefined;
  targets: {
    p95Ms: number;
    rankingP95Ms: number;
    /** p95 for one user (one connection). */
    oneUserP95Ms: number;
    appShareOfRaw: number;
    importRowsPerSecond: number;
  };
  log: (line: string) => void;
}

export const DEFAULT_OPTIONS: Omit<NationalBenchOptions, 'url'> = {
  connections: 32,
  seconds: 10,
  warmupSeconds: 2,
  sessions: 4,
  importRows: 20_000,
  embeddedSeconds: 5,
  serialSeconds: 5,
  targets: { p95Ms: 50, rankingP95Ms: 25, oneUserP95Ms: 50, appShareOfRaw: 0.7, importRowsPerSecond: 20_000 },
  log: () => {},
};

export interface PathResult {
  name: string;
  description: string;
  user: string;
  variants: number;
  /** Read statements per request (first variant) that the raw baseline replays. */
  statements: number;
  /** One connection: what one user sees. */
  oneUser?: LoadResult | undefined;
  app: LoadResult;
  raw?: LoadResult | undefined;
  /**
   * The same read statements as the app's transaction sends them: the tenant bound in BEGIN's round
   * trip, the statements, an audit row sent with COMMIT (ADR 0010). The database work an audited
   * request cannot do without; the app's own share is what it costs beyond this.
   */
  rawInTransaction?: LoadResult | undefined;
  /** The slowest read statement of the first variant under EXPLAIN (ANALYZE, BUFFERS). */
  plan?: (Explained & { sql: string }) | undefined;
  targetP95Ms: number;
  meetsTarget: boolean;
  meetsOneUser?: boolean | undefined;
  /** One user's p95 target in ms. */
  oneUserTargetMs?: number | undefined;
  /** The share of the raw req/s the app must keep at full load. */
  shareOfRaw: number;
  meetsRatio?: boolean | undefined;
}

export interface ImportMeasurement {
  rows: number;
  files: number;
  imported: number;
  seconds: number;
  rowsPerSecond: number;
  copy: { rows: number; seconds: number; rowsPerSecond: number };
  scratchLoadSeconds: number;
}

/** The monthly flow of each municipality in turn, one user, against the raw SQL it sends. */
export interface FlowAllMeasurement {
  municipalities: number;
  /** Timed requests per municipality (after one that warms and captures). */
  rounds: number;
  /** Across municipalities, each municipality's median request, ms. */
  app: { p50: number; p95: number; max: number };
  raw: { p50: number; p95: number; max: number };
  /** Seconds for one flow request of every municipality, one after the other (medians summed). */
  appSecondsAll: number;
  rawSecondsAll: number;
  /** The five slowest municipalities. */
  slowest: { code: string; name: string; appMs: number; rawMs: number }[];
}

/** The name under which `--path` selects the flow of every municipality. */
export const FLOW_ALL = 'monthly flow, all municipalities';

/**
 * GET /api/insight/flow (24 months) for the leader of every municipality in turn: one request warms
 * the path and captures its statements, then `rounds` timed requests, then the same statements
 * replayed `rounds` times on one raw connection bound to the tenant (the same run, the same server).
 */
async function measureFlowAll(o: {
  app: RunningApp;
  url: string;
  municipalities: readonly GeneratedMunicipality[];
  rounds: number;
  log: (line: string) => void;
}): Promise<FlowAllMeasurement> {
  const per: { code: string; name: string; appMs: number; rawMs: number }[] = [];
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      0.5,
    );
  o.log(`${FLOW_ALL}: ${o.municipalities.length} municipalities`);
  for (const g of o.municipalities) {
    const session = await login(o.app.base, benchUsername(g.code, 'leader'));
    const get = async () => {
      const res = await fetch(`${o.app.base}/api/insight/flow`, { headers: { cookie: session.cookie } });
      if (res.status !== 200)
        throw new Error(`${FLOW_ALL}: ${g.code}: HTTP ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    const statements = readStatements(await o.app.capture.capture(get));
    const appTimes: number[] = [];
    for (let i = 0; i < o.rounds; i++) {
      const t0 = performance.now();
      await get();
      appTimes.push(performance.now() - t0);
    }
    const pool = await rawPool(o.url, 1, g.id);
    const rawTimes: number[] = [];
    try {
      for (let i = 0; i < o.rounds; i++) {
        const t0 = performance.now();
        for (const q of statements) await pool.query(q.sql, q.parameters as unknown[]);
        rawTimes.push(performance.now() - t0);
      }
    } finally {
      await pool.end();
    }
    per.push({ code: g.code, name: g.name, appMs: median(appTimes), rawMs: median(rawTimes) });
  }
  const spread = (key: 'appMs' | 'rawMs') => {
    const sorted = per.map((p) => p[key]).sort((a, b) => a - b);
    return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1) ?? 0 };
  };
  const seconds = (key: 'appMs' | 'rawMs') => Math.round(per.reduce((s, p) => s + p[key], 0)) / 1000;
  return {
    municipalities: per.length,
    rounds: o.rounds,
    app: spread('appMs'),
    raw: spread('rawMs'),
    appSecondsAll: seconds('appMs'),
    rawSecondsAll: seconds('rawMs'),
    slowest: [...per].sort((a, b) => b.appMs - a.appMs).slice(0, 5),
  };
}

export interface NationalReport {
  suite: 'national';
  date: string;
  machine: MachineInfo;
  loadAverage: { before: number[]; after: number[] };
  settings: Omit<NationalBenchOptions, 'url' | 'log'>;
  data: Omit<NationalSummary, 'municipalities'> & {
    database: string;
    measured: GeneratedMunicipality;
    municipalities: number;
  };
  paths: PathResult[];
  import?: ImportMeasurement | undefined;
  /** The monthly by-name flow of every municipality (issue 18 §2). */
  flowAll?: FlowAllMeasurement | undefined;
  embedded?: {
    code: string;
    name: string;
    loadSeconds: number;
    rows: Record<string, number>;
    paths: PathResult[];
  };
  seconds: number;
}

interface PathSpec {
  name: string;
  description: string;
  user: BenchUser | BenchUser[];
  paths: string[];
  ranking?: boolean;
  /** The share of the raw req/s the app must keep (default: the suite's target). */
  shareOfRaw?: number;
  /** One user's p95 target in ms when the path's issue names its own (default: the suite's). */
  oneUserP95Ms?: number;
}

const SEARCHED = ['jensen', 'nielsen', 'hansen', 'pedersen', 'andersen', 'larsen', 'sørensen', 'møller'];

/** The read paths of a municipality, with the request variants they cycle through. */
export async function pathSpecs(
  db: DatabaseHandles,
  g: GeneratedMunicipality,
  onDate: string,
): Promise<PathSpec[]> {
  const { rows: citizens } = await sql<{ id: string }>`
    select id from citizen where municipality_id = ${g.id} and cur_situation is not null
      and merged_into is null order by id limit 40`.execute(db.owner);
  const from = `${Number(onDate.slice(0, 4)) - 1}${onDate.slice(4)}`;
  const caseload = g.support?.benchCaseload ?? 0;
  return [
    {
      name: 'citizen search',
      description: `GET /api/citizens?q=<family name>, ${SEARCHED.length} common names in turn`,
      user: 'caseworker',
      paths: SEARCHED.map((q) => `/api/citizens?${new URLSearchParams({ q })}`),
    },
    {
      name: 'citizen page',
      description: `GET /api/citizens/:id?purpose=casework, ${citizens.length} citizens with whereabouts in turn`,
      user: 'caseworker',
      paths: citizens.map((c) => `/api/citizens/${c.id}?purpose=casework`),
    },
    {
      name: 'waiting list',
      description: 'GET /api/allocation/waiting-list, pages 1–3 of 50',
      user: 'allocation',
      paths: [1, 2, 3].map((page) => `/api/allocation/waiting-list?page=${page}`),
    },
    {
      name: 'candidate ranking',
      description:
        'GET /api/allocation/vacancies/:id/candidates, a vacancy in a vulnerable area and one in a normal one',
      user: 'allocation',
      paths: [g.vacancies.udsat, g.vacancies.normal].map(
        (id) => `/api/allocation/vacancies/${id}/candidates`,
      ),
      ranking: true,
    },
    {
      name: 'prevention inbox',
      description: 'GET /api/prevention/cases (the open cases)',
      user: 'prevention',
      paths: ['/api/prevention/cases'],
    },
    {
      name: 'Mine opgaver',
      description: 'GET /api/tasks for a caseworker, an allocation officer and a prevention worker in turn',
      user: ['caseworker', 'allocation', 'prevention'],
      paths: ['/api/tasks'],
    },
    {
      name: 'agreement report',
      description: `GET /api/housing/organisations/:id/report?from=${from}&to=${onDate}, ${g.organisationIds.length} organisations in turn`,
      user: 'leader',
      paths: g.organisationIds.map(
        (id) => `/api/housing/organisations/${id}/report?${new URLSearchParams({ from, to: onDate })}`,
      ),
    },
    {
      name: 'support caseload',
      description: `GET /api/support/caseload (the web's "Mit caseload" page) for a support worker with ${caseload} active enrollments`,
      user: 'support',
      paths: ['/api/support/caseload'],
      shareOfRaw: 0.7,
    },
    {
      name: 'support Mine opgaver',
      description:
        'GET /api/tasks for the same support worker (contact gaps, eviction notices, ended courses, plans)',
      user: 'support',
      paths: ['/api/tasks'],
      shareOfRaw: 0.7,
    },
    {
      name: 'shelter residents',
      description: `GET /api/shelters/mine for the staff of a shelter (${g.shelters?.open ?? 0} open stays in the municipality)`,
      user: 'shelter',
      paths: ['/api/shelters/mine'],
    },
    {
      name: 'stay lengths',
      description: `GET /api/shelters/stay-lengths for the economy user (${g.shelters?.stays ?? 0} stays over ten years)`,
      user: 'economy',
      paths: ['/api/shelters/stay-lengths'],
    },
    {
      name: 'economics',
      description: `GET /api/economics for the economy user: this year's shelter costs, refunds and the dilemma (${g.shelters?.stays ?? 0} stays over ten years)`,
      user: 'economy',
      paths: ['/api/economics'],
      // Issue 16: the economics page for København, one user, p95 < 200 ms (a yearly report).
      oneUserP95Ms: 200,
    },
    {
      name: 'young people',
      description: `GET /api/youth for a caseworker: the young people aged 15–29 with profile, placements and clocks (${g.youth?.profiles ?? 0} profiles)`,
      user: 'caseworker',
      paths: ['/api/youth'],
    },
    {
      name: 'dashboard',
      description:
        "GET /api/insight/dashboard for the leader: every section — the outcome indicators and flow of 12 months, costs and supply, the allocation and prevention teams' monthly flow",
      user: 'leader',
      paths: ['/api/insight/dashboard'],
      // Issue 18 §4: the dashboard for one user, p95 < 100 ms.
      oneUserP95Ms: 100,
    },
    {
      name: 'dashboard, computed now',
      description:
        'GET /api/insight/dashboard?refresh=true for the leader: the same sections computed from every module at each request, as the first view of the day or the button "Beregn tallene nu" does',
      user: 'leader',
      paths: ['/api/insight/dashboard?refresh=true'],
    },
    {
      name: 'committee report',
      description: `GET /api/insight/committee-report?from=${from}&to=${onDate} for the leader: indicators, flow, counts, youth, prevention and the waiting list of a year, as kept minutes ago (ADR 0026) with the introduction and planning scenarios read at the view`,
      user: 'leader',
      paths: [`/api/insight/committee-report?${new URLSearchParams({ from, to: onDate })}`],
      // Issue 18 §5: the committee report, p95 < 1 s (a report one person makes).
      oneUserP95Ms: 1000,
    },
    {
      name: 'committee report, computed now',
      description: `GET /api/insight/committee-report?from=${from}&to=${onDate}&refresh=true for the leader: the same report computed from every module at each request, as the first view of the day or the button "Beregn tallene nu" does`,
      user: 'leader',
      paths: [`/api/insight/committee-report?${new URLSearchParams({ from, to: onDate, refresh: 'true' })}`],
      // Issue 18 §5: the committee report, p95 < 1 s (a report one person makes).
      oneUserP95Ms: 1000,
    },
    {
      name: 'youth indicators',
      description: `GET /api/youth/indicators for the leader: five years of young homeless, the formerly placed, § 111 decisions and transitions (${g.youth?.placed ?? 0} formerly placed)`,
      user: 'leader',
      paths: ['/api/youth/indicators'],
      // A yearly report, as the economics page.
      oneUserP95Ms: 200,
    },
  ];
}

interface Session {
  cookie: string;
  csrf: string;
}

export async function login(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/session/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('hjemvej_session='));
  if (res.status !== 200 || !session) throw new Error(`Login of ${username} failed: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: session.split(';')[0] ?? '', csrf: csrfToken };
}

export interface RunningApp {
  base: string;
  capture: CapturePlugin;
  close(): Promise<void>;
}

/** The application on `db`, as `npm start` runs it in production, with a capturing app handle. */
export async function startApp(
  db: DatabaseHandles,
  url: string | undefined,
  poolSize: number,
  /** The session secret, when sessions it makes must work on another server too (the open loop's). */
  options: { sessionSecret?: string } = {},
): Promise<RunningApp> {
  const capture = new CapturePlugin();
  const config = loadConfig({
    NODE_ENV: 'production',
    ...(url ? { DATABASE_URL: url, DATABASE_POOL_SIZE: String(poolSize) } : {}),
    SESSION_SECRET: options.sessionSecret ?? randomBytes(32).toString('base64url'),
    ...(options.sessionSecret ? { SESSION_IDLE_MINUTES: String(24 * 60) } : {}),
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    LOGIN_RATE_PER_MINUTE: '10000',
    // To measure the app without the per-process session cache (ADR 0025): SESSION_CACHE_SECONDS=0.
    ...(process.env.SESSION_CACHE_SECONDS
      ? { SESSION_CACHE_SECONDS: process.env.SESSION_CACHE_SECONDS }
      : {}),
  });
  // Reports read through the reporting handle (ADR 0024): it is captured too, or those paths' raw
  // baseline would replay nothing.
  const captured = db.app.withPlugin(capture);
  const reports = db.reports === db.app ? captured : db.reports.withPlugin(capture);
  const app = await buildApp({ config, db: { ...db, app: captured, reports }, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  // The audit chain's job runs as in a server (ADR 0009): its work is part of what a request costs.
  const chain = auditChainJob(db, app.log);
  chain.start();
  return {
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    capture,
    close: async () => {
      await chain.stop();
      await app.close();
    },
  };
}

/**
 * Waits (up to 20 s) until the PostgreSQL server has `n` connection slots free: the app's idle
 * connections close after 10 s, and other users of a shared server come and go.
 */
async function freeSlots(db: DatabaseHandles, n: number): Promise<void> {
  const giveUp = performance.now() + 20_000;
  while (performance.now() < giveUp) {
    const { rows } = await sql<{ free: number }>`
      select current_setting('max_connections')::int - count(*)::int as free from pg_stat_activity`.execute(
      db.owner,
    );
    if ((rows[0]?.free ?? 0) >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Measures each path: its request variants are captured once (statements and answer), then the
 * app runs under load, then the raw baseline replays the captured read statements.
 */
async function measurePaths(o: {
  app: RunningApp;
  db: DatabaseHandles;
  url?: string | undefined;
  g: GeneratedMunicipality;
  specs: PathSpec[];
  connections: number;
  seconds: number;
  warmupSeconds: number;
  serialSeconds: number;
  sessions: number;
  targets: NationalBenchOptions['targets'];
  log: (line: string) => void;
}): Promise<PathResult[]> {
  const sessions = new Map<BenchUser, Session[]>();
  const sessionsOf = async (user: BenchUser) => {
    let list = sessions.get(user);
    if (!list) {
      list = [];
      for (let i = 0; i < o.sessions; i++) list.push(await login(o.app.base, benchUsername(o.g.code, user)));
      sessions.set(user, list);
    }
    return list;
  };
  const results: PathResult[] = [];
  for (const spec of o.specs) {
    const users = Array.isArray(spec.user) ? spec.user : [spec.user];
    const cookies: string[] = [];
    for (const user of users) for (const s of await sessionsOf(user)) cookies.push(s.cookie);
    // Every variant (path × user) once, alone, capturing what it sends.
    const variants: { path: string; cookie: string }[] = [];
    for (const path of spec.paths)
      for (const user of users) variants.push({ path, cookie: (await sessionsOf(user))[0]?.cookie ?? '' });
    const statements: CompiledQuery[][] = [];
    for (const v of variants) {
      const view = async () => {
        const res = await fetch(`${o.app.base}${v.path}`, { headers: { cookie: v.cookie } });
        if (res.status !== 200)
          throw new Error(`${spec.name}: ${v.path}: HTTP ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      };
      // Viewed once before, so that what is captured is what the app sends while it is in use (a
      // dashboard viewed minutes ago is read as kept, ADR 0026), as the timed runs after warm-up see it.
      await view();
      await waitForIdle(o.db.owner);
      statements.push(readStatements(await o.app.capture.capture(view)));
    }
    // Every path with every session, in the order requests take them.
    const requests: HttpRequest[] = [];
    for (const cookie of cookies) for (const path of spec.paths) requests.push({ path, headers: { cookie } });
    const idle = () => waitForIdle(o.db.owner);
    o.log(`${spec.name}: app, ${o.connections} connections`);
    if (o.warmupSeconds > 0) {
      await idle();
      await loadHttpApart({
        url: o.app.base,
        connections: o.connections,
        seconds: o.warmupSeconds,
        requests,
      });
    }
    let oneUser: LoadResult | undefined;
    if (o.serialSeconds > 0) {
      o.log(`${spec.name}: app, 1 connection`);
      await idle();
      oneUser = await loadHttpApart({ url: o.app.base, connections: 1, seconds: o.serialSeconds, requests });
    }
    await idle();
    const appRun = await loadHttpApart({
      url: o.app.base,
      connections: o.connections,
      seconds: o.seconds,
      requests,
    });
    let rawRun: LoadResult | undefined;
    let rawInTransactionRun: LoadResult | undefined;
    let plan: PathResult['plan'];
    if (o.url) {
      const url = o.url;
      // Opened per path, after the app's run, once the server has the slots: it is shared.
      await freeSlots(o.db, o.connections + 4);
      const pool = await rawPool(url, o.connections, o.g.id);
      let rawTurn = 0;
      const call = async () => {
        for (const q of statements[rawTurn++ % statements.length] ?? [])
          await pool.query(q.sql, q.parameters as unknown[]);
      };
      o.log(`${spec.name}: raw SQL, ${o.connections} connections`);
      if (o.warmupSeconds > 0) {
        await idle();
        await loadFunction({ connections: o.connections, seconds: o.warmupSeconds, call });
      }
      await idle();
      rawRun = await loadFunction({ connections: o.connections, seconds: o.seconds, call });
      await pool.end();
      // The same statements in the app's transaction shape, with its audit row.
      const actor = await o.db.owner
        .selectFrom('app_user')
        .select(['id', 'username'])
        .where('username', '=', benchUsername(o.g.code, users[0] ?? 'caseworker'))
        .executeTakeFirstOrThrow();
      await freeSlots(o.db, o.connections + 4);
      const txPool = await rawPool(url, o.connections, o.g.id);
      const begin = `begin; select set_config('hjemvej.municipality_id', ${escapeLiteral(o.g.id)}, true)`;
      const auditAndCommit =
        'insert into audit_event (municipality_id, actor_user_id, actor_username, action, entity_type, ' +
        `entity_id, purpose, client_ip, details) values (${escapeLiteral(o.g.id)}, ${escapeLiteral(actor.id)}, ` +
        `${escapeLiteral(actor.username)}, 'bench.raw', 'bench', null, null, null, '{}'); commit`;
      let txTurn = 0;
      const callInTransaction = async () => {
        const client = await txPool.connect();
        try {
          await client.query(begin);
          for (const q of statements[txTurn++ % statements.length] ?? [])
            await client.query(q.sql, q.parameters as unknown[]);
          await client.query(auditAndCommit);
        } catch (error) {
          await client.query('rollback').catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      };
      o.log(`${spec.name}: raw SQL in the app's transaction shape, ${o.connections} connections`);
      if (o.warmupSeconds > 0) {
        await idle();
        await loadFunction({ connections: o.connections, seconds: o.warmupSeconds, call: callInTransaction });
      }
      await idle();
      rawInTransactionRun = await loadFunction({
        connections: o.connections,
        seconds: o.seconds,
        call: callInTransaction,
      });
      await txPool.end();
      await idle();
      for (const q of statements[0] ?? []) {
        const p = await explain(url, o.g.id, q);
        if (!plan || p.executionMs > plan.executionMs) plan = { ...p, sql: q.sql };
      }
    }
    const targetP95Ms = spec.ranking ? o.targets.rankingP95Ms : o.targets.p95Ms;
    const shareOfRaw = spec.shareOfRaw ?? o.targets.appShareOfRaw;
    const oneUserTargetMs = spec.oneUserP95Ms ?? Math.min(targetP95Ms, o.targets.oneUserP95Ms);
    results.push({
      name: spec.name,
      description: spec.description,
      user: users.map((u) => benchUsername(o.g.code, u)).join(', '),
      variants: variants.length,
      statements: statements[0]?.length ?? 0,
      oneUser,
      app: appRun,
      raw: rawRun,
      rawInTransaction: rawInTransactionRun,
      plan,
      targetP95Ms,
      meetsTarget: appRun.requests > 0 && appRun.errors === 0 && appRun.p95 < targetP95Ms,
      meetsOneUser: oneUser
        ? oneUser.requests > 0 && oneUser.errors === 0 && oneUser.p95 < oneUserTargetMs
        : undefined,
      oneUserTargetMs,
      shareOfRaw,
      meetsRatio: rawRun ? appRun.rps >= shareOfRaw * rawRun.rps : undefined,
    });
  }
  return results;
}

/**
 * The notice import (POST /api/prevention/notices/import, CSV files of at most the upload limit)
 * against COPY of the same rows into the same tables (rolled back), in a scratch database that
 * holds the largest municipality as the national set does, so the national set stays as generated.
 */
async function measureImport(o: NationalBenchOptions, summary: NationalSummary): Promise<ImportMeasurement> {
  const scratchName = `${databaseName(o.url)}_import`;
  const scratchUrl = siblingUrl(o.url, scratchName);
  const started = performance.now();
  o.log(`import: generating ${LARGEST} into ${scratchName}`);
  const { summary: scratch, prevention } = await buildNationalDatabase({
    url: scratchUrl,
    seed: summary.seed,
    scale: summary.scale,
    only: [LARGEST],
  });
  const scratchLoadSeconds = Math.round((performance.now() - started) / 100) / 10;
  const g = scratch.municipalities[0];
  const seeded = prevention.get(LARGEST);
  if (!g || !seeded) throw new Error('The scratch database has no municipality');
  const index = MUNICIPALITIES.findIndex((m) => m.code === LARGEST);
  const { rows } = importNoticesFor(seeded, {
    rows: o.importRows,
    seed: summary.seed + 77,
    today: summary.today,
    cprFrom: seeded.nextCpr,
    cprYear: String(58 + (index % 42)),
  });
  const files = importFiles(rows, MAX_UPLOAD_BYTES);
  const db = await openDatabase({ url: scratchUrl, poolSize: 4 });
  const client = new pg.Client({ connectionString: scratchUrl });
  await client.connect();
  let app: RunningApp | undefined;
  try {
    const importer = await sql<{ id: string }>`
      select id from app_user where username = ${benchUsername(LARGEST, 'importer')}`.execute(db.owner);
    o.log(`import: COPY of ${rows.length} rows (rolled back)`);
    const copy = await copyImportWrites(client, g.id, importer.rows[0]?.id ?? '', rows);
    app = await startApp(db, scratchUrl, 4);
    const session = await login(app.base, benchUsername(LARGEST, 'importer'));
    o.log(`import: ${rows.length} rows in ${files.length} files over HTTP`);
    const t0 = performance.now();
    let imported = 0;
    for (const file of files) {
      const form = new FormData();
      form.append('mode', 'all');
      form.append('dryRun', 'false');
      form.append('file', new Blob([file.text], { type: 'text/csv' }), 'underretninger.csv');
      const res = await fetch(`${app.base}/api/prevention/notices/import`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: form,
      });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`Import: HTTP ${res.status} ${body.slice(0, 300)}`);
      const report = JSON.parse(body) as ImportReport;
      if (report.problems.length)
        throw new Error(`Import problems: ${JSON.stringify(report.problems.slice(0, 3))}`);
      imported += report.imported;
    }
    const seconds = (performance.now() - t0) / 1000;
    return {
      rows: rows.length,
      files: files.length,
      imported,
      seconds: Math.round(seconds * 1000) / 1000,
      rowsPerSecond: Math.round(rows.length / seconds),
      copy: { rows: copy.rows, seconds: copy.seconds, rowsPerSecond: copy.rowsPerSecond },
      scratchLoadSeconds,
    };
  } finally {
    await app?.close();
    await client.end();
    await db.close();
    await dropDatabase(siblingUrl(o.url, 'postgres'), scratchName);
  }
}

export async function runNationalBench(
  options: Partial<NationalBenchOptions> & { url: string },
): Promise<NationalReport> {
  const o: NationalBenchOptions = { ...DEFAULT_OPTIONS, ...options };
  const started = performance.now();
  const loadBefore = loadAverageNow();
  const summary = await readSummary(o.url);
  if (!summary)
    throw new Error(`${databaseName(o.url)} holds no national data set: run npm run bench:data first`);
  const measured = summary.municipalities.find((m) => m.code === LARGEST) ?? summary.municipalities[0];
  if (!measured) throw new Error('The national data set has no municipality');
  const onDate = today();

  const db = await openDatabase({ url: o.url, poolSize: o.connections });
  // As `npm start` does: a data set generated by an earlier release gets this release's migrations.
  await migrate(db.owner);
  let paths: PathResult[];
  let flowAll: FlowAllMeasurement | undefined;
  let machine: MachineInfo;
  try {
    machine = await machineInfo(db.owner);
    const app = await startApp(db, o.url, o.connections);
    try {
      paths = await measurePaths({
        app,
        db,
        url: o.url,
        g: measured,
        specs: (await pathSpecs(db, measured, onDate)).filter((p) => !o.paths || o.paths.includes(p.name)),
        connections: o.connections,
        seconds: o.seconds,
        warmupSeconds: o.warmupSeconds,
        serialSeconds: o.serialSeconds,
        sessions: o.sessions,
        targets: o.targets,
        log: o.log,
      });
      if (!o.paths || o.paths.includes(FLOW_ALL))
        flowAll = await measureFlowAll({
          app,
          url: o.url,
          municipalities: summary.municipalities,
          rounds: 3,
          log: o.log,
        });
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }

  const imported = o.importRows > 0 ? await measureImport(o, summary) : undefined;

  let embedded: NationalReport['embedded'];
  if (o.embeddedSeconds > 0) {
    o.log(`embedded: generating ${MID_SIZED} into PGlite`);
    const e = await embeddedMunicipality({
      code: MID_SIZED,
      seed: summary.seed,
      scale: summary.scale,
      today: summary.today,
    });
    try {
      const edb = await e.open();
      try {
        const g = e.summary.municipalities[0];
        if (!g) throw new Error('The embedded database has no municipality');
        const app = await startApp(edb, undefined, 1);
        try {
          embedded = {
            code: g.code,
            name: g.name,
            loadSeconds: e.loadSeconds,
            rows: e.summary.rows,
            paths: await measurePaths({
              app,
              db: edb,
              g,
              specs: (await pathSpecs(edb, g, onDate)).filter((p) => !o.paths || o.paths.includes(p.name)),
              connections: o.connections,
              seconds: o.embeddedSeconds,
              warmupSeconds: Math.min(1, o.warmupSeconds),
              serialSeconds: Math.min(o.serialSeconds, o.embeddedSeconds),
              sessions: 1,
              targets: o.targets,
              log: (line) => o.log(`embedded ${line}`),
            }),
          };
        } finally {
          await app.close();
        }
      } finally {
        await edb.close();
      }
    } finally {
      e.remove();
    }
  }

  const { log: _log, url: _url, ...settings } = o;
  const { municipalities, ...data } = summary;
  return {
    suite: 'national',
    date: new Date().toISOString(),
    machine,
    loadAverage: { before: loadBefore, after: loadAverageNow() },
    settings,
    data: { ...data, database: databaseName(o.url), measured, municipalities: municipalities.length },
    paths,
    import: imported,
    flowAll,
    embedded,
    seconds: Math.round((performance.now() - started) / 1000),
  };
}

// ---- the report ----

const yes = (ok: boolean | undefined) => (ok === undefined ? '–' : ok ? 'yes' : '**no**');

function problems(paths: PathResult[]): string {
  const list = paths.flatMap((p) =>
    (
      [
        ['one user', p.oneUser],
        ['app', p.app],
        ['raw', p.raw],
      ] as const
    ).flatMap(([label, x]) => {
      if (!x || (x.errors === 0 && x.requests > 0)) return [];
      const timeouts = x.timeouts ? ` (${x.timeouts} timed out after ${TIMEOUT_SECONDS} s)` : '';
      const first = x.firstError ? ` (first: ${x.firstError})` : '';
      return [`${p.name} (${label}): ${x.requests} answered, ${x.errors} failed${timeouts}${first}`];
    }),
  );
  return list.length
    ? `**Failed or unanswered requests**: ${list.join('; ')}.`
    : 'Every request was answered, none failed.';
}

export function nationalMarkdown(r: NationalReport): string {
  const s = r.settings;
  const t = s.targets;
  const d = r.data;
  const out: string[] = [];
  out.push(...reportHead(`# National benchmark, ${r.date.slice(0, 10)}`, r));
  out.push(
    `Data: database \`${d.database}\`, ${d.municipalities} municipalities, seed ${d.seed}, scale ${d.scale}, ` +
      `generated around ${d.today} in ${d.seconds} s (\`npm run bench:data\`). Measured municipality: ` +
      `${d.measured.code} ${d.measured.name} (${count(d.measured.counts.applications)} applications of which ` +
      `${count(d.measured.counts.waiting)} waiting, ${count(d.measured.counts.notices)} notices, ` +
      `${count(d.measured.counts.audit)} audit rows` +
      (d.measured.support
        ? `; support: ${d.measured.support.teams} teams, ${d.measured.support.workers} workers, ` +
          `${count(d.measured.support.enrollments)} enrollments of which ${count(d.measured.support.active)} active, ` +
          `${count(d.measured.support.contacts)} contacts, ${d.measured.support.benchCaseload} active for ` +
          'the measured support worker)'
        : ')') +
      '.',
    '',
  );
  out.push(
    markdownTable(
      ['table', 'rows'],
      Object.entries(d.rows).map(([table, n]) => [`\`${table}\``, count(n)]),
    ),
    '',
  );
  out.push(
    `Load: closed loop, ${s.connections} connections, ${s.seconds} s per path after ${s.warmupSeconds} s warm-up; ` +
      `the app's pool and the raw pool have ${s.connections} connections each; ${s.sessions} sessions per user ` +
      `take turns; the HTTP load runs in a worker thread of its own, apart from the thread that serves the app. ` +
      `"One user" is the app at one connection for ${s.serialSeconds ?? 0} s per path. ` +
      'Latencies in milliseconds.',
    '',
  );
  out.push(`## Read paths on PostgreSQL (${s.connections} connections)`, '');
  out.push(
    markdownTable(
      [
        'path',
        'one user p50',
        'one user p95',
        ...APP_RAW_HEADER,
        'p95 target',
        'meets p95',
        'one user p95 target',
        'meets one user',
        'app÷raw target',
        'meets app÷raw',
        'raw in a transaction with its audit row, req/s',
        'app÷that',
        'slowest statement (EXPLAIN ANALYZE)',
      ],
      r.paths.map((p) => [
        p.name,
        latency(p.oneUser, 'p50'),
        latency(p.oneUser, 'p95'),
        ...appRawCells(p.app, p.raw),
        `< ${p.targetP95Ms}`,
        yes(p.meetsTarget),
        `< ${p.oneUserTargetMs ?? t.oneUserP95Ms}`,
        yes(p.meetsOneUser),
        `≥ ${(p.shareOfRaw ?? t.appShareOfRaw).toFixed(2)}×`,
        yes(p.meetsRatio),
        p.rawInTransaction ? count(p.rawInTransaction.rps) : '–',
        p.rawInTransaction ? ratio(p.app.rps, p.rawInTransaction.rps) : '–',
        p.plan ? ms(p.plan.executionMs) : '–',
      ]),
    ),
    '',
    problems(r.paths),
    '',
  );
  if (r.import) {
    const i = r.import;
    out.push('## Notice import against COPY', '');
    out.push(
      markdownTable(
        ['', 'rows', 'seconds', 'rows/s', `target ≥ ${count(t.importRowsPerSecond)} rows/s`],
        [
          [
            `import over HTTP (${i.files} file${i.files === 1 ? '' : 's'})`,
            count(i.rows),
            String(i.seconds),
            count(i.rowsPerSecond),
            yes(i.rowsPerSecond >= t.importRowsPerSecond),
          ],
          [
            'COPY of the same writes',
            count(i.copy.rows),
            String(i.copy.seconds),
            count(i.copy.rowsPerSecond),
            '–',
          ],
          ['import ÷ COPY', '', '', ratio(i.rowsPerSecond, i.copy.rowsPerSecond), ''],
        ],
      ),
      '',
      `In a scratch database holding ${d.measured.code} ${d.measured.name} as the national set does (generated in ` +
        `${i.scratchLoadSeconds} s and dropped afterwards), so the national set stays as generated. ` +
        `${count(i.imported)} notices were imported.`,
      '',
    );
  }
  if (r.flowAll) {
    const f = r.flowAll;
    out.push('## The monthly flow of every municipality', '');
    out.push(
      `GET /api/insight/flow (24 months, overall, youth and by age band) for the leader of each of the ` +
        `${f.municipalities} municipalities in turn, one user: one request to warm up and capture, then the ` +
        `median of ${f.rounds}; the raw SQL replays the same statements on one connection bound to the tenant.`,
      '',
      markdownTable(
        ['', 'p50 over municipalities', 'p95', 'max', 'all municipalities one after the other'],
        [
          ['app', ms(f.app.p50), ms(f.app.p95), ms(f.app.max), `${f.appSecondsAll} s`],
          ['raw SQL', ms(f.raw.p50), ms(f.raw.p95), ms(f.raw.max), `${f.rawSecondsAll} s`],
          ['app ÷ raw (p50)', ratio(f.app.p50, f.raw.p50), ratio(f.app.p95, f.raw.p95), '', ''],
        ],
        ['l', 'r', 'r', 'r', 'r'],
      ),
      '',
      `Slowest: ${f.slowest.map((m) => `${m.code} ${m.name} ${ms(m.appMs)} (raw ${ms(m.rawMs)})`).join('; ')}.`,
      '',
    );
  }
  if (r.embedded) {
    const e = r.embedded;
    out.push(`## Embedded PGlite: ${e.code} ${e.name}`, '');
    out.push(
      `The same paths on embedded PGlite (one connection inside the server process), ${s.connections} HTTP ` +
        `connections, ${s.embeddedSeconds} s per path. ${e.name} as in the national set: ` +
        `${count(e.rows.citizen ?? 0)} citizens, ${count(e.rows.allocation_application ?? 0)} applications, ` +
        `${count(e.rows.eviction_notice ?? 0)} notices, ${count(e.rows.audit_event ?? 0)} audit rows, ` +
        `migrated and generated in ${e.loadSeconds} s. No raw baseline here: PGlite has one connection.`,
      '',
    );
    out.push(
      markdownTable(
        ['path', 'one user p50', 'one user p95', 'p50', 'p95', 'p99', 'req/s', 'p95 target', 'meets p95'],
        e.paths.map((p) => [
          p.name,
          latency(p.oneUser, 'p50'),
          latency(p.oneUser, 'p95'),
          latency(p.app, 'p50'),
          latency(p.app, 'p95'),
          latency(p.app, 'p99'),
          count(p.app.rps),
          `< ${p.targetP95Ms}`,
          yes(p.meetsTarget),
        ]),
      ),
      '',
      problems(e.paths),
      '',
    );
  }
  out.push('## What is measured', '');
  for (const p of r.paths) out.push(`- **${p.name}** (as ${p.user}): ${p.description}.`);
  out.push(
    '',
    '- **app**: the whole request over HTTP on localhost: Fastify, the session cookie, permissions, the ' +
      'service in one transaction bound to the tenant, the audit row of the read and the JSON answer.',
    '- **raw**: the read statements that request sent (captured from the app on one request per variant), ' +
      'replayed one after another through a `pg.Pool` whose connections are bound to `hjemvej_app` and the ' +
      'tenant: row-level security included, no session, transaction, audit or JSON. **app÷raw req/s** is ' +
      'the share of the raw throughput the app keeps.',
    '- **slowest statement**: the execution time PostgreSQL reports for the slowest read statement of the ' +
      "path's first request, on a warm cache; its plan is below for paths that miss a target.",
    '',
  );
  const missed = r.paths.filter(
    (p) => (!p.meetsTarget || p.meetsOneUser === false || p.meetsRatio === false) && p.plan,
  );
  if (missed.length) {
    out.push('## Plans of the paths that miss a target', '');
    for (const p of missed) {
      const plan = p.plan as NonNullable<PathResult['plan']>;
      const text = plan.text.replace(/'\{[^}]{200,}\}'/g, (m) => `'{<${m.split(',').length} values>}'`);
      const statement = plan.sql.replace(/\$(\d+)(?:, \$\d+){8,}, \$(\d+)/g, (_, a, b) => `$${a}, …, $${b}`);
      out.push(`### ${p.name}`, '', '```sql', statement.trim(), '```', '', '```text', text, '```', '');
    }
  }
  return out.join('\n');
}
