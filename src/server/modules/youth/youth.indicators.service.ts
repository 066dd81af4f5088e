import { ageBand } from '../../../shared/citizens/status';
import { isViveSituation, type Situation } from '../../../shared/citizens/whereabouts';
import { ageOn, today } from '../../../shared/dates';
import { suppressBreakdown, suppressBreakdowns } from '../../../shared/suppression';
import {
  INDICATOR_YEARS,
  NATIONAL_YOUNG_HOMELESS,
  shareOf,
  type YouthIndicators,
  type YouthIndicatorYear,
} from '../../../shared/youth/indicators';
import { birthdayAt, decisionTiming, leftCareAt18 } from '../../../shared/youth/rules';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { municipalityProfile } from '../access';
import { firstApplicationDates } from '../allocation';
import { whereaboutsFacts } from '../citizens';
import * as repo from './youth.indicators.repository';

type Period = { fromDate: string; toDate: string | null };

function groupBy<T extends { citizen_id: string }>(rows: readonly T[]) {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.citizen_id);
    if (list) list.push(r);
    else out.set(r.citizen_id, [r]);
  }
  return out;
}

/**
 * The youth indicators for the leader (issue 17 §8), per year of the last five (the current year to
 * date), judged on the year's last day:
 * - young homeless aged 18–24 and 25–29: on the list by then, not dead or moved away, and a VIVE
 *   situation in force (the whereabouts of the citizens module);
 * - of them, the formerly placed: a placement outside the home that ended on or before that day;
 * - § 111 decisions on youth support (a young person's first, rule 31) made in the year: on time or
 *   late (after the deadline 6 months before the 18th birthday, or after the birthday);
 * - transitions at 18: young people placed the day before their 18th birthday in the year, with a
 *   housing plan by the day judged (a decision on youth support, or a housing application submitted,
 *   whatever became of it since) or without.
 * Figures that leave case work: counts below the municipality's limit suppressed (rule 33), each
 * pair with secondary suppression.
 */
export async function youthIndicators(trx: Tx, actor: Actor, knownLimit?: number): Promise<YouthIndicators> {
  const m = actor.municipalityId;
  const asOf = today();
  const thisYear = Number(asOf.slice(0, 4));
  const years = Array.from({ length: INDICATOR_YEARS }, (_, i) => thisYear - INDICATOR_YEARS + 1 + i);
  const first = years[0] as number;
  // Aged 18–29 at some year's end, or 15–18 (a § 111 decision, a transition) in one of the years.
  const people = await repo.citizensBornBetween(trx, m, `${first - 30}-01-01`, `${thisYear - 15}-12-31`);
  const ids = people.map((p) => p.id);
  const [episodes, placements, decisions, applications] = await Promise.all([
    whereaboutsFacts(trx, m, ids),
    repo.allPlacements(trx, m),
    repo.allDecisions(trx, m),
    firstApplicationDates(trx, m, ids),
  ]);
  // Rule 33: the municipality's limit (given by a caller that has read it for the whole request).
  const limit = knownLimit ?? (await municipalityProfile(trx, m)).suppression_limit;
  const appliedOn = new Map(applications.map((a) => [a.citizen_id, a.submitted_on]));
  const episodesBy = groupBy(episodes);
  const placementsBy = new Map<string, Period[]>();
  for (const [id, list] of groupBy(placements))
    placementsBy.set(
      id,
      list.map((p) => ({ fromDate: p.from_date, toDate: p.to_date })),
    );
  const firstDecision = new Map<string, string>();
  for (const d of decisions)
    if (!firstDecision.has(d.citizen_id)) firstDecision.set(d.citizen_id, d.decided_on);

  const rows: YouthIndicatorYear[] = [];
  for (const year of years) {
    const onDate = year === thisYear ? asOf : `${year}-12-31`;
    let young = 0;
    let old = 0;
    let formerly = 0;
    let onTime = 0;
    let late = 0;
    let withPlan = 0;
    let withoutPlan = 0;
    for (const p of people) {
      const history = placementsBy.get(p.id) ?? [];
      const gone =
        (p.died_on !== null && p.died_on <= onDate) ||
        (p.moved_away_on !== null && p.moved_away_on <= onDate);
      const eps = episodesBy.get(p.id) ?? [];
      let situation: string | undefined;
      for (const e of eps) if (e.from_date <= onDate) situation = e.situation;
      const onList = p.registered_on <= onDate || eps.some((e) => e.from_date <= onDate);
      if (!gone && onList && situation && isViveSituation(situation as Situation)) {
        const band = ageBand(ageOn(p.birth_date, onDate));
        if (band === '18_24' || band === '25_29') {
          if (band === '18_24') young++;
          else old++;
          if (history.some((h) => h.toDate !== null && h.toDate <= onDate)) formerly++;
        }
      }
      const decided = firstDecision.get(p.id);
      if (decided && history.length > 0 && decided.startsWith(`${year}-`) && decided <= onDate) {
        if (decisionTiming(p.birth_date, decided) === 'on_time') onTime++;
        else late++;
      }
      const eighteen = birthdayAt(p.birth_date, 18);
      if (eighteen.startsWith(`${year}-`) && eighteen <= onDate && leftCareAt18(p.birth_date, history)) {
        const applied = appliedOn.get(p.id);
        const plan =
          (decided !== undefined && decided <= onDate) || (applied !== undefined && applied <= onDate);
        if (plan) withPlan++;
        else withoutPlan++;
      }
    }
    // The homeless 18–29 by age and by having been placed: two partitions of one total, suppressed
    // together (a cell hidden in one is not worked out from the other, issue 20 (c)).
    const linked = suppressBreakdowns(
      young + old,
      { homeless: { young, old }, placed: { formerly, other: young + old - formerly } },
      limit,
    );
    const homeless = linked.breakdowns.homeless;
    const total = linked.total;
    // The formerly placed and the others: a share of a small complement would tell it.
    const placedCells = linked.breakdowns.placed;
    const formerlyPlaced = placedCells.formerly;
    const decisionsCells = suppressBreakdown({ onTime, late }, limit);
    const transitions = suppressBreakdown({ withPlan, withoutPlan }, limit);
    rows.push({
      year,
      onDate,
      homeless18to24: homeless.young,
      homeless25to29: homeless.old,
      formerlyPlaced,
      formerlyPlacedPercent: typeof placedCells.other === 'number' ? shareOf(formerlyPlaced, total) : null,
      decisionsOnTime: decisionsCells.onTime,
      decisionsLate: decisionsCells.late,
      transitionsWithPlan: transitions.withPlan,
      transitionsWithoutPlan: transitions.withoutPlan,
    });
  }
  return { asOf, years: rows, national: [...NATIONAL_YOUNG_HOMELESS] };
}
