import { z } from 'zod';
import {
  HOUSEHOLD_SIZES,
  PRIORITIES,
  TARGET_GROUNDS,
  WAITING_AGE_BANDS,
  WAITING_BANDS,
} from '../../../shared/allocation/model';
import { reportedCount } from '../../platform/reported';

/**
 * The waiting-list figures for readers outside case work (allocation.reports): each count a number
 * or, suppressed, "<5" / "x" (shared/suppression.ts). No names, no ids of people.
 */

const byKey = <const T extends readonly string[]>(keys: T) =>
  z.object(
    Object.fromEntries(keys.map((k) => [k, reportedCount])) as Record<T[number], typeof reportedCount>,
  );

export const reportedWaitingCounts = z.object({
  total: reportedCount,
  byTargetGround: byKey(TARGET_GROUNDS),
  byAgeBand: byKey(WAITING_AGE_BANDS),
  byHouseholdSize: byKey(HOUSEHOLD_SIZES),
  byWaitingBand: byKey(WAITING_BANDS),
  byPriority: byKey(PRIORITIES),
});

export const reportedCountsResponse = z.object({ counts: reportedWaitingCounts, onDate: z.string() });

export const reportedSnapshotsResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      takenOn: z.string(),
      label: z.string(),
      takenByName: z.string(),
      counts: reportedWaitingCounts,
    }),
  ),
});
