import { type InactivityPolicy, situationRuns } from '../../../shared/citizens/status';
import type { Situation } from '../../../shared/citizens/whereabouts';
import { monthEndsBetween, monthStartBefore } from '../../../shared/insight/flow';
import {
  emptyMoves,
  emptyStocks,
  HOUSED_STATES,
  PLAN_METHODS,
  type PlanHistory,
  type PlanMethod,
  type PlanState,
  SETTLED_MONTHS,
  SUPPORTED_STATE,
} from '../../../shared/planning/model';
import type { Executor } from '../../db/database';
import { forEachInSlices } from '../../platform/cooperative';
import { allocationMonths, waitingSpells } from '../allocation';
import { type CitizenHistory, inactivityPolicy, statusHistories } from '../citizens';
import { supportSpells } from '../support';

/** The homeless compartment of a situation (the VIVE situations in three groups). */
function homelessState(situation: Situation): PlanState {
  if (situation === 'street' || situation === 'night_shelter') return 'street';
  if (situation === 'shelter') return 'shelter';
  return 'other_homeless';
}

interface Spell {
  from: string;
  to: string | null;
}

const covers = (spells: readonly Spell[] | undefined, date: string) =>
  spells?.some((s) => s.from <= date && (s.to === null || s.to > date)) ?? false;

/**
 * A citizen's compartment at each month end (null: not on the list yet): the by-name status
 * (`statusOn` with the municipality's policy, worked out where it may change: `situationRuns`), a
 * homeless citizen on the waiting list in `waiting` and the others by situation group, a housed
 * citizen by the Housing First support going on. `visit` hears each month end's index, compartment
 * and situation, in order (no object per month: a large municipality has millions of them).
 */
function eachState(
  person: CitizenHistory,
  monthEnds: readonly string[],
  policy: InactivityPolicy,
  waiting: readonly Spell[] | undefined,
  support: Partial<Record<PlanMethod, Spell[]>> | undefined,
  visit: (i: number, state: PlanState | null, situation: Situation | null) => void,
): void {
  const runs = situationRuns(person, monthEnds, policy);
  let r = 0;
  for (let i = 0; i < monthEnds.length; i++) {
    while ((runs[r + 1]?.from ?? Number.POSITIVE_INFINITY) <= i) r++;
    const run = runs[r];
    const status = run?.status ?? null;
    const situation = run?.situation ?? null;
    const date = monthEnds[i] as string;
    if (status === null || situation === null) visit(i, null, null);
    else if (status === 'homeless')
      visit(i, covers(waiting, date) ? 'waiting' : homelessState(situation), situation);
    else if (status === 'housed') {
      const method = support && PLAN_METHODS.find((m) => covers(support[m], date));
      visit(i, method ? SUPPORTED_STATE[method] : 'housed', situation);
    } else visit(i, status, situation);
  }
}

/** `eachState` as a list: a citizen's compartment and situation at each month end. */
export function statesOf(
  person: CitizenHistory,
  monthEnds: readonly string[],
  policy: InactivityPolicy,
  waiting: readonly Spell[] | undefined,
  support: Partial<Record<PlanMethod, Spell[]>> | undefined,
): { state: PlanState | null; situation: Situation | null }[] {
  const out: { state: PlanState | null; situation: Situation | null }[] = [];
  eachState(person, monthEnds, policy, waiting, support, (_, state, situation) =>
    out.push({ state, situation }),
  );
  return out;
}

/**
 * Marks the settled in a citizen's compartments month end by month end, in place: unsupported
 * housed after `SETTLED_MONTHS` month ends in a row housed (with or without support) becomes
 * `housed_settled`, inactive after as many inactive becomes `inactive_settled`. The states must
 * start `SETTLED_MONTHS` month ends before the first one that matters.
 */
function settleInPlace(states: (PlanState | null)[]): void {
  let housedRun = 0;
  let inactiveRun = 0;
  for (let i = 0; i < states.length; i++) {
    const state = states[i] ?? null;
    const housed = state !== null && HOUSED_STATES.includes(state);
    const settledHoused = state === 'housed' && housedRun >= SETTLED_MONTHS;
    const settledInactive = state === 'inactive' && inactiveRun >= SETTLED_MONTHS;
    housedRun = housed ? housedRun + 1 : 0;
    inactiveRun = state === 'inactive' ? inactiveRun + 1 : 0;
    if (settledHoused) states[i] = 'housed_settled';
    else if (settledInactive) states[i] = 'inactive_settled';
  }
}

