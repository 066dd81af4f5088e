/**
 * The scenario form's values and how they become a request (issue 19 §3), without React: the form
 * starts from the baseline (today's quotas, staffing, shelter stay and prevention success), and only
 * what the user changed is sent, so that an unchanged form is the baseline itself. Every problem
 * names its field by the request's path, as the server's field errors do.
 */
import type { PlanningBaseline, ScenarioRequest } from '../../../shared/planning/api';
import { SCENARIO_LIMITS } from '../../../shared/planning/api';
import { PLAN_METHODS, type PlanMethod } from '../../../shared/planning/model';
import type { MethodStaffing, PlanScenario } from '../../../shared/planning/scenario';
import type { FieldError } from '../../api';
import { formatInput, isoToDanishDate, parseDate, parseNumber } from '../../i18n/format';

/** One new build as typed. */
export interface BuildRow {
  /** A stable key for the row while rows are added and removed (not sent). */
  key: number;
  readyDate: string;
  units: string;
  allocationPercent: string;
}

/** A method's staffing as typed. */
export interface StaffingRow {
  fte: string;
  caseloadNorm: string;
}

export interface ScenarioFormValues {
  name: string;
  years: string;
  /** Organisation id → its quota (percent) as typed. */
  quotas: Record<string, string>;
  builds: BuildRow[];
  staffing: Record<PlanMethod, StaffingRow>;
  shelterStayMonths: string;
  preventionSuccessPercent: string;
}

/** The request paths of the form's fields: the server's field errors name the same. */
export const PATHS = {
  name: 'name',
  years: 'scenario.years',
  quotas: 'scenario.quotaPercent',
  quota: (organisationId: string) => `scenario.quotaPercent.${organisationId}`,
  builds: 'scenario.builds',
  build: (index: number, field: 'readyDate' | 'units' | 'allocationPercent') =>
    `scenario.builds.${index}.${field}`,
  staffing: (method: PlanMethod, field: keyof MethodStaffing) => `scenario.staffing.${method}.${field}`,
  shelterStayMonths: 'scenario.shelterStayMonths',
  preventionSuccessPercent: 'scenario.preventionSuccessPercent',
} as const;

/** A number rounded as the form shows it for editing (at most two decimals). */
const shown = (value: number) => formatInput(Math.round(value * 100) / 100);

/** The form as it starts: the baseline's levers as they are today. */
export function initialValues(baseline: PlanningBaseline, name: string): ScenarioFormValues {
  const prevention = baseline.assumptions.preventionSuccessPercent;
  return {
    name,
    years: String(SCENARIO_LIMITS.yearsMax),
    quotas: Object.fromEntries(baseline.supply.organisations.map((o) => [o.id, shown(o.quotaPercent)])),
    builds: [],
    staffing: Object.fromEntries(
      PLAN_METHODS.map((m) => {
        const s = baseline.staffing[m];
        return [m, { fte: shown(s.fte), caseloadNorm: s.caseloadNorm === null ? '' : shown(s.caseloadNorm) }];
      }),
    ) as Record<PlanMethod, StaffingRow>,
    shelterStayMonths: shown(baseline.assumptions.shelterStayMonths),
    preventionSuccessPercent: prevention === null ? '' : shown(prevention),
  };
}

/** A new, empty build row: the municipality's share defaults to all units. */
export function newBuild(key: number): BuildRow {
  return { key, readyDate: '', units: '', allocationPercent: '100' };
}

/** What a number field may hold. */
interface NumberRule {
  min: number;
  max: number;
  /** Whole numbers only (units). */
  whole?: boolean;
  /** A percentage: its own message ("between 0 and 100 %"). */
  percent?: boolean;
}

const RULES = {
  percent: { min: 0, max: 100, percent: true },
  units: { min: 1, max: SCENARIO_LIMITS.buildUnitsMax, whole: true },
  fte: { min: 0, max: SCENARIO_LIMITS.fteMax },
  caseloadNorm: { min: SCENARIO_LIMITS.caseloadNormMin, max: SCENARIO_LIMITS.caseloadNormMax, whole: true },
  shelterStayMonths: {
    min: SCENARIO_LIMITS.shelterStayMonthsMin,
    max: SCENARIO_LIMITS.shelterStayMonthsMax,
  },
} satisfies Record<string, NumberRule>;

