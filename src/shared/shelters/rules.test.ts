import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import {
  careRefundPeriod,
  DEFAULT_STAY_REFUND_RULE,
  daysInMonth,
  dischargeBlockers,
  firstDischarge,
  notificationDeadline,
  notificationStatus,
  stayRefundLimitOn,
  stayRefunds,
  supportRefundPeriod,
} from './rules';

describe('notifying the handlekommune within 3 working days (serviceloven § 110 stk. 6, rule 10)', () => {
  it('counts three ordinary working days after the admission decision', () => {
    expect(notificationDeadline('2026-03-10')).toBe('2026-03-13'); // Tuesday → Friday
    expect(notificationDeadline('2026-03-12')).toBe('2026-03-17'); // Thursday → over the weekend
  });
  it('skips Maundy Thursday, Good Friday and Easter Monday (Easter 2026)', () => {
    expect(notificationDeadline('2026-04-01')).toBe('2026-04-09');
  });
  it('skips Kristi Himmelfartsdag (14 May 2026)', () => {
    expect(notificationDeadline('2026-05-12')).toBe('2026-05-18');
  });
  it('skips Whit Monday (2. pinsedag, 25 May 2026)', () => {
    expect(notificationDeadline('2026-05-22')).toBe('2026-05-28');
  });
  it('skips Christmas Day and Boxing Day; 24 December is a working day on the legal calendar', () => {
    expect(notificationDeadline('2026-12-23')).toBe('2026-12-29');
  });
  it("skips New Year's Day into the next year", () => {
    expect(notificationDeadline('2026-12-30')).toBe('2027-01-05');
  });
  it('is due until the deadline, overdue after it, and notified in time or late', () => {
    expect(notificationStatus('2026-04-01', null, '2026-04-09')).toBe('due');
    expect(notificationStatus('2026-04-01', null, '2026-04-10')).toBe('overdue');
    expect(notificationStatus('2026-04-01', '2026-04-09', '2026-04-20')).toBe('notified');
    expect(notificationStatus('2026-04-01', '2026-04-10', '2026-04-20')).toBe('notified_late');
  });
});

describe('municipal discharge only when every condition holds (§ 110 stk. 5, rule 12)', () => {
  const none = {
    hasPlan: false,
    housingAllocated: false,
    supportDecided: false,
    leaseSigned: false,
    canMoveIn: false,
    careDecision: null,
  };
  const housed = {
    ...none,
    hasPlan: true,
    housingAllocated: true,
    supportDecided: true,
    leaseSigned: true,
    canMoveIn: true,
  };
  it('names the plan and the missing home or care when nothing is in place (nr. 1 and 2)', () => {
    expect(dischargeBlockers(none, '2026-06-01')).toEqual(['plan_missing', 'housing_or_care_missing']);
  });
  it('allows a discharge to own housing with plan, support, signed lease and possible move-in (nr. 1–4)', () => {
    expect(dischargeBlockers(housed, '2026-06-01')).toEqual([]);
  });
  it('names each missing step when housing is allocated (nr. 3 and 4)', () => {
    expect(
      dischargeBlockers(
        { ...housed, supportDecided: false, leaseSigned: false, canMoveIn: false },
        '2026-06-01',
      ),
    ).toEqual(['support_missing', 'lease_missing', 'move_in_not_possible']);
  });
  it('refuses without a plan even when the home is ready (nr. 1)', () => {
    expect(dischargeBlockers({ ...housed, hasPlan: false }, '2026-06-01')).toEqual(['plan_missing']);
  });
  it('allows a discharge to § 107/108 care only from its move-in date (nr. 5)', () => {
    const care = { ...none, hasPlan: true, careDecision: { moveInOn: '2026-06-15' } };
    expect(dischargeBlockers(care, '2026-06-14')).toEqual(['care_move_in_not_reached']);
    expect(dischargeBlockers(care, '2026-06-15')).toEqual([]);
  });
});

