import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy } from './text-field';

/** One choice in a {@link SelectField}. */
export interface SelectOption {
  value: string;
  label: string;
}

/** Props of {@link SelectField}. */
export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> {
  id: string;
  label: string;
  options: SelectOption[];
  /** Text of an empty first option (e.g. "Vælg rolle"); omit when a value is always chosen. */
  placeholder?: string;
  hint?: string;
  error?: string | undefined;
  /** Hide the label visually (it is still the accessible name), e.g. inside a table row. */
  labelHidden?: boolean;
  /** Render without the surrounding form-group (inline in a table row). */
  bare?: boolean;
}

/** A DKFDS select (`form-select`) with label, hint and error message. */
export function SelectField({
  id,
  label,
  options,
  placeholder,
  hint,
  error,
  labelHidden,
  bare,
  ...select
}: SelectFieldProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const content = (
    <>
      <label className={labelHidden ? 'form-label sr-only' : 'form-label'} htmlFor={id}>
        {label}
      </label>
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
      <select
        {...select}
        id={id}
        className="form-select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
  if (bare) return content;
  return <div className={error ? 'form-group form-error' : 'form-group'}>{content}</div>;
}
