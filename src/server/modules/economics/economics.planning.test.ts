import { describe, expect, it } from 'vitest';
import type { EconomicsReport } from '../../../shared/economics/api';
import { withTenant } from '../../db/database';
import { seededDemo, skipDemo } from '../../test/demo';
import { call } from '../../test/factories';
import { planningEconomics } from './economics.service';

describe.skipIf(skipDemo)('the prices of the planning model (issue 19 §3)', () => {
  const demo = seededDemo();

  it('are the economics report’s own figures: refund shares of its costs, and the methods’ monthly costs', async () => {
    const m = await demo.municipalityId();
    const prices = await withTenant(demo.db.app, m, (trx) => planningEconomics(trx, m));
    const report = (await call(await demo.login('economy'), 'GET', '/api/economics')) as EconomicsReport;
    const { shelter, stayRefund, support, supportRefund } = report.total;
    if (shelter === null || stayRefund === null || support === null || supportRefund === null)
      throw new Error('the demo’s totals should not be suppressed');
    expect(shelter).toBeGreaterThan(0);
    expect(prices.shelterRefundShare).toBeCloseTo(stayRefund / shelter, 3);
    expect(prices.supportRefundShare).toBeCloseTo(supportRefund / support, 3);
    // § 110 shelter days cost the rate less the resident's own payment (87 kr. a day by default).
    expect(prices.netPerShelterDay).toBeGreaterThan(0);
    expect(prices.supportMonthlyCost.cti).toBeGreaterThan(0);
    expect(prices.supportMonthlyCost.act).toBeGreaterThan(prices.supportMonthlyCost.icm);
  });
});
