import { addDays, today } from '../../../shared/dates';
import type {
  DilemmaMonth,
  EconomicsReport,
  EconomicsSettingsView,
  HousingFirstComparison,
  LimitInput,
} from '../../../shared/economics/api';
import {
  CITIZEN_GROUPS,
  type CitizenGroup,
  citizenGroup,
  DEFAULT_ECONOMICS_SETTINGS,
  type EconomicsSettings,
  economicsSettingsOn,
  effectiveLimits,
  HOUSING_FIRST_METHODS,
  REFORM_START,
  YOUTH_GROUPS,
} from '../../../shared/economics/model';
import {
  careRefundByMonth,
  costSegments,
  housingFirstMonths,
  placementCostByMonth,
  supportRefundByMonth,
} from '../../../shared/economics/refunds';
import {
  type Component,
  emptyFigures,
  type Figures,
  reportGroups,
  reportRows,
  suppressGrid,
} from '../../../shared/economics/report';
import {
  type DatedRate,
  lookbackFrom,
  monthStartsBetween,
  shelterDays,
} from '../../../shared/economics/stays';
import type { PlanEconomics } from '../../../shared/planning/model';
import { monthsAfter, type StayRefundLimit } from '../../../shared/shelters/rules';
import { METHODS } from '../../../shared/support/model';
import { suppressSmall } from '../../../shared/suppression';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { municipalityProfile } from '../access';
import { placementsForEconomics } from '../placements';
import { supportSettings } from '../support';
import * as repo from './economics.repository';

// ---- settings ----

async function loadEconomicsSettings(trx: Tx, m: string) {
  const [rows, limitRows] = await Promise.all([repo.settingsHistory(trx, m), repo.ownLimits(trx, m)]);
  // Oldest first; a later row from the same date replaces an earlier one.
  const byDate = new Map<string, EconomicsSettings>();
  for (const r of rows)
    byDate.set(r.valid_from, {
      validFrom: r.valid_from,
      ownPaymentPerDay: Number(r.own_payment_per_day),
      refundSharePercent: Number(r.refund_share_percent),
      runningYear: r.running_year,
      daySum: r.day_sum,
      housingMonthlyCost: Number(r.housing_monthly_cost),
    });
  const history = [...byDate.values()];
  const own: StayRefundLimit[] = limitRows.map((l) => ({ validFrom: l.valid_from, days: l.days }));
  return { history, own, limits: effectiveLimits(own) };
}

/** The settings in force today, their history and the stay-refund limits. */
export async function settingsView(trx: Tx, actor: Actor): Promise<EconomicsSettingsView> {
  const { history, own, limits } = await loadEconomicsSettings(trx, actor.municipalityId);
  const onDate = today();
  const current = economicsSettingsOn(history, onDate);
  const ownDates = new Set(own.map((l) => l.validFrom));
  const shipped = history.some((s) => s.validFrom <= onDate) ? [] : [DEFAULT_ECONOMICS_SETTINGS];
  return {
    current,
    history: [
      ...[...history].reverse().map((s) => ({ ...s, source: 'municipality' as const })),
      ...shipped.map((s) => ({ ...s, source: 'default' as const })),
    ],
    limits: limits.map((l) => ({ ...l, source: ownDates.has(l.validFrom) ? 'municipality' : 'default' })),
    currentLimit: limits.filter((l) => l.validFrom <= onDate).at(-1)?.days ?? null,
  };
}

/** A new dated setting (history is kept: a new row, never an overwrite). */
export async function saveSettings(trx: Tx, actor: Actor, input: EconomicsSettings) {
  await repo.insertSetting(trx, {
    municipality_id: actor.municipalityId,
    valid_from: input.validFrom,
    own_payment_per_day: input.ownPaymentPerDay,
    refund_share_percent: input.refundSharePercent,
    running_year: input.runningYear,
    day_sum: input.daySum,
    housing_monthly_cost: input.housingMonthlyCost,
    recorded_by: actor.userId,
  });
  await audit(trx, actor, 'economics.settings', 'economics_settings', actor.municipalityId, { ...input });
  return settingsView(trx, actor);
}

