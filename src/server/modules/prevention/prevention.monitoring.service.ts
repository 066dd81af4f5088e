import { daysBetween, monthsBefore } from '../../../shared/dates';
import type { MonitoringReport } from '../../../shared/prevention/api';
import { AVERTED } from '../../../shared/prevention/model';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { assertPeriodAllowed } from './prevention.policy';
import * as repo from './prevention.repository';

const monthOf = (d: string) => d.slice(0, 7);

/**
 * Notices and outcomes per month, organisation and department, for the committee and the dialogue
 * meetings. Early warning (Hjemvej's own rule, not law): a department is rising when it had at least
 * 3 notices in the last 3 months of the period and at least half again as many as in the 3 before.
 */
export async function monitoring(trx: Tx, actor: Actor, from: string, to: string): Promise<MonitoringReport> {
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
  const orgs = new Map<string, MonitoringReport['byOrganisation'][number]>();
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
  const depts = new Map<string, MonitoringReport['byDepartment'][number]>();
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
