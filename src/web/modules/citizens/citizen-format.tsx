import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatCpr, parseCpr } from '../../../shared/citizens/cpr';
import { today } from '../../../shared/dates';
import type { FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { NoValue } from '../../components/no-value';
import { errorMessage } from '../../i18n/errors';
import { formatDate, isoToDanishDate, parseDate } from '../../i18n/format';

/** What a citizen is called on screen: the name, else the initials, else "Borger uden navn". */
export function citizenName(t: TFunction, citizen: { name: string | null; initials: string | null }): string {
  return citizen.name ?? citizen.initials ?? t('citizens.unnamed');
}

/** A calendar date (åååå-mm-dd) shown as dd.mm.åååå, machine-readable too. */
export function DateText({ value }: { value: string | null | undefined }) {
  if (!value) return <NoValue />;
  return <time dateTime={value}>{isoToDanishDate(value)}</time>;
}

/** A CPR number shown as DDMMYY-SSSS, or a dash when the citizen has none. */
export function CprText({ value }: { value: string | null | undefined }) {
  if (!value) return <NoValue />;
  return <span className="nowrap">{formatCpr(value)}</span>;
}

/** Today in Danish time, as the forms show dates (dd.mm.åååå). */
export function todayText(): string {
  return formatDate(new Date());
}

/** Today in Danish time as åååå-mm-dd (for requests). */
export function todayIso(): string {
  return today();
}

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

/**
 * Reads a typed CPR number: the precise reason it is wrong (`cpr_format` / `cpr_date`, the codes the
 * server uses too) goes to `problems`. Returns the ten digits, or undefined when empty or wrong.
 */
export function readCpr(
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
  const result = parseCpr(value);
  if (!result.ok) {
    problems.push({ path, code: `cpr_${result.problem}` });
    return undefined;
  }
  return result.cpr;
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

/** The answer to a yes/no question as a form value. */
export type YesNo = '' | 'yes' | 'no';

export function yesNoToBoolean(value: YesNo): boolean | null {
  return value === '' ? null : value === 'yes';
}

/** "Ja" / "Nej" / a dash for an unanswered question. */
export function YesNoText({ value }: { value: boolean | null | undefined }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <NoValue />;
  return <>{value ? t('common.yes') : t('common.no')}</>;
}

/** Options of a yes/no radio group. */
export function yesNoOptions(t: TFunction) {
  return [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
}

/** Whether a kommunekode looks right: three digits (e.g. 169). */
export function isKommunekode(text: string): boolean {
  return /^\d{3}$/.test(text.trim());
}

/** A result to show after an action: a translated success text (kept as key + params) or an error. */
export type Notice =
  | { kind: 'success'; key: string; params?: Record<string, string | number> }
  | { kind: 'error'; error: unknown };

/**
 * Where the result of an action appears. The status region stays in the page, so screen readers
 * notice when a result appears in it; an error interrupts.
 */
export function NoticeArea({ notice, headingLevel = 3 }: { notice: Notice | null; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  return (
    <>
      <div role="status">
        {notice?.kind === 'success' ? (
          <Alert variant="success" headingLevel={headingLevel}>
            <p>{t(notice.key, notice.params ?? {})}</p>
          </Alert>
        ) : null}
      </div>
      {notice?.kind === 'error' ? (
        <Alert variant="error" live="alert" headingLevel={headingLevel}>
          <p>{errorMessage(t, notice.error)}</p>
        </Alert>
      ) : null}
    </>
  );
}
