import path from 'node:path';
import { parseArgs } from 'node:util';
import { siblingUrl } from '../src/server/test/pg-admin';
import { today } from '../src/shared/dates';
import {
  DEFAULT_OPTIONS as ALLOCATION_DEFAULTS,
  allocationMarkdown,
  runAllocationBench,
} from './allocation-ranking';
import { citizensMarkdown, DEFAULT_OPTIONS, runCitizensBench } from './citizens-search';
import { writeResults } from './lib/report';
import { DEFAULT_OPTIONS as NATIONAL_DEFAULTS, nationalMarkdown, runNationalBench } from './national/bench';
import { databaseName } from './national/data';
import {
  DEFAULT_OPTIONS as EMBEDDED_USERS_DEFAULTS,
  embeddedUsersMarkdown,
  runEmbeddedUsers,
} from './national/embedded-users';
import {
  DEFAULT_OPTIONS as OPENLOOP_DEFAULTS,
  openLoopMarkdown,
  runOpenLoopBench,
} from './national/openloop';
import { planningMarkdown, runPlanningBench } from './planning';
import { backtestMarkdown, runPlanningBacktest } from './planning-backtest';
import { DEFAULT_OPTIONS as PREVENTION_DEFAULTS, preventionMarkdown, runPreventionBench } from './prevention';

/**
 * `npm run bench [-- <suite>… --keep --citizens N --applications N --notices N --seconds S …]`: runs the benchmark suites
 * (the national and open-loop ones when none is named; the module suites each on a fresh database of their own)
 * on the PostgreSQL server of DATABASE_URL,
 * prints each suite's Markdown report and writes it to bench/results/<date>-<suite>.md and .json.
 */

