import type {
  AcceptInput,
  ApplicationDetail,
  ApplicationInput,
  ApplicationSummary,
  AssessmentInput,
  Candidate,
  CandidateList,
  CensusDay,
  DeclineInput,
  OfferView,
  TenancyView,
  VacancyInput,
  VacancyView,
  WaitingListCounts,
  WaitingListItem,
  WaitingListQuery,
  WaitingListSnapshot,
} from '../../../shared/allocation/api';
import {
  type ApplicationFacts,
  assessCandidate,
  type Check,
  compareCandidates,
  householdCounts,
  maxRent,
} from '../../../shared/allocation/eligibility';
import {
  type AllocationSettings,
  type ApplicationAction,
  type ApplicationStatus,
  ASSESSMENT_ACTIONS,
  DEFAULT_ALLOCATION_SETTINGS,
  type Priority,
  type ReturnReason,
  WAITING_AGE_BANDS,
  WAITING_BANDS,
  WAITING_STATUSES,
  type WaitingAgeBand,
  type WaitingBand,
} from '../../../shared/allocation/model';
import { allowedActions, nextStatus } from '../../../shared/allocation/status';
import { addDays, daysBetween, today } from '../../../shared/dates';
import type { AreaStatus } from '../../../shared/housing/supply';
import { isUniqueViolation, type Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit, logPersonalDataRead } from '../../platform/audit';
import { addEpisode, displayName } from '../citizens/citizens.service';
import * as repo from './allocation.repository';
import type { ApplicationBody, VacancyBody } from './allocation.schema';
import type { ApplicationRow } from './allocation.table';

const { num, json } = repo;
type Problem = { path: string; code: string };
const invalid = (fields: Problem[]) => new AppError('V_VALIDATION', { fields });

const isoDate = (d: Date) => d.toISOString();
const nameOf = (c: { given_name: string | null; family_name: string | null; initials: string | null }) =>
  displayName(c) ?? '';

// ---- settings ----

/** The stored policy over the defaults (a setting added later has its default until saved). */
const settingsOf = (stored: Record<string, unknown> | null) =>
  ({ ...DEFAULT_ALLOCATION_SETTINGS, ...(stored ?? {}) }) as AllocationSettings;

export async function getSettings(
  trx: Tx,
  actor: Pick<Actor, 'municipalityId'>,
): Promise<AllocationSettings> {
  return settingsOf(await repo.settings(trx, actor.municipalityId));
}

export async function saveSettings(trx: Tx, actor: Actor, input: AllocationSettings) {
  await repo.saveSettings(trx, actor.municipalityId, input, actor.userId);
  await audit(trx, actor, 'allocation.settings_update', 'municipality', actor.municipalityId, { ...input });
  return getSettings(trx, actor);
}

// ---- applications ----

function applicationProblems(input: ApplicationBody): Problem[] {
  const problems: Problem[] = [];
  if (input.members[0]?.role !== 'applicant')
    problems.push({ path: 'members.0.role', code: 'applicant_first' });
  input.members.forEach((m, i) => {
    if (i > 0 && m.role === 'applicant')
      problems.push({ path: `members.${i}.role`, code: 'applicant_first' });
    m.benefits.forEach((b, j) => {
      if (b.to !== null && b.to < b.from)
        problems.push({ path: `members.${i}.benefits.${j}.to`, code: 'end_before_start' });
    });
  });
  if (input.roomsMax !== null && input.roomsMax < input.roomsMin)
    problems.push({ path: 'roomsMax', code: 'rooms_range' });
  return problems;
}

function applicationValues(input: ApplicationBody) {
  return {
    area: input.area,
    target_grounds: JSON.stringify(input.targetGrounds),
    justification: input.justification,
    rooms_min: input.roomsMin,
    rooms_max: input.roomsMax,
    monthly_income: input.monthlyIncome,
    fixed_costs: input.fixedCosts,
    accessible_need: input.accessibleNeed,
    wished_department_ids: JSON.stringify(input.wishedDepartmentIds),
    excluded_department_ids: JSON.stringify(input.excludedDepartmentIds),
    youth_wish: input.youthWish,
    in_education: input.inEducation,
    education_planned: input.educationPlanned,
    youth_special_need: input.youthSpecialNeed,
    members: JSON.stringify(input.members.map((m) => ({ ...m, id: crypto.randomUUID() }))),
    household_size: input.members.length,
  };
}

async function checkDepartments(trx: Tx, actor: Actor, input: ApplicationBody) {
  const known = new Set((await repo.departmentsByNumber(trx, actor.municipalityId)).map((d) => d.id));
  const problems: Problem[] = [];
  input.wishedDepartmentIds.forEach((id, i) => {
    if (!known.has(id)) problems.push({ path: `wishedDepartmentIds.${i}`, code: 'unknown' });
  });
  input.excludedDepartmentIds.forEach((id, i) => {
    if (!known.has(id)) problems.push({ path: `excludedDepartmentIds.${i}`, code: 'unknown' });
  });
  return problems;
}

/** The caseworker's recommendation: one open application per citizen, every household fact given. */
export async function createApplication(trx: Tx, actor: Actor, input: ApplicationBody): Promise<string> {
  const problems = [...applicationProblems(input), ...(await checkDepartments(trx, actor, input))];
  if (problems.length) throw invalid(problems);
  const citizen = await trx
    .selectFrom('citizen')
    .select(['id', 'merged_into'])
    .where('municipality_id', '=', actor.municipalityId)
    .where('id', '=', input.citizenId)
    .executeTakeFirst();
  if (!citizen || citizen.merged_into) throw invalid([{ path: 'citizenId', code: 'unknown' }]);
  const open = await repo.openApplicationOf(trx, actor.municipalityId, input.citizenId);
  if (open) throw new AppError('APPLICATION_EXISTS', { params: { applicationId: open.id } });
  let id: string;
  try {
    ({ id } = await repo.insertApplication(trx, actor.municipalityId, {
      ...applicationValues(input),
      citizen_id: input.citizenId,
      status: 'submitted',
      priority: null,
      priority_reason: null,
      waiting_since: null,
      decision_reason: null,
      info_request: null,
      paused_until: null,
      submitted_by: actor.userId,
    }));
  } catch (error) {
    // Two caseworkers submitting for the same citizen at once: the unique index decides.
    if (isUniqueViolation(error)) throw new AppError('APPLICATION_EXISTS', { params: { applicationId: '' } });
    throw error;
  }
  await repo.insertEvent(trx, actor.municipalityId, {
    applicationId: id,
    action: 'submit',
    fromStatus: null,
    toStatus: 'submitted',
    reason: null,
    userId: actor.userId,
  });
  await audit(trx, actor, 'allocation.application_submit', 'allocation_application', id, {
    citizenId: input.citizenId,
  });
  return id;
}

