import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandles } from '../../db/database';
import { createTestMunicipality } from '../../test/factories';
import { testDatabase } from '../../test/helpers';
import { storeDefaults } from './migrations/2026-12-04-0016-support';

let db: DatabaseHandles;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('migration 0016: the shipped norms for existing municipalities (issue 15 §1)', () => {
  it('stores domain.md rule 18 defaults once per municipality, dated 1 October 2023', async () => {
    const m = await createTestMunicipality(db);
    await storeDefaults(db.owner);
    await storeDefaults(db.owner);
    const { rows } = await sql<{
      method: string;
      caseload_norm: string | null;
      phase_interval_days: number[] | null;
    }>`
      select method, caseload_norm, phase_interval_days from support_method_setting
      where municipality_id = ${m.id} order by method`.execute(db.owner);
    expect(rows).toHaveLength(8);
    const cti = rows.find((r) => r.method === 'cti');
    expect(Number(cti?.caseload_norm)).toBe(20);
    expect(cti?.phase_interval_days?.map(Number)).toEqual([7, 14, 30]);
    expect(Number(rows.find((r) => r.method === 'act')?.caseload_norm)).toBe(10);
    const gap = await sql<{ n: string }>`
      select count(*) as n from support_contact_gap_setting where municipality_id = ${m.id}`.execute(
      db.owner,
    );
    expect(Number(gap.rows[0]?.n)).toBe(1);
  });
});
