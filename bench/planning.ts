import { Worker } from 'node:worker_threads';
import { type DatabaseHandles, openDatabase, withTenant } from '../src/server/db/database';
import { migrate } from '../src/server/migrate';
import {
  FIT_MONTHS,
  type PlanningInputs,
  planningInputs,
} from '../src/server/modules/planning/planning.inputs.service';
import {
  closeForecastWorkers,
  FORECAST_THREADS,
  runForecast,
} from '../src/server/modules/planning/planning.runner';
import { scenarioRun } from '../src/server/modules/planning/planning.service';
import { computeDailyHistories } from '../src/server/modules/planning/planning-history-job';
import { threadPriorityWorks } from '../src/server/platform/thread-priority';
import { type ForecastInput, forecast } from '../src/shared/planning/simulate';
import { percentile } from './lib/load';
import { loadAverageNow, type MachineInfo, machineInfo } from './lib/machine';
import { count, machineLine, markdownTable, ms, ratio } from './lib/report';
import { login, startApp } from './national/bench';
import { databaseName, readSummary } from './national/data';
import { benchUsername, type GeneratedMunicipality } from './national/generate';
import { LARGEST } from './national/municipalities';

/**
 * The planning benchmark (issue 19, "Done when"): a five-year, 1,000-draw forecast of the largest
 * municipality (its inputs gathered from the database, then the forecast in the process and through
 * the worker pool of `runForecast`), the forecasts of all 98 municipalities through the pool, and a
 * light authenticated read (GET /api/session) sent to the app server at a steady rate, open loop,
 * at rest and while the 98 forecasts run, in the same run.
 *
 * The light path's requests are sent from a worker thread of their own, so that their timing does
 * not wait on the main thread's event loop; their latency is counted from the moment each was due
 * (open loop: a slow answer does not delay the next request).
 */

export interface PlanningBenchOptions {
  url: string;
  /** Forecast years and draws (issue 19: 5 years, 1,000 draws). */
  years: number;
  draws: number;
  seed: number;
  /** Timed repeats of the one-municipality measurements. */
  repeats: number;
  /** Requests a second of the light path, and the seconds of its run at rest. */
  lightRate: number;
  restSeconds: number;
  targets: { oneMs: number; allSeconds: number };
  log: (line: string) => void;
}

export const DEFAULT_OPTIONS: Omit<PlanningBenchOptions, 'url'> = {
  years: 5,
  draws: 1000,
  seed: 2026,
  repeats: 7,
  lightRate: 20,
  restSeconds: 10,
  targets: { oneMs: 2000, allSeconds: 60 },
  log: () => {},
};