const usage = `Usage: npm run bench -- [suite…] [options]

Suites (national and openloop when none is named):
  national             the national read paths, import and embedded run on the data set of
                       npm run bench:data (DATABASE_URL's database if it is hjemvej_bench…, else
                       hjemvej_bench_national next to it)
  citizens             search in the by-name list
  allocation           candidate ranking for one vacancy against the waiting list
  prevention           eviction-prevention inbox and notice import
  planning             five-year, 1,000-draw forecasts: the largest municipality (inputs, in the
                       process, through the worker pool), all 98 through the pool, and a light read
                       path of the app server at rest and meanwhile (the national data set, as national)
  planning-backtest    the planning model fitted on eight years of the national data set and checked
                       against the last two, per municipality, next to the naive forecast (as national)
  openloop             the staff mix of all municipalities at fixed arrival rates (open loop): the
                       highest rate with p95 < 100 ms and no errors for the app on 1 and N processes
                       and for the raw SQL of the mix (the national data set, as national)
  embedded-users       one mid-sized municipality on embedded PGlite with 10 staff at once, think
                       time 2–5 s: p50/p95/p99 per path (generated for the run, as national's embedded)

Options:
  --keep               keep the benchmark database afterwards
  --citizens N         citizens: citizens in the measured municipality (default ${DEFAULT_OPTIONS.citizens})
  --applications N     allocation: approved applications in the measured municipality
                       (default ${ALLOCATION_DEFAULTS.applications})
  --notices N          prevention: notices in the measured municipality (default ${PREVENTION_DEFAULTS.notices})
  --import-rows N      prevention and national: rows of the imported CSV (default ${PREVENTION_DEFAULTS.importRows};
                       0 skips the national import)
  --path NAME          national: only this read path (repeatable), e.g. --path "citizen page"
  --embedded S         national: seconds per path of the embedded PGlite run, 0 to skip
                       (default ${NATIONAL_DEFAULTS.embeddedSeconds})
  --connections N      concurrent connections and pool size (default ${DEFAULT_OPTIONS.connections})
  --seconds S          seconds per loaded run (default ${DEFAULT_OPTIONS.seconds})
  --warmup S           warm-up seconds before each run (default ${DEFAULT_OPTIONS.warmupSeconds})
  --serial S           seconds per single-connection run, 0 to skip
                       (default: national ${NATIONAL_DEFAULTS.serialSeconds}, citizens ${DEFAULT_OPTIONS.serialSeconds},
                       allocation ${ALLOCATION_DEFAULTS.serialSeconds}, prevention ${PREVENTION_DEFAULTS.serialSeconds})
  --database NAME      the benchmark database, hjemvej_bench… (default hjemvej_bench), so that
                       two runs on one server keep apart
  --out DIR            where results go (default bench/results)

Open loop (openloop; --seconds is the measured seconds per step, default ${OPENLOOP_DEFAULTS.seconds},
--warmup the warm-up before each, default ${OPENLOOP_DEFAULTS.warmupSeconds}, --connections the database connections in all,
default ${OPENLOOP_DEFAULTS.connections}):
  --processes LIST     app processes to measure, comma-separated (default 1,<cores>)
  --start-rate N       first step's arrivals per second (default ${OPENLOOP_DEFAULTS.startRate}); doubled until a step fails
  --min-requests N     requests a measured step schedules at least: a slow step runs longer than
                       --seconds (default ${OPENLOOP_DEFAULTS.minRequests})
  --max-steps N        steps per deployment at most (default ${OPENLOOP_DEFAULTS.maxSteps})
  --bisections N       steps between the last pass and the first failure (default ${OPENLOOP_DEFAULTS.bisections})
  --skip-raw           leave out the raw SQL of the mix

Embedded users (embedded-users; --seconds is the run's length, default ${EMBEDDED_USERS_DEFAULTS.seconds}):
  --users N            staff at once (default ${EMBEDDED_USERS_DEFAULTS.users})
  --think-ms MIN-MAX   think time between requests (default ${EMBEDDED_USERS_DEFAULTS.thinkMinMs}-${EMBEDDED_USERS_DEFAULTS.thinkMaxMs})
  --scale F            share of the national size the municipality is generated at (default ${EMBEDDED_USERS_DEFAULTS.scale})

Environment: DATABASE_URL names the PostgreSQL server (default
postgres://postgres@127.0.0.1:5432/postgres); the role must be able to create databases and
roles. A module suite creates and drops its database (--database) next to it; the national suite
reads the data set npm run bench:data made and leaves it in place.`;

// autocannon's timers warn (TimeoutNegativeWarning) when a busy event loop fires them late; the
// warning says nothing about the results, so it is left out. Other warnings print as usual.
const printWarning = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'TimeoutNegativeWarning') for (const print of printWarning) print(warning);
});

interface SuiteOutput {
  markdown: string;
  data: unknown;
}

type Suite = (common: {
  adminUrl: string;
  keep: boolean;
  database: string;
  /** Whether --database was given (the national suite otherwise takes DATABASE_URL's). */
  explicitDatabase: boolean;
  /** National: only these read paths. */
  paths: string[] | undefined;
  numbers: Record<string, number | undefined>;
  /** Open loop: app processes to measure. */
  processes: number[] | undefined;
  skipRaw: boolean;
  /** Embedded users: think time in ms and the generator's scale. */
  think: [number, number] | undefined;
  scale: number | undefined;
}) => Promise<SuiteOutput>;

/** The national data set: DATABASE_URL's database if it is a benchmark one, else --database or hjemvej_bench_national. */
function nationalUrl(adminUrl: string, explicitDatabase: boolean, database: string): string {
  const own = databaseName(adminUrl);
  return !explicitDatabase && /^hjemvej_bench[a-z0-9_]*$/.test(own)
    ? adminUrl
    : siblingUrl(adminUrl, explicitDatabase ? database : 'hjemvej_bench_national');
}

