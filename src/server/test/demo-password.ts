/** The demo users' password in tests (the demo seeded once per run by the global setup, `seededDemo`). */
export const DEMO_TEST_PASSWORD = 'demo-password-long';
