import { type AllocationSettings, DEFAULT_ALLOCATION_SETTINGS } from '../../../shared/allocation/model';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { invalid } from './allocation.present';
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

/**
 * A rådighedsbeløb of 0 kr. lets the rent check pass a rent up to the household's whole income
 * after fixed costs, so it is saved only when explicitly confirmed (issue 14 §3); the field that
 * holds 0 is named.
 */
export function assertDisposableConfirmed(input: AllocationSettings) {
  if (input.disposableZeroConfirmed) return;
  const zero = (['disposablePerAdult', 'disposablePerChild'] as const).filter((k) => input[k] === 0);
  if (zero.length > 0) throw invalid(zero.map((path) => ({ path, code: 'zero_not_confirmed' })));
}

export async function saveSettings(trx: Tx, actor: Actor, input: AllocationSettings) {
  assertDisposableConfirmed(input);
  // The confirmation is kept only while a 0 kr. amount needs it.
  const disposableZeroConfirmed =
    input.disposableZeroConfirmed && (input.disposablePerAdult === 0 || input.disposablePerChild === 0);
  const settings = { ...input, disposableZeroConfirmed };
  await repo.saveSettings(trx, actor.municipalityId, settings, actor.userId);
  await audit(trx, actor, 'allocation.settings_update', 'municipality', actor.municipalityId, {
    ...settings,
  });
  return getSettings(trx, actor);
}
