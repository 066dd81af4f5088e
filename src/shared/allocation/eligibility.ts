import { ageOn, monthsBefore } from '../dates';
import { type AreaStatus, isVulnerableArea, type UnitType, validOn } from '../housing/supply';
import type {
  AllocationSettings,
  ApplicationStatus,
  Benefit,
  Citizenship,
  MemberRole,
  Priority,
  TargetGround,
} from './model';

/**
 * Whether an applicant fits a vacancy, rule by rule (issue 5 §5). Every check carries a key the web
 * translates (`ranking.<key>`) with its params, so the officer reads in plain Danish why someone
 * was or was not matched. Law: domain.md §4 and rules 19–26.
 *
 * One date for every rule (issue 14 §3): § 59 stk. 6 and 7 forbid the *allocation* ("må ikke
 * anvises"), which is the offer, so every rule is judged on the date the offer is made — the
 * household's facts (ages, the 6-month windows, benefit months, children for the rent) and the
 * department's area status alike. `assessCandidate` takes that one `onDate` and reads the area
 * status in force on it from the department's date-versioned statuses (domain.md rule 24).
 */

export interface BenefitPeriod {
  benefit: Benefit;
  from: string;
  /** null: still receiving. */
  to: string | null;
}

/** The facts the law tests, per household member (issue 5 §1). */
export interface MemberFacts {
  name: string;
  role: MemberRole;
  birthDate: string;
  citizenship: Citizenship;
  student: boolean;
  prisonReleasedOn: string | null;
  youthInstitutionReleasedOn: string | null;
  leaseTerminatedMisconductOn: string | null;
  benefits: BenefitPeriod[];
}

export interface ApplicationFacts {
  status: ApplicationStatus;
  pausedUntil: string | null;
  targetGrounds: TargetGround[];
  roomsMin: number;
  roomsMax: number | null;
  monthlyIncome: number;
  fixedCosts: number;
  accessibleNeed: boolean;
  wishedDepartmentIds: string[];
  excludedDepartmentIds: string[];
  youthWish: boolean;
  inEducation: boolean;
  educationPlanned: boolean;
  youthSpecialNeed: boolean;
  /** members[0] is the applicant. */
  members: MemberFacts[];
  /** Open offers the applicant holds now (on other vacancies). */
  liveOffers: number;
}

/** One row of a department's date-versioned area status (domain.md rule 24). */
export interface AreaStatusPeriod {
  validFrom: string;
  status: AreaStatus;
}

export interface VacancyFacts {
  departmentId: string;
  unitType: UnitType;
  rooms: number;
  rent: number;
  utilities: number;
  accessible: boolean;
  /**
   * The department's area statuses, each from its date: the rules read the one in force on the
   * date they judge (none in force: treated as normal).
   */
  areaStatuses: readonly AreaStatusPeriod[];
}

/** The department's area status in force on a date (null: none recorded then). */
export function areaStatusOn(periods: readonly AreaStatusPeriod[], onDate: string): AreaStatus | null {
  return validOn(periods, onDate)?.status ?? null;
}

export type Outcome = 'pass' | 'fail' | 'info';

export interface Check {
  rule:
    | 'status'
    | 'live_offer'
    | 'unit_type'
    | 'rooms'
    | 'rent'
    | 'accessibility'
    | 'area'
    | 'p59_6'
    | 'p59_7';
  outcome: Outcome;
  /** Catalogue key under `ranking.` */
  key: string;
  params: Record<string, string | number>;
}

export interface Assessment {
  eligible: boolean;
  checks: Check[];
}

// ---- dates ----

/** An event "within the last 6 months" of the reference date: after ref − 6 months and not after ref. */
export function withinSixMonths(eventDate: string | null, refDate: string): boolean {
  return eventDate !== null && eventDate <= refDate && eventDate > monthsBefore(refDate, 6);
}

const windowCache = new Map<string, string[]>();

/**
 * The six whole calendar months before the reference date's month ("6 sammenhængende
 * kalendermåneder" before the allocation), as YYYY-MM.
 */
