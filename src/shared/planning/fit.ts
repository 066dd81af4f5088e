import {
  emptyMoves,
  emptyStocks,
  HOMELESS_STATES,
  HOUSED_STATES,
  type Moves,
  PLAN_STATES,
  type PlanHistory,
  type PlanState,
  SETTLED_STATES,
  type Stocks,
} from './model';
import { beta, dirichlet, gamma, type Uniform } from './sampling';

/**
 * The counts the model's rates come from, summed over the history's window: each compartment's
 * moves, the inflow from outside the list, and the waiting list's lettings against the units
 * received. Rates are drawn from them (`drawRates`), so the forecast carries their uncertainty: a
 * rate seen in few moves varies more from draw to draw than one seen in many.
 *
 * Only the last `RECENT_MONTHS` count (`monthWeight`): `months` is the number of months counted.
 */
export interface FittedModel {
  /** Months of moves in the window (weighted: the sum of the months' weights). */
  months: number;
  /** The compartments at the window's last month end: where the forecast starts. */
  start: Stocks;
  /** Moves summed over the window. */
  moves: Moves;
  /** Inflow from outside the list, summed over the window. */
  inflow: Stocks;
  /**
   * Citizens housed from the waiting list by the units received (the lettings), by housed
   * compartment: the moves from `waiting` into a home, as far as the units received cover them.
   * Moves beyond (`moves.waiting` less these) are the waiting's own ways into a home.
   */
  lettings: Stocks;
  /** Units received for allocation over the window. */
  unitsReceived: number;
  /** Month ends on the waiting list spent in a § 110 shelter, and in all. */
  waitingInShelter: { inShelter: number; all: number };
}

/** Months a fit counts: the last three years of a longer history. */
export const RECENT_MONTHS = 36;

/**
 * The weight of a month in the fit, by its age (0: the last month of the window): 1 for the last
 * `RECENT_MONTHS`, 0 before. A municipality's rates drift (who is in a compartment changes as
 * people accumulate in it, policies and supply change): the backtest on the national data set
 * (bench/results) forecast best from about three years — 24 months left the rates of small
 * municipalities noisy, 48, 60 or all eight years weighted with a half-life let old rates pull the
 * forecast away from today's level.
 */
export function monthWeight(age: number): number {
  return age < RECENT_MONTHS ? 1 : 0;
}

/** Sums a history into the counts the rates are drawn from, each month by its weight. */
export function fitHistory(
  history: PlanHistory,
  weightOf: (age: number) => number = monthWeight,
): FittedModel {
  const n = history.moves.length;
  if (n < 1 || history.stocks.length !== n + 1)
    throw new RangeError('fitHistory: the history needs at least two month ends and one month of moves');
  const moves = emptyMoves();
  const inflow = emptyStocks();
  let months = 0;
  let unitsReceived = 0;
  for (let t = 0; t < n; t++) {
    const w = weightOf(n - 1 - t);
    const month = history.moves[t] as Moves;
    const arrived = history.inflow[t] as Stocks;
    months += w;
    unitsReceived += w * (history.unitsReceived[t] ?? 0);
    for (const from of PLAN_STATES) for (const to of PLAN_STATES) moves[from][to] += w * month[from][to];
    for (const to of PLAN_STATES) inflow[to] += w * arrived[to];
  }
  // Lettings cannot outnumber the units received: moves from the list into a home beyond them are
  // the waiting's own (a home found elsewhere) and stay in the waiting list's row as a rate.
  const housedFromList = HOUSED_STATES.reduce((sum, to) => sum + moves.waiting[to], 0);
  const letShare = housedFromList > unitsReceived && unitsReceived > 0 ? unitsReceived / housedFromList : 1;
  const lettings = emptyStocks();
  for (const to of HOUSED_STATES)
    lettings[to] = unitsReceived > 0 ? moves.waiting[to] * letShare : moves.waiting[to];
  return {
    months,
    start: { ...(history.stocks[n] as Stocks) },
    moves,
    inflow,
    lettings,
    unitsReceived,
    waitingInShelter: { ...history.waitingInShelter },
  };
}

/**
 * One set of monthly rates: for each compartment the probabilities of where its people are a month
 * later (in `PLAN_STATES` order), the inflow per month, the share of received units let to the
 * waiting list, and how lettings split between support methods. The waiting list's row leaves out
 * the housed compartments: how many are housed from it is decided by the supply.
 */
export interface PlanRates {
  /** The settled compartments' rows are their staying put: they leave by `settledExits`. */
  rows: Record<PlanState, number[]>;
  /**
   * For each settled compartment (`SETTLED_STATES`), the people leaving it a month, by destination
   * (in `PLAN_STATES` order; 0 at the compartment itself).
   */
  settledExits: Partial<Record<PlanState, number[]>>;
  inflowPerMonth: number[];
  usedShare: number;
  lettingSplit: number[];
  waitingShelterShare: number;
}

/** Prior weight on each destination seen at least once (Jeffreys' 0.5), and on staying put. */
const PRIOR = 0.5;

/** The destinations a compartment's row may take: those seen, and itself. */
function rowWeights(fitted: FittedModel, from: PlanState): number[] {
  if (SETTLED_STATES.includes(from)) return PLAN_STATES.map((to) => (to === from ? 1 : 0));
  const row = fitted.moves[from];
  return PLAN_STATES.map((to) => {
    // The waiting list's lettings are the supply's; what is left of its moves into a home, its own.
    const count = from === 'waiting' && HOUSED_STATES.includes(to) ? ownWay(fitted, to) : row[to];
    return count > 0 || to === from ? count + PRIOR : 0;
  });
}

