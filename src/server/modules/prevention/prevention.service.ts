import { parseCpr } from '../../../shared/citizens/cpr';
import { daysBetween, today } from '../../../shared/dates';
import type {
  ActionInput,
  ActionView,
  CaseDetail,
  CaseSummary,
  CasesPage,
  DecisionInput,
  InboxCase,
  NoticeCreated,
  NoticeInput,
  NoticeView,
  OutcomeInput,
  PreventionSettings,
} from '../../../shared/prevention/api';
import { INBOX_PAGE_SIZE } from '../../../shared/prevention/api';
import { type CaseFacts, paakravDeadline, section5aDuties, stepOf } from '../../../shared/prevention/clocks';
import {
  DEFAULT_DEPOSIT_LOAN_LIMITS,
  type DepositLoanLimit,
  EVICTION_STEPS,
  type NoticeSource,
  type ReportedVia,
} from '../../../shared/prevention/model';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { logPersonalDataRead, recordAudit } from '../../platform/audit';
import { addEpisode, citizensByCpr, flagDuplicatesOf, registerCitizensFromNotices } from '../citizens';
import {
  assertActionAllowed,
  assertAnswerAllowed,
  assertCanActOnCase,
  assertCanAnswer,
  assertDecisionAllowed,
  assertOutcomeAllowed,
  assertSettingsAllowed,
  departmentProblem,
  mayLinkCitizen,
  noticeSource,
  whereaboutsAfter,
} from './prevention.policy';
import * as repo from './prevention.repository';

const { num } = repo;
type Problem = { path: string; code: string };
const invalid = (fields: Problem[]) => new AppError('V_VALIDATION', { fields });
const iso = (d: Date) => d.toISOString();

/** Addresses written differently ("Parkvej 1, 1. tv." / "parkvej 1 1 tv") group into one tenancy. */
export const normaliseAddress = (address: string) =>
  address.toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();

/** One tenancy: the tenant (CPR, else the name) at the address. Repeated notices for it form one case. */
export const tenancyKey = (cpr: string | null, name: string, address: string) =>
  `${cpr ?? `name:${name.trim().toLowerCase()}`}|${normaliseAddress(address)}`;

/** Field problems of one notice (the form, the partner view and the import share them). */
export function noticeProblems(n: NoticeInput, onDate: string, prefix = ''): Problem[] {
  const problems: Problem[] = [];
  const p = (path: string, code: string) => problems.push({ path: `${prefix}${path}`, code });
  if (n.tenantCpr) {
    const parsed = parseCpr(n.tenantCpr);
    if (!parsed.ok) p('tenantCpr', parsed.problem === 'format' ? 'cpr_format' : 'cpr_date');
  }
  if (n.receivedOn > onDate) p('receivedOn', 'future_date');
  for (const field of ['paakravOn', 'terminationOn', 'bailiffFiledOn'] as const) {
    const v = n[field];
    if (v && v > onDate) p(field, 'future_date');
  }
  return problems;
}

export interface PreparedNotice {
  input: NoticeInput;
  cpr: string | null;
  importKey: string | null;
}

/**
 * Records notices in bulk, one set-based step at a time: link each tenant to the registry by CPR
 * (registering a new citizen from the CPR number when there is none, and sending likely duplicates
 * of the new ones to the review queue), group repeated notices for the same tenancy into one open case, insert the notices (a line already imported is skipped) and
 * mark cases with children. The form, the partner view and the import all come through here.
 */
