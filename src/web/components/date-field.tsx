import { useTranslation } from 'react-i18next';
import { TextField, type TextFieldProps } from './text-field';

/** Props of {@link DateField}: a text field whose hint defaults to the dd.mm.åååå explanation. */
export type DateFieldProps = Omit<TextFieldProps, 'widthClass'>;

/**
 * A date typed as dd.mm.åååå in a plain text field (read with `parseDate`), as on the audit page:
 * easier to type and to read aloud than a date picker.
 */
export function DateField({ hint, ...props }: DateFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField autoComplete="off" {...props} hint={hint ?? t('form.dateHint')} widthClass="input-width-s" />
  );
}
