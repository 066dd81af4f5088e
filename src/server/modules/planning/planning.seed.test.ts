import { describe, expect, it } from 'vitest';
import type { PlanningBaseline, ScenarioDetail, ScenarioSummary } from '../../../shared/planning/api';
import { seededDemo, skipDemo } from '../../test/demo';
import { call } from '../../test/factories';

describe.skipIf(skipDemo)("the demo municipality's planning (issue 19)", () => {
  const demo = seededDemo();

  it("has a baseline fitted on three years of its own history, the past suppressed at the municipality's limit (rule 33)", async () => {
    const leader = await demo.login('leader');
    const baseline: PlanningBaseline = await call(leader, 'GET', '/api/planning/baseline');
    expect(baseline.fitMonths).toBe(36);
    expect(baseline.past.monthEnds).toHaveLength(37);
    const homeless = baseline.past.series.homeless;
    expect(homeless.every((n) => typeof n === 'number' && n >= 5)).toBe(true);
    // Rule 33: no count from 1 to 4 is shown; such a count reads "<5".
    for (const series of Object.values(baseline.past.series))
      for (const n of series) expect(typeof n === 'number' && n > 0 && n < 5).toBe(false);
    expect(baseline.supply.organisations.length).toBeGreaterThan(0);
    expect(baseline.supply.agreementsPerYear).toBeGreaterThan(0);
    expect(baseline.assumptions.inflowPerMonth).toBeGreaterThan(0);
    expect(baseline.economics.netPerShelterDay).toBeGreaterThan(0);
  });

  it('holds the baseline and a scenario with more homes, both done and in the committee report; more homes shorten the list', async () => {
    const leader = await demo.login('leader');
    const { scenarios }: { scenarios: ScenarioSummary[] } = await call(
      leader,
      'GET',
      '/api/planning/scenarios',
    );
    expect(scenarios.map((s) => [s.name, s.status, s.inReport])).toEqual([
      ['Flere boliger: højere kvote og nybyggeri', 'done', true],
      ['Basis', 'done', true],
    ]);
    const [more, basis] = (await Promise.all(
      scenarios.map((s) => call(leader, 'GET', `/api/planning/scenarios/${s.id}`)),
    )) as ScenarioDetail[];
    const last = (d: ScenarioDetail | undefined) => d?.result?.years.at(-1);
    expect(last(more)?.lettings).toBeGreaterThan(last(basis)?.lettings ?? Number.POSITIVE_INFINITY);
    expect(last(more)?.waiting.mean).toBeLessThan(last(basis)?.waiting.mean ?? 0);
    // The scenario changes the supply only: at least as many dwellings every month, the same places.
    const units = (d: ScenarioDetail | undefined) => d?.result?.units ?? [];
    expect(units(more).every((u, t) => u >= (units(basis)[t] ?? Number.POSITIVE_INFINITY))).toBe(true);
    expect(more?.result?.capacity).toEqual(basis?.result?.capacity);
    expect(more?.fittedUpTo).toBe(basis?.fittedUpTo);
  });
});
