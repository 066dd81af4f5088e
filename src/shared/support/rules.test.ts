import { describe, expect, it } from 'vitest';
import { DEFAULT_METHOD_SETTINGS, type MethodSettings } from './model';
import {
  caseloadLoad,
  ctiContactPattern,
  ctiPlannedEnd,
  ctiPlannedPhases,
  enrollmentDateProblems,
  housedAfter,
  housingAllowsStart,
  mayHavePlannedEnd,
  phaseOn,
  providerChoiceProblems,
  settingsOn,
} from './rules';

describe('CTI (domain.md rule 16)', () => {
  it('domain.md rule 16: CTI lasts 3 phases × 3 months after the contact-building period', () => {
    expect(ctiPlannedEnd('2026-01-01', 30)).toBe('2026-10-31');
    expect(ctiPlannedPhases('2026-01-01', 30)).toEqual({
      contact_building: '2026-01-01',
      phase1: '2026-01-31',
      phase2: '2026-04-30',
      phase3: '2026-07-31',
    });
  });

  it('domain.md rule 16: CTI cannot start without a signed lease or move-in on or before the start', () => {
    const cti = { leaseRequired: true };
    expect(housingAllowsStart(cti, '2026-03-01', { leaseOrMoveInOn: [] })).toBe(false);
    expect(housingAllowsStart(cti, '2026-03-01', { leaseOrMoveInOn: ['2026-03-02'] })).toBe(false);
    expect(housingAllowsStart(cti, '2026-03-01', { leaseOrMoveInOn: ['2026-02-20'] })).toBe(true);
    expect(housingAllowsStart({ leaseRequired: false }, '2026-03-01', { leaseOrMoveInOn: [] })).toBe(true);
  });

  it('domain.md rule 16: the home must still be there on the start: an own home left for a shelter does not count', () => {
    const cti = { leaseRequired: true };
    const housedThenShelter = [
      { from: '2025-01-01', housed: true },
      { from: '2026-02-01', housed: false },
    ];
    expect(
      housingAllowsStart(cti, '2026-03-01', { leaseOrMoveInOn: [], whereabouts: housedThenShelter }),
    ).toBe(false);
    expect(
      housingAllowsStart(cti, '2026-01-15', { leaseOrMoveInOn: [], whereabouts: housedThenShelter }),
    ).toBe(true);
    // A lease signed after the stay in the shelter lets CTI start; one signed before it does not.
    expect(
      housingAllowsStart(cti, '2026-03-01', {
        leaseOrMoveInOn: ['2026-02-20'],
        whereabouts: housedThenShelter,
      }),
    ).toBe(true);
    expect(
      housingAllowsStart(cti, '2026-03-01', {
        leaseOrMoveInOn: ['2025-06-01'],
        whereabouts: housedThenShelter,
      }),
    ).toBe(false);
    // A lease and an episode on the same day: the lease is what lets the citizen home.
    expect(
      housingAllowsStart(cti, '2026-03-01', {
        leaseOrMoveInOn: ['2026-02-01'],
        whereabouts: housedThenShelter,
      }),
    ).toBe(true);
  });

  it('domain.md rule 16: the phase on a date is the latest change on or before it', () => {
    const changes = [
      { phase: 'contact_building' as const, fromOn: '2026-01-01' },
      { phase: 'phase1' as const, fromOn: '2026-02-01' },
    ];
    expect(phaseOn(changes, '2025-12-31')).toBeNull();
    expect(phaseOn(changes, '2026-01-15')).toBe('contact_building');
    expect(phaseOn(changes, '2026-03-01')).toBe('phase1');
  });
});

describe('no end date (domain.md rule 17)', () => {
  it('domain.md rule 17: ICM and ACT have no planned end; CTI and treatment may', () => {
    expect(mayHavePlannedEnd('icm')).toBe(false);
    expect(mayHavePlannedEnd('act')).toBe(false);
    expect(mayHavePlannedEnd('bostoette_85')).toBe(false);
    expect(mayHavePlannedEnd('cti')).toBe(true);
    expect(mayHavePlannedEnd('treatment_substance')).toBe(true);
  });
});