async function loadApplication(trx: Tx, actor: Actor, id: string, lock = false) {
  const row = await repo.findApplication(trx, actor.municipalityId, id, lock);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

const OPEN: readonly ApplicationStatus[] = ['submitted', 'needs_info', 'approved', 'paused'];

export async function updateApplication(trx: Tx, actor: Actor, id: string, input: ApplicationBody) {
  const row = await loadApplication(trx, actor, id, true);
  if (row.citizen_id !== input.citizenId) throw invalid([{ path: 'citizenId', code: 'citizen_changed' }]);
  if (!OPEN.includes(row.status))
    throw new AppError('APPLICATION_TRANSITION_NOT_ALLOWED', {
      params: { from: row.status, action: 'update' },
    });
  const problems = [...applicationProblems(input), ...(await checkDepartments(trx, actor, input))];
  if (problems.length) throw invalid(problems);
  await repo.updateApplication(trx, actor.municipalityId, id, applicationValues(input));
  await repo.insertEvent(trx, actor.municipalityId, {
    applicationId: id,
    action: 'update',
    fromStatus: row.status,
    toStatus: row.status,
    reason: null,
    userId: actor.userId,
  });
  await audit(trx, actor, 'allocation.application_update', 'allocation_application', id);
  return getApplication(trx, actor, id, false);
}

/** Who may take which step: assessment steps are the officer's, the rest the caseworker's; `house` is the system's. */
function mayTake(actor: Actor, action: ApplicationAction): boolean {
  if ((ASSESSMENT_ACTIONS as readonly string[]).includes(action))
    return actor.permissions.has('allocation.manage');
  if (action === 'resubmit') return actor.permissions.has('allocation.apply');
  if (action === 'withdraw')
    return actor.permissions.has('allocation.apply') || actor.permissions.has('allocation.manage');
  return false;
}

/** Moves an application through its status machine, with the event and the audit entry in the same transaction. */
async function transition(
  trx: Tx,
  actor: Actor,
  row: ApplicationRow,
  action: ApplicationAction,
  reason: string | null,
  extra: Parameters<typeof repo.updateApplication>[3] = {},
) {
  const to = nextStatus(row.status, action);
  if (!to) throw new AppError('APPLICATION_TRANSITION_NOT_ALLOWED', { params: { from: row.status, action } });
  await repo.updateApplication(trx, actor.municipalityId, row.id, { ...extra, status: to });
  await repo.insertEvent(trx, actor.municipalityId, {
    applicationId: row.id,
    action,
    fromStatus: row.status,
    toStatus: to,
    reason,
    userId: actor.userId,
  });
  await audit(trx, actor, `allocation.application_${action}`, 'allocation_application', row.id, {
    from: row.status,
    to,
  });
  return to;
}

/** The officer's assessment: approve with a reasoned priority, reject with a reason, ask for information, pause, resume, remove. */
export async function assess(trx: Tx, actor: Actor, id: string, input: AssessmentInput) {
  const row = await loadApplication(trx, actor, id, true);
  const problems: Problem[] = [];
  if (input.action !== 'resume' && input.reason.trim() === '')
    problems.push({ path: 'reason', code: 'reason_required' });
  if (input.action === 'approve' && !input.priority)
    problems.push({ path: 'priority', code: 'priority_required' });
  if (input.action === 'pause' && input.pausedUntil && input.pausedUntil <= today())
    problems.push({ path: 'pausedUntil', code: 'future_date_required' });
  if (problems.length) throw invalid(problems);
  const reason = input.reason.trim() || null;
  const settings = await getSettings(trx, actor);
  switch (input.action) {
    case 'approve':
      await transition(trx, actor, row, 'approve', reason, {
        priority: input.priority ?? 'normal',
        priority_reason: reason,
        decision_reason: reason,
        waiting_since: today(),
        info_request: null,
      });
      break;
    case 'reject':
      await transition(trx, actor, row, 'reject', reason, { decision_reason: reason });
      break;
    case 'request_info':
      await transition(trx, actor, row, 'request_info', reason, { info_request: reason });
      break;
    case 'pause':
      await transition(trx, actor, row, 'pause', reason, {
        paused_until: input.pausedUntil ?? addDays(today(), settings.pauseDays),
      });
      break;
    case 'resume':
      await transition(trx, actor, row, 'resume', reason, { paused_until: null });
      break;
    case 'remove':
      await transition(trx, actor, row, 'remove', reason, { decision_reason: reason });
      break;
  }
  return getApplication(trx, actor, id, false);
}

/** The caseworker supplies the information asked for, or withdraws the application. */
export async function caseworkerStep(
  trx: Tx,
  actor: Actor,
  id: string,
  action: 'resubmit' | 'withdraw',
  reason: string,
) {
  const row = await loadApplication(trx, actor, id, true);
  await transition(trx, actor, row, action, reason, action === 'resubmit' ? { info_request: null } : {});
  if (action === 'withdraw') await withdrawOpenOffers(trx, actor, id);
  return getApplication(trx, actor, id, false);
}

async function withdrawOpenOffers(trx: Tx, actor: Actor, applicationId: string) {
  for (const o of await repo.offersOf(trx, actor.municipalityId, { applicationIds: [applicationId] }))
    if (o.status === 'open')
      await repo.closeOffer(
        trx,
        actor.municipalityId,
        o.id,
        { status: 'withdrawn', note: 'application closed' },
        actor.userId,
      );
}

function presentSummary(r: repo.ApplicationWithCitizen): ApplicationSummary {
  return {
    id: r.id,
    citizenId: r.citizen_id,
    citizenName: nameOf(r),
    birthDate: r.citizen_birth_date,
    status: r.status,
    area: r.area,
    targetGrounds: json(r.target_grounds),
    householdSize: r.household_size,
    priority: r.priority,
    submittedAt: isoDate(r.submitted_at),
    submittedByName: r.submitted_by_name,
    waitingSince: r.waiting_since,
  };
}

export async function listApplications(
  trx: Tx,
  actor: Actor,
  query: { status?: string; citizenId?: string },
) {
  const rows = await repo.listApplications(trx, actor.municipalityId, {
    ...(query.status ? { status: query.status } : {}),
    ...(query.citizenId ? { citizenIds: [query.citizenId] } : {}),
  });
  return rows.map(presentSummary);
}

function presentOffer(o: repo.OfferWithNames, showName = true): OfferView {
  return {
    id: o.id,
    vacancyId: o.vacancy_id,
    applicationId: o.application_id,
    citizenId: showName ? o.citizen_id : '',
    citizenName: showName ? nameOf(o) : '',
    address: o.address,
    status: o.status,
    offeredAt: isoDate(o.offered_at),
    replyBy: o.reply_by,
    respondedAt: o.responded_at ? isoDate(o.responded_at) : null,
    declineReason: o.decline_reason,
    note: showName ? o.note : null,
    countsAsRefusal: o.counts_as_refusal,
    offeredByName: o.offered_by_name ?? '',
  };
}

function presentTenancy(t: repo.TenancyWithNames, showName = true): TenancyView {
  return {
    id: t.id,
    vacancyId: t.vacancy_id,
    applicationId: t.application_id,
    citizenId: showName ? t.citizen_id : '',
    citizenName: showName ? nameOf(t) : '',
    address: t.address,
    acceptedOn: t.accepted_on,
    leaseSignedOn: t.lease_signed_on,
    plannedMoveInOn: t.planned_move_in_on,
    movedInOn: t.moved_in_on,
  };
}

const membersOf = (r: Pick<ApplicationRow, 'members'>) => json(r.members);

type FactsRow = Pick<
  ApplicationRow,
  | 'status'
  | 'paused_until'
  | 'target_grounds'
  | 'rooms_min'
  | 'rooms_max'
  | 'monthly_income'
  | 'fixed_costs'
  | 'accessible_need'
  | 'wished_department_ids'
  | 'excluded_department_ids'
  | 'youth_wish'
  | 'in_education'
  | 'education_planned'
  | 'youth_special_need'
  | 'members'
> & { live_offers?: number | string | null };

function factsOf(r: FactsRow): ApplicationFacts {
  return {
    status: r.status,
    pausedUntil: r.paused_until,
    targetGrounds: json(r.target_grounds),
    roomsMin: r.rooms_min,
    roomsMax: r.rooms_max,
    monthlyIncome: num(r.monthly_income),
    fixedCosts: num(r.fixed_costs),
    accessibleNeed: r.accessible_need,
    wishedDepartmentIds: json(r.wished_department_ids),
    excludedDepartmentIds: json(r.excluded_department_ids),
    youthWish: r.youth_wish,
    inEducation: r.in_education,
    educationPlanned: r.education_planned,
    youthSpecialNeed: r.youth_special_need,
    members: membersOf(r),
    liveOffers: Number(r.live_offers ?? 0),
  };
}

const maxRentOf = (
  r: Pick<ApplicationRow, 'monthly_income' | 'fixed_costs' | 'members'>,
  settings: AllocationSettings,
  onDate: string,
) => maxRent(num(r.monthly_income), num(r.fixed_costs), householdCounts(membersOf(r), onDate), settings);

/** The application page; every view is a logged read of personal data. */
export async function getApplication(
  trx: Tx,
  actor: Actor,
  id: string,
  logRead = true,
): Promise<ApplicationDetail> {
  const r = await loadApplication(trx, actor, id);
  const m = actor.municipalityId;
  const [settings, events, offers, tenancies, documents] = await Promise.all([
    getSettings(trx, actor),
    repo.events(trx, m, [id]),
    repo.offersOf(trx, m, { applicationIds: [id] }),
    repo.tenanciesOf(trx, m, { applicationIds: [id] }),
    repo.documents(trx, m, id),
  ]);
  if (logRead)
    await logPersonalDataRead(trx, actor, {
      entityType: 'allocation_application',
      entityId: id,
      purpose: 'allocation',
    });
  return {
    ...presentSummary(r),
    justification: r.justification,
    roomsMin: r.rooms_min,
    roomsMax: r.rooms_max,
    monthlyIncome: num(r.monthly_income),
    fixedCosts: num(r.fixed_costs),
    maxRent: maxRentOf(r, settings, today()),
    accessibleNeed: r.accessible_need,
    wishedDepartmentIds: json(r.wished_department_ids),
    excludedDepartmentIds: json(r.excluded_department_ids),
    youthWish: r.youth_wish,
    inEducation: r.in_education,
    educationPlanned: r.education_planned,
    youthSpecialNeed: r.youth_special_need,
    members: membersOf(r),
    priorityReason: r.priority_reason,
    decisionReason: r.decision_reason,
    infoRequest: r.info_request,
    pausedUntil: r.paused_until,
    refusals: r.refusals,
    events: events.map((e) => ({
      at: isoDate(e.at),
      byName: e.display_name ?? '',
      action: e.action as ApplicationDetail['events'][number]['action'],
      fromStatus: e.from_status,
      toStatus: e.to_status,
      reason: e.reason,
    })),
    offers: offers.map((o) => presentOffer(o)),
    tenancies: tenancies.map((t) => presentTenancy(t)),
    documents: documents.map((d) => ({
      id: d.id,
      fileName: d.file_name,
      contentType: d.content_type,
      size: d.size,
      uploadedAt: isoDate(d.uploaded_at),
      uploadedByName: d.display_name ?? '',
    })),
    allowedActions: allowedActions(r.status).filter((a) => mayTake(actor, a)),
    hasDecisionLetter: events.some((e) => ['approve', 'reject', 'request_info'].includes(e.action)),
  };
}

// ---- documents ----

const DOCUMENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
};

