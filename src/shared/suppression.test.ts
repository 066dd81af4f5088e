import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random';
import {
  HIDDEN,
  MIN_SMALL_NUMBER_LIMIT,
  type ReportedCountAt,
  type ReportedTable,
  SMALL_NUMBER_LIMIT,
  SUPPRESSED,
  suppressBreakdown,
  suppressedMark,
  suppressSmall,
  suppressTable,
} from './suppression';

describe('suppressSmall (design.md §2: n < 5 on every aggregate that leaves case work)', () => {
  it('shows 1 to 4 as "<5" and shows 0 and 5 or more as they are', () => {
    expect([0, 1, 2, 3, 4, 5, 17].map((n) => suppressSmall(n))).toEqual([
      0,
      SUPPRESSED,
      SUPPRESSED,
      SUPPRESSED,
      SUPPRESSED,
      5,
      17,
    ]);
    expect(SUPPRESSED).toBe('<5');
  });
});

describe('suppressBreakdown (domain.md rule 33: secondary suppression)', () => {
  it('leaves a breakdown without small cells as it is', () => {
    expect(suppressBreakdown({ a: 12, b: 5, c: 0 })).toEqual({ a: 12, b: 5, c: 0 });
  });

  it('hides the next smallest cell when one small cell could be worked out from the total', () => {
    // Total 20 is shown: with only b hidden, b = 20 − 9 − 8.
    expect(suppressBreakdown({ a: 9, b: 3, c: 8 })).toEqual({ a: 9, b: SUPPRESSED, c: HIDDEN });
  });

  it('hides more cells while the hidden ones add up to less than 5', () => {
    // b + c = 2 would give 1 and 1.
    expect(suppressBreakdown({ a: 9, b: 1, c: 1, d: 6, e: 7 })).toEqual({
      a: 9,
      b: SUPPRESSED,
      c: SUPPRESSED,
      d: HIDDEN,
      e: 7,
    });
  });

  it('hides more cells when the hidden ones add up to 4 each, which only 4 and 4 can', () => {
    expect(suppressBreakdown({ a: 4, b: 4, c: 10, d: 11 })).toEqual({
      a: SUPPRESSED,
      b: SUPPRESSED,
      c: HIDDEN,
      d: 11,
    });
  });

  it('never hides a zero, which names nobody', () => {
    expect(suppressBreakdown({ a: 2, b: 0, c: 0 })).toEqual({ a: SUPPRESSED, b: 0, c: 0 });
  });
});

describe('the suppression limit (rule 33: a setting, default 5, never below 3)', () => {
  it('defaults to 5 and is never below Danmarks Statistik’s 3', () => {
    expect(SMALL_NUMBER_LIMIT).toBe(5);
    expect(MIN_SMALL_NUMBER_LIMIT).toBe(3);
    expect(() => suppressSmall(1, 2)).toThrow(RangeError);
    expect(() => suppressTable([[1]], 2.5)).toThrow(RangeError);
  });

  it('writes a small count with the limit it was suppressed at: "<3", "<5", "<10"', () => {
    expect([0, 1, 2, 3].map((n) => suppressSmall(n, 3))).toEqual([0, '<3', '<3', 3]);
    expect(suppressSmall(9, 10)).toBe('<10');
    expect(suppressedMark()).toBe(SUPPRESSED);
  });

  it('applies secondary suppression of a breakdown at the limit given', () => {
    // At 3, 4 is shown; the single "<3" would be 14 − 4 − 8, so the next smallest (4) is hidden.
    expect(suppressBreakdown({ a: 2, b: 4, c: 8 }, 3)).toEqual({ a: '<3', b: HIDDEN, c: 8 });
    // Two cells of 2 each (the most "<3" allows) would be told by their sum.
    expect(suppressBreakdown({ a: 2, b: 2, c: 8, d: 9 }, 3)).toEqual({ a: '<3', b: '<3', c: HIDDEN, d: 9 });
  });
});

/** The table with its margins as one grid: rows, then the column totals; each row ends with its total. */
function bordered(t: ReportedTable): ReportedCountAt[][] {
  return [
    ...t.cells.map((row, r) => [...row, t.rowTotals[r] as ReportedCountAt]),
    [...t.columnTotals, t.total],
  ];
}

/** Every line of a bordered grid: each row and each column, its last entry the total of the others. */
function gridLines(rows: number, columns: number): [number, number][][] {
  const lines: [number, number][][] = [];
  for (let r = 0; r <= rows; r++) lines.push(Array.from({ length: columns + 1 }, (_, c) => [r, c]));
  for (let c = 0; c <= columns; c++) lines.push(Array.from({ length: rows + 1 }, (_, r) => [r, c]));
  return lines;
}

/**
 * What a reader works out by subtraction alone: any line (row or column, totals included) with one
 * hidden entry gives it (the total less the others, or the parts' sum), and each entry so found helps
 * the next line. Returns the hidden entries given away.
 */
function workedOut(t: ReportedTable): [number, number][] {
  const grid = bordered(t).map((row) => row.map((v) => (typeof v === 'number' ? v : null)));
  const rows = t.cells.length;
  const columns = t.columnTotals.length;
  const found: [number, number][] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of gridLines(rows, columns)) {
      const unknown = line.filter(([r, c]) => grid[r]?.[c] === null);
      if (unknown.length !== 1) continue;
      const [r, c] = unknown[0] as [number, number];
      const total = line.at(-1) as [number, number];
      const known = (p: [number, number]) => grid[p[0]]?.[p[1]] as number;
      const partsKnown = line
        .slice(0, -1)
        .filter((p) => p !== unknown[0])
        .reduce((s, p) => s + known(p), 0);
      (grid[r] as (number | null)[])[c] = unknown[0] === total ? partsKnown : known(total) - partsKnown;
      found.push([r, c]);
      changed = true;
    }
  }
  return found;
}

