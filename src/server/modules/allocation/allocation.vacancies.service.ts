import type { DuplicateVacancy, VacancyView } from '../../../shared/allocation/api';
import type { ReturnReason } from '../../../shared/allocation/model';
import { addDays, danishDateOf, today } from '../../../shared/dates';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { emptyRentOf } from './allocation.empty-rent.service';
import * as offersRepo from './allocation.offers.repository';
import { invalid, isoDate, presentOffer, presentTenancy } from './allocation.present';
import { findDepartment, num, partnerDepartments as partnerDepartmentsOf } from './allocation.repository';
import type { PartnerCorrectionBody, VacancyBody } from './allocation.schema';
import { getSettings } from './allocation.settings.service';
import * as vacanciesRepo from './allocation.vacancies.repository';

/** Vacancies (issue 5 §4): recorded by the officer, reported by a housing organisation or imported; returned unused with a reason; the figures of the dialogue report. */

function presentVacancy(
  v: vacanciesRepo.VacancyWithDepartment,
  offers: offersRepo.OfferWithNames[],
  tenancies: offersRepo.TenancyWithNames[],
  showNames: boolean,
): VacancyView {
  // The municipality pays the rent from when the unit is at its disposal until it is let (§ 59 stk. 1; domain.md §4).
  const empty = emptyRentOf({ ...v, accepted_on: tenancies[0]?.accepted_on ?? null });
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
    withdrawnOn: v.withdrawn_on,
    withdrawnReason: v.withdrawn_reason,
    correctedAt: v.corrected_at ? isoDate(v.corrected_at) : null,
    offerMade: offers.length > 0,
    emptyDays: empty.days,
    emptyRent: empty.rent,
    liveOffer: live ? presentOffer(live, showNames) : null,
    tenancy: tenancies[0] ? presentTenancy(tenancies[0], showNames) : null,
  };
}