export async function addDocument(
  trx: Tx,
  actor: Actor,
  id: string,
  file: { filename: string; data: Buffer },
) {
  const row = await loadApplication(trx, actor, id);
  const extension = file.filename.split('.').pop()?.toLowerCase() ?? '';
  const contentType = DOCUMENT_TYPES[extension];
  if (!contentType) throw invalid([{ path: 'file', code: 'file_type' }]);
  const doc = await repo.insertDocument(trx, actor.municipalityId, {
    applicationId: row.id,
    fileName: file.filename.slice(0, 255),
    contentType,
    content: file.data,
    userId: actor.userId,
  });
  await audit(trx, actor, 'allocation.document_add', 'allocation_application', row.id, {
    documentId: doc.id,
  });
  return doc.id;
}

export async function getDocument(trx: Tx, actor: Actor, id: string, documentId: string) {
  const doc = await repo.documentContent(trx, actor.municipalityId, id, documentId);
  if (!doc) throw new AppError('NOT_FOUND');
  await logPersonalDataRead(trx, actor, {
    entityType: 'allocation_application',
    entityId: id,
    purpose: 'allocation',
    details: { documentId },
  });
  return { fileName: doc.file_name, contentType: doc.content_type, content: Buffer.from(doc.content) };
}

// ---- waiting list ----

/** The waiting list's counts today: the whole list by target group, age, household, waiting time and priority. */
export async function waitingCounts(trx: Tx, actor: Actor): Promise<WaitingListCounts> {
  return (await repo.waitingPage(trx, actor.municipalityId, today(), {}, { limit: 0, offset: 0 })).counts;
}

/**
 * One page of the waiting list today, by priority then longest waiting, as the filters leave it,
 * with the counts of the whole list. Counting, filtering and ordering read the list's small
 * columns in SQL; the household facts (for the highest rent the household can pay) and the
 * citizen are read for the rows of the page only.
 */
