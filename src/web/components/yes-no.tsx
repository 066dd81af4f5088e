import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NoValue } from './no-value';

/** The answer to a yes/no question as a form value. */
export type YesNo = '' | 'yes' | 'no';

export function yesNoToBoolean(value: YesNo): boolean | null {
  return value === '' ? null : value === 'yes';
}

/** "Ja" / "Nej" / a dash for an unanswered question. */
export function YesNoText({ value }: { value: boolean | null | undefined }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <NoValue />;
  return <>{value ? t('common.yes') : t('common.no')}</>;
}

/** Options of a yes/no radio group. */
export function yesNoOptions(t: TFunction) {
  return [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
}
