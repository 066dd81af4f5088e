import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TargetGround } from '../../../shared/allocation/model';
import { ApiError } from '../../api';
import { describedBy } from '../../components/form-group';
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

/** One choice in a {@link CheckboxGroup}. */
export interface CheckboxOption {
  value: string;
  label: string;
  hint?: string;
}

/** The id of one option's checkbox (the first one carries the group's id, for the error summary). */
export function checkboxId(groupId: string, index: number, value: string): string {
  return index === 0 ? groupId : `${groupId}-${value}`;
}

/** Props of {@link CheckboxGroup}. */
export interface CheckboxGroupProps {
  id: string;
  legend: string;
  options: CheckboxOption[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  hint?: string;
  error?: string | undefined;
  disabled?: boolean;
}

/**
 * Several DKFDS checkboxes under one question (`fieldset` / `legend.form-label`), with hint and
 * error message tied to the fieldset.
 */
export function CheckboxGroup({
  id,
  legend,
  options,
  values,
  onChange,
  hint,
  error,
  disabled,
}: CheckboxGroupProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value));
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={describedBy(hintId, errorId)}>
        <legend className="form-label">{legend}</legend>
        {hint ? (
          <span className="form-hint" id={hintId}>
            {hint}
          </span>
        ) : null}
        {error ? (
          <span className="form-error-message" id={errorId}>
            <span className="sr-only">{t('form.errorPrefix')} </span>
            {error}
          </span>
        ) : null}
        {options.map((option, index) => {
          const optionId = checkboxId(id, index, option.value);
          const optionHint = option.hint ? `${optionId}-hint` : undefined;
          return (
            <div className="form-group-checkbox" key={option.value}>
              <input
                type="checkbox"
                id={optionId}
                className="form-checkbox"
                checked={values.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
                aria-describedby={optionHint}
                aria-invalid={error ? true : undefined}
                disabled={disabled}
              />
              <label htmlFor={optionId}>{option.label}</label>
              {option.hint ? (
                <span className="form-hint" id={optionHint}>
                  {option.hint}
                </span>
              ) : null}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
