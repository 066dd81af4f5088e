import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type CompiledQuery, sql } from 'kysely';
import type pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase, withTenant } from '../src/server/db/database';
import { migrate } from '../src/server/migrate';
import { createUser } from '../src/server/modules/access/access.service';
import { createMunicipality } from '../src/server/modules/access/municipality.service';
import { type ListFilter, listCitizens } from '../src/server/modules/citizens/citizens.list.repository';
import { policy } from '../src/server/modules/citizens/citizens.repository';
import { dropDatabase, recreateDatabase } from '../src/server/test/pg-admin';
import { AGE_BAND_RANGE, type AgeBand } from '../src/shared/citizens/status';
import { today } from '../src/shared/dates';
import { type HttpRequest, type LoadResult, loadFunction, loadHttp, TIMEOUT_SECONDS } from './lib/load';
import { type MachineInfo, machineInfo } from './lib/machine';
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
 * Search in the by-name list (issue 3): GET /api/citizens on one municipality with 100,000
 * citizens, measured through the whole application and, as the baseline, the very SQL the
 * repository sends, run straight through a pg.Pool.
 */
export interface CitizensBenchOptions {
  /** Admin URL of the PostgreSQL server; the benchmark database is created next to it. */
  adminUrl: string;
  /** Name of the benchmark database (dropped and recreated). */
  database: string;
  citizens: number;
  /** Citizens of a second municipality, so that tenant filtering has rows to filter out. */
  neighbourCitizens: number;
  /** Concurrent connections of the loaded runs; also the size of both connection pools. */
  connections: number;
  /** Seconds of each loaded run (app and raw, per case). */
  seconds: number;
  /** Seconds of unmeasured load before each loaded run. */
  warmupSeconds: number;
  /** Seconds of each single-connection run (one user at a time); 0 skips them. */
  serialSeconds: number;
  /** Caseworkers logged in; requests take their sessions in turn. */
  users: number;
  /** The goal: search p95 below this many milliseconds. */
  targetP95Ms: number;
  /** Keep the benchmark database afterwards. */
  keep: boolean;
  log: (line: string) => void;
}

export const DEFAULT_OPTIONS: Omit<CitizensBenchOptions, 'adminUrl'> = {
  database: 'hjemvej_bench',
  citizens: 100_000,
  neighbourCitizens: 5_000,
  connections: 32,
  seconds: 10,
  warmupSeconds: 2,
  serialSeconds: 3,
  users: 8,
  targetP95Ms: 50,
  keep: false,
  log: () => {},
};

export interface CaseResult {
  name: string;
  description: string;
  /** The query strings sent, in turn. */
  queries: string[];
  /** Rows matched by the first query (`total`), through the app and raw; they must agree. */
  matched: { app: number; raw: number };
  app: LoadResult;
  raw: LoadResult;
  /** One connection at a time: the latency a single user sees on an otherwise idle server. */
  serial?: { app: LoadResult; raw: LoadResult } | undefined;
  /** EXPLAIN (ANALYZE, BUFFERS) of the first query, after the runs (warm cache). */
  plan: Explained;
  meetsTarget: boolean;
}

export interface CitizensReport {
  suite: 'citizens-search';
  date: string;
  machine: MachineInfo;
  settings: Omit<CitizensBenchOptions, 'adminUrl' | 'log' | 'keep'>;
  data: {
    citizens: number;
    episodes: number;
    contacts: number;
    neighbourCitizens: number;
    loadSeconds: number;
  };
  cases: CaseResult[];
}

interface BenchCase {
  name: string;
  description: string;
  queries: URLSearchParams[];
}

/** The family names searched for: the twelve most common, the heaviest single-word searches. */
const SEARCHED_NAMES = [
  'jensen',
  'nielsen',
  'hansen',
  'pedersen',
  'andersen',
  'christensen',
  'larsen',
  'sørensen',
  'rasmussen',
  'jørgensen',
  'petersen',
  'madsen',
];

function cases(cprPrefixes: string[]): BenchCase[] {
  return [
    {
      name: 'name search',
      description: `q=<family name>, one of ${SEARCHED_NAMES.length} common family names in turn (e.g. q=jensen)`,
      queries: SEARCHED_NAMES.map((q) => new URLSearchParams({ q })),
    },
    {
      name: 'CPR prefix',
      description: `q=<DDMMYY>, ${cprPrefixes.length} birth-date prefixes that exist in the data, in turn`,
      queries: cprPrefixes.map((q) => new URLSearchParams({ q })),
    },
    {
      name: 'filtered list',
      description: 'status=homeless&ageBand=30_39, first page, no search text',
      queries: [new URLSearchParams({ status: 'homeless', ageBand: '30_39' })],
    },
  ];
}

/**
 * The repository filter for a query string, as citizens.service.ts#listCitizens builds it (kept in
 * step by hand: the service also writes the audit row, which the raw baseline must not).
 */
