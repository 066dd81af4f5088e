import type { Executor } from '../../db/database';
import type { OfferRow, TenancyRow } from './allocation.table';

/** Offers of a vacancy to an applicant, and the tenancies accepted offers begin. */

// ---- offers ----

export interface OfferWithNames extends OfferRow {
  address: string;
  citizen_id: string;
  given_name: string | null;
  family_name: string | null;
  initials: string | null;
  offered_by_name: string | null;
}

function offerQuery(db: Executor, m: string) {
  return db
    .selectFrom('offer as f')
    .innerJoin('vacancy as v', 'v.id', 'f.vacancy_id')
    .innerJoin('allocation_application as a', 'a.id', 'f.application_id')
    .innerJoin('citizen as c', 'c.id', 'a.citizen_id')
    .leftJoin('app_user as u', 'u.id', 'f.offered_by')
    .selectAll('f')
    .select([
      'v.address',
      'a.citizen_id',
      'c.given_name',
      'c.family_name',
      'c.initials',
      'u.display_name as offered_by_name',
    ])
    .where('f.municipality_id', '=', m);
}

export function findOffer(db: Executor, m: string, id: string): Promise<OfferWithNames | undefined> {
  return offerQuery(db, m).where('f.id', '=', id).executeTakeFirst();
}

export function offersOf(
  db: Executor,
  m: string,
  filter: { vacancyIds?: string[]; applicationIds?: string[] },
) {
  let q = offerQuery(db, m);
  if (filter.vacancyIds) {
    if (filter.vacancyIds.length === 0) return Promise.resolve([]);
    q = q.where('f.vacancy_id', 'in', filter.vacancyIds);
  }
  if (filter.applicationIds) {
    if (filter.applicationIds.length === 0) return Promise.resolve([]);
    q = q.where('f.application_id', 'in', filter.applicationIds);
  }
  return q.orderBy('f.offered_at').execute();
}

export function insertOffer(
  db: Executor,
  m: string,
  o: { vacancyId: string; applicationId: string; replyBy: string; userId: string },
) {
  return db
    .insertInto('offer')
    .values({
      municipality_id: m,
      vacancy_id: o.vacancyId,
      application_id: o.applicationId,
      reply_by: o.replyBy,
      offered_by: o.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Moves an open offer to its answer; false when it was no longer open (someone else answered first). */
export async function closeOffer(
  db: Executor,
  m: string,
  id: string,
  values: Pick<OfferRow, 'status'> & Partial<Pick<OfferRow, 'decline_reason' | 'counts_as_refusal' | 'note'>>,
  userId: string,
): Promise<boolean> {
  const r = await db
    .updateTable('offer')
    .set({ ...values, responded_at: new Date(), responded_by: userId })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function liveOfferCount(db: Executor, m: string, applicationId: string) {
  return db
    .selectFrom('offer')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', m)
    .where('application_id', '=', applicationId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
}

/**
 * The citizens among the given ones who hold a live (open) offer of a dwelling, with the offer's
 * reply-by date (the earliest if more than one). For other modules (plans: a deposit loan waiting
 * too long while the citizen holds an offer), through the module's index.ts.
 */
export async function liveOffersOfCitizens(
  db: Executor,
  m: string,
  citizenIds: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (citizenIds.length === 0) return found;
  const rows = await db
    .selectFrom('offer as o')
    .innerJoin('allocation_application as a', 'a.id', 'o.application_id')
    .select(['a.citizen_id'])
    .select((eb) => eb.fn.min('o.reply_by').as('reply_by'))
    .where('o.municipality_id', '=', m)
    .where('o.status', '=', 'open')
    .where('a.citizen_id', 'in', [...citizenIds])
    .groupBy('a.citizen_id')
    .execute();
  for (const r of rows) found.set(r.citizen_id, String(r.reply_by));
  return found;
}

// ---- tenancies ----

export interface TenancyWithNames extends TenancyRow {
  address: string;
  given_name: string | null;
  family_name: string | null;
  initials: string | null;
}

function tenancyQuery(db: Executor, m: string) {
  return db
    .selectFrom('tenancy as t')
    .innerJoin('vacancy as v', 'v.id', 't.vacancy_id')
    .innerJoin('citizen as c', 'c.id', 't.citizen_id')
    .selectAll('t')
    .select(['v.address', 'c.given_name', 'c.family_name', 'c.initials'])
    .where('t.municipality_id', '=', m);
}

export function insertTenancy(
  db: Executor,
  m: string,
  values: Omit<TenancyRow, 'id' | 'created_at' | 'municipality_id'>,
) {
  return db
    .insertInto('tenancy')
    .values({ ...values, municipality_id: m })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function findTenancy(
  db: Executor,
  m: string,
  id: string,
  lock = false,
): Promise<TenancyWithNames | undefined> {
  let q = tenancyQuery(db, m).where('t.id', '=', id);
  if (lock) q = q.forUpdate('t');
  return q.executeTakeFirst();
}

export function tenanciesOf(
  db: Executor,
  m: string,
  filter: { vacancyIds?: string[]; applicationIds?: string[]; pending?: boolean },
) {
  let q = tenancyQuery(db, m);
  if (filter.vacancyIds) {
    if (filter.vacancyIds.length === 0) return Promise.resolve([]);
    q = q.where('t.vacancy_id', 'in', filter.vacancyIds);
  }
  if (filter.applicationIds) {
    if (filter.applicationIds.length === 0) return Promise.resolve([]);
    q = q.where('t.application_id', 'in', filter.applicationIds);
  }
  if (filter.pending) q = q.where('t.moved_in_on', 'is', null);
  return q.orderBy('t.created_at').execute();
}

export async function updateTenancy(
  db: Executor,
  m: string,
  id: string,
  values: Partial<Pick<TenancyRow, 'lease_signed_on' | 'planned_move_in_on' | 'moved_in_on'>>,
) {
  await db.updateTable('tenancy').set(values).where('municipality_id', '=', m).where('id', '=', id).execute();
}
