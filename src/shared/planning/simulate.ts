import { mulberry32 } from '../random';
import { drawRates, type FittedModel, meanRates, type PlanRates } from './fit';
import {
  definedOnly,
  emptyStocks,
  HOMELESS_STATES,
  PLAN_METHODS,
  PLAN_STATES,
  type PlanEconomics,
  type PlanLevers,
  type PlanMethod,
  type PlanState,
  type Stocks,
  SUPPORTED_STATE,
} from './model';
import { multinomial, poisson, type Uniform } from './sampling';

/** One month of one simulated path. */
export interface PathMonth {
  /** The compartments at the month's end. */
  stocks: Stocks;
  /** Citizens housed from the waiting list in the month. */
  lettings: number;
  /** Citizens new to the list in the month. */
  inflow: number;
  /** Citizens who would have started support but found no free place. */
  supportRefused: number;
}

/** What a path needs besides the rates: the supply and the support places, month by month. */
export interface PathConditions {
  /** Units for allocation in each month of the forecast. */
  unitsPerMonth: readonly number[];
  /** Support places per method. */
  supportCapacity: Record<PlanMethod, number>;
}

const INDEX = Object.fromEntries(PLAN_STATES.map((s, i) => [s, i])) as Record<PlanState, number>;
const SUPPORTED = new Set<PlanState>(Object.values(SUPPORTED_STATE));

/**
 * A scenario's levers applied to a set of rates: a target length of shelter stays sets the shelter
 * row's monthly chance of leaving (1 / months) and spreads it over the destinations as before; a
 * prevention success rate splits the at-risk row's leaving between homelessness and the rest.
 */
export function applyLevers(rates: PlanRates, levers: PlanLevers): PlanRates {
  const rows = { ...rates.rows };
  if (levers.shelterStayMonths !== undefined)
    rows.shelter = scaleLeaving(rows.shelter, 'shelter', 1 / Math.max(1, levers.shelterStayMonths));
  if (levers.preventionSuccessPercent !== undefined)
    rows.at_risk = splitLeaving(rows.at_risk, levers.preventionSuccessPercent / 100);
  return { ...rates, rows };
}

/** A row whose chance of leaving `self` becomes `leave`, spread in the row's proportions. */
function scaleLeaving(row: number[], self: PlanState, leave: number): number[] {
  const i = INDEX[self];
  const before = 1 - (row[i] ?? 0);
  if (before <= 0) return row; // nobody has ever left: no proportions to spread over
  return row.map((p, j) => (j === i ? 1 - leave : (p * leave) / before));
}

/** The at-risk row with `success` of its leaving going elsewhere than homelessness. */
function splitLeaving(row: number[], success: number): number[] {
  const i = INDEX.at_risk;
  const leave = 1 - (row[i] ?? 0);
  const homeless = HOMELESS_STATES.reduce((sum, s) => sum + (row[INDEX[s]] ?? 0), 0);
  const other = leave - homeless;
  return row.map((p, j) => {
    if (j === i) return p;
    if (HOMELESS_STATES.includes(PLAN_STATES[j] as PlanState))
      return homeless > 0 ? (p * (1 - success) * leave) / homeless : 0;
    if (other > 0) return (p * success * leave) / other;
    // No one has left at risk other than into homelessness: the averted stay in their home.
    return PLAN_STATES[j] === 'housed' ? success * leave : p;
  });
}

/**
 * A generator for one part of one draw: each draw, month and compartment has its own stream, so a
 * scenario and its baseline see the same chance wherever they do the same thing (common random
 * numbers), and their difference is the levers', not the dice's.
 */
export function stream(seed: number, draw: number, month: number, part: number): Uniform {
  let h = mix(seed);
  for (const v of [draw, month, part]) h = mix(h ^ mix(v + 0x632be5ab));
  return mulberry32(h);
}

