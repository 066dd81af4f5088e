import { addDays, daysBetween, monthsBefore } from '../dates';
import {
  type ContactKind,
  CTI_PHASE_MONTHS,
  type CtiPhase,
  DEFAULT_METHOD_SETTINGS,
  DEFAULTS_FROM,
  type Method,
  type MethodSettings,
} from './model';

/**
 * The support module's pure rules (domain.md §2, rules 16–18; § 85 a for the citizen's choice of
 * provider). No I/O: the server applies them in its services, the web shows their results.
 */

/** The same day `months` calendar months later (clamped to the month's last day). */
export function addMonths(date: string, months: number): string {
  return monthsBefore(date, -months);
}

/** The settings of a method on a date: the latest `validFrom` on or before it, else the defaults. */
export function settingsOn(method: Method, history: readonly MethodSettings[], date: string): MethodSettings {
  let current: MethodSettings | undefined;
  for (const s of history)
    if (s.method === method && s.validFrom <= date && (!current || s.validFrom >= current.validFrom))
      current = s;
  return current ?? { method, validFrom: DEFAULTS_FROM, ...DEFAULT_METHOD_SETTINGS[method] };
}

/** Rule 17: ICM and ACT last as long as the need; § 85 support cannot be time-limited either. */
export function mayHavePlannedEnd(method: Method): boolean {
  return method !== 'icm' && method !== 'act' && method !== 'bostoette_85';
}

/**
 * Rule 16: CTI lasts 9 months (3 phases × 3 months) after the contact-building period, so its
 * planned end follows from the start. Other methods: none (the caller's own planned end applies).
 */
export function ctiPlannedEnd(startOn: string, contactBuildingDays: number): string {
  return addMonths(addDays(startOn, contactBuildingDays), 3 * CTI_PHASE_MONTHS);
}

/** Rule 16: the planned start of each CTI phase from the enrollment's start. */
export function ctiPlannedPhases(startOn: string, contactBuildingDays: number): Record<CtiPhase, string> {
  const phase1 = addDays(startOn, contactBuildingDays);
  return {
    contact_building: startOn,
    phase1,
    phase2: addMonths(phase1, CTI_PHASE_MONTHS),
    phase3: addMonths(phase1, 2 * CTI_PHASE_MONTHS),
  };
}

/** The housing a CTI start can rest on (rule 16). */
export interface HousingFacts {
  /** Dates of the citizen's tenancies' signed leases and move-ins (allocation). */
  leaseOrMoveInOn: readonly string[];
  /** The citizen's whereabouts episodes (citizens): from when, and whether in an own home. */
  whereabouts?: readonly { from: string; housed: boolean }[];
}

/** Rule 16: CTI (or any method whose settings require it) cannot start without a lease or move-in. */
export function housingAllowsStart(
  settings: Pick<MethodSettings, 'leaseRequired'>,
  startOn: string,
  housing: HousingFacts,
): boolean {
  if (!settings.leaseRequired) return true;
  // The latest fact on or before the start decides: a lease signed or a move-in, or an episode of
  // whereabouts. A home the citizen has since left (a later episode away from home) does not count;
  // a lease on the same day as an episode does (the lease is what lets the citizen home).
  let latest: { on: string; housed: boolean } | undefined;
  for (const on of housing.leaseOrMoveInOn)
    if (on <= startOn && (!latest || on >= latest.on)) latest = { on, housed: true };
  for (const episode of housing.whereabouts ?? [])
    if (episode.from <= startOn && (!latest || episode.from > latest.on))
      latest = { on: episode.from, housed: episode.housed };
  return latest?.housed ?? false;
}

/** A problem with one field of an enrollment or contact, in the API's field-error terms. */
export interface FieldProblem {
  path: string;
  code: string;
}

/** The dates of an enrollment: an end never before the start, nothing after today but a planned end. */
export function enrollmentDateProblems(
  e: { decisionOn: string; startOn: string; plannedEndOn: string | null; endOn?: string | null },
  onDate: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (e.decisionOn > onDate) problems.push({ path: 'decisionOn', code: 'future_date' });
  if (e.plannedEndOn && e.plannedEndOn < e.startOn)
    problems.push({ path: 'plannedEndOn', code: 'end_before_start' });
  if (e.endOn && e.endOn < e.startOn) problems.push({ path: 'endOn', code: 'end_before_start' });
  if (e.endOn && e.endOn > onDate) problems.push({ path: 'endOn', code: 'future_date' });
  return problems;
}

/** § 85 a: a wish for a provider that is not followed needs a reason. */
export function providerChoiceProblems(e: {
  providerWish: string | null;
  providerWishFollowed: boolean | null;
  providerWishReason: string | null;
}): FieldProblem[] {
  if (!e.providerWish) return [];
  if (e.providerWishFollowed === null) return [{ path: 'providerWishFollowed', code: 'required' }];
  if (!e.providerWishFollowed && !e.providerWishReason?.trim())
    return [{ path: 'providerWishReason', code: 'reason_required' }];
  return [];
}

/** Whether a contact counts as one: a visit where the citizen did not show up does not. */
export function isRealContact(kind: ContactKind): boolean {
  return kind !== 'missed';
}

/** Rule 18: a worker's or team's caseload against the norm × FTE. */
export interface CaseloadLine {
  method: Method;
  active: number;
  /** Clients allowed for this FTE at the norm; null without a norm. */
  capacity: number | null;
}

