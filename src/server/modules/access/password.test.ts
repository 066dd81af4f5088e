import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('passwords', () => {
  it('are hashed with argon2id and verified', async () => {
    const hash = await hashPassword('en-lang-adgangskode');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'en-lang-adgangskode')).toBe(true);
    expect(await verifyPassword(hash, 'en-anden-adgangskode')).toBe(false);
  });

  it('fail without a stored hash, and a malformed stored hash is a wrong password', async () => {
    expect(await verifyPassword(undefined, 'x')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});
