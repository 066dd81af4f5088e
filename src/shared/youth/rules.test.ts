import { describe, expect, it } from 'vitest';
import {
  birthdayAt,
  decisionClockStart,
  decisionTiming,
  kuiCovers,
  leftCareAt18,
  needsYouthSupportDecision,
  pairingActive,
  periodProblem,
  placedOn,
  ungestoetteAvailable,
  ungestoettePeriod,
  ungestoetteProblems,
  youthSupportDeadline,
  youthUnitEligibility,
} from './rules';

describe('birthdays, with 29 February handled', () => {
  it('gives the same day of the month in later years', () => {
    expect(birthdayAt('2009-06-15', 18)).toBe('2027-06-15');
  });
  it('gives 1 March as the birthday of a person born on 29 February in a common year', () => {
    expect(birthdayAt('2008-02-29', 17)).toBe('2025-03-01');
    expect(birthdayAt('2008-02-29', 18)).toBe('2026-03-01');
  });
  it('gives 29 February as the birthday of a person born on 29 February in a leap year', () => {
    expect(birthdayAt('2012-02-29', 20)).toBe('2032-02-29');
  });
});

describe('rule 31 / Barnets Lov § 111: the youth-support decision is due 6 months before the 18th birthday', () => {
  it('is due on 15 December 2026 for a young person born on 15 June 2009, with the clock from the 17th birthday', () => {
    expect(youthSupportDeadline('2009-06-15')).toBe('2026-12-15');
    expect(decisionClockStart('2009-06-15')).toBe('2026-06-15');
  });
  it('is due on 1 September 2025 for a young person born on 29 February 2008, whose 18th birthday is 1 March 2026', () => {
    expect(youthSupportDeadline('2008-02-29')).toBe('2025-09-01');
    expect(decisionClockStart('2008-02-29')).toBe('2025-03-01');
  });
  it('is due on the last day of February when the 18th birthday is on 31 August', () => {
    expect(youthSupportDeadline('2009-08-31')).toBe('2027-02-28');
    expect(youthSupportDeadline('2010-08-31')).toBe('2028-02-29');
  });
  it('flags a decision after the deadline as late, and one on or after the 18th birthday as after 18, never refusing it', () => {
    expect(decisionTiming('2009-06-15', '2026-12-15')).toBe('on_time');
    expect(decisionTiming('2009-06-15', '2026-12-16')).toBe('late');
    expect(decisionTiming('2009-06-15', '2027-06-14')).toBe('late');
    expect(decisionTiming('2009-06-15', '2027-06-15')).toBe('after_18');
  });
  it('flags a decision for a young person born on 29 February as late from 2 September, after 18 from 1 March', () => {
    expect(decisionTiming('2008-02-29', '2025-09-01')).toBe('on_time');
    expect(decisionTiming('2008-02-29', '2025-09-02')).toBe('late');
    expect(decisionTiming('2008-02-29', '2026-02-28')).toBe('late');
    expect(decisionTiming('2008-02-29', '2026-03-01')).toBe('after_18');
  });
  it('asks for a decision for a placed young person from the 17th birthday until the 18th, while none is made', () => {
    expect(needsYouthSupportDecision('2009-06-15', true, false, '2026-06-14')).toBe(false);
    expect(needsYouthSupportDecision('2009-06-15', true, false, '2026-06-15')).toBe(true);
    expect(needsYouthSupportDecision('2009-06-15', true, false, '2027-06-14')).toBe(true);
    expect(needsYouthSupportDecision('2009-06-15', true, false, '2027-06-15')).toBe(false);
    expect(needsYouthSupportDecision('2009-06-15', true, true, '2026-09-01')).toBe(false);
    expect(needsYouthSupportDecision('2009-06-15', false, false, '2026-09-01')).toBe(false);
  });
  it('starts the clock on 1 March 2025 for a placed young person born on 29 February 2008', () => {
    expect(needsYouthSupportDecision('2008-02-29', true, false, '2025-02-28')).toBe(false);
    expect(needsYouthSupportDecision('2008-02-29', true, false, '2025-03-01')).toBe(true);
  });
});

