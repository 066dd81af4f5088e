import { describe, expect, it } from 'vitest';
import { expectedPerYear } from '../housing/supply';
import { mulberry32 } from '../random';
import {
  fitHistory,
  meanRates,
  meanShelterStayMonths,
  monthWeight,
  preventionSuccess,
  RECENT_MONTHS,
} from './fit';
import {
  emptyMoves,
  emptyStocks,
  HOMELESS_STATES,
  type Moves,
  PLAN_STATES,
  type PlanEconomics,
  type PlanHistory,
  type PlanState,
  type Stocks,
  total,
} from './model';
import { binomial, dirichlet, gamma, multinomial, poisson } from './sampling';
import {
  applyLevers,
  type ForecastInput,
  forecast,
  forecastMonthEnds,
  simulatePath,
  stream,
} from './simulate';
import { monthlySupply } from './supply';

type Table = Partial<Record<PlanState, Partial<Stocks>>>;

/** Month ends from January 2024 on, `count` of them. */
function monthEnds(count: number, from = 2024): string[] {
  return Array.from({ length: count }, (_, i) => {
    const y = from + Math.floor(i / 12);
    const m = (i % 12) + 1;
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${y}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
  });
}

/** A history whose every month has the same moves and inflow (the stocks follow from them). */
function steadyHistory(table: Table, inflow: Partial<Stocks>, months = 24, units = 6): PlanHistory {
  const moves: Moves = emptyMoves();
  for (const [from, row] of Object.entries(table))
    for (const [to, n] of Object.entries(row ?? {})) moves[from as PlanState][to as PlanState] = n ?? 0;
  const atStart = emptyStocks();
  const atEnd = emptyStocks();
  for (const from of PLAN_STATES)
    for (const to of PLAN_STATES) {
      atStart[from] += moves[from][to];
      atEnd[to] += moves[from][to];
    }
  for (const [to, n] of Object.entries(inflow)) atEnd[to as PlanState] += n ?? 0;
  return {
    monthEnds: monthEnds(months + 1),
    stocks: Array.from({ length: months + 1 }, (_, t) => (t === months ? atEnd : atStart)),
    moves: Array.from({ length: months }, () => moves),
    inflow: Array.from({ length: months }, () => ({ ...emptyStocks(), ...inflow })),
    unitsReceived: Array.from({ length: months }, () => units),
    waitingInShelter: { inShelter: 30 * months, all: 60 * months },
  };
}

/** A municipality in miniature: people move between every kind of compartment each month. */
const TABLE: Table = {
  at_risk: { at_risk: 20, housed: 8, shelter: 2, other_homeless: 2, inactive: 1 },
  street: { street: 14, shelter: 3, other_homeless: 2, waiting: 1, inactive: 1 },
  shelter: { shelter: 40, street: 2, other_homeless: 2, waiting: 4, housed_cti: 1, inactive: 1 },
  other_homeless: { other_homeless: 30, shelter: 2, street: 1, waiting: 3, housed: 1, inactive: 2 },
  waiting: { waiting: 50, housed_cti: 3, housed_icm: 1, housed: 1, inactive: 1, shelter: 1 },
  housed_cti: { housed_cti: 30, housed: 3, shelter: 1 },
  housed_icm: { housed_icm: 15, housed: 1 },
  housed_act: { housed_act: 5 },
  housed: { housed: 190, housed_settled: 10, other_homeless: 1, inactive: 1 },
  housed_settled: { housed_settled: 600, at_risk: 2, other_homeless: 1 },
  inactive: { inactive: 290, inactive_settled: 10, street: 1, shelter: 1 },
  inactive_settled: { inactive_settled: 900, street: 1 },
};
const INFLOW: Partial<Stocks> = { at_risk: 12, street: 2, shelter: 3, other_homeless: 3, housed: 0 };

const ECONOMICS: PlanEconomics = {
  netPerShelterDay: 1500,
  shelterRefundShare: 0.4,
  supportMonthlyCost: { cti: 9000, icm: 7000, act: 12000 },
  supportRefundShare: 0.2,
};

function input(overrides: Partial<ForecastInput> = {}): ForecastInput {
  const months = 36;
  return {
    fitted: fitHistory(steadyHistory(TABLE, INFLOW)),
    economics: ECONOMICS,
    monthEnds: monthEnds(months, 2027),
    baseline: { unitsPerMonth: new Array(months).fill(6), supportCapacity: { cti: 45, icm: 20, act: 6 } },
    levers: {},
    draws: 60,
    seed: 42,
    ...overrides,
  };
}

