import { type ReportedCountAt, suppressTable } from '../suppression';
import type { CommitteeFlowMonth } from './committee';
import type { ReportedIndicator } from './indicators';

/**
 * The dashboards (issue 18 §4): one page per role with the figures it steers by, each drawn as a
 * chart with its table. A section is shown to whoever holds its permission (granted by the insight
 * module's migration 0036), so the roles stay data:
 * - `outcomes`: every outcome indicator of the last 12 months and the monthly by-name flow — the
 *   leader (and the administrator);
 * - `economy`: the municipality's costs, refunds and net cost per month, and the housing supply
 *   (agreed, received, used and returned units; the waiting list) — the economy role and the leader;
 * - `allocation`: the allocation team's flow per month (vacancies, offers, accepted offers,
 *   move-ins) and the waiting list by priority — the allocation role and the leader;
 * - `prevention`: the prevention team's flow per month (notices received; cases ended averted,
 *   moved or evicted) — the prevention role and the leader.
 * Figures only, every count suppressed at the municipality's limit (rule 33) — except a team's own
 * flow shown to the team (it works every case by name: `allocation.manage`, `prevention.manage`).
 */
export const DASHBOARD_SECTIONS = ['outcomes', 'economy', 'allocation', 'prevention'] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

/** The permission that shows a section. */
export const DASHBOARD_SECTION_PERMISSIONS = {
  outcomes: 'insight.dashboard.outcomes',
  economy: 'insight.dashboard.economy',
  allocation: 'insight.dashboard.allocation',
  prevention: 'insight.dashboard.prevention',
} as const satisfies Record<DashboardSection, string>;

/** The months a dashboard looks back over, the current month included. */
export const DASHBOARD_MONTHS = 12;

/** The columns of the allocation team's monthly flow. */
export const ALLOCATION_FLOW = ['vacancies', 'offers', 'accepted', 'movedIn'] as const;
export type AllocationFlowKey = (typeof ALLOCATION_FLOW)[number];

/** The columns of the prevention team's monthly flow. */
export const PREVENTION_FLOW = ['notices', 'averted', 'moved', 'evicted'] as const;
export type PreventionFlowKey = (typeof PREVENTION_FLOW)[number];

/** A monthly series of counts: one row per month (YYYY-MM) and the period's total per column. */
export interface DashboardSeries<K extends string> {
  months: ({ month: string } & Record<K, ReportedCountAt>)[];
  totals: Record<K, ReportedCountAt>;
}

export interface DashboardOutcomes {
  indicators: ReportedIndicator[];
  /** Active at each month's end, inflow and outflow (rule 35), as the flow reports them. */
  flow: CommitteeFlowMonth[];
}

export interface DashboardEconomy {
  /** Kroner per month, null where a sum rests on too few citizens. */
  months: { month: string; costs: number | null; refunds: number | null; net: number | null }[];
  total: { costs: number | null; refunds: number | null; net: number | null };
  /** Dwellings, not people: shown as they are. */
  supply: { agreed: number; received: number; used: number; returnedUnused: number };
  waitingList: ReportedCountAt;
}

export interface DashboardAllocation {
  flow: DashboardSeries<AllocationFlowKey>;
  waitingList: { total: ReportedCountAt; byPriority: Record<string, ReportedCountAt> };
}

export interface DashboardPrevention {
  flow: DashboardSeries<PreventionFlowKey>;
}

/** GET /api/insight/dashboard: the sections the user may see, the others null. */
export interface Dashboard {
  from: string;
  to: string;
  asOf: string;
  /** When the figures were computed (an instant): a dashboard is kept for a few minutes. */
  computedAt: string;
  outcomes: DashboardOutcomes | null;
  economy: DashboardEconomy | null;
  allocation: DashboardAllocation | null;
  prevention: DashboardPrevention | null;
}

/** The months of a dashboard's period as YYYY-MM, oldest first: the last `count` up to `asOf`'s. */
export function dashboardMonths(asOf: string, count = DASHBOARD_MONTHS): string[] {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/**
 * A monthly series as it leaves case work (rule 33): each column is suppressed with its total as a
 * one-column table, so a small month is "<limit" and, where the total would give it away, another
 * month is hidden ("x") too. The columns are different measures (not parts of one whole), so each
 * stands alone. `rows` are the months, oldest first, each with a count per key. A `limit` of null
 * is a case-working team's own flow: it sees every case by name, so the counts are shown as they are.
 */
export function suppressSeries<K extends string>(
  months: readonly string[],
  rows: readonly Record<K, number>[],
  keys: readonly K[],
  limit: number | null,
): DashboardSeries<K> {
  const columns = keys.map((key) => {
    const values = rows.map((row) => row[key]);
    if (limit === null)
      return { cells: values.map((n) => [n]), total: values.reduce((s, n) => s + n, 0) as ReportedCountAt };
    const table = suppressTable(
      values.map((n) => [n]),
      limit,
    );
    return { cells: table.cells, total: table.columnTotals[0] as ReportedCountAt };
  });
  const pick = (get: (column: (typeof columns)[number]) => ReportedCountAt) =>
    Object.fromEntries(keys.map((key, k) => [key, get(columns[k] as (typeof columns)[number])])) as Record<
      K,
      ReportedCountAt
    >;
  return {
    months: months.map((month, i) => ({ month, ...pick((c) => c.cells[i]?.[0] as ReportedCountAt) })),
    totals: pick((c) => c.total),
  };
}
