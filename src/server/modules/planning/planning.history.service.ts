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
 * citizen by the Housing First support going on.
 */
export function statesOf(
  person: CitizenHistory,
  monthEnds: readonly string[],
  policy: InactivityPolicy,
  waiting: readonly Spell[] | undefined,
  support: Partial<Record<PlanMethod, Spell[]>> | undefined,
): { state: PlanState | null; situation: Situation | null }[] {
  const runs = situationRuns(person, monthEnds, policy);
  let r = 0;
  return monthEnds.map((date, i) => {
    while ((runs[r + 1]?.from ?? Number.POSITIVE_INFINITY) <= i) r++;
    const { status, situation } = runs[r] ?? { status: null, situation: null };
    if (status === null || situation === null) return { state: null, situation: null };
    if (status === 'homeless')
      return { state: covers(waiting, date) ? 'waiting' : homelessState(situation), situation };
    if (status === 'housed') {
      const method = support && PLAN_METHODS.find((m) => covers(support[m], date));
      return { state: method ? SUPPORTED_STATE[method] : 'housed', situation };
    }
    return { state: status, situation };
  });
}

/**
 * Marks the settled in a citizen's compartments month end by month end: unsupported housed after
 * `SETTLED_MONTHS` month ends in a row housed (with or without support) becomes `housed_settled`,
 * inactive after as many inactive becomes `inactive_settled`. The states must start
 * `SETTLED_MONTHS` month ends before the first one that matters.
 */
export function settle(states: readonly (PlanState | null)[]): (PlanState | null)[] {
  let housedRun = 0;
  let inactiveRun = 0;
  return states.map((state) => {
    const housed = state !== null && HOUSED_STATES.includes(state);
    const settledHoused = state === 'housed' && housedRun >= SETTLED_MONTHS;
    const settledInactive = state === 'inactive' && inactiveRun >= SETTLED_MONTHS;
    housedRun = housed ? housedRun + 1 : 0;
    inactiveRun = state === 'inactive' ? inactiveRun + 1 : 0;
    if (settledHoused) return 'housed_settled';
    if (settledInactive) return 'inactive_settled';
    return state;
  });
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
  // The window's month ends, after `SETTLED_MONTHS` more before it (who is settled at its start).
  const allEnds = monthEndsBetween(monthStartBefore(asOf, months + 1 + SETTLED_MONTHS), asOf).slice(
    0,
    months + 1 + SETTLED_MONTHS,
  );
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
  for (const [id, person] of people) {
    const before = statesOf(person, allEnds, policy, waitingBy.get(id), supportBy.get(id));
    const settled = settle(before.map((s) => s.state));
    const states = before.slice(SETTLED_MONTHS).map((s, t) => ({
      state: settled[t + SETTLED_MONTHS] ?? null,
      situation: s.situation,
    }));
    states.forEach(({ state, situation }, t) => {
      if (state === null) return;
      (history.stocks[t] as Record<PlanState, number>)[state]++;
      if (state === 'waiting') {
        history.waitingInShelter.all++;
        if (situation === 'shelter') history.waitingInShelter.inShelter++;
      }
      if (t === 0) return;
      const before = states[t - 1]?.state ?? null;
      if (before === null) (history.inflow[t - 1] as Record<PlanState, number>)[state]++;
      else (history.moves[t - 1] as Record<PlanState, Record<PlanState, number>>)[before][state]++;
    });
  }
  return history;
}