export async function recordNotices(
  trx: Tx,
  actor: Actor,
  notices: readonly PreparedNotice[],
  via: ReportedVia,
) {
  const m = actor.municipalityId;
  const cprs = [...new Set(notices.flatMap((n) => (n.cpr ? [n.cpr] : [])))];
  const existing = await citizensByCpr(trx, m, cprs);
  const missing = cprs.filter((c) => !existing.has(c));
  const firstOf = new Map<string, PreparedNotice>();
  for (const n of notices) if (n.cpr && !firstOf.has(n.cpr)) firstOf.set(n.cpr, n);
  // The citizens module registers the new tenants (it owns the list), in one statement for all.
  const created = await registerCitizensFromNotices(
    trx,
    actor,
    missing.map((cpr) => {
      const n = firstOf.get(cpr) as PreparedNotice;
      return { cpr, name: n.input.tenantName, address: n.input.address };
    }),
  );
  // A tenant the list knows without a CPR number gets a second record here: the review queue says so.
  const duplicates = await flagDuplicatesOf(trx, actor, [...created.values()]);
  const citizenOf = (cpr: string | null) => (cpr ? (existing.get(cpr) ?? created.get(cpr) ?? null) : null);

  const keyOf = new Map<PreparedNotice, string>();
  for (const n of notices) keyOf.set(n, tenancyKey(n.cpr, n.input.tenantName, n.input.address));
  const open = await repo.openCasesByKey(trx, m, [...new Set(keyOf.values())]);
  const newCases = new Map<string, PreparedNotice[]>();
  for (const n of notices) {
    const key = keyOf.get(n) as string;
    if (open.has(key)) continue;
    const rows = newCases.get(key);
    if (rows) rows.push(n);
    else newCases.set(key, [n]);
  }
  const createdCases = await repo.insertCases(
    trx,
    m,
    [...newCases].map(([key, rows]) => {
      const first = rows.reduce((a, b) => (b.input.receivedOn < a.input.receivedOn ? b : a));
      let bailiffOn: string | null = null;
      let evictionDate: string | null = null;
      for (const r of rows) {
        if (r.input.source === 'bailiff_court' && (bailiffOn === null || r.input.receivedOn < bailiffOn))
          bailiffOn = r.input.receivedOn;
        if (r.input.evictionDate && (evictionDate === null || r.input.evictionDate > evictionDate))
          evictionDate = r.input.evictionDate;
      }
      return {
        citizen_id: citizenOf(first.cpr),
        tenant_name: first.input.tenantName,
        address: first.input.address,
        tenancy_key: key,
        department_id: first.input.departmentId,
        children_under_18: rows.some((r) => r.input.childrenUnder18),
        // A tenant already on the municipality's by-name list is a known vulnerable citizen (rule 28).
        known_need: first.cpr !== null && existing.has(first.cpr),
        opened_on: first.input.receivedOn,
        // The facts each case carries (migration 0008), here from its first notices.
        bailiff_notice_on: bailiffOn,
        eviction_date: evictionDate,
      };
    }),
  );
  const caseOf = (n: PreparedNotice) => {
    const key = keyOf.get(n) ?? tenancyKey(n.cpr, n.input.tenantName, n.input.address);
    return open.get(key) ?? (createdCases.get(key) as string);
  };
  const inserted = await repo.insertNotices(
    trx,
    m,
    notices.map((n) => ({
      case_id: caseOf(n),
      source: n.input.source,
      received_on: n.input.receivedOn,
      tenant_cpr: n.cpr,
      arrears_amount: n.input.arrearsAmount,
      arrears_months: n.input.arrearsMonths,
      paakrav_on: n.input.paakravOn,
      termination_on: n.input.terminationOn,
      bailiff_filed_on: n.input.bailiffFiledOn,
      eviction_date: n.input.evictionDate,
      children_under_18: n.input.childrenUnder18,
      import_key: n.importKey,
    })),
    via,
    actor.userId,
  );
  // Open cases that got notices learn their facts from them: children (never forgotten), the
  // bailiff's notice, the eviction date (new cases were inserted with theirs).
  const existingCases = new Set(open.values());
  await repo.refreshFacts(trx, [
    ...new Set(inserted.flatMap((r) => (existingCases.has(r.case_id) ? [r.case_id] : []))),
  ]);
  return { inserted, citizenOf, caseOf, existing, created, open, duplicates };
}

