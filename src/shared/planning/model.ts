/**
 * The planning model's vocabulary (issue 19): the compartments a municipality's citizens move
 * between month by month, what the history of those moves looks like, and the levers of a scenario.
 * A stock-and-flow model of the kind Scotland's homelessness model and HUD's Stella use
 * (domain.md §10), fitted on the municipality's own by-name history.
 */

/** The Housing First methods whose places the model counts (support capacity is per method). */
export const PLAN_METHODS = ['cti', 'icm', 'act'] as const;
export type PlanMethod = (typeof PLAN_METHODS)[number];

/**
 * The compartments, disjoint: every citizen on the by-name list is in exactly one at a month end.
 * `waiting` holds homeless citizens on the waiting list for a home (an approved application), the
 * other homeless states those who are not on it, by situation group.
 *
 * The two compartments that only grow — housed without support and inactive — are split by how
 * long their people have been there: `housed_settled` and `inactive_settled` hold those housed
 * (with or without support) or inactive for more than `SETTLED_MONTHS` month ends in a row. Who
 * returns to homelessness from them is mostly someone who arrived recently; one rate for the whole
 * compartment, which grows by thousands a year of people long settled, made the returns grow with
 * it and the forecast drift upwards (the backtest of 2026-12-06: 84 of 98 municipalities above the
 * actual homeless count).
 */
export const PLAN_STATES = [
  'at_risk',
  'street',
  'shelter',
  'other_homeless',
  'waiting',
  'housed_cti',
  'housed_icm',
  'housed_act',
  'housed',
  'housed_settled',
  'inactive',
  'inactive_settled',
] as const;
export type PlanState = (typeof PLAN_STATES)[number];

/** The homeless compartments: the week-6 count counts these. */
export const HOMELESS_STATES: readonly PlanState[] = ['street', 'shelter', 'other_homeless', 'waiting'];

/** The housed compartments, with and without support. */
export const HOUSED_STATES: readonly PlanState[] = [
  'housed_cti',
  'housed_icm',
  'housed_act',
  'housed',
  'housed_settled',
];

/** Month ends in a row after which a housed or inactive citizen counts as settled there. */
export const SETTLED_MONTHS = 12;

/**
 * The settled compartments. Their people leave by a number a month, not by a share of the
 * compartment: who returns from them is ever less likely the longer they have been there, so the
 * returns do not grow with the compartment (which every month adds people to whose chance is
 * smallest); a share, fitted when the compartment was smaller, made the forecast's returns grow
 * with it.
 */
export const SETTLED_STATES: readonly PlanState[] = ['housed_settled', 'inactive_settled'];

/** The compartment of a citizen housed with a method's support. */
export const SUPPORTED_STATE: Record<PlanMethod, PlanState> = {
  cti: 'housed_cti',
  icm: 'housed_icm',
  act: 'housed_act',
};

/** How many people are in each compartment. */
export type Stocks = Record<PlanState, number>;

/** Moves in one month: `moves[from][to]` people were in `from` at its start and in `to` at its end. */
export type Moves = Record<PlanState, Stocks>;

/**
 * Stocks of zero in every compartment: a literal, made for every month of every path (a thousand
 * paths of sixty months), where building it from `PLAN_STATES` took a tenth of a forecast's time.
 */
export function emptyStocks(): Stocks {
  return {
    at_risk: 0,
    street: 0,
    shelter: 0,
    other_homeless: 0,
    waiting: 0,
    housed_cti: 0,
    housed_icm: 0,
    housed_act: 0,
    housed: 0,
    housed_settled: 0,
    inactive: 0,
    inactive_settled: 0,
  };
}

/** A move table of zeros. */
export function emptyMoves(): Moves {
  return Object.fromEntries(PLAN_STATES.map((s) => [s, emptyStocks()])) as Moves;
}

/** Everyone in the stocks. */
export function total(stocks: Stocks): number {
  let sum = 0;
  for (const s of PLAN_STATES) sum += stocks[s];
  return sum;
}

/** A municipality's history as the model is fitted on it, month by month. */
export interface PlanHistory {
  /** The month ends of the window, ascending (YYYY-MM-DD). */
  monthEnds: string[];
  /** The compartments at each month end (as `monthEnds`). */
  stocks: Stocks[];
  /** The moves between neighbouring month ends (one fewer than `monthEnds`). */
  moves: Moves[];
  /** Citizens not yet on the list at a month end, by compartment at the next (as `moves`). */
  inflow: Stocks[];
  /** Units the municipality received for allocation each month (as `moves`). */
  unitsReceived: number[];
  /** Month ends on which a citizen on the waiting list stayed in a § 110 shelter, and in all. */
  waitingInShelter: { inShelter: number; all: number };
}

/** What a shelter day and a month of support cost, and the shares the state refunds. */
export interface PlanEconomics {
  /** The net cost of a shelter day (rate less the resident's own payment), kr. */
  netPerShelterDay: number;
  /** The share of shelter costs refunded (§ 110 stay refund, days within the limit), 0–1. */
  shelterRefundShare: number;
  /** A month of each method's support, kr. */
  supportMonthlyCost: Record<PlanMethod, number>;
  /** The share of support costs refunded (§ 85 a after a § 110 stay), 0–1. */
  supportRefundShare: number;
}

/** What a scenario changes; every field left out keeps the baseline. */
export interface PlanLevers {
  /** Units for allocation each month of the forecast, replacing the baseline supply. */
  unitsPerMonth?: number[];
  /** Support places per method (FTE × caseload norm). */
  supportCapacity?: Partial<Record<PlanMethod, number>>;
  /** The mean months a stay in a § 110 shelter lasts. */
  shelterStayMonths?: number;
  /** The share of eviction cases that end without homelessness, percent. */
  preventionSuccessPercent?: number;
}

/** The fields of an object whose values are defined (a form's blanks left out). */
export function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
