import { describe, expect, it } from 'vitest';
import { cprBirthYear, formatCpr, looksLikeCpr, parseCpr, passesModulus11 } from './cpr';

// Test numbers are born 1858–1899 (digit 7 of 5–8 with YY 58–99) or are checked for format only,
// so that no test uses a number a living person could hold.
describe('CPR numbers (domain.md §8, cpr.dk "Opbygning af CPR-nummeret")', () => {
  it('accepts ten digits with or without the hyphen after digit 6 (cpr.dk structure)', () => {
    expect(parseCpr('0101605003')).toMatchObject({ ok: true, cpr: '0101605003' });
    expect(parseCpr(' 010160-5003 ')).toMatchObject({ ok: true, cpr: '0101605003' });
  });

  it('rejects anything but ten digits as a format problem (cpr.dk structure)', () => {
    for (const bad of ['010160500', '01016050031', '010160 5003', 'abcdefghij', '010160--5003', '']) {
      expect(parseCpr(bad)).toEqual({ ok: false, problem: 'format' });
    }
  });

  it('accepts a number that fails modulus 11: issued since 1 Oct 2007, must not be rejected (cpr.dk "Personnumre uden kontrolciffer")', () => {
    const result = parseCpr('0101605003');
    expect(result.ok && result.modulus11).toBe(false);
    expect(result.ok).toBe(true);
  });

  it('reports modulus 11 when it holds, as information only (domain.md §8, weights 4,3,2,7,6,5,4,3,2,1)', () => {
    expect(passesModulus11('0707614285')).toBe(true);
    expect(passesModulus11('0707614286')).toBe(false);
  });

  it('rejects a day-month that is no real date in the century digit 7 gives (domain.md §8)', () => {
    expect(parseCpr('3102605003')).toEqual({ ok: false, problem: 'date' }); // 31 February
    expect(parseCpr('0113605003')).toEqual({ ok: false, problem: 'date' }); // month 13
    expect(parseCpr('0001605003')).toEqual({ ok: false, problem: 'date' }); // day 0
    // 29 February exists in 1896 (digit 7 = 5, YY 96 → 1800s) but not in 1900 (digit 7 = 0)
    expect(parseCpr('2902965003')).toMatchObject({ ok: true, birthDate: '1896-02-29' });
    expect(parseCpr('2902000003')).toEqual({ ok: false, problem: 'date' });
  });

  it('derives the century from digit 7 and YY (domain.md §8 century rule, Wikipedia "CPR-nummer")', () => {
    expect(cprBirthYear(85, 0)).toBe(1985);
    expect(cprBirthYear(85, 3)).toBe(1985);
    expect(cprBirthYear(10, 4)).toBe(2010);
    expect(cprBirthYear(36, 9)).toBe(2036);
    expect(cprBirthYear(37, 4)).toBe(1937);
    expect(cprBirthYear(57, 5)).toBe(2057);
    expect(cprBirthYear(58, 8)).toBe(1858);
    expect(cprBirthYear(99, 6)).toBe(1899);
    expect(parseCpr('1507655002')).toMatchObject({ ok: true, birthDate: '1865-07-15' });
  });

  it('reads sex from the last digit: odd is male, even is female (cpr.dk structure)', () => {
    expect(parseCpr('0101605003')).toMatchObject({ sex: 'male' });
    expect(parseCpr('0101605004')).toMatchObject({ sex: 'female' });
  });

  it('formats for display and recognises CPR-like search text', () => {
    expect(formatCpr('0101605003')).toBe('010160-5003');
    expect(looksLikeCpr('010160')).toBe(true);
    expect(looksLikeCpr('010160-50')).toBe(true);
    expect(looksLikeCpr('Jensen')).toBe(false);
  });
});
