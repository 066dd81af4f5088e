import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import { setTodayProvider } from '../../shared/dates';

/** The cookie that carries the test clock's date (ADR 0011). */
export const TEST_CLOCK_COOKIE = 'hjemvej_test_clock';

const clock = new AsyncLocalStorage<string>();

/** The test clock's date from a Cookie header: a real calendar date åååå-mm-dd, else undefined. */
export function testClockDate(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name !== TEST_CLOCK_COOKIE || !value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) continue;
    const parsed = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value) return value;
  }
  return undefined;
}

/**
 * The test clock (ADR 0011), installed only when HJEMVEJ_TEST_CLOCK is set (config.ts refuses it in
 * production): a request carrying the cookie runs with `today()` answering the cookie's date; every
 * other request, job and the digest keep the real date.
 */
export function installTestClock(app: FastifyInstance): void {
  setTodayProvider(() => clock.getStore());
  app.addHook('onRequest', (request, _reply, done) => {
    const date = testClockDate(request.headers.cookie);
    if (date) clock.run(date, done);
    else done();
  });
}
