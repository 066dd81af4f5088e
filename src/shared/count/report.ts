import { AGE_BANDS, type AgeBand, ageBand } from '../citizens/status';
import { VIVE_SITUATIONS, type ViveSituation } from '../citizens/whereabouts';
import { ageOn } from '../dates';
import { type ReportedCountAt, SMALL_NUMBER_LIMIT, suppressBreakdowns, suppressSmall } from '../suppression';
import type { CountSex } from './model';
import { countDay } from './rules';

/** What the report counts of one registration. */
export interface CountedPerson {
  situation: ViveSituation;
  birthDate: string;
  sex: CountSex;
  migrantWithoutResidence: boolean;
}

/** The raw counts of one count (case work; never shown outside it). */
export interface CountFigures {
  total: number;
  youth18to29: number;
  migrants: number;
  bySituation: Record<ViveSituation, number>;
  byAgeBand: Record<AgeBand, number>;
  bySex: Record<CountSex, number>;
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * The figures of a count (rules 7 and 8): homeless migrants without permanent residence are counted
 * apart and are not in the total or its breakdowns; age on the count day (the Wednesday of week 6)
 * in the report's age bands.
 */
export function countFigures(year: number, people: readonly CountedPerson[]): CountFigures {
  const onDate = countDay(year);
  const out: CountFigures = {
    total: 0,
    youth18to29: 0,
    migrants: 0,
    bySituation: zeros(VIVE_SITUATIONS),
    byAgeBand: zeros(AGE_BANDS),
    bySex: zeros(['male', 'female', 'unknown'] as const),
  };
  for (const p of people) {
    if (p.migrantWithoutResidence) {
      out.migrants++;
      continue;
    }
    const age = ageOn(p.birthDate, onDate);
    out.total++;
    if (age >= 18 && age <= 29) out.youth18to29++;
    out.bySituation[p.situation]++;
    out.byAgeBand[ageBand(age)]++;
    out.bySex[p.sex]++;
  }
  return out;
}

/**
 * The figures as they may leave case work (rule 33): the total and its breakdowns suppressed
 * together (`suppressBreakdowns`), so that no small cell is worked out from the total or from another
 * breakdown (issue 20 (c)); the migrants counted apart (rule 7) are a count of their own.
 */
export interface ReportedFigures {
  total: ReportedCountAt;
  youth18to29: ReportedCountAt;
  migrants: ReportedCountAt;
  bySituation: Record<ViveSituation, ReportedCountAt>;
  byAgeBand: Record<AgeBand, ReportedCountAt>;
  bySex: Record<CountSex, ReportedCountAt>;
}

/** The figures suppressed at the municipality's limit (rule 33; default 5). */
export function reportedFigures(f: CountFigures, limit: number = SMALL_NUMBER_LIMIT): ReportedFigures {
  // Young people 18–29 and the others: a partition of the total, so a small one is not its complement.
  const { total, breakdowns } = suppressBreakdowns(
    f.total,
    {
      youth: { youth: f.youth18to29, other: f.total - f.youth18to29 },
      bySituation: f.bySituation,
      byAgeBand: f.byAgeBand,
      bySex: f.bySex,
    },
    limit,
  );
  return {
    total,
    youth18to29: breakdowns.youth.youth,
    migrants: suppressSmall(f.migrants, limit),
    bySituation: breakdowns.bySituation,
    byAgeBand: breakdowns.byAgeBand,
    bySex: breakdowns.bySex,
  };
}
