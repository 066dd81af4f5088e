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
  suppressBreakdowns,
  suppressedMark,
  suppressLinked,
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

/**
 * What a reader can make of a total and its partitions as published: the values the total and each
 * cell not shown can still take. Worked out by trying every total (the shown one, or for "x" the limit up to `most`) and
 * keeping those every partition allows; a cell's values are those its partition allows beside one of
 * them. Independent of the bounds `suppressLinked` reasons with.
 */
function possibleValues(
  total: ReportedCountAt,
  partitions: Record<string, ReportedCountAt>[],
  limit: number,
  /** The partitions left out: each of their "x" is 0 or more. */
  leftOut: ReadonlySet<number> = new Set(),
  most = 200,
): Map<string, Set<number>> {
  const range = (v: ReportedCountAt, left = false): [number, number] =>
    typeof v === 'number' ? [v, v] : v === HIDDEN ? [left ? 0 : limit, most] : [1, limit - 1];
  const [tLo, tHi] = range(total);
  const partsOf = (cells: Record<string, ReportedCountAt>, p: number) =>
    Object.values(cells).map((v) => range(v, leftOut.has(p)));
  const fits = (parts: [number, number][], sum: number) =>
    parts.reduce((s, [lo]) => s + lo, 0) <= sum && sum <= parts.reduce((s, [, hi]) => s + hi, 0);
  const totals: number[] = [];
  for (let t = tLo; t <= tHi; t++) if (partitions.every((p, i) => fits(partsOf(p, i), t))) totals.push(t);
  const values = new Map<string, Set<number>>();
  if (typeof total === 'string') values.set('total', new Set(totals));
  partitions.forEach((cells, p) => {
    for (const [key, v] of Object.entries(cells)) {
      if (typeof v === 'number') continue;
      const others = Object.entries(cells)
        .filter(([k]) => k !== key)
        .map(([, o]) => range(o, leftOut.has(p)));
      const [lo, hi] = range(v, leftOut.has(p));
      const seen = new Set<number>();
      for (const t of totals) for (let x = lo; x <= hi; x++) if (fits(others, t - x)) seen.add(x);
      values.set(`${p}.${key}`, seen);
    }
  });
  return values;
}

