import { describe, expect, it } from 'vitest';
import { withTenant } from '../../db/database';
import { seededDemo, skipDemo } from '../../test/demo';
import { call } from '../../test/factories';
import { placementsForEconomics } from '.';

// The demo municipality has a fixed kommunekode, so this runs on PGlite only (as the other demo
// seed tests).
describe.skipIf(skipDemo)('the demo placements and skæve boliger (issue 16 §6, §11)', () => {
  const demo = seededDemo();

  it('show the 10 skæve boliger at Thorsholm, most let, and § 107 / § 108 placements with tasks', async () => {
    const caseworker = await demo.login('caseworker');
    const { units, ended } = await call(caseworker, 'GET', '/api/skaeve-boliger');
    expect(units).toHaveLength(10);
    expect(units.every((u: { project: string }) => u.project === 'Thorsholm')).toBe(true);
    const let_ = units.filter((u: { tenancy: unknown }) => u.tenancy !== null).length;
    expect(let_).toBeGreaterThanOrEqual(7);
    expect(ended.length).toBeGreaterThanOrEqual(1);
    const active = (await call(caseworker, 'GET', '/api/placements')) as { kind: string }[];
    expect(active.filter((p) => p.kind === 's107').length).toBeGreaterThanOrEqual(2);
    expect(active.filter((p) => p.kind === 's108').length).toBeGreaterThanOrEqual(3);
    const kinds = ((await call(caseworker, 'GET', '/api/tasks')).items as { kind: string }[]).map(
      (t) => t.kind,
    );
    expect(kinds).toContain('placement_move_in_overdue');
    expect(kinds).toContain('placement_next_step');
  });

  it('have two § 107 stays decided before a shelter discharge (§ 176 a stk. 2)', async () => {
    const m = await demo.municipalityId();
    const placements = await withTenant(demo.db.app, m, (trx) =>
      placementsForEconomics(trx, m, '2000-01-01', '2100-01-01'),
    );
    const stays = await withTenant(demo.db.app, m, (trx) =>
      trx
        .selectFrom('shelter_stay')
        .select(['citizen_id', 'discharged_on'])
        .where('discharged_on', 'is not', null)
        .execute(),
    );
    const afterShelter = placements.filter(
      (p) =>
        p.kind === 's107' &&
        stays.some(
          (s) =>
            s.citizen_id === p.citizenId &&
            p.decidedOn < String(s.discharged_on) &&
            p.start >= String(s.discharged_on),
        ),
    );
    expect(afterShelter).toHaveLength(2);
  });
});
