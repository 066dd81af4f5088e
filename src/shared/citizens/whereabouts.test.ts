import { describe, expect, it } from 'vitest';
import { classifyOn, episodeProblems, oneMonthBefore, SITUATIONS, VIVE_SITUATIONS } from './whereabouts';

describe('whereabouts (domain.md §1, VIVE definition, Benjaminsen 2019:15)', () => {
  it('knows the nine VIVE situations plus own home, at risk, institution and unknown (domain.md rule 1)', () => {
    expect(VIVE_SITUATIONS).toHaveLength(9);
    expect(SITUATIONS).toHaveLength(13);
  });

  it('counts prison as homeless only within one month of release without a housing solution (domain.md rule 2)', () => {
    const prison = {
      situation: 'prison' as const,
      fromDate: '2025-01-01',
      releaseDate: '2026-03-15',
      housingSolution: false,
    };
    expect(classifyOn(prison, '2026-02-14')).toBe('institution');
    expect(classifyOn(prison, '2026-02-15')).toBe('prison');
    expect(classifyOn(prison, '2026-03-10')).toBe('prison');
    expect(classifyOn({ ...prison, housingSolution: true }, '2026-03-10')).toBe('institution');
  });

  it('counts hospital discharge the same way (domain.md rule 2)', () => {
    const hospital = {
      situation: 'hospital' as const,
      fromDate: '2026-01-01',
      releaseDate: '2026-03-31',
      housingSolution: false,
    };
    expect(classifyOn(hospital, '2026-02-27')).toBe('institution');
    expect(classifyOn(hospital, '2026-02-28')).toBe('hospital');
  });

  it('requires the release date and the housing answer for prison and hospital (domain.md rule 2)', () => {
    expect(episodeProblems({ situation: 'prison', fromDate: '2026-01-01' })).toEqual([
      'release_date_required',
      'housing_solution_required',
    ]);
    expect(
      episodeProblems({
        situation: 'hospital',
        fromDate: '2026-02-01',
        releaseDate: '2026-01-01',
        housingSolution: false,
      }),
    ).toEqual(['release_before_from']);
  });

  it('counts family/friends only if temporary and without a contract (domain.md rule 3)', () => {
    expect(
      episodeProblems({
        situation: 'family_friends',
        fromDate: '2026-01-01',
        hasContract: false,
        temporary: true,
      }),
    ).toEqual([]);
    expect(
      episodeProblems({
        situation: 'family_friends',
        fromDate: '2026-01-01',
        hasContract: true,
        temporary: true,
      }),
    ).toEqual(['family_with_contract']);
    expect(
      episodeProblems({
        situation: 'family_friends',
        fromDate: '2026-01-01',
        hasContract: false,
        temporary: false,
      }),
    ).toEqual(['family_not_temporary']);
  });

  it('counts hotel or hostel only because of homelessness (domain.md rule 4)', () => {
    expect(
      episodeProblems({ situation: 'hotel', fromDate: '2026-01-01', becauseOfHomelessness: true }),
    ).toEqual([]);
    expect(
      episodeProblems({ situation: 'hotel', fromDate: '2026-01-01', becauseOfHomelessness: false }),
    ).toEqual(['hotel_not_homelessness']);
    expect(episodeProblems({ situation: 'hotel', fromDate: '2026-01-01' })).toEqual([
      'hotel_not_homelessness',
    ]);
  });

  it('takes one calendar month back, clamping to the month’s last day', () => {
    expect(oneMonthBefore('2026-03-15')).toBe('2026-02-15');
    expect(oneMonthBefore('2026-03-31')).toBe('2026-02-28');
    expect(oneMonthBefore('2026-01-10')).toBe('2025-12-10');
  });
});