export interface Spread {
  runs: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

export interface LightRun {
  label: string;
  seconds: number;
  sent: number;
  answered: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface PlanningReport {
  suite: 'planning';
  date: string;
  machine: MachineInfo;
  loadAverage: { before: number[]; after: number[] };
  settings: Omit<PlanningBenchOptions, 'url' | 'log'>;
  data: { database: string; today: string; seed: number; scale: number };
  poolSize: number;
  one: {
    code: string;
    name: string;
    /** The compartments' sizes it starts from (homeless and waiting). */
    homeless: number;
    waiting: number;
    /** The inputs with the history read afresh (the day's first forecast, before the job has run). */
    inputs: Spread;
    /** The inputs with the day's stored history (`dailyHistory`): every later forecast of the day. */
    dailyInputs: Spread;
    /**
     * The inputs with an earlier day's stored history of the same month (the day's first forecast
     * before the job has computed the day's); null on a month's first day, which has none.
     */
    earlierDayInputs: Spread | null;
    inProcess: Spread;
    /** Through the pool, warm (the first call, which starts the thread, apart). */
    pool: Spread;
    poolFirstMs: number;
  };
  all: {
    municipalities: number;
    /** Inputs gathered for all first (main thread, one after the other), seconds. */
    inputsSeconds: number;
    /** The forecasts of all through the pool, all asked at once, wall seconds. */
    poolSeconds: number;
    /** The same forecasts one after the other in the process: the raw work, seconds. */
    inProcessSeconds: number;
    /** Inputs and forecasts together, pipelined (inputs of the next while the pool works), seconds. */
    endToEndSeconds: number;
    /** The job's pass: the day's history of every municipality computed and stored, seconds. */
    jobSeconds: number;
    /** Inputs with the day's stored history and forecasts together, pipelined, seconds. */
    dailyEndToEndSeconds: number;
    slowest: { code: string; name: string; inProcessMs: number }[];
  };
  light: {
    path: string;
    rest: LightRun;
    duringPool: LightRun;
    duringEndToEnd: LightRun;
    duringJob: LightRun;
    duringDailyEndToEnd: LightRun;
    restAfter: LightRun;
  };
  seconds: number;
}

function spread(samples: number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** The five-year forecast input of a municipality's inputs, as the planning routes build it. */
function inputOf(inputs: PlanningInputs, o: PlanningBenchOptions): ForecastInput {
  return scenarioRun(inputs, {
    name: 'benchmark',
    scenario: { years: o.years },
    draws: o.draws,
    seed: o.seed,
  }).input;
}

async function inputsOf(
  db: DatabaseHandles,
  g: GeneratedMunicipality,
  today: string,
  history: 'fresh' | 'daily' = 'fresh',
) {
  return withTenant(db.app, g.id, (trx) => planningInputs(trx, g.id, today, FIT_MONTHS, { history }));
}

/**
 * The light path's client, in a worker thread: on "start" it sends GET `path` every 1/`rate` s
 * (open loop) until "stop", then answers with the latencies, counted from each request's due time.
 */
const LIGHT_CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, path, cookie, rate } = workerData;
let timer = null;
let samples = [];
let errors = 0;
let sent = 0;
let pending = 0;
let stopping = null;
const finish = () => {
  if (stopping && pending === 0) {
    parentPort.postMessage({ samples, errors, sent });
    stopping = null;
  }
};
const send = async (due) => {
  sent++;
  pending++;
  try {
    const res = await fetch(base + path, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status === 200) samples.push(performance.now() - due);
    else errors++;
  } catch {
    errors++;
  }
  pending--;
  finish();
};
parentPort.on('message', (message) => {
  if (message === 'start') {
    samples = [];
    errors = 0;
    sent = 0;
    const started = performance.now();
    let n = 0;
    const tick = () => {
      const now = performance.now();
      while (started + (n * 1000) / rate <= now) send(started + (n++ * 1000) / rate);
      timer = setTimeout(tick, Math.max(0, started + (n * 1000) / rate - performance.now()));
    };
    tick();
  } else if (message === 'stop') {
    clearTimeout(timer);
    stopping = true;
    finish();
  }
});
`;

class LightClient {
  private readonly worker: Worker;

  constructor(base: string, path: string, cookie: string, rate: number) {
    this.worker = new Worker(LIGHT_CLIENT, { eval: true, workerData: { base, path, cookie, rate } });
  }

  start(): number {
    this.worker.postMessage('start');
    return performance.now();
  }

  async stop(label: string, startedAt: number): Promise<LightRun> {
    const seconds = (performance.now() - startedAt) / 1000;
    const result = await new Promise<{ samples: number[]; errors: number; sent: number }>((resolve) => {
      this.worker.once('message', resolve);
      this.worker.postMessage('stop');
    });
    const s = spread(result.samples);
    return {
      label,
      seconds: Math.round(seconds * 10) / 10,
      sent: result.sent,
      answered: result.samples.length,
      errors: result.errors,
      p50: s.p50,
      p95: s.p95,
      p99: percentile(
        [...result.samples].sort((a, b) => a - b),
        0.99,
      ),
      max: s.max,
    };
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

export async function runPlanningBench(
  options: Partial<PlanningBenchOptions> & { url: string },
): Promise<PlanningReport> {
  const o: PlanningBenchOptions = { ...DEFAULT_OPTIONS, ...options };
  const started = performance.now();
  const loadBefore = loadAverageNow();
  const summary = await readSummary(o.url);
  if (!summary)
    throw new Error(`${databaseName(o.url)} holds no national data set: run npm run bench:data first`);
  const largest = summary.municipalities.find((m) => m.code === LARGEST) ?? summary.municipalities[0];
  if (!largest) throw new Error('The national data set has no municipality');
  const today = summary.today;
  const db = await openDatabase({ url: o.url, poolSize: 8 });
  // A data set made before the latest migrations (the stored daily history) gets them.
  await migrate(db.owner);
  let report: Omit<PlanningReport, 'seconds' | 'loadAverage'>;
  try {
    const machine = await machineInfo(db.owner);

    // (a) One municipality, the largest.
    o.log(
      `${largest.code} ${largest.name}: inputs and a ${o.years}-year, ${o.draws}-draw forecast, ${o.repeats} times`,
    );
    const inputTimes: number[] = [];
    let inputs: PlanningInputs | undefined;
    for (let i = 0; i <= o.repeats; i++) {
      const t0 = performance.now();
      inputs = await inputsOf(db, largest, today);
      if (i > 0) inputTimes.push(performance.now() - t0); // the first warms the caches
    }
    const dailyTimes: number[] = [];
    for (let i = 0; i <= o.repeats; i++) {
      const t0 = performance.now();
      await inputsOf(db, largest, today, 'daily');
      if (i > 0) dailyTimes.push(performance.now() - t0); // the first computes and stores the day's
    }
    // The day's first forecast before the job has run: the day's history moved to the day before.
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    let earlierDayTimes: number[] | null = null;
    if (yesterday.slice(0, 7) === today.slice(0, 7)) {
      await db.owner
        .updateTable('planning_history')
        .set({ as_of: yesterday })
        .where('municipality_id', '=', largest.id)
        .where('as_of', '=', today)
        .execute();
      earlierDayTimes = [];
      for (let i = 0; i <= o.repeats; i++) {
        const t0 = performance.now();
        await inputsOf(db, largest, today, 'daily');
        if (i > 0) earlierDayTimes.push(performance.now() - t0);
      }
      const stored = await db.owner
        .selectFrom('planning_history')
        .select('as_of')
        .where('municipality_id', '=', largest.id)
        .execute();
      if (stored.length !== 1 || stored[0]?.as_of !== yesterday)
        throw new Error(`The earlier day's history was not the one read (stored: ${JSON.stringify(stored)})`);
      await db.owner.deleteFrom('planning_history').where('municipality_id', '=', largest.id).execute();
    }
    const input = inputOf(inputs as PlanningInputs, o);
    const inProcess: number[] = [];
    for (let i = 0; i <= o.repeats; i++) {
      const t0 = performance.now();
      forecast(input);
      if (i > 0) inProcess.push(performance.now() - t0);
    }
    await closeForecastWorkers();
    const tFirst = performance.now();
    await runForecast(input);
    const poolFirstMs = performance.now() - tFirst;
    const pooled: number[] = [];
    for (let i = 0; i < o.repeats; i++) {
      const t0 = performance.now();
      await runForecast(input);
      pooled.push(performance.now() - t0);
    }
    const start = (inputs as PlanningInputs).fitted.start;

