import type { TFunction } from 'i18next';
import { ApiError, type ErrorParams } from '../api';
import { i18n } from './index';

/**
 * The translated message for any thrown value: `errors.<CODE>` for an {@link ApiError} with a known
 * code (its params interpolated, `count` taken from `params.count` or `params.retryAfterMinutes` for
 * plurals), `errors.UNKNOWN` otherwise.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.UNKNOWN');
  const key = `errors.${error.code}`;
  const count = error.params.count ?? error.params.retryAfterMinutes;
  const options = typeof count === 'number' ? { ...error.params, count } : error.params;
  if (!i18n.exists(key, options)) return t('errors.UNKNOWN');
  return t(key, options);
}

/**
 * The translated message for one field problem. A form may override a code for one field under
 * `<formKey>.fieldErrors.<path>.<code>`; otherwise the generic `fieldErrors.<code>` names the field.
 * `params` (if the problem has any) are interpolated too.
 */
export function fieldErrorMessage(
  t: TFunction,
  formKey: string,
  path: string,
  code: string,
  label: string,
  params: ErrorParams = {},
): string {
  const specific = `${formKey}.fieldErrors.${path}.${code}`;
  if (i18n.exists(specific)) return t(specific, { ...params, field: label });
  const generic = `fieldErrors.${code}`;
  return t(i18n.exists(generic) ? generic : 'fieldErrors.invalid', { ...params, field: label });
}
