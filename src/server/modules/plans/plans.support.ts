import type { Tx } from '../../db/database';
import { supportWorkerUserIds } from '../support';
import { activePlanCitizenIds } from './plans.repository';

/**
 * The citizen's support workers (bostøtte / ICM / CTI / ACT: the users of the workers of the
 * citizen's active enrollments), by citizen id: they see the plan and get its alerts. The support
 * module owns caseloads; this is the one place the plans module asks it.
 */
export async function supportWorkersOf(
  trx: Tx,
  _municipalityId: string,
  citizenIds: readonly string[],
): Promise<Map<string, string[]>> {
  if (citizenIds.length === 0) return new Map();
  return supportWorkerUserIds(trx, [...citizenIds]);
}

/** The citizens with an active plan whose support worker the user is. */
export async function supportedCitizensOf(
  trx: Tx,
  municipalityId: string,
  userId: string,
): Promise<string[]> {
  const citizenIds = await activePlanCitizenIds(trx, municipalityId);
  const workers = await supportWorkersOf(trx, municipalityId, citizenIds);
  return citizenIds.filter((id) => (workers.get(id) ?? []).includes(userId));
}
