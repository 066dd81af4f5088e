import { parseCpr } from '../../../shared/citizens/cpr';
import {
  type EpisodeFacts,
  type EpisodeProblem,
  episodeProblems,
} from '../../../shared/citizens/whereabouts';

/** A field problem with the field's path and a stable code the web translates. */
export interface FieldProblem {
  path: string;
  code: string;
}

const EPISODE_FIELD: Record<EpisodeProblem, string> = {
  release_date_required: 'releaseDate',
  release_before_from: 'releaseDate',
  housing_solution_required: 'housingSolution',
  family_with_contract: 'hasContract',
  family_not_temporary: 'temporary',
  hotel_not_homelessness: 'becauseOfHomelessness',
};

/** The VIVE definition problems of an episode, as field problems under `prefix`. */
export function episodeFieldProblems(e: EpisodeFacts, prefix = ''): FieldProblem[] {
  return episodeProblems(e).map((code) => ({ path: `${prefix}${EPISODE_FIELD[code]}`, code }));
}

/** A CPR number as a field problem, or its parts. */
export function checkCpr(input: string, path: string) {
  const result = parseCpr(input);
  if (!result.ok) return { problem: { path, code: `cpr_${result.problem}` } as FieldProblem };
  return { cpr: result };
}

export interface IdentityInput {
  cpr?: string | null | undefined;
  birthDate?: string | null | undefined;
  sex?: 'male' | 'female' | null | undefined;
  initials?: string | null | undefined;
  givenName?: string | null | undefined;
  familyName?: string | null | undefined;
}

/**
 * Who the citizen is: with a CPR number, birth date and sex come from it (domain.md §8); without
 * one (e.g. some migrants), birth date and initials are required instead. Someone must be named
 * by a name or initials.
 */
export function resolveIdentity(
  input: IdentityInput,
):
  | { ok: true; cpr: string | null; birthDate: string; sex: 'male' | 'female' | null }
  | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (input.cpr) {
    const checked = checkCpr(input.cpr, 'cpr');
    if (checked.problem) return { ok: false, problems: [checked.problem] };
    if (!input.givenName && !input.familyName && !input.initials)
      problems.push({ path: 'familyName', code: 'required' });
    if (problems.length) return { ok: false, problems };
    return { ok: true, cpr: checked.cpr.cpr, birthDate: checked.cpr.birthDate, sex: checked.cpr.sex };
  }
  if (!input.birthDate) problems.push({ path: 'birthDate', code: 'required' });
  if (!input.initials) problems.push({ path: 'initials', code: 'required' });
  if (problems.length || !input.birthDate) return { ok: false, problems };
  return { ok: true, cpr: null, birthDate: input.birthDate, sex: input.sex ?? null };
}