export function sixMonthWindow(refDate: string): string[] {
  const month = refDate.slice(0, 7);
  const cached = windowCache.get(month);
  if (cached) return cached;
  let y = Number(month.slice(0, 4));
  let m = Number(month.slice(5, 7));
  const months: string[] = [];
  for (let i = 0; i < 6; i++) {
    m--;
    if (m === 0) {
      m = 12;
      y--;
    }
    months.unshift(`${y}-${String(m).padStart(2, '0')}`);
  }
  if (windowCache.size > 1000) windowCache.clear();
  windowCache.set(month, months);
  return months;
}

/**
 * Whether ONE person received any of `benefits` in each of the six calendar months before the
 * reference date's month. A month counts when a period covers at least one of its days. Periods
 * are counted per person, never added up across the household (§ 51 b; domain.md rule 23).
 */
export function sixConsecutiveMonths(
  periods: readonly BenefitPeriod[],
  benefits: readonly Benefit[],
  refDate: string,
): { met: boolean; window: string[] } {
  const window = sixMonthWindow(refDate);
  const relevant = periods.filter((p) => benefits.includes(p.benefit));
  if (relevant.length === 0) return { met: false, window };
  // Dates compare as text: a period touches month M when it starts by M's last day (M-31 sorts
  // after every real day of M) and has not ended before M's first day.
  const covered = (month: string) =>
    relevant.some((p) => p.from <= `${month}-31` && (p.to === null || p.to >= `${month}-01`));
  return { met: window.every(covered), window };
}

/** § 59 stk. 6 nr. 5 (and stk. 7): self-support and return benefit, transition benefit, education assistance, cash assistance. */
export const CRITERION_5_BENEFITS: readonly Benefit[] = [
  'selvforsoergelse_hjemrejse',
  'overgangsydelse',
  'uddannelseshjaelp',
  'kontanthjaelp',
];
/** § 59 stk. 6 nr. 7: unemployment, sickness and resource-course benefit. */
export const CRITERION_7_BENEFITS: readonly Benefit[] = ['dagpenge', 'sygedagpenge', 'ressourceforloeb'];

export type Criterion = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface CriterionHit {
  criterion: Criterion;
  member: string;
  /** The date or the months that meet the criterion. */
  detail: string;
}

/** The § 59 stk. 6 criteria (nr. 1–7) one household member meets on the reference date. */
export function section59Criteria(member: MemberFacts, refDate: string): CriterionHit[] {
  const hits: CriterionHit[] = [];
  const hit = (criterion: Criterion, detail: string) => hits.push({ criterion, member: member.name, detail });
  // nr. 1: released from serving a sentence within the last 6 months.
  if (withinSixMonths(member.prisonReleasedOn, refDate)) hit(1, member.prisonReleasedOn as string);
  // nr. 2: under 18 and released from a youth institution after a sentence (same 6-month window).
  if (ageOn(member.birthDate, refDate) < 18 && withinSixMonths(member.youthInstitutionReleasedOn, refDate))
    hit(2, member.youthInstitutionReleasedOn as string);
  // nr. 3: lease terminated for serious breaches of good conduct within the last 6 months.
  if (withinSixMonths(member.leaseTerminatedMisconductOn, refDate))
    hit(3, member.leaseTerminatedMisconductOn as string);
  // nr. 4: not a citizen of the EU, EEA or Switzerland; students are excepted.
  if (member.citizenship === 'other' && !member.student) hit(4, '');
  // nr. 5: 6 consecutive calendar months of the criterion-5 benefits.
  const five = sixConsecutiveMonths(member.benefits, CRITERION_5_BENEFITS, refDate);
  if (five.met) hit(5, `${five.window[0]}–${five.window[5]}`);
  // nr. 6: receives early retirement pension.
  if (
    member.benefits.some(
      (p) => p.benefit === 'foertidspension' && p.from <= refDate && (p.to === null || p.to >= refDate),
    )
  )
    hit(6, '');
  // nr. 7: 6 consecutive calendar months of unemployment, sickness or resource-course benefit.
  const seven = sixConsecutiveMonths(member.benefits, CRITERION_7_BENEFITS, refDate);
  if (seven.met) hit(7, `${seven.window[0]}–${seven.window[5]}`);
  return hits;
}

/**
 * Which criteria block allocation in an area: vulnerable areas (udsat, parallelsamfund,
 * omdannelse) all of § 59 stk. 6; prevention areas (§ 59 stk. 7) nr. 1–5 only (domain.md rules 21–22).
 */
