import type { InputHTMLAttributes, Ref } from 'react';
import { FieldFrame } from './form-group';

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
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(aria) => <input {...input} type="file" id={id} {...aria} />}
    </FieldFrame>
  );
}
