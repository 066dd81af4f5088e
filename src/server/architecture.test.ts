import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = path.join(import.meta.dirname);

/** Every server source file (not tests, test helpers or the db layer), relative to src/server. */
function serverSources(): string[] {
  return readdirSync(SERVER, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .filter((file) => !file.startsWith('test/') && !file.startsWith('db/') && !file.includes('bench'));
}

/**
 * Where SQL may be built: a module's repositories and migrations (`modules/<m>/migrations/`), the
 * platform's repositories (and db/, not scanned).
 */
const mayBuildSql = (file: string) =>
  file.endsWith('.repository.ts') || /^modules\/[^/]+\/migrations\/[^/]+\.ts$/.test(file);

/** The code without comments, so that a comment naming a query builder is not taken for one. */
function code(text: string): string {
  return text
    .replaceAll(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
}

/** `import … from 'kysely'` (or a subpath) that brings a value, not only types. */
function importsKyselyValue(source: string): boolean {
  const imports = source.matchAll(/^import\s+([^;]*?)\s+from\s+['"]kysely(?:\/[^'"]*)?['"]/gm);
  for (const [, clause = ''] of imports) {
    if (clause.startsWith('type ')) continue;
    const named = /^\{([\s\S]*)\}$/.exec(clause.trim());
    const specifiers = (named?.[1] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // A default or namespace import, or any named specifier without `type`, is a value.
    if (!named || specifiers.some((s) => !s.startsWith('type '))) return true;
  }
  return /^import\s+['"]kysely['"]/m.test(source);
}

/** The query builders, by the name a failure reports. */
const QUERY_BUILDERS: [string, RegExp][] = [
  ['.selectFrom(', /\.selectFrom\(/],
  ['.insertInto(', /\.insertInto\(/],
  ['.updateTable(', /\.updateTable\(/],
  ['.deleteFrom(', /\.deleteFrom\(/],
  ['sql``', /\bsql\s*(?:<[^>`]*>)?\s*`/],
  ['sql.raw/join/…', /\bsql\.(?:raw|join|ref|table|id|lit|val)\(/],
];

describe('layers', () => {
  it('only repositories, migrations and the db layer build SQL', () => {
    const files = serverSources();
    expect(files.length).toBeGreaterThan(20);
    const offenders = files
      .filter((file) => !mayBuildSql(file))
      .flatMap((file) => {
        const source = code(readFileSync(path.join(SERVER, file), 'utf8'));
        const found: string[] = [];
        if (importsKyselyValue(source)) found.push('imports a value from kysely');
        for (const [name, pattern] of QUERY_BUILDERS) if (pattern.test(source)) found.push(`calls ${name}`);
        return found.length ? [`src/server/${file}: ${found.join(', ')}`] : [];
      });
    expect(offenders).toEqual([]);
  });

  it('tells a type-only kysely import from a value import', () => {
    expect(importsKyselyValue("import type { Kysely } from 'kysely';")).toBe(false);
    expect(importsKyselyValue("import { type Generated, type Selectable } from 'kysely';")).toBe(false);
    expect(importsKyselyValue("import { sql } from 'kysely';")).toBe(true);
    expect(importsKyselyValue("import { type RawBuilder, sql } from 'kysely';")).toBe(true);
    expect(importsKyselyValue("import type { Migration } from 'kysely/migration';")).toBe(false);
  });
});
