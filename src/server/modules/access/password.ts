import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/** OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane); @node-rs/argon2 defaults to argon2id. */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Shortest password an administrator may set (ASVS 2.1.1). */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * The lowest zxcvbn score a new password may have: 3 is "safely unguessable: moderate protection
 * from offline slow-hash scenario" (about 10⁸ guesses), what a password hashed with argon2id needs.
 */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Danish words a Danish user reaches for first, beside zxcvbn's lists of common passwords (the
 * language-common package's list of the most used ones, from breach corpora) and English words.
 */
const DANISH_WORDS = [
  'adgangskode',
  'kodeord',
  'hemmelig',
  'velkommen',
  'sommer',
  'vinter',
  'foraar',
  'efteraar',
  'kommune',
  'borger',
  'danmark',
  'kobenhavn',
  'hjemvej',
  'hjemlos',
  'bolig',
  'anvisning',
  'mandag',
  'fredag',
  'januar',
  'december',
];

let checker: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, danish: DANISH_WORDS },
    graphs: common.adjacencyGraphs,
  });
  return checker;
}

/** Why a new password is refused (a field error code), or null when it may be used. */
export type PasswordProblem = 'too_short' | 'password_blank' | 'password_common';

/**
 * Checks a new password against the policy (ASVS 2.1.1, 2.1.7, 2.1.9): at least
 * `MIN_PASSWORD_LENGTH` characters, not only whitespace, and not guessable — a common or breached
 * password, a keyboard walk, a word with digits, or built from the user's own name, username or
 * municipality (`related`). No composition rules (ASVS 2.1.9): a long passphrase passes.
 */
export function passwordProblem(password: string, related: readonly string[] = []): PasswordProblem | null {
  if (password.trim().length === 0) return 'password_blank';
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  // The whole value (a username as typed) and each of its words.
  const inputs = related
    .flatMap((value) => [value.toLowerCase(), ...value.toLowerCase().split(/[^\p{L}\p{N}]+/u)])
    .filter(Boolean);
  return zxcvbn().check(password, inputs).score < MIN_PASSWORD_SCORE ? 'password_common' : null;
}

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password. With no stored hash (unknown user) it still spends the time of one
 * verification, so response times do not tell which usernames exist.
 */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword('hjemvej-no-such-user');
    await verify(await dummyHash, password);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    // A malformed stored hash is a wrong password, not a server error.
    return false;
  }
}