describe('rule 31: ungestøtte applies at ages 18–22 and may be re-established until the 23rd birthday', () => {
  it('runs from the 18th birthday to the day before the 23rd birthday', () => {
    expect(ungestoettePeriod('2009-06-15')).toEqual({ from: '2027-06-15', until: '2032-06-14' });
    expect(ungestoettePeriod('2008-02-29')).toEqual({ from: '2026-03-01', until: '2031-02-28' });
  });
  it('is available at 18 and 22, not at 17 or 23', () => {
    expect(ungestoetteAvailable('2009-06-15', '2027-06-14')).toBe(false);
    expect(ungestoetteAvailable('2009-06-15', '2027-06-15')).toBe(true);
    expect(ungestoetteAvailable('2009-06-15', '2032-06-14')).toBe(true);
    expect(ungestoetteAvailable('2009-06-15', '2032-06-15')).toBe(false);
  });
  it('can be re-established at 22 but not started before 18 or run past the 23rd birthday', () => {
    expect(ungestoetteProblems('2009-06-15', '2031-01-10', null)).toEqual([]);
    expect(ungestoetteProblems('2009-06-15', '2027-06-14', null)).toEqual(['fromDate']);
    expect(ungestoetteProblems('2009-06-15', '2031-01-10', '2032-06-15')).toEqual(['toDate']);
    expect(ungestoetteProblems('2009-06-15', '2032-06-15', null)).toEqual(['fromDate']);
  });
});

describe('rule 32: KUI covers under-25s without a youth education', () => {
  it('covers a 24-year-old without a youth education, not on the 25th birthday', () => {
    expect(kuiCovers('2002-03-10', 'none', '2027-03-09')).toBe(true);
    expect(kuiCovers('2002-03-10', 'none', '2027-03-10')).toBe(false);
  });
  it('covers one in or planning a youth education, not one who has completed it', () => {
    expect(kuiCovers('2008-01-01', 'in_education', '2026-12-05')).toBe(true);
    expect(kuiCovers('2008-01-01', 'planned', '2026-12-05')).toBe(true);
    expect(kuiCovers('2008-01-01', 'completed', '2026-12-05')).toBe(false);
  });
});

describe('rule 26: youth-unit eligibility (the allocation module’s rule)', () => {
  it('admits a young person in education or with a special need under the age bound of 30', () => {
    expect(
      youthUnitEligibility('1997-12-06', { education: 'in_education', specialNeed: false }, '2026-12-05', 30),
    ).toEqual({ eligible: true, key: 'youth.inEducation' });
    expect(
      youthUnitEligibility('2000-01-01', { education: 'none', specialNeed: true }, '2026-12-05', 30),
    ).toEqual({
      eligible: true,
      key: 'youth.specialNeed',
    });
  });
  it('refuses one on the 30th birthday, and one with neither education nor a special need', () => {
    expect(
      youthUnitEligibility('1996-12-05', { education: 'in_education', specialNeed: false }, '2026-12-05', 30),
    ).toEqual({ eligible: false, key: 'youth.tooOld' });
    expect(
      youthUnitEligibility('2000-01-01', { education: 'none', specialNeed: false }, '2026-12-05', 30),
    ).toEqual({
      eligible: false,
      key: 'youth.noGround',
    });
  });
  it('follows the configured age bound', () => {
    expect(
      youthUnitEligibility('2000-01-01', { education: 'planned', specialNeed: false }, '2026-12-05', 25),
    ).toEqual({ eligible: false, key: 'youth.tooOld' });
  });
});

describe('placements, periods and pairings', () => {
  it('finds a placement ending before it starts, and accepts one ending the day it starts', () => {
    expect(periodProblem('2024-05-01', '2024-04-30')).toBe('toDate');
    expect(periodProblem('2024-05-01', '2024-05-01')).toBeNull();
    expect(periodProblem('2024-05-01', null)).toBeNull();
  });
  it('sees a young person as placed on the days an open or ended placement covers', () => {
    const history = [{ fromDate: '2020-01-01', toDate: '2022-12-31' }];
    expect(placedOn(history, '2022-12-31')).toBe(true);
    expect(placedOn(history, '2023-01-01')).toBe(false);
    expect(placedOn([{ fromDate: '2020-01-01', toDate: null }], '2030-01-01')).toBe(true);
  });
  it('sees a young person as leaving care at 18 when placed on the day before the 18th birthday', () => {
    expect(leftCareAt18('2008-02-29', [{ fromDate: '2020-01-01', toDate: '2026-02-28' }])).toBe(true);
    expect(leftCareAt18('2008-02-29', [{ fromDate: '2020-01-01', toDate: '2026-02-27' }])).toBe(false);
  });
  it('puts a pairing (parløb) in force from the chosen age', () => {
    expect(pairingActive('2010-06-01', 16, '2026-05-31')).toBe(false);
    expect(pairingActive('2010-06-01', 16, '2026-06-01')).toBe(true);
  });
});