/** A dated limit on refunded stay days (rule 15); only from the reform, which brought the limit. */
export async function saveLimit(trx: Tx, actor: Actor, input: LimitInput) {
  if (input.validFrom < REFORM_START)
    throw new AppError('ECONOMICS_LIMIT_BEFORE_REFORM', { fields: [{ path: 'validFrom', code: 'invalid' }] });
  await repo.insertLimit(trx, {
    municipality_id: actor.municipalityId,
    valid_from: input.validFrom,
    days: input.days,
    recorded_by: actor.userId,
  });
  await audit(trx, actor, 'economics.stay_limit', 'economics_settings', actor.municipalityId, { ...input });
  return settingsView(trx, actor);
}

// ---- the figures ----

/** Sums of one row (a month, a group or the period) and the citizens behind each. */
class Row {
  readonly kr: Record<Component, number> = {
    shelter: 0,
    support: 0,
    placements: 0,
    stayRefund: 0,
    supportRefund: 0,
    careRefund: 0,
  };
  readonly who: Record<Component, Set<string>> = {
    shelter: new Set(),
    support: new Set(),
    placements: new Set(),
    stayRefund: new Set(),
    supportRefund: new Set(),
    careRefund: new Set(),
  };
  readonly all = new Set<string>();
  /** From SQL: the support cost and how many citizens it is built from. */
  supportN = 0;
  add(c: Component, citizenId: string, kr: number) {
    if (kr <= 0) return;
    this.kr[c] += kr;
    this.who[c].add(citizenId);
    this.all.add(citizenId);
  }
  figures(): Figures {
    const f = emptyFigures();
    for (const c of Object.keys(this.kr) as Component[])
      f.cells[c] = { kr: this.kr[c], n: c === 'support' ? this.supportN : this.who[c].size };
    // The support citizens are counted in SQL: the union is at least the larger of the two.
    f.citizens = Math.max(this.all.size, this.supportN);
    return f;
  }
}

/** The period of a report: a calendar year, or the last 12 months up to and including this one. */
export function periodOf(year: number | undefined, onDate: string) {
  if (year !== undefined) {
    if (year > Number(onDate.slice(0, 4)) + 1)
      throw new AppError('ECONOMICS_YEAR_OUT_OF_RANGE', { fields: [{ path: 'year', code: 'invalid' }] });
    return { from: `${year}-01-01`, until: `${year + 1}-01-01` };
  }
  const until = monthsAfter(`${onDate.slice(0, 7)}-01`, 1);
  return { from: monthsAfter(until, -12), until };
}

/**
 * The economics of a calendar year (or the last twelve months) before suppression: each month's,
 * each citizen group's and the whole period's costs and refunds, with the shelter days priced.
 * `economicsReport` suppresses them as they leave case work; the planning model prices its
 * forecast with them (`planningEconomics`).
 */
