import { describe, expect, it } from 'vitest';
import { parseSanctionRow } from './plans.import';

const row = (fields: Record<string, string>, line = 2) => ({ line, cells: Object.values(fields), fields });

describe("a line of the benefits office's list of sanctions", () => {
  it('reads a sanction and a stop in Danish words and dates', () => {
    expect(
      parseSanctionRow(row({ cpr: '010160-5001', kind: 'Sanktion', effectiveOn: '01.12.2026' })).value,
    ).toMatchObject({
      cpr: '0101605001',
      kind: 'sanction',
      effectiveOn: '2026-12-01',
      note: null,
    });
    expect(
      parseSanctionRow(row({ cpr: '0101605001', kind: 'ophør', effectiveOn: '2026-12-02' })).value?.kind,
    ).toBe('stop');
  });

  it('names every bad field by line: CPR, type and date', () => {
    expect(
      parseSanctionRow(row({ cpr: '12345', kind: 'bøde', effectiveOn: '31.02.2026' }, 7)).problems,
    ).toEqual([
      { line: 7, field: 'cpr', code: 'cpr_format' },
      { line: 7, field: 'kind', code: 'invalid_enum' },
      { line: 7, field: 'effectiveOn', code: 'date' },
    ]);
    expect(
      parseSanctionRow(row({ cpr: '', kind: '', effectiveOn: '' }, 3)).problems.map((p) => p.code),
    ).toEqual(['required', 'required', 'required']);
  });
});
