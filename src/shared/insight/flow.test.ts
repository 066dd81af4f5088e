import { describe, expect, it } from 'vitest';
import { AGE_BANDS, type AgeBand, type StatusInput, statusOn } from '../citizens/status';
import type { EpisodeFacts } from '../citizens/whereabouts';
import { mulberry32 } from '../random';
import { HIDDEN, SUPPRESSED } from '../suppression';
import {
  type FlowMonth,
  flowIsConsistent,
  flowOf,
  identityHolds,
  inflowOf,
  type MonthStatus,
  monthEndsBetween,
  monthStartBefore,
  outflowOf,
  transitionOf,
} from './flow';
import { reportFlow } from './report';

const ENDS = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'];

/** The flow of one person through the given statuses. */
const single = (...statuses: MonthStatus[]) => flowOf(ENDS.slice(0, statuses.length), [{ statuses }]);

describe('the monthly flow (rule 35)', () => {
  it('rule 35: active equals active before plus inflow minus outflow in every month, on seeded random lists', () => {
    const statuses: MonthStatus[] = ['homeless', 'at_risk', 'housed', 'inactive', 'off_list'];
    for (const seed of [1, 7, 35, 2026]) {
      const random = mulberry32(seed);
      const ends = monthEndsBetween('2023-01-15', '2026-12-06');
      const people = Array.from({ length: 300 }, () => {
        // Off the list until some month, then a random walk that mostly stays put.
        const joins = Math.floor(random() * ends.length);
        let current: MonthStatus = statuses[Math.floor(random() * 4)] as MonthStatus;
        const walk = ends.map((_, i) => {
          if (i < joins) return 'off_list' as const;
          if (random() < 0.25) current = statuses[Math.floor(random() * 4)] as MonthStatus;
          return current;
        });
        const birthMonth = Math.floor(random() * 600);
        const inPopulation = ends.map((_, i) => (birthMonth + i) % 120 < 60);
        return { statuses: walk, inPopulation };
      });
      for (const population of [people, people.map((p) => ({ statuses: p.statuses }))]) {
        const months = flowOf(ends, population, 12);
        expect(months).toHaveLength(ends.length - 12);
        expect(flowIsConsistent(months)).toBe(true);
        for (const m of months) expect(m.active).toBe(m.activeBefore + inflowOf(m) - outflowOf(m));
      }
    }
  });

  it('rule 35: the identity check fails when a count is off', () => {
    const [month] = single('off_list', 'homeless');
    expect(month && identityHolds(month)).toBe(true);
    expect(identityHolds({ ...(month as FlowMonth), active: 2 })).toBe(false);
    const [a, b] = single('off_list', 'homeless', 'homeless');
    expect(flowIsConsistent([a as FlowMonth, { ...(b as FlowMonth), activeBefore: 3, active: 3 }])).toBe(
      false,
    );
  });

  it('rule 35: a person active for the first time is newly identified, whether new to the list or known before', () => {
    expect(single('off_list', 'homeless')[0]).toMatchObject({
      activeBefore: 0,
      active: 1,
      newlyIdentified: 1,
    });
    expect(single('at_risk', 'homeless')[0]).toMatchObject({ newlyIdentified: 1, returnedFromInactive: 0 });
    expect(single('housed', 'homeless')[0]).toMatchObject({ newlyIdentified: 1, returnedFromHousing: 0 });
    expect(transitionOf('off_list', 'homeless', false)).toBe('newlyIdentified');
  });

  it('rule 35: a person active before and housed at the previous month end has returned from housing', () => {
    expect(single('homeless', 'housed', 'homeless').at(-1)).toMatchObject({
      activeBefore: 0,
      active: 1,
      returnedFromHousing: 1,
      newlyIdentified: 0,
    });
  });

  it('rule 35: a person active before and inactive or at risk at the previous month end has returned from inactive', () => {
    expect(single('homeless', 'inactive', 'homeless').at(-1)).toMatchObject({ returnedFromInactive: 1 });
    expect(single('homeless', 'at_risk', 'homeless').at(-1)).toMatchObject({ returnedFromInactive: 1 });
  });

  it('rule 35: outflow is housed, moved to inactive, or no longer meets the criteria (at risk in an own home)', () => {
    expect(single('homeless', 'housed')[0]).toMatchObject({ activeBefore: 1, active: 0, housed: 1 });
    expect(single('homeless', 'inactive')[0]).toMatchObject({ movedToInactive: 1 });
    expect(single('homeless', 'at_risk')[0]).toMatchObject({ noLongerMeetsCriteria: 1 });
    expect(single('homeless', 'homeless')[0]).toMatchObject({ activeBefore: 1, active: 1 });
    expect(inflowOf(single('homeless', 'homeless')[0] as FlowMonth)).toBe(0);
  });

  it('rule 35: a birthday moves a person out of one age band (no longer meets the criteria) and into the next (newly identified)', () => {
    const statuses: MonthStatus[] = ['homeless', 'homeless', 'homeless'];
    const band24 = flowOf(ENDS.slice(0, 3), [{ statuses, inPopulation: [true, true, false] }]);
    const band25 = flowOf(ENDS.slice(0, 3), [{ statuses, inPopulation: [false, false, true] }]);
    expect(band24.at(-1)).toMatchObject({ activeBefore: 1, active: 0, noLongerMeetsCriteria: 1 });
    expect(band25.at(-1)).toMatchObject({ activeBefore: 0, active: 1, newlyIdentified: 1 });
    // Everyone together: the person simply stays active.
    expect(flowOf(ENDS.slice(0, 3), [{ statuses }]).at(-1)).toMatchObject({ active: 1, newlyIdentified: 0 });
  });

  it('rule 35: the months before the first reported one only tell who was active before', () => {
    const [month] = flowOf(ENDS, [{ statuses: ['homeless', 'housed', 'housed', 'homeless'] }], 3);
    expect(month).toMatchObject({ monthEnd: '2026-04-30', returnedFromHousing: 1, newlyIdentified: 0 });
  });
});

