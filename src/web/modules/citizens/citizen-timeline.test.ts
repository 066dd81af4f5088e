import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { timelineText as TimelineText } from './citizen-timeline';

// The app's i18n remembers the language on the page; this test runs without one.
vi.stubGlobal('document', { documentElement: {} });
vi.stubGlobal('window', { localStorage: { getItem: () => null, setItem: () => undefined } });

let i18n: typeof import('../../i18n/index').i18n;
let timelineText: typeof TimelineText;
beforeAll(async () => {
  ({ i18n } = await import('../../i18n/index'));
  ({ timelineText } = await import('./citizen-timeline'));
});

const shared = (department: string) =>
  ({ date: '2026-12-01', kind: 'plan_shared', params: { department } }) as Parameters<typeof TimelineText>[1];

describe("the citizen's timeline", () => {
  it("shows a module's code in words from that module's catalogue (the plans module's department)", async () => {
    await i18n.changeLanguage('da');
    expect(timelineText(i18n.t, shared('jobcenter'))).toBe('Planen delt med Jobcenter (med samtykke)');
    await i18n.changeLanguage('en');
    expect(timelineText(i18n.t, shared('jobcenter'))).toBe('Plan shared with Jobcentre (with consent)');
  });

  it('shows a code no catalogue names as it is', async () => {
    await i18n.changeLanguage('da');
    expect(timelineText(i18n.t, shared('ukendt_afdeling'))).toBe(
      'Planen delt med ukendt_afdeling (med samtykke)',
    );
  });
});
