import { addDays } from '../dates';
import type { ActionKind, DepositLoanLimit, EvictionStep, NoticeSource } from './model';
import { HELP_KINDS } from './model';

/**
 * The clocks of eviction prevention (issue 6 §3), pure: each takes the facts and returns dates.
 * Law: domain.md §5 and rules 27–28.
 */

/** Rule 27: the tenant has 14 days from receiving the påkrav; termination (ophævelse) is allowed only after. */
export function paakravDeadline(paakravReceivedOn: string): string {
  return addDays(paakravReceivedOn, 14);
}

/** Whether a termination on `terminationOn` respects the påkrav deadline (only after it). */
export function terminationAllowed(paakravReceivedOn: string, terminationOn: string): boolean {
  return terminationOn > paakravDeadline(paakravReceivedOn);
}

export interface CaseFacts {
  /** The bailiff court's notice, if one has come: the date the municipality received it. */
  bailiffNoticeOn: string | null;
  childrenUnder18: boolean;
  /** The municipality knows of a need for help (a known vulnerable citizen). */
  knownNeed: boolean;
  /** Actions so far (kinds with their dates). */
  actions: { kind: ActionKind; doneOn: string }[];
  /** A recorded § 5 a decision that no help is given. */
  noHelpDecisionOn: string | null;
  eviction: { date: string | null };
  closed: boolean;
}

export interface Duty {
  kind: 'act_at_once' | 'decide_no_help' | 'paakrav_deadline' | 'eviction_date';
  dueOn: string;
  /** Overdue: the due date has passed and the duty is not met. */
  overdue: boolean;
  /** Paragraph named in the inbox. */
  law: string;
}

/**
 * Retssikkerhedsloven § 5 a (rule 28): with a bailiff notice and children under 18 or a known need,
 * act at once (due the day the notice came). If no help is given, a decision that none is given is
 * due no later than 14 days after the bailiff's notice.
 */
export function section5aDuties(c: CaseFacts, onDate: string): Duty[] {
  if (!c.bailiffNoticeOn || c.closed) return [];
  const duties: Duty[] = [];
  const contacted = c.actions.some((a) => a.doneOn >= (c.bailiffNoticeOn as string));
  if ((c.childrenUnder18 || c.knownNeed) && !contacted)
    duties.push({
      kind: 'act_at_once',
      dueOn: c.bailiffNoticeOn,
      overdue: c.bailiffNoticeOn < onDate,
      law: 'retssikkerhedsloven § 5 a, stk. 1',
    });
  const helped = c.actions.some((a) => HELP_KINDS.includes(a.kind));
  if (!helped && !c.noHelpDecisionOn) {
    const due = addDays(c.bailiffNoticeOn, 14);
    duties.push({
      kind: 'decide_no_help',
      dueOn: due,
      overdue: due < onDate,
      law: 'retssikkerhedsloven § 5 a, stk. 2',
    });
  }
  return duties;
}

/** A date a notice carries that the prevention team works against (issue 14 §1). */
export interface NoticeDeadline {
  kind: 'paakrav_deadline' | 'termination' | 'eviction_date';
  dueOn: string;
  /** The date has passed. */
  overdue: boolean;
  /** Paragraph named on the case page, if any. */
  law: string | null;
}

/**
 * The deadlines of an open case's notices, in the order of the steps: the latest påkrav's pay-by
 * date (rule 27: påkrav + 14 days), the latest ophævelse and the latest eviction date. A closed
 * case has none.
 */
export function noticeDeadlines(
  notices: readonly { paakravOn: string | null; terminationOn: string | null; evictionDate: string | null }[],
  status: 'open' | 'closed',
  onDate: string,
): NoticeDeadline[] {
  if (status !== 'open') return [];
  const latest = (dates: (string | null)[]) =>
    dates
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? null;
  const paakrav = latest(notices.map((n) => n.paakravOn));
  const candidates: [NoticeDeadline['kind'], string | null, string | null][] = [
    ['paakrav_deadline', paakrav && paakravDeadline(paakrav), 'lejeloven § 182, almenlejeloven § 90'],
    ['termination', latest(notices.map((n) => n.terminationOn)), null],
    ['eviction_date', latest(notices.map((n) => n.evictionDate)), null],
  ];
  return candidates.flatMap(([kind, dueOn, law]) =>
    dueOn ? [{ kind, dueOn, overdue: dueOn < onDate, law }] : [],
  );
}

/** How urgent a case is: overdue duties, then children, then the nearest date. Lower sorts first. */
export function urgency(
  duties: readonly Duty[],
  childrenUnder18: boolean,
  evictionDate: string | null,
): [number, number, string] {
  const overdue = duties.some((d) => d.overdue) ? 0 : 1;
  const children = childrenUnder18 ? 0 : 1;
  const dates = [...duties.map((d) => d.dueOn), ...(evictionDate ? [evictionDate] : [])].sort();
  return [overdue, children, dates[0] ?? '9999-12-31'];
}

export function compareUrgency(a: [number, number, string], b: [number, number, string]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]);
}

/** The step a notice is at, from the dates it carries (the latest step wins). */
export function stepOf(n: {
  paakravOn: string | null;
  terminationOn: string | null;
  bailiffFiledOn: string | null;
  evictionDate: string | null;
  source: NoticeSource;
}): EvictionStep {
  if (n.evictionDate) return 'udsaettelse';
  if (n.bailiffFiledOn || n.source === 'bailiff_court') return 'fogedsag';
  if (n.terminationOn) return 'ophaevelse';
  return 'paakrav';
}

/** Rule 30: whether a household's yearly income is at or below the mandatory deposit-loan limit of the year. */
export function depositLoanMandatory(
  income: number,
  children: number,
  year: number,
  limits: readonly DepositLoanLimit[],
): { mandatory: boolean; limit: number; limitYear: number } | null {
  const limit = [...limits].filter((l) => l.year <= year).sort((a, b) => b.year - a.year)[0];
  if (!limit) return null;
  const value = limit.base + Math.min(children, limit.maxChildren) * limit.perChild;
  return { mandatory: income <= value, limit: value, limitYear: limit.year };
}
