/**
 * Small-number suppression for figures that leave the case-working roles (design.md §2 "insight":
 * default n < 5; domain.md rule 33: suppress small cells, never below Danmarks Statistik's 3, and
 * apply secondary suppression so a suppressed cell cannot be worked out from totals or any other
 * combination of the cells shown).
 *
 * The limit is the municipality's setting (default 5, never below 3). A count of 1 to limit − 1 is
 * shown as "<limit", e.g. "<5" (primary suppression); 0 is shown, it names nobody. When a breakdown
 * or a table would still let a reader work a small cell out, more cells are hidden as well, shown as
 * "x" (secondary suppression); where nothing else will do, `suppressLinked` leaves a whole
 * breakdown out, each of its cells "x", zeros too. Every function takes the limit and defaults to 5.
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
 * One breakdown (cells of one total the reader knows or can add up): primary suppression of every
 * small cell, then secondary suppression ("x") until no hidden cell can be worked out from the total
 * and what the marks tell ("<5" is 1 to 4, an "x" at least 5) — the same reasoning as for a total
 * with several breakdowns (`suppressBreakdowns`); a breakdown that cannot be protected by its own
 * cells is left out (every cell "x", zeros too). Issue 20 (c): hiding "until the hidden cells add up
 * to at least the limit" left { "<5", "x" } under a total of 6, which is 1 and 5.
 */