/** MurmurHash3's finaliser: every bit of the input moves about half of the output's bits. */
function mix(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Parts of a month's streams: one per compartment, then the lettings, the split and the inflow. */
const LETTINGS = PLAN_STATES.length;
const SPLIT = LETTINGS + 1;
const INFLOW = LETTINGS + 2;

/**
 * One simulated path of `months` months from `start`: each compartment's people move by its row
 * (a multinomial draw), the waiting list is housed as far as the units let (a Poisson draw of units
 * × the used share, at most everyone waiting), the inflow arrives (Poisson), and a start of support
 * takes a free place of its method or stays housed without support. Nobody is lost or made up: the
 * compartments at a month's end hold those at its start plus the inflow.
 */
export function simulatePath(
  start: Stocks,
  rates: PlanRates,
  conditions: PathConditions,
  months: number,
  streamOf: (month: number, part: number) => Uniform,
): PathMonth[] {
  const path: PathMonth[] = [];
  let stocks = { ...start };
  for (let t = 0; t < months; t++) {
    const next = emptyStocks();
    const starting = { cti: 0, icm: 0, act: 0 } as Record<PlanMethod, number>;
    const arrive = (to: PlanState, count: number, from: PlanState | null) => {
      if (count === 0) return;
      if (SUPPORTED.has(to) && to !== from) starting[to.slice('housed_'.length) as PlanMethod] += count;
      else next[to] += count;
    };
    const waiting = stocks.waiting;
    const lettings = Math.min(
      waiting,
      poisson(streamOf(t, LETTINGS), (conditions.unitsPerMonth[t] ?? 0) * rates.usedShare),
    );
    const housedFromList = multinomial(streamOf(t, SPLIT), lettings, rates.lettingSplit);
    PLAN_STATES.forEach((to, j) => {
      arrive(to, housedFromList[j] ?? 0, 'waiting');
    });
    for (const from of PLAN_STATES) {
      const people = from === 'waiting' ? waiting - lettings : stocks[from];
      if (people === 0) continue;
      const parts = multinomial(streamOf(t, INDEX[from]), people, rates.rows[from]);
      PLAN_STATES.forEach((to, j) => {
        arrive(to, parts[j] ?? 0, from);
      });
    }
    const inflowStream = streamOf(t, INFLOW);
    let inflow = 0;
    PLAN_STATES.forEach((to, j) => {
      const count = poisson(inflowStream, rates.inflowPerMonth[j] ?? 0);
      inflow += count;
      arrive(to, count, null);
    });
    let refused = 0;
    for (const method of PLAN_METHODS) {
      const state = SUPPORTED_STATE[method];
      const free = Math.max(0, Math.floor(conditions.supportCapacity[method]) - next[state]);
      const admitted = Math.min(starting[method], free);
      next[state] += admitted;
      next.housed += starting[method] - admitted;
      refused += starting[method] - admitted;
    }
    path.push({ stocks: next, lettings, inflow, supportRefused: refused });
    stocks = next;
  }
  return path;
}

/** A figure's centre and its uncertainty band (the 10th and 90th percentiles of the draws). */
export interface Band {
  mean: number;
  low: number;
  high: number;
}

/** The figures a forecast gives for each month. */
export const SERIES = [
  'homeless',
  'waiting',
  'shelter',
  'atRisk',
  'housedWithSupport',
  'lettings',
  'shelterDays',
  'shelterNet',
  'shelterRefund',
  'supportCost',
  'supportRefund',
  'netCost',
  'supportRefused',
] as const;
export type Series = (typeof SERIES)[number];

/** What a forecast run needs. */
export interface ForecastInput {
  fitted: FittedModel;
  economics: PlanEconomics;
  /** The month ends of the forecast, ascending (the first is a month after the fit's last). */
  monthEnds: readonly string[];
  /** The baseline's supply and support places. */
  baseline: PathConditions;
  levers: PlanLevers;
  draws: number;
  seed: number;
}

/** A forecast: every series as a band per month, with the rates at their centre. */
export interface Forecast {
  monthEnds: string[];
  series: Record<Series, Band[]>;
  /**
   * The expected waiting time in months (the waiting list over the path's mean lettings, Little's
   * law); null where fewer than half of the paths house anyone from the list.
   */
  waitingMonths: (Band | null)[];
  /** The rates at their centre, with the levers applied: what the forecast assumes. */
  assumptions: PlanRates;
}

function daysInMonth(monthEnd: string): number {
  return Number(monthEnd.slice(8, 10));
}

/** The figures of one month of one path. */
function figuresOf(month: PathMonth, rates: PlanRates, economics: PlanEconomics, monthEnd: string) {
  const s = month.stocks;
  const homeless = HOMELESS_STATES.reduce((sum, state) => sum + s[state], 0);
  const shelterDays = (s.shelter + s.waiting * rates.waitingShelterShare) * daysInMonth(monthEnd);
  const shelterNet = shelterDays * economics.netPerShelterDay;
  const shelterRefund = shelterNet * economics.shelterRefundShare;
  const supportCost = PLAN_METHODS.reduce(
    (sum, m) => sum + s[SUPPORTED_STATE[m]] * economics.supportMonthlyCost[m],
    0,
  );
  const supportRefund = supportCost * economics.supportRefundShare;
  return {
    homeless,
    waiting: s.waiting,
    shelter: s.shelter,
    atRisk: s.at_risk,
    housedWithSupport: PLAN_METHODS.reduce((sum, m) => sum + s[SUPPORTED_STATE[m]], 0),
    lettings: month.lettings,
    shelterDays,
    shelterNet,
    shelterRefund,
    supportCost,
    supportRefund,
    netCost: shelterNet - shelterRefund + supportCost - supportRefund,
    supportRefused: month.supportRefused,
  };
}

/** The value at a quantile of sorted values (linear between neighbours). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  const a = sorted[below] as number;
  return a + ((sorted[above] as number) - a) * (at - below);
}

export function bandOf(values: number[]): Band {
  // A typed array sorts numbers as numbers, without a comparison function: several times faster.
  const sorted = Float64Array.from(values).sort();
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return { mean, low: quantile(sorted, 0.1), high: quantile(sorted, 0.9) };
}

/**
 * A seeded Monte Carlo forecast: `draws` paths, each with its own draw of the rates (their
 * uncertainty) and of the monthly moves (chance), every series summed up as a band per month. The
 * same input and seed give the same forecast. The expected waiting time is the waiting list divided
 * by the path's mean lettings per month (Little's law). `onProgress` hears the share done.
 */
export function forecast(input: ForecastInput, onProgress?: (done: number) => void): Forecast {
  const months = input.monthEnds.length;
  const conditions: PathConditions = {
    unitsPerMonth: input.levers.unitsPerMonth ?? input.baseline.unitsPerMonth,
    supportCapacity: { ...input.baseline.supportCapacity, ...definedOnly(input.levers.supportCapacity) },
  };
  const values = Object.fromEntries(
    SERIES.map((s) => [s, Array.from({ length: months }, () => new Array<number>(input.draws))]),
  ) as Record<Series, number[][]>;
  const waitingMonths = Array.from({ length: months }, () => [] as number[]);
  for (let d = 0; d < input.draws; d++) {
    const rates = applyLevers(drawRates(input.fitted, stream(input.seed, d, -1, 0)), input.levers);
    const path = simulatePath(input.fitted.start, rates, conditions, months, (t, part) =>
      stream(input.seed, d, t, part),
    );
    const meanLettings = path.reduce((sum, m) => sum + m.lettings, 0) / Math.max(1, months);
    path.forEach((month, t) => {
      const figures = figuresOf(month, rates, input.economics, input.monthEnds[t] as string);
      for (const name of SERIES) (values[name][t] as number[])[d] = figures[name];
      if (meanLettings > 0) waitingMonths[t]?.push(month.stocks.waiting / meanLettings);
    });
    if (onProgress && ((d + 1) % 50 === 0 || d + 1 === input.draws)) onProgress((d + 1) / input.draws);
  }
  return {
    monthEnds: [...input.monthEnds],
    series: Object.fromEntries(SERIES.map((s) => [s, values[s].map(bandOf)])) as Record<Series, Band[]>,
    waitingMonths: waitingMonths.map((v) => (v.length * 2 >= input.draws ? bandOf(v) : null)),
    assumptions: applyLevers(meanRates(input.fitted), input.levers),
  };
}

/** The `months` month ends after the month of `after` (YYYY-MM-DD): the months a forecast covers. */
export function forecastMonthEnds(after: string, months: number): string[] {
  const year = Number(after.slice(0, 4));
  const month = Number(after.slice(5, 7));
  return Array.from({ length: months }, (_, i) =>
    new Date(Date.UTC(year, month + i + 1, 0)).toISOString().slice(0, 10),
  );
}
