import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Sealing of second-factor secrets at rest: AES-256-GCM with a key derived by HKDF-SHA-256 from the
 * configured secret (`SECOND_FACTOR_KEY`, else `SESSION_SECRET`), a random 96-bit nonce per seal,
 * and the owner's id as additional data, so that a sealed secret copied to another user's row does
 * not open. Stored as `v1.<nonce>.<tag>.<ciphertext>` in base64url.
 */
const VERSION = 'v1';

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'hjemvej', 'second-factor-secret v1', 32));
}

/** Seals `plaintext` for `owner` (a user id). */
export function seal(secret: string, owner: string, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret), nonce);
  cipher.setAAD(Buffer.from(owner));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, nonce, cipher.getAuthTag(), body]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Opens what `seal` sealed for `owner`; throws when the key, the owner or the bytes differ. */
export function open(secret: string, owner: string, sealed: string): string {
  const [version, nonce, tag, body] = sealed.split('.');
  if (version !== VERSION || !nonce || !tag || body === undefined) throw new Error('Unknown sealed format');
  const decipher = createDecipheriv('aes-256-gcm', key(secret), Buffer.from(nonce, 'base64url'));
  decipher.setAAD(Buffer.from(owner));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
