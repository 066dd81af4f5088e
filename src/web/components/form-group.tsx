import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Builds the aria-describedby value from the ids that exist. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}

/** What a control inside {@link FieldFrame} carries: invalid when there is an error, and its descriptions. */
export interface FieldAria {
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** Props of {@link FieldFrame}. */
export interface FieldFrameProps {
  id: string;
  label: string;
  /** Help text under the label (its id is `<id>-hint`). */
  hint?: string | undefined;
  /** A translated error message (its id is `<id>-error`); marks the field invalid. */
  error?: string | undefined;
  /** Hide the label visually (it is still the accessible name), e.g. inside a table row. */
  labelHidden?: boolean | undefined;
  /** Render without the surrounding form-group (inline in a table row). */
  bare?: boolean | undefined;
  /** The control, given the ARIA attributes that tie it to the hint and the error. */
  children: (aria: FieldAria) => ReactNode;
}

/**
 * The DKFDS frame of every single-control field: `form-group` (with `form-error`), the label, the
 * hint and the error message, and the control tied to them by `aria-describedby`.
 */
export function FieldFrame({ id, label, hint, error, labelHidden, bare, children }: FieldFrameProps) {
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
      {children({
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(hintId, errorId),
      })}
    </>
  );
  if (bare) return content;
  return <div className={error ? 'form-group form-error' : 'form-group'}>{content}</div>;
}
