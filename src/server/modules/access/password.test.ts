import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

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

  it('refuse fewer than 12 characters and whitespace only (ASVS 2.1.1)', () => {
    expect(passwordProblem('kort-kode-1')).toBe('too_short');
    expect(passwordProblem(' '.repeat(40))).toBe('password_blank');
    expect(passwordProblem('\t\n'.repeat(8))).toBe('password_blank');
  });

  it('refuse common and breached passwords, keyboard walks and Danish words with digits (ASVS 2.1.7)', () => {
    for (const weak of [
      'password1234',
      'qwertyuiop12',
      '123456789012',
      'Adgangskode123',
      'velkommen1234',
      'kodeord12345',
    ])
      expect(passwordProblem(weak), weak).toBe('password_common');
  });

  it('refuse a password built from the user’s own name or username', () => {
    expect(passwordProblem('karenjensen1', ['karen.jensen', 'Karen Jensen'])).toBe('password_common');
    expect(passwordProblem('karenjensen1')).toBeNull();
  });

  it('accept a passphrase without composition rules (ASVS 2.1.9)', () => {
    expect(passwordProblem('blå cykel ved havnen')).toBeNull();
    expect(passwordProblem('correct-horse-battery')).toBeNull();
  });
});
