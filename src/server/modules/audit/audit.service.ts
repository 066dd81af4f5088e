import type { Executor } from '../../db/database';
import {
  type AuditFilter,
  chainBatch,
  chainedMunicipalities,
  chainHead,
  chainPending,
  searchAuditEvents,
} from './audit.repository';

/** A page of the audit log for the auditor page. */
export async function searchAudit(db: Executor, filter: AuditFilter) {
  const { rows, total } = await searchAuditEvents(db, filter);
  return {
    total,
    items: rows.map((row) => ({
      id: String(row.id),
      seq: row.seq === null ? null : Number(row.seq),
      occurredAt: row.occurred_at.toISOString(),
      actorUsername: row.actor_username,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      purpose: row.purpose,
      clientIp: row.client_ip,
    })),
  };
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  headHash: string | null;
  brokenAt: { seq: number; reason: 'hash_mismatch' | 'missing_row' | 'broken_link' | 'head_mismatch' } | null;
}

const ZERO_HASH = '0'.repeat(64);
const BATCH = 5000;

/**
 * Chains what has committed and is not yet chained, then walks one municipality's chain and
 * reports the first row that was changed, removed or re-linked. Reads in batches so millions of
 * rows need little memory.
 */
export async function verifyChain(db: Executor, municipalityId: string): Promise<ChainReport> {
  await chainPending(db, municipalityId);
  let expectedSeq = 1;
  let prevHash = ZERO_HASH;
  let checked = 0;
  for (;;) {
    const links = await chainBatch(db, municipalityId, expectedSeq - 1, BATCH);
    for (const link of links) {
      if (link.seq !== expectedSeq) {
        return { ok: false, checked, headHash: null, brokenAt: { seq: expectedSeq, reason: 'missing_row' } };
      }
      if (link.prev_hash !== prevHash) {
        return { ok: false, checked, headHash: null, brokenAt: { seq: link.seq, reason: 'broken_link' } };
      }
      if (link.hash !== link.expected_hash) {
        return { ok: false, checked, headHash: null, brokenAt: { seq: link.seq, reason: 'hash_mismatch' } };
      }
      prevHash = link.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (links.length < BATCH) break;
  }
  const head = await chainHead(db, municipalityId);
  const lastSeq = expectedSeq - 1;
  if ((head?.last_seq ?? 0) !== lastSeq || (head && head.last_hash !== prevHash)) {
    return { ok: false, checked, headHash: null, brokenAt: { seq: lastSeq + 1, reason: 'head_mismatch' } };
  }
  return { ok: true, checked, headHash: head ? prevHash : null, brokenAt: null };
}

/** Verifies every municipality's chain (owner handle; used by `hjemvej audit:verify`). */
export async function verifyAllChains(owner: Executor) {
  const municipalities = await chainedMunicipalities(owner);
  const reports = [];
  for (const m of municipalities) {
    reports.push({ municipality: m.code, ...(await verifyChain(owner, m.id)) });
  }
  return reports;
}
