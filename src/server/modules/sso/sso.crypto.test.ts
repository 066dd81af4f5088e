import { describe, expect, it } from 'vitest';
import { open, seal } from './sso.crypto';

const SECRET = 'a-session-secret-of-at-least-32-characters';

describe('secrets sealed at rest (AES-256-GCM, key by HKDF from SESSION_SECRET)', () => {
  it('opens what it sealed, and never shows the plaintext', () => {
    const sealed = seal(SECRET, 'client-secret', 'm1', 'the-client-secret');
    expect(sealed).not.toContain('the-client-secret');
    expect(open(SECRET, 'client-secret', 'm1', sealed)).toBe('the-client-secret');
  });

  it('seals the same value differently each time (a random IV)', () => {
    expect(seal(SECRET, 'p', 'm1', 'x')).not.toBe(seal(SECRET, 'p', 'm1', 'x'));
  });

  it('refuses a value moved to another municipality, another purpose or another key', () => {
    const sealed = seal(SECRET, 'client-secret', 'm1', 'the-client-secret');
    expect(() => open(SECRET, 'client-secret', 'm2', sealed)).toThrow();
    expect(() => open(SECRET, 'id-token', 'm1', sealed)).toThrow();
    expect(() => open(`${SECRET}!`, 'client-secret', 'm1', sealed)).toThrow();
  });

  it('refuses a changed value (the GCM tag)', () => {
    const [v, iv, data, tag] = seal(SECRET, 'p', 'm1', 'some secret value').split('.');
    const flipped = Buffer.from(data ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => open(SECRET, 'p', 'm1', [v, iv, flipped.toString('base64url'), tag].join('.'))).toThrow();
  });
});