    // (b) Every municipality: the inputs, the raw work in the process, then the pool with the app.
    o.log(`${summary.municipalities.length} municipalities: inputs`);
    const t0 = performance.now();
    const all: { g: GeneratedMunicipality; input: ForecastInput }[] = [];
    for (const g of summary.municipalities) all.push({ g, input: inputOf(await inputsOf(db, g, today), o) });
    const inputsSeconds = (performance.now() - t0) / 1000;
    o.log('… in the process, one after the other');
    const rawMs: { g: GeneratedMunicipality; ms: number }[] = [];
    for (const { g, input: x } of all) {
      const t = performance.now();
      forecast(x);
      rawMs.push({ g, ms: performance.now() - t });
    }

    const app = await startApp(db, o.url, 8);
    let light: PlanningReport['light'];
    let poolSeconds: number;
    let endToEndSeconds: number;
    let jobSeconds: number;
    let dailyEndToEndSeconds: number;
    try {
      const session = await login(app.base, benchUsername(largest.code, 'caseworker'));
      const client = new LightClient(app.base, '/api/session', session.cookie, o.lightRate);
      try {
        // Warm the path, then measure it at rest.
        for (let i = 0; i < 20; i++)
          await fetch(`${app.base}/api/session`, { headers: { cookie: session.cookie } });
        o.log(`light path at rest, ${o.restSeconds} s`);
        let at = client.start();
        await sleep(o.restSeconds);
        const rest = await client.stop('at rest', at);

        o.log(`${all.length} forecasts through the pool (${poolSize()} thread(s)), all asked at once`);
        at = client.start();
        const tp = performance.now();
        await Promise.all(all.map(({ input: x }) => runForecast(x)));
        poolSeconds = (performance.now() - tp) / 1000;
        const duringPool = await client.stop('while the pool forecasts all', at);

        o.log('inputs and forecasts of all together, pipelined');
        at = client.start();
        const te = performance.now();
        const running: Promise<unknown>[] = [];
        for (const g of summary.municipalities)
          running.push(runForecast(inputOf(await inputsOf(db, g, today), o)));
        await Promise.all(running);
        endToEndSeconds = (performance.now() - te) / 1000;
        const duringEndToEnd = await client.stop('while inputs are gathered and the pool forecasts all', at);

        o.log("the job's pass: every municipality's history of the day");
        await db.owner.deleteFrom('planning_history').execute();
        at = client.start();
        const tj = performance.now();
        const computed = await computeDailyHistories(db, today);
        jobSeconds = (performance.now() - tj) / 1000;
        const duringJob = await client.stop("while the job computes the day's histories", at);
        if (computed !== summary.municipalities.length)
          throw new Error(`The job computed ${computed} histories of ${summary.municipalities.length}`);

        o.log("inputs with the day's history and forecasts of all together, pipelined");
        at = client.start();
        const td = performance.now();
        const daily: Promise<unknown>[] = [];
        for (const g of summary.municipalities)
          daily.push(runForecast(inputOf(await inputsOf(db, g, today, 'daily'), o)));
        await Promise.all(daily);
        dailyEndToEndSeconds = (performance.now() - td) / 1000;
        const duringDailyEndToEnd = await client.stop(
          "while inputs with the day's history are gathered and the pool forecasts all",
          at,
        );

        at = client.start();
        await sleep(o.restSeconds);
        const restAfter = await client.stop('at rest, after', at);
        light = {
          path: 'GET /api/session',
          rest,
          duringPool,
          duringEndToEnd,
          duringJob,
          duringDailyEndToEnd,
          restAfter,
        };
      } finally {
        await client.close();
      }
    } finally {
      await app.close();
      await closeForecastWorkers();
    }