async function economicsFigures(trx: Tx, m: string, year?: number) {
  const onDate = today();
  const { from, until } = periodOf(year, onDate);
  const tomorrow = addDays(onDate, 1);
  const cap = until < tomorrow ? until : tomorrow;
  const lastDay = addDays(until, -1);
  const months = monthStartsBetween(from, until);
  const monthIndex = new Map(months.map((mo, i) => [mo, i]));

  const [code, econ, rates, support, profile] = await Promise.all([
    repo.municipalityCode(trx, m),
    loadEconomicsSettings(trx, m),
    repo.shelterRates(trx, m),
    supportSettings(trx, m),
    municipalityProfile(trx, m),
  ]);
  // Rule 33: the municipality's limit for small numbers, for every figure of the report.
  const limit = profile.suppression_limit;
  const settingsNow = economicsSettingsOn(econ.history, lastDay);
  const shareOn = (date: string) => economicsSettingsOn(econ.history, date).refundSharePercent;

  // The methods' dated monthly costs, as the support module sets them.
  const segmentsOf = new Map(
    METHODS.map((method) => [
      method,
      costSegments(
        support.methods.filter((s) => s.method === method).map((s) => s.validFrom),
        (d) => support.on(method, d).monthlyCost,
      ),
    ]),
  );
  const methodCosts: repo.MethodCost[] = [];
  for (const [method, segments] of segmentsOf)
    for (const s of segments)
      if (s.monthly) methodCosts.push({ method, from: s.from, until: s.until, monthly: s.monthly });

  const [stays, supportRows, refundable, placements] = await Promise.all([
    repo.staysBetween(trx, m, code, lookbackFrom(from), cap),
    repo.supportCosts(trx, m, from, cap, lastDay, methodCosts),
    repo.refundableSupport(trx, m, code, REFORM_START, from, cap),
    placementsForEconomics(trx, m, monthsAfter(from, -24), cap),
  ]);
  const placementFacts = await repo.citizenFacts(trx, m, code, REFORM_START, [
    ...new Set(placements.map((p) => p.citizenId)),
  ]);

  const monthRows = months.map(() => new Row());
  const groupRows = Object.fromEntries(CITIZEN_GROUPS.map((g) => [g, new Row()])) as Record<
    CitizenGroup,
    Row
  >;
  const total = new Row();
  const add = (c: Component, citizenId: string, group: CitizenGroup, month: number, kr: number) => {
    monthRows[month]?.add(c, citizenId, kr);
    groupRows[group].add(c, citizenId, kr);
    total.add(c, citizenId, kr);
  };

  // Shelter days (rule 15 per citizen, over the stays with days in the period or the year before).
  const ratesByShelter = new Map<string, DatedRate[]>();
  for (const r of rates) {
    const list = ratesByShelter.get(r.shelter_id) ?? [];
    list.push({ validFrom: r.valid_from, dailyRate: Number(r.daily_rate) });
    ratesByShelter.set(r.shelter_id, list);
  }
  const birthDates = new Map(stays.map((s) => [s.citizen_id, s.birth_date]));
  const days = shelterDays({
    stays: stays.map((s) => ({
      id: s.id,
      citizenId: s.citizen_id,
      shelterId: s.shelter_id,
      from: s.admitted_on,
      until: s.discharged_on,
      onTilbudsportalen: s.on_tilbudsportalen,
    })),
    rates: ratesByShelter,
    settings: econ.history,
    limits: econ.limits,
    runningYear: settingsNow.runningYear,
    daySum: settingsNow.daySum,
    months,
    until: cap,
  });
  const dilemma = months.map(() => ({
    refundedDays: 0,
    refundedMunicipal: 0,
    beyondDays: 0,
    beyondNet: 0,
    refunded: new Set<string>(),
    beyond: new Set<string>(),
  }));
  const beyondCitizens = new Set<string>();
  let daysWithoutRate = 0;
  let shelterDayCount = 0;
  for (const [citizenId, perMonth] of days) {
    const group = citizenGroup(birthDates.get(citizenId) as string, lastDay);
    perMonth.forEach((f, i) => {
      if (!f) return;
      add('shelter', citizenId, group, i, f.net);
      add('stayRefund', citizenId, group, i, f.refund);
      daysWithoutRate += f.daysWithoutRate;
      shelterDayCount += f.days;
      const d = dilemma[i];
      if (!d) return;
      d.refundedDays += f.refundedDays;
      d.refundedMunicipal += f.refundedNet - f.refund;
      d.beyondDays += f.beyondDays;
      d.beyondNet += f.beyondNet;
      if (f.refundedDays > 0) d.refunded.add(citizenId);
      if (f.beyondDays > 0) {
        d.beyond.add(citizenId);
        beyondCitizens.add(citizenId);
      }
    });
  }

  // Support: the sums from SQL.
  for (const r of supportRows) {
    const kr = Number(r.kr);
    const n = Number(r.n);
    const row =
      r.month !== null
        ? monthRows[monthIndex.get(r.month) ?? -1]
        : r.grp !== null
          ? groupRows[r.grp as CitizenGroup]
          : total;
    if (!row) continue;
    row.kr.support = kr;
    row.supportN = n;
  }

  // § 176 a stk. 1: the § 85 a support of citizens discharged since the reform.
  const direct107 = new Map<string, string[]>();
  for (const p of placements)
    if (p.kind === 's107') direct107.set(p.citizenId, [...(direct107.get(p.citizenId) ?? []), p.start]);
  for (const e of refundable) {
    const discharge = e.first_discharge as string;
    const start107 = (direct107.get(e.citizen_id) ?? []).find(
      (s) => s >= discharge && s <= addDays(discharge, 1),
    );
    const refund = supportRefundByMonth(
      {
        dischargeDates: [discharge],
        decidedOn: e.decision_on,
        start: e.start_on,
        end: e.end_on !== null && e.end_on < cap ? e.end_on : cap,
        direct107: start107 ? { start: start107 } : null,
        costs: segmentsOf.get(e.method) ?? [],
      },
      months,
      shareOn,
    );
    const group = citizenGroup(e.birth_date, lastDay);
    refund.forEach((kr, i) => {
      add('supportRefund', e.citizen_id, group, i, kr);
    });
  }

  // § 107/108 placements and § 176 a stk. 2 (their `end` is the last day: exclusive from the next).
  const facts = new Map(placementFacts.map((f) => [f.id, f]));
  for (const p of placements) {
    const fact = facts.get(p.citizenId);
    if (!fact) continue;
    const end = p.end === null ? cap : addDays(p.end, 1) < cap ? addDays(p.end, 1) : cap;
    const placement = {
      kind: p.kind,
      decidedOn: p.decidedOn,
      start: p.start,
      end,
      monthlyCost: p.monthlyCost,
    };
    const group = citizenGroup(fact.birth_date, lastDay);
    placementCostByMonth(placement, months).forEach((kr, i) => {
      add('placements', p.citizenId, group, i, kr);
    });
    const discharges = fact.first_discharge ? [fact.first_discharge as string] : [];
    careRefundByMonth(placement, discharges, months, shareOn).forEach((kr, i) => {
      add('careRefund', p.citizenId, group, i, kr);
    });
  }

  return {
    from,
    until,
    code,
    econ,
    limit,
    lastDay,
    settingsNow,
    support,
    months,
    monthRows,
    groupRows,
    total,
    dilemma,
    beyondCitizens,
    daysWithoutRate,
    shelterDays: shelterDayCount,
  };
}

