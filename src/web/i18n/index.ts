import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues } from './catalogue';

/** The languages of the user interface; Danish is the default. */
export const LANGUAGES = ['da', 'en'] as const;

/** A supported language code. */
export type Language = (typeof LANGUAGES)[number];

/** localStorage key that remembers the chosen language. */
export const LANGUAGE_STORAGE_KEY = 'hjemvej.lang';

function isLanguage(value: unknown): value is Language {
  return value === 'da' || value === 'en';
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : 'da';
  } catch {
    // Storage can be blocked (privacy settings); Danish is then the language.
    return 'da';
  }
}

function rememberLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage can be blocked; the choice then lasts for this page load only.
  }
}

/** The current language, narrowed to the supported ones. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'da';
}

i18next.on('languageChanged', rememberLanguage);

void i18next.use(initReactI18next).init({
  resources: { da: { translation: catalogues.da }, en: { translation: catalogues.en } },
  lng: storedLanguage(),
  fallbackLng: 'da',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = currentLanguage();

export { i18next as i18n };