/** A bound as the message writes it: 0,25. */
const bound = (value: number) => formatInput(value);

/**
 * Reads a number field: `required` when empty (and `required`), `number` when it is no number, and
 * the rule's range code (with its bounds for the message) when it is outside. Undefined when empty
 * or wrong.
 */
function readRule(
  text: string,
  rule: NumberRule,
  path: string,
  problems: FieldError[],
  required: boolean,
): number | undefined {
  if (text.trim() === '') {
    if (required) problems.push({ path, code: 'required' });
    return undefined;
  }
  const value = parseNumber(text, rule.whole === true);
  if (value === null) {
    problems.push({ path, code: 'number' });
    return undefined;
  }
  if (value < rule.min || value > rule.max || (rule.whole === true && !Number.isInteger(value))) {
    if (rule.percent) problems.push({ path, code: 'percent_range' });
    else
      problems.push({
        path,
        code: rule.whole ? 'planning_whole_range' : 'planning_range',
        params: { min: bound(rule.min), max: bound(rule.max) },
      });
    return undefined;
  }
  return value;
}

/** The value typed if it differs from the form's start; the start is read as it was shown. */
function changed(value: number | undefined, initial: string): number | undefined {
  if (value === undefined) return undefined;
  const start = initial.trim() === '' ? null : parseNumber(initial);
  return start !== null && start === value ? undefined : value;
}

/** A new build as the request takes it. */
export type ScenarioBuild = NonNullable<PlanScenario['builds']>[number];

/**
 * The request of the form, or the problems that keep it from being sent. Only what differs from the
 * form's start (the baseline) is in the scenario; the years are always there.
 */
