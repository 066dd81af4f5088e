import { describe, expect, it } from 'vitest';
import { seededDemo, skipDemo } from '../../test/demo';
import { call } from '../../test/factories';

interface Item {
  citizenId: string;
  age: number;
  situation: string | null;
  educationStatus: string | null;
  placedNow: boolean;
  formerlyPlaced: boolean;
  decisionDeadline: string | null;
  pair: { fromAge: number } | null;
}

const HOMELESS = ['street', 'night_shelter', 'shelter', 'family_friends', 'hotel', 'other', 'unknown'];

// The demo municipality has a fixed kommunekode, so this runs on PGlite only (as the other demo
// seed tests).
describe.skipIf(skipDemo)('the demo young people (issue 17 §9)', () => {
  const demo = seededDemo();

  it('show about 20 young homeless aged 18–29 with profiles, some formerly placed, a placed 17-year-old with a deadline, a placed 16½-year-old and a pair', async () => {
    const caseworker = await demo.login('caseworker');
    const { items } = (await call(caseworker, 'GET', '/api/youth')) as { items: Item[] };
    const homeless = items.filter(
      (i) => i.age >= 18 && HOMELESS.includes(i.situation ?? '') && i.educationStatus,
    );
    expect(homeless.length).toBeGreaterThanOrEqual(15);
    expect(homeless.filter((i) => i.formerlyPlaced).length).toBeGreaterThanOrEqual(4);
    const seventeen = items.find((i) => i.age === 17 && i.placedNow);
    expect(seventeen?.decisionDeadline).toBeTruthy();
    expect(seventeen?.pair?.fromAge).toBe(16);
    expect(items.some((i) => i.age === 16 && i.placedNow && i.pair)).toBe(true);

    const kinds = ((await call(caseworker, 'GET', '/api/tasks')).items as { kind: string }[]).map(
      (t) => t.kind,
    );
    expect(kinds).toContain('youth_decision_due');
    expect(kinds).toContain('youth_left_care_without_plan');

    const profile = await call(caseworker, 'GET', `/api/youth/${seventeen?.citizenId}`);
    expect(profile.profile.ownGoals).toMatch(/smed/);
    expect(profile.youthUnit.eligible).toBe(true);
  });

  it('show the support worker the young people they support, and no one else', async () => {
    const support = await demo.login('support');
    const { items } = (await call(support, 'GET', '/api/youth')) as { items: Item[] };
    const caseworker = await demo.login('caseworker');
    const all = (await call(caseworker, 'GET', '/api/youth')) as { items: Item[] };
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(all.items.length);
  });
});
