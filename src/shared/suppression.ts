/**
 * Small-number suppression for figures that leave the case-working roles (design.md §2 "insight":
 * default n < 5; domain.md rule 33: suppress small cells, never below Danmarks Statistik's 3, and
 * apply secondary suppression so a suppressed cell cannot be worked out from totals or any other
 * combination of the cells shown).
 *
 * The limit is the municipality's setting (default 5, never below 3). A count of 1 to limit − 1 is
 * shown as "<limit", e.g. "<5" (primary suppression); 0 is shown, it names nobody. When a breakdown
 * or a table would still let a reader work a small cell out, more cells are hidden as well, shown as
 * "x" (secondary suppression). Every function takes the limit and defaults to 5.
 */

/** Counts below this are never shown outside case work (the default of the municipality's setting). */
export const SMALL_NUMBER_LIMIT = 5;

/** Rule 33: the limit is never set below Danmarks Statistik's minimum. */
export const MIN_SMALL_NUMBER_LIMIT = 3;

/** A count of 1–4 at the default limit: shown as "<5". */
export const SUPPRESSED = '<5' as const;

/** A count hidden so that a suppressed neighbour cannot be worked out from the total. */
export const HIDDEN = 'x' as const;

/** A small count's mark at any limit: "<3", "<5", "<10". */
export type SuppressedMark = `<${number}`;

/** A count reported at any limit: what every figure that leaves case work holds (rule 33). */
export type ReportedCountAt = number | SuppressedMark | typeof HIDDEN;

/**
 * A count as reported. Every figure is suppressed at the municipality's limit, so its mark may be
 * any "<limit", not only "<5": the same type as `ReportedCountAt` (kept for the pages that name it).
 */
export type ReportedCount = ReportedCountAt;

/** The mark of a small count at a limit: "<5" at the default. */
export function suppressedMark(limit: number = SMALL_NUMBER_LIMIT): SuppressedMark {
  return `<${limit}`;
}

/** Whether a limit may be used (a whole number, at least 3). */
export function isValidLimit(limit: number): boolean {
  return Number.isInteger(limit) && limit >= MIN_SMALL_NUMBER_LIMIT;
}

function checkLimit(limit: number) {
  // A programming error, not a user's: the setting is validated where it is saved.
  if (!isValidLimit(limit))
    throw new RangeError(`A suppression limit is a whole number of at least 3: ${limit}`);
}

/** A figure's shape with every count replaced by a count reported at any limit. */
export type Suppressed<T> = T extends number
  ? ReportedCountAt
  : T extends readonly (infer U)[]
    ? Suppressed<U>[]
    : T extends object
      ? { [K in keyof T]: Suppressed<T[K]> }
      : T;

/** One count: 1 to limit − 1 become "<limit" ("<5" at the default); 0 and counts of the limit or more are shown. */
export function suppressSmall(count: number, limit: number = SMALL_NUMBER_LIMIT): ReportedCountAt {
  checkLimit(limit);
  return count > 0 && count < limit ? suppressedMark(limit) : count;
}

/**
 * One breakdown (cells of one total): primary suppression of every small cell, then secondary
 * suppression of the smallest shown cells until the hidden cells are at least two, add up to at
 * least the limit and do not add up to the most their "<limit" allows (limit − 1 each).
 */
export function suppressBreakdown<K extends string>(
  cells: Record<K, number>,
  limit: number = SMALL_NUMBER_LIMIT,
): Record<K, ReportedCountAt> {
  const keys = Object.keys(cells) as K[];
  const out = {} as Record<K, ReportedCountAt>;
  for (const key of keys) out[key] = suppressSmall(cells[key], limit);
  const mark = suppressedMark(limit);
  const hidden = () => keys.filter((key) => typeof out[key] === 'string');
  const revealing = () => {
    const keysHidden = hidden();
    if (keysHidden.length === 0) return false;
    const sum = keysHidden.reduce((s, key) => s + cells[key], 0);
    const allPrimary = keysHidden.every((key) => out[key] === mark);
    return keysHidden.length < 2 || sum < limit || (allPrimary && sum === (limit - 1) * keysHidden.length);
  };
  while (revealing()) {
    const next = keys
      .filter((key) => typeof out[key] === 'number' && cells[key] > 0)
      .sort((a, b) => cells[a] - cells[b])[0];
    if (next === undefined) break;
    out[next] = HIDDEN;
  }
  return out;
}

