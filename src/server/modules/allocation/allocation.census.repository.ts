import type { Executor } from '../../db/database';
import type { ApplicationRow } from './allocation.table';

/** The daily fairness census (issue 5 §7): per open vacancy and day, who was eligible and their rank. */

/** Every municipality, for the census job (read on the owner handle: the app role is bound to one). */
export function municipalities(db: Executor) {
  return db.selectFrom('municipality').select('id').execute();
}

export async function censusTaken(
  db: Executor,
  m: string,
  vacancyId: string,
  date: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('census_run')
    .select('vacancy_id')
    .where('municipality_id', '=', m)
    .where('vacancy_id', '=', vacancyId)
    .where('census_date', '=', date)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertCensus(
  db: Executor,
  m: string,
  run: { vacancyId: string; date: string; excludedCount: number },
  entries: {
    applicationId: string;
    rank: number;
    priority: ApplicationRow['priority'];
    waitingDays: number;
  }[],
) {
  const inserted = await db
    .insertInto('census_run')
    .values({
      municipality_id: m,
      vacancy_id: run.vacancyId,
      census_date: run.date,
      eligible_count: entries.length,
      excluded_count: run.excludedCount,
    })
    .onConflict((oc) => oc.columns(['vacancy_id', 'census_date']).doNothing())
    .returning('vacancy_id')
    .executeTakeFirst();
  // Someone else took today's census for this vacancy first: theirs stands.
  if (!inserted || entries.length === 0) return;
  await db
    .insertInto('census_entry')
    .values(
      entries.map((e) => ({
        municipality_id: m,
        vacancy_id: run.vacancyId,
        census_date: run.date,
        application_id: e.applicationId,
        rank: e.rank,
        priority: e.priority,
        waiting_days: e.waitingDays,
      })),
    )
    .execute();
}

export function censusRuns(db: Executor, m: string, date: string) {
  return db
    .selectFrom('census_run as r')
    .innerJoin('vacancy as v', 'v.id', 'r.vacancy_id')
    .innerJoin('housing_department as d', 'd.id', 'v.department_id')
    .select([
      'r.vacancy_id',
      'r.eligible_count',
      'r.excluded_count',
      'v.address',
      'd.name as department_name',
    ])
    .where('r.municipality_id', '=', m)
    .where('r.census_date', '=', date)
    .orderBy('v.address')
    .execute();
}

export function censusEntries(db: Executor, m: string, date: string) {
  return db
    .selectFrom('census_entry as e')
    .innerJoin('allocation_application as a', 'a.id', 'e.application_id')
    .innerJoin('citizen as c', 'c.id', 'a.citizen_id')
    .select([
      'e.vacancy_id',
      'e.application_id',
      'e.rank',
      'e.priority',
      'e.waiting_days',
      'c.given_name',
      'c.family_name',
      'c.initials',
    ])
    .where('e.municipality_id', '=', m)
    .where('e.census_date', '=', date)
    .orderBy('e.rank')
    .execute();
}
