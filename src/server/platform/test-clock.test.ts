import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { testClockDate } from './test-clock';

const secret = 'x'.repeat(40);

describe('the test clock (ADR 0011)', () => {
  it('reads a real calendar date from the hjemvej_test_clock cookie, ignoring anything else', () => {
    expect(testClockDate('a=1; hjemvej_test_clock=2027-03-01; b=2')).toBe('2027-03-01');
    expect(testClockDate('hjemvej_test_clock=2027-02-30')).toBeUndefined();
    expect(testClockDate('hjemvej_test_clock=tomorrow')).toBeUndefined();
    expect(testClockDate('other_clock=2027-03-01')).toBeUndefined();
    expect(testClockDate(undefined)).toBeUndefined();
  });

  it('is refused when NODE_ENV=production', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: secret,
        HJEMVEJ_TEST_CLOCK: 'true',
        DATA_DIR: 'data/test',
      }),
    ).toThrow(
      new ConfigError('Invalid configuration: HJEMVEJ_TEST_CLOCK must not be set when NODE_ENV=production'),
    );
  });

  it('is off unless HJEMVEJ_TEST_CLOCK is set', () => {
    expect(loadConfig({ SESSION_SECRET: secret, DATA_DIR: 'data/test' }).HJEMVEJ_TEST_CLOCK).toBe(false);
  });
});