/**
 * The municipality's costs and refunds as handlekommune, per month and per citizen group, and the
 * reform's dilemma (issue 16 §8), with small numbers suppressed. Days after today cost nothing yet.
 */
export async function economicsReport(trx: Tx, actor: Actor, year?: number): Promise<EconomicsReport> {
  const {
    from,
    until,
    code,
    econ,
    limit,
    lastDay,
    settingsNow,
    support,
    months,
    monthRows,
    groupRows,
    total,
    dilemma,
    beyondCitizens,
    daysWithoutRate,
  } = await economicsFigures(trx, actor.municipalityId, year);

  // Suppressed as they leave case work.
  const reportedMonths = reportRows(
    monthRows.map((r) => r.figures()),
    undefined,
    limit,
  );
  const totalFigures = total.figures();
  const [reportedTotal] = reportRows([totalFigures], undefined, limit);
  const groups = reportGroups(
    Object.fromEntries(CITIZEN_GROUPS.map((g) => [g, groupRows[g].figures()])) as Record<
      CitizenGroup,
      Figures
    >,
    YOUTH_GROUPS,
    limit,
  );

  const dilemmaHidden = suppressGrid(
    dilemma.map((d) => [d.refunded.size, d.beyond.size]),
    undefined,
    limit,
  );
  const dilemmaMonths: DilemmaMonth[] = dilemma.map((d, i) => {
    const [refundedHidden, beyondHidden] = dilemmaHidden[i] as boolean[];
    return {
      month: months[i] as string,
      citizensBeyond: suppressSmall(d.beyond.size, limit),
      refundedDays: refundedHidden ? null : d.refundedDays,
      refundedMunicipal: refundedHidden ? null : Math.round(d.refundedMunicipal),
      beyondDays: beyondHidden ? null : d.beyondDays,
      beyondNet: beyondHidden ? null : Math.round(d.beyondNet),
    };
  });
  const sum = (f: (d: (typeof dilemma)[number]) => number) => dilemma.reduce((s, d) => s + f(d), 0);
  const refundedCitizens = new Set(dilemma.flatMap((d) => [...d.refunded]));
  const beyondShown = beyondCitizens.size >= limit;
  const refundedShown = refundedCitizens.size >= limit;
  const beyondNet = sum((d) => d.beyondNet);
  const housingFirst: HousingFirstComparison[] = HOUSING_FIRST_METHODS.map((method) => {
    const supportMonthly = support.on(method, lastDay).monthlyCost;
    const bought = housingFirstMonths(
      beyondNet,
      supportMonthly,
      settingsNow.housingMonthlyCost,
      settingsNow.refundSharePercent,
    );
    return {
      method,
      supportMonthly,
      housingMonthly: settingsNow.housingMonthlyCost,
      months: beyondShown ? bought.months : null,
      monthsWithRefund: beyondShown ? bought.monthsWithRefund : null,
    };
  });

  return {
    from,
    until,
    handlekommune: code,
    months: reportedMonths.map((r, i) => ({ ...r, month: months[i] as string })),
    total: reportedTotal as (typeof reportedMonths)[number],
    groups: [
      ...CITIZEN_GROUPS.map((g) => ({ ...groups.rows[g], group: g })),
      { ...groups.subtotal, group: 'youth' as const },
      { ...(reportedTotal as (typeof reportedMonths)[number]), group: 'total' as const },
    ],
    dilemma: {
      months: dilemmaMonths,
      total: {
        citizensBeyond: suppressSmall(beyondCitizens.size, limit),
        refundedDays: refundedShown ? sum((d) => d.refundedDays) : null,
        refundedMunicipal: refundedShown ? Math.round(sum((d) => d.refundedMunicipal)) : null,
        beyondDays: beyondShown ? sum((d) => d.beyondDays) : null,
        beyondNet: beyondShown ? Math.round(beyondNet) : null,
        lostRefund: beyondShown ? Math.round((beyondNet * settingsNow.refundSharePercent) / 100) : null,
      },
      housingFirst,
    },
    daysWithoutRate,
    settings: settingsNow,
    limits: econ.limits,
  };
}