export function blockingCriteria(
  status: AreaStatus | null,
): { paragraph: 'p59_6' | 'p59_7'; criteria: Criterion[] } | null {
  if (status === null || status === 'normal') return null;
  if (isVulnerableArea(status)) return { paragraph: 'p59_6', criteria: [1, 2, 3, 4, 5, 6, 7] };
  if (status === 'forebyggelse') return { paragraph: 'p59_7', criteria: [1, 2, 3, 4, 5] };
  return null;
}

/** Household hits of the criteria that block allocation in the vacancy's area; empty when none. */
export function areaBlocks(
  members: readonly MemberFacts[],
  status: AreaStatus | null,
  refDate: string,
): CriterionHit[] {
  const rule = blockingCriteria(status);
  if (!rule) return [];
  return members
    .flatMap((m) => section59Criteria(m, refDate))
    .filter((h) => rule.criteria.includes(h.criterion));
}

/** Adults and children of a household (children: under 18 on the date). */
export function householdCounts(members: readonly MemberFacts[], onDate: string) {
  const children = members.filter((m) => ageOn(m.birthDate, onDate) < 18).length;
  return { adults: members.length - children, children };
}

/** The amount the household must keep each month after rent and fixed costs (the rådighedsbeløb). */
export function disposableRequired(
  household: { adults: number; children: number },
  settings: Pick<AllocationSettings, 'disposablePerAdult' | 'disposablePerChild'>,
): number {
  return household.adults * settings.disposablePerAdult + household.children * settings.disposablePerChild;
}

/**
 * The highest monthly rent (including utilities on account) the household can pay: income minus
 * fixed costs minus the amount each adult and child must keep (the municipality's own norm).
 */
export function maxRent(
  monthlyIncome: number,
  fixedCosts: number,
  household: { adults: number; children: number },
  settings: Pick<AllocationSettings, 'disposablePerAdult' | 'disposablePerChild'>,
): number {
  return Math.max(0, monthlyIncome - fixedCosts - disposableRequired(household, settings));
}

/** Youth-unit eligibility: under the age bound, and in education, planning it, or with a special need (rule 26). */
export function youthEligible(
  app: Pick<ApplicationFacts, 'inEducation' | 'educationPlanned' | 'youthSpecialNeed'>,
  age: number,
  ageLimit: number,
): { eligible: boolean; key: string } {
  if (age >= ageLimit) return { eligible: false, key: 'youth.tooOld' };
  if (app.inEducation) return { eligible: true, key: 'youth.inEducation' };
  if (app.educationPlanned) return { eligible: true, key: 'youth.educationPlanned' };
  if (app.youthSpecialNeed) return { eligible: true, key: 'youth.specialNeed' };
  return { eligible: false, key: 'youth.noGround' };
}

/**
 * Every rule for one applicant and one vacancy, in the order the officer reads them, all judged on
 * `onDate`: the date the offer is made (see the top of this file).
 */
