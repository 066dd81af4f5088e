import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Steering from './steering';

// The app's i18n remembers the language on the page; this test runs without one.
vi.stubGlobal('document', { documentElement: {} });
vi.stubGlobal('window', { localStorage: { getItem: () => null, setItem: () => undefined } });

let i18n: typeof import('../../i18n/index').i18n;
let s: typeof Steering;
beforeAll(async () => {
  ({ i18n } = await import('../../i18n/index'));
  s = await import('./steering');
});

describe('the steering pages: figures as they are written', () => {
  it('draws only the numbers shown', () => {
    expect(s.drawn(7)).toBe(7);
    expect(s.drawn(0)).toBe(0);
    expect(s.drawn('<5')).toBeNull();
    expect(s.drawn('x')).toBeNull();
    expect(s.drawn(null)).toBeNull();
  });

  it('writes a share in per cent, a median with one decimal, a count whole, and nothing when not shown', async () => {
    await i18n.changeLanguage('da');
    expect(s.formatIndicatorValue(i18n.t, 'housedShare', 0.4567)).toBe('45,7 %');
    expect(s.formatIndicatorValue(i18n.t, 'load', 1)).toBe('100 %');
    expect(s.formatIndicatorValue(i18n.t, 'median', 12.5)).toBe('12,5');
    expect(s.formatIndicatorValue(i18n.t, 'housed', 1200)).toBe('1.200');
    expect(s.formatIndicatorValue(i18n.t, 'housed', '<5')).toBe('under 5');
    expect(s.formatIndicatorValue(i18n.t, 'housedShare', 'x')).toBe('skjult');
    expect(s.formatIndicatorValue(i18n.t, 'median', null)).toBeNull();
  });

  it('names a month in the language shown', () => {
    expect(s.monthLabel('2026-11-30', 'da')).toBe('nov. 2026');
    expect(s.monthLabel('2026-11', 'en')).toBe('Nov 2026');
  });

  it('refuses a period that ends before it starts (naming "to") or runs over ten years (naming "from")', () => {
    expect(s.periodProblems('2026-01-01', '2026-12-31')).toEqual([]);
    expect(s.periodProblems('2026-05-01', '2026-05-01')).toEqual([]);
    expect(s.periodProblems('2026-05-02', '2026-05-01')).toEqual([{ path: 'to', code: 'before_from' }]);
    expect(s.periodProblems('2000-01-01', '2026-01-01')).toEqual([{ path: 'from', code: 'period_too_long' }]);
  });

  it('links the files of the chosen period', () => {
    const period = { from: '2026-01-01', to: '2026-06-30' };
    expect(s.committeeFileHref(period, 'pdf')).toBe(
      '/api/insight/committee-report.pdf?from=2026-01-01&to=2026-06-30',
    );
    expect(s.committeeFileHref(period, 'xlsx')).toBe(
      '/api/insight/committee-report.xlsx?from=2026-01-01&to=2026-06-30',
    );
  });

  it('writes a timestamp in Danish time with the language’s word for "at"', async () => {
    await i18n.changeLanguage('da');
    expect(s.formatDateTime(i18n.t, '2026-12-05T13:30:00Z')).toBe('05.12.2026 kl. 14.30');
    await i18n.changeLanguage('en');
    expect(s.formatDateTime(i18n.t, '2026-12-05T13:30:00Z')).toBe('05.12.2026 at 14.30');
  });
});