const SUITES: Record<string, Suite> = {
  national: async ({ adminUrl, database, numbers, explicitDatabase, paths }) => {
    const url = nationalUrl(adminUrl, explicitDatabase, database);
    const report = await runNationalBench({
      url,
      paths,
      ...defined({
        importRows: numbers['import-rows'],
        embeddedSeconds: numbers.embedded,
        serialSeconds: numbers.serial,
        connections: numbers.connections,
        seconds: numbers.seconds,
        warmupSeconds: numbers.warmup,
      }),
      log: (line) => console.error(`  ${line}`),
    });
    return { markdown: nationalMarkdown(report), data: report };
  },
  citizens: async ({ adminUrl, keep, database, numbers }) => {
    const report = await runCitizensBench({
      adminUrl,
      keep,
      database,
      ...defined({
        citizens: numbers.citizens,
        connections: numbers.connections,
        seconds: numbers.seconds,
        warmupSeconds: numbers.warmup,
        serialSeconds: numbers.serial,
      }),
      log: (line) => console.error(`  ${line}`),
    });
    return { markdown: citizensMarkdown(report), data: report };
  },
  allocation: async ({ adminUrl, keep, database, numbers }) => {
    const report = await runAllocationBench({
      adminUrl,
      keep,
      database,
      ...defined({
        applications: numbers.applications,
        connections: numbers.connections,
        seconds: numbers.seconds,
        warmupSeconds: numbers.warmup,
        serialSeconds: numbers.serial,
      }),
      log: (line) => console.error(`  ${line}`),
    });
    return { markdown: allocationMarkdown(report), data: report };
  },
  prevention: async ({ adminUrl, keep, database, numbers }) => {
    const report = await runPreventionBench({
      adminUrl,
      keep,
      database,
      ...defined({
        notices: numbers.notices,
        importRows: numbers['import-rows'],
        connections: numbers.connections,
        seconds: numbers.seconds,
        warmupSeconds: numbers.warmup,
        serialSeconds: numbers.serial,
      }),
      log: (line) => console.error(`  ${line}`),
    });
    return { markdown: preventionMarkdown(report), data: report };
  },
  planning: async ({ adminUrl, database, explicitDatabase }) => {
    const report = await runPlanningBench({
      url: nationalUrl(adminUrl, explicitDatabase, database),
      log: (line) => console.error(`  ${line}`),
    });
    return { markdown: planningMarkdown(report), data: report };
  },
  'planning-backtest': async ({ adminUrl, database, explicitDatabase }) => {
    const report = await runPlanningBacktest({
      url: nationalUrl(adminUrl, explicitDatabase, database),
      log: (line) => console.error(`  ${line}`),
    });
    return { markdown: backtestMarkdown(report), data: report };
  },
  openloop: async ({ adminUrl, database, explicitDatabase, numbers, processes, skipRaw }) => {
    const report = await runOpenLoopBench({
      url: nationalUrl(adminUrl, explicitDatabase, database),
      ...(processes ? { processes } : {}),
      ...(skipRaw ? { raw: false } : {}),
      ...defined({
        connections: numbers.connections,
        seconds: numbers.seconds,
        minRequests: numbers['min-requests'],
        warmupSeconds: numbers.warmup,
        startRate: numbers['start-rate'],
        maxSteps: numbers['max-steps'],
        bisections: numbers.bisections,
      }),
      log: (line) => console.error(`  ${line}`),
    });
    return { markdown: openLoopMarkdown(report), data: report };
  },
  'embedded-users': async ({ numbers, think, scale }) => {
    const report = await runEmbeddedUsers({
      ...(think ? { thinkMinMs: think[0], thinkMaxMs: think[1] } : {}),
      ...(scale !== undefined ? { scale } : {}),
      ...defined({ seconds: numbers.seconds, users: numbers.users }),
      log: (line) => console.error(`  ${line}`),
    });
    return { markdown: embeddedUsersMarkdown(report), data: report };
  },
};

function defined<T extends Record<string, number | undefined>>(values: T): Partial<Record<keyof T, number>> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<
    Record<keyof T, number>
  >;
}