/** `settleInPlace` on a copy. */
export function settle(states: readonly (PlanState | null)[]): (PlanState | null)[] {
  const out = [...states];
  settleInPlace(out);
  return out;
}

/**
 * The month ends a history on `asOf` over `months` reads: the window's (`months` completed months
 * and the month end before them), after `SETTLED_MONTHS` more before it (who is settled at its
 * start). Two days of one month read the same month ends.
 */
export function historyMonthEnds(asOf: string, months: number): string[] {
  return monthEndsBetween(monthStartBefore(asOf, months + 1 + SETTLED_MONTHS), asOf).slice(
    0,
    months + 1 + SETTLED_MONTHS,
  );
}

/**
 * The municipality's history as the planning model is fitted on it (issue 19 §1): the last
 * `months` completed months before `asOf`, each citizen's compartment at every month end, the moves
 * between them, those new to the list, the units received for allocation each month, and how often
 * a citizen on the waiting list was in a § 110 shelter. Nobody leaves the list (the inactive are a
 * compartment), so each month end holds those of the one before plus those new to the list.
 */
export async function planningHistory(
  db: Executor,
  m: string,
  asOf: string,
  months: number,
): Promise<PlanHistory> {
  const allEnds = historyMonthEnds(asOf, months);
  const monthEnds = allEnds.slice(SETTLED_MONTHS);
  const upTo = monthEnds.at(-1) as string;
  const [{ people, survivorOf }, policy, waiting, support, allocation] = await Promise.all([
    statusHistories(db, m, upTo),
    inactivityPolicy(db, m),
    waitingSpells(db, m, upTo),
    supportSpells(db, m, upTo),
    allocationMonths(db, m, monthStartBefore(upTo, months - 1), upTo),
  ]);
  const waitingBy = new Map<string, Spell[]>();
  // An application or enrollment of a merged record counts for its survivor, as its history does.
  for (const s of waiting) {
    const id = survivorOf(s.citizenId);
    waitingBy.set(id, [...(waitingBy.get(id) ?? []), s]);
  }
  const supportBy = new Map<string, Partial<Record<PlanMethod, Spell[]>>>();
  for (const s of support) {
    if (!(PLAN_METHODS as readonly string[]).includes(s.method)) continue;
    const id = survivorOf(s.citizenId);
    const byMethod = supportBy.get(id) ?? {};
    const method = s.method as PlanMethod;
    byMethod[method] = [...(byMethod[method] ?? []), s];
    supportBy.set(id, byMethod);
  }

  const history: PlanHistory = {
    monthEnds,
    stocks: monthEnds.map(() => emptyStocks()),
    moves: monthEnds.slice(1).map(() => emptyMoves()),
    inflow: monthEnds.slice(1).map(() => emptyStocks()),
    unitsReceived: monthEnds
      .slice(1)
      .map((end) => allocation.find((row) => row.month === end.slice(0, 7))?.vacancies ?? 0),
    waitingInShelter: { inShelter: 0, all: 0 },
  };
  // One citizen's compartments and situations at every month end, reused for the next citizen.
  const states = new Array<PlanState | null>(allEnds.length).fill(null);
  const situations = new Array<Situation | null>(allEnds.length).fill(null);
  const record = (i: number, state: PlanState | null, situation: Situation | null) => {
    states[i] = state;
    situations[i] = situation;
  };
  // København's 78,000 citizens are most of a second: in slices, so the process answers other
  // requests meanwhile (the job computes every municipality's in a serving process).
  await forEachInSlices(
    people,
    ([id, person]) => {
      eachState(person, allEnds, policy, waitingBy.get(id), supportBy.get(id), record);
      settleInPlace(states);
      for (let t = 0; t < monthEnds.length; t++) {
        const state = states[t + SETTLED_MONTHS] ?? null;
        if (state === null) continue;
        (history.stocks[t] as Record<PlanState, number>)[state]++;
        if (state === 'waiting') {
          history.waitingInShelter.all++;
          if (situations[t + SETTLED_MONTHS] === 'shelter') history.waitingInShelter.inShelter++;
        }
        if (t === 0) continue;
        const before = states[t + SETTLED_MONTHS - 1] ?? null;
        if (before === null) (history.inflow[t - 1] as Record<PlanState, number>)[state]++;
        else (history.moves[t - 1] as Record<PlanState, Record<PlanState, number>>)[before][state]++;
      }
    },
    2_000,
  );
  return history;
}