describe('statuses from the citizens module (rules 35 and 36)', () => {
  const ends = monthEndsBetween('2026-01-01', '2026-07-15');
  const statusesOf = (input: StatusInput) => ends.map((d): MonthStatus => statusOn(input, d).status);
  const episode = (e: EpisodeFacts) => e;

  it('rule 36: a person in an institution for more than 90 days becomes inactive, and moves to inactive in that month', () => {
    const input: StatusInput = {
      episodes: [
        episode({ situation: 'street', fromDate: '2026-01-05' }),
        episode({ situation: 'institution', fromDate: '2026-02-10' }),
      ],
      lastContactOn: '2026-02-10',
      registeredOn: '2026-01-05',
      movedAwayOn: null,
      diedOn: null,
    };
    const statuses = statusesOf(input);
    // 90 days from 10 February is 11 May: homeless (in an institution) at the end of April, inactive in May.
    expect(statuses).toEqual([
      'homeless',
      'homeless',
      'homeless',
      'homeless',
      'inactive',
      'inactive',
      'inactive',
    ]);
    const months = flowOf(ends, [{ statuses }]);
    expect(months.find((m) => m.monthEnd === '2026-05-31')).toMatchObject({ movedToInactive: 1, active: 0 });
    expect(flowIsConsistent(months)).toBe(true);
  });

  it('domain.md §9 "Fit with Denmark": a couch surfer with family or friends stays active month after month', () => {
    const input: StatusInput = {
      episodes: [
        episode({ situation: 'family_friends', fromDate: '2025-12-20', temporary: true, hasContract: false }),
      ],
      lastContactOn: null,
      registeredOn: '2025-12-20',
      movedAwayOn: null,
      diedOn: null,
    };
    // Contacted every month: never inactive, never out of the count.
    const statuses = ends.map(
      (d): MonthStatus => statusOn({ ...input, lastContactOn: `${d.slice(0, 8)}01` }, d).status,
    );
    expect(statuses.every((s) => s === 'homeless')).toBe(true);
    const months = flowOf(ends, [{ statuses }]);
    expect(months.every((m) => m.active === 1 && inflowOf(m) === 0 && outflowOf(m) === 0)).toBe(true);
  });
});

describe('month ends', () => {
  it('are the last day of each month and today for the current month (leap years too)', () => {
    expect(monthEndsBetween('2024-01-20', '2024-04-10')).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-10',
    ]);
    expect(monthEndsBetween('2025-12-01', '2026-01-31')).toEqual(['2025-12-31', '2026-01-31']);
    expect(monthEndsBetween('2026-02-01', '2026-01-31')).toEqual([]);
    expect(monthStartBefore('2026-03-31', 24)).toBe('2024-03-01');
    expect(monthStartBefore('2026-01-15', 1)).toBe('2025-12-01');
  });
});

