import { describe, expect, it } from 'vitest';
import { addDays, ageOn } from '../dates';
import { monthEndsBetween } from '../insight/flow';
import { mulberry32 } from '../random';
import {
  ageBand,
  type InactivityPolicy,
  onListOn,
  type StatusHistory,
  type StatusInput,
  situationRuns,
  statusesOn,
  statusOn,
} from './status';
import { SITUATIONS } from './whereabouts';

const base: StatusInput = {
  episodes: [],
  lastContactOn: null,
  registeredOn: '2026-01-01',
  movedAwayOn: null,
  diedOn: null,
};

describe('status on a date (domain.md §9 and rules 35–36)', () => {
  it('is homeless in a VIVE situation and follows the history date by date', () => {
    const input = {
      ...base,
      episodes: [
        { situation: 'shelter' as const, fromDate: '2026-01-01' },
        { situation: 'housed' as const, fromDate: '2026-03-01' },
      ],
    };
    expect(statusOn(input, '2026-02-01')).toMatchObject({ status: 'homeless', situation: 'shelter' });
    expect(statusOn(input, '2026-03-01')).toMatchObject({ status: 'housed', situation: 'housed' });
  });

  it('lets the episode recorded last win when two start the same day, whatever order they come in', () => {
    const shelter = {
      situation: 'shelter' as const,
      fromDate: '2026-02-01',
      recordedAt: '2026-02-01T09:00:00Z',
    };
    const housed = {
      situation: 'housed' as const,
      fromDate: '2026-02-01',
      recordedAt: '2026-02-01T15:00:00Z',
    };
    expect(statusOn({ ...base, episodes: [housed, shelter] }, '2026-02-02').situation).toBe('housed');
    expect(statusOn({ ...base, episodes: [shelter, housed] }, '2026-02-02').situation).toBe('housed');
  });

  it('keeps a Danish couch-surfer active as homeless, never inactive for being with family/friends (domain.md §9, Fit with Denmark)', () => {
    const input = {
      ...base,
      episodes: [
        { situation: 'family_friends' as const, fromDate: '2026-01-01', temporary: true, hasContract: false },
      ],
      lastContactOn: '2026-03-01',
    };
    expect(statusOn(input, '2026-04-01')).toMatchObject({ status: 'homeless', situation: 'family_friends' });
  });

  it('makes a homeless citizen inactive after the policy’s days without contact, flagged with the reason (domain.md rule 36)', () => {
    const input = {
      ...base,
      episodes: [{ situation: 'street' as const, fromDate: '2026-01-01' }],
      lastContactOn: '2026-01-10',
    };
    expect(statusOn(input, '2026-04-10')).toMatchObject({ status: 'homeless' });
    expect(statusOn(input, '2026-04-11')).toMatchObject({ status: 'inactive', inactiveReason: 'no_contact' });
    expect(statusOn(input, '2026-04-11', { noContactDays: 120, institutionDays: 90 })).toMatchObject({
      status: 'homeless',
    });
  });

  it('makes a citizen inactive after more than 90 days in an institution (domain.md rule 36, BfZ inactive policy)', () => {
    const input = {
      ...base,
      episodes: [{ situation: 'institution' as const, fromDate: '2026-01-01' }],
      lastContactOn: '2026-01-01',
    };
    expect(statusOn(input, '2026-04-01')).toMatchObject({ status: 'homeless', situation: 'institution' });
    expect(statusOn(input, '2026-04-02')).toMatchObject({
      status: 'inactive',
      inactiveReason: 'institution',
    });
  });

  it('returns a prisoner from inactive to homeless when the month before release begins (domain.md rule 2)', () => {
    const input = {
      ...base,
      episodes: [
        {
          situation: 'prison' as const,
          fromDate: '2025-06-01',
          releaseDate: '2026-06-15',
          housingSolution: false,
        },
      ],
      lastContactOn: '2026-05-20',
    };
    expect(statusOn(input, '2026-05-01')).toMatchObject({
      status: 'inactive',
      inactiveReason: 'institution',
    });
    expect(statusOn(input, '2026-05-20')).toMatchObject({ status: 'homeless', situation: 'prison' });
  });

  it('makes died and moved away inactive from that date', () => {
    const input = {
      ...base,
      episodes: [{ situation: 'street' as const, fromDate: '2026-01-01' }],
      diedOn: '2026-02-01',
    };
    expect(statusOn(input, '2026-01-31').status).toBe('homeless');
    expect(statusOn(input, '2026-02-01')).toMatchObject({ status: 'inactive', inactiveReason: 'died' });
    expect(statusOn({ ...base, movedAwayOn: '2026-01-05' }, '2026-01-05')).toMatchObject({
      inactiveReason: 'moved_away',
    });
  });

  it('is at risk in an own home at risk, and homeless with unknown whereabouts until contact lapses', () => {
    expect(
      statusOn({ ...base, episodes: [{ situation: 'at_risk', fromDate: '2026-01-01' }] }, '2026-01-02')
        .status,
    ).toBe('at_risk');
    expect(
      statusOn({ ...base, episodes: [{ situation: 'unknown', fromDate: '2026-01-01' }] }, '2026-01-02')
        .status,
    ).toBe('homeless');
  });
});