describe('the planning model', () => {
  it('keeps every person: each month ends with those it started with plus the inflow, none below zero', () => {
    const fitted = fitHistory(steadyHistory(TABLE, INFLOW));
    for (let draw = 0; draw < 20; draw++) {
      const rates = meanRates(fitted);
      const path = simulatePath(
        fitted.start,
        rates,
        { unitsPerMonth: new Array(60).fill(7), supportCapacity: { cti: 40, icm: 18, act: 5 } },
        60,
        (t, part) => stream(draw, draw, t, part),
      );
      let before = total(fitted.start);
      for (const month of path) {
        expect(total(month.stocks)).toBe(before + month.inflow);
        for (const state of PLAN_STATES) expect(month.stocks[state]).toBeGreaterThanOrEqual(0);
        before = total(month.stocks);
      }
    }
  });

  it('gives the same forecast for the same seed, and another for another seed', () => {
    const a = forecast(input());
    const b = forecast(input());
    const c = forecast(input({ seed: 43 }));
    expect(b).toEqual(a);
    expect(c.series.waiting).not.toEqual(a.series.waiting);
  });

  it('reproduces the baseline exactly when a scenario sets the baseline’s own supply and support places', () => {
    const base = input();
    const same = input({
      levers: {
        unitsPerMonth: [...base.baseline.unitsPerMonth],
        supportCapacity: { cti: 45, icm: 20, act: 6 },
      },
    });
    expect(forecast(same).series).toEqual(forecast(base).series);
  });

  it('houses more from the waiting list when more units come, and the list and its waiting time shrink', () => {
    const base = forecast(input());
    const more = forecast(input({ levers: { unitsPerMonth: new Array(36).fill(12) } }));
    const last = 35;
    expect(more.series.lettings[last]?.mean).toBeGreaterThan(base.series.lettings[last]?.mean ?? 0);
    expect(more.series.waiting[last]?.mean).toBeLessThan(base.series.waiting[last]?.mean ?? 0);
    expect(more.waitingMonths[last]?.mean).toBeLessThan(base.waitingMonths[last]?.mean ?? 0);
  });

  it('narrows the band of uncertainty when the rates rest on a longer history', () => {
    const width = (months: number) => {
      const result = forecast(
        input({ fitted: fitHistory(steadyHistory(TABLE, INFLOW, months)), draws: 200 }),
      );
      const band = result.series.waiting[23];
      return (band?.high ?? 0) - (band?.low ?? 0);
    };
    expect(width(240)).toBeLessThan(width(6));
  });

  it('gives streams that differ for every seed, draw, month and part', () => {
    const firsts = new Set<number>();
    for (let seed = 0; seed < 4; seed++)
      for (let draw = 0; draw < 4; draw++)
        for (let month = -1; month < 4; month++)
          for (let part = 0; part < 4; part++) firsts.add(stream(seed, draw, month, part)());
    expect(firsts.size).toBe(4 * 4 * 5 * 4);
  });

  it('prices shelter days and support by the economics given (net less refunds)', () => {
    const result = forecast(input({ draws: 1 }));
    const t = 0;
    const days = result.series.shelterDays[t]?.mean ?? 0;
    expect(result.series.shelterNet[t]?.mean).toBeCloseTo(days * 1500, 6);
    expect(result.series.shelterRefund[t]?.mean).toBeCloseTo(days * 1500 * 0.4, 6);
    const support = result.series.supportCost[t]?.mean ?? 0;
    expect(result.series.netCost[t]?.mean).toBeCloseTo(days * 1500 * 0.6 + support * 0.8, 6);
  });

  it('turns away a start of support when its method has no free place: the citizen is housed without support', () => {
    const fitted = fitHistory(steadyHistory(TABLE, INFLOW));
    const path = simulatePath(
      fitted.start,
      meanRates(fitted),
      { unitsPerMonth: new Array(24).fill(6), supportCapacity: { cti: 0, icm: 0, act: 0 } },
      24,
      (t, part) => stream(1, 0, t, part),
    );
    expect(path.reduce((sum, m) => sum + m.supportRefused, 0)).toBeGreaterThan(0);
    for (const month of path) {
      expect(month.stocks.housed_cti).toBeLessThanOrEqual(fitted.start.housed_cti);
      expect(month.stocks.housed_icm).toBeLessThanOrEqual(fitted.start.housed_icm);
    }
  });
});

