import { describe, expect, it } from 'vitest';
import {
  type CarePlacement,
  careRefundByMonth,
  costSegments,
  housingFirstMonths,
  placementCostByMonth,
  proRata,
  supportRefundByMonth,
} from './refunds';
import { monthStartsBetween } from './stays';

const half = () => 50;
const cti = [{ from: '1900-01-01', until: '9999-12-31', monthly: 6200 }];
const byMonth = (months: string[], values: number[]) =>
  Object.fromEntries(months.map((m, i) => [m.slice(0, 7), Math.round((values[i] ?? 0) * 100) / 100]));

describe('monthly costs pro rata by days', () => {
  it('charges the cost in force on each day, by the days of the month', () => {
    const costs = costSegments(['2026-03-16'], (d) => (d < '2026-03-16' ? 6200 : 9300));
    expect(proRata({ from: '2026-03-01', until: '2026-04-01' }, '2026-03-01', costs)).toBeCloseTo(
      (6200 * 15 + 9300 * 16) / 31,
      6,
    );
    expect(proRata({ from: '2026-02-10', until: '2026-02-20' }, '2026-02-01', cti)).toBeCloseTo(
      (6200 * 10) / 28,
      6,
    );
  });

  it('charges a placement from its start to its end (exclusive)', () => {
    const p: CarePlacement = {
      kind: 's108',
      decidedOn: '2026-01-05',
      start: '2026-01-17',
      end: '2026-02-15',
      monthlyCost: 31_000,
    };
    const months = monthStartsBetween('2026-01-01', '2026-04-01');
    expect(byMonth(months, placementCostByMonth(p, months))).toEqual({
      '2026-01': 15_000,
      '2026-02': Math.round(((31_000 * 14) / 28) * 100) / 100,
      '2026-03': 0,
    });
  });
});

describe('§ 176 a stk. 1 (rule 13): 50 % of § 85 a support for 2 years from the first discharge', () => {
  const months = ['2026-03-01', '2026-04-01', '2028-02-01', '2028-03-01', '2028-04-01'];
  it('refunds from the first discharge (10 March 2026) to 10 March 2028 when decided before it', () => {
    const refund = supportRefundByMonth(
      { dischargeDates: ['2026-03-10'], decidedOn: '2026-03-01', start: '2026-01-15', end: null, costs: cti },
      months,
      half,
    );
    expect(byMonth(months, refund)).toEqual({
      '2026-03': Math.round(((6200 * 22) / 31 / 2) * 100) / 100,
      '2026-04': 3100,
      '2028-02': 3100,
      '2028-03': Math.round(((6200 * 9) / 31 / 2) * 100) / 100,
      '2028-04': 0,
    });
  });

  it('does not restart the period when the citizen is re-admitted and discharged again inside it (stk. 3)', () => {
    const refund = supportRefundByMonth(
      {
        dischargeDates: ['2027-01-15', '2026-03-10'],
        decidedOn: '2026-03-01',
        start: '2026-03-10',
        end: null,
        costs: cti,
      },
      months,
      half,
    );
    expect(byMonth(months, refund)['2028-03']).toBe(Math.round(((6200 * 9) / 31 / 2) * 100) / 100);
    expect(byMonth(months, refund)['2028-04']).toBe(0);
  });

  it('refunds nothing when the support was decided on or after the discharge', () => {
    const refund = supportRefundByMonth(
      { dischargeDates: ['2026-03-10'], decidedOn: '2026-03-10', start: '2026-03-10', end: null, costs: cti },
      months,
      half,
    );
    expect(refund.every((v) => v === 0)).toBe(true);
  });

  it('refunds support decided after a direct § 107 stay from the shelter (stk. 1 nr. 2)', () => {
    const refund = supportRefundByMonth(
      {
        dischargeDates: ['2026-03-10'],
        decidedOn: '2026-03-20',
        start: '2026-04-01',
        end: null,
        costs: cti,
        direct107: { start: '2026-03-10' },
      },
      months,
      half,
    );
    expect(byMonth(months, refund)['2026-04']).toBe(3100);
  });

  it('refunds only the days the support lasted', () => {
    const refund = supportRefundByMonth(
      {
        dischargeDates: ['2026-03-10'],
        decidedOn: '2026-03-01',
        start: '2026-03-01',
        end: '2026-04-16',
        costs: cti,
      },
      months,
      half,
    );
    expect(byMonth(months, refund)['2026-04']).toBe(Math.round(((6200 * 15) / 30 / 2) * 100) / 100);
  });
});

describe('§ 176 a stk. 2 (rule 14): 50 % of a § 107 stay for up to 6 months within 1 year of discharge', () => {
  const months = monthStartsBetween('2026-03-01', '2027-04-01');
  const p107 = (over: Partial<CarePlacement> = {}): CarePlacement => ({
    kind: 's107',
    decidedOn: '2026-03-01',
    start: '2026-03-10',
    end: null,
    monthlyCost: 30_000,
    ...over,
  });
  it('refunds 6 months from the discharge on 10 March 2026, to 10 September 2026', () => {
    const refund = byMonth(months, careRefundByMonth(p107(), ['2026-03-10'], months, half));
    expect(refund['2026-03']).toBe(Math.round(((30_000 * 22) / 31 / 2) * 100) / 100);
    expect(refund['2026-08']).toBe(15_000);
    expect(refund['2026-09']).toBe(Math.round(((30_000 * 9) / 30 / 2) * 100) / 100);
    expect(refund['2026-10']).toBe(0);
  });

  it('ends the refund a year after the first discharge when the stay starts late, re-admission or not (stk. 3)', () => {
    const refund = byMonth(
      months,
      careRefundByMonth(p107({ start: '2026-11-01' }), ['2026-03-10', '2026-10-20'], months, half),
    );
    expect(refund['2027-02']).toBe(15_000);
    expect(refund['2027-03']).toBe(Math.round(((30_000 * 9) / 31 / 2) * 100) / 100);
  });

  it('refunds nothing for a § 108 placement or a § 107 decided after the discharge', () => {
    expect(
      careRefundByMonth(p107({ kind: 's108' }), ['2026-03-10'], months, half).every((v) => v === 0),
    ).toBe(true);
    expect(
      careRefundByMonth(p107({ decidedOn: '2026-03-10' }), ['2026-03-10'], months, half).every(
        (v) => v === 0,
      ),
    ).toBe(true);
  });
});

describe('the dilemma: citizen-months of Housing First', () => {
  it('divides the beyond-limit cost by support + housing, and by the support net of the 50 % refund + housing', () => {
    expect(housingFirstMonths(145_000, 6000, 1250, 50)).toEqual({ months: 20, monthsWithRefund: 34.1 });
    expect(housingFirstMonths(0, null, 0, 50)).toEqual({ months: null, monthsWithRefund: null });
  });
});