describe('the flow as reported (rule 35, small numbers suppressed)', () => {
  const month = (monthEnd: string, counts: Partial<FlowMonth>): FlowMonth => ({
    monthEnd,
    activeBefore: 0,
    active: 0,
    newlyIdentified: 0,
    returnedFromHousing: 0,
    returnedFromInactive: 0,
    housed: 0,
    movedToInactive: 0,
    noLongerMeetsCriteria: 0,
    ...counts,
  });
  const zeros = (months: FlowMonth[]) => months.map((m) => month(m.monthEnd, {}));
  const populations = (overall: FlowMonth[]) => ({
    overall,
    youth: zeros(overall),
    bands: Object.fromEntries(AGE_BANDS.map((b) => [b, b === '30_39' ? overall : zeros(overall)])) as Record<
      AgeBand,
      FlowMonth[]
    >,
  });

  it('rule 35: shows every figure of 5 or more and says the figures add up', () => {
    const overall = [
      month('2026-10-31', {
        activeBefore: 40,
        active: 42,
        newlyIdentified: 6,
        returnedFromHousing: 0,
        housed: 5,
        movedToInactive: 0,
      }),
      month('2026-11-30', { activeBefore: 42, active: 42, newlyIdentified: 5, housed: 5 }),
    ];
    // Not balanced as given: 40 + 6 − 5 = 41, so the check says no.
    const report = reportFlow(populations(overall));
    expect(report.overall[0]).toMatchObject({
      activeBefore: 40,
      inflow: 6,
      outflow: 5,
      active: 42,
      balanced: false,
    });
    expect(report.overall[1]).toMatchObject({ inflow: 5, outflow: 5, balanced: true });
  });

  it('rule 35: a small flow is "<5" and the other flow is hidden, so the active counts cannot give it away', () => {
    const overall = [month('2026-11-30', { activeBefore: 40, active: 37, newlyIdentified: 2, housed: 5 })];
    const report = reportFlow(populations(overall)).overall[0];
    expect(report).toMatchObject({
      activeBefore: 40,
      active: 37,
      inflow: SUPPRESSED,
      outflow: HIDDEN,
      balanced: null,
    });
    // The kinds of a hidden outflow are hidden too (they would add up to it).
    expect(report?.housed).toBe(HIDDEN);
  });

  it('rule 33: at the municipality\'s limit of 7 a flow of 6 is "<7" and the other flow is hidden', () => {
    const overall = [month('2026-11-30', { activeBefore: 40, active: 36, newlyIdentified: 6, housed: 10 })];
    expect(reportFlow(populations(overall)).overall[0]).toMatchObject({
      inflow: 6,
      outflow: 10,
      balanced: true,
    });
    expect(reportFlow(populations(overall), 7).overall[0]).toMatchObject({
      activeBefore: 40,
      active: 36,
      inflow: '<7',
      outflow: HIDDEN,
      balanced: null,
    });
  });

  it('rule 35: an age band below 5 is "<5" with a neighbour hidden, and the young people are reported on their own', () => {
    const overall = [month('2026-11-30', { activeBefore: 40, active: 40 })];
    const bands = Object.fromEntries(AGE_BANDS.map((b) => [b, zeros(overall)])) as Record<
      AgeBand,
      FlowMonth[]
    >;
    bands['18_24'] = [month('2026-11-30', { activeBefore: 3, active: 3 })];
    bands['30_39'] = [month('2026-11-30', { activeBefore: 30, active: 30 })];
    bands['40_49'] = [month('2026-11-30', { activeBefore: 7, active: 7 })];
    const report = reportFlow({ overall, youth: bands['18_24'], bands });
    const cells = report.byAgeBand[0]?.bands ?? [];
    expect(cells.find((c) => c.band === '18_24')?.active).toBe(SUPPRESSED);
    expect(cells.find((c) => c.band === '40_49')?.active).toBe(HIDDEN);
    expect(cells.find((c) => c.band === '30_39')?.active).toBe(30);
    expect(report.youth[0]).toMatchObject({ active: SUPPRESSED, balanced: null });
  });
});