/** Moves from the waiting list into a housed compartment beyond the lettings (a tiny rest is none). */
function ownWay(fitted: FittedModel, to: PlanState): number {
  const own = fitted.moves.waiting[to] - fitted.lettings[to];
  return own > 1e-9 ? own : 0;
}

function normalise(weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return sum > 0 ? weights.map((w) => w / sum) : weights.map(() => 0);
}

/** The lettings' split between housed compartments; without lettings in the window, unsupported. */
function lettingWeights(fitted: FittedModel): number[] {
  const weights = PLAN_STATES.map((s) => fitted.lettings[s]);
  return weights.some((w) => w > 0) ? weights : PLAN_STATES.map((s) => (s === 'housed' ? 1 : 0));
}

/**
 * The settled compartments' monthly exits by destination, each the mean of its count (`draw`
 * absent) or drawn from its uncertainty like the inflow (a gamma of the count over the months).
 */
function settledExits(fitted: FittedModel, u?: Uniform): Partial<Record<PlanState, number[]>> {
  const exits: Partial<Record<PlanState, number[]>> = {};
  for (const from of SETTLED_STATES)
    exits[from] = PLAN_STATES.map((to) => {
      const count = to === from ? 0 : fitted.moves[from][to];
      if (count <= 0) return 0;
      return (u ? gamma(u, count + PRIOR) : count + PRIOR) / fitted.months;
    });
  return exits;
}

/** The rates at the centre of their uncertainty (the mean of each distribution). */
export function meanRates(fitted: FittedModel): PlanRates {
  const letted = sumOf(fitted.lettings);
  return {
    settledExits: settledExits(fitted),
    rows: Object.fromEntries(PLAN_STATES.map((s) => [s, normalise(rowWeights(fitted, s))])) as Record<
      PlanState,
      number[]
    >,
    inflowPerMonth: PLAN_STATES.map((s) =>
      fitted.inflow[s] > 0 ? (fitted.inflow[s] + PRIOR) / fitted.months : 0,
    ),
    usedShare: usedShareWeights(letted, fitted.unitsReceived).mean,
    lettingSplit: normalise(lettingWeights(fitted)),
    waitingShelterShare:
      (fitted.waitingInShelter.inShelter + PRIOR) / (fitted.waitingInShelter.all + 2 * PRIOR),
  };
}

/** One draw of the rates from their uncertainty. */
export function drawRates(fitted: FittedModel, u: Uniform): PlanRates {
  const letted = sumOf(fitted.lettings);
  const used = usedShareWeights(letted, fitted.unitsReceived);
  const rows = {} as Record<PlanState, number[]>;
  for (const s of PLAN_STATES) {
    const weights = rowWeights(fitted, s);
    const positive = weights.filter((w) => w > 0);
    const drawn = dirichlet(u, positive);
    let k = 0;
    rows[s] = weights.map((w) => (w > 0 ? (drawn[k++] as number) : 0));
  }
  const split = lettingWeights(fitted);
  const splitPositive = split.filter((w) => w > 0);
  const splitDrawn = dirichlet(
    u,
    splitPositive.map((w) => w + PRIOR),
  );
  let k = 0;
  return {
    rows,
    settledExits: settledExits(fitted, u),
    inflowPerMonth: PLAN_STATES.map((s) =>
      fitted.inflow[s] > 0 ? gamma(u, fitted.inflow[s] + PRIOR) / fitted.months : 0,
    ),
    usedShare: used.b > 0 ? beta(u, used.a, used.b) : used.mean,
    lettingSplit: split.map((w) => (w > 0 ? (splitDrawn[k++] as number) : 0)),
    waitingShelterShare: beta(
      u,
      fitted.waitingInShelter.inShelter + PRIOR,
      fitted.waitingInShelter.all - fitted.waitingInShelter.inShelter + PRIOR,
    ),
  };
}

/**
 * The share of received units let to the waiting list, as a beta distribution of lettings against
 * units. Lettings can outnumber units (a citizen housed outside the quota): the share is then near 1.
 */
function usedShareWeights(lettings: number, units: number) {
  // Lettings without any unit recorded as received: each unit of the forecast lets one.
  if (units <= 0) return lettings > 0 ? { a: 1, b: 0, mean: 1 } : { a: 0, b: 0, mean: 0 };
  const a = Math.min(lettings, units) + PRIOR;
  const b = Math.max(units - lettings, 0) + PRIOR;
  return { a, b, mean: a / (a + b) };
}

function sumOf(stocks: Stocks): number {
  let sum = 0;
  for (const s of PLAN_STATES) sum += stocks[s];
  return sum;
}

/** The mean months a § 110 stay lasts, from a shelter row (1 / the monthly chance of leaving). */
export function meanShelterStayMonths(rates: PlanRates): number {
  const stay = rates.rows.shelter[PLAN_STATES.indexOf('shelter')] ?? 1;
  return stay >= 1 ? Number.POSITIVE_INFINITY : 1 / (1 - stay);
}

/** The share of at-risk citizens who leave that status without becoming homeless, 0–1. */
export function preventionSuccess(rates: PlanRates): number {
  const row = rates.rows.at_risk;
  const leave = 1 - (row[PLAN_STATES.indexOf('at_risk')] ?? 1);
  if (leave <= 0) return 1;
  const homeless = HOMELESS_STATES.reduce((sum, s) => sum + (row[PLAN_STATES.indexOf(s)] ?? 0), 0);
  return 1 - homeless / leave;
}
