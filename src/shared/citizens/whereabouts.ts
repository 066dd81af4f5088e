import { monthsBefore } from '../dates';
/**
 * Whereabouts (opholdssted) and how each counts. The nine VIVE situations of the national count
 * (domain.md §1, Benjaminsen 2019:15) plus own home, at risk in own home, institution and unknown.
 */
export const VIVE_SITUATIONS = [
  'street', // 1 Gadesovende
  'night_shelter', // 2 Natvarmestue / værested med nødovernatning
  'shelter', // 3 Herberg / forsorgshjem (§ 110)
  'hotel', // 4 Hotel / vandrehjem, because of homelessness
  'family_friends', // 5 Midlertidigt hos familie/venner/bekendte, without contract
  'transitional', // 6 Udslusningsbolig uden fast kontrakt
  'prison', // 7 Kriminalforsorgen, release ≤ 1 month, no housing solution
  'hospital', // 8 Hospital / behandlingshjem, discharge ≤ 1 month, no housing solution
  'other', // 9 Andet (kolonihavehus, campingvogn, …)
] as const;

export const SITUATIONS = [...VIVE_SITUATIONS, 'housed', 'at_risk', 'institution', 'unknown'] as const;

export type Situation = (typeof SITUATIONS)[number];
export type ViveSituation = (typeof VIVE_SITUATIONS)[number];

/** The facts an episode records beyond its situation; which ones matter depends on the situation. */
export interface EpisodeFacts {
  situation: Situation;
  fromDate: string;
  /** Prison or hospital: the planned release / discharge date. */
  releaseDate?: string | null;
  /** Prison or hospital: whether a housing solution is arranged for the release. */
  housingSolution?: boolean | null;
  /** Family/friends: the stay has a (rental) contract. */
  hasContract?: boolean | null;
  /** Family/friends: the stay is temporary. */
  temporary?: boolean | null;
  /** Hotel/hostel: the stay is because of homelessness. */
  becauseOfHomelessness?: boolean | null;
}

/** Why an episode cannot be recorded as given; each names the rule it breaks. */
export type EpisodeProblem =
  | 'release_date_required' // prison/hospital without a release date
  | 'housing_solution_required' // prison/hospital without an answer on housing
  | 'release_before_from' // release before the stay starts
  | 'family_with_contract' // domain.md rule 3: with a contract it is a tenancy, not homelessness
  | 'family_not_temporary' // rule 3: only temporary stays count
  | 'hotel_not_homelessness'; // rule 4: hotel counts only because of homelessness

/** Checks an episode against the VIVE definitions (domain.md rules 2–4). */
export function episodeProblems(e: EpisodeFacts): EpisodeProblem[] {
  const problems: EpisodeProblem[] = [];
  if (e.situation === 'prison' || e.situation === 'hospital') {
    if (!e.releaseDate) problems.push('release_date_required');
    else if (e.releaseDate < e.fromDate) problems.push('release_before_from');
    if (e.housingSolution === null || e.housingSolution === undefined)
      problems.push('housing_solution_required');
  }
  if (e.situation === 'family_friends') {
    if (e.hasContract === true) problems.push('family_with_contract');
    if (e.temporary === false) problems.push('family_not_temporary');
  }
  if (e.situation === 'hotel' && e.becauseOfHomelessness !== true) problems.push('hotel_not_homelessness');
  return problems;
}

/** One calendar month before a date (the VIVE window before release or discharge). */
export function oneMonthBefore(date: string): string {
  return monthsBefore(date, 1);
}

/**
 * What an episode means on a given date: a VIVE situation (homeless), own home, at risk, in an
 * institution, or unknown. Prison and hospital count as homeless only from one month before
 * release, and only without a housing solution (domain.md rule 2); before that, and with a
 * solution, the person is in an institution.
 */
export function classifyOn(e: EpisodeFacts, date: string): Situation {
  if (e.situation === 'prison' || e.situation === 'hospital') {
    if (e.housingSolution || !e.releaseDate) return 'institution';
    return date >= oneMonthBefore(e.releaseDate) ? e.situation : 'institution';
  }
  return e.situation;
}

export function isViveSituation(s: Situation): s is ViveSituation {
  return (VIVE_SITUATIONS as readonly string[]).includes(s);
}
