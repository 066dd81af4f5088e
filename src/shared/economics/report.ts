/**
 * The economics figures as they leave case work (issue 16 §8; src/shared/suppression.ts): a count of
 * citizens of 1 to limit − 1 is shown as "<limit" ("<5" at the default), and a kroner sum built from
 * fewer citizens than the limit is not shown.
 * Secondary suppression hides further cells of a row or a column until no hidden cell can be worked
 * out from a shown total: the hidden cells of a line are none, or at least two built from at least
 * 5 citizens together. Subtotals (costs, refunds, net, youth) are shown only when they reveal no
 * single hidden cell either.
 */
import { type ReportedCountAt, SMALL_NUMBER_LIMIT, suppressBreakdown, suppressSmall } from '../suppression';

/** The parts of the municipality's cost: three costs and three refunds. */
export const COMPONENTS = [
  'shelter',
  'support',
  'placements',
  'stayRefund',
  'supportRefund',
  'careRefund',
] as const;
export type Component = (typeof COMPONENTS)[number];
export const COST_COMPONENTS: readonly Component[] = ['shelter', 'support', 'placements'];
export const REFUND_COMPONENTS: readonly Component[] = ['stayRefund', 'supportRefund', 'careRefund'];

/** A kroner sum and how many citizens it is built from. */
export interface Cell {
  kr: number;
  n: number;
}

/** A row of figures: each component's cell and the citizens behind the row (at least). */
export interface Figures {
  cells: Record<Component, Cell>;
  citizens: number;
}

export const emptyFigures = (): Figures => ({
  cells: {
    shelter: { kr: 0, n: 0 },
    support: { kr: 0, n: 0 },
    placements: { kr: 0, n: 0 },
    stayRefund: { kr: 0, n: 0 },
    supportRefund: { kr: 0, n: 0 },
    careRefund: { kr: 0, n: 0 },
  },
  citizens: 0,
});

/** A row as reported: kroner rounded to whole kroner, null where suppressed. */
export interface ReportedFigures {
  citizens: ReportedCountAt;
  shelter: number | null;
  support: number | null;
  placements: number | null;
  stayRefund: number | null;
  supportRefund: number | null;
  careRefund: number | null;
  costs: number | null;
  refunds: number | null;
  /** Costs − refunds: the municipality's net cost. */
  net: number | null;
}

const small = (n: number, limit: number) => n > 0 && n < limit;

/** Whether a line's hidden cells are safe next to its shown total: none, or ≥ 2 from ≥ limit citizens. */
function safe(
  n: readonly number[],
  hidden: readonly boolean[],
  indexes: readonly number[],
  limit: number,
): boolean {
  const h = indexes.filter((i) => hidden[i] && (n[i] as number) > 0);
  if (h.length === 0) return true;
  return h.length >= 2 && h.reduce((s, i) => s + (n[i] as number), 0) >= limit;
}

/**
 * Primary and secondary suppression of a grid of counts (rows × columns): cells of 1 to limit − 1
 * are hidden, then in every row and column that is not safe the smallest shown positive cell is
 * hidden too, until every line is safe or has nothing left to hide. `hidden` may start with cells
 * hidden already. The limit is the municipality's (default 5).
 */
export function suppressGrid(
  counts: readonly (readonly number[])[],
  start?: boolean[][],
  limit: number = SMALL_NUMBER_LIMIT,
): boolean[][] {
  const hidden = counts.map((row, r) => row.map((n, c) => (start?.[r]?.[c] ?? false) || small(n, limit)));
  const lines: [number, number][][] = [];
  const rows = counts.length;
  const cols = counts[0]?.length ?? 0;
  for (let r = 0; r < rows; r++) lines.push(Array.from({ length: cols }, (_, c) => [r, c]));
  for (let c = 0; c < cols; c++) lines.push(Array.from({ length: rows }, (_, r) => [r, c]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const n = line.map(([r, c]) => counts[r]?.[c] ?? 0);
      const h = line.map(([r, c]) => hidden[r]?.[c] ?? false);
      const all = line.map((_, i) => i);
      while (!safe(n, h, all, limit)) {
        let next = -1;
        for (const i of all)
          if (!h[i] && (n[i] as number) > 0 && (next < 0 || (n[i] as number) < (n[next] as number))) next = i;
        if (next < 0) break;
        h[next] = true;
        const [r, c] = line[next] as [number, number];
        (hidden[r] as boolean[])[c] = true;
        changed = true;
      }
    }
  }
  return hidden;
}

const round = (v: number) => Math.round(v);