describe('the rates and their levers', () => {
  const fitted = fitHistory(steadyHistory(TABLE, INFLOW));

  it('estimates each compartment’s moves from the counts, with half a move of prior on each destination seen', () => {
    const rates = meanRates(fitted);
    const row = rates.rows.housed_icm;
    // housed_icm: 15 stayed and 1 left for housed each month, over 24 months.
    expect(row[PLAN_STATES.indexOf('housed_icm')]).toBeCloseTo((360 + 0.5) / (384 + 1), 12);
    expect(row[PLAN_STATES.indexOf('shelter')]).toBe(0);
    expect(rates.inflowPerMonth[PLAN_STATES.indexOf('at_risk')]).toBeCloseTo((288 + 0.5) / 24, 12);
    // Lettings from the waiting list: 5 a month against 6 units.
    expect(rates.usedShare).toBeCloseTo((120 + 0.5) / (144 + 1), 12);
    expect(rates.rows.waiting[PLAN_STATES.indexOf('housed_cti')]).toBe(0);
  });

  it('counts moves from the waiting list into a home beyond the units received as its own way out, not lettings', () => {
    // 5 a month housed from the list (3 CTI, 1 ICM, 1 without support) against 2 units a month.
    const few = fitHistory(steadyHistory(TABLE, INFLOW, 24, 2));
    expect(few.lettings.housed_cti + few.lettings.housed_icm + few.lettings.housed).toBeCloseTo(48, 9);
    // The lettings keep the split of the moves (3 : 1 : 1); the rest stays in the list's row.
    expect(few.lettings.housed_cti).toBeCloseTo((48 * 3) / 5, 9);
    const rates = meanRates(few);
    expect(rates.usedShare).toBeCloseTo((48 + 0.5) / (48 + 1), 12);
    const waitingRow = rates.rows.waiting;
    expect(waitingRow[PLAN_STATES.indexOf('housed_cti')]).toBeGreaterThan(0);
    expect(waitingRow.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // 72 own ways out among the list's 24 × 57 moves less its 48 lettings, with half a move of prior
    // on each of its six destinations.
    expect(waitingRow[PLAN_STATES.indexOf('housed')]).toBeCloseTo(
      (72 / 5 + 0.5) / (24 * 57 - 48 + 0.5 * 6),
      9,
    );
  });

  it('counts the last three years of a longer history, and a steady history gives the same rates however long', () => {
    expect(monthWeight(0)).toBe(1);
    expect(monthWeight(RECENT_MONTHS - 1)).toBe(1);
    expect(monthWeight(RECENT_MONTHS)).toBe(0);
    const long = fitHistory(steadyHistory(TABLE, INFLOW, 96));
    expect(long.months).toBe(RECENT_MONTHS);
    expect(meanRates(long).rows.shelter[PLAN_STATES.indexOf('shelter')]).toBeCloseTo(
      (40 * RECENT_MONTHS + 0.5) / (50 * RECENT_MONTHS + 3),
      9,
    );
  });

  it('lets a settled compartment’s people leave by a number a month, not a share, so that its returns do not grow with it', () => {
    const fitted = fitHistory(steadyHistory(TABLE, INFLOW));
    const rates = meanRates(fitted);
    const exits = rates.settledExits.housed_settled as number[];
    // Two moves a month into at risk, over 24 months, with half a move of prior.
    expect(exits[PLAN_STATES.indexOf('at_risk')]).toBeCloseTo((2 * 24 + 0.5) / 24, 12);
    expect(exits[PLAN_STATES.indexOf('housed_settled')]).toBe(0);
    const returns = (settled: number) => {
      const start = { ...fitted.start, housed_settled: settled };
      let sum = 0;
      for (let draw = 0; draw < 200; draw++) {
        const [month] = simulatePath(
          start,
          rates,
          { unitsPerMonth: [6], supportCapacity: { cti: 45, icm: 20, act: 6 } },
          1,
          (t, part) => stream(7, draw, t, part),
        );
        sum += settled + 10 - (month?.stocks.housed_settled ?? 0);
      }
      return sum / 200;
    };
    // Ten times as many settled: about the same number leave (and no more than there are).
    expect(Math.abs(returns(6000) - returns(600))).toBeLessThan(1);
    expect(returns(1)).toBeLessThanOrEqual(11);
  });

  it('sets the mean length of a shelter stay to the target (a target of 4 months: a quarter leave each month)', () => {
    const rates = applyLevers(meanRates(fitted), { shelterStayMonths: 4 });
    expect(meanShelterStayMonths(rates)).toBeCloseTo(4, 10);
    expect(rates.rows.shelter.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('sends no one at risk into homelessness at a prevention success of 100 %, and 60 % there at 40 %', () => {
    const all = applyLevers(meanRates(fitted), { preventionSuccessPercent: 100 });
    for (const s of HOMELESS_STATES) expect(all.rows.at_risk[PLAN_STATES.indexOf(s)]).toBe(0);
    expect(all.rows.at_risk.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(preventionSuccess(all)).toBeCloseTo(1, 12);
    const some = applyLevers(meanRates(fitted), { preventionSuccessPercent: 40 });
    expect(preventionSuccess(some)).toBeCloseTo(0.4, 12);
  });
});

describe('the supply', () => {
  it('gives in a year the housing module’s expected units plus the builds ready in that year (§ 59 quota × turnover)', () => {
    const lines = [
      { organisationId: 'a', unitType: 'family' as const, units: 400, turnoverPercent: 9, quotaPercent: 25 },
      { organisationId: 'a', unitType: 'youth' as const, units: 120, turnoverPercent: 30, quotaPercent: 25 },
      { organisationId: 'b', unitType: 'family' as const, units: 250, turnoverPercent: 7, quotaPercent: 33 },
    ];
    const builds = [
      { readyDate: '2027-05-01', units: 40, allocationPercent: 25 },
      { readyDate: '2028-02-01', units: 20, allocationPercent: 50 },
    ];
    const supply = monthlySupply({ lines, builds, otherUnitsPerMonth: 0.5 }, monthEnds(12, 2027));
    const year = supply.total.reduce((a, b) => a + b, 0);
    const expected = lines.reduce(
      (s, l) => s + expectedPerYear(l.units, l.turnoverPercent, l.quotaPercent),
      0,
    );
    expect(year).toBeCloseTo(expected + 40 * 0.25 + 12 * 0.5, 9);
    expect(supply.builds[4]).toBe(10);
  });

  it('applies a new quota to every line of the organisation it names, and adds the new builds', () => {
    const lines = [
      { organisationId: 'a', unitType: 'family' as const, units: 400, turnoverPercent: 9, quotaPercent: 25 },
      { organisationId: 'b', unitType: 'family' as const, units: 250, turnoverPercent: 7, quotaPercent: 33 },
    ];
    const ends = monthEnds(12, 2027);
    const base = monthlySupply({ lines, builds: [], otherUnitsPerMonth: 0 }, ends);
    const changed = monthlySupply({ lines, builds: [], otherUnitsPerMonth: 0 }, ends, {
      quotaPercent: { a: 50 },
      builds: [{ readyDate: '2027-09-15', units: 30, allocationPercent: 100 }],
    });
    expect(changed.agreements[0]).toBeCloseTo(
      (base.agreements[0] ?? 0) + expectedPerYear(400, 9, 25) / 12,
      12,
    );
    expect(changed.builds[8]).toBe(30);
  });
});

describe('the compartments', () => {
  it('start empty with every compartment there, in the order of PLAN_STATES', () => {
    expect(Object.keys(emptyStocks())).toEqual([...PLAN_STATES]);
    expect(total(emptyStocks())).toBe(0);
  });
});

describe('the months of a forecast', () => {
  it('are the month ends after the month of the last one fitted, across a year end', () => {
    expect(forecastMonthEnds('2026-11-30', 4)).toEqual([
      '2026-12-31',
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
    ]);
    expect(forecastMonthEnds('2027-12-31', 3)).toEqual(['2028-01-31', '2028-02-29', '2028-03-31']);
  });
});

describe('the random draws', () => {
  const u = mulberry32(7);

  it('splits people without losing any (multinomial)', () => {
    for (let i = 0; i < 200; i++) {
      const n = Math.floor(u() * 500);
      const parts = multinomial(u, n, [0.1, 0, 0.3, 0.6, 0]);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(n);
      expect(parts[1]).toBe(0);
      expect(parts[4]).toBe(0);
    }
  });

  it('draws binomials, Poissons and gammas with the right means', () => {
    const mean = (f: () => number, n = 20_000) => Array.from({ length: n }, f).reduce((a, b) => a + b, 0) / n;
    expect(mean(() => binomial(u, 20, 0.15))).toBeCloseTo(3, 1);
    expect(mean(() => binomial(u, 400, 0.3))).toBeCloseTo(120, 0);
    expect(mean(() => poisson(u, 4))).toBeCloseTo(4, 1);
    expect(mean(() => poisson(u, 80))).toBeCloseTo(80, 0);
    expect(mean(() => gamma(u, 0.5))).toBeCloseTo(0.5, 1);
    expect(mean(() => gamma(u, 9))).toBeCloseTo(9, 0);
    const d = dirichlet(u, [1, 2, 3]);
    expect(d.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});
