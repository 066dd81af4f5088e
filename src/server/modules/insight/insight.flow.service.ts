import {
  AGE_BANDS,
  type AgeBand,
  ageBand,
  type InactivityPolicy,
  type StatusRun,
  statusRuns,
} from '../../../shared/citizens/status';
import type { Situation } from '../../../shared/citizens/whereabouts';
import { ageOn, today } from '../../../shared/dates';
import {
  type FlowMonth,
  flowOf,
  type MonthStatus,
  monthEndsBetween,
  monthStartBefore,
} from '../../../shared/insight/flow';
import { type FlowPopulations, type InsightFlow, reportFlow } from '../../../shared/insight/report';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { municipalityProfile } from '../access';
import { inactivityPolicy, statusFacts } from '../citizens';

/** How far back the history goes that tells "newly identified" from "returned" (20 years). */
const HISTORY_MONTHS = 240;

type Episode = {
  situation: Situation;
  fromDate: string;
  releaseDate: string | null;
  housingSolution: boolean | null;
  recordedAt: string;
};

interface Person {
  birthDate: string;
  registeredOn: string;
  diedOn: string | null;
  movedAwayOn: string | null;
  episodes: Episode[];
  /** The latest contact of each month, ascending. */
  contacts: string[];
}

/**
 * The monthly by-name flow for the municipality (issue 18 §2, rule 35): the last `months` month
 * ends (the current month to date, judged on today), each with the month end before the first as
 * its starting point. Every citizen's status at each month end is the by-name list's (`statusOn`
 * with the municipality's inactivity policy, rule 36; a record merged into another counts as its
 * survivor), or off the list before the citizen became known. The months before the window, back
 * to when the citizen became known (at most 20 years), tell the newly identified from those who
 * returned. The populations: everyone, each age band (by the age at each month end) and the young
 * people aged 18–29; figures leave case work, so they are suppressed (`reportFlow`).
 */
export async function monthlyFlow(
  trx: Tx,
  actor: Actor,
  months: number,
  knownLimit?: number,
): Promise<InsightFlow> {
  // Rule 33: the municipality's limit (given by a caller that has read it for the whole request).
  const limit = knownLimit ?? (await municipalityProfile(trx, actor.municipalityId)).suppression_limit;
  const { asOf, policy, populations } = await flowPopulations(trx, actor.municipalityId, months);
  return { asOf, months, policy, ...reportFlow(populations, limit) };
}

/**
 * The raw flows behind `monthlyFlow`, before suppression (case work only: a caller suppresses
 * what leaves it, as the comparison across municipalities does at the municipality's limit).
 */
export async function flowPopulations(
  trx: Tx,
  m: string,
  months: number,
): Promise<{ asOf: string; policy: InactivityPolicy; populations: FlowPopulations }> {
  const asOf = today();
  const [facts, policy] = await Promise.all([statusFacts(trx, m, asOf), inactivityPolicy(trx, m)]);

  // Each record to its survivor (following a chain of merges).
  const mergedInto = new Map(facts.citizens.map((c) => [c.id, c.merged_into]));
  const survivorOf = (id: string) => {
    let current = id;
    for (let i = 0; i < 10; i++) {
      const next = mergedInto.get(current);
      if (!next) break;
      current = next;
    }
    return current;
  };
  const people = new Map<string, Person>();
  for (const c of facts.citizens)
    if (c.merged_into === null)
      people.set(c.id, {
        birthDate: c.birth_date,
        registeredOn: c.registered_on,
        diedOn: c.died_on,
        movedAwayOn: c.moved_away_on,
        episodes: [],
        contacts: [],
      });
  for (const c of facts.citizens) {
    const p = c.merged_into === null ? undefined : people.get(survivorOf(c.id));
    // The earliest registration among merged records (as the by-name list has it).
    if (p && c.registered_on < p.registeredOn) p.registeredOn = c.registered_on;
  }
  for (const e of facts.episodes)
    people.get(survivorOf(e.citizen_id))?.episodes.push({
      situation: e.situation,
      fromDate: e.from_date,
      releaseDate: e.release_date,
      housingSolution: e.housing_solution,
      recordedAt: e.recorded_at.toISOString(),
    });
  for (const k of facts.contacts) people.get(survivorOf(k.citizen_id))?.contacts.push(k.contact_on);
  for (const p of people.values()) p.contacts.sort();

  const windowStart = monthStartBefore(asOf, months);
  const historyStart = monthStartBefore(asOf, months + HISTORY_MONTHS);
  let first = windowStart;
  for (const p of people.values()) {
    const known = [p.registeredOn, ...p.episodes.map((e) => e.fromDate)].sort()[0] as string;
    if (known < first) first = known;
  }
  const monthEnds = monthEndsBetween(first < historyStart ? historyStart : first, asOf);
  // The window's months, and the month end before them as the starting point.
  const reportFrom = monthEnds.length - months;

  // The starting month end and the window's months: a status and an age band at each. The months
  // before tell only in which populations a person was ever active: the age bands of every month end
  // of a homeless run, which are all the bands from its first month's to its last (age only grows).
  const start = reportFrom - 1;
  const windowEnds = monthEnds.slice(start);
  const bandOn = (birthDate: string, i: number) =>
    AGE_BANDS.indexOf(ageBand(ageOn(birthDate, monthEnds[i] as string)));
  const persons: { statuses: MonthStatus[]; bands: AgeBand[]; earlier: Set<AgeBand> }[] = [];
  for (const p of people.values()) {
    const runs = statusRuns(p, monthEnds, policy);
    const statuses: MonthStatus[] = [];
    let r = 0;
    for (let i = start; i < monthEnds.length; i++) {
      while ((runs[r + 1]?.from ?? Number.POSITIVE_INFINITY) <= i) r++;
      statuses.push(runs[r]?.status ?? 'off_list');
    }
    // Never active in the window: in no population's flow (every transition is `none`).
    if (!statuses.includes('homeless')) continue;
    const earlier = new Set<AgeBand>();
    for (let k = 0; k < runs.length && (runs[k] as StatusRun).from < start; k++) {
      const run = runs[k] as StatusRun;
      if (run.status !== 'homeless') continue;
      const last = Math.min((runs[k + 1]?.from ?? monthEnds.length) - 1, start - 1);
      for (let b = bandOn(p.birthDate, run.from); b <= bandOn(p.birthDate, last); b++)
        earlier.add(AGE_BANDS[b] as AgeBand);
    }
    persons.push({ statuses, bands: windowEnds.map((date) => ageBand(ageOn(p.birthDate, date))), earlier });
  }
  const flow = (inBand?: (band: AgeBand) => boolean): FlowMonth[] =>
    flowOf(
      windowEnds,
      persons.map((p) => ({
        statuses: p.statuses,
        ...(inBand
          ? { inPopulation: p.bands.map(inBand), activeEarlier: [...p.earlier].some(inBand) }
          : { activeEarlier: p.earlier.size > 0 }),
      })),
    );
  const populations: FlowPopulations = {
    overall: flow(),
    youth: flow((band) => band === '18_24' || band === '25_29'),
    bands: Object.fromEntries(AGE_BANDS.map((band) => [band, flow((b) => b === band)])) as Record<
      AgeBand,
      FlowMonth[]
    >,
  };
  return { asOf, policy, populations };
}
