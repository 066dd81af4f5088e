import { openDatabase, withTenant } from '../src/server/db/database';
import { planningHistory } from '../src/server/modules/planning/planning.history.service';
import { planningInputs } from '../src/server/modules/planning/planning.inputs.service';
import { scenarioRun } from '../src/server/modules/planning/planning.service';
import { monthsBefore } from '../src/shared/dates';
import { HOMELESS_STATES, type Stocks } from '../src/shared/planning/model';
import { type Band, forecast } from '../src/shared/planning/simulate';
import { loadAverageNow, type MachineInfo, machineInfo } from './lib/machine';
import { machineLine, markdownTable } from './lib/report';
import { databaseName, readSummary } from './national/data';

/**
 * The planning model's backtest (issue 19 §5): for every municipality of the national data set, the
 * model is fitted on the 96 months up to two years before the data set's today and forecasts the
 * 24 months after (1,000 draws, a fixed seed, the baseline without levers); the forecast's mean is
 * held against what the history shows at the same month ends, for the waiting list (the `waiting`
 * compartment) and the homeless count (street, shelter, other homeless and waiting), next to the
 * naive forecast (the last value before the forecast carried forward).
 *
 * The error is the mean absolute percentage error over the 24 months (MAPE); months whose actual
 * value is 0 are left out of it (a percentage of nothing), and a municipality with no month left
 * has no MAPE and is left out of the medians. Coverage is the share of months whose actual value
 * lies within the forecast's 10th–90th percentile band (80 % if the band is calibrated).
 */

export interface BacktestOptions {
  /** The national data set (`npm run bench:data`). */
  url: string;
  /** Months fitted on, and months forecast. */
  fitMonths: number;
  horizon: number;
  draws: number;
  seed: number;
  /** Only these municipality codes (default: all). */
  only?: string[] | undefined;
  log: (line: string) => void;
}

export const DEFAULT_OPTIONS: Omit<BacktestOptions, 'url'> = {
  fitMonths: 96,
  horizon: 24,
  draws: 1000,
  seed: 2026,
  log: () => {},
};

export const MEASURES = ['waiting', 'homeless'] as const;
export type Measure = (typeof MEASURES)[number];

export interface MeasureResult {
  /** The value at the last month end fitted on (the naive forecast). */
  start: number;
  actual: number[];
  mean: number[];
  low: number[];
  high: number[];
  /** MAPE of the forecast's mean and of the naive forecast, percent; null without a non-zero month. */
  mape: number | null;
  naiveMape: number | null;
  /** Months left out of the MAPE (actual 0). */
  zeroMonths: number;
  /** Mean signed error of the forecast's mean over the months (forecast − actual), people. */
  bias: number;
  /** Share of months whose actual lies within the 10–90 % band, percent. */
  coverage: number;
}

export interface MunicipalityBacktest {
  code: string;
  name: string;
  measures: Record<Measure, MeasureResult>;
  inputsMs: number;
  forecastMs: number;
}

export interface BacktestReport {
  suite: 'planning-backtest';
  date: string;
  machine: MachineInfo;
  loadAverage: { before: number[]; after: number[] };
  settings: Omit<BacktestOptions, 'url' | 'log'>;
  data: { database: string; today: string; seed: number; scale: number; generatedSeconds: number };
  asOf: string;
  fittedUpTo: string;
  monthEnds: readonly string[];
  municipalities: MunicipalityBacktest[];
  summary: Record<
    Measure,
    {
      municipalities: number;
      medianMape: number;
      medianNaiveMape: number;
      /** Municipalities whose MAPE is below the naive one's. */
      modelBetter: number;
      /** Coverage over all municipality-months, percent. */
      coverage: number;
      /** The national total (every municipality summed): MAPE of the model and of naive. */
      nationalMape: number;
      nationalNaiveMape: number;
    }
  >;
  seconds: number;
}

const homelessOf = (s: Stocks) => HOMELESS_STATES.reduce((sum, state) => sum + s[state], 0);
const measureOf: Record<Measure, (s: Stocks) => number> = { waiting: (s) => s.waiting, homeless: homelessOf };
const seriesOf: Record<Measure, 'waiting' | 'homeless'> = { waiting: 'waiting', homeless: 'homeless' };

