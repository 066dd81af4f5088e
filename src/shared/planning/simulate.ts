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
  return mulberry32(partSeed(monthSeed(drawSeed(seed, draw), month), part));
}

// `stream`'s seed in steps, so that a path hashes its draw once and each month once, not per part.
const STREAM_SALT = 0x632be5ab;
const drawSeed = (seed: number, draw: number) => mix(mix(seed) ^ mix(draw + STREAM_SALT));
const monthSeed = (h: number, month: number) => mix(h ^ mix(month + STREAM_SALT));
const partSeed = (h: number, part: number) => mix(h ^ mix(part + STREAM_SALT));

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

/** Each compartment's index in `PLAN_STATES`, and the method whose support it is (-1: none). */
const WAITING = INDEX.waiting;
const HOUSED = INDEX.housed;
const METHOD_OF: number[] = PLAN_STATES.map((s) =>
  SUPPORTED.has(s) ? PLAN_METHODS.indexOf(s.slice('housed_'.length) as PlanMethod) : -1,
);
const SUPPORTED_INDEX: number[] = PLAN_METHODS.map((m) => INDEX[SUPPORTED_STATE[m]]);

function stocksOf(counts: readonly number[]): Stocks {
  const stocks = emptyStocks();
  for (let i = 0; i < PLAN_STATES.length; i++) stocks[PLAN_STATES[i] as PlanState] = counts[i] as number;
  return stocks;
}

/**
 * One simulated path of `months` months from `start`: each compartment's people move by its row
 * (a multinomial draw), the waiting list is housed as far as the units let (a Poisson draw of units
 * × the used share, at most everyone waiting), the inflow arrives (Poisson), and a start of support
 * takes a free place of its method or stays housed without support. Nobody is lost or made up: the
 * compartments at a month's end hold those at its start plus the inflow.
 *
 * A thousand paths of sixty months run per forecast, so the month is counted in plain arrays in
 * `PLAN_STATES` order, and a stream is made only where it is drawn from (a stream is a pure
 * function of its seed, so the draws are those of a stream made every time).
 */
export function simulatePath(
  start: Stocks,
  rates: PlanRates,
  conditions: PathConditions,
  months: number,
  streamOf: (month: number, part: number) => Uniform,
): PathMonth[] {
  const n = PLAN_STATES.length;
  const path: PathMonth[] = [];
  const rows = PLAN_STATES.map((s) => rates.rows[s]);
  const settledExits = PLAN_STATES.map((s) => rates.settledExits[s]);
  const anyInflow = rates.inflowPerMonth.some((m) => m > 0);
  const capacity = PLAN_METHODS.map((m) => Math.floor(conditions.supportCapacity[m]));
  let stocks = PLAN_STATES.map((s) => start[s]);
  for (let t = 0; t < months; t++) {
    const next = new Array<number>(n).fill(0);
    const starting = [0, 0, 0];
    // People arriving in `to` from `from` (-1: from outside): a start of support waits for a place.
    const arrive = (to: number, count: number, from: number) => {
      if (count === 0) return;
      const method = METHOD_OF[to] as number;
      if (method >= 0 && to !== from) starting[method] = (starting[method] as number) + count;
      else next[to] = (next[to] as number) + count;
    };
    const waiting = stocks[WAITING] as number;
    const units = (conditions.unitsPerMonth[t] ?? 0) * rates.usedShare;
    const lettings = units > 0 ? Math.min(waiting, poisson(streamOf(t, LETTINGS), units)) : 0;
    if (lettings > 0) {
      const housedFromList = multinomial(streamOf(t, SPLIT), lettings, rates.lettingSplit);
      for (let j = 0; j < n; j++) arrive(j, housedFromList[j] ?? 0, WAITING);
    }
    for (let i = 0; i < n; i++) {
      const people = i === WAITING ? waiting - lettings : (stocks[i] as number);
      if (people === 0) continue;
      const exits = settledExits[i];
      const parts = exits
        ? leaveByCount(streamOf(t, i), people, i, exits)
        : multinomial(streamOf(t, i), people, rows[i] as number[]);
      for (let j = 0; j < n; j++) arrive(j, parts[j] ?? 0, i);
    }
    let inflow = 0;
    if (anyInflow) {
      const inflowStream = streamOf(t, INFLOW);
      for (let j = 0; j < n; j++) {
        const count = poisson(inflowStream, rates.inflowPerMonth[j] ?? 0);
        inflow += count;
        arrive(j, count, -1);
      }
    }
    let refused = 0;
    for (let k = 0; k < PLAN_METHODS.length; k++) {
      const state = SUPPORTED_INDEX[k] as number;
      const wanting = starting[k] as number;
      const free = Math.max(0, (capacity[k] as number) - (next[state] as number));
      const admitted = Math.min(wanting, free);
      next[state] = (next[state] as number) + admitted;
      next[HOUSED] = (next[HOUSED] as number) + wanting - admitted;
      refused += wanting - admitted;
    }
    path.push({ stocks: stocksOf(next), lettings, inflow, supportRefused: refused });
    stocks = next;
  }
  return path;
}