/** One notice from the form or a housing-organisation user. */
export async function createNotice(
  trx: Tx,
  actor: Actor,
  input: NoticeInput,
  via: 'form' | 'partner',
): Promise<NoticeCreated> {
  const problems = noticeProblems(input, today());
  const allowed = !input.departmentId
    ? []
    : via === 'partner'
      ? (await repo.partnerDepartmentIds(trx, actor.municipalityId, actor.userId)).map((d) => d.id)
      : (await repo.departments(trx, actor.municipalityId)).map((d) => d.id);
  const department = departmentProblem(input.departmentId, allowed, via);
  if (department) problems.push(department);
  if (problems.length) throw invalid(problems);
  const cpr = input.tenantCpr ? (parseCpr(input.tenantCpr) as { cpr: string }).cpr : null;
  const prepared: PreparedNotice = {
    input: via === 'partner' ? { ...input, source: noticeSource(via, input.source) } : input,
    cpr,
    importKey: null,
  };
  const r = await recordNotices(trx, actor, [prepared], via);
  const noticeId = r.inserted[0]?.id as string;
  const caseId = r.caseOf(prepared);
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'prevention.notice_create',
    entityType: 'eviction_case',
    entityId: caseId,
    details: { via, source: prepared.input.source, noticeId },
  });
  return {
    caseId,
    noticeId,
    citizenId: mayLinkCitizen(via) ? r.citizenOf(cpr) : null,
    citizenCreated: cpr !== null && r.created.has(cpr),
    joinedCase: r.open.has(tenancyKey(cpr, input.tenantName, input.address)),
  };
}

// ---- reading cases ----

type NoticeRow = Awaited<ReturnType<typeof repo.notices>>[number];
type ActionRow = Awaited<ReturnType<typeof repo.actions>>[number];

function presentNotice(n: NoticeRow): NoticeView {
  return {
    id: n.id,
    source: n.source,
    receivedOn: n.received_on,
    tenantCpr: n.tenant_cpr,
    tenantName: '',
    address: '',
    departmentId: null,
    arrearsAmount: num(n.arrears_amount),
    arrearsMonths: n.arrears_months,
    paakravOn: n.paakrav_on,
    terminationOn: n.termination_on,
    bailiffFiledOn: n.bailiff_filed_on,
    evictionDate: n.eviction_date,
    childrenUnder18: n.children_under_18,
    step: stepOf({
      paakravOn: n.paakrav_on,
      terminationOn: n.termination_on,
      bailiffFiledOn: n.bailiff_filed_on,
      evictionDate: n.eviction_date,
      source: n.source,
    }),
    paakravDeadline: n.paakrav_on ? paakravDeadline(n.paakrav_on) : null,
    reportedVia: n.reported_via,
    reportedByName: n.display_name ?? '',
    createdAt: iso(n.created_at),
  };
}

function presentAction(a: ActionRow): ActionView {
  return {
    id: a.id,
    kind: a.kind,
    doneOn: a.done_on,
    result: a.result,
    amount: a.amount === null ? null : num(a.amount),
    respondBy: a.respond_by,
    respondedOn: a.responded_on,
    createdByName: a.display_name ?? '',
  };
}

function summarise(
  c: repo.CaseRow,
  caseNotices: NoticeRow[],
  caseActions: ActionRow[],
  onDate: string,
): CaseSummary {
  const views = caseNotices.map(presentNotice);
  const bailiff =
    caseNotices
      .filter((n) => n.source === 'bailiff_court')
      .map((n) => n.received_on)
      .sort()[0] ?? null;
  const evictionDate =
    caseNotices
      .map((n) => n.eviction_date)
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? null;
  const facts: CaseFacts = {
    bailiffNoticeOn: bailiff,
    childrenUnder18: c.children_under_18,
    knownNeed: c.known_need,
    actions: caseActions.map((a) => ({ kind: a.kind, doneOn: a.done_on })),
    noHelpDecisionOn: c.no_help_decision_on,
    eviction: { date: evictionDate },
    closed: c.status === 'closed',
  };
  const duties = section5aDuties(facts, onDate);
  const latest = views.at(-1);
  const step = views.reduce<CaseSummary['step']>(
    (s, n) => (EVICTION_STEPS.indexOf(n.step) > EVICTION_STEPS.indexOf(s) ? n.step : s),
    'paakrav',
  );
  return {
    id: c.id,
    citizenId: c.citizen_id,
    tenantName: c.tenant_name,
    address: c.address,
    organisationName: c.organisation_name,
    departmentName: c.department_name,
    childrenUnder18: c.children_under_18,
    knownNeed: c.known_need,
    openedOn: c.opened_on,
    status: c.status,
    outcome: c.outcome,
    step,
    sources: [...new Set(views.map((n) => n.source))] as NoticeSource[],
    arrearsAmount: latest?.arrearsAmount ?? 0,
    evictionDate,
    notices: views.length,
    duties,
    overdue: duties.some((d) => d.overdue),
  };
}

