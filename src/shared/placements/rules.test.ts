import { describe, expect, it } from 'vitest';
import {
  moveInOverdue,
  needsNextStep,
  overlappingPlacements,
  periodsOverlap,
  placementDateProblems,
  placementPeriod,
  unitFreeFrom,
} from './rules';

const TODAY = '2026-06-15';
const decision = { decidedOn: '2026-03-01', plannedMoveInOn: '2026-03-15' };

describe('the order of a placement’s dates (serviceloven § 107 / § 108)', () => {
  it('accepts a decision, a move-in on the decision day and an end on the start day', () => {
    expect(
      placementDateProblems(
        {
          decidedOn: '2026-03-01',
          plannedMoveInOn: '2026-03-01',
          startedOn: '2026-03-01',
          endedOn: '2026-03-01',
        },
        TODAY,
      ),
    ).toEqual([]);
  });
  it('§ 107 / § 108: a stay rests on a decision, so neither the move-in nor the start comes before it', () => {
    expect(placementDateProblems({ ...decision, plannedMoveInOn: '2026-02-28' }, TODAY)).toEqual([
      { field: 'plannedMoveInOn', code: 'PLACEMENT_MOVE_IN_BEFORE_DECISION' },
    ]);
    expect(placementDateProblems({ ...decision, startedOn: '2026-02-28' }, TODAY)).toEqual([
      { field: 'startedOn', code: 'PLACEMENT_START_BEFORE_DECISION' },
    ]);
  });
  it('§ 107 / § 108: the end comes on or after the start, and a withdrawn decision on or after the decision', () => {
    expect(
      placementDateProblems({ ...decision, startedOn: '2026-03-15', endedOn: '2026-03-14' }, TODAY),
    ).toEqual([{ field: 'endedOn', code: 'PLACEMENT_END_BEFORE_START' }]);
    expect(placementDateProblems({ ...decision, endedOn: '2026-02-27' }, TODAY)).toEqual([
      { field: 'endedOn', code: 'PLACEMENT_END_BEFORE_START' },
    ]);
    expect(placementDateProblems({ ...decision, plannedEndOn: '2026-03-14' }, TODAY)).toEqual([
      { field: 'plannedEndOn', code: 'PLACEMENT_PLANNED_END_BEFORE_MOVE_IN' },
    ]);
  });
  it('records a decision, start or end only once it has happened (not after today)', () => {
    expect(
      placementDateProblems(
        {
          decidedOn: '2026-06-16',
          plannedMoveInOn: '2026-07-01',
          startedOn: '2026-07-01',
          endedOn: '2026-07-02',
        },
        TODAY,
      ).map((p) => p.field),
    ).toEqual(['decidedOn', 'startedOn', 'endedOn']);
    expect(placementDateProblems({ ...decision, plannedMoveInOn: '2026-09-01' }, TODAY)).toEqual([]);
  });
});

