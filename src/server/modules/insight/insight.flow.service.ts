import {
  AGE_BANDS,
  type AgeBand,
  ageBand,
  type InactivityPolicy,
  type StatusRun,
  statusRuns,
} from '../../../shared/citizens/status';
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
import { forEachInSlices } from '../../platform/cooperative';
import { municipalityProfile } from '../access';
import { inactivityPolicy, statusHistories } from '../citizens';

/** How far back the history goes that tells "newly identified" from "returned" (20 years). */
const HISTORY_MONTHS = 240;

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
  const [{ people }, policy] = await Promise.all([statusHistories(trx, m, asOf), inactivityPolicy(trx, m)]);

  const windowStart = monthStartBefore(asOf, months);
  const historyStart = monthStartBefore(asOf, months + HISTORY_MONTHS);
  let first = windowStart;
  for (const p of people.values()) {
    // The earliest of the registration and the episodes (no sorted copy per person).
    if (p.registeredOn < first) first = p.registeredOn;
    for (const e of p.episodes) if (e.fromDate < first) first = e.fromDate;
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
  // København's history is seconds of work: in slices, so the process answers other requests
  // meanwhile (a health check waited up to 1.7 s behind it).
  await forEachInSlices(people.values(), (p) => {
    const runs = statusRuns(p, monthEnds, policy);
    const statuses: MonthStatus[] = [];
    let r = 0;
    for (let i = start; i < monthEnds.length; i++) {
      while ((runs[r + 1]?.from ?? Number.POSITIVE_INFINITY) <= i) r++;
      statuses.push(runs[r]?.status ?? 'off_list');
    }
    // Never active in the window: in no population's flow (every transition is `none`).
    if (!statuses.includes('homeless')) return;
    const earlier = new Set<AgeBand>();
    for (let k = 0; k < runs.length && (runs[k] as StatusRun).from < start; k++) {
      const run = runs[k] as StatusRun;
      if (run.status !== 'homeless') continue;
      const last = Math.min((runs[k + 1]?.from ?? monthEnds.length) - 1, start - 1);
      for (let b = bandOn(p.birthDate, run.from); b <= bandOn(p.birthDate, last); b++)
        earlier.add(AGE_BANDS[b] as AgeBand);
    }
    persons.push({ statuses, bands: windowEnds.map((date) => ageBand(ageOn(p.birthDate, date))), earlier });
  });
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