const inboxCase = (c: CaseSummary): InboxCase => ({
  id: c.id,
  tenantName: c.tenantName,
  address: c.address,
  organisationName: c.organisationName,
  departmentName: c.departmentName,
  childrenUnder18: c.childrenUnder18,
  knownNeed: c.knownNeed,
  status: c.status,
  outcome: c.outcome,
  step: c.step,
  arrearsAmount: c.arrearsAmount,
  evictionDate: c.evictionDate,
  notices: c.notices,
  duties: c.duties,
  overdue: c.overdue,
});

/**
 * A page of the inbox. The database orders every case of the status (open ones by urgency: overdue
 * duties first, then children, then the nearest date) and counts them; only the page's cases are
 * read with their notices and actions, and their duties follow from the shared rules.
 */
export async function listCases(
  trx: Tx,
  actor: Actor,
  status: 'open' | 'closed',
  page = 1,
): Promise<CasesPage> {
  const m = actor.municipalityId;
  const onDate = today();
  const rows = await repo.inboxPage(trx, m, status, onDate, INBOX_PAGE_SIZE, (page - 1) * INBOX_PAGE_SIZE);
  const counts =
    rows[0] !== undefined
      ? { total: rows[0].total, overdue: rows[0].overdue_total }
      : page > 1
        ? await repo.inboxCounts(trx, m, status, onDate)
        : { total: 0, overdue: 0 };
  const ids = rows.map((r) => r.id);
  const ns = await repo.notices(trx, m, ids);
  const as = await repo.actions(trx, m, ids);
  const byCase = <T extends { case_id: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const x of list) {
      const forCase = map.get(x.case_id);
      if (forCase) forCase.push(x);
      else map.set(x.case_id, [x]);
    }
    return map;
  };
  const nMap = byCase(ns);
  const aMap = byCase(as);
  const items = rows.map((c) => inboxCase(summarise(c, nMap.get(c.id) ?? [], aMap.get(c.id) ?? [], onDate)));
  await recordAudit(trx, actor, m, {
    action: 'prevention.inbox_read',
    entityType: 'municipality',
    entityId: m,
    details: { count: items.length, status, page },
  });
  return { items, page, pageSize: INBOX_PAGE_SIZE, ...counts };
}

export async function getCase(trx: Tx, actor: Actor, id: string, logRead = true): Promise<CaseDetail> {
  const m = actor.municipalityId;
  const c = await repo.findCase(trx, m, id);
  if (!c) throw new AppError('NOT_FOUND');
  const [ns, as] = await Promise.all([repo.notices(trx, m, [id]), repo.actions(trx, m, [id])]);
  if (logRead)
    await logPersonalDataRead(trx, actor, {
      entityType: 'eviction_case',
      entityId: id,
      purpose: 'prevention',
    });
  const summary = summarise(c, ns, as, today());
  const noticeList = ns
    .map(presentNotice)
    .map((n) => ({ ...n, tenantName: c.tenant_name, address: c.address, departmentId: c.department_id }));
  const first = ns[0]?.received_on ?? c.opened_on;
  return {
    ...summary,
    departmentId: c.department_id,
    outcomeOn: c.outcome_on,
    outcomeNote: c.outcome_note,
    noHelpDecisionOn: c.no_help_decision_on,
    noHelpReason: c.no_help_reason,
    noticeList,
    actions: as.map(presentAction),
    daysToOutcome: c.outcome_on ? daysBetween(first, c.outcome_on) : null,
  };
}

async function openCase(trx: Tx, actor: Actor, id: string) {
  const c = await repo.findCase(trx, actor.municipalityId, id, true);
  if (!c) throw new AppError('NOT_FOUND');
  assertCanActOnCase(c);
  return c;
}

// ---- acting on a case ----

export async function addAction(trx: Tx, actor: Actor, id: string, input: ActionInput): Promise<CaseDetail> {
  const c = await openCase(trx, actor, id);
  assertActionAllowed(input, today());
  const { id: actionId } = await repo.insertAction(trx, actor.municipalityId, {
    case_id: c.id,
    kind: input.kind,
    done_on: input.doneOn,
    result: input.result,
    amount: input.amount,
    respond_by: input.kind === 'fast_track' ? input.respondBy : null,
    created_by: actor.userId,
  });
  await repo.refreshFacts(trx, [c.id]);
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'prevention.action_add',
    entityType: 'eviction_case',
    entityId: c.id,
    details: { kind: input.kind, actionId },
  });
  return getCase(trx, actor, id, false);
}

