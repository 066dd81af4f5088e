import applicationsDa from '../modules/allocation/i18n/applications.da.json';
import applicationsEn from '../modules/allocation/i18n/applications.en.json';
import vacanciesDa from '../modules/allocation/i18n/vacancies.da.json';
import vacanciesEn from '../modules/allocation/i18n/vacancies.en.json';
import preventionDa from '../modules/prevention/i18n/prevention.da.json';
import preventionEn from '../modules/prevention/i18n/prevention.en.json';
import da from './da.json';
import en from './en.json';

/** A catalogue: nested texts by key. */
export type Tree = { [key: string]: string | Tree };

/**
 * Merges a module's catalogue into the main one. A key defined twice is a mistake (one text would
 * silently win), so it throws; the catalogue test runs this for both languages.
 */
export function mergeCatalogues(base: Tree, ...parts: Tree[]): Tree {
  const out: Tree = structuredClone(base);
  const merge = (target: Tree, source: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(source)) {
      const existing = target[key];
      if (typeof value === 'object' && typeof existing === 'object')
        merge(existing, value, `${prefix}${key}.`);
      else if (existing !== undefined) throw new Error(`i18n key defined twice: ${prefix}${key}`);
      else target[key] = structuredClone(value);
    }
  };
  for (const part of parts) merge(out, part, '');
  return out;
}

/** The full Danish and English catalogues: the main files plus each module's own. */
export const catalogues: Record<'da' | 'en', Tree> = {
  da: mergeCatalogues(da as Tree, applicationsDa as Tree, vacanciesDa as Tree, preventionDa as Tree),
  en: mergeCatalogues(en as Tree, applicationsEn as Tree, vacanciesEn as Tree, preventionEn as Tree),
};
