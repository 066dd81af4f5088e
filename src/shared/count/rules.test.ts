import { describe, expect, it } from 'vitest';
import { countFigures, reportedFigures } from './report';
import { countDay, countYears, durationOf, isCountYear, samePerson, week6 } from './rules';

describe('the count years and week 6 (domain.md rule 5)', () => {
  it('are the odd years 2007–2019, then 2022, 2024 and every second year after', () => {
    expect(countYears(2030)).toEqual([
      2007, 2009, 2011, 2013, 2015, 2017, 2019, 2022, 2024, 2026, 2028, 2030,
    ]);
    expect([2006, 2008, 2020, 2021, 2023, 2025].some(isCountYear)).toBe(false);
  });

  it('is ISO week 6, Monday to Sunday, also when week 1 begins in the year before', () => {
    expect(week6(2019)).toEqual({ from: '2019-02-04', to: '2019-02-10' });
    expect(week6(2022)).toEqual({ from: '2022-02-07', to: '2022-02-13' });
    expect(week6(2024)).toEqual({ from: '2024-02-05', to: '2024-02-11' });
    // 4 January 2026 is a Sunday: week 1 begins on 29 December 2025.
    expect(week6(2026)).toEqual({ from: '2026-02-02', to: '2026-02-08' });
    expect(week6(2009)).toEqual({ from: '2009-02-02', to: '2009-02-08' });
  });

  it('takes ages and durations on the Wednesday of week 6', () => {
    expect(countDay(2022)).toBe('2022-02-09');
    expect(countDay(2019)).toBe('2019-02-06');
  });
});

describe('one person counted once (domain.md rule 6)', () => {
  const born = '1990-05-01';
  it('is the same CPR number when both have one, whatever the initials', () => {
    expect(
      samePerson(
        { cpr: '0105901234', initials: 'AB', birthDate: born },
        { cpr: '0105901234', initials: 'XY', birthDate: born },
      ),
    ).toBe(true);
    expect(
      samePerson(
        { cpr: '0105901234', initials: 'AB', birthDate: born },
        { cpr: '0105901235', initials: 'AB', birthDate: born },
      ),
    ).toBe(false);
  });

  it('falls back on initials and birth date when either has no CPR number', () => {
    expect(
      samePerson(
        { cpr: null, initials: 'a.b.', birthDate: born },
        { cpr: '0105901234', initials: 'AB', birthDate: born },
      ),
    ).toBe(true);
    expect(
      samePerson(
        { cpr: null, initials: 'AB', birthDate: born },
        { cpr: null, initials: 'AB', birthDate: '1990-05-02' },
      ),
    ).toBe(false);
    expect(
      samePerson(
        { cpr: null, initials: null, birthDate: born },
        { cpr: null, initials: null, birthDate: born },
      ),
    ).toBe(false);
  });
});

describe('the duration of homelessness', () => {
  it('falls in the bands under 3 months, 3–12 months, 1–2 years and over 2 years, unknown without a start', () => {
    expect(durationOf('2022-01-01', '2022-02-09')).toBe('under_3_months');
    expect(durationOf('2021-06-01', '2022-02-09')).toBe('3_to_12_months');
    expect(durationOf('2020-06-01', '2022-02-09')).toBe('1_to_2_years');
    expect(durationOf('2019-06-01', '2022-02-09')).toBe('over_2_years');
    expect(durationOf(null, '2022-02-09')).toBe('unknown');
  });
});

describe('the count figures (domain.md rules 7 and 8)', () => {
  const person = (birthDate: string, migrant = false) => ({
    situation: 'street' as const,
    birthDate,
    sex: 'male' as const,
    migrantWithoutResidence: migrant,
  });

  it('keep homeless migrants without residence apart and out of the total (rule 7)', () => {
    const f = countFigures(2022, [person('1980-01-01'), person('1980-01-01', true), person('1970-01-01')]);
    expect(f.total).toBe(2);
    expect(f.migrants).toBe(1);
    expect(f.bySituation.street).toBe(2);
  });

  it('band ages on the count day: under 18, 18–24, 25–29, 30–39, 40–49, 50–59, 60+ (rule 8)', () => {
    // 18 on 9 February 2022 (the count's Wednesday), 17 the day before it turns 18.
    const f = countFigures(2022, [
      person('2004-02-09'),
      person('2004-02-10'),
      person('1992-02-09'),
      person('1962-02-09'),
    ]);
    expect(f.byAgeBand).toMatchObject({ under_18: 1, '18_24': 1, '30_39': 1, '60_plus': 1 });
    expect(f.youth18to29).toBe(1);
  });

  it('suppress small cells and a neighbour that would tell them when they leave case work (rule 33)', () => {
    const people = [
      ...Array.from({ length: 9 }, () => person('1980-01-01')),
      { ...person('1980-01-01'), situation: 'shelter' as const },
    ];
    const r = reportedFigures(countFigures(2022, people));
    expect(r.total).toBe(10);
    expect(r.bySituation.shelter).toBe('<5');
    expect(r.bySituation.street).toBe('x');
  });
});
