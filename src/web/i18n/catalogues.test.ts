import { describe, expect, it } from 'vitest';
import { errorCodes, PLATFORM_ERRORS } from '../../shared/error-codes';
import { ROLES } from '../../shared/permissions';
import { catalogues, type Tree } from './catalogue';

// Every module's error codes (src/shared/<module>/errors.ts registers them when loaded).
const moduleErrors = import.meta.glob('../../shared/*/errors.ts', { eager: true });

const { da, en } = catalogues;

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

/** Plural forms differ by language (_one/_other), so compare keys without the plural suffix. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('i18n catalogues', () => {
  it('have the same keys in Danish and English', () => {
    expect([...new Set(keys(en as Tree).map(base))].sort()).toEqual(
      [...new Set(keys(da as Tree).map(base))].sort(),
    );
  });

  it('translate every error code of the catalogue in both languages', () => {
    expect(Object.keys(moduleErrors).length).toBeGreaterThan(0);
    expect(errorCodes().length).toBeGreaterThan(Object.keys(PLATFORM_ERRORS).length);
    for (const catalogue of [da, en] as Tree[]) {
      const errors = catalogue.errors as Tree;
      for (const code of errorCodes()) expect(errors, code).toHaveProperty(code);
    }
  });

  it('name every role in both languages', () => {
    for (const catalogue of [da, en] as Tree[]) {
      for (const role of ROLES) expect(catalogue.roles, role).toHaveProperty(role);
    }
  });

  it('have no empty texts', () => {
    for (const catalogue of [da, en] as Tree[]) {
      const empty = keys(catalogue).filter((k) => {
        const value = k
          .split('.')
          .reduce<string | Tree | undefined>(
            (t, part) => (typeof t === 'object' ? t[part] : undefined),
            catalogue,
          );
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });
});
