import { addDays, daysBetween, monthsBefore } from '../../../shared/dates';
import type { MonitoringFigures, MonitoringReport } from '../../../shared/prevention/api';
import { AVERTED } from '../../../shared/prevention/model';
import { type CountRelation, type ReportedCountAt, suppressLinked } from '../../../shared/suppression';
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
  const facts = await monitoringFacts(trx, actor, from, to);
  if (seesExactMonitoring(actor)) return facts.figures;
  const limit = (await municipalityProfile(trx, actor.municipalityId)).suppression_limit;
  return suppressMonitoring(facts, limit);
}

/**
 * The notices of one department in stretches of days: the period's start and the bounds of the
 * early-warning windows cut the days up to the period's end into stretches, and each published count
 * of the department (in the period, in the last 3 months, in the 3 before) is the sum of some of them.
 */
export interface DepartmentStretches {
  organisationId: string | null;
  /** Notices in each stretch, in the order of `MonitoringFacts.stretches`. */
  notices: number[];
}

/** The exact figures and what a reader outside case work can know of how they hang together. */
export interface MonitoringFacts {
  figures: MonitoringFigures<number>;
  /** The stretches of days and which of the department's counts each is part of. */
  stretches: { inPeriod: boolean; last3Months: boolean; previous3Months: boolean }[];
  /** Per department of `figures.byDepartment`, in its order. */
  departments: DepartmentStretches[];
}

/**
 * The monitoring as it may leave case work (rule 33, issue 20 (c)): every count of 1 to limit − 1 as
 * "<limit", and secondary suppression ("x") over the whole answer at once (`suppressLinked`), with
 * what a reader knows of how its counts hang together:
 * - the months and the organisations each break the notices down; the organisations' evictions break
 *   the evictions down, and are at most their notices; an organisation's departments break its
 *   notices down;
 * - the cases' outcomes break the decided cases down (the outcome indicators show how many), and
 *   the decided and the open ones the cases; the cases with and without children break the cases
 *   down too (the open ones and those without children are not shown, but a small one is protected
 *   all the same); the cases are at most the notices; the cases with children are at most the
 *   notices with children; the evictions and averted cases per month are at most the period's;
 * - a month's notices with children are at most its notices;
 * - a department's notices in the period, in the last 3 months and in the 3 before are sums of its
 *   notices in stretches of days the reader can choose with the period (a period from the day after
 *   the 6 months before its end makes the first the sum of the other two); a rising department had
 *   at least 3 notices in the last 3 months, and at least half again as many as in the 3 before.
 * The notices, the cases and the decided cases are never hidden, as other answers show them alone
 * (`kept`). The share with children is shown only where both its parts are, and the median only
 * over at least `limit` cases with an outcome.
 */
