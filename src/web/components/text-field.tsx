import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of {@link TextField}: an input's own attributes plus label, hint and error. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  id: string;
  label: string;
  /** Help text under the label. */
  hint?: string;
  /** A translated error message; marks the field invalid. */
  error?: string | undefined;
  /** DKFDS width class, e.g. `input-width-m`. */
  widthClass?: string;
  /** Hide the label visually (it is still the accessible name), e.g. inside a table row. */
  labelHidden?: boolean;
}

/** Builds the aria-describedby value from the ids that exist. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}

/** A DKFDS text input (`form-group` / `form-label` / `form-input`) with hint and error message. */
export function TextField({ id, label, hint, error, widthClass, labelHidden, ...input }: TextFieldProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
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
      <input
        {...input}
        id={id}
        className={widthClass ? `form-input ${widthClass}` : 'form-input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId)}
      />
    </div>
  );
}
