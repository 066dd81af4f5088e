import { describe, expect, it } from 'vitest';
import { seededDemo, skipDemo } from '../../test/demo';
import { call } from '../../test/factories';

// The demo municipality has a fixed kommunekode, so this runs on PGlite only, where each test file
// has a database of its own (as the other demo seed tests).
describe.skipIf(skipDemo)('the demo shelters’ notifications (issue 16 §3, §11)', () => {
  const demo = seededDemo();

  it('fill the caseworker’s inbox, one acknowledged, and leave a letter for the handlekommune outside the deployment', async () => {
    const caseworker = await demo.login('caseworker');
    const inbox = (await call(caseworker, 'GET', '/api/shelters/notifications')) as {
      name: string;
      acknowledgedOn: string | null;
      citizenId: string | null;
    }[];
    expect(inbox.length).toBeGreaterThanOrEqual(4);
    expect(inbox.every((n) => n.citizenId !== null)).toBe(true);
    expect(inbox.filter((n) => n.acknowledgedOn !== null).map((n) => n.name)).toEqual(['Poul Kjær']);
    const tasks = (await call(caseworker, 'GET', '/api/tasks')).items as { kind: string }[];
    expect(tasks.some((t) => t.kind === 'shelter_notification_received')).toBe(true);
    const shelter = await demo.login('partner_shelter');
    const mine = await call(shelter, 'GET', '/api/shelters/mine');
    expect(mine.residents.find((s: { name: string }) => s.name === 'Jonas Brandt')).toMatchObject({
      handlekommune: '101',
      handlekommuneInDeployment: false,
    });
  });
});
