import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../../shared/dates';
import { type DatabaseHandles, withTenant } from '../../db/database';
import { createTestMunicipality, testDatabase } from '../../test/helpers';
import { dailyHistory, FIT_MONTHS } from './planning.inputs.service';
import { computeDailyHistories } from './planning-history-job';

let db: DatabaseHandles;

beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

const storedDays = async (m: string) =>
  (
    await db.owner.selectFrom('planning_history').select('as_of').where('municipality_id', '=', m).execute()
  ).map((row) => row.as_of);

describe('the day’s planning history (issue 19 §6: a forecast does not wait for the by-name history)', () => {
  it('is computed on the day’s first use, read from the store after, and replaced the next day', async () => {
    const m = (await createTestMunicipality(db)).id;
    const first = await withTenant(db.app, m, (trx) => dailyHistory(trx, m, '2026-12-06', FIT_MONTHS));
    expect(first.computed).toBe(true);
    expect(first.history.monthEnds).toHaveLength(FIT_MONTHS + 1);
    const again = await withTenant(db.app, m, (trx) => dailyHistory(trx, m, '2026-12-06', FIT_MONTHS));
    expect(again).toEqual({ history: first.history, computed: false });
    const next = await withTenant(db.app, m, (trx) => dailyHistory(trx, m, '2026-12-07', FIT_MONTHS));
    expect(next.computed).toBe(true);
    expect(await storedDays(m)).toEqual(['2026-12-07']);
  });

  it('is taken from an earlier day of the same month until the day’s own is computed, never from another month', async () => {
    const m = (await createTestMunicipality(db)).id;
    const history = (day: string, earlierDay: boolean) =>
      withTenant(db.app, m, (trx) => dailyHistory(trx, m, day, FIT_MONTHS, { earlierDay }));
    const monday = await history('2026-12-07', false);
    expect(monday.computed).toBe(true);
    // Tuesday's first forecast: Monday's history reads the same month ends, and is taken at once.
    expect(await history('2026-12-08', true)).toEqual({
      history: monday.history,
      computed: false,
      earlierDay: true,
    });
    expect(await storedDays(m)).toEqual(['2026-12-07']);
    // The job asks for the day's own: computed and stored, and taken from then on.
    const tuesday = await history('2026-12-08', false);
    expect(tuesday.computed).toBe(true);
    expect(await history('2026-12-08', true)).toEqual({ history: tuesday.history, computed: false });
    // A new month reads other month ends: December's history is not taken for January.
    const january = await history('2027-01-04', true);
    expect(january.computed).toBe(true);
    expect(january.history.monthEnds.at(-1)).toBe('2026-12-31');
  });

  it('is computed by the job for every municipality that has none for today, once', async () => {
    // The day fixed once: a run across midnight (Danish time) would otherwise compare two days.
    const day = today();
    const a = (await createTestMunicipality(db)).id;
    const b = (await createTestMunicipality(db)).id;
    const computedAt = () =>
      db.owner
        .selectFrom('planning_history')
        .select(['municipality_id', 'computed_at'])
        .where('municipality_id', 'in', [a, b])
        .orderBy('municipality_id')
        .execute();
    expect(await computeDailyHistories(db, day)).toBeGreaterThanOrEqual(2);
    expect(await storedDays(a)).toEqual([day]);
    expect(await storedDays(b)).toEqual([day]);
    const first = await computedAt();
    // Other test files may add municipalities meanwhile (one PostgreSQL database): a and b are not
    // computed again.
    await computeDailyHistories(db, day);
    expect(await computedAt()).toEqual(first);
  });

  it('is kept apart between municipalities by row-level security', async () => {
    const a = (await createTestMunicipality(db)).id;
    const b = (await createTestMunicipality(db)).id;
    await withTenant(db.app, a, (trx) => dailyHistory(trx, a, '2026-12-06', FIT_MONTHS));
    const seen = await withTenant(db.app, b, (trx) =>
      trx.selectFrom('planning_history').select('municipality_id').execute(),
    );
    expect(seen.map((row) => row.municipality_id)).not.toContain(a);
  });
});
