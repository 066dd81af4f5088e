import { type AllocationSettings, DEFAULT_ALLOCATION_SETTINGS } from '../../../shared/allocation/model';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import * as repo from './allocation.repository';

/** The stored policy over the defaults (a setting added later has its default until saved). */
export const settingsOf = (stored: Record<string, unknown> | null) =>
  ({ ...DEFAULT_ALLOCATION_SETTINGS, ...(stored ?? {}) }) as AllocationSettings;

/** The municipality's allocation policy (issue 5 §6). */
export async function getSettings(
  trx: Tx,
  actor: Pick<Actor, 'municipalityId'>,
): Promise<AllocationSettings> {
  return settingsOf(await repo.settings(trx, actor.municipalityId));
}

export async function saveSettings(trx: Tx, actor: Actor, input: AllocationSettings) {
  await repo.saveSettings(trx, actor.municipalityId, input, actor.userId);
  await audit(trx, actor, 'allocation.settings_update', 'municipality', actor.municipalityId, { ...input });
  return getSettings(trx, actor);
}
