import { describe, expect, it } from 'vitest';
import type { CaseloadView, FidelityOverview, RetentionReport } from '../../../shared/support/api';
import { seededDemo, skipDemo } from '../../test/demo';
import { call } from '../../test/factories';

/** The support module's demo year (issue 15 §10): every support page shows figures at first start. */

const demo = seededDemo();

describe.skipIf(skipDemo)('support in the demo municipality', () => {
  it('gives the demo support worker a caseload over the norm, a CTI pattern warning and a task', async () => {
    const support = await demo.login('support');
    const caseload = (await call(support, 'GET', '/api/support/caseload')) as CaseloadView;
    expect(caseload.enrollments.length).toBeGreaterThanOrEqual(8);
    expect(caseload.overNorm).toBe(true);
    expect(caseload.patternWarnings.length).toBeGreaterThan(0);
    const detail = await call(support, 'GET', `/api/support/enrollments/${caseload.enrollments[0]?.id}`);
    expect(detail.contacts.length).toBeGreaterThan(0);
    const tasks = await call(support, 'GET', '/api/tasks');
    expect(tasks.items.map((t: { kind: string }) => t.kind)).toContain('support_contact_gap');
  });

  it('gives the leader fidelity figures by team and month, and housing retention', async () => {
    const leader = await demo.login('leader');
    const fidelity = (await call(leader, 'GET', '/api/support/fidelity')) as FidelityOverview;
    expect(fidelity.units.filter((u) => u.kind === 'team').map((u) => u.name)).toEqual(
      expect.arrayContaining(['CTI-teamet', 'ICM-teamet', 'ACT-teamet']),
    );
    expect(fidelity.units.some((u) => typeof u.active === 'number' && u.active >= 5)).toBe(true);
    expect(
      fidelity.months.filter((m) => typeof m.active === 'number' && m.active >= 5).length,
    ).toBeGreaterThan(3);
    const retention = (await call(leader, 'GET', '/api/support/retention')) as RetentionReport;
    expect(retention.rows.find((r) => r.group === 'all')?.tenancies).not.toBe(0);
  });
});
