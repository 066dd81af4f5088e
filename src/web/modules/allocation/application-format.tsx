import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TargetGround } from '../../../shared/allocation/model';
import { ApiError } from '../../api';
import { NoValue } from '../../components/no-value';
import { formatDate, formatTime, isoDateTime } from '../../i18n/format';

/** A timestamp as dd.mm.åååå kl. tt.mm (Danish time). */
export function DateTimeText({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return <NoValue />;
  return (
    <time dateTime={isoDateTime(value)}>
      {t('common.dateTime', { date: formatDate(value), time: formatTime(value) })}
    </time>
  );
}

/** The day of a timestamp as dd.mm.åååå (Danish time). */
export function DayText({ value }: { value: string | null | undefined }) {
  if (!value) return <NoValue />;
  return <time dateTime={isoDateTime(value)}>{formatDate(value)}</time>;
}

/** The target grounds in words, joined: "Særlige sociale problemer, Nedsat …". */
export function targetGroundsText(t: TFunction, grounds: readonly TargetGround[]): string {
  return grounds.map((g) => t(`allocation.targetGrounds.${g}`)).join(', ');
}

/** A priority in words, or a dash before the assessment has set one. */
export function PriorityText({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return <NoValue />;
  return <>{t(`allocation.priorities.${value}`)}</>;
}

/** A text of several lines (a reason, a justification) as written, or a dash when there is none. */
export function LongText({ value }: { value: string | null | undefined }) {
  if (!value) return <NoValue />;
  return <span className="prewrap">{value}</span>;
}

/**
 * An error as the user should read it: a refused step names the status in words, not its code
 * (`APPLICATION_TRANSITION_NOT_ALLOWED` carries `from` as a code).
 */
export function readableError(t: TFunction, error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const from = error.params.from;
  if (typeof from !== 'string') return error;
  return new ApiError(
    error.status,
    error.code,
    error.message,
    { ...error.params, from: t(`allocation.statuses.${from}`, { defaultValue: from }) },
    error.fields,
  );
}

export { CheckboxGroup, type CheckboxOption, checkboxId } from '../../components/checkbox-group';