export function suppressMonitoring(facts: MonitoringFacts, limit: number): MonitoringReport {
  const f = facts.figures;
  const t = f.totals;
  const values: number[] = [];
  const unpublished: number[] = [];
  const relations: CountRelation[] = [];
  const atLeast = new Map<number, number>();
  const groups: number[][] = [];
  const add = (n: number) => values.push(n) - 1;
  const notShown = (n: number) => {
    const i = add(n);
    unpublished.push(i);
    return i;
  };
  const equal = (parts: number[], total: number) => relations.push({ parts, totals: [total], kind: 'equal' });
  const atMost = (parts: number[], totals: number[], factor = 1) =>
    relations.push({ parts, totals, kind: 'atMost', factor });

  const totals = {
    notices: add(t.notices),
    cases: add(t.cases),
    withChildren: add(t.withChildren),
    evicted: add(t.evicted),
    averted: add(t.averted),
    moved: add(t.moved),
  };
  // The cases decided: the outcome indicators show them (insight), a part of the cases beside the
  // open ones (not shown).
  const decided = add(t.evicted + t.averted + t.moved);
  const open = notShown(t.cases - t.evicted - t.averted - t.moved);
  const without = notShown(t.cases - t.withChildren);
  equal([totals.evicted, totals.averted, totals.moved], decided);
  equal([decided, open], totals.cases);
  equal([totals.withChildren, without], totals.cases);
  atMost([totals.cases], [totals.notices]);

  const months = f.months.map((m) => ({
    notices: add(m.notices),
    withChildren: add(m.withChildren),
    evicted: add(m.evicted),
    averted: add(m.averted),
  }));
  equal(
    months.map((m) => m.notices),
    totals.notices,
  );
  for (const m of months) atMost([m.withChildren], [m.notices]);
  atMost(
    [totals.withChildren],
    months.map((m) => m.withChildren),
  );
  atMost(
    months.map((m) => m.evicted),
    [totals.evicted],
  );
  atMost(
    months.map((m) => m.averted),
    [totals.averted],
  );

  const organisations = f.byOrganisation.map((o) => ({ notices: add(o.notices), evicted: add(o.evicted) }));
  equal(
    organisations.map((o) => o.notices),
    totals.notices,
  );
  equal(
    organisations.map((o) => o.evicted),
    totals.evicted,
  );
  for (const o of organisations) atMost([o.evicted], [o.notices]);

  const departments = f.byDepartment.map((d, i) => {
    const cells = {
      notices: add(d.notices),
      last3Months: add(d.last3Months),
      previous3Months: add(d.previous3Months),
    };
    const stretches = (facts.departments[i]?.notices ?? []).map(notShown);
    const of = (key: 'inPeriod' | 'last3Months' | 'previous3Months') =>
      stretches.filter((_, j) => facts.stretches[j]?.[key]);
    equal(of('inPeriod'), cells.notices);
    equal(of('last3Months'), cells.last3Months);
    equal(of('previous3Months'), cells.previous3Months);
    // A department's row is left out as one when nothing else protects a small count of it.
    groups.push([cells.notices, cells.last3Months, cells.previous3Months]);
    if (d.rising) {
      atLeast.set(cells.last3Months, 3);
      atMost([cells.previous3Months], [cells.last3Months], 1.5);
    }
    return cells;
  });
  f.byOrganisation.forEach((o, j) => {
    if (o.organisationId === null) return;
    const own = departments.filter((_, i) => facts.departments[i]?.organisationId === o.organisationId);
    const organisation = organisations[j];
    if (organisation && own.length > 0)
      equal(
        own.map((d) => d.notices),
        organisation.notices,
      );
  });

  // The notices, the cases and the decided ones of a period are shown alone by the outcome
  // indicators and the committee report (suppressSmall): kept here too, or one answer would give
  // away what the other hides; a breakdown of them is protected by its cells, or left out.
  const kept = [totals.notices, totals.cases, decided];
  const reported = suppressLinked({ values, relations, unpublished, atLeast, kept, groups }, limit);
  const at = (i: number) => reported[i] as ReportedCountAt;
  return {
    from: f.from,
    to: f.to,
    months: f.months.map((m, i) => {
      const cells = months[i] as (typeof months)[number];
      return {
        month: m.month,
        notices: at(cells.notices),
        withChildren: at(cells.withChildren),
        evicted: at(cells.evicted),
        averted: at(cells.averted),
      };
    }),
    totals: {
      notices: at(totals.notices),
      cases: at(totals.cases),
      withChildren: at(totals.withChildren),
      evicted: at(totals.evicted),
      averted: at(totals.averted),
      moved: at(totals.moved),
    },
    shareWithChildren:
      typeof at(totals.withChildren) === 'number' && typeof at(totals.cases) === 'number' && t.cases >= limit
        ? f.shareWithChildren
        : null,
    medianDaysToOutcome: t.averted + t.evicted + t.moved >= limit ? f.medianDaysToOutcome : null,
    byOrganisation: f.byOrganisation.map((o, i) => {
      const cells = organisations[i] as (typeof organisations)[number];
      return { ...o, notices: at(cells.notices), evicted: at(cells.evicted) };
    }),
    byDepartment: f.byDepartment.map((d, i) => {
      const cells = departments[i] as (typeof departments)[number];
      return {
        ...d,
        notices: at(cells.notices),
        last3Months: at(cells.last3Months),
        previous3Months: at(cells.previous3Months),
      };
    }),
  };
}

/** The monitoring's exact figures (case work), with the departments' notices in stretches of days. */
async function monitoringFacts(trx: Tx, actor: Actor, from: string, to: string): Promise<MonitoringFacts> {
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
  // The stretches of days (after one cut, up to the next or the period's end) that the period's
  // start and the windows' starts cut the days into: each count of a department is a sum of some.
  const dayBeforePeriod = addDays(from, -1);
  const cuts = [...new Set([dayBeforePeriod, prevStart, lastStart])].filter((c) => c < to).sort();
  const stretches = cuts.map((after, j) => ({
    after,
    upTo: cuts[j + 1] ?? to,
    inPeriod: after >= dayBeforePeriod,
    last3Months: after >= lastStart,
    previous3Months: after >= prevStart && (cuts[j + 1] ?? to) <= lastStart,
  }));
  const stretchOf = (day: string) => stretches.findIndex((x) => x.after < day && day <= x.upTo);
  const depts = new Map<
    string,
    MonitoringFigures<number>['byDepartment'][number] & { organisationId: string | null; stretches: number[] }
  >();
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
      organisationId: r.organisation_id,
      stretches: stretches.map(() => 0),
    };
    if (r.received_on >= from) d.notices++;
    if (r.received_on > lastStart) d.last3Months++;
    else if (r.received_on > prevStart) d.previous3Months++;
    const j = stretchOf(r.received_on);
    if (j >= 0) d.stretches[j] = (d.stretches[j] ?? 0) + 1;
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
  const listed = [...depts.values()]
    .filter((d) => d.notices > 0 || d.rising)
    .sort((a, b) => Number(b.rising) - Number(a.rising) || b.notices - a.notices);
  return {
    figures: {
      from,
      to,
      months: [...months].map(([month, v]) => ({ month, ...v })),
      totals,
      shareWithChildren: totals.cases ? totals.withChildren / totals.cases : 0,
      medianDaysToOutcome: median,
      byOrganisation: [...orgs.values()].sort((a, b) => b.notices - a.notices),
      byDepartment: listed.map(({ organisationId, stretches, ...d }) => d),
    },
    stretches: stretches.map(({ inPeriod, last3Months, previous3Months }) => ({
      inPeriod,
      last3Months,
      previous3Months,
    })),
    departments: listed.map((d) => ({ organisationId: d.organisationId, notices: d.stretches })),
  };
}
