import { sql } from 'kysely';
import type { Tx } from '../../db/database';

/**
 * Takes the municipality's import lock until the transaction ends: one import per municipality at a
 * time, so a second upload of the same file waits and then finds the first one's rows.
 */
export async function lockImports(trx: Tx, municipalityId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`hjemvej.import.${municipalityId}`}, 0))`.execute(
    trx,
  );
}