async function presentVacancies(
  trx: Tx,
  actor: Actor,
  rows: vacanciesRepo.VacancyWithDepartment[],
  showNames: boolean,
) {
  const ids = rows.map((v) => v.id);
  const [offers, tenancies] = await Promise.all([
    offersRepo.offersOf(trx, actor.municipalityId, { vacancyIds: ids }),
    offersRepo.tenanciesOf(trx, actor.municipalityId, { vacancyIds: ids }),
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
      ? (await partnerDepartmentsOf(trx, actor.municipalityId, actor.userId)).find(
          (d) => d.id === input.departmentId,
        )
      : await findDepartment(trx, actor.municipalityId, input.departmentId);
  if (!department)
    throw invalid([{ path: 'departmentId', code: via === 'partner' ? 'unknown_department' : 'unknown' }]);
  const settings = await getSettings(trx, actor);
  const deadlineOn = input.deadlineOn ?? addDays(input.availableOn, settings.nameDeadlineDays);
  if (deadlineOn < input.availableOn) throw invalid([{ path: 'deadlineOn', code: 'end_before_start' }]);
  const row = await vacanciesRepo.insertVacancy(trx, actor.municipalityId, {
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
  const v = await vacanciesRepo.findVacancy(
    trx,
    actor.municipalityId,
    id,
    partner ? { partnerUserId: actor.userId } : {},
  );
  if (!v) throw new AppError('NOT_FOUND');
  return (await presentVacancies(trx, actor, [v], !partner))[0] as VacancyView;
}

export async function listVacancies(trx: Tx, actor: Actor, status: string | undefined, partner = false) {
  const rows = await vacanciesRepo.listVacancies(trx, actor.municipalityId, {
    ...(status ? { status } : {}),
    ...(partner ? { partnerUserId: actor.userId } : {}),
  });
  return presentVacancies(trx, actor, rows, !partner);
}

export async function partnerDepartments(trx: Tx, actor: Actor) {
  return (await partnerDepartmentsOf(trx, actor.municipalityId, actor.userId)).map((d) => ({
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
  const v = await vacanciesRepo.findVacancy(trx, actor.municipalityId, id, { lock: true });
  if (!v) throw new AppError('NOT_FOUND');
  const returnedOn = input.returnedOn ?? today();
  if (returnedOn < v.available_on) throw invalid([{ path: 'returnedOn', code: 'end_before_start' }]);
  if (returnedOn > today()) throw invalid([{ path: 'returnedOn', code: 'future_date' }]);
  const offers = await offersRepo.offersOf(trx, actor.municipalityId, { vacancyIds: [id] });
  if (offers.some((o) => o.status === 'open')) throw new AppError('OFFER_CONFLICT');
  const ok = await vacanciesRepo.setVacancyStatus(trx, actor.municipalityId, id, 'open', {
    status: 'returned',
    returned_on: returnedOn,
    returned_reason: input.reason,
    returned_note: input.note ?? null,
  });
  if (!ok) throw new AppError('VACANCY_NOT_OPEN');
  await audit(trx, actor, 'allocation.vacancy_return', 'vacancy', id, { reason: input.reason });
  return getVacancy(trx, actor, id);
}

// ---- the housing organisation's report: duplicates, withdrawal and correction (issue 14 §3) ----

/** An address as a duplicate check compares it: case, punctuation and spacing do not count. */
export const addressKey = (address: string) =>
  address
    .toLocaleLowerCase('da')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A department of the partner user's own organisations, or a validation error naming the field. */
async function ownDepartment(trx: Tx, actor: Actor, departmentId: string) {
  const department = (await partnerDepartmentsOf(trx, actor.municipalityId, actor.userId)).find(
    (d) => d.id === departmentId,
  );
  if (!department) throw invalid([{ path: 'departmentId', code: 'unknown_department' }]);
  return department;
}

/**
 * A vacancy already reported for the same department, address and available date (not withdrawn):
 * the report is then likely a duplicate, and the partner must confirm to report it anyway.
 */
async function assertNoLikelyDuplicate(
  trx: Tx,
  actor: Actor,
  unit: Pick<VacancyBody, 'departmentId' | 'address' | 'availableOn'>,
  exceptId: string | null,
) {
  const key = addressKey(unit.address);
  const same = (
    await vacanciesRepo.vacanciesAt(trx, actor.municipalityId, unit.departmentId, unit.availableOn, exceptId)
  ).find((v) => addressKey(v.address) === key);
  if (!same) return;
  const duplicate: DuplicateVacancy = {
    vacancyId: same.id,
    address: same.address,
    availableOn: same.available_on,
    // The Danish calendar day it was reported (a report at 00:30 is that day's, not UTC's day before).
    reportedOn: danishDateOf(new Date(same.created_at)),
  };
  throw new AppError('VACANCY_LIKELY_DUPLICATE', { params: { ...duplicate } });
}

/** A housing organisation reports a vacancy; a likely duplicate is refused unless confirmed. */
export async function reportVacancy(
  trx: Tx,
  actor: Actor,
  input: VacancyBody & { confirmDuplicate?: boolean | undefined },
) {
  const { confirmDuplicate, ...unit } = input;
  await ownDepartment(trx, actor, unit.departmentId);
  if (!confirmDuplicate) await assertNoLikelyDuplicate(trx, actor, unit, null);
  const id = await createVacancy(trx, actor, unit, 'partner');
  if (confirmDuplicate)
    await audit(trx, actor, 'allocation.vacancy_duplicate_confirmed', 'vacancy', id as string, {
      departmentId: unit.departmentId,
    });
  return id as string;
}

/**
 * A vacancy of the partner's own organisations that it may still withdraw or correct, locked: open,
 * and without any offer from the municipality. Another organisation's (or municipality's) vacancy
 * is not found.
 */
async function changeableReport(trx: Tx, actor: Actor, id: string) {
  const own = await vacanciesRepo.findVacancy(trx, actor.municipalityId, id, { partnerUserId: actor.userId });
  if (!own) throw new AppError('NOT_FOUND');
  const v = (await vacanciesRepo.findVacancy(trx, actor.municipalityId, id, {
    lock: true,
  })) as vacanciesRepo.VacancyWithDepartment;
  const offers = await offersRepo.offersOf(trx, actor.municipalityId, { vacancyIds: [id] });
  if (offers.length > 0) throw new AppError('VACANCY_OFFER_MADE');
  if (v.status !== 'open') throw new AppError('VACANCY_NOT_OPEN');
  return v;
}

/** The housing organisation withdraws its report, with the reason, until the municipality has made an offer. */
export async function withdrawReport(trx: Tx, actor: Actor, id: string, reason: string) {
  await changeableReport(trx, actor, id);
  const ok = await vacanciesRepo.setVacancyStatus(trx, actor.municipalityId, id, 'open', {
    status: 'withdrawn',
    withdrawn_on: today(),
    withdrawn_reason: reason,
  });
  if (!ok) throw new AppError('VACANCY_NOT_OPEN');
  await audit(trx, actor, 'allocation.vacancy_withdraw', 'vacancy', id, { reason });
  return getVacancy(trx, actor, id, true);
}

/** The housing organisation corrects its report, with the reason, until the municipality has made an offer. */
export async function correctReport(trx: Tx, actor: Actor, id: string, input: PartnerCorrectionBody) {
  const { reason, confirmDuplicate, ...unit } = input;
  const before = await changeableReport(trx, actor, id);
  await ownDepartment(trx, actor, unit.departmentId);
  if (!confirmDuplicate) await assertNoLikelyDuplicate(trx, actor, unit, id);
  const settings = await getSettings(trx, actor);
  const deadlineOn = unit.deadlineOn ?? addDays(unit.availableOn, settings.nameDeadlineDays);
  if (deadlineOn < unit.availableOn) throw invalid([{ path: 'deadlineOn', code: 'end_before_start' }]);
  const values = {
    department_id: unit.departmentId,
    address: unit.address,
    unit_type: unit.unitType,
    rooms: unit.rooms,
    area_m2: unit.areaM2,
    rent: unit.rent,
    utilities: unit.utilities,
    deposit: unit.deposit,
    accessible: unit.accessible,
    available_on: unit.availableOn,
    origin: unit.origin,
    deadline_on: deadlineOn,
  };
  // What changed, field by field, for the audit entry.
  const changed: Record<string, { from: string | number | boolean; to: string | number | boolean }> = {};
  for (const [key, to] of Object.entries(values)) {
    const raw = before[key as keyof typeof values];
    const from = typeof to === 'number' ? num(raw as number | string) : (raw as string | boolean);
    if (from !== to) changed[key] = { from, to };
  }
  if (!(await vacanciesRepo.correctVacancy(trx, actor.municipalityId, id, values)))
    throw new AppError('VACANCY_NOT_OPEN');
  await audit(trx, actor, 'allocation.vacancy_correct', 'vacancy', id, { reason, changed });
  return getVacancy(trx, actor, id, true);
}

/**
 * Received, used and returned units per department for the housing module's dialogue report (issue 5
 * §8) of one organisation, or of every organisation (`null`: the insight module's indicators).
 */
export async function receivedUnits(
  trx: Tx,
  municipalityId: string,
  organisationId: string | null,
  from: string,
  to: string,
) {
  const rows = await vacanciesRepo.vacancyFigures(trx, municipalityId, organisationId, from, to);
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
