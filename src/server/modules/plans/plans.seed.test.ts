import { describe, expect, it } from 'vitest';
import { seededDemo, skipDemo } from '../../test/demo';
import { call } from '../../test/factories';

// The demo municipality has a fixed kommunekode, so (like src/server/demo/seed.test.ts) this runs on
// PGlite only, where each test file has a database of its own.
describe.skipIf(skipDemo)('the demo plans (issue 15 §6–7)', () => {
  const demo = seededDemo();

  it('gives the coordinators plans with overdue actions, sanctions and a deposit loan waiting', async () => {
    const caseworker = await demo.login('caseworker');
    const support = await demo.login('support');
    const plans = await call(caseworker, 'GET', '/api/plans?scope=all');
    expect(plans.length).toBeGreaterThanOrEqual(3);
    expect(plans.some((p: { overdueActions: number }) => p.overdueActions > 0)).toBe(true);
    expect((await call(support, 'GET', '/api/plans')).length).toBeGreaterThan(0);
    expect((await call(caseworker, 'GET', '/api/plans/sanctions')).length).toBeGreaterThanOrEqual(2);
    const deposit = await call(caseworker, 'GET', '/api/plans/deposit-cases');
    expect(
      deposit.cases.some(
        (c: { overLimit: boolean; liveOfferReplyBy: string | null }) => c.overLimit && c.liveOfferReplyBy,
      ),
    ).toBe(true);
    const kinds = async (s: typeof caseworker) =>
      ((await call(s, 'GET', '/api/tasks')).items as { kind: string }[]).map((t) => t.kind);
    expect(await kinds(caseworker)).toEqual(
      expect.arrayContaining([
        'plan_action_overdue',
        'plan_review_due',
        'plan_sanction_alert',
        'plan_deposit_alert',
      ]),
    );
    expect(await kinds(support)).toEqual(
      expect.arrayContaining(['plan_action_overdue', 'plan_sanction_alert']),
    );
  });
});
