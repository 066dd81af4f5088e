/** The demo users' password in tests (the demo seeded once per run by the global setup, `seededDemo`). */
export const DEMO_TEST_PASSWORD = 'demo-password-long';

/** The tests' SESSION_SECRET (`testConfig`): the second factor's secrets are sealed with it. */
export const TEST_SESSION_SECRET = 'test-secret-test-secret-test-secret-123';

/**
 * The TOTP secret (base32) of the test users whose role must use a second factor, and of the
 * demo's administrator and auditor in tests: `login` computes their codes from it.
 */
export const TEST_TOTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** The demo's second factor in tests (`seedDemo`'s third argument). */
export const TEST_DEMO_SECOND_FACTOR = { secret: TEST_TOTP_SECRET, sealingSecret: TEST_SESSION_SECRET };
