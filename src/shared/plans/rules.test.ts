import { describe, expect, it } from 'vitest';
import {
  actionProblems,
  closeProblems,
  exceedsFastTrack,
  fastTrackDeadline,
  fastTrackLimitOn,
  isOverdue,
  reviewProblems,
  workingDaysOpen,
} from './rules';

describe('fast track for deposit loans and § 81 help (VIVE 2023: fast track; dated setting)', () => {
  it('uses 10 working days when no limit is set', () => {
    expect(fastTrackLimitOn([], '2026-12-01')).toBe(10);
  });

  it('uses the limit in force on the date, the latest valid one', () => {
    const limits = [
      { validFrom: '2026-01-01', workingDays: 15 },
      { validFrom: '2026-06-01', workingDays: 5 },
    ];
    expect(fastTrackLimitOn(limits, '2025-12-31')).toBe(10);
    expect(fastTrackLimitOn(limits, '2026-03-01')).toBe(15);
    expect(fastTrackLimitOn(limits, '2026-06-01')).toBe(5);
  });

  it('counts Danish working days: weekends and public holidays do not count', () => {
    // Monday 21 December 2026 → Monday 28 December: 24 (Wed) is a working day, 25 and 26 are holidays.
    expect(workingDaysOpen('2026-12-21', '2026-12-28')).toBe(4);
    // Easter 2027: Thursday 25 March to Tuesday 30 March: Good Friday and Easter Monday are holidays.
    expect(workingDaysOpen('2027-03-24', '2027-03-30')).toBe(1);
  });

  it('is exceeded only after the limit, and never once the case is decided', () => {
    // Opened Monday 2 November 2026; 10 working days later is Monday 16 November.
    expect(fastTrackDeadline('2026-11-02', 10)).toBe('2026-11-16');
    expect(exceedsFastTrack({ openedOn: '2026-11-02', decidedOn: null }, [], '2026-11-16')).toBe(false);
    expect(exceedsFastTrack({ openedOn: '2026-11-02', decidedOn: null }, [], '2026-11-17')).toBe(true);
    expect(exceedsFastTrack({ openedOn: '2026-11-02', decidedOn: '2026-11-20' }, [], '2026-11-30')).toBe(
      false,
    );
  });

  it('judges a case by the limit in force on the day it opened', () => {
    const limits = [{ validFrom: '2026-11-10', workingDays: 3 }];
    expect(exceedsFastTrack({ openedOn: '2026-11-02', decidedOn: null }, limits, '2026-11-10')).toBe(false);
    expect(exceedsFastTrack({ openedOn: '2026-11-10', decidedOn: null }, limits, '2026-11-16')).toBe(true);
  });
});

describe('the coherent plan (sammenhængende borgerforløb)', () => {
  it('needs an owner and a due date for every action', () => {
    expect(actionProblems({ ownerName: ' ', dueOn: null }, '2026-01-01')).toEqual([
      { field: 'ownerName', code: 'PLAN_ACTION_OWNER_REQUIRED' },
      { field: 'dueOn', code: 'PLAN_ACTION_DUE_REQUIRED' },
    ]);
    expect(actionProblems({ ownerUserId: 'u', dueOn: '2026-02-01' }, '2026-01-01')).toEqual([]);
    expect(actionProblems({ ownerName: 'Jobcenter, Ida', dueOn: '2025-12-01' }, '2026-01-01')).toEqual([
      { field: 'dueOn', code: 'PLAN_ACTION_DUE_BEFORE_START' },
    ]);
  });

  it('refuses a review date before the plan starts', () => {
    expect(reviewProblems('2025-12-31', '2026-01-01')).toEqual([
      { field: 'reviewOn', code: 'PLAN_REVIEW_BEFORE_START' },
    ]);
    expect(reviewProblems('2026-01-01', '2026-01-01')).toEqual([]);
  });

  it('calls an action overdue the day after its due date, until it is done', () => {
    expect(isOverdue({ dueOn: '2026-12-01', doneOn: null }, '2026-12-01')).toBe(false);
    expect(isOverdue({ dueOn: '2026-12-01', doneOn: null }, '2026-12-02')).toBe(true);
    expect(isOverdue({ dueOn: '2026-12-01', doneOn: '2026-12-03' }, '2026-12-04')).toBe(false);
  });
});

describe('closing a plan (issue 15 §6)', () => {
  const start = '2026-03-02';
  it('accepts a closing day from the start to today', () => {
    expect(closeProblems({ closedOn: start, reason: 'goals_met', note: null }, start, '2026-06-01')).toEqual(
      [],
    );
    expect(
      closeProblems({ closedOn: '2026-06-01', reason: 'moved', note: null }, start, '2026-06-01'),
    ).toEqual([]);
  });
  it('refuses a closing day before the start or after today', () => {
    expect(
      closeProblems({ closedOn: '2026-03-01', reason: 'moved', note: null }, start, '2026-06-01'),
    ).toEqual([{ field: 'closedOn', code: 'PLAN_DATE_BEFORE_START' }]);
    expect(
      closeProblems({ closedOn: '2026-06-02', reason: 'moved', note: null }, start, '2026-06-01'),
    ).toEqual([{ field: 'closedOn', code: 'PLAN_DATE_IN_FUTURE' }]);
  });
  it('asks for a note when the reason is "other"', () => {
    expect(closeProblems({ closedOn: start, reason: 'other', note: ' ' }, start, start)).toEqual([
      { field: 'note', code: 'PLAN_CLOSE_NOTE_REQUIRED' },
    ]);
    expect(
      closeProblems({ closedOn: start, reason: 'other', note: 'Flyttet til forsorgshjem' }, start, start),
    ).toEqual([]);
  });
});