describe('one placement at a time for one citizen (serviceloven § 107 / § 108)', () => {
  it('holds a citizen from the start (or planned move-in) to the end (or planned end), open-ended otherwise', () => {
    expect(placementPeriod({ ...decision })).toEqual({ from: '2026-03-15', until: null });
    expect(placementPeriod({ ...decision, startedOn: '2026-03-20', plannedEndOn: '2026-09-15' })).toEqual({
      from: '2026-03-20',
      until: '2026-09-15',
    });
    expect(placementPeriod({ ...decision, startedOn: '2026-03-20', endedOn: '2026-05-01' })).toEqual({
      from: '2026-03-20',
      until: '2026-05-01',
    });
    // A decision withdrawn before any move-in holds nothing.
    expect(placementPeriod({ ...decision, endedOn: '2026-03-10' })).toBeNull();
  });
  it('lets the move-out day of one stay be the move-in day of the next, but no earlier', () => {
    const a = { from: '2026-03-15', until: '2026-09-15' };
    expect(periodsOverlap(a, { from: '2026-09-15', until: null })).toBe(false);
    expect(periodsOverlap(a, { from: '2026-09-14', until: null })).toBe(true);
    expect(periodsOverlap({ from: '2026-01-01', until: '2026-03-15' }, a)).toBe(false);
    expect(periodsOverlap({ from: '2026-04-01', until: '2026-04-02' }, a)).toBe(true);
    expect(periodsOverlap({ from: '2026-01-01', until: null }, { from: '2030-01-01', until: null })).toBe(
      true,
    );
  });
  it('names the other placements a new decision would overlap, never the placement itself', () => {
    const others = [
      { id: 'ended', ...decision, startedOn: '2026-03-15', endedOn: '2026-05-01' },
      { id: 'open', decidedOn: '2026-05-01', plannedMoveInOn: '2026-05-10', startedOn: '2026-05-10' },
      { id: 'withdrawn', decidedOn: '2026-06-01', plannedMoveInOn: '2026-07-01', endedOn: '2026-06-02' },
    ];
    expect(overlappingPlacements({ decidedOn: '2026-06-10', plannedMoveInOn: '2026-07-01' }, others)).toEqual(
      ['open'],
    );
    expect(overlappingPlacements({ ...others[1], id: 'open' } as (typeof others)[1], others)).toEqual([]);
    expect(
      overlappingPlacements(
        { decidedOn: '2026-02-01', plannedMoveInOn: '2026-02-01', plannedEndOn: '2026-03-15' },
        others,
      ),
    ).toEqual([]);
  });
});

describe('a temporary stay needs a next step (serviceloven § 107, issue 16 §6)', () => {
  const stay = { kind: 's107' as const, startedOn: '2026-01-10', endedOn: null, plannedEndOn: '2026-07-15' };
  it('within 30 days of the planned end, and after it, while not ended', () => {
    expect(needsNextStep(stay, TODAY)).toBe(true);
    expect(needsNextStep({ ...stay, plannedEndOn: '2026-07-16' }, TODAY)).toBe(false);
    expect(needsNextStep({ ...stay, plannedEndOn: '2026-06-01' }, TODAY)).toBe(true);
    expect(needsNextStep({ ...stay, endedOn: '2026-06-01' }, TODAY)).toBe(false);
  });
  it('never for a long-term § 108 stay, an open-ended stay or one not started', () => {
    expect(needsNextStep({ ...stay, kind: 's108' }, TODAY)).toBe(false);
    expect(needsNextStep({ ...stay, plannedEndOn: null }, TODAY)).toBe(false);
    expect(needsNextStep({ ...stay, startedOn: null }, TODAY)).toBe(false);
  });
  it('flags a decision whose planned move-in has passed without a start', () => {
    expect(moveInOverdue({ plannedMoveInOn: '2026-06-14', startedOn: null, endedOn: null }, TODAY)).toBe(
      true,
    );
    expect(moveInOverdue({ plannedMoveInOn: '2026-06-15', startedOn: null, endedOn: null }, TODAY)).toBe(
      false,
    );
    expect(
      moveInOverdue({ plannedMoveInOn: '2026-06-01', startedOn: '2026-06-02', endedOn: null }, TODAY),
    ).toBe(false);
    expect(
      moveInOverdue({ plannedMoveInOn: '2026-06-01', startedOn: null, endedOn: '2026-06-03' }, TODAY),
    ).toBe(false);
  });
});

describe('one tenant at a time in a skæv bolig (almenboligloven § 149 a)', () => {
  it('lets a unit from the previous tenant’s move-out day, not while a tenancy is open or before it ended', () => {
    expect(unitFreeFrom([], '2026-01-01')).toBe(true);
    expect(unitFreeFrom([{ fromDate: '2025-01-01', toDate: '2026-03-01' }], '2026-03-01')).toBe(true);
    expect(unitFreeFrom([{ fromDate: '2025-01-01', toDate: '2026-03-01' }], '2026-02-28')).toBe(false);
    expect(unitFreeFrom([{ fromDate: '2025-01-01', toDate: null }], '2026-03-01')).toBe(false);
  });
});