function toFilter(
  query: URLSearchParams,
  municipalityId: string,
  onDate: string,
  limits: { noContactDays: number; institutionDays: number },
): ListFilter & { today: string } {
  const q = query.get('q')?.trim() ?? '';
  const cprDigits = /^\d{6}-?\d{0,4}$/.test(q) ? q.replace('-', '') : undefined;
  const band = query.get('ageBand') as AgeBand | null;
  const [minAge, maxAge] = band ? AGE_BAND_RANGE[band] : [undefined, undefined];
  return {
    municipalityId,
    today: onDate,
    onDate,
    q: cprDigits ? undefined : q || undefined,
    cprPrefix: cprDigits,
    status: (query.get('status') ?? undefined) as ListFilter['status'],
    minAge,
    maxAge,
    limit: 25,
    offset: 0,
    ...limits,
  };
}

export async function runCitizensBench(
  options: Partial<CitizensBenchOptions> & { adminUrl: string },
): Promise<CitizensReport> {
  const o: CitizensBenchOptions = { ...DEFAULT_OPTIONS, ...options };
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

    log(`Loading ${o.citizens} + ${o.neighbourCitizens} citizens`);
    const loadStart = performance.now();
    const seeded = await seedCitizens(db.owner, {
      municipalityId: municipality.id,
      municipalityCode: municipality.code,
      citizens: o.citizens,
      seed: 3,
      today: onDate,
    });
    const neighbourSeed = await seedCitizens(db.owner, {
      municipalityId: neighbour.id,
      municipalityCode: neighbour.code,
      citizens: o.neighbourCitizens,
      seed: 7,
      today: onDate,
    });
    await sql`vacuum analyze citizen, whereabouts_episode, citizen_contact`.execute(db.owner);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    log(
      `Loaded ${seeded.citizens} citizens, ${seeded.episodes} episodes, ${seeded.contacts} contacts ` +
        `(+${neighbourSeed.citizens} next door) in ${loadSeconds.toFixed(1)} s`,
    );

    const password = randomBytes(18).toString('base64url');
    const usernames: string[] = [];
    for (let i = 1; i <= o.users; i++) {
      const user = await withTenant(db.owner, municipality.id, (trx) =>
        createUser(trx, null, municipality.id, {
          username: `bench.caseworker${i}`,
          displayName: `Sagsbehandler ${i}`,
          role: 'caseworker',
          password,
        }),
      );
      usernames.push(user.username);
    }

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

    const limits = await withTenant(db.owner, municipality.id, (trx) => policy(trx, municipality.id));
    pool = await rawPool(url, o.connections, municipality.id);
    const rawPoolRef = pool;
    const results: CaseResult[] = [];

    for (const c of cases(seeded.cprPrefixes)) {
      const compiled = await Promise.all(
        c.queries.map((q) => compile((db) => listCitizens(db, toFilter(q, municipality.id, onDate, limits)))),
      );
      let appTurn = 0;
      const nextHttp = (): HttpRequest => {
        const turn = appTurn++;
        return {
          path: `/api/citizens?${c.queries[turn % c.queries.length]}`,
          headers: { cookie: cookies[turn % cookies.length] ?? '' },
        };
      };
      let rawTurn = 0;
      // The same statements the repository sends, in order (a page and, without filters on the
      // derived status, a count).
      const rawCall = async () => {
        const queries = compiled[rawTurn++ % compiled.length] as CompiledQuery[];
        const results = [];
        for (const query of queries)
          results.push(await rawPoolRef.query(query.sql, query.parameters as unknown[]));
        return results;
      };

      // The first query through both paths must find the same rows.
      const first = await fetch(`${base}/api/citizens?${c.queries[0]}`, {
        headers: { cookie: cookies[0] ?? '' },
      });
      if (first.status !== 200) throw new Error(`${c.name}: HTTP ${first.status} ${await first.text()}`);
      const appTotal = ((await first.json()) as { total: number }).total;
      const rawResults = await rawCall();
      rawTurn = 0;
      const counted = rawResults[1]?.rows[0] as { n: number } | undefined;
      const matched = {
        app: appTotal,
        raw: counted ? counted.n : ((rawResults[0]?.rows[0] as { total: number } | undefined)?.total ?? 0),
      };
      if (matched.app !== matched.raw)
        throw new Error(`${c.name}: the app found ${matched.app} rows, the raw SQL ${matched.raw}`);

      // Each run starts on a quiet database: what the previous one left running is finished first.
      const http = async (connections: number, seconds: number) => {
        await waitForIdle(db.owner);
        return loadHttp({ url: base, connections, seconds, next: nextHttp });
      };
      const raw = async (connections: number, seconds: number) => {
        await waitForIdle(db.owner);
        return loadFunction({ connections, seconds, call: rawCall });
      };

      log(`${c.name}: ${matched.app} matches; app, ${o.connections} connections`);
      if (o.warmupSeconds > 0) await http(o.connections, o.warmupSeconds);
      const appResult = await http(o.connections, o.seconds);
      log(`${c.name}: raw SQL, ${o.connections} connections`);
      if (o.warmupSeconds > 0) await raw(o.connections, o.warmupSeconds);
      const rawResult = await raw(o.connections, o.seconds);
      let serial: CaseResult['serial'];
      if (o.serialSeconds > 0) {
        log(`${c.name}: one connection`);
        serial = { app: await http(1, o.serialSeconds), raw: await raw(1, o.serialSeconds) };
      }
      await waitForIdle(db.owner);
      const plan = await explain(url, municipality.id, (compiled[0] as CompiledQuery[])[0] as CompiledQuery);
      results.push({
        name: c.name,
        description: c.description,
        queries: c.queries.map(String),
        matched,
        app: appResult,
        raw: rawResult,
        serial,
        plan,
        meetsTarget: appResult.p95 < o.targetP95Ms,
      });
    }

    const { log: _log, keep: _keep, adminUrl: _url, ...settings } = o;
    return {
      suite: 'citizens-search',
      date: new Date().toISOString(),
      machine: await machineInfo(db.owner),
      settings,
      data: {
        citizens: seeded.citizens,
        episodes: seeded.episodes,
        contacts: seeded.contacts,
        neighbourCitizens: neighbourSeed.citizens,
        loadSeconds: Math.round(loadSeconds * 10) / 10,
      },
      cases: results,
    };
  } finally {
    await app?.close();
    await pool?.end();
    await db.close();
    if (o.keep) log(`Kept database ${o.database}`);
    else await dropDatabase(o.adminUrl, o.database);
  }
}