describe('suppressTable (rule 33: secondary suppression across rows, columns and their totals)', () => {
  it('shows a table without small cells as it is, with its totals', () => {
    expect(
      suppressTable([
        [10, 0],
        [7, 12],
      ]),
    ).toEqual({
      cells: [
        [10, 0],
        [7, 12],
      ],
      rowTotals: [10, 19],
      columnTotals: [17, 12],
      total: 29,
    });
  });

  it('closes the leak of suppressing each row alone: a cell hidden alone in its column is the column total less the rest', () => {
    const cells: [number, number, number][] = [
      [10, 3, 12],
      [8, 9, 11],
      [7, 6, 13],
    ];
    // Row by row, the first row hides 3 ("<5") and 10 ("x"); the other rows show everything.
    const rowByRow = cells.map((row) =>
      Object.values(suppressBreakdown({ a: row[0], b: row[1], c: row[2] })),
    );
    expect(rowByRow[0]).toEqual([HIDDEN, SUPPRESSED, 12]);
    expect(
      rowByRow
        .slice(1)
        .flat()
        .every((v) => typeof v === 'number'),
    ).toBe(true);
    // The column total of the middle column (18) gives the "<5" away: 18 − 9 − 6 = 3.
    const naive: ReportedTable = {
      cells: rowByRow as ReportedCountAt[][],
      rowTotals: [25, 28, 26],
      columnTotals: [25, 18, 36],
      total: 79,
    };
    expect(workedOut(naive)).toContainEqual([0, 1]);

    const table = suppressTable(cells);
    expect(table.cells[0]?.[1]).toBe(SUPPRESSED);
    expect(workedOut(table)).toEqual([]);
    // The totals are shown: the protection is in the cells.
    expect(table.rowTotals).toEqual([25, 28, 26]);
    expect(table.columnTotals).toEqual([25, 18, 36]);
    expect(table.total).toBe(79);
  });

  it('suppresses a small total, and protects it in the line of totals as it would a cell', () => {
    const table = suppressTable([
      [2, 1],
      [9, 8],
      [7, 6],
    ]);
    expect(table.rowTotals[0]).toBe(SUPPRESSED);
    expect(table.cells[0]).toEqual([SUPPRESSED, SUPPRESSED]);
    // The row totals add up to the grand total: one more row total is hidden.
    expect(table.rowTotals.filter((v) => typeof v === 'string').length).toBeGreaterThanOrEqual(2);
    expect(workedOut(table)).toEqual([]);
  });

  it('hides a total when a small cell beside a single hidden neighbour would be pinned by the bounds of "x"', () => {
    // Row 1 alone: "<5" + "x" = 6, and an "x" is at least 5, so "<5" would be 1. Nothing else in
    // the row can be hidden (a zero names nobody), so the row total is hidden.
    const table = suppressTable(
      [
        [1, 5, 0],
        [20, 30, 9],
      ],
      5,
    );
    expect(table.cells[0]).toEqual([SUPPRESSED, HIDDEN, 0]);
    expect(table.rowTotals[0]).toBe(HIDDEN);
    expect(workedOut(table)).toEqual([]);
  });

  it('never hides a zero and shows every other count exactly or as "<limit" or "x"', () => {
    const table = suppressTable(
      [
        [0, 2],
        [0, 14],
      ],
      3,
    );
    expect(table.cells.map((row) => row[0])).toEqual([0, 0]);
    expect(table.cells[0]?.[1]).toBe('<3');
  });

  it('gives no hidden cell away by row or column subtraction in 2,000 random tables (seeded)', () => {
    const random = mulberry32(33);
    const pick = (n: number) => Math.floor(random() * n);
    for (let k = 0; k < 2_000; k++) {
      const limit = [3, 5, 7][pick(3)] as number;
      const rows = 1 + pick(5);
      const columns = 1 + pick(5);
      const cells = Array.from({ length: rows }, () =>
        Array.from({ length: columns }, () => {
          const kind = random();
          if (kind < 0.2) return 0;
          if (kind < 0.6) return 1 + pick(limit - 1);
          return limit + pick(30);
        }),
      );
      const table = suppressTable(cells, limit);
      const context = JSON.stringify({ limit, cells, table });
      // Every figure shown is the true one; every small one is "<limit"; "x" hides only larger ones.
      const truth = [...cells.map((row) => [...row, row.reduce((s, n) => s + n, 0)])];
      truth.push(
        truth.reduce((sum, row) => sum.map((s, c) => s + (row[c] as number)), Array(columns + 1).fill(0)),
      );
      for (const [r, row] of bordered(table).entries())
        for (const [c, v] of row.entries()) {
          const n = truth[r]?.[c] as number;
          if (n > 0 && n < limit) expect(v, context).toBe(`<${limit}`);
          else if (v === HIDDEN) expect(n, context).toBeGreaterThanOrEqual(limit);
          else expect(v, context).toBe(n);
        }
      expect(workedOut(table), context).toEqual([]);
      // A line whose total is shown hides none of its cells or at least two adding up to the limit.
      for (const line of gridLines(rows, columns)) {
        const grid = bordered(table);
        const total = line.at(-1) as [number, number];
        if (typeof grid[total[0]]?.[total[1]] === 'string') continue;
        const hidden = line.slice(0, -1).filter(([r, c]) => typeof grid[r]?.[c] === 'string');
        if (hidden.length === 0) continue;
        expect(hidden.length, context).toBeGreaterThanOrEqual(2);
        expect(
          hidden.reduce((s, [r, c]) => s + (truth[r]?.[c] as number), 0),
          context,
        ).toBeGreaterThanOrEqual(limit);
      }
    }
  });
});
