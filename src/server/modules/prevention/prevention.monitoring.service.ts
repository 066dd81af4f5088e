import { daysBetween, monthsBefore } from '../../../shared/dates';
import type { MonitoringFigures, MonitoringReport } from '../../../shared/prevention/api';
import { AVERTED } from '../../../shared/prevention/model';
import { type ReportedCountAt, suppressBreakdown, suppressSmall } from '../../../shared/suppression';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { municipalityProfile } from '../access';
import { assertPeriodAllowed, seesExactMonitoring } from './prevention.policy';
import * as repo from './prevention.repository';

const monthOf = (d: string) => d.slice(0, 7);

/**
 * Notices and outcomes per month, organisation and department, for the committee and the dialogue
 * meetings. Early warning (Hjemvej's own rule, not law): a department is rising when it had at least
 * 3 notices in the last 3 months of the period and at least half again as many as in the 3 before.
 * Exact for case work (prevention.read); for the other readers (leader, economy, allocation) the
 * figures leave case work, so small numbers are suppressed at the municipality's limit (rule 33).
 */
export async function monitoring(trx: Tx, actor: Actor, from: string, to: string): Promise<MonitoringReport> {
  const figures = await monitoringFigures(trx, actor, from, to);
  if (seesExactMonitoring(actor)) return figures;
  const limit = (await municipalityProfile(trx, actor.municipalityId)).suppression_limit;
  return suppressMonitoring(figures, limit);
}

/** One column of a table suppressed as a breakdown of its total (primary and secondary suppression). */
function column<R>(rows: readonly R[], count: (row: R) => number, limit: number): ReportedCountAt[] {
  const cells = suppressBreakdown(Object.fromEntries(rows.map((r, i) => [String(i), count(r)])), limit);
  return rows.map((_, i) => cells[String(i)] ?? 0);
}

/**
 * The monitoring as it may leave case work (rule 33): every count of 1 to limit − 1 as "<limit";
 * each column of the months, organisations and departments as a breakdown of its total, the cases'
 * outcomes (with the open ones) and the cases with and without children as breakdowns of the cases
 * ("x" where a small cell could be worked out); the share with children only where both its parts
 * are shown, and the median only over at least `limit` cases with an outcome.
 */
export function suppressMonitoring(f: MonitoringFigures<number>, limit: number): MonitoringReport {
  const t = f.totals;
  const outcomes = suppressBreakdown(
    {
      averted: t.averted,
      evicted: t.evicted,
      moved: t.moved,
      open: t.cases - t.averted - t.evicted - t.moved,
    },
    limit,
  );
  const children = suppressBreakdown(
    { withChildren: t.withChildren, without: t.cases - t.withChildren },
    limit,
  );
  const decided = t.averted + t.evicted + t.moved;
  const months = {
    notices: column(f.months, (m) => m.notices, limit),
    withChildren: column(f.months, (m) => m.withChildren, limit),
    evicted: column(f.months, (m) => m.evicted, limit),
    averted: column(f.months, (m) => m.averted, limit),
  };
  const organisations = {
    notices: column(f.byOrganisation, (o) => o.notices, limit),
    evicted: column(f.byOrganisation, (o) => o.evicted, limit),
  };
  const departments = {
    notices: column(f.byDepartment, (d) => d.notices, limit),
    last3Months: column(f.byDepartment, (d) => d.last3Months, limit),
    previous3Months: column(f.byDepartment, (d) => d.previous3Months, limit),
  };
  const at = (cells: ReportedCountAt[], i: number) => cells[i] ?? 0;
  return {
    from: f.from,
    to: f.to,
    months: f.months.map((m, i) => ({
      month: m.month,
      notices: at(months.notices, i),
      withChildren: at(months.withChildren, i),
      evicted: at(months.evicted, i),
      averted: at(months.averted, i),
    })),
    totals: {
      notices: suppressSmall(t.notices, limit),
      cases: suppressSmall(t.cases, limit),
      withChildren: children.withChildren,
      evicted: outcomes.evicted,
      averted: outcomes.averted,
      moved: outcomes.moved,
    },
    shareWithChildren:
      typeof children.withChildren === 'number' && typeof children.without === 'number' && t.cases >= limit
        ? f.shareWithChildren
        : null,
    medianDaysToOutcome: decided >= limit ? f.medianDaysToOutcome : null,
    byOrganisation: f.byOrganisation.map((o, i) => ({
      ...o,
      notices: at(organisations.notices, i),
      evicted: at(organisations.evicted, i),
    })),
    byDepartment: f.byDepartment.map((d, i) => ({
      ...d,
      notices: at(departments.notices, i),
      last3Months: at(departments.last3Months, i),
      previous3Months: at(departments.previous3Months, i),
    })),
  };
}

