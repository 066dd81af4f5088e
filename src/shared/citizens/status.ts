import { dayNumber, daysBetween } from '../dates';
import { classifyOn, type EpisodeFacts, oneMonthBefore, type Situation } from './whereabouts';

/** A citizen's place on the by-name list. */
export const STATUSES = ['homeless', 'at_risk', 'housed', 'inactive'] as const;
export type CitizenStatus = (typeof STATUSES)[number];

export type InactiveReason = 'no_contact' | 'institution' | 'moved_away' | 'died';

/** The municipality's inactivity policy (domain.md §9 and rule 36: configurable, 90 days by default). */
export interface InactivityPolicy {
  /** Days without contact after which a homeless citizen becomes inactive. */
  noContactDays: number;
  /** Days in an institution after which a citizen becomes inactive. */
  institutionDays: number;
}

export const DEFAULT_POLICY: InactivityPolicy = { noContactDays: 90, institutionDays: 90 };

export interface StatusInput {
  /** Episodes in force (not retracted), any order; `recordedAt` breaks ties on the same date. */
  episodes: readonly (EpisodeFacts & { recordedAt?: string })[];
  /** Latest contact date on or before the date asked about. */
  lastContactOn: string | null;
  /** Date the citizen was registered (counts as a contact). */
  registeredOn: string;
  movedAwayOn: string | null;
  diedOn: string | null;
}

export interface StatusResult {
  status: CitizenStatus;
  situation: Situation;
  inactiveReason: InactiveReason | null;
}

/**
 * The episode in force on a date: the latest one starting on or before it; of two starting the
 * same day, the one recorded last (as the list's SQL orders them).
 */
export function episodeOn<E extends { fromDate: string; recordedAt?: string }>(
  episodes: readonly E[],
  date: string,
): E | undefined {
  let current: E | undefined;
  for (const e of episodes) {
    if (e.fromDate > date) continue;
    const later =
      !current ||
      e.fromDate > current.fromDate ||
      (e.fromDate === current.fromDate && (e.recordedAt ?? '') >= (current.recordedAt ?? ''));
    if (later) current = e;
  }
  return current;
}

/**
 * Whether a citizen was on the by-name list on a date: registered by then, or with whereabouts from
 * then or earlier (a list imported later carries its earlier history). The list as it stood on a
 * past date leaves the others out: someone who became known later counts on no earlier date, as
 * active or otherwise. `registeredOn` is the earliest registration among merged records.
 */
export function onListOn(input: Pick<StatusInput, 'episodes' | 'registeredOn'>, date: string): boolean {
  return input.registeredOn <= date || input.episodes.some((e) => e.fromDate <= date);
}

/**
 * A citizen's status on a date, derived from the whereabouts history and contacts; nothing is
 * stored that this cannot recompute. Died and moved away make a citizen inactive; so do more than
 * `institutionDays` in an institution and, while homeless, no contact for `noContactDays`. A Danish
 * couch-surfer (family/friends) is homeless and stays active (domain.md §9, "Fit with Denmark").
 */
export function statusOn(
  input: StatusInput,
  date: string,
  policy: InactivityPolicy = DEFAULT_POLICY,
): StatusResult {
  const episode = episodeOn(input.episodes, date);
  const situation: Situation = episode ? classifyOn(episode, date) : 'unknown';
  if (input.diedOn && input.diedOn <= date) return { status: 'inactive', situation, inactiveReason: 'died' };
  if (input.movedAwayOn && input.movedAwayOn <= date)
    return { status: 'inactive', situation, inactiveReason: 'moved_away' };
  if (situation === 'housed') return { status: 'housed', situation, inactiveReason: null };
  if (situation === 'at_risk') return { status: 'at_risk', situation, inactiveReason: null };
  if (situation === 'institution' && episode) {
    if (daysBetween(episode.fromDate, date) > policy.institutionDays) {
      return { status: 'inactive', situation, inactiveReason: 'institution' };
    }
    return { status: 'homeless', situation, inactiveReason: null };
  }
  // The latest of the contact, the registration and the episode's start, on or before the date.
  let lastContact: string | null = null;
  for (const d of [input.lastContactOn, input.registeredOn, episode?.fromDate])
    if (d && d <= date && (lastContact === null || d > lastContact)) lastContact = d;
  if (lastContact && daysBetween(lastContact, date) > policy.noContactDays) {
    return { status: 'inactive', situation, inactiveReason: 'no_contact' };
  }
  // A VIVE situation or unknown whereabouts: on the list as homeless.
  return { status: 'homeless', situation, inactiveReason: null };
}

/** A citizen's history for `statusesOn`: the status input with every contact instead of the latest. */
export interface StatusHistory extends Omit<StatusInput, 'lastContactOn'> {
  /** Contact dates, ascending (the latest of each month is enough for month ends). */
  contacts: readonly string[];
}

/**
 * The days (`dayNumber`) from which `statusOn` may answer differently than the day before: it reads
 * the episode in force (changes where one starts), its classification (prison and hospital one
 * month before release), death and moving away, the institution limit (`institutionDays` after the
 * episode started) and the no-contact limit (`noContactDays` after the latest contact, registration
 * or episode start). Between two of these days the status is the same on every day.
 */
