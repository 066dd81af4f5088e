import type { InputHTMLAttributes, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy } from './text-field';

/** Props of {@link FileField}: a file input's own attributes plus label, hint and error. */
export interface FileFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type' | 'value'> {
  id: string;
  label: string;
  /** Help text under the label (its id is `<id>-hint`). */
  hint?: string;
  /** A translated error message; marks the field invalid. */
  error?: string | undefined;
  /** The input, e.g. to empty it after an upload. */
  ref?: Ref<HTMLInputElement>;
}

/** A DKFDS file input (`form-group` / `form-label`) with hint and error message. */
export function FileField({ id, label, hint, error, ...input }: FileFieldProps) {
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
      <input
        {...input}
        type="file"
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId)}
      />
    </div>
  );
}
