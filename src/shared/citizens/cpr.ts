/**
 * CPR numbers (personnummer), as cpr.dk describes them (domain.md §8): ten digits DDMMYY-SSSS,
 * the century from digit 7 and YY, sex from the last digit. Modulus 11 is NOT a validity rule:
 * numbers without it have been issued since 1 October 2007 and must be accepted.
 */

export type CprProblem = 'format' | 'date';

export type CprResult =
  | { ok: true; cpr: string; birthDate: string; sex: 'male' | 'female'; modulus11: boolean }
  | { ok: false; problem: CprProblem };

/** The full birth year from YY and the 7th digit (domain.md §8, century rule). */
export function cprBirthYear(yy: number, digit7: number): number {
  if (digit7 <= 3) return 1900 + yy;
  if (digit7 === 4 || digit7 === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/** The old modulus 11 check (weights 4,3,2,7,6,5,4,3,2,1): informative only, never a reason to reject. */
export function passesModulus11(cpr: string): boolean {
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  const sum = [...cpr].reduce((acc, digit, i) => acc + Number(digit) * (weights[i] ?? 0), 0);
  return sum % 11 === 0;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Validates and normalises a CPR number (spaces trimmed, optional hyphen after digit 6). */
export function parseCpr(input: string): CprResult {
  const trimmed = input.trim();
  const match = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/.exec(trimmed);
  if (!match) return { ok: false, problem: 'format' };
  const [, dd = '', mm = '', yy = '', serial = ''] = match;
  const day = Number(dd);
  const month = Number(mm);
  const year = cprBirthYear(Number(yy), Number(serial[0]));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 ||
    month > 12 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return { ok: false, problem: 'date' };
  }
  const cpr = `${dd}${mm}${yy}${serial}`;
  return {
    ok: true,
    cpr,
    birthDate: `${pad(year, 4)}-${mm}-${dd}`,
    sex: Number(serial[3]) % 2 === 1 ? 'male' : 'female',
    modulus11: passesModulus11(cpr),
  };
}

/** DDMMYY-SSSS for display. */
export function formatCpr(cpr: string): string {
  return cpr.length === 10 ? `${cpr.slice(0, 6)}-${cpr.slice(6)}` : cpr;
}

/**
 * A CPR number masked for display (issue 20 (d)): the birth date stays, the serial number does not
 * (DDMMYY-XXXX). Anything that is not ten digits is masked whole.
 */
export function maskCpr(cpr: string): string {
  return /^\d{10}$/.test(cpr) ? `${cpr.slice(0, 6)}-XXXX` : 'XXXXXX-XXXX';
}

/** Whether a search text looks like (part of) a CPR number rather than a name. */
export function looksLikeCpr(text: string): boolean {
  return /^\d{6}-?\d{0,4}$/.test(text.trim());
}
