import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';

/**
 * Switches between Danish and English. The button names the other language in that language
 * ("English" / "Dansk") and marks it with its `lang`, so screen readers pronounce it right.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = currentLanguage() === 'da' ? 'en' : 'da';
  return (
    <button
      type="button"
      className="function-link language-switch"
      onClick={() => void i18n.changeLanguage(other)}
    >
      <span lang={other}>{t('header.otherLanguage')}</span>
    </button>
  );
}