describe('caseload and fidelity (domain.md rule 18)', () => {
  it('domain.md rule 18: defaults CTI ≤ 20, ICM ≤ 20, ACT ≤ 10 per full-time worker; weekly, 2 weeks, monthly', () => {
    expect(DEFAULT_METHOD_SETTINGS.cti.caseloadNorm).toBe(20);
    expect(DEFAULT_METHOD_SETTINGS.icm.caseloadNorm).toBe(20);
    expect(DEFAULT_METHOD_SETTINGS.act.caseloadNorm).toBe(10);
    expect(DEFAULT_METHOD_SETTINGS.cti.phaseIntervalDays).toEqual([7, 14, 30]);
  });

  it('domain.md rule 18: the norm is a dated setting; the one in force on a date applies', () => {
    const later: MethodSettings = {
      method: 'cti',
      validFrom: '2026-06-01',
      ...DEFAULT_METHOD_SETTINGS.cti,
      caseloadNorm: 15,
    };
    expect(settingsOn('cti', [later], '2026-05-31').caseloadNorm).toBe(20);
    expect(settingsOn('cti', [later], '2026-06-01').caseloadNorm).toBe(15);
  });

  it('domain.md rule 18: caseload against norm × FTE warns above the norm', () => {
    const half = caseloadLoad({ cti: 10 }, { cti: 20 }, 0.5);
    expect(half).toMatchObject({ load: 1, overNorm: false });
    expect(half.lines).toEqual([{ method: 'cti', active: 10, capacity: 10 }]);
    expect(caseloadLoad({ cti: 11 }, { cti: 20 }, 0.5).overNorm).toBe(true);
    expect(caseloadLoad({ cti: 10, icm: 10 }, { cti: 20, icm: 20 }, 1)).toMatchObject({ load: 1 });
    expect(caseloadLoad({ spir: 30 }, { spir: null }, 1)).toMatchObject({ load: null, overNorm: false });
  });

  it('domain.md rule 18: warns when phase 1 is below weekly and when contact does not fall', () => {
    const changes = [
      { phase: 'phase1' as const, fromOn: '2026-01-01' },
      { phase: 'phase2' as const, fromOn: '2026-01-29' },
    ];
    const weekly = ['2026-01-02', '2026-01-09', '2026-01-16', '2026-01-23'].map((contactOn) => ({
      contactOn,
      kind: 'home_visit' as const,
    }));
    const ok = ctiContactPattern(
      changes,
      [...weekly, { contactOn: '2026-02-10', kind: 'phone' }],
      '2026-02-25',
      [7, 14, 30],
    );
    expect(ok.warnings).toEqual([]);
    expect(ok.phases[0]).toMatchObject({ phase: 'phase1', days: 28, contacts: 4, daysPerContact: 7 });
    const sparse = ctiContactPattern(changes, weekly.slice(0, 2), '2026-02-25', [7, 14, 30]);
    expect(sparse.warnings).toContain('phase1_below_weekly');
    const rising = ctiContactPattern(
      changes,
      [
        ...weekly,
        ...['2026-01-30', '2026-02-02', '2026-02-05', '2026-02-08', '2026-02-11'].map((contactOn) => ({
          contactOn,
          kind: 'phone' as const,
        })),
      ],
      '2026-02-12',
      [7, 14, 30],
    );
    expect(rising.warnings).toContain('not_falling');
  });

  it('domain.md rule 18: a missed contact does not count as a contact', () => {
    const pattern = ctiContactPattern(
      [{ phase: 'phase1', fromOn: '2026-01-01' }],
      [{ contactOn: '2026-01-02', kind: 'missed' }],
      '2026-01-10',
      [7, 14, 30],
    );
    expect(pattern.phases[0]?.contacts).toBe(0);
  });
});

describe('decisions and dates', () => {
  it('an end before the start and a decision in the future are refused, naming the field', () => {
    expect(
      enrollmentDateProblems(
        { decisionOn: '2026-01-01', startOn: '2026-02-01', plannedEndOn: '2026-01-15', endOn: '2026-01-20' },
        '2026-03-01',
      ),
    ).toEqual([
      { path: 'plannedEndOn', code: 'end_before_start' },
      { path: 'endOn', code: 'end_before_start' },
    ]);
    expect(
      enrollmentDateProblems(
        { decisionOn: '2026-04-01', startOn: '2026-04-01', plannedEndOn: null },
        '2026-03-01',
      ),
    ).toEqual([{ path: 'decisionOn', code: 'future_date' }]);
  });

  it('serviceloven § 85 a: a wish for a provider not followed needs a reason', () => {
    const wish = { providerWish: 'Herberget Nordlys', providerWishFollowed: false, providerWishReason: '' };
    expect(providerChoiceProblems(wish)).toEqual([{ path: 'providerWishReason', code: 'reason_required' }]);
    expect(providerChoiceProblems({ ...wish, providerWishReason: 'Ingen ledig kapacitet' })).toEqual([]);
    expect(providerChoiceProblems({ ...wish, providerWishFollowed: true })).toEqual([]);
    expect(
      providerChoiceProblems({ providerWish: null, providerWishFollowed: null, providerWishReason: null }),
    ).toEqual([]);
  });
});

describe('housing retention (issue 15 §8)', () => {
  const episodes = [
    { situation: 'housed', fromDate: '2025-01-10' },
    { situation: 'street', fromDate: '2025-09-01' },
  ];
  it('is housed at a milestone when the whereabouts in force then are own home; unknown before it', () => {
    expect(housedAfter('2025-01-10', 3, episodes, '2026-06-01')).toBe(true);
    expect(housedAfter('2025-01-10', 6, episodes, '2026-06-01')).toBe(true);
    expect(housedAfter('2025-01-10', 12, episodes, '2026-06-01')).toBe(false);
    expect(housedAfter('2025-01-10', 24, episodes, '2026-06-01')).toBeNull();
  });
});
