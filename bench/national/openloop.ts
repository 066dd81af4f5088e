import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { CompiledQuery } from 'kysely';
import pg from 'pg';
import { APP_ROLE, type Db, openDatabase } from '../../src/server/db/database';
import { today } from '../../src/shared/dates';
import { readStatements } from '../lib/capture';
import { loadAverageNow, type MachineInfo, machineInfo, settle } from '../lib/machine';
import { type OpenLoopResult, runOpenLoop, type Step, stepSearch } from '../lib/open-loop';
import { Random } from '../lib/random';
import { waitForIdle } from '../lib/raw-sql';
import { count, markdownTable, ms, reportHead } from '../lib/report';
import { startApp } from './bench';
import { databaseName, readSummary } from './data';
import {
  httpRequest,
  MIX,
  MixPicker,
  type MixPicker as MixPickerType,
  type MunicipalityLoad,
  openLoopAgent,
  pathTable,
  prepareMunicipalities,
  sendMix,
  withdrawLiveOffers,
} from './mix';

/**
 * The open-loop national benchmark (issue 21 §4): requests of the staff mix (mix.ts) arrive at a
 * fixed rate (a Poisson process) from all municipalities, whatever became of the earlier ones; the
 * rate is raised step by step to the highest one the deployment sustains with p95 < 100 ms and no
 * errors — for the app on 1 and on N processes, and for the raw SQL of the same mix.
 */
export interface OpenLoopBenchOptions {
  /** URL of the generated national database (`npm run bench:data`). */
  url: string;
  /** App processes to measure, e.g. [1, 2]; each is a server child process with WEB_CONCURRENCY. */
  processes: number[];
  /** Database connections in all: the app's pool is this ÷ processes per process; the raw pool has this many. */
  connections: number;
  /** Measured seconds per step at least; a slow step runs until `minRequests` are scheduled. */
  seconds: number;
  /** Requests a measured step schedules at least, so its p95 rests on enough of them (of 300: the 16th slowest). */
  minRequests: number;
  warmupSeconds: number;
  /** Seconds to wait at most for the machine to be quiet before each deployment (`settle`). */
  settleSeconds: number;
  startRate: number;
  maxRate: number;
  /** No step below this rate: a slow step lasts `minRequests / rate` seconds (at 2.5/s two minutes). */
  minRate: number;
  bisections: number;
  maxSteps: number;
  p95Ms: number;
  /** Open vacancies per municipality the offers go to. */
  offerSlots: number;
  /** Measure the raw SQL of the mix too. */
  raw: boolean;
  seed: number;
  log: (line: string) => void;
}

export const DEFAULT_OPTIONS: Omit<OpenLoopBenchOptions, 'url' | 'processes'> = {
  connections: 32,
  seconds: 15,
  minRequests: 300,
  warmupSeconds: 3,
  settleSeconds: 180,
  startRate: 10,
  maxRate: 5000,
  minRate: 2.5,
  bisections: 3,
  maxSteps: 12,
  p95Ms: 100,
  offerSlots: 4,
  raw: true,
  seed: 21,
  log: () => {},
};

export interface SearchResult {
  label: string;
  /** App processes asked for (WEB_CONCURRENCY); undefined for the raw SQL. */
  processes?: number | undefined;
  steps: { rate: number; pass: boolean; result: OpenLoopResult }[];
  sustainedRate?: number | undefined;
  /** The per-path latencies at the sustained rate (the last passing step at that rate). */
  atSustained?: OpenLoopResult | undefined;
  /** How the machine was when the deployment's first step began (after `settle`). */
  start: { waitedSeconds: number; quiet: boolean; loadAverage: number[] };
}

