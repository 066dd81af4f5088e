import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226), on node:crypto only: HMAC-SHA-1,
 * a 30-second step counted from the Unix epoch, 6 digits (the digits are a parameter so that the
 * RFC's 8-digit test vectors can be checked). Secrets travel as RFC 4648 base32, the form
 * authenticator apps read from an `otpauth://` URI.
 */

/** Seconds per time step (RFC 6238 §4.1, X = 30). */
export const TOTP_STEP_SECONDS = 30;
/** Digits of a code the app asks for. */
export const TOTP_DIGITS = 6;
/** Steps either side of now that are accepted (RFC 6238 §5.2: one step of network and clock slack). */
export const TOTP_WINDOW = 1;
/** Issuer shown by the authenticator app. */
export const TOTP_ISSUER = 'Hjemvej';
/** Bytes of a new secret: 160 bits, the HMAC-SHA-1 key length RFC 4226 §4 recommends. */
export const TOTP_SECRET_BYTES = 20;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding (authenticator apps accept it so). */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** RFC 4648 base32; case, spaces and padding ignored. Throws on any other character. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('Not base32');
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new random secret as base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(TOTP_SECRET_BYTES));
}

/** HOTP (RFC 4226 §5.3): HMAC-SHA-1 of the 8-byte counter, dynamic truncation, `digits` decimal digits. */
export function hotp(key: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time step (RFC 6238 §4.2: T = floor((now − T0) / X), T0 = 0) of a moment in milliseconds. */
export function timeStep(ms: number): number {
  return Math.floor(ms / 1000 / TOTP_STEP_SECONDS);
}

/** The code of the step that holds moment `ms`. */
export function totp(key: Uint8Array, ms: number, digits = TOTP_DIGITS): string {
  return hotp(key, timeStep(ms), digits);
}

/**
 * The time step a code belongs to, among now ± `TOTP_WINDOW` steps and after `lastStep` (a step once
 * accepted is never accepted again: RFC 6238 §5.2, "the verifier MUST NOT accept the second
 * attempt of the OTP after the successful validation has been issued for the first OTP"); null when
 * it matches none. Every candidate is compared in constant time.
 */
export function matchingStep(
  key: Uint8Array,
  code: string,
  ms: number,
  lastStep: number | null,
  digits = TOTP_DIGITS,
): number | null {
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) return null;
  const now = timeStep(ms);
  let found: number | null = null;
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step++) {
    const same = timingSafeEqual(Buffer.from(hotp(key, step, digits)), Buffer.from(code));
    if (same && found === null && (lastStep === null || step > lastStep)) found = step;
  }
  return found;
}

/**
 * The `otpauth://totp/` URI an authenticator app reads from the QR code (Google Authenticator's Key
 * Uri Format): label "Hjemvej:username", the issuer again as a parameter, SHA1, 6 digits, 30 s.
 */
export function otpauthUri(secret: string, username: string): string {
  const label = `${encodeURIComponent(TOTP_ISSUER)}:${encodeURIComponent(username)}`;
  const params = new URLSearchParams({
    secret,
    issuer: TOTP_ISSUER,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}
