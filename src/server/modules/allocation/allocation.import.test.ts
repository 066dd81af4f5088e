import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../shared/parse';

describe('parseDate (dates in imported lists)', () => {
  it('reads åååå-mm-dd, dd.mm.åååå and d-m-åååå, around spaces', () => {
    expect(parseDate('2026-12-01')).toBe('2026-12-01');
    expect(parseDate('01.12.2026')).toBe('2026-12-01');
    expect(parseDate(' 1-2-2026 ')).toBe('2026-02-01');
  });

  it('knows leap years: 29 February 2024 and 2000, not 2025 or 1900', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('29.02.2000')).toBe('2000-02-29');
    expect(parseDate('2025-02-29')).toBeUndefined();
    expect(parseDate('29-02-1900')).toBeUndefined();
  });

  it('refuses days and months that do not exist and other formats', () => {
    for (const text of [
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '00.01.2026',
      '2026-1-5',
      '01/02/2026',
      '',
      'i går',
    ])
      expect(parseDate(text), text).toBeUndefined();
  });

  it('agrees with the calendar on every day of two centuries, and on every impossible day', () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    for (let year = 1899; year <= 2101; year++)
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) {
          const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
          const real = new Date(`${iso}T00:00:00Z`);
          const expected =
            !Number.isNaN(real.getTime()) && real.toISOString().slice(0, 10) === iso ? iso : undefined;
          if (parseDate(iso) !== expected) expect(parseDate(iso), iso).toBe(expected);
          if (parseDate(`${pad(day)}.${pad(month)}.${year}`) !== expected)
            expect(parseDate(`${pad(day)}.${pad(month)}.${year}`), iso).toBe(expected);
        }
  });
});