describe('refund of § 85 a support after a § 110 stay (serviceloven § 176 a stk. 1 and 3, rule 13)', () => {
  it('runs 2 years from the first discharge when the support was decided before it', () => {
    expect(supportRefundPeriod({ dischargeDates: ['2025-03-15'], decidedOn: '2025-03-10' })).toEqual({
      from: '2025-03-15',
      until: '2027-03-15',
    });
  });
  it('gives nothing when the support was decided on or after the discharge', () => {
    expect(supportRefundPeriod({ dischargeDates: ['2025-03-15'], decidedOn: '2025-03-15' })).toBeNull();
    expect(supportRefundPeriod({ dischargeDates: ['2025-03-15'], decidedOn: '2025-04-01' })).toBeNull();
  });
  it('does not restart with a re-admission and a new discharge inside the window (stk. 3)', () => {
    const period = supportRefundPeriod({
      dischargeDates: ['2025-09-20', '2025-03-15'],
      decidedOn: '2025-03-01',
    });
    expect(period).toEqual({ from: '2025-03-15', until: '2027-03-15' });
  });
  it('counts from the first discharge under the reform, not one before 1 October 2023', () => {
    expect(firstDischarge(['2023-09-30', '2024-02-01'])).toBe('2024-02-01');
  });
  it('refunds support decided after a direct § 107 stay that followed the discharge (stk. 1 nr. 2)', () => {
    expect(
      supportRefundPeriod({
        dischargeDates: ['2025-05-01'],
        decidedOn: '2025-07-01',
        direct107: { start: '2025-05-01' },
      }),
    ).toEqual({ from: '2025-05-01', until: '2027-05-01' });
    expect(
      supportRefundPeriod({
        dischargeDates: ['2025-05-01'],
        decidedOn: '2025-07-01',
        direct107: { start: '2025-06-01' },
      }),
    ).toBeNull();
  });
});

describe('refund of a § 107 stay after a § 110 stay (serviceloven § 176 a stk. 2, rule 14)', () => {
  it('covers up to 6 months of the stay from the discharge, when decided before it', () => {
    expect(
      careRefundPeriod({
        dischargeDates: ['2025-01-31'],
        decidedOn: '2025-01-20',
        start: '2025-01-31',
        end: null,
      }),
    ).toEqual({ from: '2025-01-31', until: '2025-07-31' });
  });
  it('ends with the stay when it is shorter', () => {
    expect(
      careRefundPeriod({
        dischargeDates: ['2025-01-31'],
        decidedOn: '2025-01-20',
        start: '2025-01-31',
        end: '2025-03-01',
      }),
    ).toEqual({ from: '2025-01-31', until: '2025-03-01' });
  });
  it('stops one year after the first discharge for a stay begun late', () => {
    expect(
      careRefundPeriod({
        dischargeDates: ['2025-01-31'],
        decidedOn: '2025-01-20',
        start: '2025-10-01',
        end: null,
      }),
    ).toEqual({ from: '2025-10-01', until: '2026-01-31' });
  });
  it('gives nothing when decided after the discharge, or begun after the year', () => {
    expect(
      careRefundPeriod({
        dischargeDates: ['2025-01-31'],
        decidedOn: '2025-02-01',
        start: '2025-02-01',
        end: null,
      }),
    ).toBeNull();
    expect(
      careRefundPeriod({
        dischargeDates: ['2025-01-31'],
        decidedOn: '2025-01-20',
        start: '2026-02-01',
        end: null,
      }),
    ).toBeNull();
  });
  it('re-admission inside the year does not restart the window (stk. 3)', () => {
    expect(
      careRefundPeriod({
        dischargeDates: ['2025-01-31', '2025-08-01'],
        decidedOn: '2025-01-20',
        start: '2025-08-01',
        end: null,
      }),
    ).toEqual({ from: '2025-08-01', until: '2026-01-31' });
  });
  it('splits a period into the days of each month', () => {
    const period = { from: '2025-01-31', until: '2025-03-01' };
    expect([
      daysInMonth(period, '2025-01-01'),
      daysInMonth(period, '2025-02-01'),
      daysInMonth(period, '2025-03-01'),
    ]).toEqual([1, 28, 0]);
  });
});