export function readScenario(
  values: ScenarioFormValues,
  initial: ScenarioFormValues,
  baseline: Pick<PlanningBaseline, 'fittedUpTo'>,
): { request: ScenarioRequest | undefined; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const name = values.name.trim();
  if (name === '') problems.push({ path: PATHS.name, code: 'required' });
  else if (name.length > SCENARIO_LIMITS.nameMax)
    problems.push({ path: PATHS.name, code: 'planning_too_long', params: { max: SCENARIO_LIMITS.nameMax } });

  const years = Number(values.years);
  if (!Number.isInteger(years) || years < SCENARIO_LIMITS.yearsMin || years > SCENARIO_LIMITS.yearsMax)
    problems.push({ path: PATHS.years, code: 'required' });

  const scenario: PlanScenario = { years };

  const quotaPercent: Record<string, number> = {};
  for (const [id, text] of Object.entries(values.quotas)) {
    const value = readRule(text, RULES.percent, PATHS.quota(id), problems, true);
    const next = changed(value, initial.quotas[id] ?? '');
    if (next !== undefined) quotaPercent[id] = next;
  }
  if (Object.keys(quotaPercent).length > 0) scenario.quotaPercent = quotaPercent;

  const builds: ScenarioBuild[] = [];
  for (const [i, row] of values.builds.entries()) {
    const readyText = row.readyDate.trim();
    let readyDate: string | undefined;
    if (readyText === '') problems.push({ path: PATHS.build(i, 'readyDate'), code: 'required' });
    else {
      readyDate = parseDate(readyText) ?? undefined;
      if (readyDate === undefined) problems.push({ path: PATHS.build(i, 'readyDate'), code: 'invalid_date' });
      else if (readyDate.slice(0, 7) <= baseline.fittedUpTo.slice(0, 7)) {
        problems.push({
          path: PATHS.build(i, 'readyDate'),
          code: 'planning_before_forecast',
          params: { date: isoToDanishDate(baseline.fittedUpTo) },
        });
        readyDate = undefined;
      }
    }
    const units = readRule(row.units, RULES.units, PATHS.build(i, 'units'), problems, true);
    const share = readRule(
      row.allocationPercent,
      RULES.percent,
      PATHS.build(i, 'allocationPercent'),
      problems,
      true,
    );
    if (readyDate !== undefined && units !== undefined && share !== undefined)
      builds.push({ readyDate, units, allocationPercent: share });
  }
  if (values.builds.length > SCENARIO_LIMITS.buildsMax)
    problems.push({
      path: PATHS.builds,
      code: 'planning_too_many',
      params: { max: SCENARIO_LIMITS.buildsMax },
    });
  if (builds.length > 0) scenario.builds = builds;

  const staffing: NonNullable<PlanScenario['staffing']> = {};
  for (const method of PLAN_METHODS) {
    const row = values.staffing[method];
    const start = initial.staffing[method];
    const fte = changed(
      readRule(row.fte, RULES.fte, PATHS.staffing(method, 'fte'), problems, true),
      start.fte,
    );
    const norm = changed(
      readRule(
        row.caseloadNorm,
        RULES.caseloadNorm,
        PATHS.staffing(method, 'caseloadNorm'),
        problems,
        start.caseloadNorm.trim() !== '',
      ),
      start.caseloadNorm,
    );
    const change: Partial<MethodStaffing> = {};
    if (fte !== undefined) change.fte = fte;
    if (norm !== undefined) change.caseloadNorm = norm;
    if (Object.keys(change).length > 0) staffing[method] = change;
  }
  if (Object.keys(staffing).length > 0) scenario.staffing = staffing;

  const stay = changed(
    readRule(values.shelterStayMonths, RULES.shelterStayMonths, PATHS.shelterStayMonths, problems, true),
    initial.shelterStayMonths,
  );
  if (stay !== undefined) scenario.shelterStayMonths = stay;

  const prevention = changed(
    readRule(
      values.preventionSuccessPercent,
      RULES.percent,
      PATHS.preventionSuccessPercent,
      problems,
      initial.preventionSuccessPercent.trim() !== '',
    ),
    initial.preventionSuccessPercent,
  );
  if (prevention !== undefined) scenario.preventionSuccessPercent = prevention;

  if (problems.length > 0) return { request: undefined, problems };
  return { request: { name, scenario }, problems };
}

/** Whether a scenario changes nothing but the years: the baseline. */
export function isBaseline(scenario: PlanScenario): boolean {
  return Object.keys(scenario).every((key) => key === 'years');
}

/** The rule of a field by its request path, for the server's range problems. */
function ruleOf(path: string): NumberRule | undefined {
  if (
    /^scenario\.quotaPercent\./.test(path) ||
    /\.allocationPercent$/.test(path) ||
    path === PATHS.preventionSuccessPercent
  )
    return RULES.percent;
  if (/^scenario\.builds\.\d+\.units$/.test(path)) return RULES.units;
  if (/^scenario\.staffing\.\w+\.fte$/.test(path)) return RULES.fte;
  if (/^scenario\.staffing\.\w+\.caseloadNorm$/.test(path)) return RULES.caseloadNorm;
  if (path === PATHS.shelterStayMonths) return RULES.shelterStayMonths;
  return undefined;
}

/**
 * The server's field problem in the form's terms: a generic range code (`too_small`, `too_big`)
 * becomes the field's own, whose message says what is allowed. Others are kept (null).
 */
export function formField(field: FieldError): FieldError | null {
  if (field.code !== 'too_small' && field.code !== 'too_big') return null;
  if (field.path === PATHS.name)
    return { path: field.path, code: 'planning_too_long', params: { max: SCENARIO_LIMITS.nameMax } };
  if (field.path === PATHS.builds)
    return { path: field.path, code: 'planning_too_many', params: { max: SCENARIO_LIMITS.buildsMax } };
  const rule = ruleOf(field.path);
  if (!rule) return null;
  if (rule.percent) return { path: field.path, code: 'percent_range' };
  return {
    path: field.path,
    code: rule.whole ? 'planning_whole_range' : 'planning_range',
    params: { min: bound(rule.min), max: bound(rule.max) },
  };
}