/**
 * What the planning model prices its forecast with (issue 19 §3), from the last twelve months: the
 * net cost of a shelter day (the days' net cost over their number; without days, the mean daily rate
 * in force less the own payment), the share of it the § 110 stay refund covered, each Housing First
 * method's monthly cost, and the share of support costs the § 176 a refund covered.
 */
export async function planningEconomics(trx: Tx, m: string): Promise<PlanEconomics> {
  const f = await economicsFigures(trx, m);
  const kr = f.total.kr;
  let netPerShelterDay = f.shelterDays > 0 ? kr.shelter / f.shelterDays : 0;
  if (f.shelterDays === 0) {
    const current = new Map<string, number>();
    const rates = [...(await repo.shelterRates(trx, m))].sort((a, b) =>
      a.valid_from.localeCompare(b.valid_from),
    );
    for (const r of rates) if (r.valid_from <= f.lastDay) current.set(r.shelter_id, Number(r.daily_rate));
    const inForce = [...current.values()];
    if (inForce.length > 0)
      netPerShelterDay = Math.max(
        0,
        inForce.reduce((a, b) => a + b, 0) / inForce.length - f.settingsNow.ownPaymentPerDay,
      );
  }
  return {
    netPerShelterDay,
    shelterRefundShare: kr.shelter > 0 ? kr.stayRefund / kr.shelter : 0,
    supportMonthlyCost: Object.fromEntries(
      HOUSING_FIRST_METHODS.map((method) => [method, f.support.on(method, f.lastDay).monthlyCost ?? 0]),
    ) as PlanEconomics['supportMonthlyCost'],
    supportRefundShare: kr.support > 0 ? kr.supportRefund / kr.support : 0,
  };
}