export async function waitingList(
  trx: Tx,
  actor: Actor,
  q: WaitingListQuery & { page: number; pageSize: number },
) {
  const onDate = today();
  const m = actor.municipalityId;
  const filter = {
    targetGround: q.targetGround,
    ageBand: q.ageBand,
    householdSize: q.householdSize,
    waitingBand: q.waitingBand,
    priority: q.priority,
  };
  const settings = await getSettings(trx, actor);
  const { counts, matching, rows } = await repo.waitingPage(trx, m, onDate, filter, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const items = rows.map(
    (r): WaitingListItem => ({
      applicationId: r.id,
      citizenId: r.citizen_id,
      citizenName: nameOf(r),
      age: r.age,
      ageBand: WAITING_AGE_BANDS[r.age_band] as WaitingAgeBand,
      targetGrounds: json(r.target_grounds),
      householdSize: r.household_size,
      priority: r.priority,
      priorityReason: r.priority_reason ?? '',
      waitingSince: r.waiting_since,
      waitingDays: r.waiting_days,
      waitingBand: WAITING_BANDS[r.waiting_band] as WaitingBand,
      status: r.status as 'approved' | 'paused',
      pausedUntil: r.paused_until,
      roomsMin: r.rooms_min,
      roomsMax: r.rooms_max,
      maxRent: maxRentOf(r, settings, onDate),
      youthWish: r.youth_wish,
      hasLiveOffer: Number(r.live_offers ?? 0) > 0,
      refusals: r.refusals,
    }),
  );
  await audit(trx, actor, 'allocation.waiting_list_read', 'municipality', m, { count: matching });
  return { items, total: matching, page: q.page, pageSize: q.pageSize, counts };
}

export async function takeSnapshot(trx: Tx, actor: Actor, label: string): Promise<WaitingListSnapshot> {
  const counts = await waitingCounts(trx, actor);
  const { id } = await repo.insertSnapshot(trx, actor.municipalityId, {
    takenOn: today(),
    label,
    counts,
    userId: actor.userId,
  });
  await audit(trx, actor, 'allocation.snapshot', 'waiting_list_snapshot', id, { label });
  return (await listSnapshots(trx, actor)).find((s) => s.id === id) as WaitingListSnapshot;
}

export async function listSnapshots(trx: Tx, actor: Actor): Promise<WaitingListSnapshot[]> {
  return (await repo.snapshots(trx, actor.municipalityId)).map((s) => ({
    id: s.id,
    takenOn: s.taken_on,
    label: s.label,
    takenByName: s.display_name ?? '',
    counts: json(s.counts) as unknown as WaitingListCounts,
  }));
}

// ---- vacancies ----

function presentVacancy(
  v: repo.VacancyWithDepartment,
  offers: repo.OfferWithNames[],
  tenancies: repo.TenancyWithNames[],
  showNames: boolean,
): VacancyView {
  const end = v.status === 'returned' ? (v.returned_on ?? today()) : (tenancies[0]?.accepted_on ?? today());
  const emptyDays = Math.max(0, daysBetween(v.available_on, end < today() ? end : today()));
  const live = offers.find((o) => o.status === 'open');
  return {
    id: v.id,
    departmentId: v.department_id,
    address: v.address,
    unitType: v.unit_type,
    rooms: v.rooms,
    areaM2: num(v.area_m2),
    rent: num(v.rent),
    utilities: num(v.utilities),
    deposit: num(v.deposit),
    accessible: v.accessible,
    availableOn: v.available_on,
    origin: v.origin,
    deadlineOn: v.deadline_on,
    organisationId: v.organisation_id,
    organisationName: v.organisation_name,
    departmentNumber: v.department_number,
    departmentName: v.department_name,
    areaStatus: v.area_status,
    status: v.status,
    reportedVia: v.reported_via,
    reportedByName: v.reported_by_name ?? '',
    createdAt: isoDate(v.created_at),
    returnedOn: v.returned_on,
    returnedReason: v.returned_reason,
    returnedNote: v.returned_note,
    emptyDays,
    // The municipality pays the rent from when the unit is at its disposal until it is let (§ 59 stk. 1; domain.md §4).
    emptyRent: Math.round(((num(v.rent) * 12) / 365) * emptyDays),
    liveOffer: live ? presentOffer(live, showNames) : null,
    tenancy: tenancies[0] ? presentTenancy(tenancies[0], showNames) : null,
  };
}

async function presentVacancies(
  trx: Tx,
  actor: Actor,
  rows: repo.VacancyWithDepartment[],
  showNames: boolean,
) {
  const ids = rows.map((v) => v.id);
  const [offers, tenancies] = await Promise.all([
    repo.offersOf(trx, actor.municipalityId, { vacancyIds: ids }),
    repo.tenanciesOf(trx, actor.municipalityId, { vacancyIds: ids }),
  ]);
  return rows.map((v) =>
    presentVacancy(
      v,
      offers.filter((o) => o.vacancy_id === v.id),
      tenancies.filter((t) => t.vacancy_id === v.id),
      showNames,
    ),
  );
}

export async function createVacancy(
  trx: Tx,
  actor: Actor,
  input: VacancyBody,
  via: 'officer' | 'partner' | 'import',
  importKey: string | null = null,
): Promise<string | null> {
  const department =
    via === 'partner'
      ? (await repo.partnerDepartments(trx, actor.municipalityId, actor.userId)).find(
          (d) => d.id === input.departmentId,
        )
      : await repo.findDepartment(trx, actor.municipalityId, input.departmentId);
  if (!department)
    throw invalid([{ path: 'departmentId', code: via === 'partner' ? 'unknown_department' : 'unknown' }]);
  const settings = await getSettings(trx, actor);
  const deadlineOn = input.deadlineOn ?? addDays(input.availableOn, settings.nameDeadlineDays);
  if (deadlineOn < input.availableOn) throw invalid([{ path: 'deadlineOn', code: 'end_before_start' }]);
  const row = await repo.insertVacancy(trx, actor.municipalityId, {
    department_id: input.departmentId,
    address: input.address,
    unit_type: input.unitType,
    rooms: input.rooms,
    area_m2: input.areaM2,
    rent: input.rent,
    utilities: input.utilities,
    deposit: input.deposit,
    accessible: input.accessible,
    available_on: input.availableOn,
    origin: input.origin,
    deadline_on: deadlineOn,
    returned_on: null,
    returned_reason: null,
    returned_note: null,
    reported_via: via,
    reported_by: actor.userId,
    import_key: importKey,
  });
  if (!row) return null; // the same import row, already imported
  await audit(trx, actor, 'allocation.vacancy_create', 'vacancy', row.id, {
    via,
    departmentId: input.departmentId,
  });
  return row.id;
}

export async function getVacancy(trx: Tx, actor: Actor, id: string, partner = false): Promise<VacancyView> {
  const v = await repo.findVacancy(
    trx,
    actor.municipalityId,
    id,
    partner ? { partnerUserId: actor.userId } : {},
  );
  if (!v) throw new AppError('NOT_FOUND');
  return (await presentVacancies(trx, actor, [v], !partner))[0] as VacancyView;
}

export async function listVacancies(trx: Tx, actor: Actor, status: string | undefined, partner = false) {
  const rows = await repo.listVacancies(trx, actor.municipalityId, {
    ...(status ? { status } : {}),
    ...(partner ? { partnerUserId: actor.userId } : {}),
  });
  return presentVacancies(trx, actor, rows, !partner);
}

export async function partnerDepartments(trx: Tx, actor: Actor) {
  return (await repo.partnerDepartments(trx, actor.municipalityId, actor.userId)).map((d) => ({
    id: d.id,
    organisationName: d.organisation_name,
    number: d.number,
    name: d.name,
    address: d.address,
  }));
}

/** Gives an open unit back to the housing organisation unused, with the reason (reported at the dialogue meetings). */
export async function returnVacancy(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { reason: ReturnReason; note?: string | undefined; returnedOn?: string | undefined },
) {
  const v = await repo.findVacancy(trx, actor.municipalityId, id, { lock: true });
  if (!v) throw new AppError('NOT_FOUND');
  const returnedOn = input.returnedOn ?? today();
  if (returnedOn < v.available_on) throw invalid([{ path: 'returnedOn', code: 'end_before_start' }]);
  if (returnedOn > today()) throw invalid([{ path: 'returnedOn', code: 'future_date' }]);
  const offers = await repo.offersOf(trx, actor.municipalityId, { vacancyIds: [id] });
  if (offers.some((o) => o.status === 'open')) throw new AppError('OFFER_CONFLICT');
  const ok = await repo.setVacancyStatus(trx, actor.municipalityId, id, 'open', {
    status: 'returned',
    returned_on: returnedOn,
    returned_reason: input.reason,
    returned_note: input.note ?? null,
  });
  if (!ok) throw new AppError('VACANCY_NOT_OPEN');
  await audit(trx, actor, 'allocation.vacancy_return', 'vacancy', id, { reason: input.reason });
  return getVacancy(trx, actor, id);
}

// ---- candidate ranking and the fairness census ----

type HeavyFacts = Omit<ApplicationFacts, 'status' | 'pausedUntil' | 'liveOffers'>;
type Outcome = ReturnType<typeof assessCandidate>;

/**
 * Process-local caches for the ranking (ADR 0006), one set per municipality, so nothing ever
 * crosses tenants. Household facts are kept per application and `row_version`, the number the
 * database draws from a sequence on every insert and update of the row (migration 0007): the
 * version is read in the ranking's own transaction, so a fact is used only for the very row
 * state that transaction sees, whichever app instance wrote it. A rule outcome is kept per
 * vacancy context (the vacancy's facts, the policy and the date) × application version × live
 * offers, the whole input of `assessCandidate`. Other processes simply fill their own.
 */
interface TenantCaches {
  facts: Map<string, { version: number; facts: HeavyFacts }>;
  /** Per vacancy context: per application, the outcome for one version and live-offer count. */
  outcomes: Map<string, Map<string, { version: number; liveOffers: number; result: Outcome }>>;
}
const caches = new Map<string, TenantCaches>();
/**
 * The last ranking per municipality × vacancy × date × vacancy context (the vacancy's facts with
 * its area status on the date, and the policy: anything not an application's own row or offers),
 * with the waiting list's version it was ranked at, the least recently used dropped first.
 *
 * The list version is written in the same commit as any change to the municipality's applications
 * or offers, drawn under a row lock so that it grows in commit order, and the commit records, per
 * application it touched, that version (allocation_list_change, migrations 0007 and 0010). So a
 * ranking at version v is exactly the committed state up to v: a transaction that sees v takes it
 * as it is, and one that sees a later version reads only the applications changed after v, in one
 * statement that also reads the version it brings the ranking to, and merges them in. A memo is
 * shared and never changed after it is stored.
 */
interface Memo {
  listVersion: number;
  ranking: Ranking;
}
const rankings = new Map<string, Memo>();
const RANKINGS_LIMIT = 256;
const CACHE_LIMIT = 200_000;
const CONTEXT_LIMIT = 1000;

/**
 * How the process's rankings were answered: from a memo as it was (`memo`), from a memo and the
 * applications changed since (`changes`), or from the whole waiting list (`full`). For tests and
 * the benchmark, which check that the path they measure is the one taken.
 */
export const rankingReads = { memo: 0, changes: 0, full: 0 };

function cachesOf(municipalityId: string): TenantCaches {
  let c = caches.get(municipalityId);
  if (!c) {
    if (caches.size >= CONTEXT_LIMIT) caches.clear();
    c = { facts: new Map(), outcomes: new Map() };
    caches.set(municipalityId, c);
  }
  return c;
}

function outcomesOf(cache: TenantCaches, context: string) {
  if (cache.outcomes.size > CONTEXT_LIMIT) cache.outcomes.clear();
  let outcomes = cache.outcomes.get(context);
  if (!outcomes || outcomes.size > CACHE_LIMIT) {
    outcomes = new Map();
    cache.outcomes.set(context, outcomes);
  }
  return outcomes;
}

function heavyOf(r: repo.RankingFactsRow): HeavyFacts {
  const {
    status: _s,
    pausedUntil: _p,
    liveOffers: _l,
    ...facts
  } = factsOf({ ...r, status: 'approved', paused_until: null });
  return facts;
}

function rememberFacts(cache: TenantCaches['facts'], r: repo.RankingFactsRow) {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const entry = { version: r.row_version, facts: heavyOf(r) };
  cache.set(r.id, entry);
  return entry;
}

/**
 * Household facts of the given applications, each with the version it belongs to: from the cache
 * when it holds the wanted version, otherwise read. A row read can be newer than the version
 * wanted (it changed after the heads were read, in a later statement); the caller sees that by
 * the version.
 */
async function heavyFacts(
  trx: Tx,
  municipalityId: string,
  cache: TenantCaches['facts'],
  wanted: readonly repo.RankingHead[],
) {
  const found = new Map<string, { version: number; facts: HeavyFacts }>();
  const stale: string[] = [];
  for (const h of wanted) {
    const hit = cache.get(h.id);
    if (hit?.version === h.row_version) found.set(h.id, hit);
    else stale.push(h.id);
  }
  if (stale.length > 0)
    for (const r of await repo.rankingFacts(trx, municipalityId, stale))
      found.set(r.id, rememberFacts(cache, r));
  return found;
}

/** Days since 1970-01-01 of an åååå-mm-dd date (integer arithmetic, no parsing). */
const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** One waiting application as the ranking places it: the order, the outcome and every rule's result. */
export interface RankedApplication {
  /** The application. */
  id: string;
  priority: Priority | null;
  waitingSince: string | null;
  waitingDays: number;
  /** 1-based rank among the eligible; null for the excluded. */
  rank: number | null;
  eligible: boolean;
  checks: Check[];
}

export interface Ranking {
  vacancyId: string;
  onDate: string;
  areaStatus: AreaStatus | null;
  eligibleCount: number;
  excludedCount: number;
  eligible: RankedApplication[];
  excluded: RankedApplication[];
}

/**
 * The ranking of applications in `compareCandidates` order: the eligible numbered from 1, the
 * excluded after them. An entry whose rank is already right is kept as it is (a memo's entries are
 * shared); others are copied.
 */
function rankingOf(v: repo.VacancyWithDepartment, onDate: string, ordered: readonly RankedApplication[]) {
  const eligible: RankedApplication[] = [];
  const excluded: RankedApplication[] = [];
  for (const c of ordered) {
    if (c.eligible) {
      const rank = eligible.length + 1;
      eligible.push(c.rank === rank ? c : { ...c, rank });
    } else excluded.push(c.rank === null ? c : { ...c, rank: null });
  }
  const ranking: Ranking = {
    vacancyId: v.id,
    onDate,
    areaStatus: v.area_status,
    eligibleCount: eligible.length,
    excludedCount: excluded.length,
    eligible,
    excluded,
  };
  return ranking;
}

/**
 * A ranking with the changed applications taken out and their new places merged in: both lists
 * are in `compareCandidates` order (a total order: ids break ties), so the result is the order a
 * full sort gives.
 */
function mergeChanges(before: Ranking, changed: ReadonlySet<string>, fresh: RankedApplication[]) {
  fresh.sort(compareCandidates);
  const ordered: RankedApplication[] = [];
  let j = 0;
  for (const list of [before.eligible, before.excluded])
    for (const c of list) {
      if (changed.has(c.id)) continue;
      while (j < fresh.length && compareCandidates(fresh[j] as RankedApplication, c) < 0)
        ordered.push(fresh[j++] as RankedApplication);
      ordered.push(c);
    }
  while (j < fresh.length) ordered.push(fresh[j++] as RankedApplication);
  return ordered;
}

/** Keeps a ranking unless a later one of the same key is already kept. */
function remember(key: string, listVersion: number, ranking: Ranking) {
  const kept = rankings.get(key);
  if (kept && kept.listVersion > listVersion) return;
  rankings.delete(key);
  rankings.set(key, { listVersion, ranking });
  if (rankings.size > RANKINGS_LIMIT) rankings.delete(rankings.keys().next().value as string);
}

/** Every waiting application against one vacancy, rule by rule, ranked (issue 5 §5). */
export async function rankCandidates(
  trx: Tx,
  actor: Pick<Actor, 'municipalityId'>,
  v: repo.VacancyWithDepartment,
  opts: {
    /** The policy, when the caller has read it already. */
    policy?: AllocationSettings | undefined;
    /**
     * The waiting list's version (`allocation_list_version`) as this transaction sees it, given
     * only while the transaction has written nothing, so that it sees only committed rows: then
     * the ranking may come from, and go to, the process's memo of rankings.
     */
    listVersion?: number | null | undefined;
  } = {},
): Promise<Ranking> {
  const onDate = today();
  const m = actor.municipalityId;
  const settings = opts.policy ?? (await getSettings(trx, actor));
  const cache = cachesOf(m);
  const vacancy = {
    departmentId: v.department_id,
    unitType: v.unit_type,
    rooms: v.rooms,
    rent: num(v.rent),
    utilities: num(v.utilities),
    accessible: v.accessible,
    // The rules are tested on the date the unit is available (or today, if that has passed).
    availableOn: v.available_on > onDate ? v.available_on : onDate,
    areaStatus: v.area_status,
  };
  // Everything a ranking depends on besides the applications and their offers: the vacancy's facts
  // (its area status on the date among them), the policy and the date (live offers on the vacancy
  // itself do not count; waiting days run to today).
  const context = JSON.stringify([vacancy, settings]);
  const memoKey =
    opts.listVersion === null || opts.listVersion === undefined ? null : `${m}|${v.id}|${onDate}|${context}`;
  const memo = memoKey === null ? undefined : rankings.get(memoKey);
  if (memo && memo.listVersion === opts.listVersion) {
    rankings.delete(memoKey as string);
    rankings.set(memoKey as string, memo);
    rankingReads.memo++;
    return memo.ranking;
  }
  const outcomes = outcomesOf(cache, context);
  const today0 = dayNumber(onDate);
  const placed = (r: repo.RankingHead, result: Outcome): RankedApplication => ({
    id: r.id,
    priority: r.priority,
    waitingSince: r.waiting_since,
    waitingDays: r.waiting_since ? Math.max(0, today0 - dayNumber(r.waiting_since)) : 0,
    rank: null,
    eligible: result.eligible,
    checks: result.checks,
  });
  const cachedOutcome = (r: repo.RankingHead) => {
    const cached = outcomes.get(r.id);
    return cached && cached.version === r.row_version && cached.liveOffers === Number(r.live_offers ?? 0)
      ? cached.result
      : undefined;
  };
  const assess = (r: repo.RankingHead, facts: HeavyFacts, keep: boolean) => {
    const liveOffers = Number(r.live_offers ?? 0);
    const result = assessCandidate(
      { ...facts, status: r.status, pausedUntil: r.paused_until, liveOffers },
      vacancy,
      settings,
    );
    if (keep) outcomes.set(r.id, { version: r.row_version, liveOffers, result });
    return result;
  };

  if (memo && memoKey !== null) {
    // The list moved on since the memo: read what changed after it, with the version it brings.
    const { listVersion, changes } = await repo.rankingChanges(trx, m, v.id, memo.listVersion);
    // (A snapshot older than the memo's, which a clean transaction does not see, ranks in full below.)
    if (listVersion >= memo.listVersion) {
      rankingReads.changes++;
      if (changes.length === 0) {
        remember(memoKey, listVersion, memo.ranking);
        return memo.ranking;
      }
      const changed = new Set<string>();
      const fresh: RankedApplication[] = [];
      for (const r of changes) {
        changed.add(r.id);
        // Left the waiting list, or no longer there at all: it is only taken out.
        if (r.status === null || !WAITING_STATUSES.includes(r.status)) continue;
        // The facts came in the same row, from the same snapshot as the head.
        const known = cache.facts.get(r.id);
        const facts = known?.version === r.row_version ? known.facts : rememberFacts(cache.facts, r).facts;
        fresh.push(placed(r, cachedOutcome(r) ?? assess(r, facts, true)));
      }
      const ranking = rankingOf(v, vacancy.availableOn, mergeChanges(memo.ranking, changed, fresh));
      remember(memoKey, listVersion, ranking);
      return ranking;
    }
  }

  rankingReads.full++;
  const { listVersion, heads } = await repo.rankingHeads(trx, m, v.id);
  const ordered: RankedApplication[] = [];
  const unassessed: repo.RankingHead[] = [];
  for (const r of heads) {
    const result = cachedOutcome(r);
    if (result) ordered.push(placed(r, result));
    else unassessed.push(r);
  }
  // Whether every outcome belongs to the one state the heads were read in.
  let consistent = true;
  if (unassessed.length > 0) {
    const facts = await heavyFacts(trx, m, cache.facts, unassessed);
    for (const r of unassessed) {
      const f = facts.get(r.id);
      // Changed (or gone) since the heads were read, by a commit in between: ranked on what it is
      // now, but neither that outcome nor this ranking is kept.
      if (f?.version !== r.row_version) consistent = false;
      if (f) ordered.push(placed(r, assess(r, f.facts, f.version === r.row_version)));
    }
  }
  ordered.sort(compareCandidates);
  const ranking = rankingOf(v, vacancy.availableOn, ordered);
  if (memoKey !== null && consistent) remember(memoKey, listVersion, ranking);
  return ranking;
}

async function storeCensus(trx: Tx, municipalityId: string, list: Ranking, date: string) {
  await repo.insertCensus(
    trx,
    municipalityId,
    { vacancyId: list.vacancyId, date, excludedCount: list.excludedCount },
    list.eligible.map((c) => ({
      applicationId: c.id,
      rank: c.rank ?? 0,
      priority: c.priority,
      waitingDays: c.waitingDays,
    })),
  );
}

/** How much of each list an answer shows (the web asks for more as the officer reads on). */
export const CANDIDATE_PAGE = 25;

/**
 * The candidate list of a vacancy: both counts, the first `eligibleLimit` of the eligible with
 * every rule, and the first `excludedLimit` of the excluded with the rules they fail ("why not").
 */
export async function candidates(
  trx: Tx,
  actor: Actor,
  vacancyId: string,
  limits: { eligibleLimit?: number; excludedLimit?: number } = {},
): Promise<CandidateList> {
  const m = actor.municipalityId;
  const date = today();
  const v = await repo.findVacancyToRank(trx, m, vacancyId, date);
  if (!v) throw new AppError('NOT_FOUND');
  const list = await rankCandidates(trx, actor, v, {
    policy: settingsOf(v.stored_settings === null ? null : json(v.stored_settings)),
    listVersion: v.list_clean ? Number(v.list_version) : null,
  });
  if (v.status === 'open' && !v.census_taken) await storeCensus(trx, m, list, date);
  const eligible = list.eligible.slice(0, limits.eligibleLimit ?? CANDIDATE_PAGE);
  const excluded = list.excluded.slice(0, limits.excludedLimit ?? CANDIDATE_PAGE);
  const details = await repo.rankingDetails(trx, m, [
    ...eligible.map((c) => c.id),
    ...excluded.map((c) => c.id),
  ]);
  const card = (c: RankedApplication, checks: Check[]): Candidate => {
    const d = details.get(c.id);
    return {
      applicationId: c.id,
      citizenId: d?.citizen_id ?? '',
      citizenName: d ? nameOf(d) : '',
      priority: c.priority,
      priorityReason: d?.priority_reason ?? null,
      waitingSince: c.waitingSince,
      waitingDays: c.waitingDays,
      householdSize: d?.household_size ?? 0,
      rank: c.rank,
      eligible: c.eligible,
      checks,
    };
  };
  // Last, so that the municipality's audit chain is held only until the commit that follows.
  await audit(trx, actor, 'allocation.candidates_read', 'vacancy', vacancyId, {
    eligible: list.eligibleCount,
  });
  return {
    vacancyId: list.vacancyId,
    onDate: list.onDate,
    areaStatus: list.areaStatus,
    eligibleCount: list.eligibleCount,
    excludedCount: list.excludedCount,
    eligible: eligible.map((c) => card(c, c.checks)),
    // "Why not": the excluded carry the rules they fail; the rules they pass add nothing to the answer.
    excluded: excluded.map((c) =>
      card(
        c,
        c.checks.filter((k) => k.outcome === 'fail'),
      ),
    ),
  };
}

/** Today's census for every open vacancy that has none yet (run by the daily job and on demand). */
export async function takeCensus(trx: Tx, municipalityId: string, date = today()): Promise<number> {
  const open = await repo.listVacancies(trx, municipalityId, { status: 'open' });
  let taken = 0;
  for (const v of open) {
    if (await repo.censusTaken(trx, municipalityId, v.id, date)) continue;
    await storeCensus(trx, municipalityId, await rankCandidates(trx, { municipalityId }, v), date);
    taken++;
  }
  return taken;
}

export async function censusDay(trx: Tx, actor: Actor, date: string): Promise<CensusDay> {
  if (date === today()) await takeCensus(trx, actor.municipalityId, date);
  const [runs, entries] = await Promise.all([
    repo.censusRuns(trx, actor.municipalityId, date),
    repo.censusEntries(trx, actor.municipalityId, date),
  ]);
  await audit(trx, actor, 'allocation.census_read', 'municipality', actor.municipalityId, { date });
  return {
    date,
    vacancies: runs.map((r) => ({
      vacancyId: r.vacancy_id,
      address: r.address,
      departmentName: r.department_name,
      eligibleCount: r.eligible_count,
      excludedCount: r.excluded_count,
      candidates: entries
        .filter((e) => e.vacancy_id === r.vacancy_id)
        .map((e) => ({
          rank: e.rank,
          applicationId: e.application_id,
          citizenName: nameOf(e),
          priority: e.priority,
          waitingDays: e.waiting_days,
        })),
    })),
  };
}

// ---- offers and tenancies ----

/** Offers a vacancy to an eligible applicant. One live offer per vacancy; the second officer gets a conflict. */
export async function makeOffer(
  trx: Tx,
  actor: Actor,
  vacancyId: string,
  input: { applicationId: string; replyBy?: string | undefined },
) {
  const v = await repo.findVacancy(trx, actor.municipalityId, vacancyId, { lock: true });
  if (!v) throw new AppError('NOT_FOUND');
  if (v.status !== 'open') throw new AppError('VACANCY_NOT_OPEN');
  const settings = await getSettings(trx, actor);
  const replyBy = input.replyBy ?? addDays(today(), settings.replyDays);
  if (replyBy < today()) throw invalid([{ path: 'replyBy', code: 'future_date_required' }]);
  const app = await repo.findApplication(trx, actor.municipalityId, input.applicationId, true);
  if (!app) throw invalid([{ path: 'applicationId', code: 'unknown' }]);
  if (app.status !== 'approved') throw new AppError('APPLICATION_NOT_ON_LIST');
  const live = Number((await repo.liveOfferCount(trx, actor.municipalityId, app.id)).n);
  if (live >= settings.maxLiveOffers) throw new AppError('APPLICANT_HAS_LIVE_OFFER');
  const list = await rankCandidates(trx, actor, v, { policy: settings });
  const candidate = list.eligible.find((c) => c.id === app.id);
  if (!candidate) {
    const reasons = list.excluded
      .find((c) => c.id === app.id)
      ?.checks.filter((c) => c.outcome === 'fail')
      .map((c) => c.key)
      .join(', ');
    throw new AppError('CANDIDATE_NOT_ELIGIBLE', { params: { reasons: reasons ?? '' } });
  }
  let offerId: string;
  try {
    ({ id: offerId } = await repo.insertOffer(trx, actor.municipalityId, {
      vacancyId,
      applicationId: app.id,
      replyBy,
      userId: actor.userId,
    }));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('OFFER_CONFLICT');
    throw error;
  }
  await audit(trx, actor, 'allocation.offer_make', 'offer', offerId, {
    vacancyId,
    applicationId: app.id,
    rank: candidate.rank,
  });
  return presentOffer((await repo.findOffer(trx, actor.municipalityId, offerId)) as repo.OfferWithNames);
}

async function openOffer(trx: Tx, actor: Actor, id: string) {
  const offer = await repo.findOffer(trx, actor.municipalityId, id);
  if (!offer) throw new AppError('NOT_FOUND');
  if (offer.status !== 'open') throw new AppError('OFFER_NOT_OPEN');
  return offer;
}

/**
 * The applicant accepts: the offer closes, the vacancy is let and a tenancy begins — all or
 * nothing. Of concurrent accepts exactly one wins; the others find the offer answered.
 */
export async function acceptOffer(
  trx: Tx,
  actor: Actor,
  id: string,
  input: AcceptInput,
): Promise<TenancyView> {
  const offer = await openOffer(trx, actor, id);
  if (input.leaseSignedOn && input.leaseSignedOn > today())
    throw invalid([{ path: 'leaseSignedOn', code: 'future_date' }]);
  if (!(await repo.closeOffer(trx, actor.municipalityId, id, { status: 'accepted' }, actor.userId)))
    throw new AppError('OFFER_NOT_OPEN');
  if (!(await repo.setVacancyStatus(trx, actor.municipalityId, offer.vacancy_id, 'open', { status: 'let' })))
    throw new AppError('VACANCY_NOT_OPEN');
  let tenancyId: string;
  try {
    ({ id: tenancyId } = await repo.insertTenancy(trx, actor.municipalityId, {
      vacancy_id: offer.vacancy_id,
      offer_id: id,
      application_id: offer.application_id,
      citizen_id: offer.citizen_id,
      accepted_on: today(),
      lease_signed_on: input.leaseSignedOn ?? null,
      planned_move_in_on: input.plannedMoveInOn ?? null,
      moved_in_on: null,
    }));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('OFFER_CONFLICT');
    throw error;
  }
  await audit(trx, actor, 'allocation.offer_accept', 'offer', id, { vacancyId: offer.vacancy_id, tenancyId });
  if (input.leaseSignedOn) await audit(trx, actor, 'allocation.lease_signed', 'tenancy', tenancyId);
  return presentTenancy(
    (await repo.findTenancy(trx, actor.municipalityId, tenancyId)) as repo.TenancyWithNames,
  );
}

/** A refusal without reasonable cause counts; at the limit the configured consequence follows (domain.md rule 25). */
async function countRefusal(trx: Tx, actor: Actor, applicationId: string, settings: AllocationSettings) {
  const app = await loadApplication(trx, actor, applicationId, true);
  const refusals = app.refusals + 1;
  await repo.updateApplication(trx, actor.municipalityId, app.id, { refusals });
  await repo.insertEvent(trx, actor.municipalityId, {
    applicationId: app.id,
    action: 'refusal',
    fromStatus: app.status,
    toStatus: app.status,
    reason: `${refusals}/${settings.refusalLimit}`,
    userId: actor.userId,
  });
  if (refusals < settings.refusalLimit || settings.refusalConsequence === 'warn') return;
  const action = settings.refusalConsequence === 'remove' ? 'remove' : 'pause';
  if (!nextStatus(app.status, action)) return;
  await transition(
    trx,
    actor,
    { ...app, refusals },
    action,
    `refusal_limit:${refusals}`,
    action === 'pause' ? { paused_until: addDays(today(), settings.pauseDays) } : {},
  );
}

export async function declineOffer(
  trx: Tx,
  actor: Actor,
  id: string,
  input: DeclineInput,
): Promise<OfferView> {
  const offer = await openOffer(trx, actor, id);
  const settings = await getSettings(trx, actor);
  const counts = settings.refusalReasons.includes(input.reason);
  if (
    !(await repo.closeOffer(
      trx,
      actor.municipalityId,
      id,
      {
        status: 'declined',
        decline_reason: input.reason,
        counts_as_refusal: counts,
        note: input.note ?? null,
      },
      actor.userId,
    ))
  )
    throw new AppError('OFFER_NOT_OPEN');
  await audit(trx, actor, 'allocation.offer_decline', 'offer', id, {
    reason: input.reason,
    countsAsRefusal: counts,
  });
  if (counts) await countRefusal(trx, actor, offer.application_id, settings);
  return presentOffer((await repo.findOffer(trx, actor.municipalityId, id)) as repo.OfferWithNames);
}

export async function expireOffer(trx: Tx, actor: Actor, id: string): Promise<OfferView> {
  const offer = await openOffer(trx, actor, id);
  if (offer.reply_by >= today())
    throw new AppError('OFFER_DEADLINE_NOT_PASSED', { params: { replyBy: offer.reply_by } });
  const settings = await getSettings(trx, actor);
  const counts = settings.noReplyCountsAsRefusal;
  if (
    !(await repo.closeOffer(
      trx,
      actor.municipalityId,
      id,
      { status: 'expired', counts_as_refusal: counts },
      actor.userId,
    ))
  )
    throw new AppError('OFFER_NOT_OPEN');
  await audit(trx, actor, 'allocation.offer_expire', 'offer', id, { countsAsRefusal: counts });
  if (counts) await countRefusal(trx, actor, offer.application_id, settings);
  return presentOffer((await repo.findOffer(trx, actor.municipalityId, id)) as repo.OfferWithNames);
}

export async function withdrawOffer(
  trx: Tx,
  actor: Actor,
  id: string,
  note: string | undefined,
): Promise<OfferView> {
  await openOffer(trx, actor, id);
  if (
    !(await repo.closeOffer(
      trx,
      actor.municipalityId,
      id,
      { status: 'withdrawn', note: note ?? null },
      actor.userId,
    ))
  )
    throw new AppError('OFFER_NOT_OPEN');
  await audit(trx, actor, 'allocation.offer_withdraw', 'offer', id);
  return presentOffer((await repo.findOffer(trx, actor.municipalityId, id)) as repo.OfferWithNames);
}

export async function offerLetterData(trx: Tx, actor: Actor, id: string) {
  const offer = await repo.findOffer(trx, actor.municipalityId, id);
  if (!offer) throw new AppError('NOT_FOUND');
  const v = await repo.findVacancy(trx, actor.municipalityId, offer.vacancy_id);
  const app = await loadApplication(trx, actor, offer.application_id);
  await logPersonalDataRead(trx, actor, {
    entityType: 'offer',
    entityId: id,
    purpose: 'allocation',
    details: { letter: true },
  });
  return {
    offer,
    vacancy: v as repo.VacancyWithDepartment,
    application: app,
    settings: await getSettings(trx, actor),
  };
}

export async function decisionLetterData(trx: Tx, actor: Actor, id: string) {
  const app = await loadApplication(trx, actor, id);
  const events = await repo.events(trx, actor.municipalityId, [id]);
  const decision = [...events]
    .reverse()
    .find((e) => ['approve', 'reject', 'request_info'].includes(e.action));
  if (!decision) throw new AppError('NOT_FOUND');
  await logPersonalDataRead(trx, actor, {
    entityType: 'allocation_application',
    entityId: id,
    purpose: 'allocation',
    details: { letter: true },
  });
  return { application: app, decision };
}

export async function signLease(trx: Tx, actor: Actor, id: string, signedOn: string): Promise<TenancyView> {
  const t = await repo.findTenancy(trx, actor.municipalityId, id, true);
  if (!t) throw new AppError('NOT_FOUND');
  if (signedOn > today()) throw invalid([{ path: 'signedOn', code: 'future_date' }]);
  if (t.moved_in_on) throw new AppError('TENANCY_ALREADY_MOVED_IN');
  await repo.updateTenancy(trx, actor.municipalityId, id, { lease_signed_on: signedOn });
  await audit(trx, actor, 'allocation.lease_signed', 'tenancy', id, { signedOn });
  return presentTenancy((await repo.findTenancy(trx, actor.municipalityId, id)) as repo.TenancyWithNames);
}

/** The citizen has moved in: whereabouts becomes own home from that day and the application is closed as housed. */
export async function moveIn(trx: Tx, actor: Actor, id: string, movedInOn: string): Promise<TenancyView> {
  const t = await repo.findTenancy(trx, actor.municipalityId, id, true);
  if (!t) throw new AppError('NOT_FOUND');
  if (movedInOn > today()) throw invalid([{ path: 'movedInOn', code: 'future_date' }]);
  if (t.moved_in_on) throw new AppError('TENANCY_ALREADY_MOVED_IN');
  if (!t.lease_signed_on) throw new AppError('TENANCY_LEASE_MISSING');
  if (movedInOn < t.lease_signed_on) throw invalid([{ path: 'movedInOn', code: 'before_from' }]);
  await repo.updateTenancy(trx, actor.municipalityId, id, { moved_in_on: movedInOn });
  await addEpisode(trx, actor, t.citizen_id, {
    situation: 'housed',
    fromDate: movedInOn,
    hasContract: true,
    note: null,
  });
  const app = await loadApplication(trx, actor, t.application_id, true);
  if (nextStatus(app.status, 'house')) {
    await transition(trx, actor, app, 'house', null);
    await withdrawOpenOffers(trx, actor, app.id);
  }
  await audit(trx, actor, 'allocation.moved_in', 'tenancy', id, { movedInOn });
  return presentTenancy((await repo.findTenancy(trx, actor.municipalityId, id)) as repo.TenancyWithNames);
}

// ---- what other modules read ----

/** Received, used and returned units per department for the housing module's dialogue report (issue 5 §8). */
export async function receivedUnits(
  trx: Tx,
  municipalityId: string,
  organisationId: string,
  from: string,
  to: string,
) {
  const rows = await repo.vacancyFigures(trx, municipalityId, organisationId, from, to);
  const perDepartment = new Map<string, { received: number; used: number; returnedUnused: number }>();
  const reasons = new Map<string, number>();
  for (const r of rows) {
    const d = perDepartment.get(r.department_id) ?? { received: 0, used: 0, returnedUnused: 0 };
    d.received += r.n;
    if (r.status === 'let') d.used += r.n;
    if (r.status === 'returned') {
      d.returnedUnused += r.n;
      const reason = r.returned_reason ?? 'other';
      reasons.set(reason, (reasons.get(reason) ?? 0) + r.n);
    }
    perDepartment.set(r.department_id, d);
  }
  return { perDepartment, reasons: [...reasons].map(([reason, count]) => ({ reason, count })) };
}

/** Waiting-list applicants in the reduced-function target group, longest waiting first (issue 4 §7: use the two lists together). */
export async function reducedFunctionApplicants(trx: Tx, municipalityId: string) {
  return (await repo.reducedFunctionApplicants(trx, municipalityId)).map((r) => ({
    applicationId: r.id,
    citizenId: r.citizen_id,
    citizenName: nameOf(r),
    householdSize: r.household_size,
    priority: r.priority,
    waitingSince: r.waiting_since,
    status: r.status,
  }));
}

export type { ApplicationInput, VacancyInput };