/** Whether a reported count was suppressed or hidden. */
export function isSuppressed(count: ReportedCountAt): count is SuppressedMark | typeof HIDDEN {
  return typeof count === 'string';
}

/** A two-way table as reported: its cells (rows × columns), the row and column totals and the grand total. */
export interface ReportedTable {
  cells: ReportedCountAt[][];
  rowTotals: ReportedCountAt[];
  columnTotals: ReportedCountAt[];
  total: ReportedCountAt;
}

type CellState = 'shown' | 'small' | 'hidden';

/** A line of the table with its margin: a row or a column (of the cells, or of the totals). */
interface Line {
  parts: [number, number][];
  total: [number, number];
}

/**
 * The lines of a table of `rows` × `columns` cells bordered by its totals: each row with its row total
 * and each column with its column total, and the row totals and the column totals, each with the
 * grand total (row `rows`, column `columns`).
 */
function linesOf(rows: number, columns: number): Line[] {
  const lines: Line[] = [];
  for (let r = 0; r <= rows; r++)
    lines.push({ parts: Array.from({ length: columns }, (_, c) => [r, c]), total: [r, columns] });
  for (let c = 0; c <= columns; c++)
    lines.push({ parts: Array.from({ length: rows }, (_, r) => [r, c]), total: [rows, c] });
  return lines;
}

/**
 * Which hidden cells a reader can pin to one value from what is shown: every shown cell is known, a
 * "<limit" cell lies in 1 … limit − 1, an "x" cell in limit … (it would have been "<limit" if
 * smaller, and a zero is never hidden), and every line adds up to its total. The bounds are narrowed
 * over all lines, rows and columns alike, until they hold still; a cell whose bounds meet is
 * determined. (Bounds are a sound reading: a pinned cell is truly given away.)
 */
function pinnedCells(
  values: readonly number[][],
  state: readonly CellState[][],
  lines: readonly Line[],
  limit: number,
) {
  const lo = values.map((row, r) =>
    row.map((v, c) => (state[r]?.[c] === 'small' ? 1 : state[r]?.[c] === 'hidden' ? limit : v)),
  );
  const hi = values.map((row, r) =>
    row.map((v, c) => (state[r]?.[c] === 'small' ? limit - 1 : state[r]?.[c] === 'hidden' ? Infinity : v)),
  );
  const get = (b: number[][], [r, c]: [number, number]) => b[r]?.[c] as number;
  const set = (b: number[][], [r, c]: [number, number], v: number) => {
    (b[r] as number[])[c] = v;
  };
  for (let pass = 0, changed = true; changed && pass < 1_000; pass++) {
    changed = false;
    for (const line of lines) {
      const tighten = (at: [number, number], low: number, high: number) => {
        if (low > get(lo, at)) {
          set(lo, at, low);
          changed = true;
        }
        if (high < get(hi, at)) {
          set(hi, at, high);
          changed = true;
        }
      };
      const partsLo = line.parts.reduce((s, p) => s + get(lo, p), 0);
      const partsHi = line.parts.reduce((s, p) => s + get(hi, p), 0);
      tighten(line.total, partsLo, partsHi);
      for (const p of line.parts) {
        const othersLo = line.parts.reduce((s, q) => (q === p ? s : s + get(lo, q)), 0);
        const othersHi = line.parts.reduce((s, q) => (q === p ? s : s + get(hi, q)), 0);
        tighten(p, get(lo, line.total) - othersHi, get(hi, line.total) - othersLo);
      }
    }
  }
  return state.map((row, r) => row.map((s, c) => s !== 'shown' && get(lo, [r, c]) === get(hi, [r, c])));
}

