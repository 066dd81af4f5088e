import { today } from '../../../shared/dates';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import * as list from './citizens.list.repository';
import { citizenScope } from './citizens.policy';
import * as repo from './citizens.repository';
import { presentSummary } from './citizens.service';

/**
 * Merges a likely duplicate into the record the user keeps. Nothing is moved or deleted: the
 * merged record points at the survivor, whose page then shows both histories, so an undo restores
 * both records exactly. Two different CPR numbers are two people and are never merged.
 */
export async function mergeDuplicate(trx: Tx, actor: Actor, candidateId: string, survivorId: string) {
  const candidate = await repo.findCandidate(trx, actor.municipalityId, candidateId);
  if (!candidate) throw new AppError('NOT_FOUND');
  if (candidate.status !== 'open') throw new AppError('DUPLICATE_ALREADY_RESOLVED');
  if (survivorId !== candidate.citizen_a && survivorId !== candidate.citizen_b) {
    throw new AppError('V_VALIDATION', { fields: [{ path: 'survivorId', code: 'invalid' }] });
  }
  const mergedId = survivorId === candidate.citizen_a ? candidate.citizen_b : candidate.citizen_a;
  const survivor = await repo.lockCitizen(trx, actor.municipalityId, survivorId);
  const merged = await repo.lockCitizen(trx, actor.municipalityId, mergedId);
  if (!survivor || !merged) throw new AppError('NOT_FOUND');
  if (survivor.merged_into || merged.merged_into) throw new AppError('CITIZEN_MERGE_NOT_ALLOWED');
  if ((await repo.mergedIds(trx, actor.municipalityId, merged.id)).length > 0)
    throw new AppError('CITIZEN_MERGE_NOT_ALLOWED');
  if (survivor.cpr && merged.cpr && survivor.cpr !== merged.cpr)
    throw new AppError('CITIZEN_MERGE_CPR_CONFLICT');

  await repo.updateCitizen(trx, actor.municipalityId, merged.id, { merged_into: survivor.id });
  await list.refreshCurrentState(trx, actor.municipalityId, survivor.id);
  const mergeId = await repo.insertMerge(trx, {
    municipality_id: actor.municipalityId,
    survivor_id: survivor.id,
    merged_id: merged.id,
    candidate_id: candidate.id,
    merged_by: actor.userId,
  });
  await repo.resolveCandidate(trx, candidate.id, 'merged', actor.userId);
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'citizen.merge',
    entityType: 'citizen',
    entityId: survivor.id,
    details: { merged: merged.id },
  });
  return { mergeId, survivorId: survivor.id };
}

/** Undoes a merge: both records stand alone again and the pair returns to the review queue. */
export async function undoMerge(trx: Tx, actor: Actor, mergeId: string) {
  const merge = await repo.lockMerge(trx, actor.municipalityId, mergeId);
  if (!merge) throw new AppError('NOT_FOUND');
  if (merge.undone_at) throw new AppError('MERGE_ALREADY_UNDONE');
  await repo.updateCitizen(trx, actor.municipalityId, merge.merged_id, { merged_into: null });
  await list.refreshCurrentState(trx, actor.municipalityId, merge.survivor_id);
  await list.refreshCurrentState(trx, actor.municipalityId, merge.merged_id);
  await repo.markMergeUndone(trx, merge.id, actor.userId);
  if (merge.candidate_id) await repo.reopenCandidate(trx, merge.candidate_id);
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'citizen.merge_undo',
    entityType: 'citizen',
    entityId: merge.survivor_id,
    details: { merged: merge.merged_id },
  });
}

export async function dismissDuplicate(trx: Tx, actor: Actor, candidateId: string) {
  const candidate = await repo.findCandidate(trx, actor.municipalityId, candidateId);
  if (!candidate) throw new AppError('NOT_FOUND');
  if (candidate.status !== 'open') throw new AppError('DUPLICATE_ALREADY_RESOLVED');
  await repo.resolveCandidate(trx, candidate.id, 'dismissed', actor.userId);
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'citizen.duplicate_dismiss',
    entityType: 'duplicate_candidate',
    entityId: candidate.id,
  });
}

/** The review queue: open pairs, each side as a list summary with its status today. */
export async function listDuplicates(trx: Tx, actor: Actor) {
  const candidates = await repo.openCandidates(trx, actor.municipalityId);
  const policy = await repo.policy(trx, actor.municipalityId);
  const { rows } = await list.listCitizens(trx, {
    municipalityId: actor.municipalityId,
    scope: citizenScope(actor),
    today: today(),
    onDate: today(),
    ids: candidates.flatMap((c) => [c.citizen_a, c.citizen_b]),
    limit: 2 * candidates.length + 1,
    offset: 0,
    ...policy,
  });
  const byId = new Map(rows.map((r) => [r.id, presentSummary(r, actor)]));
  return candidates.flatMap((c) => {
    const a = byId.get(c.citizen_a);
    const b = byId.get(c.citizen_b);
    return a && b ? [{ id: c.id, score: c.score, a, b }] : [];
  });
}
