import { monthsBefore, today } from '../../../shared/dates';
import type { StayLengthFigures, StayLengths } from '../../../shared/shelters/api';
import {
  type LengthBand,
  lengthDistribution,
  median,
  type Quarter,
  quarterOf,
  quarterPeriod,
  quartersUpTo,
  type ReportStay,
  reportFile,
  reportGaps,
  stayLength,
} from '../../../shared/shelters/statistics';
import { suppressBreakdown, suppressSmall } from '../../../shared/suppression';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { logPersonalDataRead } from '../../platform/audit';
import { municipalityProfile } from '../access';
import { displayName } from '../citizens';
import { shelterOfUser } from './shelters.repository';
import * as repo from './shelters.statistics.repository';

/** How many quarters back the stay-length trend goes. */
const TREND_QUARTERS = 8;

/**
 * The shelters an actor's statistics cover: a shelter's own staff see their shelter only; the
 * municipality's other readers every shelter. A shelter user not yet linked sees none.
 */
async function scope(trx: Tx, actor: Actor): Promise<string | null | 'none'> {
  if (!actor.permissions.has('shelters.stays')) return null;
  return (await shelterOfUser(trx, actor.municipalityId, actor.userId)) ?? 'none';
}

/** A median shown only over at least `limit` stays (a smaller one tells one person's stay). */
const shownMedian = (lengths: readonly number[], limit: number) =>
  lengths.length >= limit ? median(lengths) : null;

function figures(open: readonly number[], completed: readonly number[], limit: number): StayLengthFigures {
  const mean = completed.length >= limit ? completed.reduce((s, n) => s + n, 0) / completed.length : null;
  return {
    current: { count: suppressSmall(open.length, limit), medianNights: shownMedian(open, limit) },
    completed: {
      count: suppressSmall(completed.length, limit),
      medianNights: shownMedian(completed, limit),
      meanNights: mean === null ? null : Math.round(mean * 10) / 10,
      distribution: suppressBreakdown<LengthBand>(lengthDistribution(completed), limit),
    },
  };
}

/**
 * Stay lengths (issue 16 §10): per shelter and in all, the stays open today (nights so far) and the
 * stays ended in the last 12 months (median, mean, distribution), and the median of the stays ended
 * in each of the last eight quarters. Figures that leave case work: counts below the municipality's
 * limit suppressed (rule 33; "<5" at the default), and a median or mean only over that many stays or
 * more.
 */
export async function stayLengths(trx: Tx, actor: Actor): Promise<StayLengths> {
  const m = actor.municipalityId;
  const onDate = today();
  const only = await scope(trx, actor);
  const limit = (await municipalityProfile(trx, m)).suppression_limit;
  const shelters = only === 'none' ? [] : await repo.sheltersOf(trx, m, only);
  const quarters = quartersUpTo(onDate, TREND_QUARTERS);
  const yearAgo = monthsBefore(onDate, 12);
  const trendFrom = quarterPeriod(quarters[0] as Quarter).from;
  const since = trendFrom < yearAgo ? trendFrom : yearAgo;
  const rows = await repo.stayDates(
    trx,
    m,
    shelters.map((s) => s.id),
    since,
    onDate,
  );
  const open = new Map<string, number[]>();
  const completed = new Map<string, number[]>();
  const byQuarter = new Map<string, number[]>();
  const admitted = new Map<string, number>();
  const push = (map: Map<string, number[]>, key: string, n: number) => {
    const list = map.get(key);
    if (list) list.push(n);
    else map.set(key, [n]);
  };
  for (const r of rows) {
    const nights = stayLength(r.admitted_on, r.discharged_on, onDate);
    if (r.discharged_on === null || r.discharged_on > onDate) push(open, r.shelter_id, nights);
    else {
      if (r.discharged_on >= yearAgo) push(completed, r.shelter_id, nights);
      push(byQuarter, quarterOf(r.discharged_on), nights);
    }
    if (r.admitted_on >= trendFrom)
      admitted.set(quarterOf(r.admitted_on), (admitted.get(quarterOf(r.admitted_on)) ?? 0) + 1);
  }
  const all = (map: Map<string, number[]>) => [...map.values()].flat();
  return {
    asOf: onDate,
    completedSince: yearAgo,
    shelters: shelters.map((s) => ({
      id: s.id,
      name: s.name,
      places: s.places,
      ...figures(open.get(s.id) ?? [], completed.get(s.id) ?? [], limit),
    })),
    total: figures(all(open), all(completed), limit),
    quarters: quarters.map((q) => ({
      quarter: q,
      admitted: suppressSmall(admitted.get(q) ?? 0, limit),
      completed: suppressSmall(byQuarter.get(q)?.length ?? 0, limit),
      medianNights: shownMedian(byQuarter.get(q) ?? [], limit),
    })),
  };
}

