import type { CensusDay } from '../../../shared/allocation/api';
import { today } from '../../../shared/dates';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import * as censusRepo from './allocation.census.repository';
import { nameOf } from './allocation.present';
import { rankCandidates, storeCensus } from './allocation.ranking.service';
import * as vacanciesRepo from './allocation.vacancies.repository';

/** The fairness census (issue 5 §7): who was eligible for each open vacancy on a day, and their rank. */

export async function takeCensus(trx: Tx, municipalityId: string, date = today()): Promise<number> {
  const open = await vacanciesRepo.listVacancies(trx, municipalityId, { status: 'open' });
  let taken = 0;
  for (const v of open) {
    if (await censusRepo.censusTaken(trx, municipalityId, v.id, date)) continue;
    await storeCensus(trx, municipalityId, await rankCandidates(trx, { municipalityId }, v), date);
    taken++;
  }
  return taken;
}

export async function censusDay(trx: Tx, actor: Actor, date: string): Promise<CensusDay> {
  if (date === today()) await takeCensus(trx, actor.municipalityId, date);
  const [runs, entries] = await Promise.all([
    censusRepo.censusRuns(trx, actor.municipalityId, date),
    censusRepo.censusEntries(trx, actor.municipalityId, date),
  ]);
  await audit(trx, actor, 'allocation.census_read', 'municipality', actor.municipalityId, { date });
  return {
    date,
    vacancies: runs.map((r) => ({
      vacancyId: r.vacancy_id,
      address: r.address,
      departmentName: r.department_name,
      eligibleCount: r.eligible_count,
      excludedCount: r.excluded_count,
      candidates: entries
        .filter((e) => e.vacancy_id === r.vacancy_id)
        .map((e) => ({
          rank: e.rank,
          applicationId: e.application_id,
          citizenName: nameOf(e),
          priority: e.priority,
          waitingDays: e.waiting_days,
        })),
    })),
  };
}
