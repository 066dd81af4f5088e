import type { ApplicationDetail, AssessmentInput } from '../../../shared/allocation/api';
import type { ApplicationAction } from '../../../shared/allocation/model';
import { allowedActions, nextStatus } from '../../../shared/allocation/status';
import { addDays, today } from '../../../shared/dates';
import { isUniqueViolation, type Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit, logPersonalDataRead } from '../../platform/audit';
import * as applicationsRepo from './allocation.applications.repository';
import * as offersRepo from './allocation.offers.repository';
import { assertMayTake, assertMayUpdateApplication, mayTake } from './allocation.policy';
import {
  invalid,
  isoDate,
  maxRentOf,
  membersOf,
  type Problem,
  presentOffer,
  presentSummary,
  presentTenancy,
} from './allocation.present';
import { departmentsByNumber, json, num } from './allocation.repository';
import type { ApplicationBody } from './allocation.schema';
import { getSettings } from './allocation.settings.service';
import type { ApplicationRow } from './allocation.table';

/**
 * Applications (issue 5 §1–2): the caseworker's recommendation with every household fact, the
 * officer's assessment through the status machine, the caseworker's steps, documents and the
 * decision letter. Each step leaves an application event and an audit entry in its transaction.
 */

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
  const known = new Set((await departmentsByNumber(trx, actor.municipalityId)).map((d) => d.id));
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
  const citizen = await applicationsRepo.findCitizen(trx, actor.municipalityId, input.citizenId);
  if (!citizen || citizen.merged_into) throw invalid([{ path: 'citizenId', code: 'unknown' }]);
  const open = await applicationsRepo.openApplicationOf(trx, actor.municipalityId, input.citizenId);
  if (open) throw new AppError('APPLICATION_EXISTS', { params: { applicationId: open.id } });
  let id: string;
  try {
    ({ id } = await applicationsRepo.insertApplication(trx, actor.municipalityId, {
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
  await applicationsRepo.insertEvent(trx, actor.municipalityId, {
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

export async function loadApplication(trx: Tx, actor: Actor, id: string, lock = false) {
  const row = await applicationsRepo.findApplication(trx, actor.municipalityId, id, lock);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function updateApplication(trx: Tx, actor: Actor, id: string, input: ApplicationBody) {
  const row = await loadApplication(trx, actor, id, true);
  if (row.citizen_id !== input.citizenId) throw invalid([{ path: 'citizenId', code: 'citizen_changed' }]);
  assertMayUpdateApplication(row.status);
  const problems = [...applicationProblems(input), ...(await checkDepartments(trx, actor, input))];
  if (problems.length) throw invalid(problems);
  await applicationsRepo.updateApplication(trx, actor.municipalityId, id, applicationValues(input));
  await applicationsRepo.insertEvent(trx, actor.municipalityId, {
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

/** Moves an application through its status machine, with the event and the audit entry in the same transaction. */
export async function transition(
  trx: Tx,
  actor: Actor,
  row: ApplicationRow,
  action: ApplicationAction,
  reason: string | null,
  extra: Parameters<typeof applicationsRepo.updateApplication>[3] = {},
) {
  const to = nextStatus(row.status, action);
  if (!to) throw new AppError('APPLICATION_TRANSITION_NOT_ALLOWED', { params: { from: row.status, action } });
  await applicationsRepo.updateApplication(trx, actor.municipalityId, row.id, { ...extra, status: to });
  await applicationsRepo.insertEvent(trx, actor.municipalityId, {
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
  assertMayTake(actor, input.action);
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
  assertMayTake(actor, action);
  await transition(trx, actor, row, action, reason, action === 'resubmit' ? { info_request: null } : {});
  if (action === 'withdraw') await withdrawOpenOffers(trx, actor, id);
  return getApplication(trx, actor, id, false);
}

export async function withdrawOpenOffers(trx: Tx, actor: Actor, applicationId: string) {
  for (const o of await offersRepo.offersOf(trx, actor.municipalityId, { applicationIds: [applicationId] }))
    if (o.status === 'open')
      await offersRepo.closeOffer(
        trx,
        actor.municipalityId,
        o.id,
        { status: 'withdrawn', note: 'application closed' },
        actor.userId,
      );
}

export async function listApplications(
  trx: Tx,
  actor: Actor,
  query: { status?: string; citizenId?: string },
) {
  const rows = await applicationsRepo.listApplications(trx, actor.municipalityId, {
    ...(query.status ? { status: query.status } : {}),
    ...(query.citizenId ? { citizenIds: [query.citizenId] } : {}),
  });
  return rows.map(presentSummary);
}

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
    applicationsRepo.events(trx, m, [id]),
    offersRepo.offersOf(trx, m, { applicationIds: [id] }),
    offersRepo.tenanciesOf(trx, m, { applicationIds: [id] }),
    applicationsRepo.documents(trx, m, id),
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
  const doc = await applicationsRepo.insertDocument(trx, actor.municipalityId, {
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
  const doc = await applicationsRepo.documentContent(trx, actor.municipalityId, id, documentId);
  if (!doc) throw new AppError('NOT_FOUND');
  await logPersonalDataRead(trx, actor, {
    entityType: 'allocation_application',
    entityId: id,
    purpose: 'allocation',
    details: { documentId },
  });
  return { fileName: doc.file_name, contentType: doc.content_type, content: Buffer.from(doc.content) };
}

export async function decisionLetterData(trx: Tx, actor: Actor, id: string) {
  const app = await loadApplication(trx, actor, id);
  const events = await applicationsRepo.events(trx, actor.municipalityId, [id]);
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
