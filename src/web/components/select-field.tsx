import type { SelectHTMLAttributes } from 'react';
import { FieldFrame } from './form-group';

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
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} labelHidden={labelHidden} bare={bare}>
      {(aria) => (
        <select {...select} id={id} className="form-select" {...aria}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