/**
 * A two-way table (rows × columns) shown with its row totals, column totals and grand total (rule 33).
 *
 * Primary suppression: every cell and every total of 1 to limit − 1 is shown as "<limit". Secondary
 * suppression, repeated over rows and columns (and the lines of totals) until nothing changes:
 * - a line whose total is shown and that hides a cell hides at least two, adding up to at least the
 *   limit, and not all at the most their "<limit" allows (limit − 1 each): its smallest shown cell
 *   is hidden next ("x"), or, when it has none left, its total;
 * - no hidden cell may be pinned to one value by combining the lines (`pinnedCells`); a pinned cell's
 *   row, else its column, hides its smallest shown cell, else its total.
 * Zeros are never hidden: they name nobody. Hiding only adds hidden cells, so this ends. Applying
 * `suppressBreakdown` to each row alone is not enough: a cell hidden alone in its column is the
 * column total less the column's shown cells.
 */
export function suppressTable(
  cells: readonly (readonly number[])[],
  limit: number = SMALL_NUMBER_LIMIT,
): ReportedTable {
  checkLimit(limit);
  const rows = cells.length;
  const columns = cells[0]?.length ?? 0;
  if (cells.some((row) => row.length !== columns))
    throw new RangeError('Every row of a table has as many cells');
  // The table bordered by its totals: row `rows` holds the column totals, column `columns` the row totals.
  const values: number[][] = cells.map((row) => [...row, row.reduce((s, n) => s + n, 0)]);
  const columnTotals = Array.from({ length: columns + 1 }, (_, c) =>
    values.reduce((s, row) => s + (row[c] as number), 0),
  );
  values.push(columnTotals);
  const state: CellState[][] = values.map((row) => row.map((n) => (n > 0 && n < limit ? 'small' : 'shown')));
  const lines = linesOf(rows, columns);
  const at = ([r, c]: [number, number]) => state[r]?.[c] as CellState;
  const value = ([r, c]: [number, number]) => values[r]?.[c] as number;
  /** Hides the line's smallest shown positive cell, else its total; false when nothing is left. */
  const hideIn = (line: Line): boolean => {
    let next: [number, number] | undefined;
    for (const p of line.parts)
      if (at(p) === 'shown' && value(p) > 0 && (next === undefined || value(p) < value(next))) next = p;
    if (next === undefined && at(line.total) === 'shown' && value(line.total) > 0) next = line.total;
    if (next === undefined) return false;
    (state[next[0]] as CellState[])[next[1]] = 'hidden';
    return true;
  };
  const unsafe = (line: Line): boolean => {
    if (at(line.total) !== 'shown') return false;
    const hidden = line.parts.filter((p) => at(p) !== 'shown');
    if (hidden.length === 0) return false;
    const sum = hidden.reduce((s, p) => s + value(p), 0);
    const allSmall = hidden.every((p) => at(p) === 'small');
    return hidden.length < 2 || sum < limit || (allSmall && sum === (limit - 1) * hidden.length);
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) while (unsafe(line) && hideIn(line)) changed = true;
    if (changed) continue;
    const pinned = pinnedCells(values, state, lines, limit);
    // A pinned cell: hide more in its row, else its column (lines list the rows first).
    const contains = (line: Line, r: number, c: number) =>
      (line.total[0] === r && line.total[1] === c) || line.parts.some(([pr, pc]) => pr === r && pc === c);
    search: for (let r = 0; r <= rows; r++)
      for (let c = 0; c <= columns; c++) {
        if (!pinned[r]?.[c]) continue;
        for (const line of lines)
          if (contains(line, r, c) && hideIn(line)) {
            changed = true;
            break search;
          }
      }
  }
  const reported = values.map((row, r) =>
    row.map((n, c): ReportedCountAt => {
      const s = state[r]?.[c];
      return s === 'small' ? suppressedMark(limit) : s === 'hidden' ? HIDDEN : n;
    }),
  );
  const totalsRow = reported[rows] as ReportedCountAt[];
  return {
    cells: reported.slice(0, rows).map((row) => row.slice(0, columns)),
    rowTotals: reported.slice(0, rows).map((row) => row[columns] as ReportedCountAt),
    columnTotals: totalsRow.slice(0, columns),
    total: totalsRow[columns] as ReportedCountAt,
  };
}
