import { addDays } from '../dates';
import type { PlacementKind } from './model';

/** A field that breaks a date rule, with the error code that names the rule. */
export interface DateProblem {
  field: string;
  code: PlacementDateCode;
}

export type PlacementDateCode =
  | 'PLACEMENT_MOVE_IN_BEFORE_DECISION'
  | 'PLACEMENT_PLANNED_END_BEFORE_MOVE_IN'
  | 'PLACEMENT_START_BEFORE_DECISION'
  | 'PLACEMENT_END_BEFORE_START'
  | 'PLACEMENT_DATE_IN_FUTURE';

export interface PlacementDates {
  decidedOn: string;
  plannedMoveInOn: string;
  plannedEndOn?: string | null | undefined;
  startedOn?: string | null | undefined;
  endedOn?: string | null | undefined;
}

/**
 * The order of a placement's dates (serviceloven § 107 / § 108): a stay rests on a decision, so the
 * planned move-in and the start come on or after the decision day; a planned end comes on or after
 * the planned move-in; the end on or after the start (or, for a decision withdrawn before a move-in,
 * on or after the decision). A start or end is recorded when it has happened: never after `today`.
 */
export function placementDateProblems(p: PlacementDates, today: string): DateProblem[] {
  const problems: DateProblem[] = [];
  if (p.plannedMoveInOn < p.decidedOn)
    problems.push({ field: 'plannedMoveInOn', code: 'PLACEMENT_MOVE_IN_BEFORE_DECISION' });
  if (p.plannedEndOn && p.plannedEndOn < p.plannedMoveInOn)
    problems.push({ field: 'plannedEndOn', code: 'PLACEMENT_PLANNED_END_BEFORE_MOVE_IN' });
  if (p.decidedOn > today) problems.push({ field: 'decidedOn', code: 'PLACEMENT_DATE_IN_FUTURE' });
  if (p.startedOn) {
    if (p.startedOn < p.decidedOn)
      problems.push({ field: 'startedOn', code: 'PLACEMENT_START_BEFORE_DECISION' });
    if (p.startedOn > today) problems.push({ field: 'startedOn', code: 'PLACEMENT_DATE_IN_FUTURE' });
  }
  if (p.endedOn) {
    if (p.endedOn < (p.startedOn ?? p.decidedOn))
      problems.push({ field: 'endedOn', code: 'PLACEMENT_END_BEFORE_START' });
    if (p.endedOn > today) problems.push({ field: 'endedOn', code: 'PLACEMENT_DATE_IN_FUTURE' });
  }
  return problems;
}

/** A period [from, until): `until` is the move-out day, null while open-ended. */
export interface Period {
  from: string;
  until: string | null;
}

/**
 * The period a placement holds a citizen: from the start (or the planned move-in, before it) to the
 * end (or the planned end, before it); open-ended when neither is known. A withdrawn decision
 * (ended without a start) holds nothing.
 */
export function placementPeriod(p: PlacementDates): Period | null {
  if (p.endedOn && !p.startedOn) return null;
  return { from: p.startedOn ?? p.plannedMoveInOn, until: p.endedOn ?? p.plannedEndOn ?? null };
}

/**
 * Whether two periods share a day. The move-out day of one may be the move-in day of the next (a
 * citizen moves from a § 107 stay straight into a § 108 home the same day).
 */
export function periodsOverlap(a: Period, b: Period): boolean {
  const aEndsAfterBStarts = a.until === null || a.until > b.from;
  const bEndsAfterAStarts = b.until === null || b.until > a.from;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}

/**
 * No two placements of one citizen at once (serviceloven § 107 / § 108: one residential care stay
 * at a time): the ids of the other placements whose period overlaps the candidate's.
 */
export function overlappingPlacements<T extends PlacementDates & { id: string }>(
  candidate: PlacementDates & { id?: string },
  others: readonly T[],
): string[] {
  const period = placementPeriod(candidate);
  if (!period) return [];
  return others
    .filter((o) => o.id !== candidate.id)
    .filter((o) => {
      const p = placementPeriod(o);
      return p !== null && periodsOverlap(period, p);
    })
    .map((o) => o.id);
}

/** How many days ahead a temporary stay's end becomes a task (issue 16 §6). */
export const NEXT_STEP_HORIZON_DAYS = 30;

/**
 * Whether a placement needs a next step now: a started § 107 stay (temporary by law) planned to end
 * within `NEXT_STEP_HORIZON_DAYS` days (or past its planned end) and not ended. § 108 stays are
 * long-term and need none.
 */
export function needsNextStep(
  p: { kind: PlacementKind; startedOn: string | null; endedOn: string | null; plannedEndOn: string | null },
  today: string,
): boolean {
  return (
    p.kind === 's107' &&
    p.startedOn !== null &&
    p.endedOn === null &&
    p.plannedEndOn !== null &&
    p.plannedEndOn <= addDays(today, NEXT_STEP_HORIZON_DAYS)
  );
}

/** Whether a decision's planned move-in has passed without a start (a task for the caseworker). */
export function moveInOverdue(
  p: { plannedMoveInOn: string; startedOn: string | null; endedOn: string | null },
  today: string,
): boolean {
  return p.startedOn === null && p.endedOn === null && p.plannedMoveInOn < today;
}

/**
 * A skæv bolig (almenboligloven § 149 a) has one tenant at a time: a tenancy from `from` fits
 * beside the unit's others when each of them ended on or before `from` (the move-out day may be the
 * next tenant's move-in day).
 */
export function unitFreeFrom(
  tenancies: readonly { fromDate: string; toDate: string | null }[],
  from: string,
) {
  return tenancies.every((t) => t.toDate !== null && t.toDate <= from);
}
