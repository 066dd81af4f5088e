import { useTranslation } from 'react-i18next';
import type { BoundCheckboxList } from '../../components/use-form';

/** A list of checkboxes bound to one `string[]` value (the attendees of a meeting). */
export function Checklist({
  id,
  legend,
  values,
  onChange,
  error,
  options,
}: BoundCheckboxList & { options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const errorId = error ? `${id}-error` : undefined;
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value));
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={errorId}>
        <legend className="form-label">{legend}</legend>
        {error ? (
          <span className="form-error-message" id={errorId}>
            <span className="sr-only">{t('form.errorPrefix')} </span>
            {error}
          </span>
        ) : null}
        {options.map((option, index) => (
          <div className="form-group-checkbox" key={option.value}>
            <input
              type="checkbox"
              id={index === 0 ? id : `${id}-${index}`}
              className="form-checkbox"
              checked={values.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <label htmlFor={index === 0 ? id : `${id}-${index}`}>{option.label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
