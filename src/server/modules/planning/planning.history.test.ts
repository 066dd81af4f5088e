import { describe, expect, it } from 'vitest';
import { today } from '../../../shared/dates';
import { type Moves, PLAN_STATES, type PlanState, type Stocks, total } from '../../../shared/planning/model';
import { withTenant } from '../../db/database';
import { seededDemo, skipDemo } from '../../test/demo';
import type { CitizenHistory } from '../citizens';
import { planningHistory, settle, statesOf } from './planning.history.service';

describe('settled compartments', () => {
  it('count a citizen housed with or without support for twelve month ends in a row as settled from the thirteenth', () => {
    const housed: (PlanState | null)[] = [
      null,
      'shelter',
      ...Array(6).fill('housed_cti'),
      ...Array(8).fill('housed'),
    ];
    const settled = settle(housed);
    expect(settled.slice(0, 14)).toEqual(housed.slice(0, 14));
    expect(settled.slice(14)).toEqual(['housed_settled', 'housed_settled']);
  });

  it('count twelve inactive month ends in a row as settled, and start again after a return', () => {
    const inactive: (PlanState | null)[] = [...Array(13).fill('inactive'), 'street', 'inactive'];
    expect(settle(inactive)).toEqual([
      ...Array(12).fill('inactive'),
      'inactive_settled',
      'street',
      'inactive',
    ]);
  });
});

describe('a citizen’s compartment at each month end (issue 19 §1)', () => {
  const person: CitizenHistory = {
    birthDate: '1990-05-01',
    registeredOn: '2025-01-10',
    diedOn: null,
    movedAwayOn: null,
    episodes: [
      {
        situation: 'shelter',
        fromDate: '2025-01-10',
        releaseDate: null,
        housingSolution: null,
        recordedAt: 'a',
      },
      {
        situation: 'housed',
        fromDate: '2025-06-15',
        releaseDate: null,
        housingSolution: null,
        recordedAt: 'b',
      },
    ],
    contacts: ['2025-02-20', '2025-03-20', '2025-04-20', '2025-05-20'],
  };
  const ends = [
    '2024-12-31',
    '2025-01-31',
    '2025-02-28',
    '2025-03-31',
    '2025-05-31',
    '2025-06-30',
    '2025-12-31',
  ];

  it('follows a citizen from a shelter onto the waiting list and into a home with CTI, and not before registration', () => {
    const states = statesOf(
      person,
      ends,
      { noContactDays: 90, institutionDays: 90 },
      [{ from: '2025-03-01', to: '2025-06-15' }],
      { cti: [{ from: '2025-06-15', to: '2025-12-01' }] },
    );
    expect(states.map((s) => s.state)).toEqual([
      null,
      'shelter',
      'shelter',
      'waiting',
      'waiting',
      'housed_cti',
      'housed',
    ]);
    expect(states[3]?.situation).toBe('shelter');
  });

  it('makes a homeless citizen inactive after the policy’s days without contact, on the list or not (rule 36)', () => {
    const quiet = { ...person, contacts: [] };
    const states = statesOf(quiet, ends, { noContactDays: 90, institutionDays: 90 }, undefined, undefined);
    expect(states[4]?.state).toBe('inactive');
  });
});

describe.skipIf(skipDemo)('the demo municipality’s planning history', () => {
  const demo = seededDemo();

  it('accounts for everyone: each month end holds the moves from the one before plus those new to the list', async () => {
    const m = await demo.municipalityId();
    const history = await withTenant(demo.db.app, m, (trx) => planningHistory(trx, m, today(), 24));
    expect(history.monthEnds).toHaveLength(25);
    expect((history.monthEnds.at(-1) as string) < today()).toBe(true);
    const stocksAt = (t: number) => history.stocks[t] as Stocks;
    for (let t = 0; t < 24; t++) {
      const moves = history.moves[t] as Moves;
      const inflow = history.inflow[t] as Stocks;
      for (const from of PLAN_STATES) {
        const out = PLAN_STATES.reduce((sum, to) => sum + moves[from][to], 0);
        expect(out, `moves out of ${from} in month ${t}`).toBe(stocksAt(t)[from]);
      }
      for (const to of PLAN_STATES) {
        const into = PLAN_STATES.reduce((sum, from) => sum + moves[from][to], 0) + inflow[to];
        expect(into, `moves into ${to} in month ${t}`).toBe(stocksAt(t + 1)[to]);
      }
      expect(total(stocksAt(t + 1))).toBe(total(stocksAt(t)) + total(inflow));
    }
    // The demo has people in every kind of place, and units received for allocation.
    const last = stocksAt(24);
    for (const state of ['shelter', 'waiting', 'housed', 'inactive'] as PlanState[])
      expect(last[state], state).toBeGreaterThan(0);
    expect(history.unitsReceived.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