export interface OpenLoopReport {
  suite: 'openloop';
  date: string;
  machine: MachineInfo;
  loadAverage: { before: number[]; after: number[] };
  settings: Omit<OpenLoopBenchOptions, 'url' | 'log'>;
  data: { database: string; municipalities: number; scale: number; seed: number; today: string };
  mix: { name: string; weight: number; write: boolean; share: number }[];
  /** Whether the server knows WEB_CONCURRENCY (src/server/config.ts); without it N > 1 runs one process. */
  webConcurrencySupported: boolean;
  runs: SearchResult[];
  seconds: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Whether src/server/config.ts reads WEB_CONCURRENCY (the multi-process server of issue 21 §2). */
export async function webConcurrencySupported(): Promise<boolean> {
  const { readFile } = await import('node:fs/promises');
  const config = await readFile(path.join(process.cwd(), 'src', 'server', 'config.ts'), 'utf8');
  return config.includes('WEB_CONCURRENCY');
}

/**
 * `npm start`'s server as a child process (`node --import tsx src/server/main.ts`) with
 * WEB_CONCURRENCY=processes, on a free port; resolves once /api/health answers.
 */
export async function startServer(o: {
  url: string;
  processes: number;
  poolSize: number;
  sessionSecret: string;
}): Promise<{ base: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: o.url,
      DATABASE_POOL_SIZE: String(o.poolSize),
      WEB_CONCURRENCY: String(o.processes),
      SESSION_SECRET: o.sessionSecret,
      SESSION_IDLE_MINUTES: String(24 * 60),
      DEMO_SEED: 'false',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_PER_MINUTE: '10000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const giveUp = performance.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > giveUp) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer /api/health within 90 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    base,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * What the raw baseline replays of a request: its statements without the session's (lookup and
 * touch) and the tenant binding, which the replay does itself.
 */
export function replayStatements(queries: readonly CompiledQuery[]): CompiledQuery[] {
  return queries.filter((q) => {
    const text = q.sql.toLowerCase();
    return !text.includes('auth_session') && !text.includes('set_config(');
  });
}

/**
 * One request of the mix as raw SQL: on a connection as hjemvej_app, `begin` and the tenant binding
 * in one round trip (as the app's driver does), the captured statements one after another, then
 * `commit` for a read and `rollback` for a write (so a replayed write leaves nothing behind and
 * never conflicts with the last one).
 */
async function replay(pool: pg.Pool, m: MunicipalityLoad, name: string, write: boolean) {
  const statements = m.statements.get(name);
  if (!statements) throw new Error(`${m.g.code}: nothing captured for ${name}`);
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(`begin; select set_config('hjemvej.municipality_id', '${m.g.id}', true)`);
    try {
      for (const q of statements) await client.query(q.sql, q.parameters as unknown[]);
    } finally {
      await client.query(write ? 'rollback' : 'commit');
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Captures each request name of the mix once in every municipality, with the in-process app and
 * its capturing plugin, for the raw baseline (a write is really made: one more row per name).
 */
async function captureMix(
  app: Awaited<ReturnType<typeof startApp>>,
  owner: Db,
  picker: MixPickerType,
  loads: readonly MunicipalityLoad[],
  log: (line: string) => void,
) {
  log(`capturing the statements of ${MIX.length} requests in ${loads.length} municipalities`);
  const agent = openLoopAgent();
  const random = new Random(7);
  try {
    for (const m of loads) {
      for (const { name, write } of MIX) {
        if (name === 'withdraw an offer') continue;
        if (name === 'make an offer' && m.freeSlots.length === 0) continue;
        if (name === 'record a support contact' && m.enrollments.length === 0) continue;
        const request = picker.request(m, name, random);
        // The captured notice opens a case for its tenancy: an address no request of the runs uses,
        // and the case closed again below, so that its replay (rolled back) finds no open case to
        // collide with.
        if (name === 'record a notice')
          request.body = { ...(request.body as object), address: `Målevej ${m.g.code}, ${Date.now()}` };
        let failure: string | undefined;
        let answered = '';
        // A read is viewed once before, so that what is captured is what the app sends while it is in
        // use (a dashboard viewed minutes ago is read as kept, ADR 0026).
        if (!write) {
          const before = await sendMix(agent, app.base, request);
          if (!before.ok) throw new Error(`Capture of ${name}: ${before.error}`);
          // What that view started behind its answer (a dashboard kept from earlier and computed
          // again) ends before the capture, which sees every statement sent while it runs.
          await waitForIdle(owner);
        }
        const captured = await app.capture.capture(async () => {
          const answer = await sendMix(agent, app.base, request);
          if (!answer.ok) failure = answer.error;
          answered = answer.body;
        });
        if (failure) throw new Error(`Capture of ${name}: ${failure}`);
        // A read replays its reads (as the national benchmark's raw baseline: the audit row and the
        // ranking's census entries are the app's work around them); a write replays all it wrote.
        m.statements.set(name, write ? replayStatements(captured) : readStatements(captured));
        if (name === 'record a notice') {
          const { caseId } = JSON.parse(answered) as { caseId: string };
          const session = m.sessions.get('prevention');
          const closed = await httpRequest(agent, app.base, {
            method: 'POST',
            path: `/api/prevention/cases/${caseId}/outcome`,
            headers: { cookie: session?.cookie ?? '', 'x-csrf-token': session?.csrf ?? '' },
            body: JSON.stringify({ outcome: 'averted_paid', outcomeOn: today() }),
          });
          if (closed.status >= 300)
            throw new Error(`Closing the captured case: HTTP ${closed.status} ${closed.body.slice(0, 200)}`);
        }
        if (name === 'make an offer') {
          const withdraw = picker.request(m, 'withdraw an offer', random);
          const captured = await app.capture.capture(async () => {
            const answer = await sendMix(agent, app.base, withdraw);
            if (!answer.ok) failure = answer.error;
          });
          if (failure) throw new Error(`Capture of withdraw an offer: ${failure}`);
          m.statements.set('withdraw an offer', replayStatements(captured));
        }
      }
    }
  } finally {
    agent.destroy();
  }
}

export async function runOpenLoopBench(
  options: Partial<OpenLoopBenchOptions> & { url: string },
): Promise<OpenLoopReport> {
  const o: OpenLoopBenchOptions = {
    ...DEFAULT_OPTIONS,
    processes: [1, os.availableParallelism()],
    ...options,
  };
  const started = performance.now();
  const loadBefore = loadAverageNow();
  const summary = await readSummary(o.url);
  if (!summary)
    throw new Error(`${databaseName(o.url)} holds no national data set: run npm run bench:data first`);
  const onDate = today();
  const sessionSecret = randomBytes(32).toString('base64url');
  const supported = await webConcurrencySupported();
  const db = await openDatabase({ url: o.url, poolSize: 4 });
  let machine: MachineInfo;
  let loads: MunicipalityLoad[];
  let picker: MixPicker;
  try {
    machine = await machineInfo(db.owner);
    const app = await startApp(db, o.url, 8, { sessionSecret });
    try {
      loads = await prepareMunicipalities({
        base: app.base,
        db,
        municipalities: summary.municipalities,
        onDate,
        offerSlots: o.offerSlots,
        log: o.log,
      });
      picker = new MixPicker(loads, onDate);
      if (o.raw) await captureMix(app, db.owner, picker, loads, o.log);
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }

  const runs: SearchResult[] = [];
  let seed = o.seed;
  /** A step's measured seconds: `seconds`, or long enough to schedule `minRequests` at a slow rate. */
  const stepSeconds = (rate: number) => Math.max(o.seconds, Math.ceil(o.minRequests / rate));
  const search = async (
    label: string,
    processes: number | undefined,
    send: (random: Random) => { name: string; go: () => Promise<{ ok: boolean; error?: string }> },
  ) => {
    o.log(`${label}: waiting for a quiet machine (at most ${o.settleSeconds} s)`);
    const start = await settle(quiet.owner, { maxSeconds: o.settleSeconds, log: o.log });
    o.log(
      `${label}: from ${o.startRate}/s, ≥ ${o.seconds} s and ≥ ${o.minRequests} requests per step after ` +
        `${o.warmupSeconds} s warm-up (load ${start.loadAverage.join(', ')})`,
    );
    const window = (rate: number, seconds: number) =>
      runOpenLoop({
        rate,
        seconds,
        random: new Random(seed++),
        pick: (random) => send(random),
        label: (x) => x.name,
        send: (x) => x.go(),
      });
    const found = await stepSearch({
      startRate: o.startRate,
      maxRate: o.maxRate,
      minRate: o.minRate,
      bisections: o.bisections,
      maxSteps: o.maxSteps,
      p95Ms: o.p95Ms,
      log: o.log,
      measure: async (rate) => {
        if (o.warmupSeconds > 0) await window(rate, o.warmupSeconds);
        return window(rate, stepSeconds(rate));
      },
    });
    runs.push({
      label,
      processes,
      steps: found.steps.map((s: Step) => ({ rate: s.rate, pass: s.pass, result: s.result })),
      sustainedRate: found.sustainedRate,
      atSustained: found.best?.result,
      start,
    });
  };

  // The raw SQL first (it leaves nothing behind), then the app from the most processes down; each
  // deployment waits for the machine to settle from the one before (its vacuum, checkpoint and audit
  // chaining), so none starts on another's leftovers.
  const quiet = await openDatabase({ url: o.url, poolSize: 1 });
  try {
    if (o.raw) {
      const pool = new pg.Pool({
        connectionString: o.url,
        max: o.connections,
        options: `-c role=${APP_ROLE}`,
      });
      try {
        await search('raw SQL', undefined, (random) => {
          const { m, name, write } = picker.pickName(random);
          return {
            name,
            go: async () => {
              await replay(pool, m, name, write);
              return { ok: true };
            },
          };
        });
      } finally {
        await pool.end();
      }
    }

    for (const processes of o.processes.toSorted((a, b) => b - a)) {
      const server = await startServer({
        url: o.url,
        processes,
        poolSize: Math.max(2, Math.ceil(o.connections / processes)),
        sessionSecret,
      });
      const agent = openLoopAgent();
      try {
        await search(`app, ${processes} process${processes === 1 ? '' : 'es'}`, processes, (random) => {
          const request = picker.pick(random);
          return {
            name: request.name,
            go: async () => {
              const answer = await sendMix(agent, server.base, request);
              return answer.error === undefined ? { ok: answer.ok } : { ok: answer.ok, error: answer.error };
            },
          };
        });
        await withdrawLiveOffers(server.base, loads);
      } finally {
        agent.destroy();
        await server.stop();
      }
    }
  } finally {
    await quiet.close();
  }

  const total = MIX.reduce((s, x) => s + x.weight, 0);
  const { log: _log, url: _url, ...settings } = o;
  return {
    suite: 'openloop',
    date: new Date().toISOString(),
    machine,
    loadAverage: { before: loadBefore, after: loadAverageNow() },
    settings,
    data: {
      database: databaseName(o.url),
      municipalities: summary.municipalities.length,
      scale: summary.scale,
      seed: summary.seed,
      today: summary.today,
    },
    mix: MIX.map((x) => ({
      name: x.name,
      weight: x.weight,
      write: x.write === true,
      share: Math.round((x.weight / total) * 1000) / 10,
    })),
    webConcurrencySupported: supported,
    runs,
    seconds: Math.round((performance.now() - started) / 1000),
  };
}

// ---- the report ----

const rate = (n: number | undefined) => (n === undefined ? 'none' : `${n}/s`);

export function openLoopMarkdown(r: OpenLoopReport): string {
  const s = r.settings;
  const out: string[] = [];
  out.push(...reportHead(`# Open-loop national benchmark, ${r.date.slice(0, 10)}`, r));
  out.push(
    `Data: database \`${r.data.database}\`, ${r.data.municipalities} municipalities, seed ${r.data.seed}, ` +
      `scale ${r.data.scale}, generated around ${r.data.today} (\`npm run bench:data\`).`,
    '',
  );
  out.push('## Sustained arrival rate', '');
  out.push(
    `The highest arrival rate with p95 < ${s.p95Ms} ms, no errors and the requests sent at ≥ 95 % of the ` +
      'scheduled rate, over the whole mix:',
    '',
  );
  const raw = r.runs.find((x) => x.processes === undefined);
  out.push(
    markdownTable(
      ['deployment', 'sustained rate', 'p50', 'p95', 'p99', 'steps', 'app ÷ raw'],
      r.runs.map((x) => [
        x.label,
        rate(x.sustainedRate),
        x.atSustained ? ms(x.atSustained.p50) : '–',
        x.atSustained ? ms(x.atSustained.p95) : '–',
        x.atSustained ? ms(x.atSustained.p99) : '–',
        String(x.steps.length),
        x.processes !== undefined && raw?.sustainedRate && x.sustainedRate !== undefined
          ? `${(x.sustainedRate / raw.sustainedRate).toFixed(2)}×`
          : '–',
      ]),
    ),
    '',
  );
  if (!r.webConcurrencySupported && r.runs.some((x) => (x.processes ?? 1) > 1))
    out.push(
      '**Note**: this server does not read `WEB_CONCURRENCY` yet (issue 21 §2 is not merged), so the ' +
        'runs of more than one process ran one process.',
      '',
    );
  out.push(
    `Load: an open loop — requests arrive as a Poisson process at the step's rate and are sent whether or ` +
      `not earlier ones were answered (keep-alive sockets without limit); each latency runs from the ` +
      `request's scheduled time, so a server or generator that falls behind shows in it (no coordinated ` +
      `omission). Each step: ${s.warmupSeconds} s warm-up at its rate, then ${s.seconds} s measured, or longer ` +
      `at a slow rate so that at least ${s.minRequests} requests are scheduled and the p95 rests on ` +
      `enough of them; from ` +
      `${s.startRate}/s doubling until a step fails, then ${s.bisections} bisections between the last ` +
      `pass and the first failure, none below ${s.minRate}/s (at most ${s.maxSteps} steps). Requests still open at the end of a ` +
      `step are waited for and count. The app is \`npm start\`'s server as a child process ` +
      `(\`node --import tsx src/server/main.ts\`, WEB_CONCURRENCY=N, ${s.connections} database ` +
      `connections in all, shared out among the processes); the load generator is this process. ` +
      'The raw SQL runs first, then the app from the most processes down; before each, a CHECKPOINT and ' +
      'a wait (at most ' +
      `${s.settleSeconds} s) until no autovacuum or other query runs and the 1-minute load average is ` +
      "under the number of cores, so no deployment starts on the previous one's leftovers (the load at " +
      'each start is in its section). Latencies in milliseconds.',
    '',
  );
  out.push('## The mix', '');
  out.push(
    'Each request: a municipality drawn by population (København 11 %, Læsø 0.03 %), then a request by ' +
      'these shares, with the bench user of its role in that municipality. Caseworkers are the largest ' +
      'group and spend their day finding citizens and reading their page; support workers open their ' +
      'caseload and record contacts (the most frequent write: every visit and call); prevention workers ' +
      'work the inbox as notices arrive; allocation officers read the waiting list and rank candidates ' +
      'for a vacancy now and then; leaders, economy and shelter staff look at their reports a few times a ' +
      'day. An offer made is withdrawn as often, so the vacancies the offers go to stay open through a ' +
      'long run.',
    '',
  );
  out.push(
    markdownTable(
      ['request', 'kind', 'share'],
      r.mix.map((x) => [x.name, x.write ? 'write' : 'read', `${x.share.toFixed(1)} %`]),
    ),
    '',
  );
  out.push(
    'Writes use the routes the web uses, with the session cookie and CSRF header: register a citizen ' +
      '(`POST /api/citizens`, name, birth date and a first episode, no CPR), record a notice ' +
      '(`POST /api/prevention/notices`), make an offer (`POST /api/allocation/vacancies/:id/offers` to ' +
      `one of up to ${s.offerSlots} open vacancies per municipality, each with an eligible applicant of its ` +
      'own), withdraw it (`POST /api/allocation/offers/:id/withdraw`) and record a support contact ' +
      "(`POST /api/support/enrollments/:id/contacts` on one of the support user's active enrollments). " +
      'A non-2xx answer is an error.',
    '',
  );
  for (const x of r.runs) {
    out.push(`## ${x.label}: steps`, '');
    out.push(
      `Started after ${x.start.waitedSeconds} s of waiting, ${x.start.quiet ? 'on a quiet machine' : '**before the machine was quiet**'} ` +
        `(load average ${x.start.loadAverage.join(', ')}).`,
      '',
    );
    out.push(
      markdownTable(
        [
          'rate',
          'scheduled/s',
          'sent/s',
          'requests',
          'errors',
          'p50',
          'p95',
          'p99',
          'max',
          'send lag p95',
          'sustained',
        ],
        x.steps.map((st) => [
          `${st.rate}/s`,
          String(st.result.scheduledRate),
          String(st.result.sentRate),
          count(st.result.requests),
          count(st.result.errors),
          ms(st.result.p50),
          ms(st.result.p95),
          ms(st.result.p99),
          ms(st.result.max),
          ms(st.result.sendLagP95),
          st.pass ? 'yes' : '**no**',
        ]),
      ),
      '',
    );
    const errors = x.steps
      .flatMap((st) => st.result.firstErrors.map((e) => `${st.rate}/s: ${e}`))
      .slice(0, 5);
    if (errors.length)
      out.push('First errors:', '', ...errors.map((e) => `- \`${e.replaceAll('`', "'")}\``), '');
    if (x.atSustained) {
      out.push(`### ${x.label}: per path at ${rate(x.sustainedRate)}`, '');
      out.push(pathTable(x.atSustained.paths, s.p95Ms), '');
    } else {
      const lowest = x.steps.toSorted((a, b) => a.rate - b.rate)[0];
      out.push(`No step of ${x.label} was sustained.`, '');
      if (lowest) {
        out.push(`### ${x.label}: per path at ${lowest.rate}/s (the lowest rate tried)`, '');
        out.push(pathTable(lowest.result.paths, s.p95Ms), '');
      }
    }
  }
  out.push('## What is measured', '');
  out.push(
    '- **app**: the whole request over HTTP on localhost to the server child process: Fastify, the ' +
      'session, permissions, the service in one transaction bound to the tenant, the audit row and the ' +
      'JSON answer.',
    '- **raw SQL**: for each request of the same mix, the statements the app sent for that request name in ' +
      'that municipality, captured once from the app in this process before the runs: for a read its read ' +
      "statements (as in the national benchmark: the read's audit row and the ranking's census entries are " +
      "the app's work around them), for a write all it sent but the session's lookup and touch and the " +
      'tenant binding (its audit row, which the app sends with its COMMIT, is not seen, so not replayed). ' +
      'They are replayed on a `pg.Pool` of ' +
      `${s.connections} connections as \`hjemvej_app\`: \`begin\` and the tenant binding in one round trip ` +
      'as the app does, the statements one after another, then `commit` for a read and `rollback` for a ' +
      'write (so a replayed write changes nothing and never conflicts with the one before it; the raw ' +
      'writes therefore skip the commit). No HTTP, session, permissions or JSON. A municipality without ' +
      "an active enrollment for its support user or a vacancy to offer sends the read the app's mix sends " +
      'instead (support caseload, waiting list).',
    '- **send lag**: how late the generator sent requests after their scheduled time (it is inside the ' +
      'latencies); a large one means the load generator itself was short of CPU.',
    '',
  );
  return out.join('\n');
}