export function suppressBreakdown<K extends string>(
  cells: Record<K, number>,
  limit: number = SMALL_NUMBER_LIMIT,
): Record<K, ReportedCountAt> {
  checkLimit(limit);
  const total = (Object.values(cells) as number[]).reduce((sum, n) => sum + n, 0);
  return suppressBreakdowns(total, { cells }, limit).breakdowns.cells as Record<K, ReportedCountAt>;
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

/**
 * What a reader knows of how counts hang together, beyond each count's own mark: the parts (their
 * sum times `factor`) equal the totals' sum (`equal`: a breakdown of a total) or are at most it
 * (`atMost`: a subset, such as the cases with children among all cases). Parts and totals are
 * indices into the counts given to `suppressLinked`.
 */
export interface CountRelation {
  parts: readonly number[];
  totals: readonly number[];
  kind: 'equal' | 'atMost';
  /** The parts' sum is multiplied by this (default 1): 1.5 for "at least half again as many". */
  factor?: number;
}

/** Counts published together, the relations a reader knows between them, and what else a reader knows. */
export interface LinkedCounts {
  /** The exact counts. */
  values: readonly number[];
  relations: readonly CountRelation[];
  /**
   * Counts that are not published but are groups of persons all the same (a part of a period no one
   * asked for, the open cases beside the decided ones): a reader knows only that they are at least
   * 0, and a small one must not be worked out either. They have nothing to hide.
   */
  unpublished?: readonly number[];
  /** Lower bounds a reader knows besides the marks (a department flagged as rising has at least 3 notices). */
  atLeast?: ReadonlyMap<number, number>;
  /**
   * Counts that other answers show on their own (suppressed as `suppressSmall` does): never hidden
   * here either, or one answer would give away what another hides. A breakdown of one is protected
   * by its other parts, or left out.
   */
  kept?: readonly number[];
  /**
   * Counts left out together when a small count cannot be protected otherwise (a department's row
   * of counts). The parts of each breakdown (an `equal` relation) are such a group too.
   */
  groups?: readonly (readonly number[])[];
}

/**
 * A linked count's state: as a table cell's, or not published at all, or `blank`: a part of a
 * breakdown left out because it would give a small part away ("x" even where it is 0 or small; a
 * reader knows only that it is at least 0).
 */
type LinkedState = CellState | 'unpublished' | 'blank';

/** The sum of bounds, with the number of infinite ones apart so that one can be taken out again. */
function boundSum(bounds: readonly number[], at: readonly number[]) {
  let finite = 0;
  let infinite = 0;
  for (const i of at) {
    const b = bounds[i] as number;
    if (b === Infinity) infinite++;
    else finite += b;
  }
  /** The sum without the entry `i` (one of `at`). */
  const without = (i: number) => {
    const b = bounds[i] as number;
    return infinite - (b === Infinity ? 1 : 0) > 0 ? Infinity : finite - (b === Infinity ? 0 : b);
  };
  return { all: infinite > 0 ? Infinity : finite, without };
}

/** Rounding that forgives the last bits of a product with a factor such as 1.5. */
const floorOf = (x: number) => (x === Infinity ? Infinity : Math.floor(x + 1e-9));
const ceilOf = (x: number) => (x === -Infinity ? -Infinity : Math.ceil(x - 1e-9));

/**
 * The least and the most each count can be for a reader who sees the marks and knows the
 * relations: every shown count exactly, a "<limit" in 1 … limit − 1, an "x" in limit … (it would be
 * "<limit" if smaller; a zero is never hidden), a count left out or unpublished in 0 …, narrowed
 * over all the relations until they hold still (as `pinnedCells` does for a table: a sound reading,
 * so a count whose bounds meet is truly given away).
 */
function linkedBounds(
  values: readonly number[],
  state: readonly LinkedState[],
  relations: readonly CountRelation[],
  limit: number,
  atLeast: ReadonlyMap<number, number> | undefined,
) {
  const lo = values.map((v, i) => {
    const s = state[i];
    const own = s === 'small' ? 1 : s === 'hidden' ? limit : s === 'shown' ? v : 0;
    return s === 'shown' ? v : Math.max(own, atLeast?.get(i) ?? 0);
  });
  const hi = values.map((v, i) => {
    const s = state[i];
    return s === 'small' ? limit - 1 : s === 'shown' ? v : Infinity;
  });
  for (let pass = 0, changed = true; changed && pass < 1_000; pass++) {
    changed = false;
    const tighten = (i: number, low: number, high: number) => {
      if (low > (lo[i] as number) && low <= (hi[i] as number)) {
        lo[i] = low;
        changed = true;
      }
      if (high < (hi[i] as number) && high >= (lo[i] as number)) {
        hi[i] = high;
        changed = true;
      }
    };
    for (const relation of relations) {
      const factor = relation.factor ?? 1;
      const equal = relation.kind === 'equal';
      const partsLo = boundSum(lo, relation.parts);
      const partsHi = boundSum(hi, relation.parts);
      const totalsLo = boundSum(lo, relation.totals);
      const totalsHi = boundSum(hi, relation.totals);
      // factor × (a part + the other parts) ≤ (=) the totals.
      for (const p of relation.parts)
        tighten(
          p,
          equal ? ceilOf(totalsLo.all / factor - partsHi.without(p)) : -Infinity,
          floorOf(totalsHi.all / factor - partsLo.without(p)),
        );
      // A total + the other totals ≥ (=) factor × the parts.
      for (const t of relation.totals)
        tighten(
          t,
          ceilOf(factor * partsLo.all - totalsHi.without(t)),
          equal ? floorOf(factor * partsHi.all - totalsLo.without(t)) : Infinity,
        );
    }
  }
  return { lo, hi };
}

/**
 * Counts published together and linked by relations a reader knows (rule 33 across a whole answer:
 * a total and several breakdowns of it, a table and its margins, subsets of a count). Primary
 * suppression: every count of 1 to limit − 1 is "<limit". Secondary suppression, repeated until
 * nothing changes:
 * - a breakdown of shown totals (an `equal` relation without unpublished parts) that hides a part
 *   hides parts adding up to at least the limit, so that the hidden ones are not a small group;
 * - no small count, published or not, may be pinned to one value by combining the relations
 *   (`linkedBounds`); for a pinned count, a relation it is in hides its smallest shown part, else its
 *   smallest shown total ("x"). When none can, a relation of a hidden count that is pinned is tried;
 *   when none of those can either, a group that holds the pinned count is left out (the parts of a
 *   breakdown, or a group given), else a group of a count in a relation with it: each of its
 *   counts is "x", zeros too (a total of "<5" with four cells of "<5" would otherwise say that each
 *   is 1; "<5" beside a single "x" under a total of 6 that stays, that it is 1).
 * Counts `kept` are never hidden. Zeros are otherwise never hidden: they name nobody. Afterwards,
 * each count hidden on the way that can be shown again without giving a small count away is shown.
 * Unpublished counts come back as "x".
 */
export function suppressLinked(linked: LinkedCounts, limit: number = SMALL_NUMBER_LIMIT): ReportedCountAt[] {
  checkLimit(limit);
  const { values, relations } = linked;
  const unpublished = new Set(linked.unpublished ?? []);
  const kept = new Set(linked.kept ?? []);
  const relationsOf = values.map(() => [] as CountRelation[]);
  for (const relation of relations)
    for (const i of [...relation.parts, ...relation.totals]) relationsOf[i]?.push(relation);
  const state: LinkedState[] = values.map((n, i) =>
    unpublished.has(i) ? 'unpublished' : n > 0 && n < limit ? 'small' : 'shown',
  );
  const isHidden = (i: number) => state[i] === 'small' || state[i] === 'hidden' || state[i] === 'blank';
  const value = (i: number) => values[i] as number;
  /** Hides the relation's smallest shown positive part, else its smallest shown positive total. */
  const hideIn = (relation: CountRelation): boolean => {
    for (const side of [relation.parts, relation.totals]) {
      let next: number | undefined;
      for (const i of side)
        if (
          state[i] === 'shown' &&
          !kept.has(i) &&
          value(i) > 0 &&
          (next === undefined || value(i) < value(next))
        )
          next = i;
      if (next !== undefined) {
        state[next] = 'hidden';
        return true;
      }
    }
    return false;
  };
  /** Leaves a group out; false when it has nothing (more) to leave out. */
  const leaveOut = (group: readonly number[]): boolean => {
    const members = group.filter((i) => state[i] !== 'unpublished' && state[i] !== 'blank' && !kept.has(i));
    for (const i of members) state[i] = 'blank';
    return members.length > 0;
  };
  const groups = [
    ...(linked.groups ?? []),
    ...relations.filter((r) => r.kind === 'equal' && (r.factor ?? 1) === 1).map((r) => r.parts),
  ];
  const groupsOf = values.map(() => [] as (readonly number[])[]);
  for (const group of groups) for (const i of group) groupsOf[i]?.push(group);
  /** The counts in a relation with `i`, and through an unpublished one, those in a relation with it. */
  const neighbours = (i: number): number[] => {
    const near = new Set<number>();
    for (const relation of relationsOf[i] ?? [])
      for (const j of [...relation.parts, ...relation.totals]) {
        near.add(j);
        if (state[j] === 'unpublished')
          for (const further of relationsOf[j] ?? [])
            for (const k of [...further.parts, ...further.totals]) near.add(k);
      }
    near.delete(i);
    return [...near];
  };
  const smallGroup = (relation: CountRelation): boolean => {
    if (relation.kind !== 'equal' || (relation.factor ?? 1) !== 1) return false;
    if (!relation.totals.every((i) => state[i] === 'shown')) return false;
    if (relation.parts.some((i) => state[i] === 'unpublished')) return false;
    const hidden = relation.parts.filter(isHidden);
    return hidden.length > 0 && hidden.reduce((s, i) => s + value(i), 0) < limit;
  };
  const indices = values.map((_, i) => i);
  const small = (i: number) => state[i] !== 'shown' && value(i) > 0 && value(i) < limit;
  /** The counts a reader can pin: small ones first, then hidden ones, whose relations may stop a chain. */
  const pinnedCounts = () => {
    const { lo, hi } = linkedBounds(values, state, relations, limit, linked.atLeast);
    const pinned = (i: number) => lo[i] === hi[i];
    return [
      ...indices.filter((i) => small(i) && pinned(i)),
      ...indices.filter((i) => state[i] === 'hidden' && pinned(i)),
    ];
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const relation of relations) while (smallGroup(relation) && hideIn(relation)) changed = true;
    if (changed) continue;
    const candidates = pinnedCounts();
    const pinnedSmall = candidates.filter(small);
    if (pinnedSmall.length === 0) break;
    // Hide a shown count; else leave out a group that holds the pinned count, else one of a neighbour.
    changed =
      candidates.some((i) => (relationsOf[i] ?? []).some(hideIn)) ||
      pinnedSmall.some((i) => (groupsOf[i] ?? []).some(leaveOut)) ||
      pinnedSmall.some((i) => neighbours(i).some((j) => (groupsOf[j] ?? []).some(leaveOut)));
  }
  // Hiding follows the first relation that can, not always the one that was needed: show again each
  // count hidden on the way, the largest first, that can be shown without giving a small one away.
  const safe = () => !relations.some(smallGroup) && !pinnedCounts().some(small);
  if (safe())
    for (const i of indices
      .filter((j) => state[j] === 'hidden')
      .sort((a, b) => value(b) - value(a) || a - b)) {
      state[i] = 'shown';
      if (!safe()) state[i] = 'hidden';
    }
  return values.map((n, i) => {
    const s = state[i];
    return s === 'small' ? suppressedMark(limit) : s === 'shown' ? n : HIDDEN;
  });
}

