import { NATIONAL_COUNT_TOTALS } from '../count/rules';
import { HIDDEN, isValidLimit, type ReportedCountAt, suppressedMark } from '../suppression';

/**
 * The comparison across municipalities (issue 18 §7): a municipality of a deployment that hosts
 * several may opt in to share its suppressed figures (for example within the Hjem til Alle
 * alliance). Those that share see one another's figures beside their own, as rates per 10,000
 * inhabitants, with the national count for context. Only figures already suppressed at the sharing
 * municipality's limit (rule 33) cross tenants.
 */

/**
 * The figures every sharing municipality publishes:
 * - `flow.active`: active on the by-name list at the last month end (rule 35), its period the month;
 * - `count.total`: the latest closed week-6 count (rules 5–7, homeless migrants apart), its period
 *   the count year.
 * Further figures (the outcome indicators) are published under keys of their own through the same
 * path; see `SharedFigure`.
 */
export const SHARED_FIGURE_KEYS = ['flow.active', 'count.total'] as const;
export type SharedFigureKey = (typeof SHARED_FIGURE_KEYS)[number];

/** A figure key: lower-case words joined by dots ("flow.active", "indicator.exits_to_housing"). */
export const FIGURE_KEY = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

/** One figure as it may leave the municipality: its key, its period and its suppressed value. */
export interface SharedFigure {
  key: string;
  /** The month (yyyy-mm) or the year (yyyy) the figure is of. */
  period: string;
  value: ReportedCountAt;
}

/** A figure beside the others: its rate per 10,000 inhabitants, null when it is not shown. */
export interface ComparedFigure extends SharedFigure {
  ratePer10000: number | null;
}

/** A municipality's figures in the comparison. */
export interface ComparedMunicipality {
  code: string;
  name: string;
  inhabitants: number | null;
  /** The limit its figures are suppressed at ("<limit"). */
  suppressionLimit: number;
  /** When the figures were published (null: its own figures, computed now, not published yet). */
  publishedAt: string | null;
  figures: ComparedFigure[];
}

/** The national week-6 count for context (rule 9), with its rate per 10,000 inhabitants. */
export interface NationalContext {
  year: number;
  total: number;
  inhabitants: number;
  ratePer10000: number;
}

/** GET /api/insight/comparison. */
export interface Comparison {
  /** Whether the municipality shares (only then does it see the others). */
  sharing: boolean;
  own: ComparedMunicipality;
  /** The other municipalities of the deployment that share, by name. */
  others: ComparedMunicipality[];
  national: NationalContext;
}

/** The municipality's settings for figures that leave case work: GET /api/insight/settings. */
export interface InsightSettings {
  /** Rule 33: counts below this are shown as "<limit" (default 5, never below 3). */
  suppressionLimit: number;
  inhabitants: number | null;
  sharing: boolean;
  /** Who decided on sharing, and when (null: never decided, not sharing). */
  sharingChangedBy: string | null;
  sharingChangedAt: string | null;
  publishedAt: string | null;
}

/** PUT /api/insight/sharing: opt in or out; sharing needs the number of inhabitants. */
export interface SharingInput {
  sharing: boolean;
  inhabitants: number | null;
}

/** PUT /api/insight/suppression-limit. */
export interface SuppressionLimitInput {
  suppressionLimit: number;
}

/**
 * Denmark's inhabitants on 1 January 2024 (Danmarks Statistik, FOLK1A: 5,961,249), the basis of the
 * national rate beside the 2024 count.
 */
export const DENMARK_INHABITANTS = { year: 2024, inhabitants: 5_961_249 } as const;

/** A count per 10,000 inhabitants, to one decimal; null when the count is not shown or the basis unknown. */
export function ratePer10000(value: ReportedCountAt, inhabitants: number | null): number | null {
  if (typeof value !== 'number' || inhabitants === null || inhabitants <= 0) return null;
  return Math.round((value / inhabitants) * 100_000) / 10;
}

/** The national count of the year the inhabitants are known for (rule 9), as a rate. */
export function nationalContext(): NationalContext {
  const { year, inhabitants } = DENMARK_INHABITANTS;
  const count = NATIONAL_COUNT_TOTALS.find((n) => n.year === year);
  if (!count) throw new Error(`No national count of ${year}`);
  return {
    year,
    total: count.total,
    inhabitants,
    ratePer10000: ratePer10000(count.total, inhabitants) as number,
  };
}

/** Whether a value is one that suppression at `limit` can give: 0, at least the limit, "<limit" or "x". */
export function isSuppressedAt(value: ReportedCountAt, limit: number): boolean {
  if (value === HIDDEN || value === suppressedMark(limit)) return true;
  return typeof value === 'number' && Number.isInteger(value) && (value === 0 || value >= limit);
}

/**
 * A figure's value as it is stored for sharing ("12", "0", "<5", "x"). A value that suppression at
 * the limit cannot give is refused: nothing small leaves the municipality, whatever its source.
 */
export function sharedText(value: ReportedCountAt, limit: number): string {
  if (!isValidLimit(limit) || !isSuppressedAt(value, limit))
    throw new RangeError(`Not a figure suppressed at ${limit}: ${value}`);
  return String(value);
}

/** A stored shared value read back. */
export function fromSharedText(text: string): ReportedCountAt {
  if (text === HIDDEN) return HIDDEN;
  if (/^<[0-9]+$/.test(text)) return text as `<${number}`;
  return Number(text);
}

/** A figure with its rate. */
export function compared(figure: SharedFigure, inhabitants: number | null): ComparedFigure {
  return { ...figure, ratePer10000: ratePer10000(figure.value, inhabitants) };
}