    report = {
      suite: 'planning',
      date: new Date().toISOString(),
      machine,
      settings: (({ log: _l, url: _u, ...rest }) => rest)(o),
      data: { database: databaseName(o.url), today, seed: summary.seed, scale: summary.scale },
      poolSize: poolSize(),
      one: {
        code: largest.code,
        name: largest.name,
        homeless: start.street + start.shelter + start.other_homeless + start.waiting,
        waiting: start.waiting,
        inputs: spread(inputTimes),
        dailyInputs: spread(dailyTimes),
        earlierDayInputs: earlierDayTimes ? spread(earlierDayTimes) : null,
        inProcess: spread(inProcess),
        pool: spread(pooled),
        poolFirstMs,
      },
      all: {
        municipalities: all.length,
        inputsSeconds,
        poolSeconds,
        inProcessSeconds: rawMs.reduce((s, r) => s + r.ms, 0) / 1000,
        endToEndSeconds,
        jobSeconds,
        dailyEndToEndSeconds,
        slowest: [...rawMs]
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 5)
          .map((r) => ({ code: r.g.code, name: r.g.name, inProcessMs: Math.round(r.ms) })),
      },
      light,
    };
  } finally {
    await db.close();
  }
  return {
    ...report,
    loadAverage: { before: loadBefore, after: loadAverageNow() },
    seconds: Math.round((performance.now() - started) / 1000),
  };
}

/** The pool's size as planning.runner.ts sets it. */
function poolSize(): number {
  return FORECAST_THREADS;
}

const s1 = (seconds: number) => seconds.toFixed(1);