/** MAPE of `predicted` against `actual` over the months whose actual is not 0, percent. */
export function mape(
  predicted: readonly number[],
  actual: readonly number[],
): { value: number | null; zero: number } {
  let sum = 0;
  let n = 0;
  actual.forEach((a, t) => {
    if (a === 0) return;
    sum += Math.abs((predicted[t] as number) - a) / a;
    n++;
  });
  return { value: n > 0 ? (100 * sum) / n : null, zero: actual.length - n };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function measureResult(start: number, actual: number[], bands: Band[]): MeasureResult {
  const mean = bands.map((b) => b.mean);
  const model = mape(mean, actual);
  const naive = mape(
    actual.map(() => start),
    actual,
  );
  const inside = actual.filter((a, t) => a >= (bands[t]?.low ?? 0) && a <= (bands[t]?.high ?? 0)).length;
  return {
    start,
    actual,
    mean,
    low: bands.map((b) => b.low),
    high: bands.map((b) => b.high),
    mape: model.value,
    naiveMape: naive.value,
    zeroMonths: model.zero,
    bias: mean.reduce((sum, f, t) => sum + f - (actual[t] as number), 0) / Math.max(1, actual.length),
    coverage: (100 * inside) / Math.max(1, actual.length),
  };
}

export async function runPlanningBacktest(
  options: Partial<BacktestOptions> & { url: string },
): Promise<BacktestReport> {
  const o: BacktestOptions = { ...DEFAULT_OPTIONS, ...options };
  const started = performance.now();
  const loadBefore = loadAverageNow();
  const summary = await readSummary(o.url);
  if (!summary)
    throw new Error(`${databaseName(o.url)} holds no national data set: run npm run bench:data first`);
  const today = summary.today;
  const asOf = monthsBefore(today, o.horizon);
  const db = await openDatabase({ url: o.url, poolSize: 4 });
  const results: MunicipalityBacktest[] = [];
  let machine: MachineInfo;
  let fittedUpTo = '';
  let monthEnds: readonly string[] = [];
  try {
    machine = await machineInfo(db.owner);
    const chosen = summary.municipalities.filter((g) => !o.only || o.only.includes(g.code));
    for (const g of chosen) {
      const t0 = performance.now();
      const [inputs, actuals] = await withTenant(db.app, g.id, async (trx) => [
        await planningInputs(trx, g.id, asOf, o.fitMonths),
        await planningHistory(trx, g.id, today, o.horizon),
      ]);
      const t1 = performance.now();
      fittedUpTo = inputs.past.monthEnds.at(-1) as string;
      // The baseline as the planning routes build it, over the backtest's horizon.
      const { input } = scenarioRun(inputs, {
        name: 'backtest',
        scenario: { years: o.horizon / 12 },
        draws: o.draws,
        seed: o.seed,
      });
      monthEnds = input.monthEnds;
      if (actuals.monthEnds[0] !== fittedUpTo || actuals.monthEnds.slice(1).join() !== monthEnds.join())
        throw new Error(
          `${g.code}: the actuals' month ends do not follow the fit's (${actuals.monthEnds[0]})`,
        );
      const result = forecast(input);
      const t2 = performance.now();
      const start = inputs.past.stocks.at(-1) as Stocks;
      const actual = actuals.stocks.slice(1);
      const measures = Object.fromEntries(
        MEASURES.map((m) => [
          m,
          measureResult(measureOf[m](start), actual.map(measureOf[m]), result.series[seriesOf[m]]),
        ]),
      ) as Record<Measure, MeasureResult>;
      results.push({
        code: g.code,
        name: g.name,
        measures,
        inputsMs: Math.round(t1 - t0),
        forecastMs: Math.round(t2 - t1),
      });
      const w = measures.waiting;
      const h = measures.homeless;
      o.log(
        `${g.code} ${g.name}: waiting ${w.start} → ${w.actual.at(-1)} (model ${fmt(w.mean.at(-1))}), MAPE ${fmt(w.mape)} vs naive ${fmt(w.naiveMape)}; ` +
          `homeless ${h.start} → ${h.actual.at(-1)} (model ${fmt(h.mean.at(-1))}), MAPE ${fmt(h.mape)} vs naive ${fmt(h.naiveMape)}`,
      );
    }
  } finally {
    await db.close();
  }

  const summaryOf = (m: Measure) => {
    const scored = results.filter((r) => r.measures[m].mape !== null && r.measures[m].naiveMape !== null);
    const months = results.reduce((n, r) => n + r.measures[m].actual.length, 0);
    const covered = results.reduce(
      (n, r) => n + (r.measures[m].coverage * r.measures[m].actual.length) / 100,
      0,
    );
    const sum = (pick: (x: MeasureResult) => number[]) =>
      results.reduce<number[]>((acc, r) => pick(r.measures[m]).map((v, t) => (acc[t] ?? 0) + v), []);
    const actual = sum((x) => x.actual);
    const start = results.reduce((n, r) => n + r.measures[m].start, 0);
    return {
      municipalities: scored.length,
      medianMape: median(scored.map((r) => r.measures[m].mape as number)),
      medianNaiveMape: median(scored.map((r) => r.measures[m].naiveMape as number)),
      modelBetter: scored.filter((r) => (r.measures[m].mape as number) < (r.measures[m].naiveMape as number))
        .length,
      coverage: (100 * covered) / Math.max(1, months),
      nationalMape: mape(
        sum((x) => x.mean),
        actual,
      ).value as number,
      nationalNaiveMape: mape(
        actual.map(() => start),
        actual,
      ).value as number,
    };
  };
  const { log: _log, url: _url, ...settings } = o;
  return {
    suite: 'planning-backtest',
    date: new Date().toISOString(),
    machine,
    loadAverage: { before: loadBefore, after: loadAverageNow() },
    settings,
    data: {
      database: databaseName(o.url),
      today,
      seed: summary.seed,
      scale: summary.scale,
      generatedSeconds: summary.seconds,
    },
    asOf,
    fittedUpTo,
    monthEnds,
    municipalities: results,
    summary: { waiting: summaryOf('waiting'), homeless: summaryOf('homeless') },
    seconds: Math.round((performance.now() - started) / 1000),
  };
}

function fmt(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

const LABEL: Record<Measure, string> = {
  waiting: 'Waiting list (homeless on the waiting list)',
  homeless: 'Homeless count (street, shelter, other homeless, waiting)',
};

export function backtestMarkdown(r: BacktestReport): string {
  const out: string[] = [];
  const s = r.settings;
  out.push(`# Planning backtest, ${r.date.slice(0, 10)}`, '');
  out.push(
    `Issue 19 §5. The national data set (\`${r.data.database}\`, seed ${r.data.seed}, scale ${r.data.scale}, ` +
      `today ${r.data.today}). For each of the ${r.municipalities.length} municipalities the model is fitted on ` +
      `the ${s.fitMonths} months up to ${r.fittedUpTo} (\`planningInputs(…, ${r.asOf}, ${s.fitMonths})\`) and forecasts ` +
      `the ${s.horizon} month ends ${r.monthEnds[0]} – ${r.monthEnds.at(-1)} (${s.draws} draws, seed ${s.seed}, the ` +
      `baseline: the supply of the agreements in force then, today's support places, no levers). The actual values ` +
      `are the compartments \`planningHistory\` gives at the same month ends; the naive forecast carries the value ` +
      `at ${r.fittedUpTo} forward.`,
    '',
    'MAPE: the mean absolute percentage error of the forecast mean over the months; months whose actual value is 0 ' +
      'are left out (a municipality without any other month is left out of the medians). Coverage: the share of ' +
      'months whose actual value lies within the forecast’s 10–90 % band (80 % when the band is calibrated). Bias: ' +
      'the mean of forecast − actual, people.',
    '',
    `Machine: ${machineLine(r.machine)}. Load average before ${r.loadAverage.before.join(', ')}, after ${r.loadAverage.after.join(', ')}. ` +
      `Run time ${r.seconds} s.`,
    '',
    '## Summary',
    '',
  );
  out.push(
    markdownTable(
      [
        'measure',
        'municipalities',
        'median MAPE model',
        'median MAPE naive',
        'model better in',
        'coverage 10–90 %',
        'national total: MAPE model',
        'national total: MAPE naive',
      ],
      MEASURES.map((m) => {
        const x = r.summary[m];
        return [
          LABEL[m],
          String(x.municipalities),
          `${fmt(x.medianMape)} %`,
          `${fmt(x.medianNaiveMape)} %`,
          `${x.modelBetter} of ${x.municipalities}`,
          `${fmt(x.coverage, 0)} %`,
          `${fmt(x.nationalMape)} %`,
          `${fmt(x.nationalNaiveMape)} %`,
        ];
      }),
    ),
    '',
  );
  for (const m of MEASURES) {
    const x = r.summary[m];
    const beats = x.medianMape < x.medianNaiveMape;
    out.push(
      `- ${LABEL[m]}: the model ${beats ? '**beats**' : '**does not beat**'} the naive forecast on the median municipality ` +
        `(${fmt(x.medianMape)} % against ${fmt(x.medianNaiveMape)} %).`,
    );
  }
  out.push('', '## Per municipality', '');
  out.push(
    markdownTable(
      [
        'municipality',
        'waiting at fit',
        'waiting after 24 m',
        'model',
        'MAPE model',
        'MAPE naive',
        'bias',
        'coverage',
        'homeless at fit',
        'homeless after 24 m',
        'model',
        'MAPE model',
        'MAPE naive',
        'bias',
        'coverage',
      ],
      r.municipalities.map((x) => {
        const cells = (m: Measure) => {
          const v = x.measures[m];
          return [
            String(v.start),
            String(v.actual.at(-1) ?? '–'),
            fmt(v.mean.at(-1)),
            fmt(v.mape),
            fmt(v.naiveMape),
            fmt(v.bias),
            `${fmt(v.coverage, 0)} %`,
          ];
        };
        return [`${x.code} ${x.name}`, ...cells('waiting'), ...cells('homeless')];
      }),
    ),
    '',
  );
  return out.join('\n');
}
