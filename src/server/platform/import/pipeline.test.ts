import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/database';
import type { Actor } from '../actor';
import { type ImportDefinition, readImportFile, runImport } from './pipeline';

type Field = 'name' | 'count';

const COLUMNS = { columns: { navn: 'name', name: 'name', antal: 'count' } as const, maxRows: 3 };
const csv = (text: string) => ({ filename: 'liste.csv', data: Buffer.from(text) });

/** A definition whose rows need a name and a whole count; no database work. */
function definition(write = vi.fn()): ImportDefinition<Field, { name: string; count: number }> {
  return {
    ...COLUMNS,
    audit: { action: 'test.import', entityType: 'test' },
    parse({ line, fields }) {
      const problems = [];
      if (!fields.name) problems.push({ line, field: 'name', code: 'required' });
      if (!/^\d+$/.test(fields.count ?? '')) problems.push({ line, field: 'count', code: 'invalid' });
      if (problems.length) return { problems };
      return { value: { name: fields.name ?? '', count: Number(fields.count) }, problems };
    },
    duplicates: { key: (v) => v.name.toLowerCase(), field: 'name', code: 'duplicate_row' },
    write,
  };
}

// Dry runs and refused files never open a transaction, so no database is needed.
const db = {} as Db;
const actor = { municipalityId: 'm-1', userId: 'u-1' } as Actor;

describe('readImportFile', () => {
  it('maps headers to fields case-insensitively and keeps each row’s line, skipping empty lines', async () => {
    const { records, problems } = await readImportFile<Field>(
      csv('Navn;ANTAL\nAnna; 2 \n;\n\nBo;3\n'),
      COLUMNS,
    );
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [2, { name: 'Anna', count: '2' }],
      [5, { name: 'Bo', count: '3' }],
    ]);
  });

  it('names unknown and duplicate columns on line 1 as written, and still reads the known ones', async () => {
    const { records, problems } = await readImportFile<Field>(
      csv('Navn,Sko Størrelse,name,antal\nA,44,B,1'),
      COLUMNS,
    );
    expect(problems).toEqual([
      { line: 1, field: 'Sko Størrelse', code: 'unknown_column' },
      { line: 1, field: 'name', code: 'duplicate_column' },
    ]);
    expect(records[0]?.fields).toEqual({ name: 'A', count: '1' });
  });

  it('refuses other file types, unreadable XLSX, empty files and files with too many rows', async () => {
    const fileType = [{ line: 0, field: 'file', code: 'file_type' }];
    expect(
      (await readImportFile({ filename: 'liste.pdf', data: Buffer.from('x') }, COLUMNS)).problems,
    ).toEqual(fileType);
    expect(
      (await readImportFile({ filename: 'liste.xlsx', data: Buffer.from('not a zip') }, COLUMNS)).problems,
    ).toEqual(fileType);
    expect(
      (await readImportFile({ filename: 'liste.txt', data: Buffer.from('navn\nA') }, COLUMNS)).problems,
    ).toEqual(fileType);
    expect(
      (
        await readImportFile(
          { filename: 'liste.txt', data: Buffer.from('navn\nA') },
          { ...COLUMNS, extensions: ['.txt'] },
        )
      ).problems,
    ).toEqual([]);
    expect((await readImportFile(csv('navn;antal\n'), COLUMNS)).problems).toEqual([
      { line: 0, field: 'file', code: 'no_rows' },
    ]);
    expect((await readImportFile(csv('navn\nA\nB\nC\nD'), COLUMNS)).problems).toEqual([
      { line: 0, field: 'file', code: 'too_many_rows' },
    ]);
  });

  it('reads the first sheet of an XLSX file the same way, with dates as åååå-mm-dd', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Liste');
    sheet.addRow(['Navn', 'Antal']);
    sheet.addRow(['Anna', 2]);
    sheet.addRow([new Date(Date.UTC(2026, 1, 1)), 3]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const { records, problems } = await readImportFile<Field>({ filename: 'Liste.XLSX', data }, COLUMNS);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual([
      { name: 'Anna', count: '2' },
      { name: '2026-02-01', count: '3' },
    ]);
  });
});

describe('runImport', () => {
  it('reports every bad row by line and field with the value as written, in line order, and counts the valid rows on a dry run', async () => {
    const write = vi.fn();
    const report = await runImport(db, actor, definition(write), csv('navn;antal\n;x\nAnna;1\nanna;2'), {
      mode: 'all',
      dryRun: true,
    });
    expect(report).toEqual({
      rows: 3,
      valid: 1,
      imported: 0,
      problems: [
        { line: 2, field: 'name', code: 'required' },
        { line: 2, field: 'count', code: 'invalid', value: 'x' },
        { line: 4, field: 'name', code: 'duplicate_row', value: 'anna' },
      ],
    });
    expect(write).not.toHaveBeenCalled();
  });

  it('names the values a column with a fixed list accepts, and shortens a long value', async () => {
    const long = 'y'.repeat(150);
    const report = await runImport(
      db,
      actor,
      { ...definition(), allowed: { count: ['1', '2', '3'] } },
      csv(`navn;antal
Anna;x
Bo;${long}`),
      { mode: 'all', dryRun: true },
    );
    expect(report.problems).toEqual([
      { line: 2, field: 'count', code: 'invalid', value: 'x', allowed: ['1', '2', '3'] },
      { line: 3, field: 'count', code: 'invalid', value: `${'y'.repeat(99)}…`, allowed: ['1', '2', '3'] },
    ]);
  });

  it('imports nothing in mode all when a row is bad, even when it is no dry run', async () => {
    const write = vi.fn();
    const report = await runImport(db, actor, definition(write), csv('navn;antal\nAnna;1\nBo;x'), {
      mode: 'all',
      dryRun: false,
    });
    expect(report).toMatchObject({ rows: 2, valid: 1, imported: 0 });
    expect(write).not.toHaveBeenCalled();
  });

  it('refuses a file with a bad header as a whole, before any row is checked', async () => {
    const report = await runImport(db, actor, definition(), csv('navn;farve\nAnna;rød'), {
      mode: 'valid_only',
      dryRun: false,
    });
    expect(report).toEqual({
      rows: 1,
      valid: 0,
      imported: 0,
      problems: [{ line: 1, field: 'farve', code: 'unknown_column' }],
    });
  });
});