describe('suppressBreakdowns (rule 33: a total and several breakdowns of it, published together)', () => {
  it('leaves a total and breakdowns without small cells as they are', () => {
    expect(suppressBreakdowns(12, { a: { x: 7, y: 5 }, b: { p: 12, q: 0 } })).toEqual({
      total: 12,
      breakdowns: { a: { x: 7, y: 5 }, b: { p: 12, q: 0 } },
    });
  });

  it('leaves out a breakdown in which a cell of 1 beside a single "x" would be the total less at least the limit (issue 20 (c))', () => {
    // { acute: "<5", high: 0, normal: "x" } beside a total of 6 would tell: normal is at least 5, so
    // acute = 6 − 5 = 1. A breakdown alone is now left out as well (it was not before issue 20 (c)).
    expect(suppressBreakdown({ acute: 1, high: 0, normal: 5 })).toEqual({
      acute: HIDDEN,
      high: HIDDEN,
      normal: HIDDEN,
    });
    // The total stays (other answers show it alone); nothing else in the breakdown can be hidden, so
    // the breakdown is left out, its zero too.
    const reported = suppressBreakdowns(6, {
      byHousehold: { one: 6, two: 0 },
      byPriority: { acute: 1, high: 0, normal: 5 },
    });
    expect(reported.total).toBe(6);
    expect(reported.breakdowns.byPriority).toEqual({ acute: HIDDEN, high: HIDDEN, normal: HIDDEN });
    expect(reported.breakdowns.byHousehold).toEqual({ one: 6, two: 0 });
  });

  it('hides the next smallest cell where that is enough, and the total is shown as suppressSmall shows it', () => {
    const reported = suppressBreakdowns(8, { byPriority: { acute: 1, high: 0, normal: 7 } });
    // "<5" + "x" = 8 with "x" at least 5: acute is 1 to 3.
    expect(reported).toEqual({
      total: 8,
      breakdowns: { byPriority: { acute: SUPPRESSED, high: 0, normal: HIDDEN } },
    });
    expect(suppressBreakdowns(3, { byPriority: { acute: 1, high: 0, normal: 2 } }).total).toBe(SUPPRESSED);
  });

  it('treats a breakdown that counts some twice as cells of at most the total (target groups)', () => {
    const reported = suppressBreakdowns(9, {
      byPriority: { high: 4, normal: 5 },
      byGround: { social: 9, reduced: 2 },
    });
    expect(reported.breakdowns.byPriority).toEqual({ high: SUPPRESSED, normal: HIDDEN });
    expect(reported.breakdowns.byGround.reduced).toBe(SUPPRESSED);
  });

  it('gives no small cell away in 2,000 random totals with two or three partitions (seeded)', () => {
    const random = mulberry32(20);
    const pick = (n: number) => Math.floor(random() * n);
    for (let k = 0; k < 2_000; k++) {
      const limit = [3, 5][pick(2)] as number;
      const total = pick(25);
      const partitions = Array.from({ length: 2 + pick(2) }, () => {
        const cells = Array.from({ length: 2 + pick(3) }, () => 0);
        for (let n = 0; n < total; n++) {
          const i = random() < 0.5 ? 0 : pick(cells.length);
          cells[i] = (cells[i] as number) + 1;
        }
        return Object.fromEntries(cells.map((n, i) => [`c${i}`, n]));
      });
      const reported = suppressBreakdowns(
        total,
        Object.fromEntries(partitions.map((p, i) => [`p${i}`, p])),
        limit,
      );
      const shown = Object.values(reported.breakdowns);
      const context = JSON.stringify({ limit, total, partitions, reported });
      // Every figure shown is the true one; small ones are "<limit"; "x" hides only larger ones.
      // A partition left out: every part "x", one of them below the limit (0 or small).
      const leftOut = new Set(
        partitions
          .map((_, i) => i)
          .filter(
            (i) =>
              Object.values(shown[i] ?? {}).every((v) => v === HIDDEN) &&
              Object.values(partitions[i] ?? {}).some((n) => n < limit),
          ),
      );
      const check = (n: number, mark: ReportedCountAt | undefined, left: boolean) => {
        if (left) expect(mark, context).toBe(HIDDEN);
        else if (n > 0 && n < limit) expect(mark, context).toBe(`<${limit}`);
        else if (mark === HIDDEN) expect(n, context).toBeGreaterThanOrEqual(limit);
        else expect(mark, context).toBe(n);
      };
      // The total is never hidden: other answers show it alone.
      expect(reported.total, context).toBe(suppressSmall(total, limit));
      partitions.forEach((p, i) => {
        for (const [key, n] of Object.entries(p)) check(n, shown[i]?.[key], leftOut.has(i));
      });
      const possible = possibleValues(reported.total, shown, limit, leftOut);
      const totals = possible.get('total');
      if (totals) {
        expect(totals.has(total), context).toBe(true);
        if (total < limit && totals.size < 2) throw new Error(`the total is given away: ${context}`);
      }
      partitions.forEach((p, i) => {
        for (const [key, n] of Object.entries(p)) {
          const values = possible.get(`${i}.${key}`);
          if (!values) continue;
          // The reading is right (the true value stays possible), and a small count is not pinned.
          expect(values.has(n), context).toBe(true);
          if (n > 0 && n < limit && values.size < 2) throw new Error(`${i}.${key} is given away: ${context}`);
        }
      });
    }
  });
});

describe('suppressLinked (rule 33: counts linked by what a reader knows)', () => {
  it('protects a small count that is not published but follows from two that are', () => {
    // Cases 6, with children 5: without children = 1, not published, is given away.
    const reported = suppressLinked({
      values: [6, 5, 1],
      relations: [{ parts: [1, 2], totals: [0], kind: 'equal' }],
      unpublished: [2],
    });
    expect(reported.slice(0, 2).filter((v) => v === HIDDEN)).toHaveLength(1);
  });

  it('narrows by a subset (at most) and by a factor, and hides until nothing small is pinned', () => {
    // Notices 6 = the last 3 months (1) + the 3 before (5): with 6 shown, "<5" would be 6 − 5; the
    // total is hidden instead (at least 5, no upper bound), and the 5 can stay.
    const plain = suppressLinked({
      values: [6, 1, 5],
      relations: [{ parts: [1, 2], totals: [0], kind: 'equal' }],
    });
    expect(plain).toEqual([HIDDEN, SUPPRESSED, 5]);
    // A subset of 1 within a count of 1 ("<5" each) tells nothing more.
    expect(
      suppressLinked({ values: [1, 1], relations: [{ parts: [1], totals: [0], kind: 'atMost' }] }),
    ).toEqual([SUPPRESSED, SUPPRESSED]);
    // Last 3 months 4 and the 3 before 2, 6 in all: alone, "<5" + "<5" = 6 has several splits.
    const relation = { parts: [1, 2], totals: [0], kind: 'equal' } as const;
    expect(suppressLinked({ values: [6, 4, 2], relations: [relation] })).toEqual([6, SUPPRESSED, SUPPRESSED]);
    // A rising flag (last ≥ 3 and last ≥ 1.5 × before) leaves before ≤ 2 beside last ≤ 4: only 4 + 2.
    const rising = suppressLinked({
      values: [6, 4, 2],
      relations: [relation, { parts: [2], totals: [1], kind: 'atMost', factor: 1.5 }],
      atLeast: new Map([[1, 3]]),
    });
    expect(rising).toEqual([HIDDEN, SUPPRESSED, SUPPRESSED]);
  });
});
