import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  ageOn,
  danishPublicHolidays,
  daysBetween,
  easterSunday,
  isWorkingDay,
  workingDaysBetween,
} from './dates';

describe('calendar days', () => {
  it('adds and counts days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
  });

  it('does not lose or gain a day over the summer-time changes', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it('counts age in whole years, a day before and on the birthday', () => {
    expect(ageOn('2000-06-15', '2018-06-14')).toBe(17);
    expect(ageOn('2000-06-15', '2018-06-15')).toBe(18);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
  });
});

describe('Danish public holidays (helligdage)', () => {
  it('finds Easter Sunday by the Gregorian computus', () => {
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2023)).toBe('2023-04-09');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the Easter-based holidays of 2026 and the fixed ones', () => {
    expect([...danishPublicHolidays(2026)].sort()).toEqual([
      '2026-01-01', // nytårsdag
      '2026-04-02', // skærtorsdag
      '2026-04-03', // langfredag
      '2026-04-05', // påskedag
      '2026-04-06', // 2. påskedag
      '2026-05-14', // Kristi himmelfartsdag
      '2026-05-24', // pinsedag
      '2026-05-25', // 2. pinsedag
      '2026-12-25', // juledag
      '2026-12-26', // 2. juledag
    ]);
  });

  it('keeps Store Bededag until 2023 and not from 2024 (lov nr. 182 of 28.02.2023)', () => {
    expect(danishPublicHolidays(2023).has('2023-05-05')).toBe(true);
    expect(isWorkingDay('2023-05-05')).toBe(false);
    const storeBededag2024 = addDays(easterSunday(2024), 26);
    expect(storeBededag2024).toBe('2024-04-26');
    expect(danishPublicHolidays(2024).has(storeBededag2024)).toBe(false);
    expect(isWorkingDay(storeBededag2024)).toBe(true);
  });
});

describe('working days (hverdage)', () => {
  it('skips weekends and holidays when adding working days', () => {
    // Friday 2026-04-03 is Good Friday: the next working day after Thursday 2 April is Tuesday 7 April.
    expect(addWorkingDays('2026-04-01', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-07', 0)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-07', -1)).toBe('2026-12-04');
  });

  it('gives the § 110 stk. 6 notification deadline: 3 working days after the admission decision', () => {
    // Decision on Tuesday 22 December 2026: 23, 24 (juleaftensdag is no public holiday) and, after
    // Christmas and the weekend, 28 December are the three working days.
    expect(addWorkingDays('2026-12-22', 3)).toBe('2026-12-28');
    expect(workingDaysBetween('2026-12-22', '2026-12-28')).toBe(3);
    expect(workingDaysBetween('2026-12-22', '2026-12-27')).toBe(2);
  });

  it('counts no working days back in time', () => {
    expect(workingDaysBetween('2026-12-28', '2026-12-22')).toBe(0);
  });
});
