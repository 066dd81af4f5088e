import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandles } from '../../db/database';
import { declaredPersonalData } from '../../platform/module';
import { testDatabase } from '../../test/helpers';
import { serverModules } from '../index';
import { erasureOrder } from './retention.policy';
import { foreignKeysAmong } from './retention.repository';
import { tablesNeedingDeclaration } from './retention.service';

let db: DatabaseHandles;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

const declarations = declaredPersonalData(serverModules);
const declared = declarations.flatMap((d) => d.declaration.tables.map((t) => t.table));

describe('the modules’ declarations of personal data (GDPR art. 30, art. 5(1)(e))', () => {
  it('declare every table with a citizen_id column or a foreign key to a declared table, so no table escapes retention', async () => {
    const needed = await tablesNeedingDeclaration(db.owner, declarations);
    expect(needed.length).toBeGreaterThan(20);
    expect(needed.filter((t) => !declared.includes(t))).toEqual([]);
  });

  it('would fail for a module that left its declaration out (the support module’s tables are then missing)', async () => {
    // The same check as above, without the support module: proves the check can fail.
    const without = declaredPersonalData(serverModules.filter((m) => m.name !== 'support'));
    const names = without.flatMap((d) => d.declaration.tables.map((t) => t.table));
    const needed = await tablesNeedingDeclaration(db.owner, without);
    expect(needed.filter((t) => !names.includes(t))).toContain('support_enrollment');
  });

  it('declare each table once, with columns that exist', async () => {
    expect(new Set(declared).size).toBe(declared.length);
    const { rows } = await db.owner
      .selectFrom('information_schema.columns' as never)
      .select(['table_name as t', 'column_name as c'] as never)
      .where('table_schema' as never, '=', 'public' as never)
      .execute()
      .then((r) => ({ rows: r as unknown as { t: string; c: string }[] }));
    const columns = new Set(rows.map((r) => `${r.t}.${r.c}`));
    for (const d of declarations) {
      for (const t of d.declaration.tables) {
        const named = [
          ...(typeof t.citizen === 'string'
            ? [t.citizen]
            : 'via' in t.citizen
              ? [t.citizen.column]
              : [...t.citizen]),
          ...(t.activity ?? []),
          ...(t.open ?? []).map((o) => o.column),
          ...(t.erase === 'delete' ? [] : Object.keys(t.erase.anonymise)),
        ];
        for (const c of named) expect(columns, `${d.module}: ${t.table}.${c}`).toContain(`${t.table}.${c}`);
      }
    }
  });

  it('erase every table before the tables it references (a contact before its enrollment, all before the citizen)', async () => {
    const tables = declarations.flatMap((d) => d.declaration.tables);
    const keys = await foreignKeysAmong(db.owner, declared);
    const order = erasureOrder(tables, keys).map((t) => t.table);
    for (const k of keys)
      expect(order.indexOf(k.child), `${k.child} → ${k.parent}`).toBeLessThan(order.indexOf(k.parent));
    expect(order.at(-1)).toBe('citizen');
  });
});
