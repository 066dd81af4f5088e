import { useTranslation } from 'react-i18next';

/** A dash for an empty table cell, read aloud as "ingen" / "none". */
export function NoValue() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="sr-only">{t('common.none')}</span>
    </>
  );
}