// ---- The quarterly report to Danmarks Statistik (§9) ----

/** The quarter a shelter reports now: the last one that has ended. */
export function quarterToReport(onDate: string): Quarter {
  return quarterOf(monthsBefore(quarterPeriod(quarterOf(onDate)).from, 1));
}

async function reportData(trx: Tx, actor: Actor, quarter: Quarter) {
  const m = actor.municipalityId;
  const shelterId = await shelterOfUser(trx, m, actor.userId);
  if (!shelterId) throw new AppError('SHELTER_USER_UNLINKED');
  const [shelter] = await repo.sheltersOf(trx, m, shelterId);
  const { from, until } = quarterPeriod(quarter);
  if (from > today())
    throw new AppError('V_VALIDATION', { fields: [{ path: 'quarter', code: 'future_date' }] });
  const rows = await repo.reportStays(trx, m, shelterId, from, until);
  const stays: (ReportStay & { citizenId: string })[] = rows.map((r) => ({
    id: r.id,
    citizenId: r.citizen_id,
    cpr: r.cpr,
    birthDate: r.birth_date,
    initials: r.initials,
    name: displayName(r),
    admittedOn: r.admitted_on,
    dischargedOn: r.discharged_on,
    lastStay: r.last_stay,
    dischargedTo: r.discharged_to,
    municipalDischarge: r.municipal_discharge,
  }));
  return { shelter: { id: shelterId, name: shelter?.name ?? '' }, stays };
}

/**
 * The completeness check of a quarter's report before it is downloaded: how many stays it holds and
 * which of them lack the fields DST finds blank, named so the shelter can complete them.
 */
export async function reportCheck(trx: Tx, actor: Actor, quarter: Quarter) {
  const { shelter, stays } = await reportData(trx, actor, quarter);
  const gaps = { cpr: 0, last_stay: 0, moved_to: 0 };
  const incomplete = [];
  for (const s of stays) {
    const missing = reportGaps(s, quarter);
    for (const g of missing) gaps[g]++;
    if (missing.length > 0)
      incomplete.push({
        stayId: s.id,
        citizenId: s.citizenId,
        name: s.name,
        admittedOn: s.admittedOn,
        dischargedOn: s.dischargedOn,
        gaps: missing,
      });
  }
  return {
    quarter,
    shelter,
    stays: stays.length,
    complete: stays.length - incomplete.length,
    gaps,
    incomplete,
  };
}

/** The quarter's report file (CPR numbers in it: the download is logged as a read of personal data). */
export async function reportDownload(trx: Tx, actor: Actor, quarter: Quarter) {
  const { shelter, stays } = await reportData(trx, actor, quarter);
  await logPersonalDataRead(trx, actor, {
    entityType: 'shelter',
    entityId: shelter.id,
    purpose: 'dst_stay_report',
    details: { quarter, stays: stays.length },
  });
  return { shelter, file: reportFile(stays, quarter, shelter.name) };
}
