import { describe, expect, it } from 'vitest';
import { parseDate, parseNumber } from './parse';

describe('parseDate', () => {
  it('reads åååå-mm-dd, dd.mm.åååå and dd-mm-åååå as åååå-mm-dd', () => {
    expect(parseDate('2026-12-01')).toBe('2026-12-01');
    expect(parseDate('01.12.2026')).toBe('2026-12-01');
    expect(parseDate(' 1-2-2026 ')).toBe('2026-02-01');
  });

  it('refuses days that do not exist, and other writings', () => {
    for (const text of ['2025-02-29', '31.04.2026', '2026-13-01', '00.01.2026', '2026-1-5', '01/02/2026', ''])
      expect(parseDate(text), text).toBeUndefined();
    expect(parseDate('29.02.2024')).toBe('2024-02-29');
  });

  it('also reads slashes and spaces when a person typed the date', () => {
    expect(parseDate('01/02/2026', { typed: true })).toBe('2026-02-01');
    expect(parseDate('1 2 2026', { typed: true })).toBe('2026-02-01');
    expect(parseDate('30/02/2026', { typed: true })).toBeUndefined();
  });
});

describe('parseNumber', () => {
  it('reads a decimal comma or point, a sign and a trailing percent', () => {
    expect(parseNumber('7,5')).toBe(7.5);
    expect(parseNumber('12.25')).toBe(12.25);
    expect(parseNumber('-1')).toBe(-1);
    expect(parseNumber('7,5 %')).toBe(7.5);
  });

  it('reads thousands points only in grouped amounts', () => {
    expect(parseNumber('1.250,50', { grouped: true })).toBe(1250.5);
    expect(parseNumber('5.250', { grouped: true })).toBe(5250);
    expect(parseNumber('5.250 kr.', { grouped: true })).toBe(5250);
    expect(parseNumber('1.250')).toBe(1.25);
    expect(parseNumber('12.5', { grouped: true })).toBe(12.5);
  });

  it('answers undefined for text that is no number', () => {
    for (const text of ['', 'x', '7,5,1', '1.250,50', '--1']) expect(parseNumber(text), text).toBeUndefined();
  });
});
