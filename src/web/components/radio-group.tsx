import { useTranslation } from 'react-i18next';
import { describedBy } from './form-group';

/** One choice in a {@link RadioGroup}. */
export interface RadioOption {
  value: string;
  label: string;
}

/** Props of {@link RadioGroup}. */
export interface RadioGroupProps {
  /** Id of the first radio button (the others get `<id>-<value>`), so an error summary can link to it. */
  id: string;
  name: string;
  legend: string;
  options: RadioOption[];
  /** The chosen value, `''` for none. */
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  /** Lay the options out side by side (short answers like yes/no). */
  inline?: boolean;
}

/** The id of one option's input. */
export function radioId(groupId: string, index: number, value: string): string {
  return index === 0 ? groupId : `${groupId}-${value}`;
}

/**
 * A DKFDS radio group (`fieldset` / `legend.form-label` / `form-group-radio` / `form-radio`) with
 * hint and error message, both tied to the fieldset.
 */
export function RadioGroup({
  id,
  name,
  legend,
  options,
  value,
  onChange,
  hint,
  error,
  inline,
}: RadioGroupProps) {
  const { t } = useTranslation();
  const legendId = `${id}-legend`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={describedBy(hintId, errorId)}>
        <legend className="form-label" id={legendId}>
          {legend}
        </legend>
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
        <div className={inline ? 'radio-inline' : undefined}>
          {options.map((option, index) => {
            const optionId = radioId(id, index, option.value);
            return (
              <div className="form-group-radio" key={option.value}>
                <input
                  type="radio"
                  id={optionId}
                  name={name}
                  className="form-radio"
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(option.value)}
                  aria-invalid={error ? true : undefined}
                />
                <label htmlFor={optionId}>{option.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