/** The monitoring's exact figures (case work). */
async function monitoringFigures(
  trx: Tx,
  actor: Actor,
  from: string,
  to: string,
): Promise<MonitoringFigures<number>> {
  assertPeriodAllowed(from, to);
  const m = actor.municipalityId;
  const widened = monthsBefore(to, 6) < from ? monthsBefore(to, 6) : from;
  const rows = await repo.monitoringRows(trx, m, widened, to);
  const inPeriod = rows.filter((r) => r.received_on >= from);
  const months = new Map<
    string,
    { notices: number; withChildren: number; evicted: number; averted: number }
  >();
  for (let d = from.slice(0, 7); d <= to.slice(0, 7); ) {
    months.set(d, { notices: 0, withChildren: 0, evicted: 0, averted: 0 });
    const [y, mo] = d.split('-').map(Number) as [number, number];
    d = new Date(Date.UTC(y, mo, 1)).toISOString().slice(0, 7);
  }
  const cases = new Map<string, (typeof rows)[number] & { children: boolean }>();
  for (const r of inPeriod) {
    const month = months.get(monthOf(r.received_on));
    if (month) {
      month.notices++;
      if (r.children_under_18) month.withChildren++;
    }
    const seen = cases.get(r.case_id);
    cases.set(r.case_id, { ...r, children: (seen?.children ?? false) || r.children_under_18 });
  }
  for (const c of cases.values()) {
    if (!c.outcome || !c.outcome_on) continue;
    const month = months.get(monthOf(c.outcome_on));
    if (!month) continue;
    if (c.outcome === 'evicted') month.evicted++;
    if (AVERTED.includes(c.outcome)) month.averted++;
  }
  const caseList = [...cases.values()];
  const days = caseList
    .filter((c) => c.outcome_on)
    .map((c) => daysBetween(c.opened_on, c.outcome_on as string))
    .sort((a, b) => a - b);
  const median = days.length ? (days[Math.floor((days.length - 1) / 2)] as number) : null;
  const orgs = new Map<string, MonitoringFigures<number>['byOrganisation'][number]>();
  for (const r of inPeriod) {
    const key = r.organisation_id ?? '';
    const o = orgs.get(key) ?? {
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      notices: 0,
      evicted: 0,
    };
    o.notices++;
    orgs.set(key, o);
  }
  for (const c of caseList)
    if (c.outcome === 'evicted') {
      const o = orgs.get(c.organisation_id ?? '');
      if (o) o.evicted++;
    }
  const lastStart = monthsBefore(to, 3);
  const prevStart = monthsBefore(to, 6);
  const depts = new Map<string, MonitoringFigures<number>['byDepartment'][number]>();
  for (const r of rows) {
    if (!r.department_id) continue;
    const d = depts.get(r.department_id) ?? {
      departmentId: r.department_id,
      departmentName: r.department_name ?? '',
      organisationName: r.organisation_name ?? '',
      notices: 0,
      last3Months: 0,
      previous3Months: 0,
      rising: false,
    };
    if (r.received_on >= from) d.notices++;
    if (r.received_on > lastStart) d.last3Months++;
    else if (r.received_on > prevStart) d.previous3Months++;
    depts.set(r.department_id, d);
  }
  for (const d of depts.values()) d.rising = d.last3Months >= 3 && d.last3Months >= 1.5 * d.previous3Months;
  await recordAudit(trx, actor, m, {
    action: 'prevention.monitoring',
    entityType: 'municipality',
    entityId: m,
    details: { from, to },
  });
  const totals = {
    notices: inPeriod.length,
    cases: caseList.length,
    withChildren: caseList.filter((c) => c.children).length,
    evicted: caseList.filter((c) => c.outcome === 'evicted').length,
    averted: caseList.filter((c) => c.outcome && AVERTED.includes(c.outcome)).length,
    moved: caseList.filter((c) => c.outcome === 'moved').length,
  };
  return {
    from,
    to,
    months: [...months].map(([month, v]) => ({ month, ...v })),
    totals,
    shareWithChildren: totals.cases ? totals.withChildren / totals.cases : 0,
    medianDaysToOutcome: median,
    byOrganisation: [...orgs.values()].sort((a, b) => b.notices - a.notices),
    byDepartment: [...depts.values()]
      .filter((d) => d.notices > 0 || d.rising)
      .sort((a, b) => Number(b.rising) - Number(a.rising) || b.notices - a.notices),
  };
}
