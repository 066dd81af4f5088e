import type { TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy } from './text-field';

/** Props of {@link TextAreaField}. */
export interface TextAreaFieldProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'> {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
}

/** A DKFDS text area (`form-group` / `form-label` / `textarea.form-input`) with hint and error message. */
export function TextAreaField({ id, label, hint, error, rows = 4, ...textarea }: TextAreaFieldProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className="form-label" htmlFor={id}>
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
      <textarea
        {...textarea}
        id={id}
        rows={rows}
        className="form-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId)}
      />
    </div>
  );
}
