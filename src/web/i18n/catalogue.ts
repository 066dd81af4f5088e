import da from './da.json';
import en from './en.json';

/** A catalogue: nested texts by key. */
export type Tree = { [key: string]: string | Tree };

/**
 * Merges catalogues into one. A key defined twice is a mistake (one text would silently win), so it
 * throws; the catalogue test loads every module's catalogue, for both languages.
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

/**
 * Every module's texts: src/web/modules/<name>/i18n/*.da.json and *.en.json, by path. Read by
 * file name rather than through the module list (src/web/modules/index.ts), so the texts load before
 * (and without) the modules' components: i18n starts first, and the catalogue test runs in Node.
 */
const moduleFiles = import.meta.glob<Tree>('../modules/*/i18n/*.json', { eager: true, import: 'default' });

function moduleCatalogues(language: 'da' | 'en'): Tree[] {
  return Object.entries(moduleFiles)
    .filter(([path]) => path.endsWith(`.${language}.json`))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, tree]) => tree);
}

/**
 * The full Danish and English catalogues: the shell's own texts (app, nav, header, errors …) plus
 * each module's. A key defined twice throws (see {@link mergeCatalogues}).
 */
export const catalogues: Record<'da' | 'en', Tree> = {
  da: mergeCatalogues(da as Tree, ...moduleCatalogues('da')),
  en: mergeCatalogues(en as Tree, ...moduleCatalogues('en')),
};
