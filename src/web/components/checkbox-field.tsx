import type { InputHTMLAttributes } from 'react';

/** Props of {@link CheckboxField}. */
export interface CheckboxFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type'> {
  id: string;
  label: string;
  hint?: string;
}

/** A single DKFDS checkbox (`form-group-checkbox` / `form-checkbox`) with its label and hint. */
export function CheckboxField({ id, label, hint, ...input }: CheckboxFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="form-group-checkbox">
      <input {...input} type="checkbox" id={id} className="form-checkbox" aria-describedby={hintId} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="form-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}
