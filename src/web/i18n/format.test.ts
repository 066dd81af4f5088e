import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Format from './format';

// The app's i18n remembers the language on the page; this test runs without one.
vi.stubGlobal('document', { documentElement: {} });
vi.stubGlobal('window', { localStorage: { getItem: () => null, setItem: () => undefined } });

let i18n: typeof import('./index').i18n;
let format: typeof Format;
beforeAll(async () => {
  ({ i18n } = await import('./index'));
  format = await import('./format');
});

describe('formatReported: a count as it leaves case work (domain rule 33)', () => {
  it('writes a small count suppressed at any limit as "under <limit>", in Danish and English', async () => {
    await i18n.changeLanguage('da');
    expect(format.formatReported(i18n.t, '<5')).toBe('under 5');
    expect(format.formatReported(i18n.t, '<7')).toBe('under 7');
    expect(format.formatReported(i18n.t, '<10')).toBe('under 10');
    await i18n.changeLanguage('en');
    expect(format.formatReported(i18n.t, '<3')).toBe('fewer than 3');
    expect(format.formatReported(i18n.t, '<7')).toBe('fewer than 7');
  });

  it('writes a count hidden by secondary suppression as hidden, and a shown count whole', async () => {
    await i18n.changeLanguage('da');
    expect(format.formatReported(i18n.t, 'x')).toBe(i18n.t('format.hidden'));
    expect(format.formatReported(i18n.t, 1200)).toBe('1.200');
    expect(format.formatReported(i18n.t, 0)).toBe('0');
  });
});
