import type { Situation } from '../../../shared/citizens/whereabouts';
import type { Permission } from '../../../shared/permissions';
import type {
  ActionInput,
  DecisionInput,
  OutcomeInput,
  PreventionSettings,
} from '../../../shared/prevention/api';
import { type ActionKind, AVERTED, type NoticeSource, type Outcome } from '../../../shared/prevention/model';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';

/**
 * The pure rules of eviction prevention: who may take which step, and when a notice, an action,
 * the § 5 a decision or an outcome may be recorded. The service loads and writes; these decide.
 */

/** A field problem, as the error catalogue's `V_VALIDATION` carries it. */
export interface Problem {
  path: string;
  code: string;
}

const invalid = (problem: Problem) => new AppError('V_VALIDATION', { fields: [problem] });

// ---- who may take which step ----

/**
 * The permission each step needs (roles get permissions in migration 0006): prevention officers
 * and administrators manage cases; caseworkers read them; leaders, economy and allocation staff
 * read the monitoring; a housing organisation's user only reports notices for its departments.
 */
export const PREVENTION_STEPS = {
  readCases: 'prevention.read',
  recordNotice: 'prevention.manage',
  importNotices: 'prevention.manage',
  recordAction: 'prevention.manage',
  recordDecision: 'prevention.manage',
  recordOutcome: 'prevention.manage',
  changeSettings: 'prevention.manage',
  readMonitoring: 'prevention.reports',
  reportNotice: 'notices.report',
} as const satisfies Record<string, Permission>;

export type PreventionStep = keyof typeof PREVENTION_STEPS;

export function canTakeStep(actor: Pick<Actor, 'permissions'>, step: PreventionStep): boolean {
  return actor.permissions.has(PREVENTION_STEPS[step]);
}

/**
 * Whether the monitoring's counts are exact for the actor: case work on eviction prevention
 * (prevention.read). Every other reader gets them suppressed at the municipality's limit (rule 33).
 */
export function seesExactMonitoring(actor: Pick<Actor, 'permissions'>): boolean {
  return actor.permissions.has(PREVENTION_STEPS.readCases);
}

export function assertCanTakeStep(...args: Parameters<typeof canTakeStep>): void {
  if (!canTakeStep(...args)) throw new AppError('FORBIDDEN');
}

// ---- notices ----

/**
 * A housing organisation reports as a public landlord, whose notices are mandatory (rule 29); the
 * municipality's own form records the source it is given.
 */
export function noticeSource(via: 'form' | 'partner', source: NoticeSource): NoticeSource {
  return via === 'partner' ? 'public_landlord' : source;
}

/**
 * The department a notice names: a partner must name one of its own organisation's departments; the
 * form may leave it out or name any of the municipality's. `allowed` are the ids the user may name.
 */
export function departmentProblem(
  departmentId: string | null,
  allowed: readonly string[],
  via: 'form' | 'partner',
): Problem | null {
  if (departmentId === null) return via === 'partner' ? { path: 'departmentId', code: 'required' } : null;
  if (allowed.includes(departmentId)) return null;
  return { path: 'departmentId', code: via === 'partner' ? 'unknown_department' : 'unknown' };
}

/** A housing organisation never learns which citizen a tenant is on the municipality's list. */
export function mayLinkCitizen(via: 'form' | 'partner'): boolean {
  return via !== 'partner';
}

// ---- acting on a case ----

/** A closed case takes no more steps: actions, answers, decisions and outcomes need it open. */
export function canActOnCase(c: { status: 'open' | 'closed' }): boolean {
  return c.status === 'open';
}

export function assertCanActOnCase(c: { status: 'open' | 'closed' }): void {
  if (!canActOnCase(c)) throw new AppError('CASE_CLOSED');
}

/**
 * An action has happened (never dated after today); a fast-track request to the benefits office
 * needs the date its answer is due. The first problem found, or null.
 */
export function actionProblem(input: Pick<ActionInput, 'kind' | 'doneOn' | 'respondBy'>, onDate: string) {
  if (input.doneOn > onDate) return { path: 'doneOn', code: 'future_date' };
  if (input.kind === 'fast_track' && !input.respondBy) return { path: 'respondBy', code: 'required' };
  return null;
}

export function assertActionAllowed(...args: Parameters<typeof actionProblem>): void {
  const problem = actionProblem(...args);
  if (problem) throw invalid(problem);
}

/** Only a fast-track request is answered; any other action is, for an answer, not there. */
export function canAnswer(action: { kind: ActionKind } | undefined): boolean {
  return action?.kind === 'fast_track';
}

export function assertCanAnswer<A extends { kind: ActionKind }>(action: A | undefined): asserts action is A {
  if (!canAnswer(action)) throw new AppError('NOT_FOUND');
}

/** An answer has come in: never dated after today. */
export function answerProblem(respondedOn: string, onDate: string): Problem | null {
  return respondedOn > onDate ? { path: 'respondedOn', code: 'future_date' } : null;
}

export function assertAnswerAllowed(...args: Parameters<typeof answerProblem>): void {
  const problem = answerProblem(...args);
  if (problem) throw invalid(problem);
}

/**
 * Retssikkerhedsloven § 5 a, stk. 2 (rule 28): the decision that no help is given is recorded as
 * made (never dated after today) and with its reason.
 */
export function decisionProblem(input: DecisionInput, onDate: string): Problem | null {
  if (input.decidedOn > onDate) return { path: 'decidedOn', code: 'future_date' };
  if (input.reason.trim() === '') return { path: 'reason', code: 'reason_required' };
  return null;
}

export function assertDecisionAllowed(...args: Parameters<typeof decisionProblem>): void {
  const problem = decisionProblem(...args);
  if (problem) throw invalid(problem);
}

/** An outcome has happened (never after today), and not before the case was opened. */
export function outcomeProblem(
  input: Pick<OutcomeInput, 'outcomeOn'>,
  openedOn: string,
  onDate: string,
): Problem | null {
  if (input.outcomeOn > onDate) return { path: 'outcomeOn', code: 'future_date' };
  if (input.outcomeOn < openedOn) return { path: 'outcomeOn', code: 'before_from' };
  return null;
}

export function assertOutcomeAllowed(...args: Parameters<typeof outcomeProblem>): void {
  const problem = outcomeProblem(...args);
  if (problem) throw invalid(problem);
}

/**
 * Where the citizen is after the outcome: a tenant who kept the home is housed (with a contract), an
 * evicted one's whereabouts are unknown; one who moved is left as the list knows them.
 */
export function whereaboutsAfter(
  outcome: Outcome,
): { situation: Extract<Situation, 'housed' | 'unknown'>; hasContract?: true } | null {
  if (outcome === 'evicted') return { situation: 'unknown' };
  if (AVERTED.includes(outcome)) return { situation: 'housed', hasContract: true };
  return null;
}

// ---- settings and reports ----

/** One deposit-loan limit per year. */
export function settingsProblem(input: PreventionSettings): Problem | null {
  const years = input.depositLoanLimits.map((l) => l.year);
  return new Set(years).size !== years.length ? { path: 'depositLoanLimits', code: 'taken' } : null;
}

export function assertSettingsAllowed(input: PreventionSettings): void {
  const problem = settingsProblem(input);
  if (problem) throw invalid(problem);
}

/** A report's period ends on or after its start. */
export function periodProblem(from: string, to: string): Problem | null {
  return to < from ? { path: 'to', code: 'end_before_start' } : null;
}

export function assertPeriodAllowed(from: string, to: string): void {
  const problem = periodProblem(from, to);
  if (problem) throw invalid(problem);
}
