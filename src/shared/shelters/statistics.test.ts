import { describe, expect, it } from 'vitest';
import {
  lengthDistribution,
  median,
  quarterOf,
  quarterPeriod,
  quartersUpTo,
  type ReportStay,
  reportFile,
  reportGaps,
  reportRow,
  stayInQuarter,
  stayLength,
} from './statistics';

const stay = (over: Partial<ReportStay> = {}): ReportStay => ({
  id: 's1',
  cpr: '0101901234',
  birthDate: '1990-01-01',
  initials: 'AB',
  name: 'Anders Berg',
  admittedOn: '2026-02-10',
  dischargedOn: null,
  lastStay: 'street',
  dischargedTo: null,
  municipalDischarge: false,
  ...over,
});

describe('stay lengths (issue 16 §10)', () => {
  it('counts a stay in nights, an open one up to the day asked', () => {
    expect(stayLength('2026-01-01', '2026-01-31', '2026-06-01')).toBe(30);
    expect(stayLength('2026-01-01', null, '2026-01-11')).toBe(10);
    expect(stayLength('2026-01-01', '2026-01-01', '2026-06-01')).toBe(0);
  });

  it('takes the median of an odd and an even number of stays, and none of no stays', () => {
    expect(median([30, 2, 400])).toBe(30);
    expect(median([10, 2, 40, 4])).toBe(7);
    expect(median([])).toBeNull();
  });

  it('puts each length in one band, 120 nights in the band that ends at 120', () => {
    expect(lengthDistribution([0, 7, 8, 90, 120, 121, 365, 366])).toEqual({
      '0-7': 2,
      '8-30': 1,
      '31-90': 1,
      '91-120': 1,
      '121-365': 2,
      '366+': 1,
    });
  });
});

describe('quarters', () => {
  it('finds the quarter of a date and its first and last day', () => {
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterPeriod('2026-Q4')).toEqual({ from: '2026-10-01', until: '2027-01-01' });
    expect(quarterPeriod('2026-Q2')).toEqual({ from: '2026-04-01', until: '2026-07-01' });
  });

  it('lists the quarters back across a new year, oldest first', () => {
    expect(quartersUpTo('2026-02-15', 3)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
  });

  it('reports a stay in every quarter it has a day in, the discharge day included', () => {
    expect(stayInQuarter('2025-12-20', '2026-01-01', '2026-Q1')).toBe(true);
    expect(stayInQuarter('2025-12-20', '2025-12-31', '2026-Q1')).toBe(false);
    expect(stayInQuarter('2026-04-01', null, '2026-Q1')).toBe(false);
    expect(stayInQuarter('2024-01-01', null, '2026-Q1')).toBe(true);
  });
});

describe('the quarterly stay report to Danmarks Statistik (domain.md §10)', () => {
  it('finds no gap in a complete row of a stay still open', () => {
    expect(reportGaps(stay(), '2026-Q1')).toEqual([]);
  });

  it('names the CPR number, the last whereabouts and the move-out destination that DST finds blank', () => {
    const s = stay({ cpr: null, lastStay: 'unknown', dischargedOn: '2026-03-01', dischargedTo: 'unknown' });
    expect(reportGaps(s, '2026-Q1')).toEqual(['cpr', 'last_stay', 'moved_to']);
    expect(reportGaps(stay({ lastStay: null }), '2026-Q1')).toEqual(['last_stay']);
  });

  it('asks for the move-out destination only of a stay that ended in the quarter', () => {
    const later = stay({ dischargedOn: '2026-04-02', dischargedTo: 'unknown' });
    expect(reportGaps(later, '2026-Q1')).toEqual([]);
    expect(reportGaps(later, '2026-Q2')).toEqual(['moved_to']);
  });

  it('writes the person by CPR number, or by birth date and initials when the CPR number is unknown', () => {
    expect(reportRow(stay(), '2026-Q1', 'Herberget')).toEqual([
      '2026-Q1',
      '110',
      'Herberget',
      '0101901234',
      '',
      '',
      '10-02-2026',
      '',
      'gade',
      '',
      '',
    ]);
    const anonymous = reportRow(stay({ cpr: null }), '2026-Q1', 'Herberget');
    expect(anonymous.slice(3, 6)).toEqual(['', '01-01-1990', 'AB']);
  });

  it('writes a departure in the quarter with who decided it (§ 110 stk. 4 or stk. 5) and where the person went', () => {
    const row = reportRow(
      stay({ dischargedOn: '2026-03-15', dischargedTo: 'own_home', municipalDischarge: true }),
      '2026-Q1',
      'H',
    );
    expect(row.slice(7)).toEqual(['15-03-2026', 'gade', 'kommune_110_stk5', 'egen_bolig']);
  });

  it('makes a file of a header and one line per stay, with no semicolon inside a field', () => {
    const file = reportFile([stay(), stay({ id: 's2' })], '2026-Q1', 'Herberg; Nord');
    const lines = file.split('\r\n');
    expect(lines[0]).toBe(
      'kvartal;opholdstype;boform;cpr;foedselsdato;initialer;indflytning;udflytning;sidste_opholdssted;udskrivning;fraflytning_til',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]?.split(';')).toHaveLength(11);
    expect(lines[1]).toContain('Herberg  Nord');
  });
});
