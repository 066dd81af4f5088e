import { describe, expect, it } from 'vitest';
import { today } from '../../../shared/dates';
import { withTenant } from '../../db/database';
import { seededDemo, skipDemo } from '../../test/demo';
import { methodCapacity } from './support.service';

describe.skipIf(skipDemo)('the support staffing per Housing First method (issue 19 §3, rule 18)', () => {
  const demo = seededDemo();

  it('shares the active workers’ FTE between the methods as their clients over the norm use it', async () => {
    const m = await demo.municipalityId();
    const onDate = today();
    const capacity = await withTenant(demo.db.app, m, (trx) => methodCapacity(trx, m, onDate));
    const workers = await withTenant(demo.db.app, m, (trx) =>
      trx.selectFrom('support_worker').select('fte').where('active', '=', true).execute(),
    );
    const fte = workers.reduce((sum, w) => sum + Number(w.fte), 0);
    const { cti, icm, act } = capacity;
    expect(fte).toBeGreaterThan(0);
    expect(cti.fte + icm.fte + act.fte).toBeCloseTo(fte, 9);
    // The default norms: CTI 20, ICM 20, ACT 10 clients per full-time worker.
    expect([cti.caseloadNorm, icm.caseloadNorm, act.caseloadNorm]).toEqual([20, 20, 10]);
    const use = cti.active / 20 + icm.active / 20 + act.active / 10;
    expect(use).toBeGreaterThan(0);
    expect(cti.fte).toBeCloseTo((fte * cti.active) / 20 / use, 9);
    expect(act.fte).toBeCloseTo((fte * act.active) / 10 / use, 9);
  });
});