export function planningMarkdown(r: PlanningReport): string {
  const out: string[] = [];
  const one = r.one;
  const t = r.settings.targets;
  out.push(`# Planning benchmark, ${r.date.slice(0, 10)}`, '');
  out.push(
    `Issue 19. The national data set (\`${r.data.database}\`, seed ${r.data.seed}, scale ${r.data.scale}, today ` +
      `${r.data.today}); forecasts of ${r.settings.years} years with ${r.settings.draws} draws (seed ${r.settings.seed}), ` +
      'the baseline of each municipality as the planning routes build it (its inputs: `planningInputs` on today, ' +
      `the default ${FIT_MONTHS} months fitted, the history read afresh or the day's stored one). The worker pool of \`runForecast\` has ` +
      `${r.poolSize} thread(s) (${
        threadPriorityWorks
          ? 'one per core, each at nice 10, below the threads that answer requests'
          : "one fewer than the machine's cores, at least one"
      }).`,
    '',
    `Machine: ${machineLine(r.machine)}. Load average before ${r.loadAverage.before.join(', ')}, after ` +
      `${r.loadAverage.after.join(', ')} (the machine is shared: other work runs meanwhile). Run time ${r.seconds} s.`,
    '',
    `## One municipality: ${one.code} ${one.name}`,
    '',
    `${count(one.homeless)} homeless, ${count(one.waiting)} of them on the waiting list, at the start. ` +
      `${r.settings.repeats} timed runs each (after one that warms).`,
    '',
    markdownTable(
      ['step', 'p50 ms', 'p95 ms', 'min ms', 'max ms'],
      [
        ['inputs (history read afresh, fit, supply, economics, capacity)', one.inputs],
        ["inputs with the day's stored history", one.dailyInputs],
        ...(one.earlierDayInputs
          ? [
              [
                "inputs with an earlier day's stored history (the day's first, before the job)",
                one.earlierDayInputs,
              ],
            ]
          : []),
        ['forecast in the process', one.inProcess],
        ['forecast through the pool (warm)', one.pool],
      ].map(([label, x]) => {
        const s = x as Spread;
        return [label as string, ms(s.p50), ms(s.p95), ms(s.min), ms(s.max)];
      }),
    ),
    '',
    `- Inputs with the day's stored history + forecast through the pool, p50: ` +
      `${ms(one.dailyInputs.p50 + one.pool.p50)} ms (target < ${t.oneMs} ms: ` +
      `${one.dailyInputs.p50 + one.pool.p50 < t.oneMs ? 'met' : '**not met**'}). Every forecast once the job ` +
      `(every ten minutes) has computed the day's history.`,
    ...(one.earlierDayInputs
      ? [
          `- With an earlier day's history of the same month (the day's first forecast before the job has run), p50: ` +
            `${ms(one.earlierDayInputs.p50 + one.pool.p50)} ms (target: ` +
            `${one.earlierDayInputs.p50 + one.pool.p50 < t.oneMs ? 'met' : '**not met**'}).`,
        ]
      : []),
    `- With the history read afresh (a month's first forecast before the job has run, or a municipality's first ever), p50: ` +
      `${ms(one.inputs.p50 + one.pool.p50)} ms (${one.inputs.p50 + one.pool.p50 < t.oneMs ? 'within' : 'over'} the target).`,
    `- The pool against the raw work: ${ratio(one.pool.p50, one.inProcess.p50)} the in-process forecast's p50 ` +
      `(copying the input and the forecast between threads). The first call through a fresh pool, which starts ` +
      `its thread (tsx loading the sources), took ${ms(one.poolFirstMs)} ms.`,
    '',
    `## All ${r.all.municipalities} municipalities`,
    '',
    markdownTable(
      ['what', 'seconds'],
      [
        ['inputs of all, one after the other (main thread)', s1(r.all.inputsSeconds)],
        ['forecasts of all in the process, one after the other (the raw work)', s1(r.all.inProcessSeconds)],
        ['forecasts of all through the pool, asked at once (wall)', s1(r.all.poolSeconds)],
        ['inputs (history read afresh) and forecasts together, pipelined (wall)', s1(r.all.endToEndSeconds)],
        ["the job's pass: the day's history of all computed and stored (main thread)", s1(r.all.jobSeconds)],
        [
          "inputs with the day's history and forecasts together, pipelined (wall)",
          s1(r.all.dailyEndToEndSeconds),
        ],
      ],
    ),
    '',
    `- Forecasts of all through the pool: ${s1(r.all.poolSeconds)} s (target < ${t.allSeconds} s: ` +
      `${r.all.poolSeconds < t.allSeconds ? 'met' : '**not met**'}); ${ratio(r.all.poolSeconds, r.all.inProcessSeconds)} the raw work.`,
    `- End to end once the job has run (inputs with the day's history, then the forecasts): ` +
      `${s1(r.all.dailyEndToEndSeconds)} s (target < ${t.allSeconds} s: ${r.all.dailyEndToEndSeconds < t.allSeconds ? 'met' : '**not met**'}).`,
    `- The slowest in the process: ${r.all.slowest.map((x) => `${x.name} ${x.inProcessMs} ms`).join(', ')}.`,
    '',
    `## The server meanwhile: ${r.light.path}, ${r.settings.lightRate} requests a second, open loop`,
    '',
    markdownTable(
      ['when', 'seconds', 'sent', 'answered', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      [
        r.light.rest,
        r.light.duringPool,
        r.light.duringEndToEnd,
        r.light.duringJob,
        r.light.duringDailyEndToEnd,
        r.light.restAfter,
      ].map((x) => [
        x.label,
        s1(x.seconds),
        String(x.sent),
        String(x.answered),
        String(x.errors),
        ms(x.p50),
        ms(x.p95),
        ms(x.p99),
        ms(x.max),
      ]),
    ),
    '',
  );
  return out.join('\n');
}