/**
 * Rule 18: the share of a worker's (or team's) capacity in use, summed over the methods with a norm
 * (10 CTI clients at 20 per FTE use half a full-time worker). Above 1 is a fidelity warning.
 */
export function caseloadLoad(
  counts: Partial<Record<Method, number>>,
  norms: Partial<Record<Method, number | null>>,
  fte: number,
): { lines: CaseloadLine[]; load: number | null; overNorm: boolean } {
  const lines: CaseloadLine[] = [];
  let load = 0;
  let anyNorm = false;
  for (const [method, active] of Object.entries(counts) as [Method, number][]) {
    const norm = norms[method] ?? null;
    const capacity = norm === null ? null : Math.round(norm * fte * 10) / 10;
    if (norm !== null && fte > 0) {
      anyNorm = true;
      load += active / (norm * fte);
    }
    lines.push({ method, active, capacity });
  }
  const rounded = anyNorm ? Math.round(load * 100) / 100 : null;
  return { lines, load: rounded, overNorm: rounded !== null && rounded > 1 };
}

/** The phase of a CTI enrollment on a date, from its recorded phase changes. */
export function phaseOn(
  changes: readonly { phase: CtiPhase; fromOn: string }[],
  date: string,
): CtiPhase | null {
  let current: { phase: CtiPhase; fromOn: string } | null = null;
  for (const c of changes) if (c.fromOn <= date && (!current || c.fromOn >= current.fromOn)) current = c;
  return current?.phase ?? null;
}

export type PatternWarning = 'phase1_below_weekly' | 'not_falling';

export interface PhasePattern {
  phase: 'phase1' | 'phase2' | 'phase3';
  from: string;
  to: string;
  days: number;
  contacts: number;
  /** Average days between contacts in the phase (days / contacts); null without contacts. */
  daysPerContact: number | null;
  /** The planned interval of the phase. */
  plannedDays: number;
}

/**
 * Rule 18: CTI's contact pattern per phase. Contacts (missed ones not counted) are counted within
 * each phase as recorded, up to the enrollment's end or the given date. Warnings: phase 1 below
 * weekly (fewer contacts than its weeks, once a full week has passed), and contact that does not
 * fall from one phase to the next (a later phase with more contacts per day than the one before).
 */
export function ctiContactPattern(
  changes: readonly { phase: CtiPhase; fromOn: string }[],
  contacts: readonly { contactOn: string; kind: ContactKind }[],
  until: string,
  intervals: readonly [number, number, number],
): { phases: PhasePattern[]; warnings: PatternWarning[] } {
  const sorted = [...changes].sort((a, b) => (a.fromOn < b.fromOn ? -1 : a.fromOn > b.fromOn ? 1 : 0));
  const phases: PhasePattern[] = [];
  const planned = { phase1: intervals[0], phase2: intervals[1], phase3: intervals[2] } as const;
  sorted.forEach((change, i) => {
    if (change.phase === 'contact_building' || change.fromOn > until) return;
    const next = sorted[i + 1];
    const to = next && next.fromOn <= until ? next.fromOn : addDays(until, 1);
    const days = Math.max(1, daysBetween(change.fromOn, to));
    const n = contacts.filter(
      (c) => isRealContact(c.kind) && c.contactOn >= change.fromOn && c.contactOn < to,
    ).length;
    phases.push({
      phase: change.phase,
      from: change.fromOn,
      to: addDays(to, -1),
      days,
      contacts: n,
      daysPerContact: n === 0 ? null : Math.round((days / n) * 10) / 10,
      plannedDays: planned[change.phase],
    });
  });
  const warnings: PatternWarning[] = [];
  const p1 = phases.find((p) => p.phase === 'phase1');
  if (p1 && p1.days >= planned.phase1 && p1.contacts < Math.floor(p1.days / planned.phase1))
    warnings.push('phase1_below_weekly');
  for (let i = 1; i < phases.length; i++) {
    const before = phases[i - 1] as PhasePattern;
    const after = phases[i] as PhasePattern;
    if (after.contacts / after.days > before.contacts / before.days) {
      warnings.push('not_falling');
      break;
    }
  }
  return { phases, warnings };
}

/** Days since the last real contact (or the start, without one) on a date. */
export function daysWithoutContact(lastContactOn: string | null, startOn: string, onDate: string): number {
  return daysBetween(lastContactOn && lastContactOn > startOn ? lastContactOn : startOn, onDate);
}

/** Situations of the citizens module that mean the citizen lives in a home of their own. */
export const HOUSED_SITUATIONS: readonly string[] = ['housed', 'at_risk'];

/**
 * Issue 15 §8: whether a citizen who moved in on `movedInOn` was still housed `months` later, from
 * the whereabouts in force on that date; null while the date is still to come.
 */
export function housedAfter(
  movedInOn: string,
  months: number,
  episodes: readonly { situation: string; fromDate: string; recordedAt?: string }[],
  onDate: string,
): boolean | null {
  const at = addMonths(movedInOn, months);
  if (at > onDate) return null;
  let current: { situation: string; fromDate: string; recordedAt?: string } | undefined;
  for (const e of episodes) {
    if (e.fromDate > at) continue;
    if (
      !current ||
      e.fromDate > current.fromDate ||
      (e.fromDate === current.fromDate && (e.recordedAt ?? '') >= (current.recordedAt ?? ''))
    )
      current = e;
  }
  // Moved in counts as housed from that day even if no episode was recorded.
  if (!current || current.fromDate < movedInOn) return true;
  return HOUSED_SITUATIONS.includes(current.situation);
}