describe('age bands of the national count (domain.md §1, rule 8)', () => {
  it('counts whole years and places them in <18, 18–24, 25–29, 30–39, 40–49, 50–59, 60+', () => {
    expect(ageOn('2000-02-07', '2022-02-06')).toBe(21);
    expect(ageOn('2000-02-07', '2022-02-07')).toBe(22);
    expect([17, 18, 24, 25, 29, 30, 49, 59, 60].map(ageBand)).toEqual([
      'under_18',
      '18_24',
      '18_24',
      '25_29',
      '25_29',
      '30_39',
      '40_49',
      '50_59',
      '60_plus',
    ]);
  });
});

describe('the status at every month end (rules 35–36, the monthly flow)', () => {
  it('rule 36: statusesOn and situationRuns answer as statusOn on every month end, for seeded random histories and policies', () => {
    const ends = monthEndsBetween('2014-01-01', '2026-12-06');
    for (const seed of [1, 36, 2026]) {
      const random = mulberry32(seed);
      const day = (from: string, span: number) => addDays(from, Math.floor(random() * span));
      for (let n = 0; n < 300; n++) {
        const policy: InactivityPolicy = {
          noContactDays: 30 + Math.floor(random() * 150),
          institutionDays: 30 + Math.floor(random() * 150),
        };
        const episodes = Array.from({ length: Math.floor(random() * 6) }, () => {
          const fromDate = day('2014-01-01', 4700);
          return {
            situation: SITUATIONS[Math.floor(random() * SITUATIONS.length)] as (typeof SITUATIONS)[number],
            fromDate,
            releaseDate: random() < 0.4 ? day(fromDate, 400) : null,
            housingSolution: random() < 0.3 ? random() < 0.5 : null,
            // Two episodes on one day now and then: the one recorded last is in force.
            recordedAt: `2026-01-0${1 + Math.floor(random() * 3)}T00:00:00.000Z`,
          };
        });
        const contacts = Array.from({ length: Math.floor(random() * 8) }, () =>
          day('2014-01-01', 4700),
        ).sort();
        const history: StatusHistory = {
          episodes,
          contacts,
          registeredOn: day('2014-01-01', 4700),
          diedOn: random() < 0.1 ? day('2016-01-01', 3800) : null,
          movedAwayOn: random() < 0.1 ? day('2016-01-01', 3800) : null,
        };
        const expected = ends.map((date) => {
          if (!onListOn(history, date)) return null;
          const lastContactOn = contacts.filter((c) => c <= date).at(-1) ?? null;
          return statusOn({ ...history, lastContactOn }, date, policy);
        });
        expect(statusesOn(history, ends, policy)).toEqual(expected.map((r) => r?.status ?? null));
        // The situation too, as the planning history reads it (each run's answer on its dates).
        const runs = situationRuns(history, ends, policy);
        const answers = ends.map((_, i) => {
          const run = runs.findLast((r) => r.from <= i);
          return run && run.status !== null ? { status: run.status, situation: run.situation } : null;
        });
        expect(answers).toEqual(
          expected.map((r) => (r ? { status: r.status, situation: r.situation } : null)),
        );
      }
    }
  });
});