export function assessCandidate(
  app: ApplicationFacts,
  vacancy: VacancyFacts,
  settings: AllocationSettings,
  onDate: string,
): Assessment {
  const checks: Check[] = [];
  const add = (rule: Check['rule'], outcome: Outcome, key: string, params: Check['params'] = {}) =>
    checks.push({ rule, outcome, key, params });
  const areaStatus = areaStatusOn(vacancy.areaStatuses, onDate);

  if (app.status === 'paused') add('status', 'fail', 'status.paused', { until: app.pausedUntil ?? '' });
  else if (app.status !== 'approved') add('status', 'fail', 'status.notOnList', { status: app.status });
  else add('status', 'pass', 'status.onList');

  if (app.liveOffers >= settings.maxLiveOffers)
    add('live_offer', 'fail', 'liveOffer.holds', { count: app.liveOffers });
  else add('live_offer', 'pass', 'liveOffer.none');

  const applicant = app.members[0];
  const age = applicant ? ageOn(applicant.birthDate, onDate) : 0;
  switch (vacancy.unitType) {
    case 'youth': {
      if (!app.youthWish) add('unit_type', 'fail', 'youth.notWished');
      else {
        const y = youthEligible(app, age, settings.youthAgeLimit);
        add('unit_type', y.eligible ? 'pass' : 'fail', y.key, { age, limit: settings.youthAgeLimit });
      }
      break;
    }
    case 'elderly':
      add(
        'unit_type',
        app.targetGrounds.includes('reduced_function') ? 'pass' : 'fail',
        app.targetGrounds.includes('reduced_function') ? 'unitType.elderlyFits' : 'unitType.elderlyNotTarget',
      );
      break;
    case 'alternative':
      add(
        'unit_type',
        app.targetGrounds.includes('special_social') ? 'pass' : 'fail',
        app.targetGrounds.includes('special_social')
          ? 'unitType.alternativeFits'
          : 'unitType.alternativeNotTarget',
      );
      break;
    default:
      add('unit_type', 'pass', 'unitType.family');
  }

  const roomsOk = vacancy.rooms >= app.roomsMin && (app.roomsMax === null || vacancy.rooms <= app.roomsMax);
  add(
    'rooms',
    roomsOk ? 'pass' : 'fail',
    !roomsOk
      ? vacancy.rooms < app.roomsMin
        ? 'rooms.tooFew'
        : 'rooms.tooMany'
      : app.roomsMax === null
        ? 'rooms.fitsAtLeast'
        : 'rooms.fits',
    {
      rooms: vacancy.rooms,
      min: app.roomsMin,
      max: app.roomsMax ?? '',
    },
  );

  // The rent check shows what the household would have left to live on after rent and fixed costs,
  // against the rådighedsbeløb it must keep (issue 14 §3).
  const household = householdCounts(app.members, onDate);
  const limit = maxRent(app.monthlyIncome, app.fixedCosts, household, settings);
  const total = vacancy.rent + vacancy.utilities;
  add('rent', total <= limit ? 'pass' : 'fail', total <= limit ? 'rent.fits' : 'rent.tooHigh', {
    total,
    max: limit,
    left: app.monthlyIncome - app.fixedCosts - total,
    required: disposableRequired(household, settings),
  });

  if (app.accessibleNeed)
    add(
      'accessibility',
      vacancy.accessible ? 'pass' : 'fail',
      vacancy.accessible ? 'accessibility.fits' : 'accessibility.missing',
    );
  else add('accessibility', 'pass', 'accessibility.notNeeded');

  if (app.excludedDepartmentIds.includes(vacancy.departmentId)) add('area', 'fail', 'area.excluded');
  else if (app.wishedDepartmentIds.includes(vacancy.departmentId)) add('area', 'pass', 'area.wished');
  else if (app.wishedDepartmentIds.length > 0) add('area', 'info', 'area.notWished');
  else add('area', 'pass', 'area.noWishes');

  // § 59 stk. 6/7: the area status and the household's facts on the one date.
  const rule = blockingCriteria(areaStatus);
  if (rule) {
    const hits = areaBlocks(app.members, areaStatus, onDate);
    if (hits.length === 0)
      add(rule.paragraph, 'pass', `${rule.paragraph}.clear`, { status: areaStatus ?? '', onDate });
    for (const h of hits)
      add(rule.paragraph, 'fail', `${rule.paragraph}.criterion${h.criterion}`, {
        member: h.member,
        detail: h.detail,
        status: areaStatus ?? '',
        onDate,
      });
  } else add('p59_6', 'pass', 'p59.notApplicable', { status: areaStatus ?? 'normal', onDate });

  return { eligible: checks.every((c) => c.outcome !== 'fail'), checks };
}

const PRIORITY_ORDER: Record<Priority, number> = { acute: 0, high: 1, normal: 2 };

/** Text order by UTF-16 code units: for åååå-mm-dd dates the calendar order, for lowercase ids their order. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Eligible candidates by priority, then longest waiting (no date: last), then by id so the order
 * never depends on the input; excluded ones after, with their reasons.
 */
export function compareCandidates(
  a: { eligible: boolean; priority: Priority | null; waitingSince: string | null; id: string },
  b: { eligible: boolean; priority: Priority | null; waitingSince: string | null; id: string },
): number {
  if (a.eligible !== b.eligible) return a.eligible ? -1 : 1;
  const pa = a.priority ? PRIORITY_ORDER[a.priority] : 9;
  const pb = b.priority ? PRIORITY_ORDER[b.priority] : 9;
  return (
    pa - pb || byCodeUnits(a.waitingSince ?? '9999', b.waitingSince ?? '9999') || byCodeUnits(a.id, b.id)
  );
}
