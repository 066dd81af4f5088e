import type { InputHTMLAttributes } from 'react';
import { FieldFrame } from './form-group';

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

/** A DKFDS text input (`form-group` / `form-label` / `form-input`) with hint and error message. */
export function TextField({ id, label, hint, error, widthClass, labelHidden, ...input }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} labelHidden={labelHidden}>
      {(aria) => (
        <input
          {...input}
          id={id}
          className={widthClass ? `form-input ${widthClass}` : 'form-input'}
          {...aria}
        />
      )}
    </FieldFrame>
  );
}
