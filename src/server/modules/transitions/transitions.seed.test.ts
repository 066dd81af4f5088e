import { describe, expect, it } from 'vitest';
import { seededDemo, skipDemo } from '../../test/demo';
import { call } from '../../test/factories';

// The demo municipality has a fixed kommunekode, so this runs on PGlite only (as the other demo
// seed tests).
describe.skipIf(skipDemo)('the demo transition plans and youth offers (issue 17 §4–5, §9)', () => {
  const demo = seededDemo();

  it('show plans for young people with a meeting held, decisions, an overdue action and the next meeting', async () => {
    const caseworker = await demo.login('caseworker');
    const plans = (await call(caseworker, 'GET', '/api/transitions')) as {
      id: string;
      age: number;
      nextMeetingOn: string | null;
      overdueActions: number;
    }[];
    expect(plans.length).toBeGreaterThanOrEqual(2);
    for (const p of plans) {
      expect(p.age).toBeGreaterThanOrEqual(15);
      expect(p.age).toBeLessThanOrEqual(29);
      expect(p.nextMeetingOn).not.toBeNull();
      expect(p.overdueActions).toBe(1);
    }
    const plan = await call(caseworker, 'GET', `/api/transitions/${plans[0]?.id}`);
    expect(
      plan.meetings.some((m: { recorded: boolean; decisions: string | null }) => m.recorded && m.decisions),
    ).toBe(true);
    expect(plan.offers.length).toBeGreaterThan(0);
    const kinds = ((await call(caseworker, 'GET', '/api/tasks')).items as { kind: string }[]).map(
      (t) => t.kind,
    );
    expect(kinds).toContain('transition_action_overdue');
  });

  it("let the support worker, who takes part, see the plans and find the worker's actions in Mine opgaver", async () => {
    const support = await demo.login('support');
    expect((await call(support, 'GET', '/api/transitions')).length).toBeGreaterThanOrEqual(2);
    const kinds = ((await call(support, 'GET', '/api/tasks')).items as { kind: string }[]).map((t) => t.kind);
    expect(kinds).toContain('transition_action');
  });

  it('hold the catalogue of youth offers, from ungeguide to ungestøtte', async () => {
    const admin = await demo.login('admin');
    const offers = (await call(admin, 'GET', '/api/youth-offers')) as { kind: string }[];
    expect(new Set(offers.map((o) => o.kind))).toEqual(
      new Set([
        'ungeguide',
        'mentor',
        'stoettekontaktperson',
        'kui',
        'ungebolig',
        'cti',
        'behandling',
        'ungestoette',
      ]),
    );
  });
});
