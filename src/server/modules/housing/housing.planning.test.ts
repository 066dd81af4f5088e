import { describe, expect, it } from 'vitest';
import { monthlySupply } from '../../../shared/planning/supply';
import { withTenant } from '../../db/database';
import { seededDemo, skipDemo } from '../../test/demo';
import { call } from '../../test/factories';
import { planningSupply } from './housing.planning.service';

describe.skipIf(skipDemo)('the supply the planning model reads (issue 19 §2)', () => {
  const demo = seededDemo();

  it('gives over a year the housing module’s expected units from the agreements (units × turnover × quota, § 59)', async () => {
    const m = await demo.municipalityId();
    const year = 2026;
    const expected = (await call(
      await demo.login('allocation'),
      'GET',
      `/api/housing/expected?year=${year}`,
    )) as {
      totals: { family: number; youth: number; elderly: number; alternative: number };
    };
    const supply = await withTenant(demo.db.app, m, (trx) => planningSupply(trx, m, `${year}-07-01`));
    const ends = Array.from({ length: 12 }, (_, i) =>
      new Date(Date.UTC(year, i + 1, 0)).toISOString().slice(0, 10),
    );
    const months = monthlySupply({ lines: supply.lines, builds: [], otherUnitsPerMonth: 0 }, ends);
    const { family, youth, elderly, alternative } = expected.totals;
    expect(family + youth).toBeGreaterThan(0);
    expect(months.agreements.reduce((a, b) => a + b, 0)).toBeCloseTo(
      family + youth + elderly + alternative,
      6,
    );
    expect(supply.organisations.length).toBeGreaterThan(0);
  });
});
