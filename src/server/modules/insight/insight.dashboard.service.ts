import type { WaitingListCounts } from '../../../shared/allocation/api';
import {
  ALLOCATION_FLOW,
  DASHBOARD_MONTHS,
  DASHBOARD_SECTION_PERMISSIONS,
  type Dashboard,
  type DashboardAllocation,
  type DashboardEconomy,
  type DashboardOutcomes,
  type DashboardPrevention,
  type DashboardSection,
  dashboardMonths,
  PREVENTION_FLOW,
  suppressSeries,
} from '../../../shared/insight/dashboard';
import type { Permission } from '../../../shared/permissions';
import { suppressSmall } from '../../../shared/suppression';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { allocationMonths, suppressWaitingCounts, waitingCounts } from '../allocation';
import { economicsReport } from '../economics';
import { noticeMonths } from '../prevention';
import { monthlyFlow } from './insight.flow.service';
import { outcomeIndicators } from './insight.indicators.service';
import { type KeptTransactions, keptFigures } from './insight.kept.service';
import { agreementSupply } from './insight.supply.repository';

/** The last day of a YYYY-MM month. */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Lays out counts by month (absent months are 0) in the dashboard's months, oldest first. */
function byMonth<K extends string>(
  months: readonly string[],
  rows: readonly ({ month: string } & Record<K, number>)[],
  keys: readonly K[],
): Record<K, number>[] {
  const found = new Map(rows.map((r) => [r.month, r]));
  return months.map((month) => {
    const row = found.get(month);
    return Object.fromEntries(keys.map((k) => [k, row ? row[k] : 0])) as Record<K, number>;
  });
}

/**
 * The limit of a team's own flow: none (null) for the team that works its cases by name — it sees
 * every vacancy, offer and notice already — and the municipality's limit for everyone else (rule 33).
 */
function caseWorkLimit(actor: Actor, caseWork: Permission, limit: number): number | null {
  return actor.permissions.has(caseWork) ? null : limit;
}

async function outcomes(
  trx: Tx,
  actor: Actor,
  from: string,
  to: string,
  months: readonly string[],
  limit: number,
): Promise<DashboardOutcomes> {
  const [indicators, flow] = await Promise.all([
    outcomeIndicators(trx, actor, from, to, limit),
    monthlyFlow(trx, actor, months.length, limit),
  ]);
  return {
    indicators: indicators.indicators,
    flow: flow.overall.map(({ monthEnd: end, active, inflow, outflow }) => ({
      monthEnd: end,
      active,
      inflow,
      outflow,
    })),
  };
}

async function economy(
  trx: Tx,
  actor: Actor,
  from: string,
  to: string,
  limit: number,
  waitingList: () => Promise<WaitingListCounts>,
): Promise<DashboardEconomy> {
  const [report, supply, waiting] = await Promise.all([
    economicsReport(trx, actor),
    agreementSupply(trx, actor.municipalityId, from, to),
    waitingList(),
  ]);
  const own = caseWorkLimit(actor, 'allocation.manage', limit);
  return {
    months: report.months.map((m) => ({
      month: m.month.slice(0, 7),
      costs: m.costs,
      refunds: m.refunds,
      net: m.net,
    })),
    total: { costs: report.total.costs, refunds: report.total.refunds, net: report.total.net },
    supply,
    waitingList: own === null ? waiting.total : suppressSmall(waiting.total, own),
  };
}

async function allocation(
  trx: Tx,
  actor: Actor,
  from: string,
  to: string,
  months: readonly string[],
  limit: number,
  waitingList: () => Promise<WaitingListCounts>,
): Promise<DashboardAllocation> {
  const [rows, waiting] = await Promise.all([
    allocationMonths(trx, actor.municipalityId, from, to),
    waitingList(),
  ]);
  const own = caseWorkLimit(actor, 'allocation.manage', limit);
  return {
    flow: suppressSeries(months, byMonth(months, rows, ALLOCATION_FLOW), ALLOCATION_FLOW, own),
    waitingList: (({ total, byPriority }) => ({ total, byPriority }))(
      // Suppressed with every breakdown of the list, as the allocation routes show it (issue 20 (c)).
      own === null ? waiting : suppressWaitingCounts(waiting, own),
    ),
  };
}

async function prevention(
  trx: Tx,
  actor: Actor,
  from: string,
  to: string,
  months: readonly string[],
  limit: number,
): Promise<DashboardPrevention> {
  const rows = await noticeMonths(trx, actor.municipalityId, from, to);
  const own = caseWorkLimit(actor, 'prevention.manage', limit);
  return { flow: suppressSeries(months, byMonth(months, rows, PREVENTION_FLOW), PREVENTION_FLOW, own) };
}

/** Whether the actor may see a section of the dashboard. */
export function sectionAllowed(actor: Actor, section: DashboardSection): boolean {
  return actor.permissions.has(DASHBOARD_SECTION_PERMISSIONS[section]);
}

/**
 * The dashboard of the last 12 months (issue 18 §4) with the sections the actor may see, kept for
 * every process and computed again behind a view of older figures (`keptFigures`, ADR 0026).
 */
export async function dashboard(
  actor: Actor,
  tx: KeptTransactions,
  options: { refresh?: boolean } = {},
): Promise<Dashboard> {
  const { figures } = await keptFigures(actor, tx, {
    kind: 'dashboard',
    ...(options.refresh ? { refresh: true } : {}),
    compute: (trx, c) => computeDashboard(trx, actor, c.asOf, c.limit, c.computedAt.toISOString()),
  });
  return figures;
}

/**
 * The dashboard of the last 12 months for the actor (issue 18 §4): each section the actor holds the
 * permission for, the others null, every figure from its module and suppressed at the
 * municipality's limit (rule 33). The sections are read side by side in the one tenant transaction.
 */
async function computeDashboard(
  trx: Tx,
  actor: Actor,
  asOf: string,
  limit: number,
  computedAt: string,
): Promise<Dashboard> {
  const months = dashboardMonths(asOf, DASHBOARD_MONTHS);
  const from = `${months[0]}-01`;
  const to = monthEnd(months[months.length - 1] as string);
  // The waiting list's counts, read once for the economy and allocation sections that both show it.
  let waiting: Promise<WaitingListCounts> | undefined;
  const waitingList = () => {
    waiting ??= waitingCounts(trx, actor);
    return waiting;
  };
  const when = <T>(section: DashboardSection, load: () => Promise<T>) =>
    sectionAllowed(actor, section) ? load() : Promise.resolve(null);
  const [o, e, a, p] = await Promise.all([
    when('outcomes', () => outcomes(trx, actor, from, asOf, months, limit)),
    when('economy', () => economy(trx, actor, from, asOf, limit, waitingList)),
    when('allocation', () => allocation(trx, actor, from, to, months, limit, waitingList)),
    when('prevention', () => prevention(trx, actor, from, to, months, limit)),
  ]);
  return { from, to, asOf, computedAt, outcomes: o, economy: e, allocation: a, prevention: p };
}
