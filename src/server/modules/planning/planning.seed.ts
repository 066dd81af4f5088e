import { addDays, today } from '../../../shared/dates';
import type { Permission } from '../../../shared/permissions';
import type { ScenarioRequest } from '../../../shared/planning/api';
import type { Tx } from '../../db/database';
import type { DemoContext } from '../../platform/module';
import { planningSupply } from '../housing';
import { createScenario, runScenarioHere, setInReport } from './planning.service';

const PERMISSIONS: Permission[] = ['planning.read', 'planning.run'];

/**
 * The demo's planning (issue 19): the leader's baseline and a scenario with more homes — the first
 * organisation's quota 15 points higher and 24 new family homes in a year and a half, a quarter of
 * them for the municipality — both run on the demo's own history and added to the committee report.
 */
export async function seedPlanningDemo(trx: Tx, demo: DemoContext): Promise<void> {
  const actor = demo.actorOf('leader', PERMISSIONS);
  const m = actor.municipalityId;
  const supply = await planningSupply(trx, m, today());
  const first = supply.organisations[0];
  const requests: ScenarioRequest[] = [
    { name: 'Basis', scenario: { years: 5 } },
    {
      name: 'Flere boliger: højere kvote og nybyggeri',
      scenario: {
        years: 5,
        ...(first ? { quotaPercent: { [first.id]: Math.min(100, first.quotaPercent + 15) } } : {}),
        builds: [{ readyDate: addDays(today(), 548), units: 24, allocationPercent: 25 }],
      },
    },
  ];
  for (const request of requests) {
    const saved = await createScenario(trx, actor, request);
    await runScenarioHere(trx, m, saved.id, request);
    await setInReport(trx, actor, saved.id, true);
  }
}