export async function respondFastTrack(trx: Tx, actor: Actor, actionId: string, respondedOn: string) {
  const a = await repo.findAction(trx, actor.municipalityId, actionId);
  assertCanAnswer(a);
  await openCase(trx, actor, a.case_id);
  assertAnswerAllowed(respondedOn, today());
  await repo.updateAction(trx, actor.municipalityId, actionId, respondedOn);
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'prevention.fast_track_answered',
    entityType: 'eviction_case',
    entityId: a.case_id,
  });
  return getCase(trx, actor, a.case_id, false);
}

/** Retssikkerhedsloven § 5 a, stk. 2: the recorded decision that no help is given. */
export async function decideNoHelp(trx: Tx, actor: Actor, id: string, input: DecisionInput) {
  const c = await openCase(trx, actor, id);
  assertDecisionAllowed(input, today());
  await repo.updateCase(trx, actor.municipalityId, c.id, {
    no_help_decision_on: input.decidedOn,
    no_help_reason: input.reason,
  });
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'prevention.no_help_decision',
    entityType: 'eviction_case',
    entityId: c.id,
  });
  return getCase(trx, actor, id, false);
}

/** Closes the case; the citizen's whereabouts follow: kept home (housed) or lost it (unknown whereabouts). */
export async function setOutcome(trx: Tx, actor: Actor, id: string, input: OutcomeInput) {
  const c = await openCase(trx, actor, id);
  assertOutcomeAllowed(input, c.opened_on, today());
  await repo.updateCase(trx, actor.municipalityId, c.id, {
    status: 'closed',
    outcome: input.outcome,
    outcome_on: input.outcomeOn,
    outcome_note: input.note,
  });
  const whereabouts = whereaboutsAfter(input.outcome);
  if (c.citizen_id && whereabouts)
    await addEpisode(trx, actor, c.citizen_id, { ...whereabouts, fromDate: input.outcomeOn, note: null });
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'prevention.outcome',
    entityType: 'eviction_case',
    entityId: c.id,
    details: { outcome: input.outcome },
  });
  return getCase(trx, actor, id, false);
}

export async function letterData(trx: Tx, actor: Actor, id: string) {
  const detail = await getCase(trx, actor, id, false);
  await logPersonalDataRead(trx, actor, {
    entityType: 'eviction_case',
    entityId: id,
    purpose: 'prevention',
    details: { letter: true },
  });
  return detail;
}

// ---- partner view ----

export async function partnerNotices(trx: Tx, actor: Actor) {
  return (await repo.partnerNotices(trx, actor.municipalityId, actor.userId)).map((n) => ({
    id: n.id,
    receivedOn: n.received_on,
    tenantName: n.tenant_name,
    address: n.address,
    departmentName: n.department_name,
    arrearsAmount: num(n.arrears_amount),
    step: stepOf({
      paakravOn: n.paakrav_on,
      terminationOn: n.termination_on,
      bailiffFiledOn: n.bailiff_filed_on,
      evictionDate: n.eviction_date,
      source: n.source,
    }),
    childrenUnder18: n.children_under_18,
  }));
}

// ---- settings ----

export async function getSettings(
  trx: Tx,
  actor: Pick<Actor, 'municipalityId'>,
): Promise<PreventionSettings> {
  const row = await repo.settings(trx, actor.municipalityId);
  const limits = row
    ? typeof row.deposit_loan_limits === 'string'
      ? JSON.parse(row.deposit_loan_limits)
      : row.deposit_loan_limits
    : DEFAULT_DEPOSIT_LOAN_LIMITS;
  return { depositLoanLimits: limits as DepositLoanLimit[] };
}

export async function saveSettings(trx: Tx, actor: Actor, input: PreventionSettings) {
  assertSettingsAllowed(input);
  const years = input.depositLoanLimits.map((l) => l.year);
  const sorted = [...input.depositLoanLimits].sort((a, b) => a.year - b.year);
  await repo.saveSettings(trx, actor.municipalityId, sorted, actor.userId);
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'prevention.settings_update',
    entityType: 'municipality',
    entityId: actor.municipalityId,
    details: { years },
  });
  return getSettings(trx, actor);
}
