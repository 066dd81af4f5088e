import type { TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './form-group';

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
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(aria) => <textarea {...textarea} id={id} rows={rows} className="form-input" {...aria} />}
    </FieldFrame>
  );
}