/** One row as reported, with the cells `hidden` says are hidden (in the order of COMPONENTS). */
export function reportRow(
  f: Figures,
  hidden: readonly boolean[],
  limit: number = SMALL_NUMBER_LIMIT,
): ReportedFigures {
  const n = COMPONENTS.map((c) => f.cells[c].n);
  const idx = (list: readonly Component[]) => list.map((c) => COMPONENTS.indexOf(c));
  const costs = idx(COST_COMPONENTS);
  const refunds = idx(REFUND_COMPONENTS);
  const all = COMPONENTS.map((_, i) => i);
  const shown = f.citizens >= limit;
  const sum = (list: readonly Component[]) => list.reduce((s, c) => s + f.cells[c].kr, 0);
  // Costs and refunds are each the rest of the other under the net: both must be safe.
  const partsSafe = safe(n, hidden, costs, limit) && safe(n, hidden, refunds, limit);
  const value = (c: Component) => (hidden[COMPONENTS.indexOf(c)] || !shown ? null : round(f.cells[c].kr));
  return {
    citizens: suppressSmall(f.citizens, limit),
    shelter: value('shelter'),
    support: value('support'),
    placements: value('placements'),
    stayRefund: value('stayRefund'),
    supportRefund: value('supportRefund'),
    careRefund: value('careRefund'),
    costs: shown && partsSafe ? round(sum(COST_COMPONENTS)) : null,
    refunds: shown && partsSafe ? round(sum(REFUND_COMPONENTS)) : null,
    net: shown && safe(n, hidden, all, limit) ? round(sum(COST_COMPONENTS) - sum(REFUND_COMPONENTS)) : null,
  };
}

/** Rows of a table (months, or groups) with their cells suppressed together as one grid. */
export function reportRows(
  rows: readonly Figures[],
  rowsHidden?: readonly boolean[],
  limit: number = SMALL_NUMBER_LIMIT,
): ReportedFigures[] {
  const counts = rows.map((f) => COMPONENTS.map((c) => f.cells[c].n));
  const start = rows.map((_, r) => COMPONENTS.map(() => rowsHidden?.[r] ?? false));
  const hidden = suppressGrid(counts, start, limit);
  return rows.map((f, r) => {
    const reported = reportRow(f, hidden[r] as boolean[], limit);
    return rowsHidden?.[r]
      ? { ...reported, citizens: 'x' as const, net: null, costs: null, refunds: null }
      : reported;
  });
}

/**
 * The citizen groups as reported: the groups' citizen counts suppressed as one breakdown (a group
 * hidden there has no figures shown), their cells as one grid, and a subtotal row (youth) shown
 * only where neither it nor the rest of the total reveals a single hidden cell.
 */
export function reportGroups<G extends string>(
  groups: Record<G, Figures>,
  subtotal: readonly NoInfer<G>[],
  limit: number = SMALL_NUMBER_LIMIT,
): { rows: Record<G, ReportedFigures>; subtotal: ReportedFigures } {
  const keys = Object.keys(groups) as G[];
  const counts = suppressBreakdown(
    Object.fromEntries(keys.map((k) => [k, groups[k].citizens])) as Record<G, number>,
    limit,
  );
  const rowsHidden = keys.map((k) => typeof counts[k] === 'string');
  const figures = keys.map((k) => groups[k]);
  const cellCounts = figures.map((f) => COMPONENTS.map((c) => f.cells[c].n));
  const hidden = suppressGrid(
    cellCounts,
    keys.map((_, r) => COMPONENTS.map(() => rowsHidden[r] as boolean)),
    limit,
  );
  const rows = {} as Record<G, ReportedFigures>;
  keys.forEach((k, r) => {
    const reported = reportRow(groups[k], hidden[r] as boolean[], limit);
    rows[k] = rowsHidden[r]
      ? { ...reported, citizens: counts[k], net: null, costs: null, refunds: null }
      : { ...reported, citizens: counts[k] };
  });
  // The subtotal: summed cells, each shown only when it and the rest reveal no single hidden cell.
  const inSub = keys.map((k) => subtotal.includes(k));
  const sub = emptyFigures();
  keys.forEach((k, r) => {
    if (!inSub[r]) return;
    sub.citizens += groups[k].citizens;
    for (const c of COMPONENTS) {
      sub.cells[c].kr += groups[k].cells[c].kr;
      sub.cells[c].n += groups[k].cells[c].n;
    }
  });
  const rowIdx = keys.map((_, r) => r);
  const inside = rowIdx.filter((r) => inSub[r]);
  const outside = rowIdx.filter((r) => !inSub[r]);
  const subHidden = COMPONENTS.map((_, c) => {
    const n = figures.map((f) => cellCounts[figures.indexOf(f)]?.[c] ?? 0);
    const h = hidden.map((row) => row[c] as boolean);
    return !(safe(n, h, inside, limit) && safe(n, h, outside, limit));
  });
  const citizenCountsSafe =
    safe(
      figures.map((f) => f.citizens),
      rowsHidden,
      inside,
      limit,
    ) &&
    safe(
      figures.map((f) => f.citizens),
      rowsHidden,
      outside,
      limit,
    );
  const reportedSub = reportRow(sub, subHidden, limit);
  return {
    rows,
    subtotal: citizenCountsSafe
      ? reportedSub
      : {
          ...reportedSub,
          citizens: 'x',
          shelter: null,
          support: null,
          placements: null,
          stayRefund: null,
          supportRefund: null,
          careRefund: null,
          costs: null,
          refunds: null,
          net: null,
        },
  };
}