/** The results as Markdown: settings, the loaded and single-connection tables, plans of misses. */
export function citizensMarkdown(r: CitizensReport): string {
  const s = r.settings;
  const target = `p95 < ${s.targetP95Ms} ms`;
  const out: string[] = [];
  out.push(`# Citizens search benchmark, ${r.date.slice(0, 10)}`, '');
  out.push(`Machine: ${machineLine(r.machine)}.`, '');
  out.push(
    `Data: ${count(r.data.citizens)} citizens with ${count(r.data.episodes)} whereabouts episodes and ` +
      `${count(r.data.contacts)} contacts in one municipality, ${count(r.data.neighbourCitizens)} citizens ` +
      `in a second; generated, loaded and analysed in ${r.data.loadSeconds} s.`,
    '',
  );
  out.push(
    `Load: closed loop, ${s.connections} connections, ${s.seconds} s per case after ${s.warmupSeconds} s ` +
      `warm-up; the app's pool and the raw pool have ${s.connections} connections each; ${s.users} ` +
      `caseworker sessions take turns. Latencies in milliseconds.`,
    '',
  );
  out.push(`## Under load (${s.connections} connections)`, '');
  out.push(
    markdownTable(
      ['case', 'matches', ...APP_RAW_HEADER, 'app÷raw p95', target],
      r.cases.map((c) => [
        c.name,
        count(c.matched.app),
        ...appRawCells(c.app, c.raw),
        ratio(c.app.p95, c.raw.p95),
        c.meetsTarget ? 'yes' : '**no**',
      ]),
    ),
    '',
  );
  if (r.cases.some((c) => c.serial)) {
    out.push('## One connection (a single user on an idle server)', '');
    out.push(
      markdownTable(
        ['case', 'p50', 'p95', 'req/s', 'raw p50', 'raw p95', 'raw req/s', 'EXPLAIN ANALYZE'],
        r.cases.map((c) => [
          c.name,
          latency(c.serial?.app, 'p50'),
          latency(c.serial?.app, 'p95'),
          count(c.serial?.app.rps ?? 0),
          latency(c.serial?.raw, 'p50'),
          latency(c.serial?.raw, 'p95'),
          count(c.serial?.raw.rps ?? 0),
          ms(c.plan.executionMs),
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
  out.push('## What is measured', '');
  for (const c of r.cases) out.push(`- **${c.name}**: \`GET /api/citizens?…\` with ${c.description}.`);
  out.push(
    '',
    '- **app**: the whole request over HTTP on localhost: Fastify, the session cookie ' +
      '(`auth_session_touch`, user and permissions), query validation, the citizen policy, ' +
      '`listCitizens`, the audit row of the search (hash chain) and the JSON answer, each in ' +
      'its own transaction bound to the tenant.',
    '- **raw**: the statement `listCitizens` sends for the same filter, compiled once and run through a ' +
      '`pg.Pool` whose connections are bound to `hjemvej_app` and the tenant at start-up: one round ' +
      'trip per search, row-level security included.',
    '- **app÷raw req/s** is the share of the raw throughput the app keeps; **app÷raw p95** how many ' +
      'times slower its p95 is. **EXPLAIN ANALYZE** is the execution time PostgreSQL reports for the ' +
      'first query of the case on a warm cache.',
    '',
  );
  const plans = r.cases.filter((c) => !c.meetsTarget);
  if (plans.length) {
    out.push(`## Query plans of the cases over ${s.targetP95Ms} ms`, '');
    for (const c of plans) {
      out.push(`### ${c.name}: \`${c.queries[0]}\``, '', '```text', c.plan.text, '```', '');
    }
  }
  return out.join('\n');
}
