import { useTranslation } from 'react-i18next';
import { describedBy } from './form-group';

/** One choice in a {@link CheckboxGroup}. */
export interface CheckboxOption {
  value: string;
  label: string;
  hint?: string;
}

/** The id of one option's checkbox (the first one carries the group's id, for the error summary). */
export function checkboxId(groupId: string, index: number, value: string): string {
  return index === 0 ? groupId : `${groupId}-${value}`;
}

/** Props of {@link CheckboxGroup}. */
export interface CheckboxGroupProps {
  id: string;
  legend: string;
  options: CheckboxOption[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  hint?: string;
  error?: string | undefined;
  disabled?: boolean;
}

/**
 * Several DKFDS checkboxes under one question (`fieldset` / `legend.form-label`), with hint and
 * error message tied to the fieldset.
 */
export function CheckboxGroup({
  id,
  legend,
  options,
  values,
  onChange,
  hint,
  error,
  disabled,
}: CheckboxGroupProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value));
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={describedBy(hintId, errorId)}>
        <legend className="form-label">{legend}</legend>
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
        {options.map((option, index) => {
          const optionId = checkboxId(id, index, option.value);
          const optionHint = option.hint ? `${optionId}-hint` : undefined;
          return (
            <div className="form-group-checkbox" key={option.value}>
              <input
                type="checkbox"
                id={optionId}
                className="form-checkbox"
                checked={values.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
                aria-describedby={optionHint}
                aria-invalid={error ? true : undefined}
                disabled={disabled}
              />
              <label htmlFor={optionId}>{option.label}</label>
              {option.hint ? (
                <span className="form-hint" id={optionHint}>
                  {option.hint}
                </span>
              ) : null}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