describe('the § 110 stay refund for a limited number of days per running year (rule 15)', () => {
  it('uses no limit before the reform, 120 days to 31 December 2025 and 90 days from 1 January 2026', () => {
    const limits = DEFAULT_STAY_REFUND_RULE.limits;
    expect(stayRefundLimitOn(limits, '2023-09-30')).toBeNull();
    expect(stayRefundLimitOn(limits, '2023-10-01')).toBe(120);
    expect(stayRefundLimitOn(limits, '2025-12-31')).toBe(120);
    expect(stayRefundLimitOn(limits, '2026-01-01')).toBe(90);
  });
  it('refunds the first 120 stay days of 2025 and not the rest', () => {
    const [r] = stayRefunds([{ id: 's', from: '2025-01-01', until: '2025-07-01' }], {
      from: '2025-01-01',
      until: '2026-01-01',
    });
    expect(r).toEqual({ id: 's', refunded: 120, beyondLimit: 181 - 120 });
  });
  it('applies the 90-day limit to stay days from 1 January 2026, counting the days before them in the running year', () => {
    // 100 stay days up to 31.12.2025, then the stay goes on: every 2026 day is past the 90th.
    const from = addDays('2026-01-01', -100);
    const [r] = stayRefunds([{ id: 's', from, until: '2026-01-11' }], {
      from: '2026-01-01',
      until: '2026-02-01',
    });
    expect(r).toEqual({ id: 's', refunded: 0, beyondLimit: 10 });
    // With 80 days before New Year, the first 10 days of 2026 are still within the 90.
    const [s] = stayRefunds([{ id: 's', from: addDays('2026-01-01', -80), until: '2026-01-21' }], {
      from: '2026-01-01',
      until: '2026-02-01',
    });
    expect(s).toEqual({ id: 's', refunded: 10, beyondLimit: 10 });
  });
  it('sums a citizen’s stays across shelters, or counts each stay alone when so set', () => {
    const stays = [
      { id: 'a', from: '2026-02-01', until: '2026-04-02' }, // 60 days
      { id: 'b', from: '2026-05-01', until: '2026-06-30' }, // 60 days
    ];
    const period = { from: '2026-01-01', until: '2027-01-01' };
    expect(stayRefunds(stays, period)).toEqual([
      { id: 'a', refunded: 60, beyondLimit: 0 },
      { id: 'b', refunded: 30, beyondLimit: 30 },
    ]);
    expect(stayRefunds(stays, period, { ...DEFAULT_STAY_REFUND_RULE, sum: 'per_stay' })).toEqual([
      { id: 'a', refunded: 60, beyondLimit: 0 },
      { id: 'b', refunded: 60, beyondLimit: 0 },
    ]);
  });
  it('renews the count as days leave the rolling year, or on 1 January with calendar years', () => {
    const stays = [{ id: 's', from: '2026-07-01', until: '2027-03-01' }];
    const period = { from: '2027-01-01', until: '2027-03-01' };
    // Rolling: the 184 days since July are all within the year, so 2027's days are past the 90.
    expect(stayRefunds(stays, period)).toEqual([{ id: 's', refunded: 0, beyondLimit: 59 }]);
    // Calendar: 2027 starts at nought, so all 59 days are refunded.
    expect(stayRefunds(stays, period, { ...DEFAULT_STAY_REFUND_RULE, runningYear: 'calendar' })).toEqual([
      { id: 's', refunded: 59, beyondLimit: 0 },
    ]);
  });
  it('refunds every day of a stay before 1 October 2023 without counting them', () => {
    const [r] = stayRefunds([{ id: 's', from: '2023-06-01', until: '2023-12-01' }], {
      from: '2023-06-01',
      until: '2024-01-01',
    });
    expect(r).toEqual({ id: 's', refunded: 183, beyondLimit: 0 });
  });
});