/**
 * A total and several breakdowns of it, published together (the waiting list by age, household,
 * waiting time and priority): primary and secondary suppression over all of them at once
 * (`suppressLinked`), so that no small cell is worked out from the total or from another breakdown
 * (`suppressBreakdown` on each alone leaves "<5" beside a single "x" under a total of 6: the "x" is
 * at least 5, so the "<5" is 1). The total is shown as `suppressSmall` shows it, as other answers
 * show it alone; a breakdown that cannot be protected by its own cells is left out (every cell
 * "x"). A breakdown whose cells add up to the total is a partition of it; one that adds up to less
 * leaves some out (its cells add up to at most the total); one that adds up to more counts some
 * twice (each cell is at most the total, and the cells add up to at least it).
 */
export function suppressBreakdowns<B extends Record<string, Record<string, number>>>(
  total: number,
  breakdowns: B,
  limit: number = SMALL_NUMBER_LIMIT,
): { total: ReportedCountAt; breakdowns: { [K in keyof B]: Record<keyof B[K], ReportedCountAt> } } {
  const values = [total];
  const relations: CountRelation[] = [];
  const at: Record<string, Record<string, number>> = {};
  for (const [name, cells] of Object.entries(breakdowns)) {
    const indices: number[] = [];
    at[name] = {};
    for (const [key, n] of Object.entries(cells)) {
      (at[name] as Record<string, number>)[key] = values.length;
      indices.push(values.length);
      values.push(n);
    }
    const sum = Object.values(cells).reduce((s, n) => s + n, 0);
    if (sum === total) relations.push({ parts: indices, totals: [0], kind: 'equal' });
    else if (sum < total) relations.push({ parts: indices, totals: [0], kind: 'atMost' });
    else {
      for (const i of indices) relations.push({ parts: [i], totals: [0], kind: 'atMost' });
      relations.push({ parts: [0], totals: indices, kind: 'atMost' });
    }
  }
  const reported = suppressLinked({ values, relations, kept: [0] }, limit);
  const out = {} as Record<string, Record<string, ReportedCountAt>>;
  for (const [name, keys] of Object.entries(at))
    out[name] = Object.fromEntries(
      Object.entries(keys).map(([key, i]) => [key, reported[i] as ReportedCountAt]),
    );
  return {
    total: reported[0] as ReportedCountAt,
    breakdowns: out as { [K in keyof B]: Record<keyof B[K], ReportedCountAt> },
  };
}
