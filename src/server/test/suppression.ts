import type { ReportedCountAt } from '../../shared/suppression';

/**
 * What a reader outside case work can work out of one cell from a total and breakdowns of it as they
 * are shown (design.md small-number suppression, domain rule 33): every total the marks allow ("<5"
 * is 1 to 4, "x" at least 5, at the limit given, or 0 or more in a breakdown left out) that every
 * breakdown can add up to, and for those the values the cell's own breakdown leaves it. One value
 * left: the cell is given away.
 */
export function possibleValues(
  total: ReportedCountAt,
  breakdowns: readonly (readonly ReportedCountAt[])[],
  [breakdown, index]: readonly [number, number],
  limit = 5,
  most = 500,
): number[] {
  // An "x" hides a count of at least the limit, unless its whole breakdown is left out ("x" for
  // every cell, zeros too): then each is 0 or more.
  const range = (v: ReportedCountAt | undefined, leftOut = false): [number, number] =>
    typeof v === 'number' ? [v, v] : v === 'x' ? [leftOut ? 0 : limit, most] : [1, limit - 1];
  const isLeftOut = (cells: readonly ReportedCountAt[]) => cells.length > 1 && cells.every((v) => v === 'x');
  const fits = (cells: readonly ReportedCountAt[], sum: number) =>
    cells.reduce<number>((s, v) => s + range(v, isLeftOut(cells))[0], 0) <= sum &&
    sum <= cells.reduce<number>((s, v) => s + range(v, isLeftOut(cells))[1], 0);
  const own = breakdowns[breakdown] ?? [];
  const others = own.filter((_, i) => i !== index);
  const [lo, hi] = range(own[index], isLeftOut(own));
  const possible = new Set<number>();
  const [tLo, tHi] = range(total);
  for (let sum = tLo; sum <= tHi; sum++) {
    if (!breakdowns.every((cells) => fits(cells, sum))) continue;
    for (let v = lo; v <= hi; v++) if (isLeftOut(own) ? sum - v >= 0 : fits(others, sum - v)) possible.add(v);
  }
  return [...possible].sort((a, b) => a - b);
}
