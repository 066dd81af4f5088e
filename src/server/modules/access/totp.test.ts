import { describe, expect, it } from 'vitest';
import { open, seal } from './secret-box';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchingStep,
  newTotpSecret,
  otpauthUri,
  TOTP_STEP_SECONDS,
  timeStep,
  totp,
} from './totp';

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const RFC_SEED = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: [seconds: number, code: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('gives the Appendix B SHA-1 code at %i seconds (8 digits)', (seconds, code) => {
    expect(totp(RFC_SEED, seconds * 1000, 8)).toBe(code);
  });

  it('gives the RFC 4226 Appendix D HOTP values for counters 0 to 9 (6 digits)', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, counter) => hotp(RFC_SEED, counter))).toEqual(expected);
  });

  it('counts 30-second steps from the Unix epoch (RFC 6238 §4.2)', () => {
    expect(TOTP_STEP_SECONDS).toBe(30);
    expect(timeStep(59_000)).toBe(1);
    expect(timeStep(60_000)).toBe(2);
  });

  it('accepts the code of the step before, now and after, and no other (§5.2, one step of slack)', () => {
    const now = 1_111_111_111_000;
    const step = timeStep(now);
    for (const offset of [-1, 0, 1])
      expect(matchingStep(RFC_SEED, hotp(RFC_SEED, step + offset), now, null)).toBe(step + offset);
    for (const offset of [-2, 2])
      expect(matchingStep(RFC_SEED, hotp(RFC_SEED, step + offset), now, null)).toBeNull();
  });

  it('never accepts a step at or before the last accepted one (replay, §5.2)', () => {
    const now = 1_111_111_111_000;
    const step = timeStep(now);
    const code = hotp(RFC_SEED, step);
    expect(matchingStep(RFC_SEED, code, now, step)).toBeNull();
    expect(matchingStep(RFC_SEED, hotp(RFC_SEED, step - 1), now, step)).toBeNull();
    expect(matchingStep(RFC_SEED, hotp(RFC_SEED, step + 1), now, step)).toBe(step + 1);
  });

  it('refuses what is not six digits', () => {
    expect(matchingStep(RFC_SEED, 'abcdef', Date.now(), null)).toBeNull();
    expect(matchingStep(RFC_SEED, '1234567', Date.now(), null)).toBeNull();
  });
});

describe('base32 (RFC 4648 §10 test vectors)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes "%s" as "%s" (unpadded) and decodes it back', (text, encoded) => {
    expect(base32Encode(Buffer.from(text))).toBe(encoded);
    expect(base32Decode(encoded).toString()).toBe(text);
    expect(base32Decode(`${encoded.toLowerCase()}==`).toString()).toBe(text);
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => base32Decode('MZ1W')).toThrow();
  });

  it('makes new secrets of 160 bits (RFC 4226 §4), different each time', () => {
    const a = newTotpSecret();
    expect(base32Decode(a)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(a);
  });
});

describe('otpauth URI', () => {
  it('names the issuer Hjemvej and labels the account with the username', () => {
    const uri = new URL(otpauthUri('JBSWY3DPEHPK3PXP', 'anne.admin'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Hjemvej:anne.admin');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: 'Hjemvej',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});

describe('the sealed secret at rest (AES-256-GCM)', () => {
  const key = 'a-configured-secret-of-at-least-32-chars';

  it('opens with the key and owner it was sealed for, and holds no plain text', () => {
    const sealed = seal(key, 'user-1', 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(open(key, 'user-1', sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(seal(key, 'user-1', 'JBSWY3DPEHPK3PXP')).not.toBe(sealed);
  });

  it('does not open with another key, for another owner, or when a byte is changed', () => {
    const sealed = seal(key, 'user-1', 'JBSWY3DPEHPK3PXP');
    expect(() => open(`${key}x`, 'user-1', sealed)).toThrow();
    expect(() => open(key, 'user-2', sealed)).toThrow();
    const body = sealed.split('.');
    body[3] = Buffer.from(
      Buffer.from(body[3] ?? '', 'base64url').map((b, i) => (i === 0 ? b ^ 1 : b)),
    ).toString('base64url');
    expect(() => open(key, 'user-1', body.join('.'))).toThrow();
  });
});
