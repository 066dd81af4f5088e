import type {
  WaitingListCounts,
  WaitingListItem,
  WaitingListQuery,
  WaitingListSnapshot,
} from '../../../shared/allocation/api';
import {
  WAITING_AGE_BANDS,
  WAITING_BANDS,
  type WaitingAgeBand,
  type WaitingBand,
} from '../../../shared/allocation/model';
import { today } from '../../../shared/dates';
import { SMALL_NUMBER_LIMIT, type Suppressed, suppressBreakdowns } from '../../../shared/suppression';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { seesExactWaitingCounts } from './allocation.policy';
import { maxRentOf, nameOf } from './allocation.present';
import { json } from './allocation.repository';
import { getSettings } from './allocation.settings.service';
import * as waitingListRepo from './allocation.waiting-list.repository';

/** The waiting list (issue 5 §3): one page with the counts of the whole list, dated snapshots, and what the housing module reads of it. */

/** The waiting list's counts today: the whole list by target group, age, household, waiting time and priority. */
export async function waitingCounts(trx: Tx, actor: Actor): Promise<WaitingListCounts> {
  return (await waitingListRepo.waitingPage(trx, actor.municipalityId, today(), {}, { limit: 0, offset: 0 }))
    .counts;
}

/**
 * One page of the waiting list today, by priority then longest waiting, as the filters leave it,
 * with the counts of the whole list. Counting, filtering and ordering read the list's small
 * columns in SQL; the household facts (for the highest rent the household can pay) and the
 * citizen are read for the rows of the page only.
 */
export async function waitingList(
  trx: Tx,
  actor: Actor,
  q: WaitingListQuery & { page: number; pageSize: number },
) {
  const onDate = today();
  const m = actor.municipalityId;
  const filter = {
    targetGround: q.targetGround,
    ageBand: q.ageBand,
    householdSize: q.householdSize,
    waitingBand: q.waitingBand,
    priority: q.priority,
  };
  const settings = await getSettings(trx, actor);
  const { counts, matching, rows } = await waitingListRepo.waitingPage(trx, m, onDate, filter, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const items = rows.map(
    (r): WaitingListItem => ({
      applicationId: r.id,
      citizenId: r.citizen_id,
      citizenName: nameOf(r),
      age: r.age,
      ageBand: WAITING_AGE_BANDS[r.age_band] as WaitingAgeBand,
      targetGrounds: json(r.target_grounds),
      householdSize: r.household_size,
      priority: r.priority,
      priorityReason: r.priority_reason ?? '',
      waitingSince: r.waiting_since,
      waitingDays: r.waiting_days,
      waitingBand: WAITING_BANDS[r.waiting_band] as WaitingBand,
      status: r.status as 'approved' | 'paused',
      pausedUntil: r.paused_until,
      roomsMin: r.rooms_min,
      roomsMax: r.rooms_max,
      maxRent: maxRentOf(r, settings, onDate),
      youthWish: r.youth_wish,
      hasLiveOffer: Number(r.live_offers ?? 0) > 0,
      refusals: r.refusals,
    }),
  );
  await audit(trx, actor, 'allocation.waiting_list_read', 'municipality', m, { count: matching });
  return { items, total: matching, page: q.page, pageSize: q.pageSize, counts };
}

export async function takeSnapshot(trx: Tx, actor: Actor, label: string): Promise<WaitingListSnapshot> {
  const counts = await waitingCounts(trx, actor);
  const { id } = await waitingListRepo.insertSnapshot(trx, actor.municipalityId, {
    takenOn: today(),
    label,
    counts,
    userId: actor.userId,
  });
  await audit(trx, actor, 'allocation.snapshot', 'waiting_list_snapshot', id, { label });
  return (await listSnapshots(trx, actor)).find((s) => s.id === id) as WaitingListSnapshot;
}

/**
 * Counts as a reader outside case work may see them: small numbers suppressed at the municipality's
 * limit (rule 33), the total and its five breakdowns together (`suppressBreakdowns`), so that no
 * small cell can be worked out from the total or another breakdown (issue 20 (c): "<5" and "x"
 * beside a total of 6 gave a 1 away, an "x" being at least 5). The total is shown as
 * `suppressSmall` shows it, as the committee report and the economy dashboard show it alone; the
 * breakdowns are shown so wherever they leave case work (the counts, the snapshots, the allocation
 * dashboard), so that one answer cannot give away what another hides.
 */
export function suppressWaitingCounts(
  counts: WaitingListCounts,
  limit: number = SMALL_NUMBER_LIMIT,
): Suppressed<WaitingListCounts> {
  const { total, breakdowns } = suppressBreakdowns(
    counts.total,
    {
      byTargetGround: counts.byTargetGround,
      byAgeBand: counts.byAgeBand,
      byHouseholdSize: counts.byHouseholdSize,
      byWaitingBand: counts.byWaitingBand,
      byPriority: counts.byPriority,
    },
    limit,
  );
  return { total, ...breakdowns };
}

/**
 * How the actor may see counts: exact in case work (allocation.read), else suppressed at the
 * municipality's limit (read once, for every count of the request).
 */
async function reporter(
  trx: Tx,
  actor: Actor,
): Promise<(counts: WaitingListCounts) => Suppressed<WaitingListCounts>> {
  if (seesExactWaitingCounts(actor)) return (counts) => counts;
  const limit = await waitingListRepo.suppressionLimit(trx, actor.municipalityId);
  return (counts) => suppressWaitingCounts(counts, limit);
}

/** Today's waiting-list counts for the reports route (leader, economy: small numbers suppressed). */
export async function reportedWaitingCounts(trx: Tx, actor: Actor): Promise<Suppressed<WaitingListCounts>> {
  const reported = await reporter(trx, actor);
  return reported(await waitingCounts(trx, actor));
}

/** The dated snapshots (budget follow-ups) for the reports route, counts as the actor may see them. */
export async function reportedSnapshots(
  trx: Tx,
  actor: Actor,
): Promise<(Omit<WaitingListSnapshot, 'counts'> & { counts: Suppressed<WaitingListCounts> })[]> {
  const reported = await reporter(trx, actor);
  return (await listSnapshots(trx, actor)).map((s) => ({ ...s, counts: reported(s.counts) }));
}

export async function listSnapshots(trx: Tx, actor: Actor): Promise<WaitingListSnapshot[]> {
  return (await waitingListRepo.snapshots(trx, actor.municipalityId)).map((s) => ({
    id: s.id,
    takenOn: s.taken_on,
    label: s.label,
    takenByName: s.display_name ?? '',
    counts: json(s.counts) as unknown as WaitingListCounts,
  }));
}

export async function reducedFunctionApplicants(trx: Tx, municipalityId: string) {
  return (await waitingListRepo.reducedFunctionApplicants(trx, municipalityId)).map((r) => ({
    applicationId: r.id,
    citizenId: r.citizen_id,
    citizenName: nameOf(r),
    householdSize: r.household_size,
    priority: r.priority,
    waitingSince: r.waiting_since,
    status: r.status,
  }));
}