/**
 * The people leaving a settled compartment `i` of `people` in a month: a Poisson draw of each
 * destination's monthly exits, cut (from the first destination on) to the people there; the rest
 * stay.
 */
function leaveByCount(u: Uniform, people: number, i: number, exits: readonly number[]): number[] {
  const parts = exits.map((mean) => (mean > 0 ? poisson(u, mean) : 0));
  let leaving = 0;
  for (const count of parts) leaving += count;
  for (let j = 0; j < parts.length && leaving > people; j++) {
    const cut = Math.min(parts[j] as number, leaving - people);
    parts[j] = (parts[j] as number) - cut;
    leaving -= cut;
  }
  parts[i] = people - leaving;
  return parts;
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

/**
 * Writes the figures of one month of one path into `into[series][draw]` (every series as
 * `SERIES` lists them): the compartments, the lettings, the shelter days and what they and the
 * support cost, less refunds.
 */
function writeFigures(
  into: Record<Series, Float64Array>,
  draw: number,
  month: PathMonth,
  rates: PlanRates,
  economics: PlanEconomics,
  days: number,
) {
  const s = month.stocks;
  const shelterDays = (s.shelter + s.waiting * rates.waitingShelterShare) * days;
  const shelterNet = shelterDays * economics.netPerShelterDay;
  const shelterRefund = shelterNet * economics.shelterRefundShare;
  const cost = economics.supportMonthlyCost;
  const supportCost = 0 + s.housed_cti * cost.cti + s.housed_icm * cost.icm + s.housed_act * cost.act;
  const supportRefund = supportCost * economics.supportRefundShare;
  // Sums in the order of HOMELESS_STATES and PLAN_METHODS, from 0, as a reduce over them adds.
  into.homeless[draw] = 0 + s.street + s.shelter + s.other_homeless + s.waiting;
  into.waiting[draw] = s.waiting;
  into.shelter[draw] = s.shelter;
  into.atRisk[draw] = s.at_risk;
  into.housedWithSupport[draw] = 0 + s.housed_cti + s.housed_icm + s.housed_act;
  into.lettings[draw] = month.lettings;
  into.shelterDays[draw] = shelterDays;
  into.shelterNet[draw] = shelterNet;
  into.shelterRefund[draw] = shelterRefund;
  into.supportCost[draw] = supportCost;
  into.supportRefund[draw] = supportRefund;
  into.netCost[draw] = shelterNet - shelterRefund + supportCost - supportRefund;
  into.supportRefused[draw] = month.supportRefused;
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
  return bandOfDraws(Float64Array.from(values));
}

/** `bandOf` of draws held in a typed array, which it sorts in place (after summing them in order). */
function bandOfDraws(draws: Float64Array): Band {
  let sum = 0;
  for (let i = 0; i < draws.length; i++) sum += draws[i] as number;
  const mean = sum / Math.max(1, draws.length);
  // A typed array sorts numbers as numbers, without a comparison function: several times faster.
  const sorted = draws.sort();
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
  // values[t][series][draw]: typed arrays, filled in place.
  const values = Array.from(
    { length: months },
    () =>
      Object.fromEntries(SERIES.map((s) => [s, new Float64Array(input.draws)])) as Record<
        Series,
        Float64Array
      >,
  );
  const days = input.monthEnds.map((end) => daysInMonth(end));
  const waitingMonths = Array.from({ length: months }, () => [] as number[]);
  for (let d = 0; d < input.draws; d++) {
    const rates = applyLevers(drawRates(input.fitted, stream(input.seed, d, -1, 0)), input.levers);
    const pathSeed = drawSeed(input.seed, d);
    let month = -1;
    let seedOfMonth = 0;
    const path = simulatePath(input.fitted.start, rates, conditions, months, (t, part) => {
      if (t !== month) {
        month = t;
        seedOfMonth = monthSeed(pathSeed, t);
      }
      return mulberry32(partSeed(seedOfMonth, part));
    });
    let letted = 0;
    for (const m of path) letted += m.lettings;
    const meanLettings = letted / Math.max(1, months);
    for (let t = 0; t < months; t++) {
      const m = path[t] as PathMonth;
      writeFigures(
        values[t] as Record<Series, Float64Array>,
        d,
        m,
        rates,
        input.economics,
        days[t] as number,
      );
      if (meanLettings > 0) waitingMonths[t]?.push(m.stocks.waiting / meanLettings);
    }
    if (onProgress && ((d + 1) % 50 === 0 || d + 1 === input.draws)) onProgress((d + 1) / input.draws);
  }
  return {
    monthEnds: [...input.monthEnds],
    series: Object.fromEntries(
      SERIES.map((s) => [s, values.map((month) => bandOfDraws(month[s]))]),
    ) as Record<Series, Band[]>,
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
