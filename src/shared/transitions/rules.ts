import { ageOn } from '../dates';
import { isOverdue } from '../plans/rules';
import { ORGANISATION_PARTICIPANT_KINDS, type ParticipantKind, USER_PARTICIPANT_KINDS } from './model';

/** A field's problem in a transition plan's input: the field and the module's error code. */
export interface TransitionProblem {
  field: string;
  code:
    | 'TRANSITION_AGE_OUT_OF_RANGE'
    | 'TRANSITION_YOUNG_PERSON_REQUIRED'
    | 'TRANSITION_YOUNG_PERSON_TWICE'
    | 'TRANSITION_PARTICIPANT_USER_REQUIRED'
    | 'TRANSITION_PARTICIPANT_NAME_REQUIRED'
    | 'TRANSITION_PARTICIPANT_ORGANISATION_REQUIRED'
    | 'TRANSITION_MEETING_IN_FUTURE'
    | 'TRANSITION_YOUNG_PERSON_VIEW_REQUIRED'
    | 'TRANSITION_ACTION_RESPONSIBLE_REQUIRED'
    | 'TRANSITION_ACTION_DUE_REQUIRED'
    | 'TRANSITION_DATE_IN_FUTURE'
    | 'TRANSITION_DATE_BEFORE_START'
    | 'TRANSITION_OFFER_AGE_RANGE'
    | 'TRANSITION_OFFER_END_BEFORE_START';
}

/** A transition plan is for a young person (15–29, issue 17): the youth module's one definition. */
export { isYoungPerson } from '../youth/rules';

/** A participant as the plan's input names it. */
export interface ParticipantFacts {
  kind: ParticipantKind;
  userId?: string | null | undefined;
  name?: string | null | undefined;
  organisation?: string | null | undefined;
}

/**
 * The plan's participants (issue 17 §4): the young person takes part, once (the plan is theirs);
 * a child-area or adult-area caseworker is a Hjemvej user; everyone else is named, and UU/KUI
 * guidance and external participants with their organisation. `prefix` names the list's field.
 */
export function participantProblems(
  participants: readonly ParticipantFacts[],
  prefix = 'participants',
): TransitionProblem[] {
  const problems: TransitionProblem[] = [];
  const young = participants.filter((p) => p.kind === 'young_person').length;
  if (young === 0) problems.push({ field: prefix, code: 'TRANSITION_YOUNG_PERSON_REQUIRED' });
  if (young > 1) problems.push({ field: prefix, code: 'TRANSITION_YOUNG_PERSON_TWICE' });
  for (const [i, p] of participants.entries()) problems.push(...oneParticipantProblems(p, `${prefix}.${i}`));
  return problems;
}

/** One participant's own problems (`at` is its field path). */
export function oneParticipantProblems(p: ParticipantFacts, at: string): TransitionProblem[] {
  if (p.kind === 'young_person') return [];
  if (USER_PARTICIPANT_KINDS.includes(p.kind))
    return p.userId ? [] : [{ field: `${at}.userId`, code: 'TRANSITION_PARTICIPANT_USER_REQUIRED' }];
  const problems: TransitionProblem[] = [];
  if (!p.userId && !p.name?.trim())
    problems.push({ field: `${at}.name`, code: 'TRANSITION_PARTICIPANT_NAME_REQUIRED' });
  if (ORGANISATION_PARTICIPANT_KINDS.includes(p.kind) && !p.organisation?.trim())
    problems.push({ field: `${at}.organisation`, code: 'TRANSITION_PARTICIPANT_ORGANISATION_REQUIRED' });
  return problems;
}

/**
 * A meeting may be planned for any day; its record — the young person's own view (first, and
 * required) and the decisions — only for a meeting held today or earlier.
 */
export function meetingRecordProblems(
  m: { heldOn: string; youngPersonView?: string | null | undefined; decisions?: string | null | undefined },
  onDate: string,
): TransitionProblem[] {
  const recording = Boolean(m.youngPersonView?.trim() || m.decisions?.trim());
  if (!recording) return [];
  const problems: TransitionProblem[] = [];
  if (m.heldOn > onDate) problems.push({ field: 'heldOn', code: 'TRANSITION_MEETING_IN_FUTURE' });
  if (!m.youngPersonView?.trim())
    problems.push({ field: 'youngPersonView', code: 'TRANSITION_YOUNG_PERSON_VIEW_REQUIRED' });
  return problems;
}

/** Who does what by when: an action needs a responsible participant and a due date. */
export function actionProblems(
  a: { responsibleId?: string | null | undefined; dueOn?: string | null | undefined },
  at = '',
): TransitionProblem[] {
  const problems: TransitionProblem[] = [];
  if (!a.responsibleId)
    problems.push({ field: `${at}responsibleId`, code: 'TRANSITION_ACTION_RESPONSIBLE_REQUIRED' });
  if (!a.dueOn) problems.push({ field: `${at}dueOn`, code: 'TRANSITION_ACTION_DUE_REQUIRED' });
  return problems;
}

/** A date that records what has happened (an action done, a plan closed): not ahead of today. */
export function pastDateProblems(
  date: string,
  field: string,
  planStartedOn: string,
  onDate: string,
): TransitionProblem[] {
  if (date > onDate) return [{ field, code: 'TRANSITION_DATE_IN_FUTURE' }];
  if (date < planStartedOn) return [{ field, code: 'TRANSITION_DATE_BEFORE_START' }];
  return [];
}

/** An action is overdue when it is not done and its due date has passed (the plans module's rule). */
export const actionOverdue = isOverdue;

/** The catalogue's age range of an offer: lowest not above highest. */
export function offerAgeProblems(minAge: number, maxAge: number): TransitionProblem[] {
  return minAge > maxAge ? [{ field: 'maxAge', code: 'TRANSITION_OFFER_AGE_RANGE' }] : [];
}

/** An offer the young person has runs from a date to an optional end, not before it. */
export function planOfferProblems(fromDate: string, toDate: string | null | undefined): TransitionProblem[] {
  return toDate && toDate < fromDate ? [{ field: 'toDate', code: 'TRANSITION_OFFER_END_BEFORE_START' }] : [];
}

/** Whether an offer of the catalogue fits the young person's age on a date. */
export function offerFitsAge(
  offer: { minAge: number; maxAge: number },
  birthDate: string,
  onDate: string,
): boolean {
  const age = ageOn(birthDate, onDate);
  return age >= offer.minAge && age <= offer.maxAge;
}

/** Whether an offer the young person has is running on a date. */
export function offerActive(o: { fromDate: string; toDate: string | null }, onDate: string): boolean {
  return o.fromDate <= onDate && (o.toDate === null || o.toDate >= onDate);
}

/** The next meeting: the earliest not yet recorded, held today or later (null when none is planned). */
export function nextMeeting<T extends { heldOn: string; recorded: boolean }>(
  meetings: readonly T[],
  onDate: string,
): T | null {
  let best: T | null = null;
  for (const m of meetings)
    if (!m.recorded && m.heldOn >= onDate && (!best || m.heldOn < best.heldOn)) best = m;
  return best;
}