function parseOptions() {
  return parseArgs({
    allowPositionals: true,
    options: {
      keep: { type: 'boolean', default: false },
      database: { type: 'string' },
      citizens: { type: 'string' },
      applications: { type: 'string' },
      notices: { type: 'string' },
      'import-rows': { type: 'string' },
      embedded: { type: 'string' },
      path: { type: 'string', multiple: true },
      connections: { type: 'string' },
      seconds: { type: 'string' },
      warmup: { type: 'string' },
      serial: { type: 'string' },
      processes: { type: 'string' },
      'start-rate': { type: 'string' },
      'min-requests': { type: 'string' },
      'max-steps': { type: 'string' },
      bisections: { type: 'string' },
      'skip-raw': { type: 'boolean', default: false },
      users: { type: 'string' },
      'think-ms': { type: 'string' },
      scale: { type: 'string' },
      out: { type: 'string', default: path.join('bench', 'results') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const numbers: Record<string, number | undefined> = {};
  // Whole numbers; warm-up and single-connection runs may be switched off with 0.
  const minimum = {
    citizens: 1,
    applications: 1,
    notices: 1,
    'import-rows': 0,
    embedded: 0,
    connections: 1,
    seconds: 1,
    warmup: 0,
    serial: 0,
    'start-rate': 1,
    'min-requests': 1,
    'max-steps': 1,
    bisections: 0,
    users: 1,
  } as const;
  for (const key of Object.keys(minimum) as (keyof typeof minimum)[]) {
    const raw = values[key];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < minimum[key]) {
      console.error(`--${key} must be a whole number ≥ ${minimum[key]}, got ${raw}\n\n${usage}`);
      return 1;
    }
    numbers[key] = n;
  }
  let processes: number[] | undefined;
  if (values.processes !== undefined) {
    processes = values.processes.split(',').map(Number);
    if (!processes.length || processes.some((n) => !Number.isInteger(n) || n < 1)) {
      console.error(`--processes must be whole numbers ≥ 1, comma-separated, got ${values.processes}`);
      return 1;
    }
  }
  let think: [number, number] | undefined;
  if (values['think-ms'] !== undefined) {
    const [min, max] = values['think-ms'].split('-').map(Number);
    if (
      min === undefined ||
      max === undefined ||
      !Number.isInteger(min) ||
      !Number.isInteger(max) ||
      min < 0 ||
      max < min
    ) {
      console.error(`--think-ms must be MIN-MAX in whole milliseconds, got ${values['think-ms']}`);
      return 1;
    }
    think = [min, max];
  }
  const scale = values.scale === undefined ? undefined : Number(values.scale);
  if (scale !== undefined && !(scale > 0 && scale <= 1)) {
    console.error(`--scale must be a number in (0, 1], got ${values.scale}`);
    return 1;
  }
  const names = positionals.length ? positionals : ['national', 'openloop'];
  const unknown = names.filter((n) => !SUITES[n]);
  if (unknown.length) {
    console.error(`Unknown suite: ${unknown.join(', ')}\n\n${usage}`);
    return 1;
  }

  const database = values.database ?? 'hjemvej_bench';
  if (!/^hjemvej_bench[a-z0-9_]*$/.test(database)) {
    console.error(`--database must start with hjemvej_bench and hold only a–z, 0–9 and _, got ${database}`);
    return 1;
  }
  if (numbers['import-rows'] === 0 && names.includes('prevention')) {
    console.error(`--import-rows must be ≥ 1 for the prevention suite\n\n${usage}`);
    return 1;
  }
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  for (const name of names) {
    console.error(`Benchmark ${name}`);
    const output = await (SUITES[name] as Suite)({
      adminUrl,
      keep: values.keep,
      database,
      explicitDatabase: values.database !== undefined,
      paths: values.path,
      numbers,
      processes,
      skipRaw: values['skip-raw'],
      think,
      scale,
    });
    console.log(output.markdown);
    const files = writeResults(values.out, today(), name, output.markdown, output.data);
    console.error(`Wrote ${files.join(' and ')}`);
  }
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error);
  return 1;
});
