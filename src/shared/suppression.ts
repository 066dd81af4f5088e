/**
 * Small-number suppression for figures that leave the case-working roles (design.md §2 "insight":
 * default n < 5; domain.md rule 33: suppress small cells, and apply secondary suppression so a
 * suppressed cell cannot be worked out from the total and the other cells).
 *
 * A count of 1–4 is shown as "<5" (primary suppression); 0 is shown, it names nobody. When a
 * breakdown would still let a reader work a small cell out (only one cell hidden, or the hidden
 * cells add up to less than 5, or to exactly 4 each), the next smallest cells are hidden as well,
 * shown as "x" (secondary suppression).
 */

/** Counts below this are never shown outside case work. */
export const SMALL_NUMBER_LIMIT = 5;

/** A count of 1–4: shown as "<5". */
export const SUPPRESSED = '<5' as const;

/** A count hidden so that a suppressed neighbour cannot be worked out from the total. */
export const HIDDEN = 'x' as const;

export type ReportedCount = number | typeof SUPPRESSED | typeof HIDDEN;

/** A figure's shape with every count replaced by a reported count. */
export type Suppressed<T> = T extends number
  ? ReportedCount
  : T extends readonly (infer U)[]
    ? Suppressed<U>[]
    : T extends object
      ? { [K in keyof T]: Suppressed<T[K]> }
      : T;

/** One count: 1–4 become "<5"; 0 and counts of 5 or more are shown. */
export function suppressSmall(count: number): ReportedCount {
  return count > 0 && count < SMALL_NUMBER_LIMIT ? SUPPRESSED : count;
}

/**
 * One breakdown (cells of one total): primary suppression of every small cell, then secondary
 * suppression of the smallest shown cells until the hidden cells are at least two, add up to at
 * least 5 and do not add up to the most their "<5" allows (4 each).
 */
export function suppressBreakdown<K extends string>(cells: Record<K, number>): Record<K, ReportedCount> {
  const keys = Object.keys(cells) as K[];
  const out = {} as Record<K, ReportedCount>;
  for (const key of keys) out[key] = suppressSmall(cells[key]);
  const hidden = () => keys.filter((key) => typeof out[key] === 'string');
  const revealing = () => {
    const keysHidden = hidden();
    if (keysHidden.length === 0) return false;
    const sum = keysHidden.reduce((s, key) => s + cells[key], 0);
    const allPrimary = keysHidden.every((key) => out[key] === SUPPRESSED);
    return (
      keysHidden.length < 2 ||
      sum < SMALL_NUMBER_LIMIT ||
      (allPrimary && sum === (SMALL_NUMBER_LIMIT - 1) * keysHidden.length)
    );
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
export function isSuppressed(count: ReportedCount): count is typeof SUPPRESSED | typeof HIDDEN {
  return typeof count === 'string';
}