function statusChangeDays(h: StatusHistory, policy: InactivityPolicy): Float64Array {
  const afterNoContact = policy.noContactDays + 1;
  const registered = dayNumber(h.registeredOn);
  const out = [registered, registered + afterNoContact];
  for (const e of h.episodes) {
    const from = dayNumber(e.fromDate);
    out.push(from, from + afterNoContact, from + policy.institutionDays + 1);
    if (e.releaseDate) out.push(dayNumber(oneMonthBefore(e.releaseDate)));
  }
  for (const c of h.contacts) {
    const day = dayNumber(c);
    out.push(day, day + afterNoContact);
  }
  if (h.diedOn) out.push(dayNumber(h.diedOn));
  if (h.movedAwayOn) out.push(dayNumber(h.movedAwayOn));
  // A typed array sorts numbers as numbers, without a comparison function: several times faster.
  return Float64Array.from(out).sort();
}

/** The day numbers of a list of dates, read once per list (the flow asks for every citizen). */
const dayNumbersOf = new WeakMap<readonly string[], Float64Array>();
function dayNumbers(dates: readonly string[]): Float64Array {
  let days = dayNumbersOf.get(dates);
  if (!days) {
    days = Float64Array.from(dates, dayNumber);
    dayNumbersOf.set(dates, days);
  }
  return days;
}

/** A run of equal statuses: from `dates[from]` until the next run's `from` (or the last date). */
export interface StatusRun {
  from: number;
  /** null: not on the list yet (`onListOn`). */
  status: CitizenStatus | null;
}

/** A run of equal statuses and situations (both null before the citizen was on the list). */
export interface SituationRun extends StatusRun {
  situation: Situation | null;
}

/**
 * A citizen's status and situation on each of ascending `dates` (month ends) as runs of equal
 * answers, null before the citizen was on the list (`onListOn`). The same answer as `statusOn` on
 * every date; it is computed again only on a date where something may have changed since the date
 * before (`statusChangeDays`, which covers the situation's changes too: an episode's start and a
 * release's month before), so a history of twenty years costs its events, not its months.
 */
export function situationRuns(
  h: StatusHistory,
  dates: readonly string[],
  policy: InactivityPolicy = DEFAULT_POLICY,
): SituationRun[] {
  const runs: SituationRun[] = [];
  if (dates.length === 0) return runs;
  const changes = statusChangeDays(h, policy);
  const days = dayNumbers(dates);
  // One input for every evaluation, its latest contact moved along the dates.
  const input: StatusInput = {
    episodes: h.episodes,
    registeredOn: h.registeredOn,
    movedAwayOn: h.movedAwayOn,
    diedOn: h.diedOn,
    lastContactOn: null,
  };
  let contact = 0; // the number of contacts on or before the date evaluated last
  const evaluate = (i: number) => {
    const date = dates[i] as string;
    while (contact < h.contacts.length && (h.contacts[contact] as string) <= date) contact++;
    input.lastContactOn = h.contacts[contact - 1] ?? null;
    const result = onListOn(h, date) ? statusOn(input, date, policy) : null;
    const status = result?.status ?? null;
    const situation = result?.situation ?? null;
    const last = runs.at(-1);
    if (!last || last.status !== status || last.situation !== situation)
      runs.push({ from: i, status, situation });
  };
  evaluate(0);
  let evaluated = 0;
  for (const change of changes) {
    if (change <= (days[evaluated] as number)) continue;
    // The first date on or after the change: the answer may differ from there.
    let lo = evaluated + 1;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((days[mid] as number) < change) lo = mid + 1;
      else hi = mid;
    }
    if (lo === dates.length) break;
    evaluate(lo);
    evaluated = lo;
  }
  return runs;
}

/**
 * A citizen's status on each of ascending `dates` (the monthly by-name flow's month ends) as runs of
 * equal statuses, null before the citizen was on the list: `situationRuns` with the runs of one
 * status joined.
 */
export function statusRuns(
  h: StatusHistory,
  dates: readonly string[],
  policy: InactivityPolicy = DEFAULT_POLICY,
): StatusRun[] {
  const runs: StatusRun[] = [];
  for (const run of situationRuns(h, dates, policy))
    if (runs.length === 0 || runs.at(-1)?.status !== run.status)
      runs.push({ from: run.from, status: run.status });
  return runs;
}

/** `statusRuns` as one status per date. */
export function statusesOn(
  h: StatusHistory,
  dates: readonly string[],
  policy: InactivityPolicy = DEFAULT_POLICY,
): (CitizenStatus | null)[] {
  const out: (CitizenStatus | null)[] = [];
  for (const run of statusRuns(h, dates, policy)) {
    while (out.length < run.from) out.push(out.at(-1) ?? null);
    out.push(run.status);
  }
  while (out.length < dates.length) out.push(out.at(-1) ?? null);
  return out;
}

/** The age bands of the national count reports (domain.md §1, rule 8). */
export const AGE_BANDS = ['under_18', '18_24', '25_29', '30_39', '40_49', '50_59', '60_plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(age: number): AgeBand {
  if (age < 18) return 'under_18';
  if (age <= 24) return '18_24';
  if (age <= 29) return '25_29';
  if (age <= 39) return '30_39';
  if (age <= 49) return '40_49';
  if (age <= 59) return '50_59';
  return '60_plus';
}

/** Lowest and highest age of a band (inclusive). */
export const AGE_BAND_RANGE: Record<AgeBand, [number, number]> = {
  under_18: [0, 17],
  '18_24': [18, 24],
  '25_29': [25, 29],
  '30_39': [30, 39],
  '40_49': [40, 49],
  '50_59': [50, 59],
  '60_plus': [60, 200],
};
