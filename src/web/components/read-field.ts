/**
 * Reading typed form values for a request, as the server will check them: each reader adds the
 * field problem (`required`, `invalid_date`, a number kind's range code …) to `problems` and returns
 * the value, or undefined when the field is empty or wrong.
 */
import { ApiError, type FieldError } from '../api';
import { parseDate, parseNumber, todayIso } from '../i18n/format';

/**
 * Reads a typed date (dd.mm.åååå) for the request; adds `required` or `invalid_date` to `problems`.
 * Returns åååå-mm-dd, or undefined when the field is empty or wrong.
 */
export function readDate(
  text: string,
  path: string,
  problems: FieldError[],
  required = false,
): string | undefined {
  const value = text.trim();
  if (value === '') {
    if (required) problems.push({ path, code: 'required' });
    return undefined;
  }
  const iso = parseDate(value);
  if (iso === null) {
    problems.push({ path, code: 'invalid_date' });
    return undefined;
  }
  return iso;
}

/** Adds `future_date` when a date of something that has happened lies after today (as the server checks). */
export function notInFuture(iso: string | undefined, path: string, problems: FieldError[]): void {
  if (iso !== undefined && iso > todayIso()) problems.push({ path, code: 'future_date' });
}

/** Trimmed text, or undefined when empty (optional fields are left out of a request). */
export function optionalText(text: string): string | undefined {
  const value = text.trim();
  return value === '' ? undefined : value;
}

/** What a number field must hold; each kind has its own message naming the allowed values. */
export type NumberKind = 'percent' | 'rehousing' | 'count' | 'kroner' | 'positiveCount';

/** The highest rehousing share as the form accepts it: every 3rd unit, written 33,33 %. */
const MAX_REHOUSING_TYPED = 33.34;

function inRange(kind: NumberKind, value: number): boolean {
  switch (kind) {
    case 'percent':
      return value >= 0 && value <= 100;
    case 'rehousing':
      return value >= 0 && value < MAX_REHOUSING_TYPED;
    case 'count':
      return Number.isInteger(value) && value >= 0;
    case 'positiveCount':
      return Number.isInteger(value) && value >= 1;
    case 'kroner':
      return value >= 0;
  }
}

/** The field-problem code of a number outside what its kind allows. */
export const RANGE_CODE: Record<NumberKind, string> = {
  percent: 'percent_range',
  rehousing: 'rehousing_range',
  count: 'whole_number',
  positiveCount: 'positive_number',
  kroner: 'kroner',
};

/**
 * Reads a number field for a request, as the server will check it: `required` when empty, `number`
 * when it is no number, the kind's range code when it is outside. Returns the number or undefined.
 */
export function readNumber(
  text: string,
  kind: NumberKind,
  path: string,
  problems: FieldError[],
  required = true,
): number | undefined {
  if (text.trim() === '') {
    if (required) problems.push({ path, code: 'required' });
    return undefined;
  }
  const value = parseNumber(text, kind === 'kroner' || kind === 'count' || kind === 'positiveCount');
  if (value === null) {
    problems.push({ path, code: kind === 'count' || kind === 'positiveCount' ? RANGE_CODE[kind] : 'number' });
    return undefined;
  }
  if (!inRange(kind, value)) {
    problems.push({ path, code: RANGE_CODE[kind] });
    return undefined;
  }
  return value;
}

/**
 * The server's field problems in the form's terms: a path may name another input (an agreement's
 * `quotas.3.quotaPercent` is one cell of the quota table), and a generic range code (`too_small`,
 * `too_big`) becomes the kind's code, whose message says what is allowed. Other errors pass.
 * (`useForm`'s `mapServerField` option does the same for a form bound with it.)
 */
export function mapFieldErrors(error: unknown, map: (field: FieldError) => FieldError | null): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const field of error.fields) {
    const mapped = map(field) ?? field;
    const key = `${mapped.path}:${mapped.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fields.push(mapped);
  }
  return new ApiError(error.status, error.code, error.message, error.params, fields);
}

/** A range code for a number field of a kind, for {@link mapFieldErrors}. */
export function rangeFor(field: FieldError, kind: NumberKind | undefined): FieldError | null {
  if (!kind || (field.code !== 'too_small' && field.code !== 'too_big')) return null;
  return { path: field.path, code: RANGE_CODE[kind] };
}
