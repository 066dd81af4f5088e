import { addWorkingDays, workingDaysBetween } from '../dates';
import { type CloseReason, DEFAULT_FAST_TRACK_WORKING_DAYS } from './model';

/** A dated setting: the number of working days a deposit-loan or § 81 case may stay open (fast track). */
export interface FastTrackLimit {
  validFrom: string;
  workingDays: number;
}

/**
 * The fast-track limit in force on a date: the latest limit valid from that date or earlier, else the
 * default of 10 working days. A case is judged by the limit in force on the day it was opened.
 */
export function fastTrackLimitOn(limits: readonly FastTrackLimit[], onDate: string): number {
  let best: FastTrackLimit | undefined;
  for (const l of limits) if (l.validFrom <= onDate && (!best || l.validFrom > best.validFrom)) best = l;
  return best?.workingDays ?? DEFAULT_FAST_TRACK_WORKING_DAYS;
}

/** Danish working days a case has been open: after the day it opened, up to and including `onDate`. */
export function workingDaysOpen(openedOn: string, onDate: string): number {
  return workingDaysBetween(openedOn, onDate);
}

/**
 * A deposit-loan or § 81 case waits too long (VIVE 2023: fast track for Housing First citizens)
 * when it is undecided and has been open more working days than the limit in force on its opening day.
 */
export function exceedsFastTrack(
  c: { openedOn: string; decidedOn: string | null },
  limits: readonly FastTrackLimit[],
  onDate: string,
): boolean {
  if (c.decidedOn) return false;
  return workingDaysOpen(c.openedOn, onDate) > fastTrackLimitOn(limits, c.openedOn);
}

/** The last day of the fast track: the limit's working days after the case opened (Danish calendar). */
export function fastTrackDeadline(openedOn: string, workingDays: number): string {
  return addWorkingDays(openedOn, workingDays);
}

/** An action of a plan is overdue when it is not done and its due date has passed. */
export function isOverdue(a: { dueOn: string; doneOn: string | null }, onDate: string): boolean {
  return a.doneOn === null && a.dueOn < onDate;
}

/** A field's problem in a plan's input: the field and the module's error code. */
export interface PlanProblem {
  field: string;
  code:
    | 'PLAN_ACTION_OWNER_REQUIRED'
    | 'PLAN_ACTION_DUE_REQUIRED'
    | 'PLAN_ACTION_DUE_BEFORE_START'
    | 'PLAN_REVIEW_BEFORE_START'
    | 'PLAN_DATE_BEFORE_START'
    | 'PLAN_DATE_IN_FUTURE'
    | 'PLAN_CLOSE_NOTE_REQUIRED';
}

/** An action needs a responsible person (a user or a name) and a due date not before the plan starts. */
export function actionProblems(
  a: { ownerUserId?: string | null; ownerName?: string | null; dueOn?: string | null },
  planStartedOn: string,
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (!a.ownerUserId && !a.ownerName?.trim())
    problems.push({ field: 'ownerName', code: 'PLAN_ACTION_OWNER_REQUIRED' });
  if (!a.dueOn) problems.push({ field: 'dueOn', code: 'PLAN_ACTION_DUE_REQUIRED' });
  else if (a.dueOn < planStartedOn) problems.push({ field: 'dueOn', code: 'PLAN_ACTION_DUE_BEFORE_START' });
  return problems;
}

/** A review date may not lie before the plan's start. */
export function reviewProblems(reviewOn: string, planStartedOn: string): PlanProblem[] {
  return reviewOn < planStartedOn ? [{ field: 'reviewOn', code: 'PLAN_REVIEW_BEFORE_START' }] : [];
}

/**
 * A plan is closed on a day from its start to today, never ahead (the closing records what has
 * happened), and for another reason than the listed ones only with a note saying which.
 */
export function closeProblems(
  c: { closedOn: string; reason: CloseReason; note: string | null },
  planStartedOn: string,
  onDate: string,
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (c.closedOn < planStartedOn) problems.push({ field: 'closedOn', code: 'PLAN_DATE_BEFORE_START' });
  else if (c.closedOn > onDate) problems.push({ field: 'closedOn', code: 'PLAN_DATE_IN_FUTURE' });
  if (c.reason === 'other' && !c.note?.trim())
    problems.push({ field: 'note', code: 'PLAN_CLOSE_NOTE_REQUIRED' });
  return problems;
}
