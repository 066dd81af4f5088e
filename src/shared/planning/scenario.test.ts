import { describe, expect, it } from 'vitest';
import { expectedPerYear } from '../housing/supply';
import { fitHistory } from './fit';
import { emptyMoves, emptyStocks, type PlanHistory } from './model';
import { type ScenarioBase, scenarioInput, supportPlaces } from './scenario';
import { forecast } from './simulate';

function history(): PlanHistory {
  const moves = emptyMoves();
  moves.shelter.shelter = 20;
  moves.shelter.waiting = 3;
  moves.waiting.waiting = 25;
  moves.waiting.housed_cti = 3;
  moves.housed_cti.housed_cti = 30;
  moves.housed_cti.housed = 2;
  moves.housed.housed = 80;
  moves.at_risk.at_risk = 10;
  moves.at_risk.housed = 4;
  moves.at_risk.shelter = 1;
  const start = { ...emptyStocks(), shelter: 23, waiting: 28, housed_cti: 32, housed: 80, at_risk: 15 };
  const end = { ...emptyStocks(), shelter: 24, waiting: 28, housed_cti: 33, housed: 86, at_risk: 14 };
  return {
    monthEnds: ['2026-09-30', '2026-10-31', '2026-11-30'],
    stocks: [start, start, end],
    moves: [moves, moves],
    inflow: [
      { ...emptyStocks(), at_risk: 4, shelter: 1 },
      { ...emptyStocks(), at_risk: 4, shelter: 1 },
    ],
    unitsReceived: [4, 4],
    waitingInShelter: { inShelter: 30, all: 56 },
  };
}

const base: ScenarioBase = {
  fittedUpTo: '2026-11-30',
  fitted: fitHistory(history()),
  economics: {
    netPerShelterDay: 1400,
    shelterRefundShare: 0.35,
    supportMonthlyCost: { cti: 8000, icm: 6000, act: 11000 },
    supportRefundShare: 0.25,
  },
  supply: {
    lines: [
      { organisationId: 'a', unitType: 'family', units: 600, turnoverPercent: 8, quotaPercent: 25 },
      { organisationId: 'b', unitType: 'youth', units: 200, turnoverPercent: 30, quotaPercent: 25 },
    ],
    builds: [],
    otherUnitsPerMonth: 0.25,
  },
  staffing: {
    cti: { fte: 2, caseloadNorm: 20 },
    icm: { fte: 1, caseloadNorm: 20 },
    act: { fte: 0, caseloadNorm: 10 },
  },
};

describe('a scenario as the user states it (issue 19 §3)', () => {
  it('is the baseline itself when it changes nothing: no levers, the same forecast', () => {
    const input = scenarioInput(base, { years: 2 }, 50, 7);
    expect(input.levers).toEqual({});
    expect(input.monthEnds).toHaveLength(24);
    expect(input.monthEnds[0]).toBe('2026-12-31');
    const same = scenarioInput(
      base,
      { years: 2, quotaPercent: { a: 25 }, staffing: { cti: { fte: 2 } } },
      50,
      7,
    );
    expect(forecast(same)).toEqual(forecast(input));
  });

  it('recomputes the supply with a new quota for an organisation and a new build in its ready month', () => {
    const input = scenarioInput(
      base,
      {
        years: 1,
        quotaPercent: { a: 40 },
        builds: [{ readyDate: '2027-06-01', units: 48, allocationPercent: 25 }],
      },
      10,
      1,
    );
    const baseline = input.baseline.unitsPerMonth;
    const changed = input.levers.unitsPerMonth ?? [];
    const extra = (expectedPerYear(600, 8, 40) - expectedPerYear(600, 8, 25)) / 12;
    expect(changed[0]).toBeCloseTo((baseline[0] ?? 0) + extra, 9);
    expect(changed[6]).toBeCloseTo((baseline[6] ?? 0) + extra + 12, 9);
  });

  it('gives support places of FTE × caseload norm (rule 18), with the staffing the scenario changes', () => {
    expect(supportPlaces(base.staffing)).toEqual({ cti: 40, icm: 20, act: 0 });
    const input = scenarioInput(
      base,
      { years: 1, staffing: { act: { fte: 1.5 }, cti: { caseloadNorm: 15 } } },
      10,
      1,
    );
    expect(input.levers.supportCapacity).toEqual({ cti: 30, icm: 20, act: 15 });
  });

  it('passes the target shelter stay and the prevention success on as levers', () => {
    const input = scenarioInput(
      base,
      { years: 1, shelterStayMonths: 3, preventionSuccessPercent: 80 },
      10,
      1,
    );
    expect(input.levers).toEqual({ shelterStayMonths: 3, preventionSuccessPercent: 80 });
  });
});
